"""Whether a definition records the s.13(6) factors the Act says must be taken into account.

s.13(6): "In considering whether violence in an area amounts to serious violence for the
purposes of this Chapter, account must be taken in particular of" the maximum penalty
for the offence, the impact on any victim, the prevalence in the area and the impact on
the community. A definition that does not record weighing one of them is not wrong in
itself (the Act asks that account be taken, not that a document says so), but the
partnership should know: ``svduty validate`` warns, naming the factor.
"""

from __future__ import annotations

from svduty.definitions._definition import Definition
from svduty.definitions._kinds import SeriousnessFactor
from svduty.findings import Finding, Severity
from svduty.sources import cite

__all__ = ["S13_6_RULE", "seriousness_findings"]

S13_6_RULE = "S13-6-FACTORS"
"""The rule id of the warning."""

_PARAGRAPH = {
    SeriousnessFactor.MAXIMUM_PENALTY: ("(a)", "the maximum penalty for the offence"),
    SeriousnessFactor.IMPACT_ON_VICTIM: ("(b)", "the impact of the violence on any victim"),
    SeriousnessFactor.PREVALENCE_IN_AREA: ("(c)", "the prevalence of the violence in the area"),
    SeriousnessFactor.IMPACT_ON_COMMUNITY: (
        "(d)",
        "the impact of the violence on the community in the area",
    ),
}


def seriousness_findings(definition: Definition) -> tuple[Finding, ...]:
    """A warning for each s.13(6) factor the definition does not record weighing.

    A factor stated with ``weighed = false``, or not stated at all, is named. ``svduty
    validate`` asks this of a partnership's own definition: the weighing is the
    partnership's.

    Example:
        >>> from svduty.io import load_packaged_definition
        >>> [f.message[:60] for f in seriousness_findings(load_packaged_definition("warwickshire"))]
        ['the definition does not record taking account of the maximum']
        >>> import attrs
        >>> from svduty.definitions import DEFINITIONS
        >>> seriousness_findings(DEFINITIONS["pcsc-s13"])  # the Act's: each factor, s.13(6)
        ()
        >>> len(seriousness_findings(attrs.evolve(DEFINITIONS["who-2002"], seriousness=())))
        4
    """
    weighed = {s.factor for s in definition.seriousness if s.weighed}
    out = []
    for factor, (paragraph, words) in _PARAGRAPH.items():
        if factor.value in weighed:
            continue
        out.append(
            Finding(
                S13_6_RULE,
                Severity.WARNING,
                f"the definition does not record taking account of {words} "
                f"({factor.value}): s.13(6){paragraph} says account must be taken of it in "
                "considering whether violence amounts to serious violence; record it in "
                f'definition.toml as [[seriousness]] factor = "{factor.value}", weighed = true, '
                "with a note and the citation of where the partnership weighed it",
                (cite("pcsc-act-2022", f"s.13(6){paragraph}"),),
                (definition.id,),
            )
        )
    return tuple(out)
