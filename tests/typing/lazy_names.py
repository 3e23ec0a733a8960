"""svduty's lazily imported names keep their types, and a misspelt one is a type error.

``mypy --strict`` reports an unused ``type: ignore``: each ignore below must be needed,
so each misspelt name must be reported (a module ``__getattr__`` the type checker could
see would make every name exist).
"""

from __future__ import annotations

import svduty
import svduty.definitions
import svduty.io
import svduty.sources
from svduty.definitions import Definition, Incident
from svduty.io import INCIDENT_SCHEMA, Settlement
from svduty.sources import CATALOGUE, Sources

catalogue: Sources = CATALOGUE
incident: Incident = svduty.definitions.Incident()
statute: Definition = svduty.definitions.STATUTE
fields: list[str] = INCIDENT_SCHEMA.names
settled: type[Settlement] = svduty.io.Settlement
also: Sources = svduty.CATALOGUE


def misspelt() -> None:
    """Never called (it would raise): the type checker reads it."""
    svduty.sources.CATALOGE  # type: ignore[attr-defined]  # noqa: B018
    svduty.definitions.Incidnet  # type: ignore[attr-defined]  # noqa: B018
    svduty.io.Setlement  # type: ignore[attr-defined]  # noqa: B018
    svduty.Incidnet  # type: ignore[attr-defined]  # noqa: B018
