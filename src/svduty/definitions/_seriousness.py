"""Whether a definition records the s.13(6) factors the Act says must be taken into account.

s.13(6): "In considering whether violence in an area amounts to serious violence for the
purposes of this Chapter, account must be taken in particular of" the maximum penalty
for the offence, the impact on any victim, the prevalence in the area and the impact on
the community. A definition that does not record weighing one of them is not wrong in
itself (the Act asks that account be taken, not that a document says so), but the
partnership should know: ``svduty validate`` warns, naming the factor. A factor recorded
as weighed on an unconfirmed citation (svduty's reading of a document that does not say
so) is not recorded as the partnership's: it is named too, with the doubt.
"""

from __future__ import annotations

from svduty.definitions._definition import Definition
from svduty.definitions._kinds import SeriousnessFactor
from svduty.findings import Finding, Severity
from svduty.sources import Confidence, cite

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

    A factor stated with ``weighed = false``, or not stated at all, is named; so is one
    stated as weighed only on an unconfirmed citation (the doubt says what is not known).
    ``svduty validate`` asks this of a partnership's own definition: the weighing is the
    partnership's.

    Example:
        >>> from svduty.io import load_packaged_definition
        >>> found = seriousness_findings(load_packaged_definition("warwickshire"))
        >>> len(found), sorted({f.message.split(" taking")[0] for f in found})
        (4, ['the definition does not record', 'the definition records'])
        >>> import attrs
        >>> from svduty.definitions import DEFINITIONS
        >>> seriousness_findings(DEFINITIONS["pcsc-s13"])  # the Act's: each factor, s.13(6)
        ()
        >>> len(seriousness_findings(attrs.evolve(DEFINITIONS["who-2002"], seriousness=())))
        4
    """
    weighed = {s.factor: s for s in definition.seriousness if s.weighed}
    out = []
    for factor, (paragraph, words) in _PARAGRAPH.items():
        said = weighed.get(factor.value)
        if said is not None and said.citation.confidence is Confidence.UNCONFIRMED:
            doubt = (said.citation.doubt or "").strip().rstrip(".")
            out.append(
                Finding(
                    S13_6_RULE,
                    Severity.WARNING,
                    f"the definition records taking account of {words} ({factor.value}) "
                    f"only on an unconfirmed reading ({doubt}): s.13(6)"
                    f"{paragraph} says account must be taken of it in considering whether "
                    "violence amounts to serious violence; confirm where the partnership "
                    "weighed it and cite that",
                    (cite("pcsc-act-2022", f"s.13(6){paragraph}"), said.citation),
                    (definition.id,),
                )
            )
            continue
        if said is not None:
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
