"""Validators for the fields of records a developer builds in Python: an id is not blank.

:func:`~svduty._checked.checked_fields` checks a record's types; these check what a type
cannot say. Each validator looks only at a value of its field's type (any other is left to
the type check, which names it) and raises the module's own error, naming the class and
the field and what was expected, never the value.

Example:
    >>> import attrs
    >>> from svduty.errors import DefinitionError
    >>> @attrs.frozen
    ... class Tag:
    ...     id: str = attrs.field(validator=an_id(DefinitionError))
    >>> Tag("knife_crime").id
    'knife_crime'
    >>> Tag(" ")
    Traceback (most recent call last):
    ...
    svduty.errors.DefinitionError: Tag(id): expected an id: one line of text, not blank
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from svduty._ids import BREAKS
from svduty.errors import DataError

__all__ = ["EXPECTED_NOT_BLANK", "an_id", "where"]

EXPECTED_NOT_BLANK = "an id: one line of text, not blank"
"""What an id given in Python is, in the words of a problem's ``expected``."""


def where(record: object, attribute: Any) -> str:
    """The field as a problem names it: ``Kind(id)``.

    Example:
        >>> import attrs
        >>> @attrs.frozen
        ... class Tag:
        ...     id: str
        >>> where(Tag("a"), attrs.fields(Tag).id)
        'Tag(id)'
    """
    return f"{type(record).__name__}({attribute.alias})"


def an_id(error: type[DataError]) -> Callable[[Any, Any, Any], None]:
    r"""A validator: text that is blank or holds a line break or control is an ``error``.

    Example:
        >>> from svduty.errors import FundingError
        >>> check = an_id(FundingError)
        >>> import attrs
        >>> @attrs.frozen
        ... class Term:
        ...     id: str = attrs.field(validator=check)
        >>> Term("a\nb")
        Traceback (most recent call last):
        ...
        svduty.errors.FundingError: Term(id): expected an id: one line of text, not blank
        >>> Term(5).id  # not text: left to the type check (checked_fields)
        5
    """

    def check(record: Any, attribute: Any, value: Any) -> None:
        if isinstance(value, str) and (not value.strip() or BREAKS.search(value)):
            raise error.single(None, where(record, attribute), expected=EXPECTED_NOT_BLANK)

    return check
