"""users55 (review54a's finding): a NAME|PATH value typed with ``./`` was named back whole
however long (``validate ./<300 characters>``), where the same value without ``./`` was
described by its length. A value with a part longer than any file name can be is now
described by its length either way; a path that can name a folder is still named."""

from __future__ import annotations

import pytest

from ..cli_run import run

_LONG = "x" * 300


@pytest.mark.parametrize(
    "argv",
    [
        ("validate", "./{v}"),
        ("info", "--partnership", "./{v}"),
        ("info", "--partnership", "{v}/"),
        ("validate", "{v}"),
    ],
)
def test_a_value_longer_than_a_name_can_be_is_not_shown(argv):
    code, out, err = run(*(a.format(v=_LONG) for a in argv))
    assert code != 0
    assert out == ""
    assert _LONG[:100] not in err
    assert "characters, not shown" in err


def test_a_path_that_can_name_a_folder_is_named(tmp_path):
    folder = tmp_path / ("y" * 200)
    code, _, err = run("info", "--partnership", f"{folder}/")
    assert code == 1
    assert f"{folder}/: --partnership: no such folder" in err
