"""A population figure for a district outside the partnership is a bundle error (hostile53b).

``funding.toml``'s ``[[populations]]`` name each part's district; a district that is not
one of the partnership's (``areas.toml``'s local area: a typo, or another area's) passed
``svduty validate`` and weighed in a population split. The funding model documents no
reason to hold one, so loading the bundle refuses it, naming the file, the record and the
field, and listing the partnership's districts (public names and codes) as expected.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import svduty
from svduty.errors import BundleError

from ..cli_run import run

_PACKAGED = Path(svduty.__file__).parent / "data" / "warwickshire"
_RUGBY = 'district = "Rugby"'


def _bundle(tmp_path: Path, district: str) -> Path:
    path = tmp_path / "w"
    if path.exists():
        shutil.rmtree(path)
    shutil.copytree(_PACKAGED, path)
    f = path / "funding.toml"
    text = f.read_text(encoding="utf-8")
    assert text.count(_RUGBY) == 1
    f.write_text(text.replace(_RUGBY, f"district = {json.dumps(district)}"), "utf-8")
    return path


@pytest.mark.parametrize("district", ["Rugbyy", "Coventry", "E08000026", "Jane Citizen"])
def test_validate_refuses_a_district_outside(tmp_path: Path, district: str) -> None:
    bundle = _bundle(tmp_path, district)
    code, out, err = run("validate", bundle)
    assert code == 1, out
    assert "1 problem(s) in the bundle" in err
    # the file named as the user can open it: the bundle's folder as typed (users55)
    line = f"{bundle}/funding.toml: populations[2].parts[0].district: expected one of the"
    assert out.startswith(line), out
    assert "Rugby (E07000220)" in out  # the expected ones are public: listed
    if district == "Jane Citizen":  # the value itself could be a name: not shown
        assert district not in out + err


@pytest.mark.parametrize("district", ["E07000220", "  rugby ", "RUGBY"])
def test_a_district_by_code_or_name_is_taken(tmp_path: Path, district: str) -> None:
    p = svduty.load_partnership(_bundle(tmp_path, district))
    assert p.funding is not None
    assert p.funding.populations[2].parts[0].value == 114400


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        alphabet=st.characters(
            min_codepoint=32,
            max_codepoint=126,
        ),
        min_size=1,
        max_size=30,
    )
)
@example("Coventry")
def test_any_name_outside_is_refused(tmp_path: Path, district: str) -> None:
    w = svduty.warwickshire()
    inside = {c.casefold() for c in w.local_area.districts} | {
        w.geography.get(c).name.casefold() for c in w.local_area.districts
    }
    path = _bundle(tmp_path, district)
    if district.strip().casefold() in inside or not district.strip():
        return
    with pytest.raises(BundleError) as err:
        svduty.load_partnership(path)
    fields = [(p.file, p.field) for p in err.value.problems]
    assert fields == [("funding.toml", "populations[2].parts[0].district")]
