"""``python -m svduty`` and the installed ``svduty`` command: one entry point, :func:`_start`."""

import signal
import sys

from svduty._commands._stopped import STOPPING, Stopped, on_stop, stopped


def _start() -> int:
    """Import the command line and run it; a signal while importing it ends as later on.

    The installed ``svduty`` script calls this too (``[project.scripts]``), so only the
    first milliseconds of Python's own start-up and of ``import svduty`` are without an
    answer to Ctrl-C (130), SIGTERM (143) or SIGHUP (129). (Once :func:`svduty.cli.main`
    runs, it answers them itself, at any moment.) A signal ignored by whoever started the
    command (``nohup``, a supervisor) stays ignored.
    """
    from svduty._commands._memory_pool import one_arena

    one_arena()  # before pyarrow is loaded: its jemalloc reads the setting then
    ours = [s for s in STOPPING if s != signal.SIGINT and signal.getsignal(s) is signal.SIG_DFL]
    for signum in ours:
        signal.signal(signum, on_stop)
    started = False
    try:
        try:
            from svduty.cli import main
        except KeyboardInterrupt:
            return stopped(sys.stderr)
        started = True
        return main()
    except Stopped as exc:  # importing (nothing written), or as the command ended
        return stopped(sys.stderr, how=exc.how, nothing_written=not started)
    finally:
        for signum in ours:
            signal.signal(signum, signal.SIG_DFL)


if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    sys.exit(_start())
