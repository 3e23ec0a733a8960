"""svduty: the Serious Violence Duty as code.

The Police, Crime, Sentencing and Courts Act 2022, Part 2, as typed rules with citations,
and a partnership's arrangements under it (areas, authorities, definitions, governance and
funding) as data. National law is code; local arrangements are data.

Example:
    >>> import svduty
    >>> svduty.cite("pcsc-act-2022", "s.8(1)").href
    'https://www.legislation.gov.uk/ukpga/2022/32/section/8'
"""

from typing import TYPE_CHECKING

from svduty._report import Report, report
from svduty.answers import Answer, Reason, Verdict
from svduty.areas import Area, AreaKind, AreaMatch, Geography, LocalArea
from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    Role,
)
from svduty.definitions import (
    Classification,
    Definition,
    Incident,
    classify,
    classify_table,
)
from svduty.errors import (
    BundleError,
    ConflictError,
    DataError,
    Problem,
    SvdutyError,
    UnknownAreaError,
)
from svduty.funding import FundingModel, Money, SpendingPlan, Strategy, split
from svduty.governance import Body, GovernanceGraph, Relation, Scenario, Timetable
from svduty.io import (
    Pipeline,
    Summary,
    load_packaged_definition,
    load_partnership,
    read_police_uk,
    sample_police_uk,
    validate_bundle,
    warwickshire,
)
from svduty.partnership import Partnership
from svduty.periods import Dated, FinancialYear, Period, Timeline, date
from svduty.sources import CATALOGUE, Citation, Confidence, Source, cite

if TYPE_CHECKING:
    __version__: str


def __getattr__(name: str) -> str:
    # __version__ is read from the installed metadata on first use: importing
    # importlib.metadata costs every command about 0.05 s at start-up
    if name != "__version__":
        raise AttributeError(f"module 'svduty' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("svduty")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        value = "0.0.0+unknown"
    globals()["__version__"] = value
    return value


__all__ = [
    "CATALOGUE",
    "Answer",
    "Area",
    "AreaKind",
    "AreaMatch",
    "Authorities",
    "Authority",
    "AuthorityCategory",
    "Body",
    "BundleError",
    "Citation",
    "Classification",
    "Confidence",
    "ConflictError",
    "DataError",
    "Dated",
    "Definition",
    "FinancialYear",
    "FundingModel",
    "Geography",
    "GovernanceGraph",
    "Incident",
    "LocalArea",
    "Money",
    "Partnership",
    "Period",
    "Pipeline",
    "Problem",
    "Reason",
    "Relation",
    "Report",
    "Role",
    "Scenario",
    "Source",
    "SpendingPlan",
    "Strategy",
    "Summary",
    "SvdutyError",
    "Timeline",
    "Timetable",
    "UnknownAreaError",
    "Verdict",
    "__version__",
    "cite",
    "classify",
    "classify_table",
    "date",
    "load_packaged_definition",
    "load_partnership",
    "read_police_uk",
    "report",
    "sample_police_uk",
    "split",
    "validate_bundle",
    "warwickshire",
]
