"""Schedule 1's health row for England as amended by the Health and Care Act 2022, and the
police row, whose words no copy shows (law46).

No copy of the revised Schedule 1 found shows the Health and social care table (the
legalize-uk copy's tables are empty; crimeline.co.uk's page, as far as it could be read,
stops in the youth offending team row). The amending text does: the Health and Care Act 2022
Sch 4 para 243 (read in the legalize-uk mirror, uk/ukpga-2022-31.md), in force 1 July 2022,
before the Duty:

    "In Schedule 1 (specified authorities and local government areas), in the table
    headed “Health and social care”— (a) for “A clinical commissioning group established
    under section 14D” substitute “An integrated care board established under section
    14Z25”; (b) for “the group’s” substitute “the board’s”."

So the row's first words are confirmed and cited so; only "the board's" of its second
column is read, and the join keeps an unconfirmed citation saying what is not read. The
police row's citation claimed its words confirmed, though no session read them: it now says
they are svduty's summary.
"""

from __future__ import annotations

from svduty.areas import Area, AreaKind
from svduty.authorities import AuthorityCategory, category_info
from svduty.io._new_authorities import _chief_officer, _row
from svduty.periods import Period
from svduty.sources import Confidence, cite

ICB = AuthorityCategory.INTEGRATED_CARE_BOARD


def test_the_icb_row_is_in_the_acts_words_and_confirmed() -> None:
    info = category_info(ICB)
    assert info.description.startswith("An integrated care board established under section 14Z25")
    assert info.table == "Health and social care"
    assert info.citation.confidence is Confidence.CONFIRMED
    assert info.citation.doubt is not None
    assert "Health and Care Act 2022 Sch 4 para 243(a)" in info.citation.doubt
    assert info.health_or_social_care  # s.10(10): the table headed "Health and social care"


def test_the_icb_join_says_what_is_read_and_what_is_not() -> None:
    join = category_info(ICB).join_citation
    assert join.confidence is Confidence.UNCONFIRMED
    assert join.doubt is not None
    assert "para 243(b)" in join.doubt
    assert "the board's" in join.doubt
    assert "Bill's CCG wording" not in join.doubt


def test_the_local_health_board_row_stays_unconfirmed() -> None:
    info = category_info(AuthorityCategory.LOCAL_HEALTH_BOARD)
    assert info.citation.confidence is Confidence.UNCONFIRMED
    assert info.join_citation.confidence is Confidence.UNCONFIRMED


def test_init_writes_the_icb_records_doubt_as_what_is_unread() -> None:
    c = _row(ICB, "ons-lsoa21-icb24")
    assert c["confidence"] == "unconfirmed"
    assert not c["doubt"].startswith("None")
    assert "para 243(b)" in c["doubt"]
    assert c["doubt"].endswith("the board's name and area are the ONS table ons-lsoa21-icb24's")


def test_the_police_rows_words_are_not_claimed_read() -> None:
    """No copy found shows the police table: its citation says so (it was confirmed)."""
    info = category_info(AuthorityCategory.CHIEF_OFFICER_OF_POLICE)
    assert info.citation.confidence is Confidence.UNCONFIRMED
    assert info.citation.doubt is not None
    assert "svduty's summary" in info.citation.doubt
    assert info.join_citation.confidence is Confidence.UNCONFIRMED


def _pfa(code: str, name: str) -> Area:
    return Area(
        code=code,
        name=name,
        kind=AreaKind.POLICE_FORCE_AREA,
        valid=Period("2023-01-31"),
        citation=cite("ons-lad24-csp24-pfa24"),
    )


def test_init_cites_a_chief_officer_with_the_rows_doubt_in_london_too() -> None:
    met = _chief_officer(_pfa("E23000001", "Metropolitan Police"))
    assert met["citation"]["confidence"] == "unconfirmed"
    assert "svduty's summary" in met["citation"]["doubt"]
    warks = _chief_officer(_pfa("E23000017", "Warwickshire"))
    assert warks["citation"]["doubt"].endswith(
        "the force's formal title is not in the ONS tables; check it"
    )
