"""Sources and citations: where every rule and every datum comes from.

A :class:`Source` is a document (an Act, a statutory instrument, guidance, a strategy, a
council report, a dataset). A :class:`Citation` points into a source at a provision
("s.13(3)(a)(i)", "Sch 1", "Funding Provision"), with a URL and, where it matters, the
point in time at which the text was read. Every rule, definition, graph edge, money line
and area record in svduty carries a citation.

:data:`CATALOGUE` holds the national sources and the three seed documents of the
Warwickshire partnership; a bundle may add sources of its own.

Example:
    >>> from svduty.sources import cite
    >>> c = cite("pcsc-act-2022", "s.13(3)(b)")
    >>> c.href
    'https://www.legislation.gov.uk/ukpga/2022/32/section/13'
    >>> str(c)
    'Police, Crime, Sentencing and Courts Act 2022, s.13(3)(b)'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Mapping

import attrs
import pendulum

from svduty.errors import DataError, UnknownSourceError

__all__ = [
    "CATALOGUE",
    "Citation",
    "Confidence",
    "Source",
    "SourceKind",
    "Sources",
    "cite",
]


class SourceKind(enum.StrEnum):
    """What kind of document a source is.

    Example:
        >>> SourceKind("legislation") is SourceKind.LEGISLATION
        True
    """

    LEGISLATION = "legislation"
    STATUTORY_INSTRUMENT = "statutory_instrument"
    GUIDANCE = "guidance"
    STRATEGY = "strategy"
    REPORT = "report"
    AGREEMENT = "agreement"
    DATASET = "dataset"
    WEB_PAGE = "web_page"
    OTHER = "other"


class Confidence(enum.StrEnum):
    """How sure svduty is of a fact, following the tags of the domain notes.

    ``confirmed`` ([C]/[P]): checked against the primary text or two agreeing sources;
    ``secondary`` ([S]): an official or secondary source not checked against the primary
    text; ``unconfirmed`` ([U]): one weak source, derived, or not found, with the doubt
    written down.

    Example:
        >>> Confidence.UNCONFIRMED.value
        'unconfirmed'
    """

    CONFIRMED = "confirmed"
    SECONDARY = "secondary"
    UNCONFIRMED = "unconfirmed"


_LEGISLATION_KINDS = frozenset({SourceKind.LEGISLATION, SourceKind.STATUTORY_INSTRUMENT})

_SECTION = re.compile(r"^\s*ss?\.\s*(\d+[A-Z]*)", re.IGNORECASE)
_SCHEDULE = re.compile(
    r"^\s*(?:sch(?:edule)?\.?)\s*(\d+[A-Z]*)(?:\s*,?\s*para(?:graph)?\.?\s*(\d+[A-Z]*))?",
    re.IGNORECASE,
)
_REGULATION = re.compile(r"^\s*regs?\.?\s*(\d+[A-Z]*)", re.IGNORECASE)
_PART = re.compile(r"^\s*part\s*(\d+[A-Z]*)", re.IGNORECASE)


@attrs.frozen(slots=True)
class Source:
    """A document that rules or data are taken from.

    Attributes:
        id: A short stable identifier, such as ``"pcsc-act-2022"``.
        title: The document's title as a person would cite it.
        kind: What kind of document it is.
        url: Where the document can be read (the canonical URL where one is known).
        publisher: Who published it.
        date: When it was made, published or last revised, as used here.
        note: Anything a reader should know (which version was read, known doubts).

    Example:
        >>> s = CATALOGUE["da-act-2021"]
        >>> s.title
        'Domestic Abuse Act 2021'
        >>> s.link("s.2")
        'https://www.legislation.gov.uk/ukpga/2021/17/section/2'
    """

    id: str
    title: str
    kind: SourceKind
    url: str | None = None
    publisher: str | None = None
    date: pendulum.Date | None = None
    note: str | None = None

    def link(self, provision: str | None) -> str | None:
        """A URL for a provision of this source: a deep link for legislation.

        Sections, schedules (with paragraphs), regulations and parts of legislation on
        legislation.gov.uk get their own address; anything else links to the document.

        Args:
            provision: A provision such as ``"s.13(3)"``, ``"Sch 3 para 14"`` or ``"reg 1(2)"``.

        Example:
            >>> CATALOGUE["soa-2003"].link("Sch 3 para 14")
            'https://www.legislation.gov.uk/ukpga/2003/42/schedule/3/paragraph/14'
            >>> CATALOGUE["svd-guidance"].link("para 4") == CATALOGUE["svd-guidance"].url
            True
        """
        if (
            not provision
            or self.url is None
            or self.kind not in _LEGISLATION_KINDS
            or "legislation.gov.uk" not in self.url
        ):
            return self.url
        base = self.url.rstrip("/")
        if m := _SECTION.match(provision):
            return f"{base}/section/{m.group(1)}"
        if m := _SCHEDULE.match(provision):
            tail = f"/paragraph/{m.group(2)}" if m.group(2) else ""
            return f"{base}/schedule/{m.group(1)}{tail}"
        if m := _REGULATION.match(provision):
            return f"{base}/regulation/{m.group(1)}"
        if m := _PART.match(provision):
            return f"{base}/part/{m.group(1)}"
        return self.url


@attrs.frozen(slots=True)
class Citation:
    """A pointer into a source: the document, the provision, a URL and a point in time.

    Attributes:
        source: The document cited.
        provision: Where in the document, such as ``"s.13(3)(a)(i)"`` or
            ``"Funding Provision"``; empty for the whole document.
        url: An explicit URL; when ``None`` the URL is derived from the source
            (see :attr:`href`).
        as_at: The point in time at which the cited text was read, where it matters.
        confidence: How sure we are that the source says this.
        doubt: What is unsure; required when ``confidence`` is ``unconfirmed``.

    Raises:
        DataError: if an unconfirmed citation does not say what the doubt is.

    Example:
        >>> c = cite("warwickshire-partnership-agreement", "Funding Provision")
        >>> c.source.kind
        <SourceKind.AGREEMENT: 'agreement'>
        >>> cite("pcsc-act-2022", "s.24(6)").as_dict()["url"]
        'https://www.legislation.gov.uk/ukpga/2022/32/section/24'
    """

    source: Source
    provision: str = ""
    url: str | None = None
    as_at: pendulum.Date | None = None
    confidence: Confidence = Confidence.CONFIRMED
    doubt: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.confidence is Confidence.UNCONFIRMED and not (self.doubt and self.doubt.strip()):
            raise DataError.single(
                None,
                "doubt",
                expected="a sentence saying what is unconfirmed (confidence is 'unconfirmed')",
            )

    @property
    def href(self) -> str | None:
        """The URL to show a person (the explicit one, else a link derived from the source.

        Example:
            >>> cite("pcsc-act-2022", "Sch 1").href
            'https://www.legislation.gov.uk/ukpga/2022/32/schedule/1'
        """
        return self.url if self.url is not None else self.source.link(self.provision)

    def as_dict(self) -> dict[str, str | None]:
        """The citation as plain JSON-ready data (the form the CLI writes).

        Example:
            >>> sorted(cite("who-2002", "ch. 1").as_dict())
            ['as_at', 'confidence', 'document', 'doubt', 'provision', 'source', 'url']
        """
        return {
            "source": self.source.id,
            "document": self.source.title,
            "provision": self.provision,
            "url": self.href,
            "as_at": self.as_at.isoformat() if self.as_at else None,
            "confidence": self.confidence.value,
            "doubt": self.doubt,
        }

    def __str__(self) -> str:
        return f"{self.source.title}, {self.provision}" if self.provision else self.source.title


@attrs.frozen(slots=True)
class Sources(Mapping[str, Source]):
    """A read-only catalogue of sources by id; bundles extend the national one.

    Example:
        >>> extra = Source("x-report", "X report", SourceKind.REPORT)
        >>> cat = CATALOGUE.extend([extra])
        >>> "x-report" in cat, "x-report" in CATALOGUE
        (True, False)
    """

    _by_id: Mapping[str, Source] = attrs.field(alias="by_id")

    @classmethod
    def of(cls, sources: Iterable[Source]) -> Sources:
        """Build a catalogue, rejecting two sources with one id.

        Example:
            >>> len(Sources.of([Source("a", "A", SourceKind.OTHER)]))
            1
        """
        by_id: dict[str, Source] = {}
        for s in sources:
            if s.id in by_id and by_id[s.id] != s:
                raise DataError.single(
                    None, f"sources[{s.id}]", message="two different sources share one id"
                )
            by_id[s.id] = s
        return cls(by_id=dict(sorted(by_id.items())))

    def extend(self, sources: Iterable[Source]) -> Sources:
        """A new catalogue with more sources; an id already present must be identical.

        Example:
            >>> CATALOGUE.extend([]) == CATALOGUE
            True
        """
        return Sources.of([*self._by_id.values(), *sources])

    def __getitem__(self, source_id: str) -> Source:
        try:
            return self._by_id[source_id]
        except KeyError:
            raise UnknownSourceError(source_id, self._by_id) from None

    def __contains__(self, source_id: object) -> bool:
        return source_id in self._by_id

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def cite(self, source_id: str, provision: str = "", **kwargs: object) -> Citation:
        """Cite a provision of a source in this catalogue.

        Example:
            >>> CATALOGUE.cite("cda-1998", "s.6(1)(d)").href
            'https://www.legislation.gov.uk/ukpga/1998/37/section/6'
        """
        return Citation(self[source_id], provision, **kwargs)  # type: ignore[arg-type]


def _d(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


_LEG = "https://www.legislation.gov.uk"
_SEED = "seed document (shared/seed): Nuneaton and Bedworth Borough Council, Cabinet 21 June 2023"

CATALOGUE: Sources = Sources.of(
    [
        Source(
            "pcsc-act-2022",
            "Police, Crime, Sentencing and Courts Act 2022",
            SourceKind.LEGISLATION,
            f"{_LEG}/ukpga/2022/32",
            "UK Parliament",
            _d("2022-04-28"),
            "Revised text as updated to 7 March 2023 (ss.8, 9, 13, 15 against the current "
            "pages). Part 2 Chapter 1 (ss.8-23): the Serious Violence Duty; Chapter 2 "
            "(ss.24-36): offensive weapons homicide reviews.",
        ),
        Source(
            "da-act-2021",
            "Domestic Abuse Act 2021",
            SourceKind.LEGISLATION,
            f"{_LEG}/ukpga/2021/17",
            "UK Parliament",
            _d("2021-04-29"),
        ),
        Source(
            "soa-2003",
            "Sexual Offences Act 2003",
            SourceKind.LEGISLATION,
            f"{_LEG}/ukpga/2003/42",
            "UK Parliament",
            _d("2003-11-20"),
            "Schedule 3 lists the sexual offences that s.13(4) of the 2022 Act adopts.",
        ),
        Source(
            "cda-1998",
            "Crime and Disorder Act 1998",
            SourceKind.LEGISLATION,
            f"{_LEG}/ukpga/1998/37",
            "UK Parliament",
            _d("1998-07-31"),
            "As amended by s.20 of the 2022 Act (ss.5A, 6, 17, 18).",
        ),
        Source(
            "pja-2006",
            "Police and Justice Act 2006",
            SourceKind.LEGISLATION,
            f"{_LEG}/ukpga/2006/48",
            "UK Parliament",
            _d("2006-11-08"),
            "s.19(11) as amended by s.21 of the 2022 Act.",
        ),
        Source(
            "sca-2015",
            "Serious Crime Act 2015",
            SourceKind.LEGISLATION,
            f"{_LEG}/ukpga/2015/9",
            "UK Parliament",
            _d("2015-03-03"),
            "s.76: controlling or coercive behaviour in an intimate or family relationship.",
        ),
        Source(
            "ta-2000",
            "Terrorism Act 2000",
            SourceKind.LEGISLATION,
            f"{_LEG}/ukpga/2000/11",
            "UK Parliament",
            _d("2000-07-20"),
        ),
        Source(
            "pca-1953",
            "Prevention of Crime Act 1953",
            SourceKind.LEGISLATION,
            f"{_LEG}/ukpga/Eliz2/1-2/14",
            "UK Parliament",
            _d("1953-05-06"),
            "s.1(4): 'offensive weapon', adopted by s.24(8) of the 2022 Act.",
        ),
        Source(
            "si-2023-227",
            "Police, Crime, Sentencing and Courts Act 2022 (Commencement No. 1) (England and "
            "Wales) Regulations 2023 (SI 2023/227)",
            SourceKind.STATUTORY_INSTRUMENT,
            f"{_LEG}/uksi/2023/227",
            "Home Office",
            _d("2023-02-28"),
            "The offensive weapons homicide review pilot: pilot partners (reg 1(2)) and a "
            "pilot period of 9 months from 1 April 2023 as made; an 18-month pilot was "
            "announced and an amending instrument is not identified.",
        ),
        Source(
            "si-2022-1227",
            "Police, Crime, Sentencing and Courts Act 2022 (Commencement No. 5) Regulations "
            "2022 (SI 2022/1227)",
            SourceKind.STATUTORY_INSTRUMENT,
            f"{_LEG}/uksi/2022/1227",
            "Home Office",
            _d("2022-11-23"),
            "Commenced the rest of Part 2 Chapter 1 on 31 January 2023 (per the Home Office "
            "commencement schedule; the regulation itself not confirmed).",
        ),
        Source(
            "svd-guidance",
            "Serious Violence Duty: Preventing and reducing serious violence. Statutory "
            "guidance for responsible authorities",
            SourceKind.GUIDANCE,
            "https://www.gov.uk/government/publications/serious-violence-duty",
            "Home Office",
            _d("2023-06-22"),
            "Published 16 December 2022, updated 22 June 2023; only its opening paragraphs "
            "are confirmed.",
        ),
        Source(
            "owhr-guidance",
            "Offensive Weapons Homicide Reviews: statutory guidance",
            SourceKind.GUIDANCE,
            "https://www.gov.uk/government/publications/offensive-weapons-homicide-reviews",
            "Home Office",
            _d("2023-03-01"),
        ),
        Source(
            "sv-strategy-2018",
            "Serious Violence Strategy",
            SourceKind.STRATEGY,
            "https://www.gov.uk/government/publications/serious-violence-strategy",
            "Home Office",
            _d("2018-04-09"),
            "Scope sentence quoted by the Warwickshire strategy; verbatim wording not "
            "checked against the primary PDF.",
        ),
        Source(
            "who-2002",
            "World report on violence and health (Krug E.G. et al., eds)",
            SourceKind.REPORT,
            "https://www.who.int/publications/i/item/9241545615",
            "World Health Organization, Geneva",
            _d("2002-10-03"),
            "Chapter 1 definition of violence; copies differ on 'that'/'which' before "
            "'either results'.",
        ),
        Source(
            "nbbc-cabinet-report-2023",
            "Nuneaton and Bedworth Borough Council, Cabinet report 'Serious Violence Duty' "
            "(21 June 2023)",
            SourceKind.REPORT,
            "https://www.nuneatonandbedworth.gov.uk",
            "Nuneaton and Bedworth Borough Council",
            _d("2023-06-21"),
            _SEED + ", Agenda Item 6.",
        ),
        Source(
            "warwickshire-sv-strategy",
            "Safer Warwickshire Serious Violence Prevention Strategy 2022-2027",
            SourceKind.STRATEGY,
            "https://www.warwickshire.gov.uk",
            "Safer Warwickshire Partnership Board",
            _d("2023-06-21"),
            _SEED + ", Appendix A. Dated here by the cabinet meeting that received it.",
        ),
        Source(
            "warwickshire-partnership-agreement",
            "Partnership Agreement between Named Specified Authorities: Warwickshire Serious "
            "Violence Duty",
            SourceKind.AGREEMENT,
            "https://www.warwickshire.gov.uk",
            "Warwickshire specified authorities",
            _d("2023-01-31"),
            _SEED + ", Appendix B. In force 31 January 2023 to 31 March 2025.",
        ),
        Source(
            "ons-lsoa11-ward19",
            "Lower Layer Super Output Area (2011) to Ward (2019) Lookup in England and Wales",
            SourceKind.DATASET,
            "https://geoportal.statistics.gov.uk",
            "Office for National Statistics",
            _d("2019-05-01"),
            "Rows for the five Warwickshire districts (339 LSOAs); copied from "
            "github.com/jtrim-ons/ons-lookups csv/135.csv. Open Government Licence v3.0.",
        ),
        Source(
            "ons-lsoa21-boundaries",
            "Lower Layer Super Output Areas (December 2021) Boundaries, generalised clipped",
            SourceKind.DATASET,
            "https://geoportal.statistics.gov.uk",
            "Office for National Statistics",
            _d("2021-12-01"),
            "The 354 LSOAs of the five Warwickshire districts; copied from "
            "github.com/drkane/geo-lookups boundaries/lsoa/. Open Government Licence v3.0; "
            "contains OS data (c) Crown copyright and database right.",
        ),
        Source(
            "ons-lad-csp-pfa-2018",
            "Local Authority District to Community Safety Partnership to Police Force Area "
            "(December 2018) Lookup in England and Wales",
            SourceKind.DATASET,
            "https://geoportal.statistics.gov.uk",
            "Office for National Statistics",
            _d("2018-12-01"),
            "As republished at github.com/jtrim-ons/ons-lookups csv/190.csv.",
        ),
        Source(
            "ons-lsoa21-ward24-lad24",
            "Lower Layer Super Output Area (2021) to Ward (2024) to Local Authority District "
            "(2024) Lookup in England and Wales",
            SourceKind.DATASET,
            "https://geoportal.statistics.gov.uk",
            "Office for National Statistics",
            _d("2024-05-01"),
            "ONS LSOA21_WD24_LAD24_EW_LU, packaged in svduty/data/ons/national/ as republished by "
            "github.com/humaniverse/geographr (data/lookup_lsoa21_ward24_ltla24.rda). Open "
            "Government Licence v3.0; contains OS data (c) Crown copyright and database right.",
        ),
        Source(
            "ons-lsoa11-lsoa21-lad22",
            "LSOA (2011) to LSOA (2021) to Local Authority District (2022) best-fit Lookup for "
            "England and Wales, with change codes",
            SourceKind.DATASET,
            "https://geoportal.statistics.gov.uk",
            "Office for National Statistics",
            _d("2022-12-01"),
            "ONS LSOA11_LSOA21_LAD22_EW_LU, packaged in svduty/data/ons/national/ as republished "
            "by github.com/humaniverse/geographr (data/lookup_lsoa11_lsoa21_ltla22.rda). Open "
            "Government Licence v3.0; contains OS data (c) Crown copyright and database right.",
        ),
        Source(
            "ons-lsoa21-icb24",
            "LSOA (2021) to Sub Integrated Care Board Location to Integrated Care Board (2024) "
            "Lookup in England",
            SourceKind.DATASET,
            "https://geoportal.statistics.gov.uk",
            "Office for National Statistics",
            _d("2024-04-01"),
            "ONS LSOA21_SICBL24_ICB24_EN_LU, packaged in svduty/data/ons/national/ as republished "
            "by github.com/humaniverse/geographr (data/lookup_lsoa21_icb24.rda). Open Government "
            "Licence v3.0; contains OS data (c) Crown copyright and database right.",
        ),
        Source(
            "ons-lad24-csp24-pfa24",
            "Local Authority District (2024) to Community Safety Partnership to Police Force Area "
            "(2024) Lookup in England and Wales",
            SourceKind.DATASET,
            "https://geoportal.statistics.gov.uk",
            "Office for National Statistics",
            _d("2024-12-01"),
            "ONS LAD24_CSP24_PFA24_EW_LU, packaged in svduty/data/ons/national/ as republished by "
            "github.com/humaniverse/geographr (data/lookup_ltla24_csp24_pfa24.rda). Open "
            "Government Licence v3.0; contains OS data (c) Crown copyright and database right.",
        ),
        Source(
            "ons-lad24-fra24",
            "Local Authority District (2024) to Fire and Rescue Authority (2024) Lookup in England"
            " and Wales",
            SourceKind.DATASET,
            "https://geoportal.statistics.gov.uk",
            "Office for National Statistics",
            _d("2024-12-01"),
            "ONS LAD24_FRA24_EW_LU, packaged in svduty/data/ons/national/ as republished by "
            "github.com/humaniverse/geographr (data/lookup_ltla24_fra24.rda). Open Government "
            "Licence v3.0; contains OS data (c) Crown copyright and database right.",
        ),
        Source(
            "ons-lad24-region24",
            "Local Authority District (2024) to Region Lookup in England",
            SourceKind.DATASET,
            "https://geoportal.statistics.gov.uk",
            "Office for National Statistics",
            _d("2024-12-01"),
            "ONS LAD24_RGN24_EN_LU, packaged in svduty/data/ons/national/ as republished by "
            "github.com/humaniverse/geographr (data/lookup_ltla24_region24.rda). Open Government "
            "Licence v3.0; contains OS data (c) Crown copyright and database right.",
        ),
        Source(
            "ons-lad23-utla23",
            "Lower Tier Local Authority to Upper Tier Local Authority (2023) Lookup in England and"
            " Wales",
            SourceKind.DATASET,
            "https://geoportal.statistics.gov.uk",
            "Office for National Statistics",
            _d("2023-04-01"),
            "ONS LTLA23_UTLA23_EW_LU, packaged in svduty/data/ons/national/ as republished by "
            "github.com/humaniverse/geographr (data/lookup_ltla23_utla23.rda). Open Government "
            "Licence v3.0; contains OS data (c) Crown copyright and database right.",
        ),
        Source(
            "ons-lad21-lhb22",
            "Local Authority District (2021) to Local Health Board (2022) Lookup in Wales",
            SourceKind.DATASET,
            "https://geoportal.statistics.gov.uk",
            "Office for National Statistics",
            _d("2022-04-01"),
            "ONS LAD21_LHB22_WA_LU, packaged in svduty/data/ons/national/ as republished by "
            "github.com/humaniverse/geographr (data/lookup_ltla21_lhb22.rda). Open Government "
            "Licence v3.0; contains OS data (c) Crown copyright and database right.",
        ),
        Source(
            "ons-offence-join",
            "Home Office offence codes joined to ONS offence groups, Crime Severity Score "
            "weights and police.uk categories",
            SourceKind.DATASET,
            "https://github.com/M-O-P-D/Police-Supply-Demand",
            "Police-Supply-Demand project (MIT), from ONS data (OGL v3.0)",
            None,
            "A hand-made join of ONS tables (data/policeuk-ons-code-join.csv): a starting "
            "table to check, not an official file.",
        ),
        Source(
            "police-uk",
            "data.police.uk street-level crime data",
            SourceKind.DATASET,
            "https://data.police.uk/about/",
            "Home Office / police forces of England, Wales and Northern Ireland",
            None,
            "Open Government Licence v3.0.",
        ),
        Source(
            "mopac-pcd-1614",
            "MOPAC Decision PCD 1614: VRU borough relocation grant funding",
            SourceKind.REPORT,
            "https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime-"
            "mopac/mopac-governance-and-decision-making/mopac-decisions/pcd-1614-vru-borough-"
            "relocation-grant-funding",
            "Mayor's Office for Policing and Crime",
            None,
            "Secondary source for the Home Office SVD grant condition that funding is not "
            "carried over between financial years (law.md §4.4 [S]).",
        ),
        Source(
            "ons-census-2021",
            "Census 2021: usual resident population by local authority",
            SourceKind.DATASET,
            "https://www.ons.gov.uk/census",
            "Office for National Statistics",
            _d("2022-06-28"),
            "Warwickshire figures rounded to the nearest 100, as reported in the press "
            "(warwickshire.md §6); each citation gives the page read and its confidence.",
        ),
        Source(
            "warwickshire-lgr-proposals",
            "Local government reorganisation in Warwickshire: proposals for consultation",
            SourceKind.WEB_PAGE,
            "https://www.gov.uk/government/consultations/local-government-reorganisation-in-"
            "warwickshire/proposals-for-local-government-reorganisation-in-warwickshire",
            "Ministry of Housing, Communities and Local Government",
            _d("2026-02-05"),
            "Two proposals submitted November 2025: two unitaries (North = North "
            "Warwickshire, Nuneaton and Bedworth, Rugby; South = Stratford-on-Avon, Warwick) "
            "or one county unitary; consultation 5 February to 26 March 2026; planned vesting "
            "day 1 April 2028. The government's decision is not known (domain notes, "
            "warwickshire.md section 5).",
        ),
    ]
)
"""The national sources and the three Warwickshire seed documents, by id."""


def cite(source_id: str, provision: str = "", **kwargs: object) -> Citation:
    """Cite a provision of a source in the national :data:`CATALOGUE`.

    Args:
        source_id: The source's id, such as ``"pcsc-act-2022"``.
        provision: Where in the source, such as ``"s.16(4)(a)"``.
        **kwargs: Further :class:`Citation` fields (``url``, ``as_at``, ``confidence``,
            ``doubt``).

    Raises:
        UnknownSourceError: if the id is not in the catalogue.

    Example:
        >>> cite("pcsc-act-2022", "s.16(4)(a)").provision
        's.16(4)(a)'
        >>> cite("no-such-act")
        Traceback (most recent call last):
        ...
        svduty.errors.UnknownSourceError: unknown source: no-such-act (known: ...)
    """
    return CATALOGUE.cite(source_id, provision, **kwargs)
