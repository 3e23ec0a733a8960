"""Presumptions: what a definition reads into a fact that was not given, stated and cited.

Facts are an open world: a fact not given is unknown. A presumption reads one absent
list (the context flags, the other reviews) as "none indicated", or an absent
``intentional`` as "the force was intended" (``force-intentional``: for domestic abuse
by physical abuse or violent behaviour, s.1(3)(a)-(b), which are not done by accident;
s.13's use of force does not ask), or an absent ``aware_before_pilot_end`` as "a review
partner knew of the death in time" (``aware-in-time``: SI 2023/227 reg 4(1)(b)). It is
allowed only as a stated rule: each has its own reason and citation, reported on every
answer it applies to, and a definition turns it on or off in its data (``presume``).
With a presumption off, the answers it would decide stay undetermined, naming the fact.

Each presumption is reviewed on its own: reading "no terrorism" into an assault the
recorder did not flag is how police recording works (terrorism is flagged when
suspected); reading "no county lines" into a drug-supply offence is not, so only the
terrorism, other-review, intended-force, aware-in-time and partners-by-place (a death
outside the pilot areas read by its place, SI 2022/1261 reg 6, not reg 8: law51)
presumptions are on by default.

Example:
    >>> PRESUMPTIONS["no-terrorism"].rule_id
    'CONTEXT-NOT-GIVEN'
    >>> DEFAULT_PRESUMPTIONS[-2:]
    ('aware-in-time', 'partners-by-place')
"""

from __future__ import annotations

import attrs

from svduty._checked import checked_fields
from svduty._fields import an_id
from svduty.definitions._atoms import Given, Presumes
from svduty.definitions._expr import All, Any_, Expr, Not, Rule
from svduty.definitions._law import (
    FORCE_INTENDED,
    HOMICIDE,
    INTENT_PRESUMED_BEARS,
    INTENTIONAL_USE,
    WHO_INTENT_BEARS,
)
from svduty.definitions._places import PARTNERS_BY_PLACE
from svduty.definitions._vocab import OtherReview
from svduty.errors import DefinitionError
from svduty.sources import Citation, Confidence, cite

__all__ = [
    "AWARE_IN_TIME",
    "DEFAULT_PRESUMPTIONS",
    "INTENTIONAL_USE",
    "PRESUMPTIONS",
    "Presumption",
    "presumption_rules",
]

AWARE_IN_TIME = "aware-in-time"
"""The presumption that a review partner knew of a pilot death before the pilot ended.

SI 2023/227 reg 4(1)(b); its reason is given by the pilot's rules, where it may bear.

Example:
    >>> PRESUMPTIONS[AWARE_IN_TIME].field
    'aware_before_pilot_end'
"""


@checked_fields
@attrs.frozen(slots=True)
class Presumption:
    """Reading an absent list as "none of these values".

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value. A blank ``id`` or ``rule_id`` is a :class:`~svduty.errors.DefinitionError`.

    Attributes:
        id: The presumption's id (what a definition's ``presume`` lists).
        field: The incident field it reads.
        values: The values it presumes absent when the field is not given.
        rule_id: The id of the reason it gives.
        says: What it says, in words.
        citation: The provision the presumption serves.
        bears_on: Where its reason is given (else wherever the field is absent).
        reads: Other fields whose absence it reads as "none known" too, the field given
            or not (``no-other-reviews``: ``care_and_support_needs``, Care Act 2014 s.44,
            which may imply a review); its reason holds where any of them is absent.

    Example:
        >>> sorted(PRESUMPTIONS["no-terrorism"].keys())
        ['context:terrorism']
    """

    id: str = attrs.field(validator=an_id(DefinitionError))
    field: str
    values: tuple[str, ...]
    rule_id: str = attrs.field(validator=an_id(DefinitionError))
    says: str
    citation: Citation
    bears_on: Expr | None = None
    reads: tuple[str, ...] = ()

    def keys(self) -> frozenset[str]:
        """The ``field:value`` keys it presumes absent.

        Example:
            >>> len(PRESUMPTIONS["no-other-reviews"].keys())
            5
        """
        return frozenset(f"{self.field}:{v}" for v in self.values)

    def rule(self) -> Rule:
        """The reason it gives: it holds when the field, or one it ``reads``, was not given.

        Example:
            >>> PRESUMPTIONS["no-gang"].rule().id
            'CONTEXT-NOT-GIVEN-GANG'
        """
        absent: Expr = Not(Given(self.field))
        if self.reads:  # it reads these too, the field given or not: stated wherever it does
            absent = Any_(absent, *(Not(Given(f)) for f in self.reads))
        parts: list[Expr] = [absent, Presumes(self.id)]
        if self.bears_on is not None:
            parts.append(self.bears_on)
        return Rule(self.rule_id, All(*parts), self.says, self.citation)


def _context(flag: str, words: str, citation: Citation) -> Presumption:
    return Presumption(
        f"no-{flag.replace('_', '-')}",
        "context",
        (flag,),
        f"CONTEXT-NOT-GIVEN-{flag.upper().replace('_', '-')}",
        f"presumption (switchable): no context flags given, read as no {words}",
        citation,
    )


_SV18 = cite("sv-strategy-2018", "scope")
# the guidance cited without a paragraph until law59, which read paras 1-6 (none on
# exploitation) and could read no further: the paragraph is named as not identified
_EXPLOITATION = cite(
    "svd-guidance",
    "no paragraph identified (paras 1-6 read, none on exploitation)",
    confidence=Confidence.UNCONFIRMED,
    doubt="exploitation as a context of serious violence is read from the guidance's "
    "policy focus as others report it; no paragraph saying so was read (law59)",
)
PRESUMPTIONS: dict[str, Presumption] = {
    p.id: p
    for p in (
        Presumption(
            "no-terrorism",
            "context",
            ("terrorism",),
            "CONTEXT-NOT-GIVEN",
            "presumption (switchable): no context flags given, read as terrorism not "
            "indicated (the exclusion of s.13(3)(b) applies only where terrorism is flagged)",
            cite("pcsc-act-2022", "s.13(3)(b)"),
        ),
        _context("county_lines", "county lines", _SV18),
        _context("gang", "gang involvement", _SV18),
        _context("social_media", "social media involvement", _SV18),
        _context("exploitation", "exploitation", _EXPLOITATION),
        Presumption(
            FORCE_INTENDED,
            "intentional",
            (),
            "INTENT-NOT-GIVEN",
            "presumption (switchable): physical force recorded without saying whether it was "
            "used intentionally, nor an offence code or category whose offence may be "
            "committed by force used without intent (careless or dangerous driving, "
            "manslaughter by gross negligence), read as intended: physical abuse and violent "
            "behaviour are not done by accident",
            cite("da-act-2021", "s.1(3)(a), (b)"),
            bears_on=INTENT_PRESUMED_BEARS,
        ),
        Presumption(
            INTENTIONAL_USE,
            "intentional",
            (),
            "INTENT-NOT-GIVEN-WHO",
            "presumption (switchable, off unless the definition makes it): an offence "
            "recorded by a code or police.uk category that neither says whether the force "
            "or power was used intentionally nor may be committed without intent (an "
            "assault or battery, intended or reckless: R v Venna), read as the intentional "
            "use of force or power: a recorded offence is no accident, and WHO's intent is "
            "of the act, irrespective of the outcome",
            cite(
                "who-2002",
                "ch. 1, 'Defining violence'",
                confidence=Confidence.UNCONFIRMED,
                doubt="WHO's definition makes intent an element and the offence does not "
                "prove it (law61): reading a reckless assault as intentional is the "
                "partnership's choice, which svduty does not make by default (law62)",
            ),
            bears_on=WHO_INTENT_BEARS,
        ),
        Presumption(
            "no-other-reviews",
            "other_reviews",
            tuple(o.value for o in OtherReview),
            "REVIEWS-NOT-GIVEN",
            "presumption (switchable): other reviews, where not given, read as none known "
            "beyond what the facts imply; and care_and_support_needs, where not given, as "
            "no adult with needs for care and support known (Care Act 2014 s.44(4))",
            cite("pcsc-act-2022", "s.26"),
            bears_on=HOMICIDE,
            reads=("care_and_support_needs",),
        ),
        Presumption(
            AWARE_IN_TIME,
            "aware_before_pilot_end",
            (),
            "OWHR-PILOT-REG4-PRESUMED",
            "presumption (switchable): aware_before_pilot_end, where not given, read as "
            "true: a review partner was aware of qualifying circumstances, 'such facts as "
            "make it likely' that the death was a qualifying homicide in England or Wales "
            "of which it is a relevant review partner (PCSC Act 2022 s.27(7)), before the "
            "pilot period ended, and neither knew that s.26 excluded it nor notified the "
            "Secretary of State of no duty (reg 4(2)): the police force of the place of "
            "death, a pilot partner, investigates a homicide when it is found. Give "
            "aware_before_pilot_end false for a death first known of as such after the "
            "period ended (reg 4(1) then ends the duty)",
            cite("si-2023-227", "reg 4(1)(b), (2)"),
            bears_on=HOMICIDE,  # the pilot's rules narrow it to a death the pilot may reach
        ),
        Presumption(
            PARTNERS_BY_PLACE,
            "pilot_partner",
            (),
            "OWHR-PILOT-PLACE-PRESUMED",
            "presumption (switchable): pilot_partner, where not given, read from the place "
            "of death: a death at a place outside the pilot areas has no pilot partner among "
            "its relevant review partners (reg 6 names the partners of a pilot area only; "
            "in the rest of the Metropolitan and West Midlands police areas and of the pilot "
            "ICBs' areas a pilot police force or ICB is a relevant review partner only if "
            "reg 8 or a direction names it: law58b). Reg 8 of SI 2022/1261 would name pilot "
            "partners 'in respect of all the deaths' (reg 5) where more than one person died "
            "in the same incident, the location of the deaths not known or more than one, "
            "and a body or part of one was 'recorded as found first in a pilot area', as a "
            "direction specifying them would (reg 10(1)): give pilot_partner true for such a "
            "death (law51)",
            cite("si-2022-1261", "reg 5, reg 6, reg 8, reg 10(1)"),
            bears_on=HOMICIDE,  # the pilot's rules narrow it to a death outside the areas
        ),
    )
}
"""Every presumption a definition may make, by id."""

DEFAULT_PRESUMPTIONS: tuple[str, ...] = (
    "no-terrorism",
    "no-other-reviews",
    FORCE_INTENDED,
    AWARE_IN_TIME,
    PARTNERS_BY_PLACE,
)
"""The presumptions a definition makes unless its data says otherwise."""


def presumption_rules() -> tuple[Rule, ...]:
    """The reasons of every presumption (each holds only where its definition makes it).

    Example:
        >>> [r.id for r in presumption_rules()][:2]
        ['CONTEXT-NOT-GIVEN', 'CONTEXT-NOT-GIVEN-COUNTY-LINES']
    """
    return tuple(p.rule() for p in PRESUMPTIONS.values())
