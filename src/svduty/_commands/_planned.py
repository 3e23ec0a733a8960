"""``svduty classify`` of police.uk files from a plan in the cache: no rule engine to import.

The police.uk plan of the partnership's definition (:mod:`svduty.io._plan`) is built the
first time the command classifies police.uk rows with that partnership and definition and
kept in the command's cache, keyed as the loaded partnership is (the bundle's files and
the installed svduty). Read back, it answers every row it covers without importing the rule
engine (about 30 ms of the command's start-up); the definition is loaded only for a batch
it does not cover. A ``--definition`` that names a file or folder is not planned (the
cache keys a bundle's files, not another's): the engine answers.

Example:
    >>> import argparse, tempfile
    >>> from svduty._commands import _cache
    >>> args = argparse.Namespace(partnership="warwickshire", definition=None)
    >>> with _cache.using(tempfile.mkdtemp()):
    ...     parts, pipeline = planned(args)
    >>> parts.name, pipeline.definition
    ('warwickshire', 'warwickshire')
    >>> planned(args) is None  # the cache is off
    True
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from svduty._commands import _cache
from svduty._commands._located import LOCATIONS, seed_located
from svduty._commands._options import (
    DEFAULT_PARTNERSHIP,
    chosen,
    load_named_sections,
    resolve_definition,
)
from svduty.io import _pipeline
from svduty.io._pipeline import Pipeline, planned_pipeline
from svduty.io._plan import PolicePlan

if TYPE_CHECKING:
    from svduty.definitions import Definition
    from svduty.io._bundle import BundleParts
    from svduty.partnership import Partnership

__all__ = ["pipeline_for", "planned"]


def pipeline_for(
    args: argparse.Namespace, *, police_uk: bool
) -> tuple[BundleParts | Partnership, Pipeline]:
    """The partnership (its areas, at least) and the pipeline ``svduty classify`` runs.

    Police.uk files are answered from the plan when there is one (:func:`planned`); else,
    and for incidents, the engine answers with the definition the command names.

    Example:
        >>> import argparse
        >>> args = argparse.Namespace(partnership="examplshire", definition="pcsc-s13")
        >>> pipeline_for(args, police_uk=False)[1].definition
        'pcsc-s13'
    """
    found = planned(args) if police_uk else None
    if found is not None:
        return found
    choice = chosen(args, sections=("areas", "definition"))
    pipeline = _pipeline.default_pipeline(choice.partnership, definition=choice.definition)
    if not police_uk:  # the locations met before (kept by the command's end), if cached
        seed_located(getattr(args, "partnership", DEFAULT_PARTNERSHIP), pipeline, LOCATIONS)
    return choice.partnership, pipeline


def planned(args: argparse.Namespace) -> tuple[BundleParts, Pipeline] | None:
    """The partnership's areas and a pipeline answering from the cached police.uk plan.

    ``None`` when the cache is off or ``--definition`` names a file or folder.
    """
    spec = getattr(args, "partnership", DEFAULT_PARTNERSHIP)
    named = getattr(args, "definition", None)
    if not _cache.active() or (named is not None and _a_path(named)):
        return None

    def definition() -> Definition:
        return resolve_definition(named, load_named_sections(spec, ("areas", "definition")))

    def build() -> PolicePlan:
        from svduty.io._plan_build import police_plan

        return police_plan(definition())

    plan = _cache.loaded(spec, ("police-plan", named or ""), build, PolicePlan)
    parts = load_named_sections(spec, ("areas",))
    pipeline = planned_pipeline(parts, plan, definition)
    seed_located(spec, pipeline)  # the LSOAs located before (kept by the command's end)
    return parts, pipeline


def _a_path(named: str) -> bool:
    """Whether a ``--definition`` value names a file or folder (not an id or bundle name)."""
    return os.sep in named or "/" in named or named.endswith(".toml") or Path(named).exists()
