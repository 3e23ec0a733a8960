"""The records of a starting bundle (``svduty init``): ids, citations, authority tables.

Example:
    >>> slug("Bristol, City of"), COMMENCED
    ('bristol-city-of', '2023-01-31')
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from svduty.authorities import AuthorityCategory, category_info
from svduty.authorities._areas_served import schedule_4

__all__ = [
    "COMMENCED",
    "TITLE_SUFFIX",
    "WELSH_COUNTIES",
    "as_county_council",
    "authority_record",
    "cite",
    "default_title",
    "handover",
    "plain_name",
    "schedule_1",
    "schedule_4_words",
    "slug",
]

COMMENCED = "2023-01-31"
"""The day the Duty's provisions came into force: every record holds from it."""

WELSH_COUNTIES = frozenset(
    {
        "isle of anglesey",
        "gwynedd",
        "denbighshire",
        "flintshire",
        "powys",
        "ceredigion",
        "pembrokeshire",
        "carmarthenshire",
        "swansea",
        "cardiff",
        "monmouthshire",
    }
)
"""The Welsh principal areas that are counties, not county boroughs (LGA 1972 Sch 4), by name.

``svduty init`` takes an area's kind from its code (``authorities._areas_served``); these
ONS names only for a code that does not place it.
"""


def slug(text: str) -> str:
    """An id made of a name (a letter with an accent as the letter: ``Môn``, ``mon``).

    Example:
        >>> slug("Devon & Cornwall"), slug("Bristol, City of"), slug("ynys-môn")
        ('devon-and-cornwall', 'bristol-city-of', 'ynys-mon')
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower().replace("&", "and")).strip("-")


TITLE_SUFFIX = " Serious Violence Duty partnership"
"""What ``svduty init`` writes after the areas' names in a title it makes."""
_TITLE_LIMIT = 200  # the manifest's (``Manifest.title``)


def default_title(names: list[str]) -> str:
    """The title ``svduty init`` makes of the areas' names, when none is given.

    The names are a list that reads as its areas ("A, B and C": "Barking and Dagenham
    and Barnet" reads as three places). When they would make a title longer than a
    bundle's manifest takes (200 characters: the 33 areas of London), the first names
    that fit are given, and the rest counted.

    Example:
        >>> default_title(["Cardiff", "Vale of Glamorgan"])
        'Cardiff and Vale of Glamorgan Serious Violence Duty partnership'
        >>> default_title(["Barking and Dagenham", "Barnet", "Bexley"])
        'Barking and Dagenham, Barnet and Bexley Serious Violence Duty partnership'
        >>> default_title([f"Area {n}" for n in range(1, 41)])[-69:]
        'Area 16, Area 17 and 23 other areas Serious Violence Duty partnership'
    """
    for shown in range(len(names), 0, -1):
        head, rest = names[:shown], len(names) - shown
        if rest:
            listed = f"{', '.join(head)} and {rest} other area{'s' if rest > 1 else ''}"
        else:
            listed = head[0] if shown == 1 else f"{', '.join(head[:-1])} and {head[-1]}"
        if len(listed) + len(TITLE_SUFFIX) <= _TITLE_LIMIT:
            return listed + TITLE_SUFFIX
    return f"{len(names)} area{'s' if len(names) > 1 else ''}{TITLE_SUFFIX}"


def cite(source: str, provision: str, doubt: str = "") -> dict[str, str]:
    """A citation table; with a doubt, an unconfirmed one.

    Example:
        >>> cite("pcsc-act-2022", "s.14", "which body is not known")["confidence"]
        'unconfirmed'
    """
    out = {"source": source, "provision": provision}
    if doubt:
        out |= {"confidence": "unconfirmed", "doubt": doubt}
    return out


def plain_name(name: str) -> str:
    """An ONS name as people write it: "Bristol, City of" is "City of Bristol".

    Example:
        >>> plain_name("Bristol, City of"), plain_name("Herefordshire, County of")
        ('City of Bristol', 'County of Herefordshire')
        >>> plain_name("Rugby")
        'Rugby'
    """
    head, sep, tail = name.rpartition(", ")
    if sep and tail.endswith(" of") and tail[:1].isupper():
        return f"{tail} {head}"
    return name


def schedule_1(provision: str, doubt: str = "") -> dict[str, str]:
    """A citation of a Schedule 1 row; with a doubt, an unconfirmed one.

    Example:
        >>> schedule_1("a district council")["provision"]
        'Sch 1 (a district council)'
    """
    return cite("pcsc-act-2022", f"Sch 1 ({provision})", doubt)


def authority_record(
    id_: str, name: str, category: AuthorityCategory, areas: list[str], citation: dict[str, str]
) -> dict[str, Any]:
    """An ``[[authorities]]`` record, valid from the Duty's start.

    Example:
        >>> r = authority_record("x", "X", AuthorityCategory.CHIEF_OFFICER_OF_POLICE,
        ...                      ["W23000001"], schedule_1("a chief officer of police"))
        >>> r["nation"], r["valid"]
        ('wales', {'start': '2023-01-31'})
    """
    record: dict[str, Any] = {
        "id": id_,
        "name": name,
        "category": category.value,
        "areas": areas,
        "valid": {"start": COMMENCED},
        "citation": citation,
    }
    nations = {code[:1] for code in areas}
    if len(category_info(category).nations) > 1 and len(nations) == 1:
        # a category of both nations: its own areas' codes say which (E... or W...)
        record["nation"] = "wales" if nations == {"W"} else "england"
    return record


def as_county_council(council: dict[str, Any], why: str) -> None:
    """Make a unitary area's council record the county council of an area with no districts.

    A unitary council is a district council or a county council; the ONS tables do not
    say which. Where svduty knows the council is its county's (its fire and rescue
    authority as the county council, or a structural changes order continuing the county
    council), the record takes Schedule 1's row for it, ``why`` stated with its doubt.

    Example:
        >>> r = authority_record("x", "X Council", AuthorityCategory.DISTRICT_COUNCIL,
        ...                      ["E06000052"], schedule_1("a district council"))
        >>> as_county_council(r, "the county's fire and rescue authority")
        >>> r["category"], r["citation"]["provision"]
        ('county_council_no_districts', 'Sch 1 (a county council in England for an area for which there are no district councils)')
    """  # noqa: E501
    if council["category"] != AuthorityCategory.DISTRICT_COUNCIL.value:
        return
    council["category"] = AuthorityCategory.COUNTY_COUNCIL_NO_DISTRICTS.value
    council["citation"] = schedule_1(
        "a county council in England for an area for which there are no district councils",
        f"{why}; that row's area is 'The district which coincides with the council's "
        "area', the same district s.11(6) gives a district council (the other row a "
        "unitary council can be in), so the row changes no area it is an authority for; "
        "the council's formal name is not in the ONS tables: check it",
    )


def handover(former: dict[str, Any], successor: dict[str, Any], day: str) -> list[dict[str, Any]]:
    """``former`` from the duty's start until ``day`` and ``successor`` from then, each dated.

    Example:
        >>> [r["valid"] for r in handover({}, {}, "2024-05-07")]
        [{'start': '2023-01-31', 'end': '2024-05-07'}, {'start': '2024-05-07'}]
    """
    former["valid"] = {"start": COMMENCED, "end": day}
    successor["valid"] = {"start": day}
    return [former, successor]


def schedule_4_words(code: str) -> str:
    """Where the Local Government Act 1972 makes a Welsh principal area of its kind, in words.

    Example:
        >>> schedule_4_words("W06000002")[-118:]
        'Sch 4 Pt I, which names it "Caernarfonshire and Merionethshire": a council may change the name (s.74(1)), not the Part'
        >>> schedule_4_words("W06000015"), schedule_4_words("W06000099")
        ('Local Government Act 1972 s.20(4) and Sch 4 Pt I', 'Local Government Act 1972 s.20(4) and Sch 4')
    """  # noqa: E501
    where = schedule_4(code)
    if where is None:  # a code the national tables do not know
        return "Local Government Act 1972 s.20(4) and Sch 4"
    part, _, name = where.removeprefix("LGA 1972 s.20(4), ").partition(", as ")
    said = (
        name and f", which names it {name}: a council may change the name (s.74(1)), not the Part"
    )
    return f"Local Government Act 1972 s.20(4) and {part}{said}"
