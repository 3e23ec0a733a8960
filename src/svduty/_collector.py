"""The cyclic garbage collector while the ``svduty`` command starts.

Start-up makes many objects that live as long as the process: modules, classes, the
partnership's areas and definition. The collector would walk them again at each of its
passes (about 20 ms of a 0.35 s start-up, and 40 ms of a 400,000-row ``classify``,
measured with ``gc.callbacks``). So the command's own process pauses the collector while
it starts; once the partnership is loaded it moves what start-up made to the permanent
generation (:func:`gc.freeze`, never walked again) and resumes collecting. A program that
imports svduty is unchanged: only :func:`svduty.cli.main`, run as the command, pauses.

Example:
    >>> import gc
    >>> pause(); gc.isenabled()
    False
    >>> settle(); gc.isenabled()
    True
    >>> settle(); gc.isenabled()  # settling twice is harmless
    True
    >>> gc.unfreeze()  # (this example's clean-up: a program would keep them frozen)
"""

from __future__ import annotations

import gc

__all__ = ["pause", "settle"]

_paused: list[bool] = []


def pause() -> None:
    """Pause the collector (if it is running) until :func:`settle`."""
    if gc.isenabled() and not _paused:
        gc.disable()
        _paused.append(True)


def settle() -> None:
    """Freeze what start-up made and resume the collector, if :func:`pause` paused it."""
    if _paused:
        _paused.clear()
        gc.freeze()
        gc.enable()
