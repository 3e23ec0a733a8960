"""Offence tables: Home Office offence codes and the 14 police.uk categories.

Two packaged CSV files (data, Arrow-friendly, one row per code):

- ``policeuk-ons-code-join.csv``: Home Office code -> ONS offence group, Crime Severity
  Score weight and police.uk category; a hand-made join by the Police-Supply-Demand
  project from ONS tables (source ``ons-offence-join``), kept exactly as published.
  Quirks, handled here: the homicide group appears as one row coded
  ``"1/4.1/4.10/4.2"`` beside its four parts; some severity codes differ from the
  counts code (``30A`` uses the ``30C`` weight, ``28A`` the ``28C`` weight); several
  fields contain commas or trailing spaces; police.uk category names are title-cased
  ("Criminal Damage and Arson"), police.uk itself writes "Criminal damage and arson".
- ``offence-facts.csv`` (built by ``tools/make_offence_facts.py``): what each code proves,
  read open-world from the offence's legal definition: ``yes`` for what the definition
  requires, ``no`` only for what it excludes, ``unknown`` for the rest (:data:`FACT_NAMES`).
  It also holds codes the join lacks (controlling or coercive behaviour, ``8U``), with
  their description.

A police.uk category's facts are derived from its codes: a fact every code agrees on
is known at category level; a fact the codes disagree on is ``None`` (the category
mixes offences that differ, so svduty says so instead of guessing).

Example:
    >>> OFFENCES.get("8N").facts["injury"], OFFENCES.get("49").facts["economic"]
    (True, None)
    >>> POLICE_UK_CATEGORIES.find("violent-crime").name
    'Violence and sexual offences'
    >>> POLICE_UK_CATEGORIES.find("Violence and sexual offences").facts["violence"] is None
    True
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping

import attrs

from svduty._checked import checked, checked_methods
from svduty._data import data
from svduty._frozen import frozen_map
from svduty.definitions._field_words import CATEGORY
from svduty.errors import DATA_SHAPE, DataError, shown
from svduty.sources import Citation, cite

__all__ = [
    "FACT_NAMES",
    "OFFENCES",
    "POLICE_UK_CATEGORIES",
    "Categories",
    "Offence",
    "OffenceTable",
    "PoliceUkCategory",
    "normalise_offence_code",
]

FACT_NAMES: tuple[str, ...] = (
    "violence",
    "physical",
    "sexual",
    "schedule_3",
    "threat",
    "threat_of_violence",
    "property_violence",
    "weapon",
    "knife",
    "firearm",
    "corrosive",
    "death",
    "homicide",
    "injury",
    "intentional",
    "may_be_unintended",
    "against_people",
    "intent_to_injure",
    "psychological",
    "controlling",
    "economic",
    "neglect",
    "power",
    "harm_likely",
    "connected",
    "victim_16_plus",
    "perpetrator_16_plus",
)
"""The facts an offence code (or a police.uk category) may imply."""

_CODE = re.compile(r"^(\d{1,3}(\.\d{1,2})?[A-Z]?|1/4\.1/4\.10/4\.2)$", re.ASCII)
_SLASH = re.compile(r"^(\d{1,3})/(\d{1,2})$", re.ASCII)
_ZEROS = re.compile(r"(?<![\d.])0+(?=\d)", re.ASCII)
_VALUE = {"yes": True, "no": False, "unknown": None}


@checked
def normalise_offence_code(code: str) -> str:
    """A Home Office offence code in the table's form, or :class:`DataError` if malformed.

    The notations users type are accepted: any case and spacing (``" 8n "``), leading
    zeros (``"008N"``), and the Counting Rules' slash for the ONS point (``"4/1"`` for
    ``"4.1"``). A well-formed code need not be in the table (see ``OFFENCE-CODE-UNKNOWN``).

    Example:
        >>> normalise_offence_code(" 8n "), normalise_offence_code("008N")
        ('8N', '8N')
        >>> normalise_offence_code("4/1"), normalise_offence_code("04/10")
        ('4.1', '4.10')
        >>> normalise_offence_code("8-N")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: offence_code: expected a Home Office offence code such as '8N' or '105A' (got a string of 3 characters, not shown)
    """  # noqa: E501
    text = "".join(code.split()).upper() if isinstance(code, str) else ""
    if text != "1/4.1/4.10/4.2":
        text = _SLASH.sub(r"\1.\2", text)
        text = _ZEROS.sub("", text)
    if not _CODE.match(text):
        got = shown(code, shape=DATA_SHAPE)  # as the columnar engine shows it (hostile55)
        raise DataError.single(
            None,
            "offence_code",
            expected="a Home Office offence code such as '8N' or '105A'",
            got=got,
        )
    return text


@attrs.frozen(slots=True)
class Offence:
    """One Home Office offence code and what it implies.

    Attributes:
        code: The Home Office code, such as ``"8N"``.
        description: The ONS description.
        ons_group: The ONS offence group, such as ``"violence against the person"``.
        police_uk_category: The police.uk category name it is published under.
        severity_weight: The ONS Crime Severity Score weight (a rough proxy for the
            s.13(6)(a) maximum penalty factor); ``None`` for a code the join lacks.
        facts: Fact name -> ``True``, ``False`` or ``None`` (the code does not tell).
        note: Why a fact is unknown or how it was read.
        citation: Where the row comes from.

    Example:
        >>> OFFENCES.get("3B").facts["threat"], OFFENCES.get("3B").police_uk_category
        (True, 'Violence and sexual offences')
    """

    code: str
    description: str
    ons_group: str
    police_uk_category: str
    severity_weight: float | None
    facts: Mapping[str, bool | None] = attrs.field(converter=frozen_map)
    note: str
    citation: Citation


@checked_methods
@attrs.frozen(slots=True)
class OffenceTable:
    """The Home Office offence codes svduty knows, by code.

    Example:
        >>> len(OFFENCES) >= 134
        True
        >>> "46" in OFFENCES, "ZZ" in OFFENCES
        (True, False)
    """

    by_code: Mapping[str, Offence] = attrs.field(converter=frozen_map)

    def get(self, code: str) -> Offence:
        """The offence for a code (normalised first).

        Raises:
            DataError: if the code is malformed.
            KeyError: if it is well formed but not in the table.

        Example:
            >>> OFFENCES.get("105a").description
            'Assault without injury'
        """
        return self.by_code[normalise_offence_code(code)]

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        try:
            return normalise_offence_code(code) in self.by_code
        except DataError:
            return False

    def __iter__(self) -> Iterator[Offence]:
        return iter(self.by_code.values())

    def __len__(self) -> int:
        return len(self.by_code)


@attrs.frozen(slots=True)
class PoliceUkCategory:
    """A police.uk "Crime type" and what it can and cannot tell.

    Attributes:
        name: The name as police.uk writes it, such as ``"Public order"``.
        slug: The police.uk API slug, such as ``"public-order"``.
        codes: The Home Office codes published under it (from the join).
        facts: Fact name -> ``True``/``False`` where every code agrees, else ``None``.
        note: What the category can and cannot tell.
        legacy: Whether the category only appears in older data.
        citation: The source of the category list.

    Example:
        >>> c = POLICE_UK_CATEGORIES.find("Robbery")
        >>> c.facts["violence"], c.facts["weapon"]
        (True, None)
    """

    name: str
    slug: str
    codes: tuple[str, ...]
    facts: Mapping[str, bool | None] = attrs.field(converter=frozen_map)
    note: str
    legacy: bool = False
    citation: Citation = attrs.field(factory=lambda: cite("police-uk", "Crime type"))

    @property
    def mixed(self) -> tuple[str, ...]:
        """The facts on which the category's offences differ.

        Example:
            >>> "violence" in POLICE_UK_CATEGORIES.find("Public order").mixed
            True
        """
        return tuple(k for k in FACT_NAMES if self.facts[k] is None)


@checked_methods
@attrs.frozen(slots=True)
class Categories:
    """The police.uk categories, found by name (any case) or by API slug.

    Example:
        >>> [c.name for c in POLICE_UK_CATEGORIES][:3]
        ['Anti-social behaviour', 'Bicycle theft', 'Burglary']
    """

    items: tuple[PoliceUkCategory, ...]

    def find(self, name: str) -> PoliceUkCategory:
        """The category for a name or slug.

        Raises:
            DataError: if no category has that name.

        Example:
            >>> POLICE_UK_CATEGORIES.find("criminal-damage-arson").name
            'Criminal damage and arson'
        """
        key = name.strip().lower() if isinstance(name, str) else ""
        for c in self.items:
            if key in (c.name.lower(), c.slug):
                return c
        got = shown(name, vocabulary=self.keys())
        raise DataError.single(
            None,
            "police_uk_category",
            expected=CATEGORY,
            got=got,
        )

    def keys(self) -> dict[str, int]:
        """Every accepted spelling (lower-case name and slug) -> index into ``items``.

        Example:
            >>> POLICE_UK_CATEGORIES.keys()["violent-crime"] == POLICE_UK_CATEGORIES.keys()["violence and sexual offences"]
            True
        """  # noqa: E501
        out: dict[str, int] = {}
        for i, c in enumerate(self.items):
            out[c.name.lower()] = i
            out[c.slug] = i
        return out

    def __iter__(self) -> Iterator[PoliceUkCategory]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def _read(name: str) -> list[dict[str, str]]:
    text = data("offences", name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


_CATEGORY_SPEC: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("Anti-social behaviour", "anti-social-behaviour", (), "Not a recorded crime."),
    ("Bicycle theft", "bicycle-theft", ("Bicycle theft",), ""),
    ("Burglary", "burglary", ("Burglary",), "Aggravated burglary means a weapon was carried."),
    ("Criminal damage and arson", "criminal-damage-arson", ("Criminal damage and arson",), ""),
    ("Drugs", "drugs", ("Drugs",), ""),
    ("Other crime", "other-crime", ("Other crime",), ""),
    ("Other theft", "other-theft", ("Other theft",), ""),
    ("Possession of weapons", "possession-of-weapons", ("Possession of weapons",), ""),
    ("Public order", "public-order", ("Public order",), ""),
    ("Robbery", "robbery", ("Robbery",), "Theft by force or the threat of force."),
    ("Shoplifting", "shoplifting", ("Shoplifting",), ""),
    ("Theft from the person", "theft-from-the-person", ("Theft from the person",), ""),
    ("Vehicle crime", "vehicle-crime", ("Vehicle crime",), ""),
    ("Violence and sexual offences", "violent-crime", ("Violence and sexual offences",), ""),
    (
        "Public disorder and weapons",
        "public-disorder-weapons",
        ("Public order", "Possession of weapons"),
        "Legacy category, split into 'Public order' and 'Possession of weapons'.",
    ),
)


def _load() -> tuple[OffenceTable, Categories]:
    join = {r["ONS_COUNTS_code"].strip(): r for r in _read("policeuk-ons-code-join.csv")}
    citation = cite("ons-offence-join", "policeuk-ons-code-join.csv")
    by_code: dict[str, Offence] = {}
    for r in _read("offence-facts.csv"):
        code = r["code"]
        j = join.get(code)
        if j is None:  # a code the join lacks: described in offence-facts.csv itself
            cat, description, group, weight = (
                r["police_uk_category"],
                r["description"],
                r["ons_group"],
                None,
            )
            source = cite("ho-counting-rules", code)
        else:
            cat = j["POLICE_UK_CAT_MAP_category"].strip()
            description = j["ONS_COUNTS_description"].strip()
            group = j["ONS_COUNTS_category"].strip()
            weight = float(j["ONS_SEVERITY_weight"])
            source = citation
        by_code[code] = Offence(
            code=code,
            description=description,
            ons_group=group,
            police_uk_category=cat[0] + cat[1:].lower(),
            severity_weight=weight,
            facts={k: _VALUE[r[k]] for k in FACT_NAMES},
            note=r["note"],
            citation=source,
        )
    if not set(join) <= set(by_code):  # pragma: no cover - a packaging error
        raise DataError.single("offence-facts.csv", "code", expected="the codes of the join")
    cats = []
    for name, slug, members, note in _CATEGORY_SPEC:
        codes = tuple(o.code for o in by_code.values() if o.police_uk_category in members)
        facts: dict[str, bool | None] = {}
        for k in FACT_NAMES:
            values = {by_code[c].facts[k] for c in codes}
            facts[k] = values.pop() if len(values) == 1 else None
        if not codes:  # anti-social behaviour: not a recorded crime; it proves nothing
            facts = dict.fromkeys(FACT_NAMES, None)
        cats.append(
            PoliceUkCategory(name, slug, codes, facts, note, legacy=slug.startswith("public-d"))
        )
    return OffenceTable(by_code), Categories(tuple(cats))


OFFENCES, POLICE_UK_CATEGORIES = _load()
"""The packaged offence table and the police.uk categories."""
