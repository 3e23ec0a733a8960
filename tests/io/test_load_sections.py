"""load_sections: the manifest and the named sections, checked as load_partnership checks them."""

from __future__ import annotations

from pathlib import Path

import pytest

from svduty.errors import BundleError
from svduty.io import load_partnership
from svduty.io._bundle import load_sections


def test_the_named_sections_are_the_partnerships(bundle: Path) -> None:
    parts = load_sections(bundle, "areas", "definition")
    whole = load_partnership(bundle)
    assert parts.name == whole.name
    assert parts.title == whole.title
    assert parts.definition == whole.definition
    assert parts.geography.areas == whole.geography.areas
    assert parts.local_area == whole.local_area
    assert set(parts.fields) == {"geography", "local_area", "definition"}


def test_a_bad_section_not_named_is_not_read(bundle: Path) -> None:
    (bundle / "funding.toml").write_text("not = [toml", encoding="utf-8")
    with pytest.raises(BundleError, match=r"funding\.toml"):
        load_partnership(bundle)
    assert load_sections(bundle, "areas", "definition").definition is not None


def test_a_bad_named_section_is_reported_with_its_file(bundle: Path) -> None:
    (bundle / "definition.toml").write_text("id = 3\n", encoding="utf-8")
    with pytest.raises(BundleError, match=r"definition\.toml") as info:
        load_sections(bundle, "areas", "definition")
    assert all(p.file == "definition.toml" for p in info.value.problems)


def test_a_bad_manifest_is_reported(bundle: Path) -> None:
    (bundle / "bundle.toml").write_text('name = "x"\n', encoding="utf-8")
    with pytest.raises(BundleError, match=r"bundle\.toml"):
        load_sections(bundle, "areas")


def test_a_required_section_missing_is_reported(bundle: Path) -> None:
    (bundle / "areas.toml").unlink()
    with pytest.raises(BundleError, match="required section file missing"):
        load_sections(bundle, "areas")


def test_an_optional_section_missing_is_none(bundle: Path) -> None:
    (bundle / "definition.toml").unlink()
    assert load_sections(bundle, "definition").definition is None


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="not a bundle folder"):
        load_sections(tmp_path / "nowhere", "areas")


@pytest.mark.parametrize("names", [("money",), ("authorities",), ("definition", "authorities")])
def test_unknown_or_unmet_sections_are_refused(names: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="sections: expected keys of SECTIONS"):
        load_sections("warwickshire", *names)


def test_a_section_not_loaded_is_a_key_error() -> None:
    parts = load_sections("warwickshire", "definition")
    with pytest.raises(KeyError):
        parts.geography  # noqa: B018
    with pytest.raises(KeyError):
        parts.local_area  # noqa: B018


def test_authorities_with_their_areas() -> None:
    parts = load_sections("warwickshire", "areas", "authorities")
    assert "authorities" in parts.fields
