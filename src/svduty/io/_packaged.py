"""Definitions by name: a national one or a packaged bundle's.

This module sits above both the bundle loader and the definition loader, so neither
imports the other (no import cycle).

Example:
    >>> d = load_packaged_definition("warwickshire")
    >>> d.id, [i.kind for i in d.include][:3]
    ('warwickshire', ['who_violence', 'coercive_control', 'financial_abuse'])
"""

from __future__ import annotations

from svduty._arguments import text_argument
from svduty.definitions import DEFINITIONS, Definition
from svduty.errors import DefinitionError
from svduty.io._bundle import PACKAGED, Packaged, load_partnership

__all__ = ["load_packaged_definition"]


def load_packaged_definition(name: str) -> Definition:
    """A named definition: a national one or a packaged bundle's.

    National: ``pcsc-s13``, ``who-2002``, ``sv-strategy-2018``; packaged bundles:
    ``warwickshire``, ``examplshire``; the published definitions of other partnerships
    svduty ships as data: ``avon-and-somerset``, ``london-vru``, ``norfolk``.

    Raises:
        DefinitionError: if there is no definition of that name.

    Example:
        >>> load_packaged_definition("who-2002").title
        'World Health Organization definition of violence (2002)'
        >>> load_packaged_definition("avon-and-somerset").victim_age_below
        25
    """
    from svduty.io._published import PUBLISHED, load_published_definition  # it imports this

    text_argument(name, "load_packaged_definition(name)", "a definition's name (str)")
    if name in DEFINITIONS:
        return DEFINITIONS[name]
    if name in PUBLISHED:
        return load_published_definition(name)
    definition = load_partnership(Packaged(name)).definition if name in PACKAGED else None
    if definition is None:
        raise DefinitionError.single(
            None,
            "definition",
            expected="one of "
            + ", ".join([*sorted(DEFINITIONS), *sorted(PACKAGED), *sorted(PUBLISHED)]),
            got=name[:40],
        )
    return definition
