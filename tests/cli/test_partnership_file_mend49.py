"""``--partnership`` naming a file says which option and what it takes (mend49).

``svduty classify month.csv --partnership month.csv`` (a file where a bundle folder is
expected) said ``month.csv: not a bundle folder`` alone: no option, nothing expected,
where a folder without ``bundle.toml`` was told both. Every command taking
``--partnership`` (and ``SVDUTY_PARTNERSHIP``) now names the option and what it takes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from svduty.io import sample_police_uk

from ..cli_run import run

SAMPLE = str(sample_police_uk())
EXPECTED = (
    "--partnership: not a bundle folder: a file; expected a bundle folder or a packaged "
    "bundle's name (warwickshire, examplshire)"
)


@pytest.mark.parametrize(
    "argv",
    [
        ("classify", SAMPLE),
        ("info",),
        ("explain", SAMPLE, "--row", "2"),
        ("governance",),
        ("funding",),
    ],
)
def test_a_file_given_as_the_partnership_is_named_with_its_option(
    tmp_path: Path, argv: tuple[str, ...]
) -> None:
    bundle = tmp_path / "bundle.toml"  # a bundle's file, not its folder: a likely slip
    bundle.write_text('name = "x"\n', encoding="utf-8")
    code, out, err = run(*argv, "--partnership", bundle)
    assert (code, out) == (1, "")
    assert err == f"svduty {argv[0]}: error: {bundle}: {EXPECTED}\n"


def test_the_environment_variable_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    bundle = tmp_path / "areas.toml"
    bundle.write_text("", encoding="utf-8")
    monkeypatch.setenv("SVDUTY_PARTNERSHIP", str(bundle))
    code, _, err = run("info")
    assert code == 1
    assert err == (
        f"svduty info: error: {bundle}: {EXPECTED.replace('--partnership', 'SVDUTY_PARTNERSHIP')}\n"
    )


def test_a_definition_file_is_still_read_as_a_definition(tmp_path: Path) -> None:
    definition = tmp_path / "d.toml"
    definition.write_text("not toml =\n", encoding="utf-8")
    code, _, err = run("classify", SAMPLE, "--definition", definition)
    assert code == 1
    assert "not valid TOML" in err
