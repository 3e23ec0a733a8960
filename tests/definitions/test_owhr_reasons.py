"""The words of the homicide review reasons follow the statute they cite."""

from __future__ import annotations

from svduty.definitions._owhr import RULES


def test_offensive_weapon_reason_is_about_the_use_not_the_death() -> None:
    # PCA 1953 s.1(4) (via PCSC Act 2022 s.24(8)): an article not made or adapted for
    # causing injury is an offensive weapon if intended for causing injury; a killing
    # where only injury was intended (manslaughter) still involves one. The reason for
    # "not an offensive weapon" must not say it turns on whether the death was intended.
    says = RULES["OWHR-S24-8-NOT-INTENDED"].says
    assert "death was not intentional" not in says
    assert "causing injury" in says


def test_homicide_is_read_as_any_killing_and_the_reading_is_cited() -> None:
    # s.24(6): "the homicide of a person"; "homicide" is not defined in Chapter 2 (s.36(1)).
    # svduty reads it in its ordinary meaning, lawful or not, and says so where it decides.
    for rule in ("OWHR-S24-6", "OWHR-S24-6-NO-HOMICIDE"):
        citation = RULES[rule].citation
        assert "s.24(6)" in citation.provision
        assert citation.doubt is not None
        assert "not defined" in citation.doubt
        assert "lawful or not" in citation.doubt
