"""A kind a definition declares itself: :class:`LocalKind`.

Example:
    >>> from svduty.sources import cite
    >>> LocalKind("g", "gang violence", cite("sv-strategy-2018"), context=("gang",)).id
    'g'
"""

from __future__ import annotations

import attrs

from svduty._arguments import as_tuple
from svduty._checked import checked_fields
from svduty.definitions._atoms import Flag
from svduty.definitions._expr import All, Any_, Expr
from svduty.definitions._kinds import KINDS
from svduty.definitions._law import younger
from svduty.errors import DefinitionError, Problem
from svduty.sources import Citation

__all__ = ["LocalKind"]


@checked_fields
@attrs.frozen(slots=True)
class LocalKind:
    """A kind a definition declares itself, from context flags and national kinds.

    An incident is of the kind when every flag in ``context`` is asserted, every kind
    in ``all_of`` holds, and (if ``any_of`` is not empty) at least one kind in it does.

    Attributes:
        id: Its id (not one of the national :data:`~svduty.definitions.KINDS`).
        label: Its name in words.
        citation: The local document that names it.
        context: Context flags that must be asserted (``gang``, ``social_media``...).
        all_of: National kinds that must all hold.
        any_of: National kinds of which one must hold.
        note: Anything a reader should know.
        victim_age_below: Only victims younger than this, if set: a definition that limits
            some of its kinds to young people ("any violence affecting young people under
            the age of 25, domestic abuse, and sexual violence") limits those kinds, where
            :attr:`Definition.victim_age_below` would limit every kind.

    Example:
        >>> from svduty.sources import cite
        >>> LocalKind("knife_violence", "knife violence", cite("sv-strategy-2018", "scope"),
        ...           all_of=("knife_crime", "s13_violence")).all_of
        ('knife_crime', 's13_violence')
        >>> young = LocalKind("young", "violence under 25", cite("sv-strategy-2018"),
        ...                   all_of=("s13_violence",), victim_age_below=25)
        >>> sorted(set(young.expr().fields()))[-1]
        'victim_age'
    """

    id: str
    label: str
    citation: Citation
    context: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    all_of: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    any_of: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    note: str = ""
    victim_age_below: int | None = None

    def expr(self) -> Expr:
        """The kind as an expression over the national kinds and the context flags.

        Example:
            >>> from svduty.sources import cite
            >>> LocalKind("g", "g", cite("sv-strategy-2018"), context=("gang",)).expr().fields()
            ('context',)
        """
        unknown = [  # a Definition names these first; a kind used alone names them here
            Problem(field=f"{attr}[{j}]", expected="one of the national kinds")
            for attr in ("all_of", "any_of")
            for j, ref in enumerate(getattr(self, attr))
            if ref not in KINDS
        ]
        if unknown:
            raise DefinitionError(unknown)
        parts: list[Expr] = [Flag("context", c) for c in self.context]
        parts += [KINDS[k].expr for k in self.all_of]
        if self.any_of:
            parts.append(Any_(*(KINDS[k].expr for k in self.any_of)))
        if self.victim_age_below is not None:
            parts.append(younger(self.victim_age_below))
        return All(*parts)
