"""What is wrong with a bundle's plain data, found before and while cattrs structures it.

:func:`structural_problems` finds what the models cannot see (nesting too deep, a table id
given twice in an array of tables); :func:`problems_from` turns cattrs' exceptions into
:class:`~svduty.errors.Problem` records that name the field path and never show a value that
could be personal data.

Example:
    >>> [str(p) for p in structural_problems({"areas": [{"id": "a"}, {"id": "a"}]}, "x.toml")]
    ["x.toml: areas[1].id: an id given twice (first at areas[0]) (got 'a')"]
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from svduty._ids import line_problem
from svduty.errors import DataError, Problem, Shown, describe, quote_keys, shown

__all__ = ["bare_field", "meant", "not_a_path", "problems_from", "structural_problems"]

_KEYS = ("id", "recipient")
"""The keys that identify a table in an array of tables: two tables may not share one."""

_ONE_LINE = frozenset({"name", "title", "label"})
"""The keys of text written on one line (a list, a graph's node, a terminal's line)."""

_MAX_DEPTH = 64
"""Deeper nesting than this is not a bundle (and would exhaust the stack)."""


def _format_exception(exc: BaseException, type_: Any) -> str:
    """Words for an exception that is not a :class:`DataError`; never its own text.

    The text of a Python exception may hold the value (``invalid literal ...: 'Jane'``)
    or internals (``'str' object has no attribute 'keys'``); neither reaches a person.
    """
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown field(s) {quote_keys(exc.extra_fields)}{_meant(exc)}"
    if isinstance(exc, ValueError) and isinstance(type_, type) and issubclass(type_, enum.Enum):
        choices = ", ".join(repr(m.value) for m in type_)
        return f"expected one of {choices}"
    if type_ is not None:
        name = getattr(type_, "__name__", None) or "the declared type"
        return f"expected a value of type {name}"
    return "invalid value"


def meant(word: object, names: Iterable[str]) -> str:
    """`` (did you mean NAME?)`` for a word that is shown and nearly spells one of ``names``.

    The one mechanism of every did-you-mean of a bundle's words (an unknown key, an
    unknown source a citation names): only a word that is shown (a safe, known-shaped
    word) is guessed at, since a guess describes the word; ``names`` are the bundle's
    or the catalogue's own, safe to name. ``svduty._near.nearest`` makes the guess.

    Example:
        >>> meant("warwickshire-partnership-agreemnt", ["warwickshire-partnership-agreement"])
        ' (did you mean warwickshire-partnership-agreement?)'
        >>> meant("Jane Citizen", ["jane-citizen"]), meant("colour", ["body"])
        ('', '')
    """
    if not isinstance(word, str) or not isinstance(shown(word), Shown):
        return ""
    from svduty._near import did_you_mean  # difflib: only when a word was not understood

    return did_you_mean(word, names)


def _meant(exc: ForbiddenExtraKeysError) -> str:
    """`` (did you mean NAME?)`` for unknown keys that nearly spell a field of the record.

    Only a key that is shown (a safe, known-shaped word) is guessed at: a guess would
    describe a key that is not shown. One mechanism for every record (a scenario's, a
    bundle's): ``svduty._near.nearest`` (``did_you_mean``'s guess) against the record's own fields.

    Example:
        >>> from svduty.governance import Rename
        >>> _meant(ForbiddenExtraKeysError(None, Rename, {"reasn", "colour"}))
        ' (did you mean reason for reasn?)'
        >>> _meant(ForbiddenExtraKeysError(None, Rename, {"bdy"}))
        ' (did you mean body?)'
    """
    if not attrs.has(exc.cl):
        return ""
    from svduty._near import nearest  # difflib: only when a key was not understood

    fields = [a.name for a in attrs.fields(exc.cl) if a.init]
    keys = sorted(k for k in exc.extra_fields if isinstance(shown(k), Shown))
    near = [(n, k) for k in keys if (n := nearest(k, fields))]
    if len(keys) == 1 and near:
        return f" (did you mean {near[0][0]}?)"
    return f" (did you mean {', '.join(f'{n} for {k}' for n, k in near)}?)" if near else ""


_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,40}")


def _join(path: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    if part.startswith("["):
        return f"{path}{part}"
    return f"{path}.{part}" if path else part


_MODEL_FIELD = re.compile(r"(?:^|\.)[A-Z][A-Za-z]*\(([a-z_][a-z0-9_]*)\)$")


def bare_field(field: str | None) -> str | None:
    """A field a model's own check names (``pillars[0].Term(id)``) as the file's path names it.

    Example:
        >>> bare_field("pillars[0].Term(id)"), bare_field("Kind(id)"), bare_field("pillars[0].id")
        ('pillars[0].id', 'id', 'pillars[0].id')
    """
    if field is None:
        return None
    return _MODEL_FIELD.sub(lambda m: ("." if m.group(0)[0] == "." else "") + m.group(1), field)


def problems_from(exc: BaseException, file: str | None, path: str = "") -> list[Problem]:
    """Turn a cattrs validation error into problems naming the file and the field path.

    Example:
        >>> import attrs
        >>> from svduty.io._converter import make_converter
        >>> @attrs.frozen
        ... class A:
        ...     n: int
        >>> try:
        ...     make_converter().structure({"n": "x", "m": 1}, A)
        ... except Exception as exc:
        ...     [str(p) for p in problems_from(exc, "a.toml")]
        ['a.toml: n: expected a whole number', 'a.toml: <root>: unknown field(s) m']
    """
    out: list[Problem] = []
    _walk(exc, path, file, None, out)
    return out


def _walk(exc: BaseException, path: str, file: str | None, type_: Any, out: list[Problem]) -> None:
    if isinstance(exc, ClassValidationError):
        with_notes, others = exc.group_exceptions()
        for sub, note in with_notes:
            _walk(sub, _join(path, note.name), file, note.type, out)
        for sub in others:
            _walk(sub, path, file, None, out)
    elif isinstance(exc, IterableValidationError):
        with_inotes, iothers = exc.group_exceptions()
        for sub, inote in with_inotes:
            _walk(sub, _join(path, inote.index), file, inote.type, out)
        for sub in iothers:
            _walk(sub, path, file, None, out)
    elif isinstance(exc, BaseExceptionGroup):
        for member in exc.exceptions:
            _walk(member, path, file, None, out)
    elif isinstance(exc, DataError):
        for p in exc.problems:  # a model's own check (Authority(establishment)) as the path
            field = bare_field(_join(path, p.field)) if p.field else path
            out.append(
                Problem(
                    message=p.message,
                    file=p.file or file,
                    row=p.row,
                    field=field or "<root>",
                    expected=p.expected,
                    got=p.got,
                )
            )
    else:
        out.append(
            Problem(message=_format_exception(exc, type_), file=file, field=path or "<root>")
        )


def structural_problems(data: Any, file: str | None = None, path: str = "") -> list[Problem]:
    """Problems in the shape of plain data, before it is built into classes.

    Every array of tables is checked: no two tables share an ``id`` (or a ``recipient``,
    which identifies a population), and no ``id`` is empty. A second ``[[populations]]``
    for one recipient would otherwise silently replace the first. Nesting deeper than 64
    levels is refused (no data svduty reads is that deep).

    Example:
        >>> data = {"populations": [{"recipient": "rugby"}, {"recipient": "rugby"}],
        ...         "reviews": [{"id": ""}]}
        >>> for p in structural_problems(data, "funding.toml"):
        ...     print(p)
        funding.toml: populations[1].recipient: a recipient given twice (first at populations[0]) (got 'rugby')
        funding.toml: reviews[0].id: expected a non-empty id
    """  # noqa: E501
    out: list[Problem] = []
    # each value's path, and the path as a message may show it (a key that could be data,
    # such as a name typed as a key, described by its length: never shown)
    stack: list[tuple[Any, str, str, int]] = [(data, path, path, 0)]
    while stack:
        value, where, said, depth = stack.pop()
        if depth > _MAX_DEPTH:
            out.append(
                Problem(
                    file=file,
                    field=said or "<root>",
                    message=f"nested more than {_MAX_DEPTH} levels deep",
                )
            )
            continue
        if isinstance(value, Mapping):
            out.extend(_broken_lines(value, said, file))
            stack.extend(
                (v, _join(where, str(k)), _join(said, _key_said(k)), depth + 1)
                for k, v in reversed(list(value.items()))
            )
        elif isinstance(value, list):
            if value and all(isinstance(v, Mapping) for v in value):
                out.extend(_table_keys(value, where, file))
            items = reversed(list(enumerate(value)))
            stack.extend((v, _join(where, i), _join(said, i), depth + 1) for i, v in items)
    return out


def _broken_lines(table: Mapping[Any, Any], said: str, file: str | None) -> list[Problem]:
    r"""A name, title or label with a control character, a line break, or too long: not shown.

    Example:
        >>> print(_broken_lines({"name": "Board\x1b[31m"}, "bodies[0]", "g.toml")[0])
        g.toml: bodies[0].name: expected one line of text, without control characters (got a string of 10 characters, not shown)
        >>> print(_broken_lines({"title": "x" * 501}, "", "g.toml")[0])
        g.toml: title: expected one line of text, at most 500 characters (got a string of 501 characters, not shown)
    """  # noqa: E501
    return [
        Problem(file=file, field=_join(said, key), expected=expected, got=describe(value))
        for key, value in table.items()
        if key in _ONE_LINE
        and isinstance(value, str)
        and (expected := line_problem(value)) is not None
    ]


def _key_said(key: object) -> str:
    """A key as a path in a message shows it: a field's name (``snake_case``), else its size.

    Example:
        >>> _key_said("stated_totals"), _key_said("Jane Citizen")
        ('stated_totals', '(a key of 12 characters, not shown)')
    """
    text = key if isinstance(key, str) else str(key)
    if _FIELD_NAME.fullmatch(text) and isinstance(shown(text.replace("_", "-")), Shown):
        return text
    return f"(a key of {len(text)} character{'s' * (len(text) != 1)}, not shown)"


def _table_keys(tables: list[Any], where: str, file: str | None) -> list[Problem]:
    out: list[Problem] = []
    for key in _KEYS:
        first: dict[str, int] = {}
        for i, table in enumerate(tables):
            value = table.get(key)
            if not isinstance(value, str):
                continue
            field = _join(_join(where, i), key)
            if not value.strip():
                out.append(Problem(file=file, field=field, expected="a non-empty id"))
            elif value in first:
                out.append(
                    Problem(
                        file=file,
                        field=field,
                        message=f"{'an' if key == 'id' else 'a'} {key} given twice "
                        f"(first at {_join(where, first[value])})",
                        got=shown(value),
                    )
                )
            else:
                first[value] = i
    return out


_PATH_GIVEN = (
    "the file's data (a table of key = value pairs, as tomllib.load returns), not its path "
    "or text: read_scenario(path) reads a scenario file, load_partnership(folder) a bundle"
)


def not_a_path(data: Any, file: object, error: type[DataError]) -> None:
    """Refuse a file's path (or text) given to a ``load_*`` function for the file's data.

    Example:
        >>> not_a_path("scenarios/x.toml", None, DataError)
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: expected the file's data (a table of key = value pairs, as tomllib.load returns), not its path or text: read_scenario(path) reads a scenario file, load_partnership(folder) a bundle (got a string of 16 characters, not shown)
    """  # noqa: E501
    if isinstance(data, str | os.PathLike):
        name = str(file) if file is not None else None
        raise error([Problem(file=name, got=describe(data), expected=_PATH_GIVEN)])
