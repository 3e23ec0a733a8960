"""svduty: the Serious Violence Duty as code.

The Police, Crime, Sentencing and Courts Act 2022, Part 2, as typed rules with citations,
and a partnership's arrangements under it (areas, authorities, definitions, governance and
funding) as data. National law is code; local arrangements are data.

Example:
    >>> import svduty
    >>> svduty.cite("pcsc-act-2022", "s.8(1)").href
    'https://www.legislation.gov.uk/ukpga/2022/32/section/8'
"""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from svduty.errors import (
    BundleError,
    ConflictError,
    DataError,
    Problem,
    SvdutyError,
    UnknownAreaError,
)
from svduty.io import Pipeline, Summary, read_police_uk, sample_police_uk
from svduty.periods import Dated, FinancialYear, Period, Timeline, date
from svduty.sources import CATALOGUE, Citation, Confidence, Source, cite

try:
    __version__ = _version("svduty")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"

__all__ = [
    "CATALOGUE",
    "BundleError",
    "Citation",
    "Confidence",
    "ConflictError",
    "DataError",
    "Dated",
    "FinancialYear",
    "Period",
    "Pipeline",
    "Problem",
    "Source",
    "Summary",
    "SvdutyError",
    "Timeline",
    "UnknownAreaError",
    "__version__",
    "cite",
    "date",
    "read_police_uk",
    "sample_police_uk",
]
