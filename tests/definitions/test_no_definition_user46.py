"""A researcher's fresh bundle has no definition: passing it on says what to use instead.

``svduty init`` writes no ``definition.toml``, so ``partnership.definition`` is None. Passed
to ``compare_definitions`` or ``classify``, the refusal advised "a partnership's
require_definition()", which refuses a bundle with no definition of its own: the
researcher went round in a circle. It now names None and points to the Act's definition,
the one the commands use for such a bundle.
"""

from __future__ import annotations

import io

import pytest

import svduty
from svduty.cli import main
from svduty.definitions import STATUTE, Incident, classify, compare_definitions
from svduty.errors import DefinitionError


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bundles") / "cornwall"
    main(["init", str(folder), "--area", "Cornwall"], stdout=io.StringIO())
    return svduty.load_partnership(folder)


def test_a_fresh_bundles_missing_definition_points_to_the_acts(fresh):
    assert fresh.definition is None
    incident = Incident(offence_code="8N")
    for call in (
        lambda: compare_definitions([incident], fresh.definition, svduty.warwickshire().definition),
        lambda: classify(incident, fresh.definition),
    ):
        with pytest.raises(DefinitionError) as e:
            call()
        said = str(e.value)
        assert "require_definition" not in said  # it refuses this bundle too
        assert "svduty.definitions.STATUTE" in said
        assert "not None" in said
    assert compare_definitions([incident], STATUTE, svduty.warwickshire().definition)
