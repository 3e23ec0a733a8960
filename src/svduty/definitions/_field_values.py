"""The values of an incident's fields, checked one by one (:class:`Incident`'s converters).

Example:
    >>> from svduty.definitions._vocab import Weapon
    >>> enum_value("weapon", Weapon, " Knife "), age_value("victim_age", 30)
    (<Weapon.KNIFE: 'knife'>, 30)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from svduty.definitions._field_words import LIST, YES_NO, found, in_list, one_of
from svduty.definitions._spelling import AGE_RANGE, age, age_text, word
from svduty.errors import DataError, Shown, describe, shown

__all__ = ["age_value", "bool_value", "enum_set", "enum_value", "plain"]

E = TypeVar("E", bound=enum.Enum)


def plain(value: Any) -> Any:
    """A numpy or pandas value as the plain value it holds: ``to_dict()`` gives them.

    ``numpy.int64(30)`` is the whole number 30, ``numpy.bool_(True)`` true, an array (numpy
    or pandas) its list (of lists, for more than one dimension: refused as any nested
    list is), a ``numpy.datetime64`` its day or month in ISO form (``2024-01`` stays a
    month), and a missing value (``pandas.NA``, ``pandas.NaT``, ``numpy.datetime64("NaT")``,
    ``numpy.ma.masked``) absent. Neither library is imported to tell: a value from one has
    its module's name.

    Example:
        >>> import numpy as np
        >>> plain(np.int64(30)), plain(np.array(["physical"])), plain("knife")
        (30, ['physical'], 'knife')
        >>> plain(np.datetime64("2024-01")), plain(np.datetime64("2024-01-15T00:00:00")), plain(
        ...     np.datetime64("NaT"))
        ('2024-01', '2024-01-15', None)
    """
    kind = type(value)
    if kind.__module__.partition(".")[0] not in ("numpy", "pandas"):
        return value
    if kind.__name__ in ("NAType", "NaTType", "MaskedConstant"):
        return None
    if kind.__name__ == "datetime64":
        if str(value) == "NaT":
            return None
        unit = str(value.dtype)[len("datetime64[") : -1]
        return str(value if unit in ("Y", "M", "D") else value.astype("datetime64[D]"))
    tolist = getattr(value, "tolist", None)
    return tolist() if callable(tolist) else value


def _known(value: Any, vocabulary: list[Any]) -> Shown | None:
    """The value if it is one of ``vocabulary`` (safe to show); ``None`` hides it."""
    got = shown(value, vocabulary=vocabulary)
    return got if isinstance(got, Shown) else None


def enum_value(field: str, cls: type[E], value: Any) -> E:
    member = word(cls, value)  # without regard to case or surrounding whitespace
    if member is None:
        got = _known(value, [m.value for m in cls]) or found(value)
        raise DataError.single(None, field, expected=one_of(cls), got=got)
    return member


def enum_set(field: str, cls: type[E], value: Any) -> frozenset[E] | None:
    if value is None:
        return None
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise DataError.single(None, field, expected=LIST, got=found(value))
    items = list(value)  # an iterator is read once
    if not all(isinstance(v, str | enum.Enum) for v in items):  # a list in the list, a number
        raise DataError.single(None, field, expected=LIST, got=in_list(items))
    return frozenset(enum_value(field, cls, v) for v in items)


def age_value(field: str, v: Any) -> int | None:
    years = age(v)
    if isinstance(years, str):  # what was expected, as the columnar classifier says it
        text = age_text(v)  # described, never shown: 131 may be a mistyped 31
        got = describe(text if text is not None else v) if years == AGE_RANGE else None
        raise DataError.single(None, field, expected=years, got=got)
    return years


def bool_value(field: str, v: Any) -> bool | None:
    if v is None or isinstance(v, bool):
        return v
    raise DataError.single(None, field, expected=YES_NO, got=found(v))
