"""``Incident.from_json``: each unknown key named once, the incident fields listed once.

Before mend52 each unknown key's problem carried the whole list of 31 field names, so an
object with three unknown keys said the list three times (as ``svduty explain`` did, whose
reader now shares the one function, ``svduty.definitions._unknown_keys.unknown_keys``). A
key whose spelling suggests a field says that field instead; the list is given by the
first key that suggests none. Never a key's value.
"""

from __future__ import annotations

import pytest

from svduty.definitions import Incident
from svduty.errors import DataError

LIST = "expected one of id, date, offence_code"


def test_three_unknown_keys_list_the_fields_once() -> None:
    with pytest.raises(DataError) as caught:
        Incident.from_json(
            {"weapn": "Zq7", "Jane Citizen": "Zq7", "foo": "Zq7", "victim_age": 200},
            line=4,
            file="in.jsonl",
        )
    said = str(caught.value)
    assert said.count(LIST) == 1
    assert len(caught.value.problems) == 4  # three keys and the age, each once
    assert "weapn: unknown field; expected an incident field (did you mean weapon?)" in said
    assert "foo: unknown field; expected an incident field (listed above, at row 4)" in said
    assert "Zq7" not in said
    assert "Citizen" not in said


def test_without_a_line_the_later_keys_say_listed_above() -> None:
    with pytest.raises(DataError) as caught:
        Incident.from_json({"zz": 1, "yy": 2})
    first, second = (str(p) for p in caught.value.problems)
    assert LIST in first
    assert second == "yy: unknown field; expected an incident field (listed above)"
