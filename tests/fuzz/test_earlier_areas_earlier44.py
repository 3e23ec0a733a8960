"""Fuzz the reader of the areas abolished in 2019-2021 (``earlier44``).

Any file of ``[[areas]]`` rows is read whole or refused with every problem naming the
file, and each row's problem its row; a name or date of birth planted anywhere in a row
(a value or a key) never appears in the message.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from svduty.areas._earlier import EarlierArea, read_earlier_areas
from svduty.errors import AreaError

from .budget import budget
from .personal import Personal, leaks, personal

_GOOD: dict[str, Any] = {
    "code": "E07000004",
    "name": "Aylesbury Vale",
    "successors": ["E06000060"],
    "ceased": dt.date(2020, 4, 1),
    "citation": {"source": "si-2019-957", "provision": "art 4(1)"},
}

_CITATIONS = st.fixed_dictionaries(
    {"source": st.sampled_from(["si-2019-957", "si-2020-156", "pcsc-act-2022", "x"])},
    optional={
        "provision": st.sampled_from(["art 4(1)", "", " "]),
        "confidence": st.sampled_from(["confirmed", "unconfirmed", "no"]),
        "doubt": st.sampled_from(["not read", ""]),
    },
)


@st.composite
def _rows(draw: st.DrawFn, who: Personal) -> dict[str, Any]:
    """A good row with some fields replaced by the personal text or a value of a wrong kind."""
    row = dict(_GOOD)
    row["code"] = draw(st.sampled_from(["E07000004", "E07000005", "E10000002", "W06000001"]))
    wrong: list[Any] = [who.text, [who.text], 7, True, dt.date(2020, 4, 1), {"k": who.text}]
    for key in draw(st.sets(st.sampled_from([*_GOOD, "other"]), max_size=3)):
        choice = draw(st.integers(0, 3))
        if choice == 0 and key in row:
            del row[key]
        elif choice == 1 and key == "citation":
            row[key] = draw(_CITATIONS)
        elif choice == 2:
            row[who.text if key == "other" else key] = draw(st.sampled_from(wrong))
        else:
            row[key] = draw(st.sampled_from(wrong))
    return row


@budget(60)
@given(data=st.data(), who=personal)
def test_a_file_of_areas_is_read_whole_or_refused_naming_file_and_row_not_values(
    data: st.DataObject, who: Personal
) -> None:
    rows = data.draw(st.lists(_rows(who), min_size=1, max_size=4))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ceased.toml"
        path.write_text(tomli_w.dumps({"areas": rows}), "utf-8")
        refused, read = _read(path)
    if refused is not None:
        assert refused.problems
        assert all(p.file == str(path) and p.row is not None for p in refused.problems)
        assert leaks([str(refused)], [who]) == []
    else:
        assert [a.code for a in read] == [r["code"] for r in rows]
        assert len({r["code"] for r in rows}) == len(rows)


def _read(path: Path) -> tuple[AreaError | None, tuple[EarlierArea, ...]]:
    """The areas of a file, or the error that refused it."""
    try:
        return None, read_earlier_areas(path)
    except AreaError as exc:
        return exc, ()
