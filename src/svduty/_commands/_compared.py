"""The definition ``svduty explain --compare-definition`` names, checked against the first.

Example:
    >>> import argparse
    >>> from svduty._commands._options import chosen
    >>> compared_definition("who-2002", chosen(argparse.Namespace(partnership="warwickshire"))).id
    'who-2002'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from svduty._commands._options import resolve_definition

if TYPE_CHECKING:
    from svduty._commands._chosen import Chosen
    from svduty.definitions import Definition

__all__ = ["compared_definition"]


def compared_definition(spec: str, choice: Chosen) -> Definition:
    """The definition ``spec`` names, refused where it shares the chosen one's id but differs.

    Checked before any line is read, so nothing is printed: a comparison names each
    definition by its id (a definition.toml copied from one bundle into another and edited,
    its id kept, could not be told apart from the first).

    Raises:
        DefinitionError: if nothing of that name holds a definition, or it is another
            definition with the chosen one's id.

    Example:
        >>> import argparse
        >>> from svduty._commands._options import chosen
        >>> warwickshire = chosen(argparse.Namespace(partnership="warwickshire"))
        >>> compared_definition("warwickshire", warwickshire).id
        'warwickshire'
    """
    from svduty.definitions._compare import comparable

    other = resolve_definition(spec, choice.partnership, option="--compare-definition")
    assert choice.definition is not None  # chosen() always resolves one
    comparable(choice.definition, other, "--compare-definition")
    return other
