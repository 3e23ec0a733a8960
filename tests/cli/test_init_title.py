"""``svduty init``'s own title for a partnership of many areas.

The title is made of the areas' names when ``--title`` is not given. The London
partnership (the City and the 32 boroughs, given as 33 district codes, real GSS codes of
the ONS LAD24 table) is a real one; its names joined made a title longer than the
manifest takes (200 characters), so init refused a title the user never gave.
"""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest

from svduty.cli import main
from svduty.io import load_partnership

_SUFFIX = " Serious Violence Duty partnership"
LONDON = ["E09000001", *(f"E090000{n:02d}" for n in range(2, 34))]


def _init(tmp_path: Path, *areas: str) -> tuple[int, str, str]:
    argv = ["init", str(tmp_path / "b")]
    for a in areas:
        argv += ["--area", a]
    out, err = io.StringIO(), io.StringIO()
    return main(argv, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def _title(tmp_path: Path) -> str:
    title: str = tomllib.loads((tmp_path / "b" / "bundle.toml").read_text())["title"]
    return title


def test_the_33_london_areas_get_a_title_that_fits(tmp_path: Path) -> None:
    code, _out, err = _init(tmp_path, *LONDON)
    assert (code, err) == (0, "")
    title = _title(tmp_path)
    assert len(title) <= 200
    assert title.startswith("City of London, Barking and Dagenham, Barnet, ")
    assert title.endswith(" other areas" + _SUFFIX)
    shown = title.removesuffix(_SUFFIX)
    named = shown.rsplit(" and ", 1)[0].split(", ")
    others = int(shown.rsplit(" and ", 1)[1].split()[0])
    assert len(named) + others == 33  # every area is named or counted, none twice
    partnership = load_partnership(tmp_path / "b")
    assert len(partnership.local_area.districts) == 33
    assert partnership.local_area.name == shown


@pytest.mark.parametrize(
    ("areas", "title"),
    [
        (("Cardiff",), "Cardiff"),
        (("Cardiff", "Vale of Glamorgan"), "Cardiff and Vale of Glamorgan"),
        (("E09000002", "E09000003", "E09000004"), "Barking and Dagenham, Barnet and Bexley"),
    ],
)
def test_the_names_are_a_list_that_reads_as_its_areas(
    tmp_path: Path, areas: tuple[str, ...], title: str
) -> None:
    # "Barking and Dagenham and Barnet and Bexley" read as four places, or as two
    assert _init(tmp_path, *areas)[0] == 0
    assert _title(tmp_path) == title + _SUFFIX


def test_a_title_given_is_still_checked(tmp_path: Path) -> None:
    argv = ["init", str(tmp_path / "b"), "--area", "E09000001", "--title", "t" * 201]
    err = io.StringIO()
    assert main(argv, stdout=io.StringIO(), stderr=err) == 1
    assert "title: expected one line of text (at most 200 characters)" in err.getvalue()
    assert not (tmp_path / "b").exists()


def test_a_title_of_one_name_too_long_counts_it_as_one_area() -> None:
    """No name fits (one far too long): the title counts the areas, in good English (diff43)."""
    from svduty.io._new_records import default_title

    assert default_title(["A" * 250]) == "1 area Serious Violence Duty partnership"
    assert default_title(["A" * 250, "B" * 250]) == "2 areas Serious Violence Duty partnership"
