"""The conditions SI 2022/1261 reg 4 specifies for PCSC Act 2022 s.24(1)(c).

The Police, Crime, Sentencing and Courts Act 2022 (Offensive Weapons Homicide Reviews)
Regulations 2022 (SI 2022/1261, in force 21 December 2022; read as made in the
legalize-dev/legalize-uk mirror, ``uk/uksi-2022-1261.md``), reg 4(1): "The conditions in
paragraph (2) are specified for the purpose of section 24(1)(c) of the Act". Reg 4(2):
(a) the body of the person who died, or part of it, has been located; (b) the identity of
the person who died, or of at least one person who caused, or is likely to have caused,
that person's death, has been recorded (by or for a chief officer of police on its
official computer system, reg 2); (c) one or more review partner has information about, or
would reasonably be expected to have information about, either of them ("information":
that there is a risk a person may commit, or be a victim of, antisocial or criminal
behaviour, reg 4(3)); (d) the death is not a "death or serious injury matter" within
the meaning of section 12(2A) of the Police Reform Act 2002. Reg 3(2): reg 4 applies to
England and Wales (the pilot's limits are in SI 2023/227 and regs 5 to 11).

Example:
    >>> [c.citation.provision for c in REG_4]
    ['reg 4(2)(a)', 'reg 4(2)(b)', 'reg 4(2)(c), (3)', 'reg 4(2)(d)']
"""

from __future__ import annotations

from svduty.authorities._owhr_weigh import _Condition
from svduty.sources import Citation, cite

__all__ = ["REG_4"]


def _reg(provision: str) -> Citation:
    return cite("si-2022-1261", provision)


_CEASES = (
    ": the s.24(1)(c) conditions are not satisfied, so no duty arises, or the review partner "
    "ceases to be under a duty to arrange for there to be a review (s.24(3))"
)

REG_4: tuple[_Condition, ...] = (
    _Condition(
        "body_located",
        _reg("reg 4(2)(a)"),
        False,
        "whether the body of the person who died, or part of the body, has been located",
        "the body of the person who died, or part of the body of the person who died, has "
        "been located",
        "neither the body of the person who died nor part of it has been located" + _CEASES,
    ),
    _Condition(
        "identity_recorded",
        _reg("reg 4(2)(b)"),
        False,
        "whether the identity of the person who died, or of at least one person who caused, "
        "or is likely to have caused, that person's death, has been recorded",
        "the identity of the person who died, or of at least one person who caused, or is "
        "likely to have caused, that person's death, has been recorded (by or on behalf of a "
        "chief officer of police on its official computer system, reg 2)",
        "the identity of neither the person who died nor any person who caused, or is likely "
        "to have caused, the death has been recorded" + _CEASES,
    ),
    _Condition(
        "relevant_information",
        _reg("reg 4(2)(c), (3)"),
        False,
        "whether one or more review partner has information about, or would reasonably be "
        "expected to have information about, the person who died or at least one person who "
        "caused, or is likely to have caused, that person's death",
        "one or more review partner has information about, or would reasonably be expected "
        "to have information about, the person who died or at least one person who caused, "
        "or is likely to have caused, that person's death (information that there is a risk "
        "a person may commit, or be a victim of, antisocial or criminal behaviour, reg 4(3))",
        "no review partner has information about, or would reasonably be expected to have "
        "information about, the person who died or any person who caused, or is likely to "
        "have caused, the death (information that there is a risk a person may commit, or be "
        "a victim of, antisocial or criminal behaviour, known before the recorded time of "
        "death or the recorded death, reg 4(3))" + _CEASES,
        missing_as="information_about_deceased or information_about_suspect",
    ),
    _Condition(
        "dsi_matter",
        _reg("reg 4(2)(d)"),
        True,
        "whether the death is a death or serious injury matter within the meaning of "
        "section 12(2A) of the Police Reform Act 2002",
        "the death is not a death or serious injury matter within the meaning of section "
        "12(2A) of the Police Reform Act 2002",
        "the death is a death or serious injury matter within the meaning of section 12(2A) "
        "of the Police Reform Act 2002" + _CEASES,
    ),
)
"""The four conditions of reg 4(2), each read from :class:`ReviewFacts`."""
