"""Which files an input names, and what kind they are: the front door of every reader.

A folder stands for the CSV files under it (``.csv`` in any case); files of other kinds in
it, links to folders (not followed), broken links, loops of links and hidden ``.csv`` files
are listed as skipped, never silently dropped. A file named twice (directly and through
its folder, through a symbolic link, or the same folder twice), or a copy of one (the
same bytes), is read once: the later names are listed as skipped, naming the first. A
file's kind is told by its suffix and, for CSV, by its header: a police.uk street-level
file has the 12 police.uk columns, compared after normalising the names (quotes, padding,
a byte order mark and case do not matter).
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Collection, Iterable
from pathlib import Path

import attrs

from svduty._arguments import paths_argument
from svduty.errors import InputFormatError, Problem, printable
from svduty.io._compressed import compressed_name
from svduty.io._missing import lost_link, not_found

__all__ = [
    "CHECKED_COLUMNS",
    "JSONL_SUFFIXES",
    "NOT_A_PIPE",
    "PARQUET_SUFFIXES",
    "POLICE_UK_COLUMNS",
    "POLICE_UK_HEADER",
    "SUMMARY_COLUMNS",
    "Inputs",
    "expand_inputs",
    "is_json_lines",
    "is_police_uk_header",
    "normalise_header",
    "other_police_uk_file",
    "other_separator",
    "path_list",
    "wanted_columns",
]

POLICE_UK_COLUMNS: tuple[str, ...] = (
    "Crime ID",
    "Month",
    "Reported by",
    "Falls within",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA code",
    "LSOA name",
    "Crime type",
    "Last outcome category",
    "Context",
)
"""The header of a police.uk street-level crime file, in order."""

POLICE_UK_HEADER = "the 12 police.uk columns " + ",".join(POLICE_UK_COLUMNS)
"""What a police.uk file's header holds, in the words of a problem's ``expected``."""

CHECKED_COLUMNS: tuple[str, ...] = ("Month", "Longitude", "Latitude", "Crime type")
"""The police.uk columns every row is checked by (a row is rejected for a malformed
month, coordinate or crime type): always read, whatever columns are wanted."""

SUMMARY_COLUMNS: tuple[str, ...] = (*CHECKED_COLUMNS, "LSOA code", "LSOA name")
"""The police.uk columns a summary of the pipeline's answers needs (``columns`` of
:func:`~svduty.io.read_police_uk`): what the pipeline adds to a row depends only on its
month, LSOA and crime type, the coordinates are checked, and a summary counts nothing
else. ``svduty classify`` without ``--output`` and ``svduty report`` read only these: the
other six (Crime ID, the longest, among them) are not converted, about half the reader's
work (0.36 -> 0.18 s of CPU for 400,000 rows).

Example:
    >>> from svduty.io import SUMMARY_COLUMNS
    >>> "Crime ID" in SUMMARY_COLUMNS, "LSOA code" in SUMMARY_COLUMNS
    (False, True)
"""


def wanted_columns(columns: Collection[str] | None) -> tuple[str, ...] | None:
    """The columns to convert, in the file's order (``None``: all of them).

    Example:
        >>> wanted_columns(["LSOA code"])
        ('Month', 'Longitude', 'Latitude', 'LSOA code', 'Crime type')
        >>> wanted_columns(None) is None, wanted_columns(POLICE_UK_COLUMNS) is None
        (True, True)
    """
    if columns is None:
        return None
    if isinstance(columns, str):  # one name, not its letters
        columns = [columns]
    unknown = sorted(set(columns) - set(POLICE_UK_COLUMNS))
    if unknown:
        raise InputFormatError(
            Problem(
                field="columns",
                message=f"{len(unknown)} unknown column name(s)",
                expected=f"police.uk column names: {', '.join(POLICE_UK_COLUMNS)}",
            )
        )
    wanted = set(columns) | set(CHECKED_COLUMNS)
    if len(wanted) == len(POLICE_UK_COLUMNS):
        return None
    return tuple(c for c in POLICE_UK_COLUMNS if c in wanted)


JSONL_SUFFIXES = (".jsonl", ".ndjson")
"""The suffixes of JSON Lines incident files."""

PARQUET_SUFFIXES = (".parquet", ".pq")
"""The suffixes of Parquet incident files."""

STDIN = "-"
"""The input name that means standard input (incidents as JSON Lines)."""


def is_json_lines(path: str | Path) -> bool:
    """Whether an incident input is JSON Lines: standard input, or a file of its suffixes.

    Example:
        >>> is_json_lines("-"), is_json_lines("in.NDJSON"), is_json_lines("in.csv")
        (True, True, False)
    """
    return str(path) == STDIN or Path(path).suffix.lower() in JSONL_SUFFIXES


def normalise_header(line: bytes | str) -> list[str]:
    r"""The names of a CSV header line, unquoted, trimmed and in lower case.

    Example:
        >>> normalise_header(b'\xef\xbb\xbf "Crime ID" , Month\r\n')
        ['crime id', 'month']
    """
    text = line.decode("utf-8-sig", errors="replace") if isinstance(line, bytes) else line
    text = text.lstrip("\ufeff").strip("\r\n")
    row = next(csv.reader([text], skipinitialspace=True), [])
    return [_name(c) for c in row]


def _name(column: str) -> str:
    """A column's name as :func:`normalise_header` compares it."""
    return " ".join(column.strip().strip('"').split()).lower()


_POLICE_UK = [c.lower() for c in POLICE_UK_COLUMNS]


def is_police_uk_header(line: bytes | str) -> bool:
    """Whether a header line is police.uk's (after :func:`normalise_header`).

    Example:
        >>> is_police_uk_header(",".join(f'"{c.upper()} "' for c in POLICE_UK_COLUMNS))
        True
        >>> is_police_uk_header("id,weapon")
        False
    """
    return normalise_header(line) == _POLICE_UK


_OTHER_FILES: tuple[tuple[str, set[str], set[str]], ...] = (
    ("outcomes", {"crime id", "outcome type"}, {"crime type"}),
    ("stop and search", {"object of search", "legislation"}, set()),
)
"""police.uk's other two monthly files, told by columns their headers hold (and the
street-level file's ``Crime type``, which an outcomes file lacks)."""


def other_police_uk_file(line: bytes | str | Collection[str]) -> str | None:
    """Which other police.uk file a header is (``None``: neither): its line, or its names.

    A police.uk download holds, for each force and month, a street-level crime file
    (``2025-06-warwickshire-street.csv``, the one svduty reads), an outcomes file and a
    stop and search file. The two others are told by their headers, whatever their names.

    Example:
        >>> other_police_uk_file("Crime ID,Month,LSOA code,Outcome type")
        'a police.uk outcomes file'
        >>> other_police_uk_file("Type,Date,Legislation,Object of search,Outcome")
        'a police.uk stop and search file'
        >>> other_police_uk_file(POLICE_UK_COLUMNS) is None  # the street-level file's names
        True
    """
    given = normalise_header(line) if isinstance(line, bytes | str) else map(_name, line)
    names = set(given)
    for kind, holds, lacks in _OTHER_FILES:
        if holds <= names and not lacks & names:
            return f"a police.uk {kind} file"
    return None


def other_separator(line: bytes | str, known: Collection[str] = ()) -> str | None:
    r"""``';'`` or ``tabs``: what separates a header's fields (some locales' spreadsheets).

    ``None`` unless the line, split so, gives police.uk's 12 fields or a name in ``known``.

    Example:
        >>> other_separator(";".join(POLICE_UK_COLUMNS).encode())
        "';'"
        >>> other_separator("id\tOffence_Code", {"offence_code"})
        'tabs'
        >>> other_separator(",".join(POLICE_UK_COLUMNS)) is None
        True
    """
    text = line.decode("utf-8-sig", errors="replace") if isinstance(line, bytes) else line
    for sep, said in ((";", "';'"), ("\t", "tabs")):
        parts = [_name(c) for c in text.strip("\r\n").split(sep)]
        if len(parts) > 1 and (len(parts) == len(POLICE_UK_COLUMNS) or set(parts) & set(known)):
            return said
    return None


def first_line(path: Path) -> bytes:
    """The first line of a file (at most 64 KiB), for detection."""
    with path.open("rb") as fh:
        block = fh.read(1 << 16)
    for end in (b"\n", b"\r"):
        if end in block:
            block = block.split(end, 1)[0]
    return block


@attrs.frozen(slots=True)
class Inputs:
    """The files an input list names, and the files of its folders that were skipped.

    Attributes:
        files: The files to read, in order, each once.
        skipped: Files not read, as text with the reason: files in a folder that are not
            CSV files, and a file named again (the same file as one before it).

    Example:
        >>> Inputs(files=(Path("a.csv"),)).skipped
        ()
    """

    files: tuple[Path, ...]
    skipped: tuple[str, ...] = ()


def path_list(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The inputs as a list of paths: one path (``str`` or :class:`~pathlib.Path`) is one input.

    A string is never taken as the characters it holds: ``"june.csv"`` is one file.

    Raises:
        InputFormatError: if an input is the empty string (``Path("")`` is the current
            folder: never what was meant, e.g. an unset variable), or there is no input
            (an empty list, e.g. from a pattern that matched no file, would read as no
            rows at all; a folder without a CSV file is refused for the same reason).

    Example:
        >>> path_list("june.csv"), path_list(["a.csv", Path("b.csv")])
        ([PosixPath('june.csv')], [PosixPath('a.csv'), PosixPath('b.csv')])
        >>> path_list(["a.csv", ""])
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: '': expected a file or folder name, not an empty string
        >>> path_list([])
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: inputs: expected at least one file or folder (got none)
    """
    items = paths_argument(inputs, "inputs")
    if not items:
        raise InputFormatError(
            Problem(field="inputs", expected="at least one file or folder (got none)")
        )
    for item in items:
        if not os.fspath(item):
            raise InputFormatError(
                Problem(file="''", expected="a file or folder name, not an empty string")
            )
    return [Path(item) for item in items]


def expand_inputs(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, folders: bool = True
) -> Inputs:
    """Expand files and folders into the files to read (folders: their CSV files, sorted).

    Each file is read once: a file named again -- the same real file as one before it,
    named directly and through its folder, through a symbolic link, or in a folder given
    twice -- is listed in :attr:`Inputs.skipped` (``<path> (named twice: the same file as
    <first>)``), not read again. Standard input (``-``) is not a file name and is kept.

    Args:
        inputs: A file or folder, or several (``-`` is standard input).
        folders: Whether a folder may stand for its CSV files (police.uk months); when
            not, a folder is an error.

    Raises:
        InputFormatError: if an input does not exist, is a folder where a file is
            expected, or a folder holds no CSV file, or there is no input.

    Example:
        >>> from svduty.io import sample_police_uk
        >>> [p.name for p in expand_inputs([sample_police_uk().parent]).files]
        ['2025-06-warwickshire-street.csv']
        >>> twice = expand_inputs([sample_police_uk(), sample_police_uk().parent])
        >>> len(twice.files), twice.skipped[0].endswith("csv (named twice: the same file as "
        ...                                             f"{sample_police_uk()})")
        (1, True)
    """
    files: list[Path] = []
    skipped: list[str] = []
    for p in path_list(inputs):
        if str(p) == STDIN:
            files.append(p)
        elif p.is_dir() and not folders:
            raise InputFormatError(Problem(file=str(p), expected="a file, not a folder"))
        elif p.is_dir():
            _every_folder_read(p)
            found, before = [], len(skipped)
            for q in sorted(p.rglob("*"), key=_copies_last):
                why = _not_read(q, p)
                if why is None:
                    found.append(q)
                elif why:
                    skipped.append(f"{q} ({why})")
            if not found:
                held = f" (it holds {printable(skipped[-1])})" if skipped[before:] else ""
                raise InputFormatError(
                    Problem(file=str(p), expected=f"a folder holding police.uk CSV files{held}")
                )
            files.extend(found)
        elif p.is_file() and not _utf8_name(p):
            raise InputFormatError(Problem(file=str(p), expected=_NOT_UTF8))
        elif p.is_file():
            files.append(p)
        elif p.exists():
            raise InputFormatError(Problem(file=str(p), expected=NOT_A_PIPE))
        else:
            raise not_found(p)
    return _once(files, skipped)


def _every_folder_read(folder: Path) -> None:
    """Refuse a folder, or a folder inside it, that cannot be listed (no permission).

    :meth:`Path.rglob` passes over a folder it may not list, so a month in one was left
    out of the run unsaid (mend49), where an unreadable file stops it (exit status 1).

    Raises:
        InputFormatError: naming the first such folder and why.

    Example:
        >>> _every_folder_read(Path(".")) is None
        True
    """

    def refuse(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else folder
        why = exc.strerror or type(exc).__name__
        raise InputFormatError(
            Problem(file=str(where), message=f"cannot read the folder ({why})")
        ) from None

    for _ in os.walk(folder, onerror=refuse):  # links to folders not followed, as rglob
        pass


def _not_read(q: Path, folder: Path) -> str | None:
    """Why a folder's entry is not read (``""``: said nothing of), or ``None`` to read it.

    A ``.csv`` file is read, unless its header is police.uk's outcomes or stop and search
    file's (:func:`other_police_uk_file`: a download folder holds all three); anything else
    the folder holds is listed (a link to a folder
    is not followed, as ``rglob`` does not), but a hidden file that is not a ``.csv`` file
    and a folder itself (its files are listed one by one) are said nothing of. A hidden
    ``.csv`` file (``.git/x.csv``, a macOS ``._m.csv``) is listed, not read.

    Example:
        >>> from svduty.io import sample_police_uk
        >>> _not_read(sample_police_uk(), sample_police_uk().parent) is None
        True
    """
    hidden = any(part.startswith(".") for part in q.relative_to(folder).parts)
    csv_name = q.suffix.lower() == ".csv"
    if csv_name and not hidden and not _utf8_name(q):
        return "its name is not UTF-8 text: rename the file to read it"
    if q.is_symlink() and not q.exists():
        return lost_link(q)  # broken, or a loop of links
    if q.is_dir():
        return (
            "a link to a folder: not followed (name the folder to read it)"
            if (q.is_symlink() and not hidden)
            else ""
        )
    if not q.is_file():
        return "not a regular file" if not hidden or csv_name else ""
    if hidden:
        return "a hidden file" if csv_name else ""
    if not csv_name:
        return compressed_name(q) or "not a .csv file"
    try:
        other = other_police_uk_file(first_line(q))
    except OSError:  # unreadable: the reader says so, naming it
        return None
    return f"{other}, not street-level crimes" if other else None


_NOT_UTF8 = "a file name that is UTF-8 text (rename the file to read it)"
"""Why a file is not read: its name (bytes the file system holds) is not UTF-8 text, and
the outputs name each row's file (a column of text)."""


def _utf8_name(p: Path) -> bool:
    """Whether the path is UTF-8 text (not bytes read as surrogates).

    Example:
        >>> _utf8_name(Path("june.csv")), _utf8_name(Path(os.fsdecode(bytes([98, 255]))))
        (True, False)
    """
    try:
        str(p).encode()
    except UnicodeEncodeError:
        return False
    return True


def _copies_last(q: Path) -> tuple[Path, int, Path]:
    """Where a folder's file comes: in name order, but a copy after the file it copies.

    A browser names a second download ``month (1).csv``, which a name order puts before
    ``month.csv``: the copy, not the original, would then be the file read.

    Example:
        >>> names = ["m (2).csv", "m (1).csv", "m.csv", "l.csv"]
        >>> [q.name for q in sorted(map(Path, names), key=_copies_last)]
        ['l.csv', 'm.csv', 'm (1).csv', 'm (2).csv']
    """
    m = _COPY.fullmatch(q.stem)
    if m is None:
        return q, 0, q
    return q.with_name(m.group(1) + q.suffix), int(m.group(2)), q


_COPY = re.compile(r"(.+) \((\d{1,6})\)")
"""The name a browser gives a second download of a file: ``month (1)``."""


def _once(files: list[Path], skipped: list[str]) -> Inputs:
    """Each real file once (the first name kept); a later name of it skipped, with why.

    The same file is the same device and inode: a symbolic link, ``..``, a hard link. A
    copy (another file of the same bytes, such as ``month (1).csv`` beside ``month.csv``)
    would count every row twice: it is skipped too. Only files of a size another file has
    are read for their digest (once each), so many files cost no more than one each.
    """
    first: dict[tuple[int, int], Path] = {}
    sizes: dict[int, list[Path]] = {}
    digests: dict[bytes, Path] = {}
    kept: list[Path] = []
    for p in files:
        if str(p) == STDIN:
            kept.append(p)
            continue
        st = p.stat()
        real = (st.st_dev, st.st_ino)
        if real in first:
            skipped.append(f"{p} (named twice: the same file as {first[real]})")
            continue
        alike = sizes.setdefault(st.st_size, []) if st.st_size else []
        if alike:  # another file of this size: compare digests
            if len(alike) == 1:  # the size's first file: its digest now
                digests.setdefault(_digest(alike[0]), alike[0])
            digest = _digest(p)
            if digest in digests:
                skipped.append(f"{p} (a copy of {digests[digest]}: the same bytes, read once)")
                continue
            digests[digest] = p
        first[real] = p
        alike.append(p)
        kept.append(p)
    return Inputs(files=tuple(kept), skipped=tuple(skipped))


def _digest(p: Path) -> bytes:
    """A file's BLAKE2b digest (the same digest: the same bytes)."""
    import hashlib  # only for files of a size another has

    with p.open("rb") as f:
        return hashlib.file_digest(f, "blake2b").digest()


NOT_A_PIPE = (
    "a file or a folder, not a pipe or a device: police.uk and incident tables are read "
    "from files (save the stream to a file first); incidents as JSON Lines are read from "
    "standard input ('-'): svduty classify - or svduty explain -"
)
"""What an input that is neither a file nor a folder is told."""
