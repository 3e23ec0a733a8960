"""Time: closed-open periods, UK financial years and values dated "as at" a day.

Facts that change over time (who chairs a board, an area's code, a grant) are held as
:class:`Dated` values on a :class:`Timeline`, which rejects overlaps and gaps and answers
"what was in force on this day?".

Each name is imported on first use (PEP 562): a partnership's areas, and so ``svduty
classify``, use :class:`Period` alone and never build the other classes.

Example:
    >>> from svduty.periods import FinancialYear, Period, date
    >>> fy = FinancialYear.parse("2023/24")
    >>> fy.period
    Period(start=Date(2023, 4, 1), end=Date(2024, 4, 1))
    >>> date("2024-03-31") in fy
    True
    >>> str(Period(date("2023-01-31"), date("2025-04-01")))
    '2023-01-31 to 2025-03-31'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from svduty._lazy import exports

if TYPE_CHECKING:  # imported on first use (PEP 562): see _EXPORTS
    from svduty.periods._dated import Dated, FinancialYear, Timeline
    from svduty.periods._period import Period, date

_EXPORTS: dict[str, str] = {
    "Dated": "svduty.periods._dated",
    "FinancialYear": "svduty.periods._dated",
    "Period": "svduty.periods._period",
    "Timeline": "svduty.periods._dated",
    "date": "svduty.periods._period",
}
"""Each public name and the module that defines it."""

__all__ = ["Dated", "FinancialYear", "Period", "Timeline", "date"]

if not TYPE_CHECKING:  # a misspelt name is then an error the type checker reports
    __getattr__, __dir__ = exports(__name__, _EXPORTS)
