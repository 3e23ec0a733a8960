"""The checks of public functions' arguments: a wrong type is an :class:`ArgumentError`.

Each check returns the argument when it is of a type the function takes, and otherwise
raises :class:`~svduty.errors.ArgumentError` naming the function's argument
(``where``) and what it takes, never the value given.

Example:
    >>> path_argument("june.csv", "f(path)")
    'june.csv'
    >>> path_argument(7.25, "f(path)")
    Traceback (most recent call last):
    ...
    svduty.errors.ArgumentError: f(path): expected a file or folder (str or os.PathLike) (got a float)
"""  # noqa: E501

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast

from svduty.errors import ArgumentError, DataError, Described, Problem

__all__ = [
    "as_tuple",
    "choice_argument",
    "count_argument",
    "instance_argument",
    "instances_argument",
    "items_argument",
    "partnership_argument",
    "path_argument",
    "paths_argument",
    "text_argument",
    "texts_argument",
    "wrong_argument",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

_PATH = "a file or folder (str or os.PathLike)"


def wrong_argument(where: str, expected: str, value: object) -> ArgumentError:
    """The error, naming the type of ``value`` (never the value).

    Example:
        >>> print(wrong_argument("f(x)", "text", 2.5))
        f(x): expected text (got a float)
    """
    name = type(value).__name__
    kind = "None" if value is None else ("an " if name[0] in "aeiouAEIOU" else "a ") + name
    return ArgumentError(Problem(field=where, expected=expected, got=Described(kind)))


def path_argument(value: Any, where: str, expected: str = _PATH) -> str | os.PathLike[str]:
    """``value`` if it is a path (``str`` or an ``os.PathLike`` of ``str``).

    Example:
        >>> from pathlib import Path
        >>> path_argument(Path("a"), "f(path)")
        PosixPath('a')
        >>> path_argument(b"a", "f(path)")
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: f(path): expected a file or folder (str or os.PathLike) (got a bytes)
    """  # noqa: E501
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike) and isinstance(os.fspath(value), str):
        return value
    raise wrong_argument(where, expected, value)


def paths_argument(value: Any, where: str) -> list[str | os.PathLike[str]]:
    """One path or several (any iterable of paths but text, bytes and mappings), as a list.

    Example:
        >>> paths_argument("a.csv", "f(inputs)"), paths_argument(("a.csv", "b"), "f(inputs)")
        (['a.csv'], ['a.csv', 'b'])
        >>> paths_argument([None], "f(inputs)")
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: f(inputs)[0]: expected a file or folder (str or os.PathLike) (got None)
    """  # noqa: E501
    if isinstance(value, (str, os.PathLike)):
        return [path_argument(value, where)]
    items = items_argument(value, where, f"{_PATH[:-1]}, or a list of them)")
    return [path_argument(item, f"{where}[{i}]") for i, item in enumerate(items)]


def items_argument(value: Any, where: str, expected: str) -> Iterable[Any]:
    """``value`` if it is a list of things (an iterable, but not text, bytes or a mapping).

    Example:
        >>> items_argument("abc", "f(xs)", "a list of things")
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: f(xs): expected a list of things (got a str)
    """
    if isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(value, Iterable):
        raise wrong_argument(where, expected, value)
    return value


def text_argument(value: Any, where: str, expected: str) -> str:
    """``value`` if it is a ``str``.

    Example:
        >>> text_argument(["x"], "sample_path(name)", "a sample's name")
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: sample_path(name): expected a sample's name (got a list)
    """
    if isinstance(value, str):
        return value
    raise wrong_argument(where, expected, value)


def texts_argument(value: Any, where: str, expected: str) -> list[str]:
    """``value`` as a list, if it is an iterable of ``str`` (but not one ``str``).

    ``expected`` says what each item is.

    Example:
        >>> texts_argument(("E07000222",), "f(areas)", "a GSS code (str)")
        ['E07000222']
        >>> texts_argument("Leeds", "f(areas)", "a GSS code (str)")
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: f(areas): expected a list, each a GSS code (str) (got a str)
    """
    items = items_argument(value, where, f"a list, each {expected}")
    return [text_argument(item, f"{where}[{i}]", expected) for i, item in enumerate(items)]


def count_argument(value: Any, where: str, expected: str) -> int:
    """``value`` if it is a whole number (not a ``bool``) of 1 or more.

    Example:
        >>> count_argument(False, "f(rows)", "a number of rows, 1 or more")
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: f(rows): expected a number of rows, 1 or more (got a bool)
    """
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise wrong_argument(where, expected, value)


def instance_argument(
    value: Any, kind: type[T] | tuple[type[T], ...], where: str, expected: str
) -> T:
    """``value`` if it is an instance of ``kind``.

    Example:
        >>> instance_argument(None, int, "f(n)", "a whole number")
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: f(n): expected a whole number (got None)
    """
    if isinstance(value, kind):
        return value
    raise wrong_argument(where, expected, value)


def instances_argument(value: Any, kind: type[T], where: str, expected: str) -> tuple[T, ...]:
    """``value`` as a tuple, if it is a list (not text) of instances of ``kind``.

    ``expected`` says what each item is.

    Example:
        >>> instances_argument([1, 2], int, "f(ns)", "a whole number")
        (1, 2)
        >>> instances_argument("12", int, "f(ns)", "a whole number")
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: f(ns): expected a list, each a whole number (got a str)
    """
    items = items_argument(value, where, f"a list, each {expected}")
    return tuple(
        instance_argument(item, kind, f"{where}[{i}]", expected) for i, item in enumerate(items)
    )


_PARTNERSHIP = ("name", "geography", "local_area", "definition")


def partnership_argument(value: Any, where: str) -> Any:
    """``value`` if it has what a pipeline reads of a partnership (its sections).

    A :class:`~svduty.Partnership`, or the sections of a bundle
    (:class:`~svduty.io.BundleParts`): its name, geography, local area and definition.

    Example:
        >>> partnership_argument("warwickshire", "f(partnership)")
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: f(partnership): expected a Partnership, such as svduty.load_partnership(...) (got a str)
    """  # noqa: E501
    if all(hasattr(value, name) for name in _PARTNERSHIP):
        return value
    raise wrong_argument(where, "a Partnership, such as svduty.load_partnership(...)", value)


def choice_argument(value: Any, kind: type[E], where: str) -> E:
    """``value`` as a member of the enumeration ``kind``: a member, or its value (text).

    Text that names no member is a :class:`~svduty.errors.DataError` listing the choices
    (never the text given); anything else is an :class:`~svduty.errors.ArgumentError`.

    Example:
        >>> from svduty.authorities import Role
        >>> choice_argument("relevant_authority", Role, "f(role)")
        <Role.RELEVANT_AUTHORITY: 'relevant_authority'>
        >>> choice_argument("chief", Role, "f(role)")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: f(role): expected one of 'specified_authority', 'relevant_authority', 'local_policing_body', 'other_partner'
    """  # noqa: E501
    if isinstance(value, kind):
        return value
    choices = ", ".join(repr(member.value) for member in kind)
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            raise DataError(Problem(field=where, expected=f"one of {choices}")) from None
    raise wrong_argument(where, f"one of {choices}", value)


def as_tuple(value: str | Iterable[str]) -> tuple[str, ...]:
    """One text or a list of them as a tuple; anything else as it is, for its field's check.

    A number or ``None`` is left for :func:`~svduty._checked.checked_fields` to refuse
    with an ``ArgumentError`` naming the field (``tuple()`` of it was a raw ``TypeError``).

    A set has no order of its own: its items are sorted, so that what a change says
    (and the findings that name its areas) is the same from run to run.

    Example:
        >>> as_tuple("E07000220"), as_tuple(["E07000220"]), as_tuple(5)
        (('E07000220',), ('E07000220',), 5)
        >>> as_tuple({"E07000221", "E07000220"})
        ('E07000220', 'E07000221')
    """
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (bytes, bytearray, Mapping)) or not isinstance(value, Iterable):
        return cast("tuple[str, ...]", value)  # not a list of text: the field's check says so
    if isinstance(value, (set, frozenset)) and all(isinstance(v, str) for v in value):
        return tuple(sorted(value))
    return tuple(value)
