"""A ``svduty funding --split`` file: each field of its type, used by its method, or refused.

Before, ``weights = [1, 2]`` gave an internal IndexError, ``floors = "x"`` an
AttributeError, ``measure = 5`` a TypeError, and ``method = "equal"`` with
``weights = "abc"`` split the money among "a", "b" and "c" and exited 0
(hostile-input review, section 8).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty._commands.funding import SPLIT_METHODS
from svduty.cli import main


def run_split(tmp_path: Path, text: str) -> tuple[int, str, str]:
    path = tmp_path / "split.toml"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["funding", "--split", str(path)], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'amount = "100.00"\nmethod = "weights"\nweights = [1,2]\n',
            "split.toml: weights: expected a table of recipient = weight, such as "
            "{ north = 2, south = 1 } (got a list of 2 items)",
        ),
        (
            'amount = "100.00"\nmethod = "weights"\nweights = {a=1,b=1}\nfloors = "x"\n',
            "split.toml: floors: expected a table of recipient = amount",
        ),
        (
            'amount = "100.00"\nmethod = "weights"\nweights = {a=1}\ncaps = 5\n',
            "split.toml: caps: expected a table of recipient = amount",
        ),
        (
            'amount = "1.00"\nmethod = "needs"\nmeasure = 5\n',
            "split.toml: measure: expected 'average', 'latest', 'change' or 'above_average' "
            "(got a number of 1 digit, not shown)",
        ),
        (
            'amount = "1.00"\nmethod = "equal"\nweights = "abc"\n',
            "split.toml: weights: expected a table of recipient = weight",
        ),
        (
            'amount = "1.00"\nmethod = "equal"\nweights = {a = 1, b = 1}\n',
            "split.toml: weights: not used by the method 'equal'",
        ),
        (
            'amount = "1.00"\nmethod = "shares"\nweights = {a = "1"}\nfloors = {a = "1"}\n',
            "split.toml: floors: not used by the method 'shares'",
        ),
        (
            'amount = "1.00"\nmethod = "weights"\nweights = {a = 1}\nmeasure = "change"\n',
            "split.toml: measure: not used by the method 'weights'",
        ),
        (
            'amount = "1.00"\nmethod = "equal"\nrecipients = "abc"\n',
            "split.toml: recipients: expected a list of recipients",
        ),
        (
            'amount = "1.00"\nmethod = "equal"\nrecipients = ["a", 3]\n',
            "split.toml: recipients[1]: expected a recipient's name as text",
        ),
        (
            'amount = "1.00"\nmethod = "equal"\nrecipients = []\n',
            "split.toml: recipients: expected at least one recipient",
        ),
        (
            'amount = "1.00"\nmethod = ["x"]\n',
            "split.toml: method: expected one of 'population', 'equal', 'needs', 'shares', "
            "'weights' (got a list of 1 item)",
        ),
    ],
)
def test_a_field_of_the_wrong_type_or_not_used_is_refused(tmp_path, text, expected):
    code, out, err = run_split(tmp_path, text)
    assert code == 1
    assert out == ""
    assert err.startswith("svduty funding: error: ")
    assert expected in err
    assert "unexpected" not in err


def test_an_equal_split_names_its_recipients_in_a_list(tmp_path):
    code, out, _ = run_split(
        tmp_path, 'amount = "1.00"\nmethod = "equal"\nrecipients = ["a", "b"]\n'
    )
    assert code == 0
    assert "Split of £1 (equal)" in out
    assert "£0.50" in out


def test_an_equal_split_without_recipients_splits_among_the_populations(tmp_path):
    code, out, _ = run_split(tmp_path, 'amount = "1000"\nmethod = "equal"\n')
    assert code == 0
    assert "(equal)" in out


SCALARS = st.one_of(
    st.integers(-5, 5), st.text(max_size=5), st.booleans(), st.lists(st.integers(0, 3), max_size=3)
)


@settings(max_examples=60, deadline=None)
@given(
    method=st.sampled_from(sorted(SPLIT_METHODS)),
    field=st.sampled_from(["weights", "floors", "caps", "recipients", "measure"]),
    value=SCALARS,
)
def test_any_value_of_any_field_is_applied_or_refused_naming_the_field(
    tmp_path_factory, method, field, value
):
    tmp_path = tmp_path_factory.mktemp("split")
    data = {"amount": "100.00", "method": method, field: value}
    code, _, err = run_split(tmp_path, tomli_w.dumps(data))
    assert "unexpected" not in err
    if field not in SPLIT_METHODS[method] or not isinstance(value, list | str):
        assert code == 1
        assert err.startswith(f"svduty funding: error: {tmp_path / 'split.toml'}: {field}")
    if field in ("weights", "floors", "caps"):  # a table, never a list or a string
        assert code == 1
