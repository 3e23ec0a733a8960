"""s.15(7)(a)'s excuse, as the direction rules state it (law62's audit of s.15).

A relevant authority's duty to collaborate with another relevant authority that asks
(s.15(5)(b)) is no "other duty" that excuses its s.15 duties: s.15(7)(a) reads "any other
duty of the authority imposed by an enactment (other than subsection (5)(b))". The reason
said "another duty an enactment imposes on it", which left the exception out.
"""

from __future__ import annotations

from svduty.authorities import Authority, AuthorityCategory, can_be_directed
from svduty.sources import cite


def test_the_excuse_names_the_exception_of_s15_5_b() -> None:
    c = cite("pcsc-act-2022", "Sch 2")
    school = Authority("s", "School", AuthorityCategory.EDUCATIONAL_AUTHORITY, ("E07000219",), c)
    answer = can_be_directed(school, "s.15(3)")
    excuse = [r for r in answer.reasons if r.rule == "s.15(7)"]
    assert len(excuse) == 1
    assert "(other than subsection (5)(b))" in excuse[0].says
    assert excuse[0].citation is not None
    assert excuse[0].citation.provision == "s.15(7)-(9)"
