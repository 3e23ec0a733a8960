"""Where a writer writes: the checks on an output's path, its temporary file, its errors.

Every output is written whole or not at all: to a temporary file beside it, renamed over
it on success (:class:`OutputFile`). A symbolic link is followed: the temporary file is
made beside the file it names, which is replaced, and the link stays. An output that is
not a regular file -- a device such as ``/dev/null`` or ``/dev/full``, a named pipe
(FIFO), a socket, ``/dev/stdout`` -- is written in place, as the bytes come: renaming a
file over it would put a regular file where the device or the pipe was, and what a reader
of a pipe has read cannot be taken back, so "whole or not at all" cannot apply there.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from svduty._signals import STOPPING
from svduty.errors import InputFormatError, Problem, printable
from svduty.io._output_kinds import stream_fd, written_in_place
from svduty.io._replace import replace

__all__ = [
    "OutputFile",
    "output_error",
    "replace_text",
    "signals_held",
    "temporary",
    "writable",
    "write_all",
    "write_bytes",
    "write_folder",
    "write_together",
    "written_in_place",
]


def output_error(path: Path | None, exc: OSError, option: str | None = "--output") -> Exception:
    """The error to raise for ``exc`` writing ``path`` (``None``: standard output).

    ``option`` names the option that named the file (``None``: none did).

    A pipe closed by its reader (``svduty classify ... | head``, also through ``-o
    /dev/stdout`` or a named pipe) is not an error of the data: it is raised as it is, for
    the command line to end quietly (exit status 141).

    Example:
        >>> print(output_error(Path("o.csv"), OSError(28, "No space left on device")))
        o.csv: --output: cannot write the file (No space left on device)
        >>> type(output_error(Path("/dev/stdout"), BrokenPipeError(32, "Broken pipe"))).__name__
        'BrokenPipeError'
        >>> print(output_error(None, OSError(9, "Bad file descriptor")))
        standard output: cannot write (Bad file descriptor)
        >>> print(output_error(Path("a.toml"), OSError(13, "Permission denied"), None))
        a.toml: cannot write the file (Permission denied)
        >>> said = "Failed to open local file '/d/.o.csv.1.tmp'. Detail: [errno 2] No such file"
        >>> print(output_error(Path("o.csv"), OSError(2, said)))
        o.csv: --output: cannot write the file (No such file)
    """
    if isinstance(exc, BrokenPipeError):
        return exc
    why = exc.strerror or type(exc).__name__
    # pyarrow's own words name the temporary file: only the system's reason is said
    detail = re.search(r"Detail: \[errno \d+\] (.+)", why)
    why = detail.group(1) if detail else why
    if path is None:
        return InputFormatError(Problem(file="standard output", message=f"cannot write ({why})"))
    return InputFormatError(
        Problem(file=str(path), field=option, message=f"cannot write the file ({why})"[:160])
    )


def writable(path: Path, option: str) -> None:
    """Refuse a folder, or a file in a folder that does not exist, before anything is read.

    Example:
        >>> writable(Path("/no/such/folder/o.csv"), "--rejected")
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: /no/such/folder/o.csv: --rejected: expected a file in an existing folder
    """  # noqa: E501
    try:
        folder, parent = path.is_dir(), path.parent.is_dir()
    except OSError as exc:  # a name too long, no permission to look...
        raise output_error(path, exc, option) from None
    if folder:
        raise InputFormatError(
            Problem(file=str(path), field=option, expected="a file, not a folder")
        )
    if not parent:
        raise InputFormatError(
            Problem(file=str(path), field=option, expected="a file in an existing folder")
        )


def temporary(path: Path) -> Path:
    """A temporary file beside ``path``, unique to this writer (two never share one).

    Its name starts with (at most the first 180 bytes of) the file's name: a name the
    system takes (255 bytes) gives a temporary name it takes too.

    Example:
        >>> t = temporary(Path("out/o.csv"))
        >>> t.parent, t.name.startswith(".o.csv."), t.suffix, t == temporary(Path("out/o.csv"))
        (PosixPath('out'), True, '.tmp', False)
        >>> len(os.fsencode(temporary(Path("é" * 127 + ".csv")).name)) < 255
        True
    """
    name = os.fsdecode(os.fsencode(path.name)[:180])  # (a name not UTF-8 is kept as bytes)
    return path.with_name(f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


class OutputFile:
    """One file a writer writes: whole or not at all, or (a device, a pipe) in place.

    A regular file, or a name that does not exist yet, is written to :attr:`temp`, a
    temporary file beside the real file (a symbolic link followed), and :meth:`commit`
    renames it over the real file; :meth:`discard` removes it. A name that exists and is
    not a regular file (a device, a FIFO, a socket) has no :attr:`temp`: it is opened and
    written in place, and :meth:`commit` closes it.

    Args:
        path: The output, as named (errors name it so).
        option: The option that named it, for errors (``--output``, ``--rejected``...;
            ``None``: none did).

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> (d / "link.csv").symlink_to(d / "real.csv")
        >>> out = OutputFile(d / "link.csv")
        >>> out.real == (d / "real.csv").resolve(), OutputFile(Path("/dev/null")).temp
        (True, None)
        >>> with out.sink().open("w") as fh:
        ...     _ = fh.write("a,b")
        >>> out.commit()
        >>> (d / "link.csv").is_symlink(), (d / "real.csv").read_text()
        (True, 'a,b')
    """

    __slots__ = ("_fh", "option", "path", "real", "temp")

    def __init__(self, path: str | os.PathLike[str], option: str | None = "--output") -> None:
        self.path = Path(path)
        self.option = option
        self._fh: IO[bytes] | None = None
        if written_in_place(self.path):
            # a device, a FIFO, a socket: opened as named (/dev/stdout names a pipe or a
            # terminal through /proc, which a resolved path would lose)
            self.real = self.path
            self.temp: Path | None = None
        else:
            self.real = Path(os.path.realpath(self.path))
            self.temp = temporary(self.real)

    def sink(self) -> Path | IO[bytes]:
        """Where to write: the temporary file's path, or the device or pipe, opened.

        A path is given to a writer that opens it (Arrow's, fastest); a device or a pipe
        is opened here, by Python, which lets other threads run while it waits for a
        pipe's reader; so is a name that is not UTF-8 text (bytes Arrow cannot open by).

        Raises:
            InputFormatError: if the device or pipe cannot be opened.

        Example:
            >>> OutputFile(Path("out/o.csv")).sink().name.startswith(".o.csv.")
            True
        """
        if self.temp is not None and str(self.temp).encode(errors="replace") == os.fsencode(
            self.temp
        ):
            return self.temp
        return self.open()

    def open(self) -> IO[bytes]:
        """The file to write, opened for writing bytes (the temporary file, or in place).

        Raises:
            InputFormatError: if it cannot be opened.

        Example:
            >>> with OutputFile(Path("/dev/null")).open() as fh:
            ...     fh.write(b"gone")
            4
        """
        if self._fh is None:
            try:
                fd = stream_fd(self.path) if self.temp is None else None
                if fd is not None and self.real.is_file():
                    # the shell's file through /dev/stdout: written through the process's
                    # own descriptor, at its place in the file (reopened, a second place
                    # would write over what the shell or the program wrote after)
                    self._fh = os.fdopen(os.dup(fd), "wb")
                else:
                    self._fh = open(self.temp or self.real, "wb")  # noqa: SIM115
            except OSError as exc:
                raise output_error(self.path, exc, self.option) from None
        return self._fh

    def close(self) -> None:
        """Close what :meth:`open` opened: its last bytes are written (or raise ``OSError``)."""
        if self._fh is not None:
            fh, self._fh = self._fh, None
            fh.close()

    def commit(self) -> None:
        """Close what this opened, and rename the temporary file over the real one.

        Raises:
            InputFormatError: if the last bytes cannot be written or the file renamed
                (the temporary file is removed).
        """
        try:
            self.close()
            if self.temp is not None:
                _keep_mode(self.real, self.temp)
                replace(self.temp, self.real)  # the old file freed off this thread
        except OSError as exc:
            self.discard()
            raise output_error(self.path, exc, self.option) from None

    def discard(self) -> None:
        """Drop the temporary file (a device or a pipe keeps what was written to it)."""
        if self._fh is not None:
            fh, self._fh = self._fh, None
            with contextlib.suppress(OSError):  # the bytes that cannot be written are lost
                fh.close()
        if self.temp is not None:
            try:
                self.temp.unlink()
            except OSError:  # never made (a read-only folder says EROFS, not ENOENT):
                if os.path.lexists(self.temp):  # nothing to remove; one left is said
                    raise


@contextlib.contextmanager
def signals_held(*, deliver: bool = True) -> Iterator[None]:
    """Ctrl-C (SIGINT), SIGTERM and SIGHUP wait while outputs are renamed into place.

    Several files are renamed one after the other; an interrupt between two renames would
    leave one new and one old. Held, a signal is handed to its handler when the block ends,
    so every rename is made or none. Python runs signal handlers in the main thread only,
    whichever thread the system gave the signal to; elsewhere the block runs as it is.

    Args:
        deliver: Hand a held signal on when the block ends. A job already stopping
            removes its partial outputs with ``deliver=False``: a second Ctrl-C or
            SIGTERM (``timeout`` signals the process and its group) is dropped, not let
            interrupt the removal.

    Example:
        >>> with signals_held():
        ...     pass
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []
    before = {  # one ignored (SIGHUP under nohup) stays ignored, never held nor delivered
        s: signal.signal(s, lambda n, _: came.append(n))
        for s in STOPPING
        if signal.getsignal(s) is not signal.SIG_IGN
    }
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        if came and deliver:  # to the handler it was meant for: KeyboardInterrupt, SIGTERM...
            signal.raise_signal(came[0])


def write_together(
    files: Sequence[tuple[OutputFile, Callable[[Path | IO[bytes]], object]]],
) -> None:
    """Write each file with its function, then rename them all into place: all or none.

    Each function is given the file's :meth:`OutputFile.sink`: the temporary file's path,
    or the device or pipe, opened. An error or an interrupt before the renames leaves none
    of the regular files (and removes the temporary ones); a device or a pipe among them
    keeps what it was given.

    Raises:
        InputFormatError: naming the file that could not be written, and why.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> write_together([(OutputFile(d / "a.txt"), lambda to: write_bytes(to, b"a")),
        ...                 (OutputFile("/dev/null"), lambda to: write_bytes(to, b"b"))])
        >>> [p.name for p in d.iterdir()]
        ['a.txt']
        >>> write_together([(OutputFile(d / "b.txt"), lambda to: write_bytes(to, b"b")),
        ...                 (OutputFile(d / "no" / "c.txt"), lambda to: write_bytes(to, b"c"))])
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: /.../no/c.txt: --output: cannot write the file (No such file or directory)
        >>> [p.name for p in d.iterdir()]
        ['a.txt']
    """  # noqa: E501
    current: OutputFile | None = None
    committed = False
    try:
        for current, write in files:
            write(current.sink())
            current.close()  # every byte written before any file is renamed
        for current, _ in files:  # a rename that would fail fails before any is made
            if current.temp is not None and current.real.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        with signals_held():  # all renamed, or none
            for current, _ in files:
                current.commit()
            committed = True  # a signal held meanwhile arrives as this block ends
    except OSError as exc:
        _discard(files, deliver=True)  # a Ctrl-C meanwhile stops the run after the removal
        assert current is not None
        raise output_error(current.path, exc, current.option) from None
    except BaseException as exc:
        _discard(files, deliver=False)  # already stopping: a second signal is dropped
        said = [printable(str(f.path)) for f, _ in files] if committed else []  # the command
        exc.svduty_written = said  # type: ignore[attr-defined]  # says they are written whole
        raise


def _discard(files: Sequence[tuple[OutputFile, object]], *, deliver: bool) -> None:
    """Remove every file's temporary file, signals held meanwhile (see :func:`signals_held`)."""
    with signals_held(deliver=deliver):
        for out, _ in files:
            out.discard()


def write_bytes(sink: Path | IO[bytes], data: bytes) -> None:
    """Write ``data`` to a sink of :meth:`OutputFile.sink`: a path, or an open file.

    Example:
        >>> import io
        >>> out = io.BytesIO(); write_bytes(out, b"abc"); out.getvalue()
        b'abc'
    """
    if isinstance(sink, Path):
        sink.write_bytes(data)
    else:
        write_all(sink, data)


def _keep_mode(real: Path, temp: Path) -> None:
    """The permissions of the file ``temp`` replaces, given to it (none: left as made).

    A user who made an output readable by themselves alone (``chmod 600``: rows of police
    data) keeps it so when a run replaces it, as ``sed -i`` and ``rsync`` do.
    """
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode):
        os.chmod(temp, stat.S_IMODE(mode))


def replace_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole: a temporary beside it, renamed over it.

    A reader sees the old file or the new one, never a part; interrupted, no temporary
    file is left. A symbolic link is followed (the file it names is replaced); a device
    or a pipe is written in place.

    Example:
        >>> import tempfile
        >>> f = Path(tempfile.mkdtemp()) / "a.toml"
        >>> replace_text(f, "x = 1")
        >>> f.read_text(), sorted(p.name for p in f.parent.iterdir())
        ('x = 1', ['a.toml'])
    """

    def write(sink: Path | IO[bytes]) -> None:
        if isinstance(sink, Path):
            sink.write_text(text, encoding="utf-8")
        else:
            write_all(sink, text.encode("utf-8"))

    write_together([(OutputFile(path, None), write)])


def write_all(raw: IO[bytes], data: Any) -> None:
    """Write every byte: a buffered stream may write part of a large buffer and return.

    (It does when the reader of a pipe goes away mid-write: the rest is lost without an
    error, and the next write raises the ``BrokenPipeError``.)

    Example:
        >>> import io
        >>> class Short(io.BytesIO):
        ...     def write(self, b): return super().write(bytes(b)[:3])
        >>> out = Short(); write_all(out, b"0123456789"); out.getvalue()
        b'0123456789'
    """
    view = memoryview(data).cast("B")
    while view:
        view = view[raw.write(view) :]


def write_folder(root: Path, texts: dict[str, str]) -> None:
    """Write the files in a temporary folder beside ``root``, then rename it to ``root``.

    Interrupted or failed, no ``root`` exists and the temporary folder is removed.
    """
    for folder in (root.parent, *root.parent.parents):  # a file where a folder must be
        if folder.exists():
            if not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
            break
    root.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary(root)
    try:
        tmp.mkdir()
        for file, text in texts.items():
            (tmp / file).write_text(text, encoding="utf-8")
        os.rename(tmp, root)  # fails (and cleans up) if another process made root meanwhile
    except BaseException as exc:
        import shutil  # a folder is written by init, not classify: not at its start-up

        shutil.rmtree(tmp, ignore_errors=True)
        if not isinstance(exc, OSError) or (exc.filename and Path(exc.filename) == root):
            raise  # else named as the folder asked for, not its temporary name (nor none:
        raise type(exc)(exc.errno, exc.strerror, str(root)) from None  # a full disk names none)
