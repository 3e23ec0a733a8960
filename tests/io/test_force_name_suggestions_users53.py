"""``svduty init --area`` given a police force's own name, misspelt (users53).

Since users52 a force's name ("Warwickshire Police", "Avon and Somerset Constabulary")
stands for its police force area, but one letter wrong and the answer was "unknown area"
with no suggestion: the close names were looked for among the areas' names only, and
"warwickshre police" is not close to "warwickshire" (nor "avon and somerst constabulary"
to "avon and somerset"). The suggestions now read the force's words away first, as
:func:`~svduty.io._area_names.force_area` does, with ``difflib``'s close matches (one
mechanism: the one the area names already use).
"""

from __future__ import annotations

import io

import pytest

from svduty.areas import AreaKind, Geography
from svduty.cli import main
from svduty.io._area_names import suggestions

GEO = Geography.england_and_wales()
FORCES = sorted(GEO.all(AreaKind.POLICE_FORCE_AREA), key=lambda a: a.id)


def _one_letter_less(name: str) -> str:
    """The name with the middle letter of its longest word left out ("Warwickshre")."""
    words = name.replace(",", "").split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    words[i] = words[i][: len(words[i]) // 2] + words[i][len(words[i]) // 2 + 1 :]
    return " ".join(words)


@pytest.mark.parametrize("force", FORCES, ids=lambda a: a.id)
@pytest.mark.parametrize("word", ["Police", "Constabulary", "Police Service"])
def test_every_force_misspelt_is_suggested(force, word):
    typed = f"{_one_letter_less(force.name)} {word}"
    assert typed != f"{force.name} {word}"
    near = suggestions(GEO, typed)
    assert f"'{force.name}' ({force.id})" in near, (typed, near)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Warwickshre Police", "E23000017"),
        ("Avon and Somerst Constabulary", "E23000036"),
        ("South Wals Police", "W15000003"),
        ("Heddlu De Cymr", "W15000003"),  # the Welsh name of South Wales Police
        ("Cumbria Constabulry", "E23000002"),  # the force's word misspelt too
        ("Thames Valey Polce", "E23000029"),
    ],
)
def test_the_command_suggests_the_force_area(tmp_path, typed, code):
    err = io.StringIO()
    status = main(["init", str(tmp_path / "b"), "--area", typed], stdout=io.StringIO(), stderr=err)
    assert status == 1
    said = err.getvalue()
    assert "did you mean" in said
    assert f"({code})" in said, said
    assert f"no area named {typed!r}" in said  # said as typed beside the guess (users60)


def test_a_name_without_a_force_word_is_not_read_as_a_force():
    # "Warwickshre" is the county's and the force area's name misspelt: both codes, once
    assert suggestions(GEO, "Warwickshre")[0] == "'Warwickshire' (E23000017, E10000031)"
    from svduty.io._area_names import _near_forces

    assert _near_forces(GEO, "Warwickshre", 3) == []
    assert _near_forces(GEO, "Police Constabulary", 3) == []  # no place's words at all


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("West Yorkshire Combined Authority", "E23000010"),
        ("Greater Manchester Combined Authority", "E23000005"),
        ("South Yorkshire Mayoral Combined Authority", "E23000011"),
        ("North East Combined Authority", None),  # no one force area's: nothing suggested
        # Cleveland's and Durham's districts: not 'Thames Valley', a close spelling (review53a)
        ("Tees Valley Combined Authority", None),
    ],
)
def test_a_combined_authority_by_name_says_what_it_is(tmp_path, typed, code):
    # "unknown area" with no suggestion (or three districts of like names); its code
    # (E47) was already said to be a combined authority's area: its name is now too
    err = io.StringIO()
    status = main(["init", str(tmp_path / "b"), "--area", typed], stdout=io.StringIO(), stderr=err)
    assert status == 1
    said = err.getvalue()
    assert "not an area a bundle starts from" in said
    assert "(a combined authority's area: its districts are the local government areas" in said
    if code is None:
        assert "did you mean" not in said
    else:
        assert f"did you mean '{GEO.get(code).name}' ({code})?" in said
