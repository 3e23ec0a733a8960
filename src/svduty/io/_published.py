"""Definitions by name (national, a packaged bundle's, a published one), and ``ID|PATH``.

This module sits above both the bundle loader and the definition loader, so neither
imports the other (no import cycle).

``svduty/data/definitions/`` holds definitions of serious violence that other
partnerships have published (the London VRU guidance's, Avon and Somerset's, Norfolk's),
each citing its public page (``sources.toml`` there), with what the prose leaves open
marked unconfirmed. :func:`resolve_definition` turns a name or a file path into a
definition: a national one, a packaged bundle's, a published one, or a ``.toml`` file.

Example:
    >>> PUBLISHED
    ('avon-and-somerset', 'london-vru', 'norfolk')
    >>> load_published_definition("norfolk").citation.source.publisher
    'Office of the Police and Crime Commissioner for Norfolk'
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from svduty._arguments import text_argument
from svduty._checked import checked
from svduty.definitions import DEFINITIONS, Definition
from svduty.errors import DefinitionError
from svduty.io._bundle import PACKAGED, Packaged, load_partnership
from svduty.io._converter import make_converter
from svduty.io._definition import load_definition, load_own_definition
from svduty.io._files import read_toml
from svduty.io._published_sources import published_sources
from svduty.io._reserved import PUBLISHED

__all__ = [
    "PUBLISHED",
    "load_packaged_definition",
    "load_published_definition",
    "published_sources",
    "resolve_definition",
]


def _folder() -> Traversable:
    return resources.files("svduty").joinpath("data", "definitions")


@checked
def load_published_definition(name: str) -> Definition:
    """A packaged published definition of another partnership, by id (loaded once).

    Raises:
        DefinitionError: if there is no such definition.

    Example:
        >>> d = load_published_definition("london-vru")
        >>> d.include[0].citation.confidence.value
        'unconfirmed'
    """
    text_argument(name, "load_published_definition(name)", "a definition's id (str)")
    return _published(name)


@functools.cache
def _published(name: str) -> Definition:
    """The published definition ``name``, loaded once."""
    if name not in PUBLISHED:
        raise DefinitionError.single(
            None, "definition", expected="one of " + ", ".join(PUBLISHED), got=name
        )
    f = Path(str(_folder().joinpath(f"{name}.toml")))
    return load_own_definition(
        read_toml(f), file=f"definitions/{name}.toml", converter=make_converter(published_sources())
    )


@checked
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
            got=name,
        )
    return definition


def resolve_definition(ref: str | Path) -> Definition:
    """A definition from an id (national, packaged bundle, published) or a TOML file.

    A file is read with the national catalogue and the published definitions' sources;
    a bundle's ``definition.toml`` that cites the bundle's own sources is loaded with
    its bundle (``svduty.load_partnership(path).definition``).

    Raises:
        DefinitionError: if the name is unknown and no such file exists.
        BundleError: naming the file and field of a bad definition file.

    Example:
        >>> resolve_definition("avon-and-somerset").victim_age_below
        25
        >>> resolve_definition("who-2002").id
        'who-2002'
    """
    name = str(ref)
    if name in PUBLISHED:
        return load_published_definition(name)
    path = Path(name)
    if path.suffix == ".toml" and path.is_file():
        converter = make_converter(published_sources())
        return load_definition(read_toml(path), file=name, converter=converter)
    if path.is_dir() and (path / "definition.toml").is_file():
        found = load_partnership(path).definition
        assert found is not None
        return found
    return load_packaged_definition(name)
