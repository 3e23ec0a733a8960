"""What law46's readings rest on, read again from the texts (recheck46a).

The Health and Care Act 2022 Sch 4 para 243 (legalize-uk ``uk/ukpga-2022-31.md``) amended
PCSC Act 2022 Schedule 1's health row; law46 dated it 1 July 2022 from the annotations of
*other* paragraphs of the same Schedule ("para 243's own annotation not read"). The
commencement instrument says it of the whole Schedule: SI 2022/734 (legalize-uk
``uk/uksi-2022-734.md``, as made) reg 2: "The following provisions of the 2022 Act come
into force on 1st July 2022— (a) the provisions set out in the Schedule to these
Regulations", whose Schedule lists "Schedule 4 | Integrated care system: minor and
consequential amendments" (no "in so far as not already in force").

PCSC Act 2022 s.26(3) names no instrument: the duty does not apply "if regulations under
section 135(4)(a) of the Social Services and Well-being (Wales) Act 2014 (anaw 4) require a
Safeguarding Board to undertake a review of the death" (SI 2023/227 refers only to "section
26 of the Act", reg 4(2)(a)). s.135(4) (legalize-uk ``uk-wls/anaw-2014-4.md``): "Regulations
must— (a) provide for a Safeguarding Board to have functions relating to its objectives
(including, for example, functions of review or investigation)". SI 2015/1466 reg 3(1)
gives those functions "in relation to its objectives under section 135(1)" / "135(2)" of
the Act, among them (reg 3(2)(l)) "to undertake practice reviews in accordance with
regulation 4": that is why svduty reads reg 4 for s.26(3). Its preamble (the enabling
powers) is not in the copy read, so the catalogue says how the link is made.
"""

from __future__ import annotations

from svduty.sources import CATALOGUE, SourceKind


def test_the_health_rows_amendment_is_dated_by_its_commencement_instrument() -> None:
    si = CATALOGUE["si-2022-734"]
    assert si.kind is SourceKind.STATUTORY_INSTRUMENT
    assert si.url == "https://www.legislation.gov.uk/uksi/2022/734"
    assert si.note is not None
    assert "Integrated care system: minor and consequential amendments" in si.note
    hca = CATALOGUE["hca-2022"].note
    assert hca is not None
    assert "SI 2022/734 reg 2(a)" in hca
    assert "not read" not in hca  # the commencement of para 243 itself is now read


def test_si_2015_1466_is_tied_to_s26_3_through_s135_4_a_and_reg_3() -> None:
    note = CATALOGUE["si-2015-1466"].note
    assert note is not None
    assert "s.135(4)(a)" in note
    assert "reg 3(2)(l)" in note
    assert "preamble" in note  # the enabling powers are not in the copy read: said so
