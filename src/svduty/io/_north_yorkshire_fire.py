"""North Yorkshire's fire and rescue authority, 20 December 2023 to 6 May 2024: in doubt.

The York and North Yorkshire Combined Authority Order 2023 (SI 2023/1432) was made on 19
December 2023. Art 1(2): "Save as provided in paragraph (3) this Order comes into force on
the day after the day on which it is made" (20 December 2023); art 1(3): "Articles 27,
41(1) and 42 to 44 come into force on 7th May 2024". Art 41: "(1) The functions of the FRA
that are exercisable in relation to the Area are to be functions of the Combined
Authority. (2) The Combined Authority is the fire and rescue authority for the Area for
the purposes of the 2004 Act. (3) The FRA is abolished." Art 55 revokes the commissioner's
Fire and Rescue Authority Order 2018.

Read literally, art 41(2)-(3) and art 55 took effect on 20 December 2023 (legislation.gov.uk's
editors so note: "Art. 41(2)(3) in force at 20.12.2023"). Read as a whole, the change came
on 7 May 2024: the functions pass only then (art 41(1)), the Mayor who alone exercises them
takes office then (arts 4(4), 42(1)), and arts 50(1), 51, 52(3)-(5) and 54(2) treat the
FRA as holding property, secondees, proceedings and a financial year until 6 May 2024;
Part 9 dates the commissioner's end expressly (art 32(2), (4)). No amending order was found.
The text does not settle which body was the fire and rescue authority on those days, so
``svduty init`` writes both records over them, each marked in doubt
(:class:`~svduty.authorities.InDoubt`): answers about those days are ``undetermined``.

Example:
    >>> former, successor = north_yorkshire_fire({"valid": {}}, {"valid": {}})
    >>> former["valid"], successor["valid"]
    ({'start': '2023-01-31', 'end': '2024-05-07'}, {'start': '2023-12-20'})
    >>> former["in_doubt"]["valid"] == successor["in_doubt"]["valid"]
    True
"""

from __future__ import annotations

from typing import Any

from svduty.io._new_records import COMMENCED, cite

__all__ = ["AREAS", "DOUBT_FROM", "PROVISION", "TRANSFERRED", "WORDS", "north_yorkshire_fire"]

DOUBT_FROM = "2023-12-20"
"""The day after SI 2023/1432 was made: art 41(2)-(3) in force, read literally (art 1(2))."""

TRANSFERRED = "2024-05-07"
"""The day the fire and rescue functions pass (art 1(3), art 41(1))."""

AREAS = ("E31000027", "E06000014", "E06000065")
"""The fire and rescue authority area in doubt, and the local government areas it gives then."""

PROVISION = "art 1(2), (3); art 41; arts 50-52, 54, 55"
"""The provisions of SI 2023/1432 read two ways."""

WORDS = (
    "art 1(2) brings the order into force on 20 December 2023 save arts 27, 41(1) and 42-44, "
    "which art 1(3) brings into force on 7 May 2024: read literally, from 20 December 2023 "
    "the combined authority 'is the fire and rescue authority for the Area' (art 41(2)), the "
    "commissioner's fire and rescue authority 'is abolished' (art 41(3)) and its Fire and "
    "Rescue Authority Order 2018 revoked (art 55), though its functions pass only on 7 May "
    "2024 (art 41(1)) and arts 50(1), 51, 52(3)-(5) and 54(2) treat it as holding property, "
    "secondees, proceedings and a financial year until 6 May 2024; read as a whole, the "
    "change is on 7 May 2024. No amending order found: which body was North Yorkshire's fire "
    "and rescue authority from 20 December 2023 to 6 May 2024 is not settled by the text"
)


def north_yorkshire_fire(former: dict[str, Any], successor: dict[str, Any]) -> list[dict[str, Any]]:
    """The commissioner's record and the combined authority's, dated, the overlap in doubt.

    ``former``: the Police, Fire and Crime Commissioner for North Yorkshire as fire and
    rescue authority, from the Duty's start until 7 May 2024; ``successor``: the York and
    North Yorkshire Combined Authority, from 20 December 2023. From 20 December 2023 to 6
    May 2024 each record is in doubt, citing SI 2023/1432 (see the module).

    Example:
        >>> former, _ = north_yorkshire_fire({}, {})
        >>> former["in_doubt"]["citation"]["provision"]
        'art 1(2), (3); art 41; arts 50-52, 54, 55'
    """
    doubt = {
        "valid": {"start": DOUBT_FROM, "end": TRANSFERRED},
        "citation": cite("si-2023-1432", PROVISION, WORDS),
    }
    former["valid"] = {"start": COMMENCED, "end": TRANSFERRED}
    successor["valid"] = {"start": DOUBT_FROM}
    former["in_doubt"] = doubt
    successor["in_doubt"] = {"valid": dict(doubt["valid"]), "citation": dict(doubt["citation"])}
    return [former, successor]
