"""The sections of a bundle: one entry per file, with its loader and its document class.

:data:`SECTIONS` lists the sections in load order; each entry names its file, the loader
and whether the file is required. A loader gets the file's plain data and a
:class:`SectionContext` and returns the :class:`~svduty.Partnership` fields it fills.
Adding a section is one entry here and one field on the partnership. A section's modules
are imported only when it is loaded.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from svduty._ids import EXPECTED_ID, is_id
from svduty.areas import Geography
from svduty.errors import BundleError, DataError, Problem, describe
from svduty.io._files import read_toml

if TYPE_CHECKING:
    import cattrs

    from svduty.governance import Scenario
    from svduty.governance._references import Known

__all__ = ["SECTIONS", "SectionContext", "SectionSpec"]


@attrs.frozen(slots=True)
class SectionContext:
    """What a section loader gets besides its file's data.

    Attributes:
        file: The file's name within the bundle, to name in problems.
        converter: The converter, with the bundle's sources for citations.
        loaded: The partnership fields loaded by earlier sections.
        path: The bundle folder.

    Example:
        >>> from svduty.io._converter import make_converter
        >>> SectionContext("areas.toml", make_converter(), {}, Path(".")).file
        'areas.toml'
    """

    file: str
    converter: cattrs.Converter
    loaded: Mapping[str, object]
    path: Path


SectionLoader = Callable[[Mapping[str, Any], SectionContext], Mapping[str, object]]


@attrs.frozen(slots=True)
class SectionSpec:
    """One section of a bundle: its file, its loader, and whether it must be there.

    A section's modules are imported only when the section is loaded (or its schema is
    asked for), so a command that needs two sections imports only what they use.

    Attributes:
        file: The file name within the bundle, such as ``"areas.toml"``.
        load: The loader: plain data and context in, partnership fields out.
        document_class: Where the attrs class of the file's contents is defined, as
            ``"module:Class"`` (:attr:`document` imports it).
        required: Whether a bundle without the file is malformed.
        needs: The partnership fields the loader uses from earlier sections; when one
            failed to load the section is skipped (its problems would only echo).

    Example:
        >>> SECTIONS["areas"].file
        'areas.toml'
        >>> SECTIONS["funding"].document.__name__
        'FundingModel'
    """

    file: str
    load: SectionLoader
    document_class: str
    required: bool = True
    needs: tuple[str, ...] = ()

    @property
    def document(self) -> type:
        """The attrs class of the file's contents (for the JSON Schema)."""
        module, _, name = self.document_class.partition(":")
        found: type = getattr(importlib.import_module(module), name)
        return found


def _load_areas_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    from svduty.io._areas import load_areas

    geography, local_area = load_areas(data, file=ctx.file, converter=ctx.converter)
    return {"geography": geography, "local_area": local_area}


def _load_authorities_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    from svduty.io._authorities import load_authorities

    geography = ctx.loaded["geography"]
    assert isinstance(geography, Geography)
    authorities = load_authorities(
        data,
        file=ctx.file,
        converter=ctx.converter,
        districts_within=geography.district_codes_within,
    )
    return {"authorities": authorities}


def _load_definition_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    from svduty.io._definition import load_definition

    return {"definition": load_definition(data, file=ctx.file, converter=ctx.converter)}


def _load_funding_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    from svduty.io._funding import load_funding

    return {"funding": load_funding(data, file=ctx.file, converter=ctx.converter)}


def _load_strategy_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    from svduty.io._funding import load_strategy

    return {"strategy": load_strategy(data, file=ctx.file, converter=ctx.converter)}


def _load_strategies_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    from svduty.authorities import Authorities
    from svduty.governance import GovernanceGraph
    from svduty.io._funding import load_strategies

    authorities, graph = ctx.loaded.get("authorities"), ctx.loaded.get("governance")
    known = None  # a section that did not load is not known: its ids are not checked
    if isinstance(authorities, Authorities) and isinstance(graph, GovernanceGraph):
        known = frozenset(a.id for a in authorities.items) | {b.id for b in graph.bodies}
    records = load_strategies(data, file=ctx.file, converter=ctx.converter, known=known)
    return {"strategies": records}


def _known(ctx: SectionContext) -> Known:
    """The authorities and areas loaded, for the references of governance and scenarios.

    A section that did not load is not known: its references are not checked (the
    section's own problems are reported).
    """
    from svduty.authorities import Authorities
    from svduty.governance._references import Known

    authorities = ctx.loaded.get("authorities")
    geography = ctx.loaded.get("geography")
    return Known(
        authorities=(
            frozenset(a.id for a in authorities.items)
            if isinstance(authorities, Authorities)
            else None
        ),
        geography=geography if isinstance(geography, Geography) else None,
    )


def _load_governance_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    from svduty.io._governance import load_governance_section

    section = load_governance_section(
        data, file=ctx.file, converter=ctx.converter, known=_known(ctx)
    )
    return {**section, "scenarios": _load_scenarios(ctx)}


def _load_scenarios(ctx: SectionContext) -> dict[str, Scenario]:
    """Every ``scenarios/*.toml``; the problems of every file, not only the first bad one."""
    from svduty.io._governance import load_scenario

    scenarios: dict[str, Scenario] = {}
    problems: list[Problem] = []
    folder = ctx.path / "scenarios"
    if _present(folder) and not folder.is_dir():
        raise BundleError.single("scenarios", None, message="a file where a folder is expected")
    for f in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
        if not is_id(f.stem):  # the scenario's id (--scenario NAME): its name is not shown
            problems.append(
                Problem(
                    file="scenarios",
                    message="a scenario file whose name is not an id",
                    expected=f"a file named {EXPECTED_ID}, and .toml",
                    got=describe(f.stem),
                )
            )
            continue
        name = f"scenarios/{f.name}"
        data = _read(ctx.path, name, problems)
        if data is None:
            continue
        try:
            scenarios[f.stem] = load_scenario(
                data, file=name, converter=ctx.converter, known=_known(ctx)
            )
        except DataError as exc:
            problems.extend(_relative(exc, ctx.path, name))
            continue
        if scenarios[f.stem].name != f.stem:  # --scenario NAME finds it by its file's name
            problems.append(
                Problem(
                    file=name,
                    field="name",
                    message="not the name of its file",
                    expected=f"{f.stem}, the file's name without .toml",
                    got=scenarios[f.stem].name,
                )
            )
    if problems:
        raise BundleError(problems)
    return scenarios


def _load_timetable_section(data: Mapping[str, Any], ctx: SectionContext) -> Mapping[str, object]:
    from svduty.governance import GovernanceGraph
    from svduty.io._governance import load_timetable

    graph = ctx.loaded.get("governance")  # not loaded: the body ids are not known
    bodies = {b.id for b in graph.bodies} if isinstance(graph, GovernanceGraph) else None
    timetable = load_timetable(data, file=ctx.file, converter=ctx.converter, bodies=bodies)
    return {"timetable": timetable}


SECTIONS: dict[str, SectionSpec] = {
    "areas": SectionSpec("areas.toml", _load_areas_section, "svduty.io._areas:AreasDocument"),
    "authorities": SectionSpec(
        "authorities.toml",
        _load_authorities_section,
        "svduty.io._authorities:AuthoritiesDocument",
        needs=("geography",),
    ),
    "definition": SectionSpec(
        "definition.toml", _load_definition_section, "svduty.definitions:Definition", required=False
    ),
    "funding": SectionSpec(
        "funding.toml", _load_funding_section, "svduty.funding:FundingModel", required=False
    ),
    "strategy": SectionSpec(
        "strategy.toml", _load_strategy_section, "svduty.funding:Strategy", required=False
    ),
    "governance": SectionSpec(
        "governance.toml",
        _load_governance_section,
        "svduty.io._governance:GovernanceDocument",
        required=False,
    ),
    "timetable": SectionSpec(
        "timetable.toml", _load_timetable_section, "svduty.governance:Timetable", required=False
    ),
    "strategies": SectionSpec(
        "strategies.toml",
        _load_strategies_section,
        "svduty.funding:StrategyRecords",
        required=False,
    ),
}
"""The sections of a bundle, in load order."""


def _relative(exc: DataError, root: Path, file: str) -> list[Problem]:
    out = []
    for p in exc.problems:
        name = p.file
        if name is None or Path(name) == root / file:
            name = file
        out.append(attrs.evolve(p, file=name))
    return out


def _read(root: Path, file: str, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        return read_toml(root / file)
    except BundleError as exc:
        problems.extend(_relative(exc, root, file))
        return None


def _present(path: Path) -> bool:
    """Whether anything is at ``path``: a file, a folder, or a link (even a broken one).

    A broken or looping link where an optional section should be is a problem to report,
    not an absent section.
    """
    return path.is_symlink() or path.exists()
