"""``python -m svduty``: the same as the ``svduty`` command."""

import sys


def _start() -> int:
    """Import the command line and run it; Ctrl-C while importing it exits 130 too.

    (Once :func:`svduty.cli.main` runs, it answers Ctrl-C itself, at any moment.)
    """
    try:
        from svduty.cli import main
    except KeyboardInterrupt:
        print("svduty: interrupted; no output written", file=sys.stderr)
        return 130
    return main()


if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    sys.exit(_start())
