"""The name a mistyped word nearly spells, for "did you mean" hints (only the standard library).

Example:
    >>> did_you_mean("WHO-2002", ("pcsc-s13", "who-2002")), did_you_mean("x", ("who",))
    (' (did you mean who-2002?)', '')
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["did_you_mean", "nearest"]


def did_you_mean(word: str, names: Iterable[str]) -> str:
    """`` (did you mean NAME?)`` for the name ``word`` nearly spells (case aside), or ``""``.

    Example:
        >>> did_you_mean("--sumary", ["--summary", "--output"])
        ' (did you mean --summary?)'
    """
    near = nearest(word, names)
    return f" (did you mean {near}?)" if near else ""


def nearest(word: str, names: Iterable[str]) -> str | None:
    """The name ``word`` nearly spells (case aside), or ``None``: :func:`did_you_mean`'s guess.

    Example:
        >>> nearest("reasn", ["body", "reason"]), nearest("colour", ["body", "reason"])
        ('reason', None)
    """
    import difflib  # 3 ms: only when a word was not understood

    near = difflib.get_close_matches(word.lower(), list(names), n=1, cutoff=0.75)
    return near[0] if near else None
