"""An option's path that is a symbolic link loop is named as one (hostile53b).

``--partnership LOOP``, ``--definition LOOP`` and ``--scenario LOOP.toml`` said "no such
folder" or "file not found" for a link the user sees in ``ls``; ``validate`` and
``report`` named a loop inside a bundle (hostile53). Now every option says why through
one function (:func:`svduty.io._missing.link_trouble`): a loop, or a broken link.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty
from svduty.errors import BundleError

from ..cli_run import run

LOOP = "a symbolic link loop (the link leads, through links, back to itself"
BROKEN = "a broken symbolic link"


def _link(tmp_path: Path, name: str, kind: str) -> Path:
    link = tmp_path / name
    if kind == "loop":
        other = tmp_path / f"other-{name}"
        link.symlink_to(other.name)
        other.symlink_to(link.name)
    else:
        link.symlink_to("nowhere")
    return link


COMMANDS = [
    (["validate", "{}"], "folder"),
    (["governance", "--partnership", "{}"], "folder"),
    (["funding", "--partnership", "{}"], "folder"),
    (["classify", "-", "--definition", "{}"], "file or folder"),
    (["explain", "-", "--definition", "{}"], "file or folder"),
    (["governance", "--scenario", "{}"], "file"),
]


@pytest.mark.parametrize("kind", ["loop", "broken"])
@pytest.mark.parametrize("name", ["LOOP", "loop.toml"])
@pytest.mark.parametrize(("argv", "what"), COMMANDS, ids=lambda a: "-".join(a)[:30])
def test_an_option_names_a_link_that_does_not_resolve(
    tmp_path: Path, kind: str, name: str, argv: list[str], what: str
) -> None:
    if argv[0] == "governance" and argv[1] == "--scenario" and name == "LOOP":
        pytest.skip("a scenario without a path's shape is a name (screened)")
    link = _link(tmp_path, name, kind)
    code, _out, err = run(*[a.format(link) for a in argv])
    assert code in (1, 2), err
    want = LOOP if kind == "loop" else BROKEN
    assert want in err, err
    assert "no such folder" not in err
    assert "file not found" not in err
    assert "no such file or folder" not in err


def test_loading_a_bundle_by_a_link_loop_says_so(tmp_path: Path) -> None:
    link = _link(tmp_path, "b", "loop")
    with pytest.raises(BundleError) as err:
        svduty.load_partnership(link)
    assert LOOP in str(err.value)
