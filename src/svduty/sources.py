"""Sources and citations: where every rule and every datum comes from.

A :class:`Source` is a document (an Act, a statutory instrument, guidance, a strategy, a
council report, a dataset). A :class:`Citation` points into a source at a provision
("s.13(3)(a)(i)", "Sch 1", "Funding Provision"), with a URL and, where it matters, the
point in time at which the text was read. Every rule, definition, graph edge, money line
and area record in svduty carries a citation.

:data:`CATALOGUE` holds the national sources only: legislation, statutory guidance, national
strategies and national datasets. A partnership's own documents (its strategy, its
agreement, its council reports) are declared by its bundle (the ``[[sources]]`` of
``bundle.toml``) and reach code through ``Partnership.sources``, the national catalogue
extended with them.

Example:
    >>> from svduty.sources import cite
    >>> c = cite("pcsc-act-2022", "s.13(3)(b)")
    >>> c.href
    'https://www.legislation.gov.uk/ukpga/2022/32/section/13'
    >>> str(c)
    'Police, Crime, Sentencing and Courts Act 2022, s.13(3)(b)'
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, TypeVar, overload

import attrs

if TYPE_CHECKING:  # imported when a day is read: a record's days are kept plain
    import pendulum

from svduty._arguments import text_argument, wrong_argument
from svduty._checked import checked, checked_fields, checked_methods
from svduty._data import data
from svduty._frozen import frozen_map, ids_repr
from svduty._plain_days import (
    as_pendulum,
    by_alias,
    cited_day,
    no_time,
    read_as_pendulum,
    record_repr,
    record_state,
    set_record_state,
)
from svduty._words import Words
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


class SourceKind(Words):
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


class Confidence(Words):
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


@functools.cache
def _provisions() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The shapes of a section, a schedule (and paragraph), a regulation and a part.

    Compiled on first use (:meth:`Source.link`), not at every start-up.
    """
    return (
        re.compile(r"^\s*ss?\.\s*(\d+[A-Z]*)", re.IGNORECASE),
        re.compile(
            r"^\s*(?:sch(?:edule)?\.?)\s*(\d+[A-Z]*)(?:\s*,?\s*para(?:graph)?\.?\s*(\d+[A-Z]*))?",
            re.IGNORECASE,
        ),
        re.compile(r"^\s*regs?\.?\s*(\d+[A-Z]*)", re.IGNORECASE),
        re.compile(r"^\s*part\s*(\d+[A-Z]*)", re.IGNORECASE),
    )


_WEB_ADDRESS = r"https?://[^\s/?#]+\S*"  # re.IGNORECASE; compiled at first use


def _web_address(url: str | None) -> None:
    """Refuse a ``url`` that is not a web address: a report links it (``javascript:...``).

    Example:
        >>> _web_address("https://www.legislation.gov.uk/ukpga/2022/32")
        >>> _web_address("javascript:alert(1)")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: url: expected an http:// or https:// address
    """
    web = isinstance(url, str) and re.fullmatch(_WEB_ADDRESS, url, re.IGNORECASE)
    if url is not None and not web:
        raise DataError.single(None, "url", expected="an http:// or https:// address")


@checked_methods
@checked_fields
@read_as_pendulum
@attrs.frozen(slots=True, repr=False, field_transformer=by_alias)
class Source:
    """A document that rules or data are taken from.

    Attributes:
        id: A short stable identifier, such as ``"pcsc-act-2022"``.
        title: The document's title as a person would cite it.
        kind: What kind of document it is.
        url: Where the document can be read (the canonical URL where one is known).
        publisher: Who published it.
        note: Anything a reader should know (which version was read, known doubts).

    Example:
        >>> from svduty.sources import CATALOGUE
        >>> s = CATALOGUE["da-act-2021"]
        >>> s.title
        'Domestic Abuse Act 2021'
        >>> s.link("s.2")
        'https://www.legislation.gov.uk/ukpga/2021/17/section/2'
    """

    id: str
    title: str
    kind: SourceKind
    url: str | None = attrs.field(default=None, validator=lambda _s, _a, v: _web_address(v))
    publisher: str | None = None
    _date: _dt.date | None = attrs.field(alias="date", default=None, converter=cited_day)
    note: str | None = None

    def __attrs_post_init__(self) -> None:  # (a validator is given the day as read: pendulum)
        no_time(self, attrs.fields_dict(Source)["date"], self._date)

    @property
    def date(self) -> pendulum.Date | None:
        """When the document was made, published or last revised, as used here.

        Example:
            >>> from svduty.sources import CATALOGUE
            >>> CATALOGUE["da-act-2021"].date
            Date(2021, 4, 29)
        """
        return as_pendulum(self._date)

    def __repr__(self) -> str:
        return record_repr(self)

    __getstate__, __setstate__ = record_state, set_record_state  # never half a record
    __match_args__ = ("id", "title", "kind", "url", "publisher", "date", "note")  # as read

    def link(self, provision: str | None) -> str | None:
        """A URL for a provision of this source: a deep link for legislation.

        Sections, schedules (with paragraphs), regulations and parts of legislation on
        legislation.gov.uk get their own address; anything else links to the document.

        Args:
            provision: A provision such as ``"s.13(3)"``, ``"Sch 3 para 14"`` or ``"reg 1(2)"``.

        Example:
            >>> from svduty.sources import CATALOGUE
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
        section, schedule, regulation, part = _provisions()
        if m := section.match(provision):
            return f"{base}/section/{m.group(1)}"
        if m := schedule.match(provision):
            tail = f"/paragraph/{m.group(2)}" if m.group(2) else ""
            return f"{base}/schedule/{m.group(1)}{tail}"
        if m := regulation.match(provision):
            return f"{base}/regulation/{m.group(1)}"
        if m := part.match(provision):
            return f"{base}/part/{m.group(1)}"
        return self.url


@checked_fields
@read_as_pendulum
@attrs.frozen(slots=True, repr=False, field_transformer=by_alias)
class Citation:
    """A pointer into a source: the document, the provision, a URL and a point in time.

    Attributes:
        source: The document cited.
        provision: Where in the document, such as ``"s.13(3)(a)(i)"`` or
            ``"Funding Provision"``; empty for the whole document.
        url: An explicit URL; when ``None`` the URL is derived from the source
            (see :attr:`href`).
        confidence: How sure we are that the source says this.
        doubt: What is unsure; required when ``confidence`` is ``unconfirmed``.

    Raises:
        DataError: if an unconfirmed citation does not say what the doubt is, or the
            provision is blank (spaces only).

    Example:
        >>> import svduty
        >>> local = svduty.warwickshire().sources  # a bundle's own documents
        >>> c = local.cite("warwickshire-partnership-agreement", "Funding Provision")
        >>> c.source.kind
        <SourceKind.AGREEMENT: 'agreement'>
        >>> cite("pcsc-act-2022", "s.24(6)").as_dict()["url"]
        'https://www.legislation.gov.uk/ukpga/2022/32/section/24'
    """

    source: Source
    provision: str = ""
    url: str | None = attrs.field(default=None, validator=lambda _s, _a, v: _web_address(v))
    _as_at: _dt.date | None = attrs.field(
        alias="as_at",
        default=None,
        converter=cited_day,
    )
    confidence: Confidence = Confidence.CONFIRMED
    doubt: str | None = None

    @property
    def as_at(self) -> pendulum.Date | None:
        """The point in time at which the cited text was read, where it matters.

        Example:
            >>> cite("pcsc-act-2022", "s.13", as_at="2024-01-01").as_at
            Date(2024, 1, 1)
        """
        return as_pendulum(self._as_at)

    def __repr__(self) -> str:
        return record_repr(self)

    __getstate__, __setstate__ = record_state, set_record_state  # never half a record
    __match_args__ = ("source", "provision", "url", "as_at", "confidence", "doubt")  # as read

    def __attrs_post_init__(self) -> None:
        no_time(self, attrs.fields_dict(Citation)["as_at"], self._as_at)
        blank = isinstance(self.provision, str) and self.provision and not self.provision.strip()
        if blank:  # "" cites the whole document (another type: the check of its fields says)
            raise DataError.single(
                None, "provision", expected="where in the document, or none (empty) for all of it"
            )
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


T = TypeVar("T")


@checked_methods
@attrs.frozen(slots=True)
class Sources(Mapping[str, Source]):
    """A read-only catalogue of sources by id; bundles extend the national one.

    Example:
        >>> extra = Source("x-report", "X report", SourceKind.REPORT)
        >>> from svduty.sources import CATALOGUE
        >>> cat = CATALOGUE.extend([extra])
        >>> "x-report" in cat, "x-report" in CATALOGUE
        (True, False)
    """

    _by_id: Mapping[str, Source] = attrs.field(alias="by_id", converter=frozen_map, repr=ids_repr)

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
            >>> from svduty.sources import CATALOGUE
            >>> CATALOGUE.extend([]) == CATALOGUE
            True
        """
        return Sources.of([*self._by_id.values(), *sources])

    def __getitem__(self, source_id: str) -> Source:
        try:
            return self._by_id[source_id]
        except KeyError:
            raise UnknownSourceError(source_id, self._by_id) from None
        except TypeError:  # unhashable
            raise wrong_argument("Sources[source_id]", "a source id (str)", source_id) from None

    @overload
    def get(self, source_id: str) -> Source | None: ...

    @overload
    def get(self, source_id: str, default: Source | T) -> Source | T: ...

    def get(self, source_id: str, default: object = None) -> object:
        """The source with an id, or ``default`` (a mapping's ``get``: no error).

        Example:
            >>> import svduty
            >>> svduty.warwickshire().sources.get("no-such-act") is None
            True
        """
        if not isinstance(source_id, str):
            raise wrong_argument("Sources.get(source_id)", "a source id (str)", source_id)
        return self._by_id.get(source_id, default)

    def __contains__(self, source_id: object) -> bool:
        return source_id in self._by_id

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def cite(self, source_id: str, provision: str = "", **kwargs: object) -> Citation:
        """Cite a provision of a source in this catalogue.

        Example:
            >>> from svduty.sources import CATALOGUE
            >>> CATALOGUE.cite("cda-1998", "s.6(1)(d)").href
            'https://www.legislation.gov.uk/ukpga/1998/37/section/6'
        """
        return Citation(self[source_id], provision, **kwargs)  # type: ignore[arg-type]


def _catalogue() -> Sources:
    """The national catalogue, read from the packaged ``data/sources.toml``."""
    import tomllib  # when first read (a cached partnership's citations need no TOML)

    with data("sources.toml").open("rb") as f:
        packaged = tomllib.load(f)
    return Sources.of(
        Source(
            row["id"],
            row["title"],
            SourceKind(row["kind"]),
            row.get("url"),
            row.get("publisher"),
            _dt.date.fromisoformat(row["date"]) if "date" in row else None,
            row.get("note"),
        )
        for row in packaged["sources"]
    )


CATALOGUE: Sources
"""The national sources, by id (packaged as ``svduty/data/sources.toml``).

National legislation, statutory guidance, national strategies and national datasets only;
a partnership's own documents are declared by its bundle. Read on first use (PEP 562): a
command that only reads citations already made (a cached partnership) never parses it.
"""


_held: list[Sources] = []
_reading = threading.Lock()


def _national() -> Sources:
    """The catalogue, read once (under a lock: two threads asking first get one object)."""
    if not _held:
        with _reading:
            if not _held:
                _held.append(_catalogue())
    return _held[0]


if not TYPE_CHECKING:  # the type checker sees CATALOGUE declared, and no other name

    def __getattr__(name: str) -> Sources:
        if name == "CATALOGUE":
            found = globals()["CATALOGUE"] = _national()
            return found
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


@checked
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
    text_argument(source_id, "cite(source_id)", "a source's id (str)")
    text_argument(provision, "cite(provision)", "a provision, such as 's.16(4)(a)' (str)")
    return _national().cite(source_id, provision, **kwargs)
