"""The areas abolished in 2019-2021, read checked from ``data/ons/ceased-2019-2021.toml``.

No national ONS table holds them (they ceased before the 2022 table): each row gives the
area's GSS code, its name, the 2024 areas that hold its area, the day it ceased and the
article of the order that abolished it, cited (a statutory instrument of ``sources.toml``).
A bad row is refused with the file, the row and the field, never the value.

Example:
    >>> a = earlier_areas()["E07000004"]
    >>> a.name, a.successors, str(a.ceased), str(a.citation)
    ('Aylesbury Vale', ('E06000060',), '2020-04-01', 'Buckinghamshire (Structural Changes) Order 2019 (SI 2019/957), art 4(1)')
"""  # noqa: E501

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from svduty import sources
from svduty._data import data
from svduty._shown import quote_keys
from svduty.errors import AreaError, Problem, describe
from svduty.sources import Citation, Confidence, SourceKind

__all__ = ["EarlierArea", "earlier_areas", "read_earlier_areas"]

_CODE = re.compile(r"(?:E0[6-9]|E10|W06)[0-9]{6}", re.ASCII)
"""The GSS code of a district, unitary or county (the kinds the orders abolished)."""

_SUCCESSOR = re.compile(r"(?:E0[6-9]|W06)[0-9]{6}", re.ASCII)
"""The GSS code of a 2024 local government area (a district or unitary)."""

_KEYS = ("code", "name", "successors", "ceased", "citation")
_CITATION_KEYS = ("source", "provision", "confidence", "doubt")


@attrs.frozen(slots=True)
class EarlierArea:
    """A district or county abolished in 2019-2021, before the national tables.

    Attributes:
        code: Its GSS code.
        name: Its name.
        successors: The 2024 local government areas that hold its area.
        ceased: The first day it no longer existed.
        citation: The article of the order that abolished it.

    Example:
        >>> earlier_areas()["E10000021"].successors
        ('E06000061', 'E06000062')
    """

    code: str
    name: str
    successors: tuple[str, ...]
    ceased: _dt.date
    citation: Citation

    @property
    def order(self) -> str:
        """The order and its article, as a message names them.

        Example:
            >>> earlier_areas()["E07000206"].order
            'the East Suffolk (Local Government Changes) Order 2018 (SI 2018/640), art 5(1)'
        """
        return f"the {self.citation.source.title}, {self.citation.provision}"


@functools.cache
def earlier_areas() -> dict[str, EarlierArea]:
    """The packaged areas abolished in 2019-2021, by code (read and checked once).

    Example:
        >>> len(earlier_areas()), str(earlier_areas()["E10000009"].ceased)
        (28, '2019-04-01')
    """
    return {a.code: a for a in read_earlier_areas(data("ons", "ceased-2019-2021.toml"))}


def read_earlier_areas(path: Path) -> tuple[EarlierArea, ...]:
    r"""Read a file of abolished areas (``[[areas]]`` rows), checking every row.

    Raises:
        AreaError: naming the file, the row (1-based, in the order of ``[[areas]]``) and
            the field of every problem found, and what was expected.

    Example:
        >>> import tempfile
        >>> bad = Path(tempfile.mkdtemp()) / "x.toml"
        >>> _ = bad.write_text('[[areas]]\ncode = "E07000004"\n', "utf-8")
        >>> read_earlier_areas(bad)
        Traceback (most recent call last):
        ...
        svduty.errors.AreaError: .../x.toml: row 1: name: expected the area's name (text)
        .../x.toml: row 1: successors: expected ...
    """
    import tomllib  # when first read: importing svduty.areas parses no TOML

    try:
        with path.open("rb") as f:
            whole = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        raise AreaError.single(str(path), None, expected="a readable TOML file") from None
    rows = whole.get("areas")
    if set(whole) != {"areas"} or not isinstance(rows, list) or not rows:
        raise AreaError.single(str(path), "areas", expected="[[areas]] tables only, at least one")
    problems: list[Problem] = []
    found: list[EarlierArea] = []
    first: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        wrong = _row_problems(row)
        if not wrong:
            area = _area(row)
            if area.code in first:
                wrong = [Problem(field="code", message=f"listed at row {first[area.code]} too")]
            else:
                first[area.code] = number
                found.append(area)
        problems += [attrs.evolve(p, file=str(path), row=number) for p in wrong]
    if problems:
        raise AreaError(problems)
    return tuple(found)


def _only(keys: tuple[str, ...]) -> str:
    """What keys a table may have, in words."""
    return "only " + ", ".join(keys)


def _row_problems(row: object) -> list[Problem]:
    """What is wrong with one row (each field at most once; none: it is good)."""
    if not isinstance(row, Mapping):
        return [Problem(expected="an [[areas]] table", got=describe(row))]
    extra = [k for k in row if k not in _KEYS]  # a key is named only if it is a known word
    out = [Problem(message=f"unknown field(s) {quote_keys(extra, _KEYS)}", expected=_only(_KEYS))][
        : len(extra)
    ]
    code = row.get("code")
    if not (isinstance(code, str) and _CODE.fullmatch(code)):
        out.append(Problem(field="code", expected="the GSS code of a district or county"))
    name = row.get("name")
    if not (isinstance(name, str) and name.strip() and name == name.strip()):
        out.append(Problem(field="name", expected="the area's name (text)"))
    after = row.get("successors")
    if not (
        isinstance(after, list)
        and after
        and all(isinstance(a, str) and _SUCCESSOR.fullmatch(a) for a in after)
        and len(set(after)) == len(after)
        and code not in after
    ):
        out.append(
            Problem(
                field="successors",
                expected="a list of the GSS codes of the 2024 districts or unitaries that "
                "hold its area, each once",
            )
        )
    ceased = row.get("ceased")
    if type(ceased) is not _dt.date:
        out.append(Problem(field="ceased", expected="a TOML date (YYYY-MM-DD, no time)"))
    return out + _citation_problems(row.get("citation"))


def _citation_problems(value: object) -> list[Problem]:
    """What is wrong with a row's citation: an article of a statutory instrument."""
    if not isinstance(value, Mapping):
        return [Problem(field="citation", expected="a table {source = ..., provision = ...}")]
    extra = [k for k in value if k not in _CITATION_KEYS]
    out = []
    if extra:
        said = f"keys a citation does not take: {quote_keys(extra, _CITATION_KEYS)}"
        out.append(Problem(field="citation", message=said, expected=_only(_CITATION_KEYS)))
    source = value.get("source")
    catalogue = sources.CATALOGUE  # read on first use, not when svduty.areas is imported
    if not (
        isinstance(source, str)
        and source in catalogue
        and catalogue[source].kind is SourceKind.STATUTORY_INSTRUMENT
    ):
        out.append(
            Problem(
                field="citation.source",
                expected="the id of a statutory instrument of sources.toml",
            )
        )
    provision = value.get("provision")
    if not (isinstance(provision, str) and provision.strip()):
        out.append(Problem(field="citation.provision", expected="the article, such as 'art 4(1)'"))
    confidence = value.get("confidence", Confidence.CONFIRMED.value)
    if confidence not in [c.value for c in Confidence]:
        out.append(
            Problem(field="citation.confidence", expected="confirmed, secondary or unconfirmed")
        )
    doubt = value.get("doubt")
    if doubt is not None and not (isinstance(doubt, str) and doubt.strip()):
        out.append(Problem(field="citation.doubt", expected="a sentence saying what is unsure"))
    elif doubt is None and confidence == Confidence.UNCONFIRMED.value:
        out.append(
            Problem(
                field="citation.doubt",
                expected="a sentence saying what is unconfirmed (confidence is 'unconfirmed')",
            )
        )
    return out


def _area(row: Mapping[str, Any]) -> EarlierArea:
    """A checked row as an area (:func:`_row_problems` found nothing wrong)."""
    cited = row["citation"]
    day: _dt.date = row["ceased"]
    citation = Citation(  # what Citation refuses, the checks above refused with the row
        sources.CATALOGUE[cited["source"]],
        cited["provision"],
        confidence=Confidence(cited.get("confidence", Confidence.CONFIRMED.value)),
        doubt=cited.get("doubt"),
    )
    return EarlierArea(
        row["code"],
        row["name"],
        tuple(row["successors"]),
        _dt.date(day.year, day.month, day.day),
        citation,
    )
