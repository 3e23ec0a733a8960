"""The analyst's report: a needs-assessment profile of a partnership's area (private).

The public names are :func:`svduty.report` and :class:`svduty.Report`.
"""

from svduty._report._build import report
from svduty._report._model import TABLES, Report

__all__ = ["TABLES", "Report", "report"]
