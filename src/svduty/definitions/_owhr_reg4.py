"""The four conditions of SI 2022/1261 reg 4 for PCSC Act 2022 s.24(1)(c), as incident facts.

The Police, Crime, Sentencing and Courts Act 2022 (Offensive Weapons Homicide Reviews)
Regulations 2022 (SI 2022/1261; read as made in the legalize-dev/legalize-uk mirror,
``uk/uksi-2022-1261.md``), reg 4(1): "The conditions in paragraph (2) are specified for
the purpose of section 24(1)(c) of the Act". Each of reg 4(2)'s four is an incident fact:
(a) ``body_located``, (b) ``identity_recorded``, (c) ``review_information`` (with reg
4(3)'s "information") and (d) ``dsi_matter`` (the condition holds where it is false). Not
given, a condition is unknown: no presumption reads it, so an answer all else would make
``required`` is undetermined, naming it. One that fails makes the review not required,
its reason citing its paragraph.

Example:
    >>> from svduty.definitions._expr import ScalarEnv
    >>> REG_4.scalar(ScalarEnv({"body_located": True, "identity_recorded": True,
    ...     "review_information": True, "dsi_matter": False}))
    True
    >>> REG_4.scalar(ScalarEnv({"review_information": True})) is None
    True
    >>> [r.id for r in REG_4_RULES][:2]
    ['OWHR-S24-1C-BODY', 'OWHR-S24-1C-NO-BODY']
"""

from __future__ import annotations

from svduty.definitions._atoms import IsTrue, Possibly
from svduty.definitions._expr import All, Expr, Not, Rule
from svduty.definitions._law import HOMICIDE
from svduty.sources import Citation, cite

__all__ = ["INFORMATION", "REG_4", "REG_4_RULES"]


def _reg(provision: str) -> Citation:
    return cite("si-2022-1261", provision)


BODY = IsTrue("body_located")
IDENTITY = IsTrue("identity_recorded")
INFORMATION = IsTrue("review_information")
NOT_DSI = Not(IsTrue("dsi_matter"))
REG_4 = All(BODY, IDENTITY, INFORMATION, NOT_DSI)
"""All four conditions of reg 4(2) hold (unknown while one is unknown and none fails)."""

_NOT_MET = ": a condition SI 2022/1261 reg 4(2) specifies under s.24(1)(c) is not met"


def _pair(rid: tuple[str, str], holds: Expr, yes: str, no: str, where: str) -> tuple[Rule, Rule]:
    """The reasons where a condition holds and where it fails (quiet unless a death may be)."""
    citation = _reg(where)
    when = Possibly(HOMICIDE)
    return (
        Rule(f"OWHR-S24-1C-{rid[0]}", All(when, holds), yes, citation),
        Rule(f"OWHR-S24-1C-{rid[1]}", All(when, Not(holds)), no + _NOT_MET, citation),
    )


REG_4_RULES: tuple[Rule, ...] = (
    *_pair(
        ("BODY", "NO-BODY"),
        BODY,
        "the body of the person who died, or part of it, has been located",
        "neither the body of the person who died nor any part of it has been located",
        "reg 4(2)(a)",
    ),
    *_pair(
        ("IDENTITY", "NO-IDENTITY"),
        IDENTITY,
        "the identity of the person who died, or of at least one person who caused, or is "
        "likely to have caused, the death, has been recorded (by or for a chief officer of "
        "police on its official computer system, reg 2)",
        "the identity of neither the person who died nor any person who caused, or is likely "
        "to have caused, the death has been recorded (reg 2: by or for a chief officer of "
        "police on its official computer system)",
        "reg 4(2)(b)",
    ),
    # the rule ids of (c) are those it had before (a)'s, (b)'s and (d)'s were read
    Rule(
        "OWHR-S24-1C",
        All(Possibly(HOMICIDE), INFORMATION),
        "a review partner has, or would reasonably be expected to have, information about the "
        "victim or a person who caused the death: that there is a risk a person may commit, "
        "or be a victim of, antisocial or criminal behaviour, known before the recorded time "
        "of death or the recorded death (SI 2022/1261 reg 4(2)(c), (3))",
        _reg("reg 4(2)(c), (3)"),
    ),
    Rule(
        "OWHR-S24-1C-NO-INFORMATION",
        All(Possibly(HOMICIDE), Not(INFORMATION)),
        "no review partner has, or would reasonably be expected to have, information about "
        "the victim or a person who caused the death (that there is a risk a person may "
        "commit, or be a victim of, antisocial or criminal behaviour, known before the "
        "recorded time of death or the recorded death, reg 4(3))" + _NOT_MET,
        _reg("reg 4(2)(c), (3)"),
    ),
    *_pair(
        ("NOT-DSI", "DSI"),
        NOT_DSI,
        "the death is not a death or serious injury matter within the meaning of the Police "
        "Reform Act 2002 s.12(2A)",
        "the death is a death or serious injury matter within the meaning of the Police "
        "Reform Act 2002 s.12(2A)",
        "reg 4(2)(d)",
    ),
)
"""The reasons of reg 4(2), each condition's holding and failing, in its order."""
