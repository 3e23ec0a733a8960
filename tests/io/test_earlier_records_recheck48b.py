"""The abolished areas ``svduty init`` records, and ``svduty validate`` on them (recheck48b).

The structural changes orders of 2018-2020 abolished districts "as local government areas"
(the Northamptonshire (Structural Changes) Order 2020, SI 2020/156, art 3(5): "On 1st April
2021— (a) the North Northamptonshire districts are abolished as local government areas")
before the Duty came into force (31 January 2023). Asked about such a district on a day the
Duty was in force, svduty answered ``undetermined`` for want of the area's record, though it
packages the day and the article; ``svduty init`` now writes the record, ending that day.
"""

from __future__ import annotations

from pathlib import Path

from svduty.authorities import specified_authorities_for
from svduty.io import check_completeness, load_partnership, new_bundle


def _warned(path: Path, code: str) -> list[str]:
    findings = check_completeness(load_partnership(path))
    return [f.message for f in findings if f.rule == "BUNDLE-ONS" and f.subjects == (code,)]


def test_a_district_abolished_in_2021_is_no_local_government_area_in_2024(
    tmp_path: Path,
) -> None:
    path = new_bundle(tmp_path / "nn", ["E06000061"])
    auths = load_partnership(path).authorities
    corby = specified_authorities_for(auths, "E07000150", on="2024-03-15")
    assert corby.verdict.value == "no", corby.explain()
    # the order's words first (the day it abolished Corby), the record's after (lead48)
    order, record = [r for r in corby.reasons if r.rule == "s.11(4)"]
    assert "SI 2020/156" in order.says
    assert order.citation.provision.startswith("art ")
    assert "its record holds" in record.says
    for why in (order, record):
        assert "was not a local government area on 2024-03-15" in why.says
    assert not corby.missing
    # before the Duty, commencement decides, as for any area
    assert specified_authorities_for(auths, "E07000150", on="2019-06-01").reasons[0].rule == (
        "commencement"
    )
    # the successor is untouched
    assert specified_authorities_for(auths, "E06000061", on="2024-03-15").verdict.value == "yes"


def test_the_record_init_writes_is_not_warned_of_but_one_running_past_the_day_is(
    tmp_path: Path,
) -> None:
    path = new_bundle(tmp_path / "nn", ["E06000061"])
    assert _warned(path, "E07000150") == []
    areas = path / "areas.toml"
    text = areas.read_text("utf-8")
    assert text.count('end = "2021-04-01"') == 4  # Corby, East Northants, Kettering, Wellingborough
    areas.write_text(text.replace('end = "2021-04-01"', 'end = "2024-04-01"', 1), "utf-8")
    (message,) = _warned(path, "E07000150")
    assert "Corby ceased on 2021-04-01" in message


def test_the_county_of_2023_init_writes_is_not_warned_of(tmp_path: Path) -> None:
    """law48b's North Yorkshire county record (ending 1 April 2023) drew a warning that
    said only what the record says."""
    path = new_bundle(tmp_path / "ny", ["E06000065"])
    assert _warned(path, "E10000023") == []
