"""``python -m svduty`` and the installed ``svduty`` command: one entry point, :func:`_command`."""

import atexit
import os
import signal
import sys
import threading

from svduty._commands._stopped import STOPPING, Stopped, on_stop, stopped
from svduty._starting import release


def _start() -> int:
    """Import the command line and run it; a signal while importing it ends as later on.

    The installed ``svduty`` script calls this too (``[project.scripts]``, through
    :func:`_command`), so only the first milliseconds of Python's own start-up and of
    ``import svduty`` are without an answer to Ctrl-C (130), SIGTERM (143) or SIGHUP
    (129). (Once :func:`svduty.cli.main` runs, it answers them itself, at any moment.) A
    signal ignored by whoever started the command (``nohup``, a supervisor) stays ignored.
    """
    from svduty._commands._memory_pool import one_arena

    one_arena()  # before pyarrow is loaded: its jemalloc reads the setting then
    ours = [s for s in STOPPING if s != signal.SIGINT and signal.getsignal(s) is signal.SIG_DFL]
    for signum in ours:
        signal.signal(signum, on_stop)
    started = False
    try:
        try:
            release()  # Ctrl-C is KeyboardInterrupt again, answered below (svduty._starting)
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


def _command() -> int:
    """:func:`_start`, then the process ends without taking the interpreter apart.

    The ``svduty`` script's entry point (and ``python -m svduty``'s). Once the command has
    returned, its outputs are written whole and its summary is said; what is left is
    Python freeing every module and object one by one, 10-20 ms of a 0.3 s ``classify``
    (400,000 rows of real months, speed52a) that no one waits for. The exit handlers
    still run (a logger's flush, a coverage tool's save), then the standard streams are
    flushed, and the process ends with the command's code. It ends as usual if a flush
    fails (Python reports it and sets the code, as ever) or a thread is still running
    (it is waited for).
    """
    code = _start()
    if threading.active_count() > 1:
        return code
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except BaseException:  # (a closed pipe: told as ever, by the usual exit)
        return code
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    sys.exit(_command())
