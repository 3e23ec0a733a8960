"""The ``svduty`` command line.

Each command lives in its own module under :mod:`svduty._commands` and registers itself
with :func:`build_parser`. Exit codes follow the usual conventions: 0 success, 1 the input
or the checks failed (bad data, validation errors, a file that cannot be read or written),
2 the command line itself was wrong, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM), 129
hung up (SIGHUP: the terminal or ssh session closed),
141 standard output's reader went away (``| head``) before the command finished.
Errors go to standard error, results to standard output; no traceback reaches a user (set
``SVDUTY_DEBUG=1`` to see one).

Example:
    >>> main(["--version"])  # doctest: +ELLIPSIS
    svduty ...
    0
"""

from __future__ import annotations

import argparse
import errno
import importlib
import io
import os
import re
import signal
import sys
import threading
from collections.abc import Collection, Sequence
from typing import Any, TextIO, cast

from svduty import _collector
from svduty._commands._examples import TOP_EPILOG, examples
from svduty._commands._parser import _DASHED_FILE, _Parser
from svduty._commands._stdout import Closed, quiet_stdout, unwritten, written
from svduty._commands._stopped import (
    EXIT_BROKEN_PIPE,
    STOPPING,
    Stopped,
    on_sigint,
    on_stop,
    stopped,
)
from svduty._commands._unexpected import unexpected

__all__ = ["COMMANDS", "build_parser", "main"]

COMMANDS: dict[str, str] = {
    "info": "summarise a partnership: its area, districts, CSPs and police areas",
    "init": "write a starting bundle for a police force area, county, district or CSP",
    "validate": "check a bundle folder; one line per problem (file: field: what was expected)",
    "funding": "the Home Office grant: allocations, totals, reconciliation, splits",
    "governance": "show, change (what-if) and validate a partnership's governance graph",
    "explain": "explain, with reasons and citations, how each incident is classified",
    "classify": "classify police.uk or incident files and summarise every row",
    "report": "profile the area from police.uk files: one HTML page (and CSV tables)",
    "schema": "print the JSON Schema of a JSON document a command writes (or list them)",
}
"""The command modules of :mod:`svduty._commands` and their one-line help, in the order
``--help`` lists them (each module's ``register`` uses the same line; a test checks it).

A command's module is imported only when that command runs, so ``svduty --help`` and
``svduty --version`` start without importing pyarrow or loading a partnership."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _version() -> str:
    import svduty

    return svduty.__version__


class _CommandImports:
    """An import finder for the ``svduty`` command's own process: no pandas, dateutil later.

    pyarrow imports pandas, when it is installed, the first time it converts Python values
    to Arrow (to check whether they are pandas objects) and when it first groups rows
    (``pyarrow.dataset``): about 0.2 s, most of a small run's start-up. The command never
    gives pyarrow a pandas object, so while a command runs ``import pandas`` fails, and
    pyarrow goes on without it.

    pendulum imports ``dateutil.parser`` (and with it ``dateutil.tz`` and
    ``importlib.resources``) for the free-form strings of ``pendulum.parse``, which svduty
    never calls: about 11 ms of every command's start-up. While a command runs that module
    is imported lazily (:class:`importlib.util.LazyLoader`): it is loaded the first time
    one of its names is used, if ever.

    A program that imports svduty, or calls :func:`main` with arguments, is unchanged.

    Example:
        >>> finder = _CommandImports()
        >>> finder.find_spec("pandas")
        Traceback (most recent call last):
        ...
        ModuleNotFoundError: No module named 'pandas'
        >>> finder.find_spec("json") is None  # every other module: as usual
        True
    """

    REFUSED = ("pandas",)
    """Packages the command refuses (with their submodules)."""

    LAZY = ("dateutil.parser",)
    """Modules the command loads when first used."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name.split(".", maxsplit=1)[0] in self.REFUSED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        if name not in self.LAZY:
            return None
        import importlib.util

        for finder in sys.meta_path:  # the finders after this one find it as usual
            found = finder is not self and getattr(finder, "find_spec", None)
            spec = found(name, path, target) if found else None
            if spec is not None and spec.loader is not None:
                spec.loader = importlib.util.LazyLoader(spec.loader)
                return spec
        return None


_COMMAND_ENVIRONMENT = {"OPENBLAS_NUM_THREADS": "1"}
"""What the ``svduty`` command's own process sets in its environment, unless already set.

numpy (which pyarrow imports) starts OpenBLAS's threads when it is imported, and they
wait for work spinning on the other cores: about 0.1 s of CPU in every process, on the
cores Arrow's readers use. No command uses BLAS (numpy's linear algebra), so the command
runs OpenBLAS on one thread, and starts none of them. A value the user set is kept; a
program that imports svduty, or calls :func:`main` with arguments, is unchanged.
"""


_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
"""A write that found no room: a file names itself in its error, standard output does not."""


def build_parser(
    load: Collection[str] | None = None, *, others: bool = True
) -> argparse.ArgumentParser:
    """Build the argument parser.

    Args:
        load: The commands whose modules register their options (default: every command);
            the others are listed by name and one-line help only.
        others: Whether the commands not loaded are listed (each a parser: 0.3 ms of start-up).

    Example:
        >>> build_parser().prog
        'svduty'
        >>> build_parser(load=()).parse_args(["info"]).command
        'info'
    """
    parser = _Parser(
        prog="svduty",
        description=(
            "The Serious Violence Duty (Police, Crime, Sentencing and Courts Act 2022, "
            "Part 2) as code: check incidents against the Duty's definitions, inspect a "
            "partnership's areas, authorities, governance and funding."
        ),
        epilog=TOP_EPILOG,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="with --version: also Python's and the libraries' versions and the JSON "
        "documents' (what a bug report needs)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in COMMANDS.items():
        if load is None or name in load:
            importlib.import_module(f"svduty._commands.{name}").register(sub)
            command = sub.choices[name]  # its help ends with what a user would type
            command.epilog = "\n\n".join(x for x in (command.epilog, examples(name)) if x)
        elif others:
            sub.add_parser(name, help=summary)
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line and return its exit code.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).
        stdout: Where results go (default: ``sys.stdout``).
        stderr: Where errors go (default: ``sys.stderr``).

    Example:
        >>> import io
        >>> err = io.StringIO()
        >>> main([], stderr=err)
        2
    """
    # a standard stream closed before the start ('>&-') is None: writing results there
    # fails as writing to a closed file does; errors are dropped
    out = stdout if stdout is not None else sys.stdout or cast(TextIO, Closed())
    if argv is None and isinstance(out, io.TextIOWrapper) and out.encoding != "utf-8":
        out.reconfigure(encoding="utf-8")  # as every file svduty writes: a locale's ASCII or
        # Latin-1 cannot hold '£', a Welsh name or an id, and failed half-way (hostile47)
    err = stderr if stderr is not None else sys.stderr or io.StringIO()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list == ["--version"]:  # answered before any command module is imported
        return written(f"svduty {_version()}", out, err)
    command = argv is None  # the svduty command itself, not a program calling main()
    blocker = _CommandImports() if command and "pandas" not in sys.modules else None
    if blocker is not None:
        sys.meta_path.insert(0, blocker)  # before the command's modules are imported
    if command:
        _collector.pause()  # until the partnership is loaded: see svduty._collector
        if "numpy" not in sys.modules:  # read when numpy is first imported
            for variable, value in _COMMAND_ENVIRONMENT.items():
                os.environ.setdefault(variable, value)
    try:
        return _run(args_list, out, err, cache=command)
    except (KeyboardInterrupt, Stopped) as exc:  # while starting (importing, parsing)
        name = next((a for a in args_list if not a.startswith("-")), None)
        how = exc.how if isinstance(exc, Stopped) else "interrupted"  # nothing written
        return stopped(err, name if name in COMMANDS else None, how)
    finally:
        if blocker is not None:
            sys.meta_path.remove(blocker)
        if command:
            _collector.settle()


def _run(args_list: list[str], out: TextIO, err: TextIO, *, cache: bool = False) -> int:
    """Parse the arguments and run the command (see :func:`main`).

    With ``cache`` (the ``svduty`` command itself) the command keeps the partnerships it
    loads in the cache :mod:`svduty._commands._cache` describes.
    """
    command = next((a for a in args_list if not a.startswith("-")), None)
    if cache and command in COMMANDS:  # its module builds attrs classes: their methods'
        from svduty._commands._cache import cache_folder  # code from the last run's
        from svduty._commands._compiled import methods_kept  # (svduty._commands._compiled)

        with methods_kept(cache_folder()):
            return _parsed_and_run(args_list, command, out, err, cache=cache)
    return _parsed_and_run(args_list, command, out, err, cache=cache)


def _parsed_and_run(
    args_list: list[str], command: str | None, out: TextIO, err: TextIO, *, cache: bool
) -> int:
    """:func:`_run` once the command is known (``command``: its name, if one was given)."""
    first = command in COMMANDS and args_list[0] == command  # no top-level option before it
    parser = build_parser(load=(command,) if command in COMMANDS else (), others=not first)
    options = args_list[: args_list.index("--")] if "--" in args_list else args_list
    _DASHED_FILE.set(any(a[:1] == "-" and a != "-" and os.path.exists(a) for a in options))
    saved = sys.stdout, sys.stderr  # argparse writes --help and its usage errors there
    sys.stdout, sys.stderr = out, err  # (contextlib's redirect would cost 3 ms to import)
    try:
        args, unknown = parser.parse_known_args(args_list)
        if unknown:
            _unrecognized(parser, getattr(args, "command", None), unknown)
    except SystemExit as exc:  # argparse exits on --help (0) and on usage errors (2)
        status = int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
        return written(None, out, err, status)  # --help: said only once it is written
    except OSError as exc:  # --help to a closed standard output, or a pipe gone
        return unwritten(exc, out, err)
    finally:
        sys.stdout, sys.stderr = saved
    if args.version and args.verbose:  # what a bug report needs
        from svduty._commands._versions import versions_text

        return written(versions_text(_version()), out, err)
    if args.version:
        return written(f"svduty {_version()}", out, err)
    if args.verbose:  # never silently ignored
        parser.print_usage(err)
        print("svduty: error: --verbose: only with --version", file=err)
        return EXIT_USAGE
    if not getattr(args, "command", None):
        parser.print_usage(err)
        print("svduty: error: a COMMAND is required (see 'svduty --help')", file=err)
        return EXIT_USAGE
    empty = _empty_argument(args_list)
    if empty is not None:  # a path of '' is the current folder: never what was meant
        print(
            f"svduty {args.command}: error: {empty} is empty (an unset shell variable?)",
            file=err,
        )
        return EXIT_USAGE
    from svduty._commands import _cache
    from svduty._commands._memory_pool import command_pool
    from svduty.errors import SvdutyError  # after --help and --version: it imports attrs

    main_thread = threading.current_thread() is threading.main_thread()
    previous = {  # the first stops the command, and any that follow are dropped
        signum: signal.signal(signum, on_sigint if signum == signal.SIGINT else on_stop)
        for signum in STOPPING  # one ignored by whoever started it (nohup) stays ignored
        if main_thread and signal.getsignal(signum) is not signal.SIG_IGN
    }
    try:
        pool = getattr(args, "memory_pool", None) if cache else None  # the command's own
        with _cache.using(_cache.cache_folder() if cache else None), command_pool(pool):
            code: int = args.run(args, out, err)
    except SvdutyError as exc:  # the command line's own conflicts say exit status 2
        from svduty._commands._as_typed import as_typed  # each path named as typed

        print(f"svduty {args.command}: error: {as_typed(exc, args_list)}", file=err)
        return int(getattr(exc, "exit_status", EXIT_FAILED))
    except (KeyboardInterrupt, Stopped) as exc:  # a command writing whole says so
        wrote = getattr(exc, "svduty_written", None) or getattr(args, "svduty_wrote", [])
        none = getattr(args, "writes_whole", False) and not wrote
        how = "interrupted" if isinstance(exc, KeyboardInterrupt) else exc.how
        return stopped(err, args.command, how, nothing_written=none, wrote=wrote)
    except BrokenPipeError:  # e.g. 'svduty ... | head': not a success (pipefail sees it)
        quiet_stdout(out)
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # a file that cannot be read or written (a full disk, ...)
        where = f"{_file_name(exc.filename)}: " if exc.filename else ""
        why = exc.strerror or str(exc)
        if not where and exc.errno in _FULL:  # a file names itself: a stream does not
            where, why = "standard output: ", f"cannot write ({why})"
        print(f"svduty {args.command}: error: {where}{why}", file=err)
        return EXIT_FAILED
    except Exception as exc:
        if os.environ.get("SVDUTY_DEBUG"):
            raise
        print(f"svduty {args.command}: error: {unexpected(exc)}", file=err)  # (or refused)
        return EXIT_FAILED
    finally:
        for signum, handler in previous.items():  # None: not set from Python, the default
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
    return code


def _unrecognized(parser: argparse.ArgumentParser, command: str | None, unknown: list[str]) -> None:
    """Exit with the usage of the command given (not the top level's) and a near option.

    Only options' names are said; a value given may be personal data.

    Example:
        >>> import contextlib, io
        >>> err = io.StringIO()
        >>> with contextlib.redirect_stderr(err), contextlib.suppress(SystemExit):
        ...     _unrecognized(build_parser(load=("info",)), "info", ["--partnershp", "x"])
        >>> print(err.getvalue().splitlines()[-1])
        svduty info: error: unrecognized arguments: --partnershp, 1 value (not shown) (did you mean --partnership?)
    """  # noqa: E501
    from svduty._near import did_you_mean

    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    user = sub.choices.get(command, parser) if command else parser
    options = [o for a in user._actions for o in a.option_strings]
    named = [u.split("=")[0] for u in unknown if re.fullmatch(_OPTION, u.split("=")[0])]
    first = next((n for n in named if n.startswith("--")), "")
    if first in options:  # an option of the command, given before the command's name
        hint = f" (give {first} after the command's name)"
    elif first and (longer := [o for o in options if o.startswith(first)]):
        hint = f" (did you mean {' or '.join(longer)}? options are not abbreviated)"
    elif first:
        hint = did_you_mean(first, options)
    elif single := [a.metavar or a.dest for a in user._actions if _one_positional(a)]:
        hint = f" ({command} takes one {' and one '.join(map(str, single))})"
    elif "--partnership" in options and (bundle := next(filter(_bundle_folder, unknown), "")):
        folder = os.path.isdir(bundle)  # else a packaged bundle's name: one of svduty's, said
        told = ("bundle folder", "PATH") if folder else ("packaged bundle", bundle)
        hint = " (a {}: give it as --partnership {})".format(*told)
    else:
        hint = ""
    values = len(unknown) - len(named)
    said = [*named, f"{values} value{'s' if values > 1 else ''} (not shown)"] if values else named
    user.error(f"unrecognized arguments: {', '.join(said)}{hint}")


def _file_name(name: object) -> str:
    r"""A file's name as an error says it: escaped, or described when over 255 characters.

    A name longer than a system takes was typed by hand and may be anything.

    Example:
        >>> _file_name("out\nput.csv"), _file_name("x" * 300)
        ('out\\nput.csv', 'a name of 300 characters, not shown')
    """
    from svduty._shown import printable

    text = os.fsdecode(name) if isinstance(name, bytes) else str(name)
    return printable(text) if len(text) <= 255 else f"a name of {len(text)} characters, not shown"


def _one_positional(action: argparse.Action) -> bool:
    """Whether ``action`` is a positional argument of one value at most (``explain INPUT``).

    Example:
        >>> _one_positional(argparse.Action([], "file")), _one_positional(
        ...     argparse.Action([], "inputs", nargs="+"))
        (True, False)
    """
    return not action.option_strings and action.nargs in (None, "?")


def _bundle_folder(value: str) -> bool:
    """Whether ``value`` names a bundle folder (never said: only asked) or a packaged bundle.

    Example:
        >>> import svduty
        >>> _bundle_folder(str(svduty.sample_path("policeuk-month"))), _bundle_folder("x" * 5000)
        (False, False)
    """
    packaged = re.fullmatch("[a-z][a-z0-9-]*", value) and os.path.join(_DATA, value, "bundle.toml")
    return any(os.path.isfile(f) for f in (os.path.join(value, "bundle.toml"), packaged) if f)


_DATA = os.path.join(os.path.dirname(__file__), "data")  # the packaged bundles' folders
_OPTION = r"--?[A-Za-z][A-Za-z0-9-]{0,40}"
"""An option's name (shown in errors); anything else given may be personal data."""


def _empty_argument(args_list: list[str]) -> str | None:
    """The option (or "an argument") given an empty value, or None.

    Example:
        >>> _empty_argument(["classify", "a.csv", "--output", ""])
        '--output'
        >>> _empty_argument(["classify", "--rejected=", "a.csv"]), _empty_argument(["info"])
        ('--rejected', None)
        >>> _empty_argument(["classify", ""])
        'an argument'
    """
    for i, arg in enumerate(args_list):
        if arg.startswith("--") and arg.endswith("=") and "=" not in arg[:-1]:
            return arg[:-1]
        if arg == "":
            before = args_list[i - 1] if i else ""
            return before if before.startswith("-") and "=" not in before else "an argument"
    return None


if __name__ == "__main__":  # pragma: no cover - ``python -m svduty.cli`` (a subprocess test)
    sys.exit(main())
