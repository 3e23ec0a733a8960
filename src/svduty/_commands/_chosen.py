"""The partnership and definition a command runs with (:func:`~svduty._commands._options.chosen`).

Its own module: ``svduty classify`` of police.uk rows from the command's cache never builds
it (each attrs class is about 0.3 ms of start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from svduty.definitions import Definition
    from svduty.io._bundle import BundleParts
    from svduty.partnership import Partnership

__all__ = ["Chosen"]


@attrs.frozen(slots=True)
class Chosen:
    """The partnership and definition a command runs with, and how to record them.

    Attributes:
        partnership: The partnership (or, for a command that needs only some of its
            sections, those sections: :func:`load_named_sections`).
        definition: The definition of serious violence (``None`` for commands that do not
            classify).

    Example:
        >>> from svduty._commands._options import load_named_partnership
        >>> c = Chosen(load_named_partnership("warwickshire"), None)
        >>> c.as_dict()
        {'partnership': 'warwickshire', 'definition': None}
    """

    partnership: Partnership | BundleParts
    definition: Definition | None

    def as_dict(self) -> dict[str, Any]:
        """The names recorded in a command's output (``partnership``, ``definition``).

        Example:
            >>> from svduty._commands._options import load_named_partnership
            >>> from svduty.definitions import STATUTE
            >>> Chosen(load_named_partnership("warwickshire"), STATUTE).as_dict()["definition"]
            'pcsc-s13'
        """
        return {
            "partnership": self.partnership.name,
            "definition": self.definition.id if self.definition is not None else None,
        }
