"""The statutory categories of authority: Schedule 1, Schedule 2, local policing bodies.

Each :class:`AuthorityCategory` is one row of a table of Schedule 1 (specified
authorities, s.11) or Schedule 2 (educational, prison and youth custody authorities, the
"relevant authorities" of s.12), or a local policing body (s.14), or another partner.
:data:`CATEGORIES` holds, for each, its role, its nation(s), its join rule to local
government areas (s.11(6), s.12(2), s.14(1)) and the citations of both. Rows whose
enacted text is not confirmed carry an unconfirmed citation with the doubt written down.

Example:
    >>> info = CATEGORIES[AuthorityCategory.LOCAL_HEALTH_BOARD]
    >>> info.role, info.citation.confidence.value
    (<Role.SPECIFIED_AUTHORITY: 'specified_authority'>, 'unconfirmed')
    >>> CATEGORIES[AuthorityCategory.DISTRICT_COUNCIL].join_citation.provision
    's.11(6), Sch 1'
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from svduty._checked import checked
from svduty._words import Words
from svduty.errors import DataError, shown
from svduty.sources import Citation, Confidence, cite

__all__ = [
    "CATEGORIES",
    "AuthorityCategory",
    "CategoryInfo",
    "JoinRule",
    "Nation",
    "Role",
    "category_info",
]


class Role(Words):
    """What an authority is under Part 2 Chapter 1 of the Act.

    ``specified_authority`` (s.11, Sch 1) holds the duty of s.8;
    ``relevant_authority`` (s.12, Sch 2: educational, prison and youth custody
    authorities) must be consulted and collaborate (ss.8(4), 15); a
    ``local_policing_body`` (s.14) may assist and monitor but is not specified;
    ``other_partner`` is none of these: it has no power or duty of its own unless
    regulations under s.10 prescribe it (then s.19(2)(b): it must have regard to the
    guidance); it may be invited to participate in preparing a strategy (s.8(6), s.9(6)).

    Example:
        >>> Role("local_policing_body").value
        'local_policing_body'
    """

    SPECIFIED_AUTHORITY = "specified_authority"
    RELEVANT_AUTHORITY = "relevant_authority"
    LOCAL_POLICING_BODY = "local_policing_body"
    OTHER_PARTNER = "other_partner"


class Nation(Words):
    """England or Wales (the Act's local government areas differ, s.11(4)).

    Example:
        >>> Nation.WALES.value
        'wales'
    """

    ENGLAND = "england"
    WALES = "wales"


class JoinRule(Words):
    """How an authority's own area gives its local government areas.

    ``the_area``: the authority's area is itself the local government area (a district,
    London borough, the City, the Isles of Scilly, a Welsh county or county borough);
    ``districts_within``: each local government area within the authority's area (a
    county council, a police area, a local policing body's police area);
    ``operates_in``: each local government area in which the authority operates
    (probation);
    ``establishing_authorities``: each local government area which is, or falls within,
    the area of each local authority that established it (youth offending team);
    ``any_part_within``: each local government area which, or any part of which, falls
    within its area (ICB, Local Health Board);
    ``located_in``: each local government area in which the establishment is located
    (Schedule 2); ``none``: no local government area (not an authority under the Act).

    Example:
        >>> JoinRule("any_part_within") is JoinRule.ANY_PART_WITHIN
        True
    """

    THE_AREA = "the_area"
    DISTRICTS_WITHIN = "districts_within"
    OPERATES_IN = "operates_in"
    ESTABLISHING_AUTHORITIES = "establishing_authorities"
    ANY_PART_WITHIN = "any_part_within"
    LOCATED_IN = "located_in"
    NONE = "none"


class AuthorityCategory(Words):
    """One row of Schedule 1 or 2, a local policing body, or another partner.

    Example:
        >>> AuthorityCategory("youth_offending_team").value
        'youth_offending_team'
    """

    DISTRICT_COUNCIL = "district_council"
    COUNTY_COUNCIL_NO_DISTRICTS = "county_council_no_districts"
    COUNTY_COUNCIL = "county_council"
    LONDON_BOROUGH_COUNCIL = "london_borough_council"
    COMMON_COUNCIL = "common_council"
    COUNCIL_OF_THE_ISLES_OF_SCILLY = "council_of_the_isles_of_scilly"
    WELSH_COUNTY_COUNCIL = "welsh_county_council"
    WELSH_COUNTY_BOROUGH_COUNCIL = "welsh_county_borough_council"
    PROVIDER_OF_PROBATION_SERVICES = "provider_of_probation_services"
    YOUTH_OFFENDING_TEAM = "youth_offending_team"
    INTEGRATED_CARE_BOARD = "integrated_care_board"
    LOCAL_HEALTH_BOARD = "local_health_board"
    CHIEF_OFFICER_OF_POLICE = "chief_officer_of_police"
    FIRE_AND_RESCUE_AUTHORITY = "fire_and_rescue_authority"
    EDUCATIONAL_AUTHORITY = "educational_authority"
    PRISON_AUTHORITY = "prison_authority"
    YOUTH_CUSTODY_AUTHORITY = "youth_custody_authority"
    LOCAL_POLICING_BODY = "local_policing_body"
    OTHER_PARTNER = "other_partner"


LOCATED_IN_ITS_AREA = frozenset({AuthorityCategory.EDUCATIONAL_AUTHORITY})
"""The categories named by the local government area(s) they stand in (Sch 2, first table:
"Each local government area in which the school is located"; the other rows unconfirmed)."""
LOCATED_IN_WORDS = (
    "a local government area (s.11(4)): Sch 2 makes it an authority for each local government "
    "area in which the school or Academy is located (s.12(2)), not for every district within a "
    "wider area; name the district or districts it stands in"
)


@attrs.frozen(slots=True)
class CategoryInfo:
    """What the law says about one category of authority.

    Attributes:
        category: The category.
        description: The row's wording (or a summary where the text is not confirmed).
        role: The category's role under the Act.
        table: The Schedule table ("Local government", "Criminal justice", ...) or the
            section that names it.
        nations: Where such authorities exist.
        join: How the category's local government areas are found.
        lga_wording: The second column of the row: the local government area(s).
        citation: Where the category is defined (an unconfirmed citation for [U] rows).
        join_citation: Where the join rule comes from.
        health_or_social_care: Whether it is a "health or social care authority" (a
            specified authority in the Schedule 1 "Health and social care" table,
            s.10(10)), which may not disclose personal information (s.16(4)(b)).
        devolved_welsh: Whether such an authority is a devolved Welsh authority for
            s.18(4) (Government of Wales Act 2006 s.157A: functions exercisable only in
            relation to Wales and wholly or mainly not about reserved matters: Welsh
            councils and Local Health Boards) (``None``: depends on the authority, or not
            confirmed).

    Example:
        >>> category_info("county_council").lga_wording
        "Each district which falls within the council's area"
    """

    category: AuthorityCategory
    description: str
    role: Role
    table: str
    nations: frozenset[Nation]
    join: JoinRule
    lga_wording: str
    citation: Citation
    join_citation: Citation
    health_or_social_care: bool = False
    devolved_welsh: bool | None = False


_E = frozenset({Nation.ENGLAND})
_W = frozenset({Nation.WALES})
_EW = frozenset({Nation.ENGLAND, Nation.WALES})

_SCH1 = cite("pcsc-act-2022", "Sch 1")
_S11_6 = cite("pcsc-act-2022", "s.11(6), Sch 1")
_S12_2 = cite("pcsc-act-2022", "s.12(2), Sch 2")


def _u(provision: str, doubt: str, source: str = "pcsc-act-2022") -> Citation:
    return cite(source, provision, confidence=Confidence.UNCONFIRMED, doubt=doubt)


def _sch1(  # noqa: PLR0917
    category: AuthorityCategory,
    description: str,
    table: str,
    nations: frozenset[Nation],
    join: JoinRule,
    lga_wording: str,
    *,
    citation: Citation = _SCH1,
    join_citation: Citation = _S11_6,
    health: bool = False,
    devolved_welsh: bool | None = False,
) -> CategoryInfo:
    return CategoryInfo(
        category,
        description,
        Role.SPECIFIED_AUTHORITY,
        table,
        nations,
        join,
        lga_wording,
        citation,
        join_citation,
        health,
        devolved_welsh,
    )


_C = AuthorityCategory

_ROWS: tuple[CategoryInfo, ...] = (
    _sch1(
        _C.DISTRICT_COUNCIL,
        "A district council",
        "Local government",
        _E,
        JoinRule.THE_AREA,
        "The district",
    ),
    _sch1(
        _C.COUNTY_COUNCIL_NO_DISTRICTS,
        "A county council in England for an area for which there are no district councils",
        "Local government",
        _E,
        JoinRule.DISTRICTS_WITHIN,
        "The district which coincides with the council's area or, if there is no such "
        "district, each district within the council's area",
    ),
    _sch1(
        _C.COUNTY_COUNCIL,
        "Any other county council in England",
        "Local government",
        _E,
        JoinRule.DISTRICTS_WITHIN,
        "Each district which falls within the council's area",
    ),
    _sch1(
        _C.LONDON_BOROUGH_COUNCIL,
        "A London borough council",
        "Local government",
        _E,
        JoinRule.THE_AREA,
        "The London borough",
    ),
    _sch1(
        _C.COMMON_COUNCIL,
        "The Common Council of the City of London in its capacity as a local authority",
        "Local government",
        _E,
        JoinRule.THE_AREA,
        "The City of London (with the Inner and Middle Temples, s.11(5))",
    ),
    _sch1(
        _C.COUNCIL_OF_THE_ISLES_OF_SCILLY,
        "The Council of the Isles of Scilly",
        "Local government",
        _E,
        JoinRule.THE_AREA,
        "The Isles of Scilly",
    ),
    _sch1(
        _C.WELSH_COUNTY_COUNCIL,
        "A county council in Wales",
        "Local government",
        _W,
        JoinRule.THE_AREA,
        "The county",
        devolved_welsh=True,
    ),
    _sch1(
        _C.WELSH_COUNTY_BOROUGH_COUNCIL,
        "A county borough council in Wales",
        "Local government",
        _W,
        JoinRule.THE_AREA,
        "The county borough",
        devolved_welsh=True,
    ),
    _sch1(
        _C.PROVIDER_OF_PROBATION_SERVICES,
        "A provider of probation services (Offender Management Act 2007 s.3(6))",
        "Criminal justice",
        _EW,
        JoinRule.OPERATES_IN,
        "Each local government area in which the provider operates",
    ),
    _sch1(
        _C.YOUTH_OFFENDING_TEAM,
        "A youth offending team established under Crime and Disorder Act 1998 s.39",
        "Criminal justice",
        _EW,
        JoinRule.ESTABLISHING_AUTHORITIES,
        "Each local government area which is, or falls within, the area of each local "
        "authority that established the team",
        join_citation=_u(
            "s.11(6), Sch 1",
            "the revised row (legislation.gov.uk, 16 December 2024, seen in a copy) reads "
            "'Each local government area which is, or which falls within, the area of...'; "
            "its closing words are HL Bill 72's",
        ),
        devolved_welsh=None,
    ),
    _sch1(
        _C.INTEGRATED_CARE_BOARD,
        "An integrated care board established under section 14Z25 (of the National Health "
        "Service Act 2006; England)",
        "Health and social care",
        _E,
        JoinRule.ANY_PART_WITHIN,
        "Not confirmed beyond 'the board's': taken as each local government area which, or "
        "any part of which, coincides with or falls within the board's area",
        citation=cite(
            "pcsc-act-2022",
            "Sch 1",
            doubt="the row as amended from 1 July 2022 by the Health and Care Act 2022 Sch 4 "
            "para 243(a): 'for \u201cA clinical commissioning group established under section "
            "14D\u201d substitute \u201cAn integrated care board established under section "
            "14Z25\u201d', in the table headed 'Health and social care' (law46); the words "
            "after 'section 14Z25' are not read",
        ),
        join_citation=_u(
            "s.11(6), Sch 1",
            "only 'the board's' of the second column is read (Health and Care Act 2022 Sch 4 "
            "para 243(b): 'for \u201cthe group's\u201d substitute \u201cthe board's\u201d'); "
            "that every local government area any part of which falls within the board's "
            "area is one it is an authority for is the Bill's wording for clinical "
            "commissioning groups, assumed to carry over",
        ),
        health=True,
    ),
    _sch1(
        _C.LOCAL_HEALTH_BOARD,
        "A Local Health Board (National Health Service (Wales) Act 2006 s.11)",
        "Health and social care",
        _W,
        JoinRule.ANY_PART_WITHIN,
        "Probably each local government area which, or any part of which, coincides with or "
        "falls within the board's area",
        citation=_u("Sch 1", "the Local Health Board row's wording is not confirmed"),
        join_citation=_u(
            "s.11(6), Sch 1", "the Local Health Board row's second column is not confirmed"
        ),
        health=True,
        devolved_welsh=True,
    ),
    _sch1(
        _C.CHIEF_OFFICER_OF_POLICE,
        "A chief officer of police for a police area",
        "Police",
        _EW,
        JoinRule.DISTRICTS_WITHIN,
        "Probably each local government area within the police area",
        citation=_u(
            "Sch 1",
            "the police row's words are in no copy found (the legalize-uk copy's tables are "
            "empty; crimeline.co.uk's copy of the revised Schedule, as far as it could be "
            "read, stops in the youth offending team row): 'a chief officer of police for a "
            "police area' is svduty's summary, not the Act's read words (a council's "
            "restatement of Schedule 1, the Nuneaton and Bedworth cabinet report of 21 June "
            "2023, has 'Chief Officers of police for police areas in England and Wales')",
        ),
        join_citation=_u(
            "s.11(6), Sch 1", "the police row's local government area wording is not confirmed"
        ),
    ),
    _sch1(
        _C.FIRE_AND_RESCUE_AUTHORITY,
        "A fire and rescue authority",
        "Fire and rescue",
        _EW,
        JoinRule.DISTRICTS_WITHIN,
        "Not confirmed: taken as each local government area within the authority's area",
        citation=_u(
            "Sch 1",
            "the fire and rescue row's descriptions (Fire and Rescue Services Act 2004) are "
            "not confirmed",
        ),
        join_citation=_u(
            "s.11(6), Sch 1",
            "the fire and rescue row's second column is not confirmed",
        ),
        devolved_welsh=None,
    ),
    CategoryInfo(
        _C.EDUCATIONAL_AUTHORITY,
        "An educational authority: the governing body of a maintained school, the "
        "proprietor of an Academy or of a non-maintained special school (Education Act "
        "1996 s.342), excluding schools only for children under compulsory school age",
        Role.RELEVANT_AUTHORITY,
        "Schedule 2, first table",
        _EW,
        JoinRule.LOCATED_IN,
        "Each local government area in which the school or Academy is located",
        _u(
            "s.12(1), Sch 2",
            "the three rows read (maintained schools, Academies, Education Act 1996 s.342 "
            "schools) are confirmed, not the full lists of schools and Academies in them, "
            "nor whether further rows cover further education institutions, 16 to 19 "
            "Academies or secure 16 to 19 Academies",
        ),
        _S12_2,
        devolved_welsh=None,
    ),
    CategoryInfo(
        _C.PRISON_AUTHORITY,
        "A prison authority (the governor of a prison or young offender institution, "
        "s.18(5); the full row is not confirmed)",
        Role.RELEVANT_AUTHORITY,
        "Schedule 2, second table",
        _EW,
        JoinRule.LOCATED_IN,
        "Probably each local government area in which the institution is located",
        _u("s.12(1), Sch 2", "the prison authority rows of Schedule 2 are not confirmed"),
        _u("s.12(2), Sch 2", "the prison authority rows' second column is not confirmed"),
    ),
    CategoryInfo(
        _C.YOUTH_CUSTODY_AUTHORITY,
        "A youth custody authority (the governor of a young offender institution or secure "
        "training centre, the principal of a secure college, s.18(5); the full row is not "
        "confirmed)",
        Role.RELEVANT_AUTHORITY,
        "Schedule 2, third table",
        _EW,
        JoinRule.LOCATED_IN,
        "Probably each local government area in which the institution is located",
        _u("s.12(1), Sch 2", "the youth custody authority rows of Schedule 2 are not confirmed"),
        _u("s.12(2), Sch 2", "the youth custody rows' second column is not confirmed"),
    ),
    CategoryInfo(
        _C.LOCAL_POLICING_BODY,
        "A local policing body: a police and crime commissioner, the Mayor's Office for "
        "Policing and Crime, or the Common Council of the City of London as police "
        "authority. Not a specified authority; may assist and monitor (s.14)",
        Role.LOCAL_POLICING_BODY,
        "s.14",
        _EW,
        JoinRule.DISTRICTS_WITHIN,
        "Each local government area that coincides with or falls within its police area",
        cite("pcsc-act-2022", "s.14"),
        cite("pcsc-act-2022", "s.14(1)"),
    ),
    CategoryInfo(
        _C.OTHER_PARTNER,
        "Another partner: neither a specified nor a relevant authority nor a local policing "
        "body (no power or duty under Part 2 Chapter 1 unless prescribed in regulations under "
        "s.10; it may be invited to participate, s.8(6), s.9(6))",
        Role.OTHER_PARTNER,
        "none",
        _EW,
        JoinRule.NONE,
        "None",
        cite("pcsc-act-2022", "s.11(1), s.12(1), Sch 1, Sch 2"),
        cite("pcsc-act-2022", "s.11(6), s.12(2)"),
    ),
)

CATEGORIES: Mapping[AuthorityCategory, CategoryInfo] = {row.category: row for row in _ROWS}
"""Each category's role, join rule and citations."""


@checked
def category_info(category: AuthorityCategory | str) -> CategoryInfo:
    """What the law says about a category (its role, join rule and citations).

    Args:
        category: The category or its value.

    Raises:
        DataError: if the value names no category (a ``ValueError`` too).

    Example:
        >>> category_info("local_policing_body").role.value
        'local_policing_body'
    """
    try:
        return CATEGORIES[AuthorityCategory(category)]
    except ValueError:
        raise DataError.single(
            None,
            "category",
            expected="one of " + ", ".join(c.value for c in AuthorityCategory),
            got=shown(category, vocabulary=[c.value for c in AuthorityCategory]),
        ) from None
