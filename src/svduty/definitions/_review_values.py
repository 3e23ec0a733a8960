"""The converters of the homicide review's yes/no fields of :class:`Incident` (named in errors).

Each reads ``None`` as not known and refuses a value that is not a yes/no, naming its
field (``bool_value``).

Example:
    >>> review_information_value(True), aware_before_pilot_end_value(None)
    (True, None)
"""

from __future__ import annotations

from svduty.definitions._field_values import bool_value

__all__ = [
    "aware_before_pilot_end_value",
    "body_located_value",
    "care_and_support_needs_value",
    "dsi_matter_value",
    "identity_recorded_value",
    "intended_for_injury_value",
    "made_or_adapted_value",
    "pilot_partner_value",
    "review_information_value",
    "same_household_value",
]


def review_information_value(v: bool | None) -> bool | None:
    """``review_information``, checked.

    Example:
        >>> review_information_value(False)
        False
    """
    return bool_value("review_information", v)


def pilot_partner_value(v: bool | None) -> bool | None:
    """``pilot_partner``, checked.

    Example:
        >>> pilot_partner_value(False)
        False
    """
    return bool_value("pilot_partner", v)


def made_or_adapted_value(v: bool | None) -> bool | None:
    """``made_or_adapted``, checked.

    Example:
        >>> made_or_adapted_value(False)
        False
    """
    return bool_value("made_or_adapted", v)


def same_household_value(v: bool | None) -> bool | None:
    """``same_household``, checked.

    Example:
        >>> same_household_value(False)
        False
    """
    return bool_value("same_household", v)


def intended_for_injury_value(v: bool | None) -> bool | None:
    """``intended_for_injury``, checked.

    Example:
        >>> intended_for_injury_value(False)
        False
    """
    return bool_value("intended_for_injury", v)


def care_and_support_needs_value(v: bool | None) -> bool | None:
    """``care_and_support_needs``, checked.

    Example:
        >>> care_and_support_needs_value(False)
        False
    """
    return bool_value("care_and_support_needs", v)


def aware_before_pilot_end_value(v: bool | None) -> bool | None:
    """``aware_before_pilot_end``, checked.

    Example:
        >>> aware_before_pilot_end_value(False)
        False
    """
    return bool_value("aware_before_pilot_end", v)


def body_located_value(v: bool | None) -> bool | None:
    """``body_located``, checked.

    Example:
        >>> body_located_value(True)
        True
    """
    return bool_value("body_located", v)


def identity_recorded_value(v: bool | None) -> bool | None:
    """``identity_recorded``, checked.

    Example:
        >>> identity_recorded_value(True)
        True
    """
    return bool_value("identity_recorded", v)


def dsi_matter_value(v: bool | None) -> bool | None:
    """``dsi_matter``, checked.

    Example:
        >>> dsi_matter_value(True)
        True
    """
    return bool_value("dsi_matter", v)
