"""What kind of input the first one is: police.uk street-level files or incidents.

Split from :mod:`svduty.io._inputs` (which lists the files an input names).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from svduty.errors import InputFormatError, Problem
from svduty.io._compressed import refuse_compressed
from svduty.io._inputs import (
    JSONL_SUFFIXES,
    NOT_A_PIPE,
    PARQUET_SUFFIXES,
    STDIN,
    first_line,
    is_police_uk_header,
)
from svduty.io._missing import not_found

__all__ = ["detect_format", "refuse_mixed"]


def detect_format(inputs: Sequence[str | Path]) -> str:
    """``police-uk`` or ``incidents``, from the first input's suffix and header.

    Raises:
        InputFormatError: if the input is missing or of neither kind.

    Example:
        >>> from svduty.io import sample_police_uk
        >>> detect_format([sample_police_uk()]), detect_format(["-"])
        ('police-uk', 'incidents')
    """
    if str(inputs[0]) == STDIN:
        return "incidents"
    first = Path(inputs[0])
    if not first.exists():
        raise not_found(first)
    if first.is_dir():
        return "police-uk"
    refuse_compressed(first)  # before its header is read as text
    suffix = first.suffix.lower()
    if suffix in (*JSONL_SUFFIXES, *PARQUET_SUFFIXES):
        return "incidents"
    if not first.is_file():  # a pipe (<(cat f), /dev/stdin) or a device
        raise InputFormatError(Problem(file=str(first), expected=NOT_A_PIPE))
    if is_police_uk_header(first_line(first)):
        return "police-uk"
    if suffix == ".csv":
        return "incidents"
    raise InputFormatError(
        Problem(
            file=str(first),
            field="--input-format",
            expected="a police.uk street-level CSV (header 'Crime ID,Month,...'), a folder of "
            "them, or incidents as .jsonl (or .csv/.parquet with --map); or give --input-format",
        )
    )


_KINDS = {"police-uk": "police.uk street-level months", "incidents": "incidents"}


def refuse_mixed(inputs: Sequence[str | Path], fmt: str) -> None:
    """Refuse a named file of the other kind than the run's ``fmt``, before any row is read.

    ``classify`` reads one kind of file a run. A file of the other kind was refused only
    when its turn came, after the earlier files' classifications had gone to standard
    output. Only a file whose kind is certain is refused here: a ``.jsonl`` or Parquet
    file among police.uk months, a CSV with police.uk's header among incidents; any other
    file is left to its reader, which names what is wrong with it, as is a run whose every
    input is of the other kind (``--input-format`` given wrong: no mix).

    Raises:
        InputFormatError: naming the file, its kind and the run's.

    Example:
        >>> from svduty.io import sample_police_uk
        >>> refuse_mixed([sample_police_uk(), "-", "no-such-file.csv"], "police-uk")
        >>> refuse_mixed(["incidents.jsonl", sample_police_uk()], "incidents")
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: ...: --input-format: expected incidents, this run's kind (its first input's, or --input-format's): this file is police.uk street-level months (its header); classify the two kinds in two runs
    """  # noqa: E501
    others = [(Path(given), why) for given in inputs if (why := _other_kind(given, fmt))]
    if not others or len(others) == len(inputs):  # no mix: the reader says its own words
        return
    path, why = others[0]
    kind = _KINDS["incidents" if fmt == "police-uk" else "police-uk"]
    expected = (
        f"{_KINDS[fmt]}, this run's kind (its first input's, or --input-format's): "
        f"this file is {kind} ({why}); classify the two kinds in two runs"
    )
    raise InputFormatError(Problem(file=str(path), field="--input-format", expected=expected))


def _other_kind(given: str | Path, fmt: str) -> str:
    """How a named file shows it is not of kind ``fmt`` (``its suffix``), or ``""``.

    Example:
        >>> from svduty.io import sample_police_uk
        >>> _other_kind(sample_police_uk(), "incidents"), _other_kind("-", "police-uk")
        ('its header', '')
    """
    path = Path(given)
    if str(given) == STDIN or not path.is_file():  # a folder's files: their reader says
        return ""
    if fmt == "police-uk":
        return "its suffix" if path.suffix.lower() in (*JSONL_SUFFIXES, *PARQUET_SUFFIXES) else ""
    try:
        return "its header" if is_police_uk_header(first_line(path)) else ""
    except OSError:  # unreadable: its reader says so, naming it
        return ""
