"""The classifier: one incident (scalar) or a table of them (columnar), one rule table.

Example:
    >>> from svduty.definitions import Incident, classify
    >>> c = classify(Incident(offence_code="8N", victim_age=19))
    >>> c.violence.value, c.in_scope.value, c.domestic_abuse.value
    ('yes', 'yes', 'undetermined')
    >>> c.missing_for("domestic_abuse")
    ('perpetrator_age', 'relationship')
"""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, overload

import attrs
import numpy as np  # a dependency of pyarrow and shapely
import pyarrow as _pa
import pyarrow.compute as _pc

from svduty.answers import Reason, Verdict
from svduty.areas import LOCAL_GOVERNMENT_AREA_PREFIXES
from svduty.definitions._definition import STATUTE, Definition
from svduty.definitions._expr import ArrowEnv, Rule, ScalarEnv
from svduty.definitions._incident import Incident
from svduty.definitions._law import (
    KINDS,
    OWHR_PILOT_AS_MADE,
    RULES,
    OwhrPilot,
    pilot_rules,
)
from svduty.definitions._offences import CATEGORIES, FACT_NAMES, OFFENCES, normalise_offence_code
from svduty.definitions._vocab import (
    Behaviour,
    Context,
    Country,
    Harm,
    OtherReview,
    Relationship,
    Review,
    Target,
    Weapon,
)
from svduty.errors import ConflictError, DataError, Problem

# The pyarrow stubs cannot type Kleene (null-as-undetermined) code; arrays are Any here.
pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = [
    "Classification",
    "Reason",
    "classify",
    "classify_many",
    "classify_table",
    "district_of",
    "split_rejected",
]

ResolveDistrict = Callable[[str], str | None]
_DISTRICT_PREFIXES = LOCAL_GOVERNMENT_AREA_PREFIXES
_FACT_FIELDS = ("behaviours", "harms", "target", "weapon", "died", "intentional")
_ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")


def district_of(location: str, resolve_district: ResolveDistrict | None = None) -> str | None:
    """The district GSS code of a location: itself if a district, else resolved.

    A valid code the resolver does not know is a place outside the partnership's
    area, not an error: the answer is ``None`` (unknown district).

    Example:
        >>> district_of("E08000025"), district_of("E01000001")
        ('E08000025', None)
        >>> district_of("E01031012", {"E01031012": "E07000218"}.get)
        'E07000218'
    """
    if location[:3] in _DISTRICT_PREFIXES:
        return location
    if resolve_district is None:
        return None
    try:
        return resolve_district(location)
    except LookupError:
        return None


@attrs.frozen(slots=True)
class Classification:
    """The answer for one incident under one definition, with its reasons.

    Attributes:
        id: The incident's id.
        violence: Within s.13 of the Act?
        in_scope: Within the definition classified against?
        domestic_abuse: Domestic abuse (DA Act 2021 s.1)?
        qualifying_homicide: A qualifying homicide (s.24(6))?
        homicide_review: Is an offensive weapons homicide review required?
        kinds: The kinds of violence the incident is of.
        missing: answer name -> the facts that would settle it (undetermined only).
        reasons: The rules that hold, each with its citation.
        basis: ``facts``, ``offence_code``, ``category`` or ``none``.
        definition: The id of the definition used for ``in_scope``.

    Example:
        >>> c = classify(Incident(context=["terrorism"], behaviours=["physical"]))
        >>> c.violence.value, "S13-3B" in [r.rule for r in c.reasons]
        ('no', True)
    """

    id: str | None
    violence: Verdict
    in_scope: Verdict
    domestic_abuse: Verdict
    qualifying_homicide: Verdict
    homicide_review: Review
    kinds: tuple[str, ...]
    missing: tuple[tuple[str, tuple[str, ...]], ...]
    reasons: tuple[Reason, ...]
    basis: str
    definition: str

    def missing_for(self, answer: str) -> tuple[str, ...]:
        """The facts that would settle one answer (empty if it is settled).

        Example:
            >>> classify(Incident()).missing_for("violence")
            ('victim_age', 'perpetrator_age', 'relationship', 'behaviours', 'offence_code', 'target')
        """  # noqa: E501
        return dict(self.missing).get(answer, ())

    @property
    def missing_facts(self) -> tuple[str, ...]:
        """Every missing fact, once, in order.

        Example:
            >>> "date" in classify(Incident()).missing_facts
            True
        """
        seen: dict[str, None] = {}
        for _, facts in self.missing:
            seen.update(dict.fromkeys(facts))
        return tuple(seen)

    def to_json(self) -> dict[str, Any]:
        """The JSON contract: id, the five answers, kinds, missing, reasons.

        Example:
            >>> sorted(classify(Incident(id="x")).to_json())
            ['domestic_abuse', 'homicide_review', 'id', 'in_scope', 'kinds', 'missing', 'qualifying_homicide', 'reasons', 'violence']
        """  # noqa: E501
        return {
            "id": self.id,
            "violence": self.violence.value,
            "in_scope": self.in_scope.value,
            "domestic_abuse": self.domestic_abuse.value,
            "qualifying_homicide": self.qualifying_homicide.value,
            "homicide_review": self.homicide_review.value,
            "kinds": list(self.kinds),
            "missing": list(self.missing_facts),
            "reasons": [r.to_json() for r in self.reasons],
        }

    def explain(self, format: str = "text") -> str:
        """The classification for a person: ``text``, ``html`` or ``json``.

        Example:
            >>> print(classify(Incident(id="a", offence_code="3B")).explain())  # doctest: +ELLIPSIS
            Incident a (definition pcsc-s13; basis: offence_code)
              violence:            yes
            ...
              - S13-3A-iv: violence includes threats of violence [Police, Crime, Sentencing and Courts Act 2022, s.13(3)(a)(iv)]
            ...
        """  # noqa: E501
        if format == "json":
            return json.dumps(self.to_json(), indent=2)
        if format == "html":
            return self._repr_html_()
        if format != "text":
            raise ValueError(f"unknown format {format!r}: use text, html or json")
        lines = [
            f"Incident {self.id or '(no id)'} (definition {self.definition}; basis: {self.basis})"
        ]
        for name in _ANSWERS:
            value = getattr(self, name).value
            more = self.missing_for(name)
            tail = f"  (missing: {', '.join(more)})" if more else ""
            lines.append(f"  {name + ':':<20} {value}{tail}")
        lines.append(f"  kinds: {', '.join(self.kinds) or '-'}")
        lines.append("  reasons:")
        for r in self.reasons:
            where = f" [{r.citation}]" if r.citation else ""
            lines.append(f"  - {r.rule}: {r.says}{where}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th>{n}</th><td>{getattr(self, n).value}</td>"
            f"<td>{html.escape(', '.join(self.missing_for(n)))}</td></tr>"
            for n in _ANSWERS
        )
        reasons = "".join(
            f"<li><code>{html.escape(r.rule)}</code> {html.escape(r.says)}"
            + (
                f' — <a href="{html.escape(r.citation.href or "")}">'
                f"{html.escape(str(r.citation))}</a>"
                if r.citation
                else ""
            )
            + "</li>"
            for r in self.reasons
        )
        return (
            f"<div><p><b>Incident {html.escape(self.id or '(no id)')}</b> "
            f"(definition {html.escape(self.definition)}; basis {self.basis})</p>"
            f"<table><tr><th>answer</th><th>value</th><th>missing</th></tr>{rows}</table>"
            f"<p>kinds: {html.escape(', '.join(self.kinds) or '-')}</p>"
            f"<ul>{reasons}</ul></div>"
        )


@attrs.frozen(slots=True)
class _RuleSet:
    rules: Mapping[str, Rule]
    reportable: tuple[Rule, ...]
    definition: Rule


@functools.lru_cache(maxsize=64)
def _ruleset(definition: Definition, pilot: OwhrPilot) -> _RuleSet:
    own = definition.rule()
    rules = {**RULES, **{r.id: r for r in pilot_rules(pilot)}, own.id: own}
    return _RuleSet(rules, tuple(rules.values()), own)


def _answer_rules(rs: _RuleSet) -> tuple[Rule, ...]:
    r = rs.rules
    return (r["S13"], rs.definition, r["DA-S1"], r["OWHR-S24-6"], r["OWHR-S24"])


def classify(
    incident: Incident,
    definition: Definition = STATUTE,
    *,
    resolve_district: ResolveDistrict | None = None,
    pilot: OwhrPilot = OWHR_PILOT_AS_MADE,
) -> Classification:
    """Classify one incident: within s.13? within the definition? and why.

    Args:
        incident: The incident.
        definition: The definition for ``in_scope`` (default: the statute).
        resolve_district: Maps an LSOA code to its district GSS code (e.g. a
            partnership geography's look-up); needed for the homicide review pilot
            area when the location is an LSOA.
        pilot: The offensive weapons homicide review pilot configuration.

    Example:
        >>> c = classify(Incident(behaviours=["economic"], relationship="married",
        ...                       victim_age=40, perpetrator_age=42))
        >>> c.domestic_abuse.value, c.violence.value, c.kinds
        ('yes', 'yes', ('s13_violence', 'domestic_abuse', 'financial_abuse'))
    """
    rs = _ruleset(definition, pilot)
    values = incident.values()
    table = _scalar_table(incident.offence_code, incident.police_uk_category)
    district = district_of(incident.location, resolve_district) if incident.location else None
    env = ScalarEnv(values, table, rs.rules, district, incident.offence_code is not None)
    answers = [r.expr.scalar(env) for r in _answer_rules(rs)]
    missing = []
    for name, rule, value in zip(_ANSWERS, _answer_rules(rs), answers, strict=True):
        if value is None:
            missing.append((name, tuple(dict.fromkeys(rule.expr.missing(env)))))
    reasons = tuple(
        Reason(r.id, r.says, r.citation) for r in rs.reportable if r.expr.scalar(env) is True
    )
    kinds = tuple(k for k, kind in KINDS.items() if kind.expr.scalar(env) is True)
    return Classification(
        id=incident.id,
        violence=Verdict.of(answers[0]),
        in_scope=Verdict.of(answers[1]),
        domestic_abuse=Verdict.of(answers[2]),
        qualifying_homicide=Verdict.of(answers[3]),
        homicide_review=Review.of(answers[4]),
        kinds=kinds,
        missing=tuple(missing),
        reasons=reasons,
        basis=_scalar_basis(values),
        definition=definition.id,
    )


def _scalar_table(code: str | None, category: str | None) -> dict[str, bool | None]:
    offence = OFFENCES.by_code.get(code) if code else None
    cat = CATEGORIES.find(category) if category else None
    out: dict[str, bool | None] = {}
    for k in FACT_NAMES:
        v = offence.facts[k] if offence else None
        out[k] = v if v is not None else (cat.facts[k] if cat else None)
    return out


def _scalar_basis(values: Mapping[str, Any]) -> str:
    if any(values.get(f) is not None for f in _FACT_FIELDS):
        return "facts"
    if values.get("offence_code") in OFFENCES.by_code:
        return "offence_code"
    if values.get("police_uk_category") is not None:
        return "category"
    return "none"


# --- the columnar engine ---------------------------------------------------------------

_LISTS: dict[str, frozenset[str]] = {
    "behaviours": frozenset(b.value for b in Behaviour),
    "harms": frozenset(h.value for h in Harm),
    "context": frozenset(c.value for c in Context),
    "other_reviews": frozenset(o.value for o in OtherReview),
}
_WORDS: dict[str, frozenset[str]] = {
    "target": frozenset(t.value for t in Target),
    "weapon": frozenset(w.value for w in Weapon),
    "relationship": frozenset(r.value for r in Relationship),
    "country": frozenset(c.value for c in Country),
}
_OFFENCE_CODES = tuple(OFFENCES.by_code)
_INPUT_COLUMNS: tuple[str, ...] = (
    *_LISTS,
    *_WORDS,
    "victim_age",
    "perpetrator_age",
    "intentional",
    "died",
    "offence_code",
    "police_uk_category",
    "date",
    "location",
)
"""The input columns the rules read (through :func:`_prepare`); the others pass through."""
_BITS = 62  # flags packed per int64 word in _bools_to_lists


def _rows(
    sink: list[Problem] | None,
    mask: Arr,
    field: str,
    expected: str,
    got: Callable[[int], str | None],
) -> None:
    """Report the rows where ``mask`` holds: raise (at most ten named), or collect all."""
    bad = pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist()
    if sink is not None:
        sink.extend(Problem(row=i + 1, field=field, expected=expected, got=got(i)) for i in bad)
    elif bad:
        raise DataError(
            [Problem(row=i + 1, field=field, expected=expected, got=got(i)) for i in bad[:10]],
            context=f"{len(bad)} row(s) with a bad {field}" if len(bad) > 10 else None,
        )


def _unique_map(col: Arr, fn: Callable[[str], Any], typ: pa.DataType) -> Arr:
    """Apply ``fn`` once per distinct value and spread the results over the rows."""
    uniq = pc.unique(col).drop_null()
    results = pa.array([fn(v) for v in uniq.to_pylist()], typ)
    return pc.take(results, pc.index_in(col, value_set=uniq))


def _prepare(
    table: Any, resolve_district: ResolveDistrict | None, sink: list[Problem] | None = None
) -> tuple[dict[str, Arr], dict[str, Arr], Arr]:
    n = table.num_rows
    names = set(table.column_names)
    cols: dict[str, Arr] = {}

    def get(name: str) -> Arr:
        col = table.column(name).combine_chunks()
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            # empty text is an absent value, as in the scalar engine
            empty = pc.equal(pc.utf8_trim_whitespace(col), "")
            col = pc.if_else(empty, pa.scalar(None, col.type), col)
        return col

    for name, allowed in _LISTS.items():
        if name not in names:
            continue
        try:
            col = get(name).cast(pa.list_(pa.string()))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            raise DataError.single(None, name, expected="a list of words") from None
        flat = pc.list_flatten(col)
        bad_flat = pc.invert(pc.is_in(flat, value_set=pa.array(sorted(allowed))))
        bad_rows = pc.filter(pc.list_parent_indices(col), pc.fill_null(bad_flat, True))
        mask = pc.is_in(pa.array(range(n), pa.int64()), value_set=bad_rows)
        _rows(sink, mask, name, "words from " + ", ".join(sorted(allowed)), lambda i: None)
        cols[name] = col
    for name, allowed in _WORDS.items():
        if name not in names:
            continue
        col = get(name).cast(pa.string())
        bad = pc.and_(
            pc.is_valid(col), pc.invert(pc.is_in(col, value_set=pa.array(sorted(allowed))))
        )
        _rows(
            sink, bad, name, "one of " + ", ".join(sorted(allowed)), functools.partial(_short, col)
        )
        cols[name] = col
    for name in ("victim_age", "perpetrator_age"):
        if name not in names:
            continue
        col = get(name)
        if pa.types.is_floating(col.type):  # e.g. from pandas, where a gap makes floats
            fractional = pc.not_equal(col, pc.floor(col))
            _rows(sink, fractional, name, "a whole number of years", lambda i: None)
            col = pc.if_else(pc.fill_null(fractional, False), None, pc.floor(col))
        elif not (pa.types.is_integer(col.type) or pa.types.is_null(col.type)):
            raise DataError.single(None, name, expected="whole numbers of years")
        col = col.cast(pa.int64())
        bad = pc.or_(pc.less(col, 0), pc.greater(col, 130))
        _rows(sink, bad, name, "a whole number of years 0 to 130", functools.partial(_number, col))
        cols[name] = col
    for name in ("intentional", "died"):
        if name in names:
            col = get(name)
            if not (pa.types.is_boolean(col.type) or pa.types.is_null(col.type)):
                raise DataError.single(None, name, expected="true or false")
            cols[name] = col.cast(pa.bool_())
    code_idx = pa.nulls(n, pa.int32())
    if "offence_code" in names:
        raw = get("offence_code").cast(pa.string())
        norm = _unique_map(raw, _try_code, pa.string())
        bad = pc.and_(pc.is_valid(raw), pc.equal(norm, "!"))
        _rows(
            sink,
            bad,
            "offence_code",
            "a Home Office offence code such as '8N'",
            functools.partial(_short, raw),
        )
        cols["offence_code"] = norm
        code_idx = pc.index_in(norm, value_set=pa.array(_OFFENCE_CODES))
    cat_idx = pa.nulls(n, pa.int32())
    if "police_uk_category" in names:
        raw = get("police_uk_category").cast(pa.string())
        keys = CATEGORIES.keys()
        idx = _unique_map(raw, lambda v: keys.get(v.strip().lower(), -1), pa.int32())
        _rows(
            sink,
            pc.equal(idx, -1),
            "police_uk_category",
            "a police.uk crime type",
            functools.partial(_short, raw),
        )
        cat_idx = pc.if_else(pc.equal(idx, -1), pa.scalar(None, pa.int32()), idx)
        cols["police_uk_category"] = pc.take(pa.array([c.name for c in CATEGORIES]), cat_idx)
    if "date" in names:
        raw = get("date")
        if pa.types.is_string(raw.type) or pa.types.is_large_string(raw.type):
            first = _unique_map(raw, lambda v: _try_days(v)[0], pa.date32())
            last = _unique_map(raw, lambda v: _try_days(v)[1], pa.date32())
            _rows(
                sink,
                pc.and_(pc.is_valid(raw), pc.is_null(first)),
                "date",
                "a date YYYY-MM-DD or a month YYYY-MM",
                functools.partial(_short, raw),
            )
        else:
            first = last = raw.cast(pa.date32())
        cols["date"], cols["first_day"], cols["last_day"] = raw, first, last
    if "location" in names:
        raw = get("location").cast(pa.string())
        norm = pc.utf8_upper(pc.utf8_trim_whitespace(raw))
        ok = pc.match_substring_regex(norm, r"^[EWSN]\d{8}$")
        _rows(
            sink,
            pc.invert(ok),
            "location",
            "a GSS code such as E01031012",
            functools.partial(_short, raw),
        )
        norm = pc.if_else(pc.fill_null(ok, False), norm, pa.scalar(None, pa.string()))
        cols["location"] = norm
        cols["district"] = _unique_map(
            norm, lambda v: district_of(v, resolve_district), pa.string()
        )
    facts: dict[str, Arr] = {}
    for k in FACT_NAMES:
        by_code = pc.take(
            pa.array([OFFENCES.by_code[c].facts[k] for c in _OFFENCE_CODES], pa.bool_()), code_idx
        )
        by_cat = pc.take(pa.array([c.facts[k] for c in CATEGORIES], pa.bool_()), cat_idx)
        facts[k] = pc.coalesce(by_code, by_cat)
    _columnar_conflicts(cols, code_idx, cat_idx, n, sink)
    return cols, facts, code_idx


def _short(col: Arr, i: int) -> str | None:
    v = col[i].as_py()
    return v if isinstance(v, str) and len(v) <= 20 and v.replace(" ", "").isalnum() else None


def _number(col: Arr, i: int) -> str | None:
    return str(col[i].as_py())


def _try_code(v: str) -> str:
    try:
        return normalise_offence_code(v)
    except DataError:
        return "!"


def _try_days(v: str) -> tuple[Any, Any]:
    try:
        return Incident(date=v).days()
    except DataError:
        return None, None


def _columnar_conflicts(
    cols: Mapping[str, Arr],
    code_idx: Arr,
    cat_idx: Arr,
    n: int,
    sink: list[Problem] | None = None,
) -> None:
    problems: list[Problem] = []

    def add(mask: Arr, field: str, message: str) -> None:
        rows = pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist()
        for i in rows if sink is not None else rows[:10]:
            problems.append(Problem(message=message, row=i + 1, field=field))

    if "died" in cols and "harms" in cols:
        env = ArrowEnv(cols, {}, {}, n)
        from svduty.definitions._expr import Has

        add(
            pc.and_(pc.invert(cols["died"]), Has("harms", "death").arrow(env)),
            "died",
            "contradicts harms containing 'death'",
        )
    if "weapon" in cols:
        implied = pc.take(
            pa.array([bool(OFFENCES.by_code[c].facts["weapon"]) for c in _OFFENCE_CODES]),
            code_idx,
        )
        add(
            pc.and_(pc.equal(cols["weapon"], "none"), implied),
            "weapon",
            "'none' contradicts the offence code",
        )
    if "offence_code" in cols and "police_uk_category" in cols:
        member = [[c.code in cat.codes for cat in CATEGORIES] for c in OFFENCES]
        flat = pa.array([m for row in member for m in row])
        pos = pc.add(
            pc.multiply(code_idx.cast(pa.int64()), len(CATEGORIES)), cat_idx.cast(pa.int64())
        )
        add(
            pc.invert(pc.take(flat, pos)),
            "police_uk_category",
            "the offence code is published under another category",
        )
    if "country" in cols and "location" in cols:
        c, loc = cols["country"], cols["location"]
        first = pc.utf8_slice_codeunits(loc, 0, 1)
        ew_country = pc.is_in(c, value_set=pa.array(["England", "Wales"]))
        ew_loc = pc.is_in(first, value_set=pa.array(["E", "W"]))
        letter = pc.utf8_slice_codeunits(c, 0, 1)
        bad = pc.or_(
            pc.not_equal(ew_country, ew_loc), pc.and_(ew_country, pc.not_equal(letter, first))
        )
        add(
            pc.and_(pc.and_(pc.is_valid(c), pc.is_valid(loc)), bad),
            "country",
            "contradicts the location code",
        )
    if problems:
        problems.sort(key=lambda p: (p.row or 0, p.field or ""))
        if sink is not None:
            sink.extend(problems)
            return
        raise ConflictError(problems)


def _group_rows(columns: list[Arr], n: int) -> tuple[Arr, Arr]:
    """Number the distinct combinations of the columns' values, in order of first appearance.

    Returns the group of each row (``int32``) and the first row of each group (``int64``).
    Nulls form a group of their own; the combined key is re-numbered before it could
    overflow an ``int64``.
    """
    key: Arr = None
    width = 1
    for col in columns:
        enc = pc.dictionary_encode(col)
        size = len(enc.dictionary) + 1  # one more for null
        idx = pc.fill_null(enc.indices.cast(pa.int64()), pa.scalar(size - 1, pa.int64()))
        if key is None:
            key, width = idx, size
            continue
        if width * size >= 1 << 62:
            renumbered = pc.dictionary_encode(key)
            key, width = renumbered.indices.cast(pa.int64()), len(renumbered.dictionary)
        key = pc.add(pc.multiply(key, pa.scalar(size, pa.int64())), idx)
        width *= size
    if key is None:
        key = pa.array(np.zeros(n, dtype=np.int64))
    groups = pc.dictionary_encode(key).indices
    ids = groups.to_numpy(zero_copy_only=False)
    new = np.ones(len(ids), dtype=bool)
    if len(ids) > 1:  # a group starts where the running maximum of the numbers grows
        running = np.maximum.accumulate(ids)
        new[1:] = running[1:] > running[:-1]
    return groups, pa.array(np.flatnonzero(new).astype(np.int64))


def _bools_to_lists(flags: list[Arr], labels: list[str]) -> Arr:
    """Per row, the labels whose flag is true: one Python step per distinct combination.

    The flags are packed into the bits of ``int64`` words (``_BITS`` labels a word), the
    distinct combinations are spelled out once and spread over the rows with ``take``.
    """
    n = len(flags[0]) if flags else 0
    if not labels:
        return pa.array([[]] * n, pa.list_(pa.string()))
    zero = pa.scalar(0, pa.int64())  # not at import: pa.scalar makes pyarrow import pandas
    words = []
    for start in range(0, len(labels), _BITS):
        word: Arr = None
        for i, f in enumerate(flags[start : start + _BITS]):
            bit = pc.if_else(pc.fill_null(f, False), pa.scalar(1 << i, pa.int64()), zero)
            word = bit if word is None else pc.bit_wise_or(word, bit)
        words.append(word)
    groups, first = _group_rows(words, n)
    spelled = [pc.take(w, first).to_pylist() for w in words]
    lists = [
        [lab for j, lab in enumerate(labels) if bits[j // _BITS] >> (j % _BITS) & 1]
        for bits in zip(*spelled, strict=True)
    ]
    return pc.take(pa.array(lists, pa.list_(pa.string())), groups)


def _words(values: Arr, yes: str, no: str) -> Arr:
    return pc.if_else(pc.is_null(values), "undetermined", pc.if_else(values, yes, no))


def _verdicts(tab: Any, rs: _RuleSet, resolve_district: ResolveDistrict | None) -> dict[str, Arr]:
    """The verdict columns of every row of ``tab``: the rules evaluated column by column."""
    cols, facts, code_idx = _prepare(tab, resolve_district)
    n = tab.num_rows
    env = ArrowEnv(cols, facts, rs.rules, n)
    answers = [r.expr.arrow(env) for r in _answer_rules(rs)]
    out: dict[str, Arr] = {}
    for name, values in zip(_ANSWERS[:4], answers[:4], strict=True):
        out[name] = _words(values, "yes", "no")
    out["homicide_review"] = _words(answers[4], "required", "not_required")
    out["kinds"] = _bools_to_lists([k.expr.arrow(env) for k in KINDS.values()], list(KINDS))
    given = [pc.is_valid(cols[f]) for f in _FACT_FIELDS if f in cols]
    facts_given = given[0] if given else pa.repeat(pa.scalar(False), n)
    for g in given[1:]:
        facts_given = pc.or_(facts_given, g)
    cat_given = (
        pc.is_valid(cols["police_uk_category"])
        if "police_uk_category" in cols
        else pa.repeat(pa.scalar(False), n)
    )
    out["basis"] = pc.if_else(
        facts_given,
        "facts",
        pc.if_else(
            pc.is_valid(code_idx), "offence_code", pc.if_else(cat_given, "category", "none")
        ),
    )
    out["reasons"] = _bools_to_lists(
        [r.expr.arrow(env) for r in rs.reportable], [r.id for r in rs.reportable]
    )
    return out


def _distinct_verdicts(
    tab: Any, rs: _RuleSet, resolve_district: ResolveDistrict | None
) -> dict[str, Arr] | None:
    """The verdict columns, evaluated once per distinct combination of the input values.

    Every rule reads only :data:`_INPUT_COLUMNS` and decides row by row, so rows that agree
    on those columns get the same verdicts: a police.uk month of 70,000 rows has a few
    thousand distinct (category, month, location) rows. The verdicts of the distinct rows
    are spread over all rows with ``take``. ``None`` (classify every row) when that would
    not pay (most rows distinct), when a column cannot be hashed (lists), or when the
    input has a bad value, so that errors name the rows as the caller numbers them.
    """
    n = tab.num_rows
    if n < 2:
        return None
    names = [c for c in _INPUT_COLUMNS if c in tab.column_names]
    columns = []
    for name in names:
        col = tab.column(name)
        if pa.types.is_null(col.type):
            continue  # all unknown: the same for every row
        if not (
            pa.types.is_primitive(col.type)
            or pa.types.is_string(col.type)
            or pa.types.is_large_string(col.type)
        ):
            return None
        columns.append(col.combine_chunks())
    groups, first = _group_rows(columns, n)
    if len(first) * 2 > n:
        return None
    try:
        out = _verdicts(tab.take(first), rs, resolve_district)
    except DataError:
        return None
    return {name: pc.take(values, groups) for name, values in out.items()}


@overload
def classify_table(
    table: _pa.Table,
    definition: Definition = ...,
    *,
    resolve_district: ResolveDistrict | None = ...,
    pilot: OwhrPilot = ...,
) -> _pa.Table: ...
@overload
def classify_table(
    table: _pa.RecordBatch,
    definition: Definition = ...,
    *,
    resolve_district: ResolveDistrict | None = ...,
    pilot: OwhrPilot = ...,
) -> _pa.RecordBatch: ...
def classify_table(
    table: _pa.Table | _pa.RecordBatch,
    definition: Definition = STATUTE,
    *,
    resolve_district: ResolveDistrict | None = None,
    pilot: OwhrPilot = OWHR_PILOT_AS_MADE,
) -> _pa.Table | _pa.RecordBatch:
    """Classify every row of an Arrow table: the columnar twin of :func:`classify`.

    Input columns are named as the incident JSON fields; any may be absent (all
    unknown). The output is the input plus ``violence``, ``in_scope``,
    ``domestic_abuse``, ``qualifying_homicide`` (yes/no/undetermined),
    ``homicide_review`` (required/not_required/undetermined), ``kinds``, ``basis`` and
    ``reasons`` (compact rule ids). The same rules as :func:`classify` decide.

    Raises:
        DataError: naming the row (1-based) and field of bad values.
        ConflictError: naming the rows whose facts contradict each other.

    Example:
        >>> import pyarrow as pa
        >>> t = pa.table({"offence_code": ["8N", "46", None],
        ...               "police_uk_category": [None, None, "Public order"]})
        >>> out = classify_table(t)
        >>> out.column("violence").to_pylist(), out.column("basis").to_pylist()
        (['yes', 'no', 'undetermined'], ['offence_code', 'offence_code', 'category'])
        >>> "CATEGORY-MIXED" in out.column("reasons")[2].as_py()
        True
    """
    is_batch = isinstance(table, pa.RecordBatch)
    tab = pa.Table.from_batches([table]) if is_batch else table
    rs = _ruleset(definition, pilot)
    out = _distinct_verdicts(tab, rs, resolve_district)
    if out is None:
        out = _verdicts(tab, rs, resolve_district)
    result: Any = tab
    for name, values in out.items():
        if name in result.column_names:
            result = result.drop_columns([name])
        result = result.append_column(name, values)
    if is_batch:
        return pa.RecordBatch.from_arrays(  # type: ignore[no-any-return]
            [result.column(i).combine_chunks() for i in range(result.num_columns)],
            schema=result.schema,
        )
    return result  # type: ignore[no-any-return]


def split_rejected(
    table: _pa.Table | _pa.RecordBatch, *, resolve_district: ResolveDistrict | None = None
) -> tuple[_pa.Table, tuple[Problem, ...]]:
    """Split a table into the rows :func:`classify_table` accepts and the rejected ones.

    Every problem names its row (1-based, in the input) and field; contradictions are
    reported as well as bad values. Rows in = rows kept + rows rejected. A column of the
    wrong type altogether (ages written as text) still raises :class:`DataError`.

    Example:
        >>> import pyarrow as pa
        >>> t = pa.table({"victim_age": [30, 200, 17], "weapon": ["knife", "knife", "spoon"]})
        >>> kept, rejected = split_rejected(t)
        >>> kept.column("victim_age").to_pylist(), [(p.row, p.field) for p in rejected]
        ([30], [(2, 'victim_age'), (3, 'weapon')])
    """
    tab: Any = pa.Table.from_batches([table]) if isinstance(table, pa.RecordBatch) else table
    sink: list[Problem] = []
    _prepare(tab, resolve_district, sink)
    problems = tuple(sorted(sink, key=lambda p: (p.row or 0, p.field or "")))
    bad = sorted({(p.row or 0) - 1 for p in problems})
    keep = pc.invert(
        pc.is_in(pa.array(range(tab.num_rows), pa.int64()), value_set=pa.array(bad, pa.int64()))
    )
    return tab.filter(keep), problems


def classify_many(
    incidents: Iterable[Incident], definition: Definition = STATUTE, **kwargs: Any
) -> list[Classification]:
    """Classify several incidents one by one (scalar engine).

    Example:
        >>> [c.violence.value for c in classify_many([Incident(offence_code="46")])]
        ['no']
    """
    return [classify(i, definition, **kwargs) for i in incidents]
