"""Reading and writing the governance sections of a bundle: graph, timetable, scenarios.

The file format is the model's own vocabulary (``governance.toml`` has ``[[bodies]]`` and
``[[relations]]`` tables whose keys are the fields of :class:`~svduty.governance.Body` and
:class:`~svduty.governance.Relation`); JSON uses the same shape, so
``load_governance(dump_governance(g)) == g``. A body or relation that holds only for a
time (the term of the agreement that sets it up) carries ``valid = { start = ...,
last_day = ... }``, as authorities do; without it, it holds on any day asked about.

Example:
    >>> import svduty
    >>> p = svduty.warwickshire()  # its files cite the partnership's own documents
    >>> conv = make_converter(p.sources)
    >>> load_governance(dump_governance(p.governance), converter=conv) == p.governance
    True
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import cattrs

from svduty._checked import checked
from svduty._near import did_you_mean
from svduty.errors import (
    BundleError,
    DataError,
    GovernanceError,
    Problem,
    ScenarioError,
    describe,
    shown,
)
from svduty.governance import (
    PRACTICE_CHECKS,
    Body,
    GovernanceGraph,
    GovernanceRule,
    Relation,
    Scenario,
    Timetable,
)
from svduty.governance._references import Known, body_problems, scenario_problems
from svduty.governance._rules import PRACTICE_NOT_LAW, cites_legislation
from svduty.governance._scenario import CHANGE_TYPES, Change
from svduty.io._converter import make_converter, structure, to_plain
from svduty.io._files import read_toml
from svduty.io._structural import not_a_path
from svduty.sources import CATALOGUE, Sources

__all__ = [
    "GovernanceDocument",
    "dump_governance",
    "dump_scenario",
    "dump_timetable",
    "load_governance",
    "load_governance_rules",
    "load_governance_section",
    "load_scenario",
    "load_timetable",
    "read_scenario",
]

WARWICKSHIRE = files("svduty") / "data" / "warwickshire"
"""The packaged Warwickshire bundle directory."""


@attrs.frozen(slots=True)
class GovernanceDocument:
    """The contents of a bundle's ``governance.toml``: bodies, relations and rules.

    Attributes:
        bodies: The bodies of the partnership's governance.
        relations: The relations between them, each with its citation.
        rules: The partnership's own governance rules (its practice), each naming a
            check of :data:`~svduty.governance.PRACTICE_CHECKS` and citing the
            partnership's document that makes it a rule.

    Example:
        >>> GovernanceDocument().bodies
        ()
    """

    bodies: tuple[Body, ...] = ()
    relations: tuple[Relation, ...] = ()
    rules: tuple[GovernanceRule, ...] = ()


def _governance_converter(sources: Sources | None = None) -> cattrs.Converter:
    conv = make_converter(sources or CATALOGUE)
    _register_changes(conv)
    return conv


def _register_changes(conv: cattrs.Converter) -> None:
    def structure_change(value: Any, _: Any) -> Change:
        if not isinstance(value, Mapping):  # [[changes]] tables, not a list of values
            raise DataError.single(
                None, None, expected="a table of key = value pairs (a change)", got=describe(value)
            )
        if value.get("op") not in CHANGE_TYPES:
            got = value.get("op")
            raise DataError.single(
                None,
                "op",
                expected="one of "
                + ", ".join(sorted(CHANGE_TYPES))
                + (did_you_mean(got, CHANGE_TYPES) if isinstance(got, str) else ""),
                got=None
                if got is None
                else shown(got, vocabulary=CHANGE_TYPES)
                if isinstance(got, str)
                else describe(got),
            )
        cls = CHANGE_TYPES[value["op"]]
        rest = {k: v for k, v in value.items() if k != "op"}
        change: Change = conv.structure(rest, cls)
        return change

    def unstructure_change(change: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"op": change.op}
        for field in attrs.fields(type(change)):
            out[field.name] = conv.unstructure(getattr(change, field.name))
        return out

    conv.register_structure_hook_func(lambda t: t == Change, structure_change)
    for cls in CHANGE_TYPES.values():
        conv.register_unstructure_hook(cls, unstructure_change)


@checked
def load_governance(
    data: Mapping[str, Any],
    *,
    file: str | Path | None = None,
    converter: cattrs.Converter | None = None,
    known: Known | None = None,
) -> GovernanceGraph:
    """Build a governance graph from plain data (a ``governance.toml`` or its JSON).

    Args:
        data: ``{"bodies": [...], "relations": [...]}``.
        file: The file the data came from, named in errors.
        converter: The converter (default: one resolving the national catalogue).
        known: The authorities and areas the bodies may name (a bundle's
            ``authorities.toml`` and ``areas.toml``); default: not known, so only the
            districts (GSS codes) and repeats are checked.

    Raises:
        BundleError: naming the file and field of each malformed value.
        GovernanceError: on a duplicate id, a relation naming an unknown body, or a body
            naming an authority, body or area that is not known, or a member or district
            twice (``svduty.governance._references.body_problems``).

    Example:
        >>> load_governance({"bodies": [], "relations": [{"kind": "oversees",
        ...     "source": "a", "target": "b",
        ...     "citation": {"source": "pja-2006"}}]}, file="g.toml")
        Traceback (most recent call last):
        ...
        svduty.errors.GovernanceError: g.toml: relations[0].source: no body with this id (got 'a')
        g.toml: relations[0].target: no body with this id (got 'b')
    """
    not_a_path(data, file, BundleError)
    conv = converter or _governance_converter()
    parsed = structure(data, GovernanceDocument, file=file, converter=conv)
    known = attrs.evolve(known or Known(), bodies=frozenset(b.id for b in parsed.bodies))
    problems = [
        p for i, b in enumerate(parsed.bodies) for p in body_problems(b, f"bodies[{i}]", known)
    ]
    named: dict[str, int] = {}  # a body is told apart by its name too (what-ifs keep it so)
    for i, b in enumerate(parsed.bodies):
        if not b.name.strip():
            problems.append(Problem(field=f"bodies[{i}].name", expected="a name (not blank)"))
        elif b.name in named:
            said = f"the name of bodies[{named[b.name]}] too: two bodies cannot share a name"
            problems.append(Problem(field=f"bodies[{i}].name", message=said))
        named.setdefault(b.name, i)
    try:
        graph = GovernanceGraph.of(parsed.bodies, parsed.relations)
    except GovernanceError as exc:
        problems = [*exc.problems, *problems]
    if problems:
        error = GovernanceError(problems)
        raise error.with_file(str(file)) if file is not None else error
    return graph


@checked
def dump_governance(
    graph: GovernanceGraph, converter: cattrs.Converter | None = None
) -> dict[str, Any]:
    """The graph as plain data (JSON or TOML ready); :func:`load_governance` reads it back.

    Example:
        >>> sorted(dump_governance(GovernanceGraph.of([], [])))
        ['bodies', 'relations']
    """
    conv = converter or _governance_converter()
    plain = to_plain(
        GovernanceDocument(graph.bodies, (*graph.relations, *graph.dangling)), converter=conv
    )
    return {"bodies": plain.get("bodies", []), "relations": plain.get("relations", [])}


def load_governance_rules(
    data: Mapping[str, Any],
    *,
    file: str | Path | None = None,
    converter: cattrs.Converter | None = None,
) -> tuple[GovernanceRule, ...]:
    """The partnership's own governance rules (``[[rules]]`` of ``governance.toml``).

    Raises:
        GovernanceError: naming the file and field of a rule whose id is no check of
            :data:`~svduty.governance.PRACTICE_CHECKS`, or that cites legislation (a
            partnership's practice cites its own documents; national law is
            :data:`~svduty.governance.GOVERNANCE_RULES`).

    Example:
        >>> load_governance_rules({"rules": [{"id": "GOV-PATH", "requires": "a path",
        ...                        "citation": {"source": "svd-guidance"}}]})[0].id
        'GOV-PATH'
        >>> load_governance_rules({"rules": [{"id": "GOV-X", "requires": "?",
        ...     "citation": {"source": "svd-guidance"}}]}, file="g.toml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        svduty.errors.GovernanceError: g.toml: rules[0].id: expected a check svduty has: GOV-CYCLE, GOV-GRANT, GOV-ISOLATED, GOV-PATH, GOV-REF, GOV-SPECIFIED, GOV-TIMETABLE (got ...)
    """  # noqa: E501
    conv = converter or _governance_converter()
    parsed = structure(
        {"rules": data.get("rules", [])}, GovernanceDocument, file=file, converter=conv
    )
    rules = parsed.rules
    for n, rule in enumerate(rules):
        if rule.id not in PRACTICE_CHECKS:
            raise GovernanceError.single(
                str(file) if file is not None else None,
                f"rules[{n}].id",
                expected="a check svduty has: " + ", ".join(sorted(PRACTICE_CHECKS)),
                got=shown(rule.id, shape=r"[A-Z]{2,8}(?:-[A-Z0-9]{1,20}){1,3}"),
            )
        if cites_legislation(rule):
            raise GovernanceError.single(
                str(file) if file is not None else None,
                f"rules[{n}].citation",
                expected=PRACTICE_NOT_LAW,
                got=rule.citation.source.id,
            )
    return rules


def load_governance_section(
    data: Mapping[str, Any],
    *,
    file: str,
    converter: cattrs.Converter,
    folder: Path | None = None,
    known: Known | None = None,
) -> dict[str, object]:
    """A bundle's governance section: the graph, its rules and the ``scenarios/`` folder.

    Returns the :class:`~svduty.partnership.Partnership` fields ``governance``, ``governance_rules``
    and, when ``folder`` is given, ``scenarios`` (by file name without ``.toml``; the
    bundle loader reads them itself, to report the problems of every scenario file).
    ``known``: the authorities and areas the bodies and scenarios may name
    (:func:`load_governance`).

    Example:
        >>> import svduty
        >>> from svduty.io._files import read_toml
        >>> folder = svduty.warwickshire().bundle_path
        >>> sec = load_governance_section(read_toml(folder / "governance.toml"),
        ...     file="governance.toml", converter=_governance_converter(
        ...         svduty.warwickshire().sources), folder=folder)
        >>> sorted(sec["scenarios"])[0], len(sec["governance_rules"]) > 0
        ('jag-to-sv-strategic-board', True)
    """
    graph = load_governance(data, file=file, converter=converter, known=known)
    rules = load_governance_rules(data, file=file, converter=converter)
    out: dict[str, object] = {"governance": graph, "governance_rules": rules}
    if folder is not None:
        scenarios: dict[str, Scenario] = {}
        if (folder / "scenarios").is_dir():
            for f in sorted((folder / "scenarios").glob("*.toml")):
                name = f"scenarios/{f.name}"
                scenarios[f.stem] = load_scenario(
                    read_toml(f), file=name, converter=converter, known=known
                )
        out["scenarios"] = scenarios
    return out


@checked
def load_scenario(
    data: Mapping[str, Any],
    *,
    file: str | Path | None = None,
    converter: cattrs.Converter | None = None,
    known: Known | None = None,
    sources: Sources | None = None,
) -> Scenario:
    """Build a what-if scenario from plain data (a scenario TOML file or a dict).

    Each change is a table with ``op`` (``add_body``, ``remove_body``, ``add_relation``,
    ``remove_relation``, ``rename``, ``merge``, ``move_under``, ``change_cadence``,
    ``change_districts``, ``change_body``; for authorities and areas ``abolish_authority``,
    ``create_authority``, ``transfer_functions``, ``create_area``) and the fields of that
    change.

    The districts a change names must be GSS codes of local government areas or areas
    the scenario creates, each once; with ``known`` (the partnership's authorities and
    areas) every authority, area and body the changes name is checked
    (``svduty.governance._references.scenario_problems``).

    Args:
        data: The scenario's plain data.
        file: The file it came from, named in errors.
        converter: The converter to read it with (default: the national one).
        known: The partnership's authorities and areas, to check references against.
        sources: The sources its citations may name, beyond the national catalogue: a
            partnership's (``svduty.warwickshire().sources``), so that a scenario cites
            the partnership's own documents (ignored when ``converter`` is given).

    Raises:
        ScenarioError: naming the file and the field of each malformed value or unknown
            reference.

    Example:
        >>> s = load_scenario({"name": "s", "title": "S",
        ...                    "changes": [{"op": "rename", "body": "x", "name": "Y"}]})
        >>> s.changes[0]
        Rename(body='x', name='Y', reason=None)
        >>> load_scenario({"name": "s", "title": "S", "changes": [{"op": "explode"}]})
        Traceback (most recent call last):
        ...
        svduty.errors.ScenarioError: changes[0].op: expected one of abolish_authority, add_body, add_relation, change_body, change_cadence, change_districts, create_area, create_authority, merge, move_under, remove_body, remove_relation, rename, transfer_functions (got a string of 7 characters, not shown)
        >>> load_scenario({"name": "s", "title": "S", "changes": [{"op": "change_districts",
        ...     "body": "x", "districts": ["E07000220", "rugby-town"]}]}, file="s.toml")
        Traceback (most recent call last):
        ...
        svduty.errors.ScenarioError: s.toml: changes[0].districts[1]: not a local government area, and no change creates it; expected the GSS code of a local government area, such as E07000220 (got 'rugby-town')
    """  # noqa: E501
    if converter is None:
        converter = make_converter() if sources is None else make_converter(sources)
    conv = converter.copy()  # the caller's converter stays as it was
    _register_changes(conv)
    not_a_path(data, file, ScenarioError)
    scenario = structure(data, Scenario, file=file, converter=conv, error=ScenarioError)
    problems = scenario_problems(scenario, known or Known())
    if problems:
        error = ScenarioError(problems)
        raise error.with_file(str(file)) if file is not None else error
    return scenario


@checked
def dump_scenario(scenario: Scenario, converter: cattrs.Converter | None = None) -> dict[str, Any]:
    """The scenario as plain data; :func:`load_scenario` reads it back.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> s = p.scenarios["jag-to-sv-strategic-board"]
        >>> load_scenario(dump_scenario(s), converter=make_converter(p.sources)) == s
        True
        >>> dump_scenario(s, converter=make_converter(p.sources))["changes"][0]["op"]
        'rename'
    """
    if converter is None:
        conv = _governance_converter()
    else:
        conv = converter.copy()  # the caller's converter stays as it was
        _register_changes(conv)
    plain: dict[str, Any] = to_plain(scenario, converter=conv)
    return plain


@checked
def load_timetable(
    data: Mapping[str, Any],
    *,
    file: str | Path | None = None,
    converter: cattrs.Converter | None = None,
    bodies: Collection[str] | None = None,
) -> Timetable:
    """Build a timetable from plain data (a ``timetable.toml``).

    Args:
        data: The file's plain data.
        file: The file the data came from, named in errors.
        converter: The converter (default: one resolving the national catalogue).
        bodies: The body ids of the partnership's governance, which the milestones and
            reviews must name (default: not known, not checked).

    Raises:
        BundleError: naming the file and field of each malformed value, or of a body
            that is not in ``bodies`` (``milestones[1].body``).

    Example:
        >>> load_timetable({"agreement": {"start": "2023-01-31"}}, file="t.toml")
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: t.toml: agreement_citation: required field missing
        t.toml: milestones: required field missing
        t.toml: reviews: required field missing
    """
    not_a_path(data, file, BundleError)
    conv = converter or _governance_converter()
    timetable = structure(data, Timetable, file=file, converter=conv)
    if bodies is None:
        return timetable
    problems = [
        Problem(
            file=None if file is None else str(file),
            field=f"{key}[{i}].body",
            message="no body with this id",
            expected="the id of a body of the partnership's governance (governance.toml)",
            got=item["body"],
        )
        for key in ("milestones", "reviews")  # the file's order: the model sorts milestones
        for i, item in enumerate(data[key])
        if item.get("body") is not None and item["body"] not in bodies
    ]
    if problems:
        raise BundleError(problems)
    return timetable


@checked
def dump_timetable(
    timetable: Timetable, converter: cattrs.Converter | None = None
) -> dict[str, Any]:
    """The timetable as plain data; :func:`load_timetable` reads it back.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> t = p.timetable
        >>> load_timetable(dump_timetable(t), converter=make_converter(p.sources)) == t
        True
    """
    plain: dict[str, Any] = to_plain(timetable, converter=converter or _governance_converter())
    return plain


@checked
def read_scenario(path: str | Path, sources: Sources = CATALOGUE) -> Scenario:
    """Read a scenario TOML file.

    Args:
        path: The file.
        sources: The sources its citations may name: the partnership's
            (``partnership.sources``) for a scenario citing the bundle's own documents;
            without them, only the national catalogue's, and an error naming a source the
            catalogue has not says to pass them.

    Example:
        >>> import svduty
        >>> path = WARWICKSHIRE / "scenarios" / "lgr-single-unitary.toml"
        >>> read_scenario(path, svduty.warwickshire().sources).name
        'lgr-single-unitary'
    """
    try:
        data = read_toml(path)
        return load_scenario(data, file=str(path), converter=_governance_converter(sources))
    except ScenarioError as exc:
        if sources is not CATALOGUE:
            raise
        hint = (
            "; read with the national sources only: pass the bundle's,"
            " read_scenario(path, p.sources)"
        )
        exc.problems = tuple(
            attrs.evolve(q, expected=f"{q.expected}{hint}")
            if q.message.startswith("unknown source:") and q.expected
            else q
            for q in exc.problems
        )
        raise
