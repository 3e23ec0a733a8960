"""svduty: the Serious Violence Duty as code.

The Police, Crime, Sentencing and Courts Act 2022, Part 2, as typed rules with citations,
and a partnership's arrangements under it (areas, authorities, definitions, governance and
funding) as data. National law is code; local arrangements are data.

Example:
    >>> import svduty
    >>> svduty.cite("pcsc-act-2022", "s.8(1)").href
    'https://www.legislation.gov.uk/ukpga/2022/32/section/8'
"""

import sys as _sys  # first (no __future__ import): the svduty script's Ctrl-C, below

if _sys.argv and _sys.argv[0].endswith(("svduty", "svduty.exe")):  # the svduty script:
    from svduty import _starting  # Ctrl-C while it starts is one line, exit 130

    if _starting.is_the_command():
        _starting.guard()

from typing import TYPE_CHECKING

from svduty._lazy import exports
from svduty._version import __version__

if TYPE_CHECKING:  # the names below are imported on first use (PEP 562): see _EXPORTS
    from svduty._report import Report, report
    from svduty.answers import Answer, Reason, Verdict
    from svduty.areas import Area, AreaKind, AreaMatch, Geography, LocalArea
    from svduty.authorities import Authorities, Authority, AuthorityCategory, Role
    from svduty.definitions import Classification, Definition, Incident, classify, classify_table
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
        new_bundle,
        read_police_uk,
        sample_police_uk,
        validate_bundle,
        warwickshire,
    )
    from svduty.partnership import Partnership
    from svduty.periods import Dated, FinancialYear, Period, Timeline, date
    from svduty.samples import sample_path
    from svduty.sources import CATALOGUE, Citation, Confidence, Source, cite

_EXPORTS: dict[str, str] = {
    "Answer": "svduty.answers",
    "Area": "svduty.areas",
    "AreaKind": "svduty.areas",
    "AreaMatch": "svduty.areas",
    "Authorities": "svduty.authorities",
    "Authority": "svduty.authorities",
    "AuthorityCategory": "svduty.authorities",
    "Body": "svduty.governance",
    "BundleError": "svduty.errors",
    "CATALOGUE": "svduty.sources",
    "Citation": "svduty.sources",
    "cite": "svduty.sources",
    "Classification": "svduty.definitions",
    "classify": "svduty.definitions",
    "classify_table": "svduty.definitions",
    "Confidence": "svduty.sources",
    "ConflictError": "svduty.errors",
    "DataError": "svduty.errors",
    "date": "svduty.periods",
    "Dated": "svduty.periods",
    "Definition": "svduty.definitions",
    "FinancialYear": "svduty.periods",
    "FundingModel": "svduty.funding",
    "Geography": "svduty.areas",
    "GovernanceGraph": "svduty.governance",
    "Incident": "svduty.definitions",
    "load_packaged_definition": "svduty.io",
    "load_partnership": "svduty.io",
    "new_bundle": "svduty.io",
    "LocalArea": "svduty.areas",
    "Money": "svduty.funding",
    "Partnership": "svduty.partnership",
    "Period": "svduty.periods",
    "Pipeline": "svduty.io",
    "Problem": "svduty.errors",
    "read_police_uk": "svduty.io",
    "Reason": "svduty.answers",
    "Relation": "svduty.governance",
    "report": "svduty._report",
    "Report": "svduty._report",
    "Role": "svduty.authorities",
    "sample_path": "svduty.samples",
    "sample_police_uk": "svduty.io",
    "Scenario": "svduty.governance",
    "Source": "svduty.sources",
    "SpendingPlan": "svduty.funding",
    "split": "svduty.funding",
    "Strategy": "svduty.funding",
    "Summary": "svduty.io",
    "SvdutyError": "svduty.errors",
    "Timeline": "svduty.periods",
    "Timetable": "svduty.governance",
    "UnknownAreaError": "svduty.errors",
    "validate_bundle": "svduty.io",
    "Verdict": "svduty.answers",
    "warwickshire": "svduty.io",
}
"""Each public name and the module that defines it; a name is imported when first used,
so that ``import svduty`` and ``svduty --version`` start in a few milliseconds."""


_SUBPACKAGES = frozenset(
    {
        "answers",
        "areas",
        "authorities",
        "cli",
        "definitions",
        "errors",
        "findings",
        "funding",
        "governance",
        "io",
        "partnership",
        "periods",
        "sources",
    }
)
"""The modules reachable as attributes (``svduty.io``) without an explicit import."""


if not TYPE_CHECKING:  # a misspelt name is then an error the type checker reports
    __getattr__, __dir__ = exports(__name__, _EXPORTS, _SUBPACKAGES)


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
    "new_bundle",
    "read_police_uk",
    "report",
    "sample_path",
    "sample_police_uk",
    "split",
    "validate_bundle",
    "warwickshire",
]
