"""Schedule 1's Local government rows in the words of the revised text (legislation.gov.uk)."""

from __future__ import annotations

from svduty.authorities import category_info


def test_county_council_rows_use_the_schedule_1_words() -> None:
    assert category_info("county_council").lga_wording == (
        "Each district which falls within the council's area"
    )
    assert category_info("county_council_no_districts").lga_wording == (
        "The district which coincides with the council's area or, if there is no such "
        "district, each district within the council's area"
    )
