"""Each s.13 reason cites the words of the Act that decide it."""

from __future__ import annotations

from svduty.definitions._law import RULES_LAW


def test_physical_force_cites_s13_3_with_its_reading() -> None:
    # s.13(3) says what "violence" includes ("in particular": (a)(i)-(iv)) and excludes
    # ((b), terrorism), not what it is: the ordinary meaning is svduty's reading, cited as
    # s.13(3) with that reading as the doubt, not as the words of s.13(3)(a) (independent
    # legal review, finding 5)
    rule = next(r for r in RULES_LAW if r.id == "S13-3A")
    assert rule.citation.provision == "s.13(3)"
    assert rule.citation.doubt is not None
    assert "ordinary meaning" in rule.citation.doubt
    assert "against oneself" in rule.citation.doubt


def test_the_inclusions_cite_their_own_paragraphs() -> None:
    cited = {r.id: r.citation.provision for r in RULES_LAW}
    assert cited["S13-3A-iv"] == "s.13(3)(a)(iv)"


def test_the_physical_violence_kind_cites_as_its_rule_does() -> None:
    from svduty.definitions._kinds import KINDS

    rule = next(r for r in RULES_LAW if r.id == "S13-3A")
    assert KINDS["physical_violence"].citation == rule.citation
