"""The ids of the national definitions, for a command's help without the rule engine.

Example:
    >>> from svduty.definitions import DEFINITIONS
    >>> sorted(DEFINITIONS) == list(NATIONAL_IDS), STATUTE_ID in NATIONAL_IDS
    (True, True)
"""

__all__ = ["NATIONAL_IDS", "STATUTE_ID"]

STATUTE_ID = "pcsc-s13"
"""The id of the Act's definition (``svduty.definitions.STATUTE``)."""

NATIONAL_IDS = ("pcsc-s13", "sv-strategy-2018", "who-2002")
"""The ids of ``svduty.definitions.DEFINITIONS``, sorted."""
