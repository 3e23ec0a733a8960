"""Enumerations of words, whose lookup by a value none of them has is svduty's own error.

``Verdict("maybe")`` raised Python's bare ``ValueError`` ("'maybe' is not a valid
Verdict"), the one error of the public API that was not an
:class:`~svduty.errors.SvdutyError` (and it showed the value). Every enumeration of words
svduty publishes derives from :class:`Words`: text that is none of its values is a
:class:`~svduty.errors.DataError` listing the choices, never the text; anything else is an
:class:`~svduty.errors.ArgumentError`. Both are ``ValueError`` too, as before.

Example:
    >>> class Answer(Words):
    ...     YES = "yes"
    ...     NO = "no"
    >>> Answer("yes"), Answer("no").value
    (<Answer.YES: 'yes'>, 'no')
    >>> Answer("perhaps")
    Traceback (most recent call last):
    ...
    svduty.errors.DataError: Answer: expected one of 'yes', 'no'
"""

from __future__ import annotations

import enum
from typing import Any

from svduty._arguments import wrong_argument
from svduty.errors import DataError, Problem

__all__ = ["Words"]

_YOU = ("uni", "use", "usu", "eu", "one")
"""Beginnings of words that start with a vowel letter but not a vowel sound ("a unitary")."""


class Words(enum.StrEnum):
    """An enumeration of words (see the module).

    Example:
        >>> issubclass(Words, str)
        True
    """

    @property
    def a(self) -> str:
        """The word as a sentence says one of it: its article and its words (``_`` as spaces).

        Example:
            >>> class Kind(Words):
            ...     COUNTY = "county"
            ...     INTEGRATED_CARE_BOARD = "integrated_care_board"
            >>> Kind.COUNTY.a, Kind.INTEGRATED_CARE_BOARD.a
            ('a county', 'an integrated care board')
            >>> class Other(Words):
            ...     UNITARY = "unitary"
            ...     UNDER = "under_18"
            >>> Other.UNITARY.a, Other.UNDER.a
            ('a unitary', 'an under 18')
        """
        words = self.value.replace("_", " ")
        vowel = words[:1] in ("a", "e", "i", "o", "u") and not words.startswith(_YOU)
        return f"{'an' if vowel else 'a'} {words}"

    @classmethod
    def _missing_(cls, value: Any) -> Any:
        choices = ", ".join(repr(m.value) for m in cls)
        if isinstance(value, str):
            raise DataError(Problem(field=cls.__name__, expected=f"one of {choices}"))
        raise wrong_argument(cls.__name__, f"one of {choices}", value)
