"""``svduty init --name``/``--title`` refused are named by their options (users53).

``--area`` and ``--force`` were said in the command's words, but a ``--name`` or
``--title`` the manifest refuses was ``name: expected ...`` and ``title: expected ...``:
no option of ``svduty init`` is called ``name``.
"""

from __future__ import annotations

import io

import pytest

from svduty.cli import main


@pytest.mark.parametrize(
    ("option", "value"),
    [("--name", "Jane Smith"), ("--name", "x" * 65), ("--title", "two\nlines"), ("--title", " ")],
)
def test_the_option_is_named(tmp_path, option, value):
    err = io.StringIO()
    argv = ["init", str(tmp_path / "b"), "--area", "E07000220", option, value]
    assert main(argv, stdout=io.StringIO(), stderr=err) == 1
    said = err.getvalue()
    assert said.startswith(f"svduty init: error: {option}: expected "), said
    assert value.strip() not in said or not value.strip()
    assert not (tmp_path / "b").exists()
