"""``svduty explain``: each unknown key named once, the incident fields listed once a run.

Before mend52 each unknown key's problem carried the whole list of 31 field names: a row
with three unknown keys printed the list three times, and every later row with an unknown
key printed it again. Now each key is named once (as before: shown only when it is one
lowercase word, never its value), a key whose spelling suggests a field says that field
(did you mean ...?) instead of the list, and the list is given once, by the first key
that suggests none; later keys say where it was listed.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from svduty._commands._explain_lines import json_incidents, unknown_keys

from ..cli_run import run
from ..fuzz.budget import budget

LIST = "expected one of id, date, offence_code"
MARK = "Zq7-SECRET"


def test_three_unknown_keys_name_each_once_and_the_fields_once(tmp_path: Path):
    f = tmp_path / "in.jsonl"
    f.write_text(
        f'{{"id": "a", "weapn": "{MARK}", "Jane Citizen": "{MARK}", "foo": "{MARK}"}}\n'
        f'{{"id": "b", "bar": "{MARK}", "baz": 1}}\n'
    )
    code, out, err = run("explain", str(f))
    assert code == 1
    lines = err.splitlines()
    assert err.count(LIST) == 1, err  # the field names once in the run
    assert [line.split(": row ")[1].split(":")[0] for line in lines] == [
        "1",
        "1",
        "1",
        "2",
        "2",
    ]
    for key in ("weapn: unknown field", "foo: unknown field", "bar:", "baz:"):
        assert sum(key in line for line in lines) == 1, (key, err)
    assert "did you mean weapon?" in err
    assert sum("a name of 12 characters, not shown" in line for line in lines) == 1
    assert err.count("listed above, at row 1") == 3
    assert MARK not in err + out
    assert "Citizen" not in err + out


@budget(200)
@given(
    keys=st.lists(
        st.text(st.characters(codec="utf-8", exclude_characters='"\\'), max_size=12),
        min_size=1,
        max_size=8,
        unique=True,
    ),
    rows=st.integers(1, 3),
)
def test_any_unknown_keys_are_each_named_once_and_the_list_at_most_once(keys, rows):
    from svduty._commands._explain_lines import _FIELDS

    unknown = [k for k in keys if k not in _FIELDS]
    listed: list[int] = []
    said = [str(p) for n in range(1, rows + 1) for p in unknown_keys(unknown, "f", n, listed)]
    assert len(said) == len(unknown) * rows  # one problem a key a row
    assert sum(LIST in s for s in said) <= 1
    assert sum(LIST in s for s in said) == (listed != [])
    for s in said:
        assert "expected" in s  # every problem says what was expected


def test_the_list_is_carried_over_the_lines_of_a_run():
    lines = ['{"zz": 1}', '{"yy": 2}', '{"id": "ok"}']
    found = [x for _, _, x in json_incidents(lines, "in.jsonl")]
    assert LIST in str(found[0])
    assert LIST not in str(found[1])
    assert "listed above, at row 1" in str(found[1])
