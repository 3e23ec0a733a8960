"""The offensive weapons homicide review pilot (SI 2023/227) as dated data, doubt included.

Regulation 1(2) of SI 2023/227 names the pilot partners: the chief officers of police for
South Wales and for the police areas covering the London boroughs of Barnet, Brent,
Harrow, Lambeth and Southwark (the Metropolitan Police) and Birmingham and Coventry (West
Midlands Police); the local authorities of the South Wales police area, those five
boroughs, Birmingham and Coventry; the integrated care boards covering the five boroughs,
Birmingham and Coventry; the local health boards covering the South Wales police area.

A death's relevant review partners are identified by regulations (s.25(1)); s.25(3) lets
them be those for the area "in which the death occurred or is likely to have occurred".
SI 2022/1261 (read by owhr49) names them only for a death in a pilot area, or, its
location not known, a body recorded as found there (regs 6 to 8: the fourteen council
areas below), or, for several deaths in one incident at an unknown or more than one
location, a body recorded as found first there (reg 8, for all the deaths: reg 5);
elsewhere only a direction of the Secretary of State names them (reg 10). These incident
rules read the place of death (``place_of_death``) and ``pilot_partner``, which says where
reg 8 or a direction makes pilot partners the relevant ones for a death outside the pilot
areas (not given, the ``partners-by-place`` presumption reads the place alone: law51).
Where the death occurred in one of the fourteen council areas every relevant partner is a
pilot partner (by reg 6, or by reg 8 with a body found first in another): the pilot
applies. Elsewhere in the Metropolitan Police, West Midlands Police or pilot
ICB areas (Coventry and Warwickshire ICB covers Warwickshire) regs 6 to 8 name no relevant
partner for a death at a known place; a direction naming the place's partners would make
one of them a pilot partner, and regulation 3(1) commences the duty "for the purposes of
the pilot partners", which may be read literally (any death they review) or, with the
explanatory note, narrowly (the pilot areas). There the ``partners-by-place``
presumption reads no direction, as elsewhere (law58b); without it the answer is
undetermined (``possible``), never a confident "no".

Example:
    >>> "E08000025" in OWHR_PILOT_AS_MADE.partners
    True
    >>> "E07000222" in OWHR_PILOT_AS_MADE.possible
    True
"""

from __future__ import annotations

import attrs
import pendulum

from svduty._checked import checked_fields
from svduty._ids import is_gss_code
from svduty.definitions._age_reading import AgeReading
from svduty.errors import DefinitionError
from svduty.periods import Period
from svduty.sources import Citation, Confidence, cite

__all__ = ["OWHR_PILOT_AS_ANNOUNCED", "OWHR_PILOT_AS_MADE", "OwhrPilot"]


@checked_fields
@attrs.frozen(slots=True)
class OwhrPilot:
    """The offensive weapons homicide review pilot (SI 2023/227) as dated data.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value. A partner or possible partner that is not a GSS code is a
    :class:`~svduty.errors.DefinitionError`.

    Attributes:
        partners: District GSS codes where every relevant review partner of a death is
            a pilot partner (the pilot applies).
        period: The pilot period (a relevant death (likely) occurred in it).
        citation: SI 2023/227, with the doubt on the end date.
        possible: District GSS codes, no pilot area, where a police force or ICB is a
            pilot partner: a direction (SI 2022/1261 reg 10) naming the place's partners
            would name it, and the reach of regulation 3 is then not confirmed.
        possible_citation: The citation of that doubt (``unconfirmed``).
        partners_citation: Where the pilot partners are named (the place of death's
            rules cite it; ``None``: ``citation``).
        doubtful_until: The latest end the period may have had (``None``: the end is
            taken as stated). A death from ``period.end`` to this day may be a relevant
            death: its answer is undetermined, not ``no`` (:data:`OWHR_PILOT_AS_MADE`:
            the 18 months announced, beside the 9 made).
        age_reading: When s.24(6)(a)'s "aged 18 or over" reads the victim's age: at
            death (the default, svduty's reading), at the fatal events, or unsettled
            (undetermined where the two differ); the text does not say
            (:class:`~svduty.definitions.AgeReading`). Text is read as its member.

    Example:
        >>> str(OWHR_PILOT_AS_MADE.period)
        '2023-04-01 to 2023-12-31'
        >>> OWHR_PILOT_AS_MADE.possible_citation.confidence.value
        'unconfirmed'
    """

    partners: frozenset[str]
    period: Period
    citation: Citation
    possible: frozenset[str] = frozenset()
    possible_citation: Citation | None = None
    partners_citation: Citation | None = None
    doubtful_until: pendulum.Date | None = None
    age_reading: AgeReading = AgeReading.AT_DEATH

    def __attrs_post_init__(self) -> None:
        for name in ("partners", "possible"):
            codes = getattr(self, name)
            texts = [c for c in codes if isinstance(c, str)] if isinstance(codes, frozenset) else []
            if not all(map(is_gss_code, texts)):  # other values: the type check names them
                raise DefinitionError.single(None, f"OwhrPilot({name})", expected=_EXPECTED_CODES)


_EXPECTED_CODES = "district GSS codes (a capital letter and 8 digits, such as E08000025)"


_PILOT_PARTNERS = frozenset(
    {
        "E08000025",  # Birmingham
        "E08000026",  # Coventry
        "E09000003",  # Barnet
        "E09000005",  # Brent
        "E09000015",  # Harrow
        "E09000022",  # Lambeth
        "E09000028",  # Southwark
        "W06000013",  # Bridgend
        "W06000015",  # Cardiff
        "W06000024",  # Merthyr Tydfil
        "W06000012",  # Neath Port Talbot
        "W06000016",  # Rhondda Cynon Taf
        "W06000011",  # Swansea
        "W06000014",  # Vale of Glamorgan
    }
)
# The rest of the Metropolitan Police area (the London boroughs but the City of London,
# which has its own police force), the rest of the West Midlands Police area, and the
# rest of the Coventry and Warwickshire ICB (Warwickshire's districts); the other pilot
# ICBs (North Central, North West and South East London; Birmingham and Solihull) lie
# within those police areas.
_MET = frozenset(f"E09{n:06d}" for n in range(2, 34)) - _PILOT_PARTNERS
_WMP = frozenset({"E08000027", "E08000028", "E08000029", "E08000030", "E08000031"})
_CW_ICB = frozenset({"E07000218", "E07000219", "E07000220", "E07000221", "E07000222"})
_POSSIBLE = _MET | _WMP | _CW_ICB
_PILOT_DOUBT = (
    "SI 2023/227 reg 1(2) as made: 'the period of 9 months beginning with 1st April 2023'; "
    "the Government had announced an 18-month pilot (the Minister moving SI 2022/1261, Lords, "
    "8 November 2022: 'for a period of 18 months, beginning in early 2023') and MOPAC PCD "
    "1635 describes one; s.34(4)(a) and (5) let later regulations under s.208(1) continue "
    "the provisions 'for a further specified period', but no such instrument was found "
    "(law59: the legalize-dev/legalize-uk copy of SI 2023/227 is the text as made, with no "
    "amendment noted; searches for an amending or extending instrument found none). svduty "
    "reads the period as perhaps running "
    "to 30 September 2024 (the 18 months announced): deaths from 1 January to 30 September "
    "2024 are undetermined, later ones outside. That end is itself an assumption: PCD 1635 "
    "accepts funding to 31 March 2025, read as for completing reviews, not as a longer "
    "period of deaths; were the period extended beyond 18 months, later deaths would be "
    "relevant deaths too. Reg 3(1) brings the duty into force 'for the pilot period' and "
    "reg 4 keeps it after the period only for a death of which, before it ended, a review "
    "had started (and was not discontinued) or a review partner was aware of qualifying "
    "circumstances (s.27(7)) without knowing that s.26 excluded it or having notified the "
    "Secretary of State of no duty (and not later of the duty: reg 4(2)). The incident's "
    "aware_before_pilot_end says whether that was so: a death in the period first known "
    "of (as likely a qualifying homicide, s.27(7)) after it ended, with no review "
    "started, is outside the duty; not given, the aware-in-time presumption (on by "
    "default, stated) reads it as true, and without it the review of a death in the "
    "period is undetermined, naming it"
)
_REACH_DOUBT = (
    "reg 1(2) makes the Metropolitan Police, West Midlands Police and the integrated care "
    "boards covering the five boroughs, Birmingham and Coventry (including Coventry and "
    "Warwickshire ICB) pilot partners; for a death at a known place elsewhere in their "
    "areas SI 2022/1261 names no relevant review partner (reg 6 reads a pilot area only), "
    "but a direction (reg 10(1)) may name the place's partners, one of them a pilot "
    "partner (law58b). Reg 3(1) commences ss.24, 26, 27, 28(1)-(6), "
    "29(1)-(4), (7) and 32 'in relation to relevant deaths and for the purposes of the "
    "pilot partners, for the pilot period': read literally, it puts those partners under "
    "the duty for any death they are relevant review partners for; the explanatory note "
    "reads it narrowly ('pilot partners only (being the review partners for the pilot "
    "areas)')"
)
OWHR_PILOT_AS_MADE = OwhrPilot(
    _PILOT_PARTNERS,
    Period(pendulum.Date(2023, 4, 1), pendulum.Date(2024, 1, 1)),
    cite(
        "si-2023-227",
        "reg 1(2), pilot period",
        confidence=Confidence.UNCONFIRMED,
        doubt=_PILOT_DOUBT,
    ),
    _POSSIBLE,
    cite(
        "si-2023-227",
        "reg 1(2) 'pilot partners', reg 3",
        confidence=Confidence.UNCONFIRMED,
        doubt=_REACH_DOUBT,
    ),
    cite("si-2023-227", "reg 1(2) 'pilot partners'"),
    doubtful_until=pendulum.Date(2024, 10, 1),
)
"""The pilot as SI 2023/227 was made: 1 April 2023 to 31 December 2023 (end unconfirmed).

A death from 1 January 2024 to 30 September 2024 (the 18 months announced) is
undetermined, not outside the pilot: an instrument extending the period may exist.
"""

OWHR_PILOT_AS_ANNOUNCED = attrs.evolve(
    OWHR_PILOT_AS_MADE,
    period=Period(pendulum.Date(2023, 4, 1), pendulum.Date(2024, 10, 1)),
    doubtful_until=None,
)
"""The 18-month pilot the Government announced: to 30 September 2024 (unconfirmed)."""
