"""Loading a definition of violence from a bundle's ``definition.toml``.

A named definition (a national one or a packaged bundle's) is
:func:`~svduty.io.load_packaged_definition`, in :mod:`svduty.io._published`.

Example:
    >>> import svduty
    >>> svduty.warwickshire().definition.id  # loaded by load_definition from the bundle
    'warwickshire'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import cattrs

from svduty._checked import checked
from svduty.definitions import DEFINITIONS, Definition
from svduty.errors import DefinitionError
from svduty.io._converter import make_converter, structure
from svduty.io._reserved import PUBLISHED

__all__ = ["load_definition", "load_own_definition"]


@checked
def load_definition(
    data: Mapping[str, Any],
    *,
    file: str | Path | None = None,
    converter: cattrs.Converter | None = None,
) -> Definition:
    """Build a :class:`~svduty.definitions.Definition` from a bundle's plain data.

    Args:
        data: The contents of ``definition.toml``.
        file: The file, named in errors.
        converter: The bundle's converter (its sources resolve citations).

    Raises:
        DefinitionError: naming the file and field of each problem, including an attempt
            to include what s.13(3)(b) excludes.

    Example:
        >>> load_definition({"id": "x", "title": "X", "citation": {"source": "pcsc-act-2022"},
        ...                  "include": [{"kind": "terrorism",
        ...                               "citation": {"source": "ta-2000"}}]},
        ...                 file="definition.toml")
        Traceback (most recent call last):
        ...
        svduty.errors.DefinitionError: definition.toml: include[0].kind: s.13(3)(b) excludes terrorism; a definition cannot bring it back
    """  # noqa: E501
    return load_own_definition(data, file=file, converter=converter, taken=PUBLISHED)


def load_own_definition(
    data: Mapping[str, Any],
    *,
    file: str | Path | None = None,
    converter: cattrs.Converter | None = None,
    taken: tuple[str, ...] = (),
) -> Definition:
    """:func:`load_definition`, refusing an id national or in ``taken`` (others' ids).

    The published definitions are loaded with ``taken=()``: their ids are their own.

    Example:
        >>> load_own_definition({"id": "norfolk"}, file="d.toml", taken=("norfolk",))
        Traceback (most recent call last):
        ...
        svduty.errors.DefinitionError: d.toml: id: expected an id of the definition's own, not a national or published definition's (avon-and-somerset, london-vru, norfolk, pcsc-s13, sv-strategy-2018, who-2002); to classify against norfolk, name it (--definition norfolk)
    """  # noqa: E501
    named = isinstance(data, Mapping) and isinstance(data.get("id"), str)
    if named and data["id"] in {*DEFINITIONS, *taken}:  # its answers would be
        raise DefinitionError.single(  # labelled as the national or published definition's
            None if file is None else str(file),
            "id",
            expected="an id of the definition's own, not a national or published definition's ("
            + ", ".join(sorted({*DEFINITIONS, *PUBLISHED}))
            + f"); to classify against {data['id']}, name it (--definition {data['id']})",
        )
    return structure(
        dict(data),
        Definition,
        file=file,
        converter=converter or make_converter(),
        error=DefinitionError,
    )
