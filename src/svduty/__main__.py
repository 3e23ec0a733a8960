"""``python -m svduty`` and the installed ``svduty`` command: one entry point, :func:`_start`."""

import sys

from svduty._commands._stopped import stopped


def _start() -> int:
    """Import the command line and run it; Ctrl-C while importing it exits 130 too.

    The installed ``svduty`` script calls this too (``[project.scripts]``), so only the
    first milliseconds of Python's own start-up and of ``import svduty`` are without an
    answer to Ctrl-C. (Once :func:`svduty.cli.main` runs, it answers Ctrl-C itself, at any
    moment.)
    """
    try:
        from svduty.cli import main
    except KeyboardInterrupt:
        return stopped(sys.stderr)
    return main()


if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    sys.exit(_start())
