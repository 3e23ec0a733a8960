"""SI 2015/1466 reg 4(4): the extended practice review asks abuse only (law46).

The Safeguarding Boards (Functions and Procedures) (Wales) Regulations 2015, as made (read
in the legalize-dev/legalize-uk mirror, uk-wls/wsi-2015-1466.md): reg 4(3), the concise
review, "where within the area of the Board, abuse or neglect of a child or adult is
known or suspected and— (a) the child or adult has— (i) died"; reg 4(4), the extended
review (the adult had been, in the 6 months before, one a local authority had determined
to take action to protect), "where, within the area of the Board, abuse of a child or
adult is known or suspected". The reasons said both asked "abuse or neglect". The answer
is unchanged (``undetermined``, naming ``other_reviews``): only what the reasons say of
reg 4(4).
"""

from __future__ import annotations

from svduty.definitions._owhr import RULES


def test_the_extended_review_is_said_to_ask_abuse_only() -> None:
    says = RULES["OWHR-S26-3-APR"].says
    assert "extended one where, within the area of the Board, abuse of a child or adult" in says
    assert "(concise, or extended" not in says
    assert "reg 4(4)" in says
    assert "neglect alone after such action requires neither" in says


def test_the_no_needs_reason_says_reg_4_4_asks_abuse_alone() -> None:
    says = RULES["OWHR-S26-3-NO-NEEDS"].says
    assert "abuse alone, reg 4(4)" in says
