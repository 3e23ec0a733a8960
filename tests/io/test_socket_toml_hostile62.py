"""A socket where a TOML file is expected is said as a FIFO or a device is (hostile62).

A FIFO or a device as a bundle's file, ``--definition``, ``--split`` or ``--scenario`` is
refused "not a regular file (a device, FIFO or socket); expected a TOML file" without
being read (hostile54). A socket cannot even be opened: it said "cannot be read (No such
device or address)", the system's words for ``ENXIO``, naming neither what is there nor
what was expected. It is now refused as the others are. A file named as a folder on the
way (``--split splits/2025.toml``, ``splits`` a file) said "cannot be read (Not a
directory)"; now "file not found (splits: a file where a folder is expected)".
"""

from __future__ import annotations

import io
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

import svduty
from svduty.cli import main
from svduty.errors import BundleError
from svduty.io import validate_bundle
from svduty.io._files import read_toml

EXAMPLE = Path(__file__).parents[1] / "data" / "example-bundle"
NOT_REGULAR = "not a regular file (a device, FIFO or socket); expected a TOML file"

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")


@pytest.fixture
def bound(tmp_path: Path) -> Iterator[Path]:
    """A Unix socket named ``x.toml`` (bound: a file system entry that is a socket)."""
    path = tmp_path / "x.toml"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        yield path


def test_read_toml_says_a_socket_is_not_a_regular_file(bound: Path):
    with pytest.raises(BundleError) as caught:
        read_toml(bound)
    assert str(caught.value) == f"{bound}: {NOT_REGULAR}"


def test_a_socket_as_a_bundles_file_is_named_as_such(tmp_path: Path):
    bundle = tmp_path / "example"
    shutil.copytree(EXAMPLE, bundle)
    (bundle / "areas.toml").unlink()
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(bundle / "areas.toml"))
        problems = [str(p) for p in validate_bundle(bundle)]
    assert problems == [f"areas.toml: {NOT_REGULAR}"]


@pytest.mark.parametrize(
    "command",
    [
        ["funding", "--split"],
        ["governance", "--scenario"],
        ["classify", str(svduty.sample_path("incidents")), "--definition"],
    ],
    ids=["split", "scenario", "definition"],
)
def test_a_socket_as_an_options_toml_file_is_refused(bound: Path, command: list[str]):
    out, err = io.StringIO(), io.StringIO()
    code = main([*command, str(bound)], stdout=out, stderr=err)
    assert code == 1
    assert out.getvalue() == ""
    assert err.getvalue() == f"svduty {command[0]}: error: {bound}: {NOT_REGULAR}\n"


def test_a_file_named_as_a_folder_on_the_way_is_said(tmp_path: Path):
    (tmp_path / "splits").write_text("not a folder\n")
    path = tmp_path / "splits" / "2025.toml"
    with pytest.raises(BundleError) as caught:
        read_toml(path)
    said = f"{path}: file not found ({tmp_path / 'splits'}: a file where a folder is expected)"
    assert str(caught.value) == said
    out, err = io.StringIO(), io.StringIO()
    assert main(["funding", "--split", str(path)], stdout=out, stderr=err) == 1
    assert err.getvalue() == f"svduty funding: error: {said}\n"
