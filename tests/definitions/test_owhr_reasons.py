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
