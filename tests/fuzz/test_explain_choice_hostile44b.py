"""``svduty explain --row``/``--id`` with hostile values (hostile44b).

Any ``--row`` text is a row number from 1 or a usage error that says so (exit 2): a number
of more digits than Python's ``int`` reads (4,300) was reported as "invalid _row_number
value", naming a private function. No ``--id`` is echoed, whatever it holds (a name, a
newline, an escape), and an id that no row has exits 1.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty.cli import main

CANARY = "Jane Canary 1990-01-02"


def _table(folder: Path) -> Path:
    path = folder / "in.csv"
    path.write_text(f'id,offence_code\n"{CANARY}",8N\n"x\n{CANARY}",3B\n', encoding="utf-8")
    return path


def _explain(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(["explain", *argv], stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_a_row_of_too_many_digits_is_a_usage_error(tmp_path: Path) -> None:
    status, _, err = _explain(str(_table(tmp_path)), "--row=" + "9" * 5000)
    assert status == 2
    assert err.endswith("argument --row: expected a row number from 1\n")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.one_of(
        st.text(max_size=12),
        st.integers(-(10**6), 10**6).map(str),
        st.integers(4290, 4400).map(lambda n: "1" * n),
    )
)
def test_any_row_text_is_a_row_or_said_to_be_none(tmp_path: Path, text: str) -> None:
    status, out, err = _explain(str(_table(tmp_path)), f"--row={text}", "--format=json")
    assert "Traceback" not in err
    assert "_row_number" not in err
    if status == 2:
        assert err.endswith("argument --row: expected a row number from 1\n")
    else:
        row = int(text)
        assert row >= 1
        assert (status, bool(out)) == ((0, True) if row in (2, 3) else (1, False))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    ident=st.one_of(
        st.sampled_from([CANARY, f"x\n{CANARY}", "\x1b[31m" + CANARY, "8N", "2"]),
        st.text(min_size=1, max_size=30).map(lambda t: CANARY + t),
    )
)
def test_an_id_is_never_echoed(tmp_path: Path, ident: str) -> None:
    path = _table(tmp_path)
    status, out, err = _explain(str(path), f"--id={ident}")
    assert CANARY not in err
    assert "\x1b" not in err
    if ident in (CANARY, f"x\n{CANARY}"):
        assert status == 0
        assert out
    else:
        assert status == 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(extra=st.lists(st.sampled_from(["victim_agee", "weapn", CANARY, "Notes"]), unique=True))
def test_a_table_column_explain_does_not_read_is_said(tmp_path: Path, extra: list[str]) -> None:
    """A column that is no incident field was dropped without a word (a misspelt
    ``victim_agee`` left the victim's age unread); it is now noted, never echoed."""
    path = tmp_path / "in.csv"
    header = ",".join(["id", "offence_code", *(f'"{c}"' for c in extra)])
    path.write_text(f"{header}\na,8N{',1' * len(extra)}\n", encoding="utf-8")
    status, out, err = _explain(str(path))
    assert status == 0
    assert out
    assert CANARY not in err
    if extra:
        assert f"note: {path}: {len(extra)} column" in err
        assert ("did you mean victim_age?" in err) == ("victim_agee" in extra)
    else:
        assert err == ""


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(number=st.integers(min_value=-(10**30), max_value=10**30))
def test_an_id_that_is_a_number_is_chosen_by_its_digits(tmp_path: Path, number: int) -> None:
    """A JSON id that is a whole number is the incident's id as its digits (``"id": 7``
    is ``"7"``), but ``--id 7`` chose no line: only ids given as text were compared."""
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": number, "offence_code": "8N"}),
        json.dumps({"id": CANARY, "offence_code": "3B"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = _explain(str(path), f"--id={number}", "--format=json")
    assert (status, err) == (0, "")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [str(number)]
