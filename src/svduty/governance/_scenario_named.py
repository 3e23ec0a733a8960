"""The scenario a what-if names by a string: one of the partnership's, or why not.

Example:
    >>> import svduty
    >>> named_scenario(svduty.warwickshire().scenarios, "lgr-two-unitaries").name
    'lgr-two-unitaries'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from svduty.errors import GovernanceError
from svduty.governance._scenario import Scenario

__all__ = ["named_scenario"]

#: How a scenario file reaches a what-if: read first, with the bundle's sources.
READ_FILE = "a scenario file is read first: p.what_if(svduty.io.read_scenario(path, p.sources))"


def named_scenario(scenarios: Mapping[str, Scenario], name: str) -> Scenario:
    """The partnership's scenario called ``name``.

    A name the partnership has not is refused listing the names it has (or saying it has
    none); a string that looks like a file (a ``.toml`` name, a path that exists, a
    folder separator) is told how a file is read.

    Raises:
        GovernanceError: if the partnership has no scenario of that name.

    Example:
        >>> try:
        ...     named_scenario({}, "merge.toml")
        ... except GovernanceError as e:
        ...     print(e)
        scenario: expected the name of one of the partnership's scenarios (it has none); a scenario file is read first: p.what_if(svduty.io.read_scenario(path, p.sources)) (got a string of 10 characters, not shown)
    """  # noqa: E501
    if name in scenarios:
        return scenarios[name]
    names = ", ".join(sorted(scenarios)) if scenarios else None
    expected = f"one of {names}" if names else "the name of one of the partnership's scenarios"
    if not names:
        expected += " (it has none)"
    if _file_like(name):
        expected += f"; {READ_FILE}"
    raise GovernanceError.single(None, "scenario", expected=expected, got=name)


def _file_like(name: str) -> bool:
    """Whether ``name`` reads as a file rather than a scenario's name.

    Example:
        >>> _file_like("merge.toml"), _file_like("scenarios/x"), _file_like("lgr-two")
        (True, True, False)
    """
    if name.lower().endswith(".toml") or "/" in name or "\\" in name:
        return True
    try:
        return Path(name).exists()
    except (OSError, ValueError):  # a name too long for a path, or with a NUL
        return False
