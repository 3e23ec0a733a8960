"""What a good bundle leaves to fill in or confirm: ``svduty validate``'s last words.

A bundle ``svduty init`` writes is valid, and full of placeholders: a body's name it
cannot know (``Probation Service: probation delivery unit to name (region to name)``)
and citations it marks ``confidence = "unconfirmed"``, each with its doubt (a council's
formal name, the day an area began). A partnership's own bundle keeps such doubts too
(the packaged ``warwickshire`` about 90). :func:`to_fill_in` finds each, by file and
field as the user opens them (``authorities.toml: authorities[5].citation``), from the
bundle's files as written: the manifest and the section files, in the order svduty reads
them (a scenario, a change not yet made, is not a record to confirm).

:func:`short_lines` says them briefly (a count per file, the placeholders named), as
``svduty validate`` prints them; :func:`listed_lines` says each doubt once with every
field it is of (``--list``); the JSON lists every field (``to_fill_in``).

Example:
    >>> found = to_fill_in("warwickshire")
    >>> len(found) > 80, found[0].file
    (True, 'areas.toml')
    >>> to_fill_in("examplshire")
    []
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from svduty._data import data
from svduty.errors import _listed
from svduty.io._files import read_toml
from svduty.io._new_authorities import TO_NAME
from svduty.io._packaged import MANIFEST, is_packaged
from svduty.io._sections import SECTIONS

__all__ = ["PLACEHOLDER", "ToFillIn", "listed_lines", "short_lines", "to_fill_in"]

PLACEHOLDER = "a placeholder svduty init wrote: put the body's own name"
"""The doubt of a name ``svduty init`` left to fill in (it says ``to name``)."""

_TO_NAME = re.compile(rf"\b{TO_NAME}\b")


@attrs.frozen(slots=True)
class ToFillIn:
    """One field of a bundle left to fill in or confirm.

    Attributes:
        file: The bundle's file (``authorities.toml``).
        field: The field, as a path (``authorities[5].citation``, ``authorities[5].name``).
        doubt: What is unsure (an unconfirmed citation's doubt), or :data:`PLACEHOLDER`.

    Example:
        >>> ToFillIn("areas.toml", "areas[0].citation", "check it").placeholder
        False
    """

    file: str
    field: str
    doubt: str

    @property
    def placeholder(self) -> bool:
        """Whether this is a name to fill in (not a citation to confirm).

        Example:
            >>> ToFillIn("authorities.toml", "authorities[5].name", PLACEHOLDER).placeholder
            True
        """
        return self.doubt == PLACEHOLDER

    def as_dict(self) -> dict[str, str]:
        """The JSON's object (``svduty validate --format json``'s ``to_fill_in``).

        Example:
            >>> ToFillIn("a.toml", "citation", "d").as_dict()
            {'file': 'a.toml', 'field': 'citation', 'doubt': 'd'}
        """
        return {"file": self.file, "field": self.field, "doubt": self.doubt}


def to_fill_in(path: str | Path) -> list[ToFillIn]:
    """Each field of a bundle left to fill in or confirm, file by file, as written.

    For a bundle that validates (its files are read again, as plain data): a table with
    ``confidence = "unconfirmed"`` (its doubt), and a ``name`` that still says ``to name``
    (:data:`PLACEHOLDER`).

    Example:
        >>> import tempfile
        >>> from svduty.io import new_bundle
        >>> found = to_fill_in(new_bundle(tempfile.mkdtemp() + "/rugby", ["E07000220"]))
        >>> sorted({f.file for f in found})
        ['areas.toml', 'authorities.toml']
        >>> [f.field for f in found if f.placeholder]
        ['authorities[6].name', 'authorities[7].name']
    """
    root = data(str(path)) if is_packaged(path) else Path(path)
    out: list[ToFillIn] = []
    for file in (MANIFEST, *(spec.file for spec in SECTIONS.values())):
        if (root / file).is_file():
            out += (ToFillIn(file, f, d) for f, d in _walk(read_toml(root / file), ""))
    return out


def _walk(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Each ``(field, doubt)`` in plain data: unconfirmed tables and placeholder names."""
    if isinstance(value, dict):
        if value.get("confidence") == "unconfirmed":
            yield path, str(value.get("doubt") or "")
        for key, inner in value.items():
            here = f"{path}.{key}" if path else str(key)
            if key == "name" and isinstance(inner, str) and _TO_NAME.search(inner):
                yield here, PLACEHOLDER
            yield from _walk(inner, here)
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            yield from _walk(inner, f"{path}[{n}]")


def short_lines(found: list[ToFillIn], bundle: str) -> list[str]:
    """``found`` in a few lines: every name to fill in, and a count of citations per file.

    Example:
        >>> found = [ToFillIn("a.toml", f"a[{n}].citation", "d") for n in range(5)]
        >>> found += [ToFillIn("b.toml", "b[0].name", PLACEHOLDER)]
        >>> for line in short_lines(found, "dir"):
        ...     print(line)
        to fill in: b.toml: b[0].name: a placeholder svduty init wrote: put the body's own name
        to confirm: a.toml: 5 unconfirmed citations (a[0].citation, a[1].citation, a[2].citation and 2 more)
        each doubt: svduty validate dir --list (every field: --format json)
    """  # noqa: E501
    names: dict[str, list[str]] = {}
    cited: dict[str, list[str]] = {}
    for f in found:
        (names if f.placeholder else cited).setdefault(f.file, []).append(f.field)
    lines = [
        f"to fill in: {file}: {', '.join(named)}: {PLACEHOLDER}" for file, named in names.items()
    ]
    for file, fields in cited.items():
        what = "unconfirmed citation" + ("s" if len(fields) > 1 else "")
        lines.append(f"to confirm: {file}: {len(fields)} {what} ({_listed(fields)})")
    return [*lines, f"each doubt: svduty validate {bundle} --list (every field: --format json)"]


def listed_lines(found: list[ToFillIn]) -> list[str]:
    r"""``found`` by file and doubt: each doubt once, with every field it is of.

    Example:
        >>> found = [ToFillIn("a.toml", f"a[{n}].citation", "check") for n in range(4)]
        >>> listed_lines(found + [ToFillIn("a.toml", "b.citation", "other")])
        ['to confirm: a.toml: a[0].citation, a[1].citation, a[2].citation, a[3].citation: check', 'to confirm: a.toml: b.citation: other']
        >>> listed_lines([ToFillIn("a.toml", "c", "wrapped\n  over two lines")])
        ['to confirm: a.toml: c: wrapped over two lines']

    A doubt is one line, its line breaks and runs of spaces one space (a doubt written
    over lines in a TOML multi-line string, or one whose second line would read as the
    next line of the list: ``DIR: ok``).
    """  # noqa: E501
    groups: dict[tuple[str, str], list[str]] = {}
    for f in found:
        groups.setdefault((f.file, " ".join(f.doubt.split())), []).append(f.field)
    return [
        f"{'to fill in' if doubt == PLACEHOLDER else 'to confirm'}: {file}: "
        f"{', '.join(fields)}: {doubt}"
        for (file, doubt), fields in groups.items()
    ]
