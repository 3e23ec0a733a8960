"""The one TOML reader reads only regular files, and at most MAX_TOML_BYTES of them.

Before, a bundle file, scenario or split file that was a symbolic link to ``/dev/zero``
exhausted memory, and a FIFO hung the command forever (hostile-input review, section
10). No device node is created here: a FIFO (``os.mkfifo``) and a link to ``/dev/zero``.
"""

from __future__ import annotations

import io
import os
import shutil
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from svduty.cli import main
from svduty.errors import BundleError
from svduty.io import read_toml, validate_bundle
from svduty.io._files import MAX_TOML_BYTES

EXAMPLSHIRE = Path(str(resources.files("svduty").joinpath("data", "examplshire")))
NOT_REGULAR = "not a regular file (a device, FIFO or socket); expected a TOML file"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def finishes(call: Callable[[], Any], seconds: float = 10) -> Any:
    """The result of ``call``, or a failure if it has not returned in ``seconds`` (a hang)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # re-raised below, in the test's thread
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (a FIFO read waits forever)"
    if "error" in box:
        raise box["error"]
    return box["value"]


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def zero(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


@pytest.mark.parametrize("make", [fifo, zero], ids=["fifo", "dev-zero"])
def test_read_toml_refuses_what_is_not_a_regular_file(tmp_path: Path, make):
    path = make(tmp_path / "x.toml")
    with pytest.raises(BundleError) as caught:
        finishes(lambda: read_toml(path))
    assert str(caught.value) == f"{path}: {NOT_REGULAR}"


def test_read_toml_refuses_a_file_past_the_cap_having_read_one_byte_more(tmp_path: Path):
    assert MAX_TOML_BYTES == 8 * 2**20
    path = tmp_path / "big.toml"
    path.write_bytes(b"x = 1\n" + b"#" * MAX_TOML_BYTES)
    with pytest.raises(BundleError, match="too large; expected a TOML file of at most 8 MiB"):
        read_toml(path)


def test_a_file_at_the_cap_is_read(tmp_path: Path):
    path = tmp_path / "full.toml"
    body = b'x = "y"\n'
    path.write_bytes(body + b"#" * (MAX_TOML_BYTES - len(body)))
    assert read_toml(path) == {"x": "y"}


def test_a_link_to_a_regular_file_is_read_and_a_broken_link_named(tmp_path: Path):
    (tmp_path / "real.toml").write_text('name = "x"\n', encoding="utf-8")
    (tmp_path / "link.toml").symlink_to(tmp_path / "real.toml")
    assert read_toml(tmp_path / "link.toml") == {"name": "x"}
    (tmp_path / "broken.toml").symlink_to(tmp_path / "nothing.toml")
    with pytest.raises(BundleError, match="a broken symbolic link"):
        read_toml(tmp_path / "broken.toml")
    with pytest.raises(BundleError, match="a folder where a file is expected"):
        read_toml(tmp_path)


@pytest.mark.parametrize("make", [fifo, zero], ids=["fifo", "dev-zero"])
@pytest.mark.parametrize("file", ["areas.toml", "bundle.toml", "definition.toml"])
def test_validate_names_the_bundle_file(tmp_path: Path, make, file: str):
    bundle = tmp_path / "b"
    shutil.copytree(EXAMPLSHIRE, bundle)
    (bundle / file).unlink()
    make(bundle / file)
    problems = [str(p) for p in finishes(lambda: validate_bundle(bundle))]
    assert f"{file}: {NOT_REGULAR}" in problems


@pytest.mark.parametrize("make", [fifo, zero], ids=["fifo", "dev-zero"])
@pytest.mark.parametrize(
    "command", [["funding", "--split"], ["governance", "--scenario"]], ids=["split", "scenario"]
)
def test_a_split_or_scenario_file_that_is_no_regular_file_is_refused(
    tmp_path: Path, make, command: list[str]
):
    path = make(tmp_path / "x.toml")
    err = io.StringIO()
    code = finishes(lambda: main([*command, str(path)], stdout=io.StringIO(), stderr=err))
    assert code == 1
    assert err.getvalue().endswith(f"{path}: {NOT_REGULAR}\n")


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("utf-16", "not UTF-8 text (this file is UTF-16: save it as UTF-8)"),
        (  # no byte-order mark: recognised by its zero bytes (users51)
            "utf-16-be",
            "not UTF-8 text (this file looks like UTF-16 with no byte order mark (UTF-16BE): "
            "save it as UTF-8)",
        ),
        (  # the row of the first byte that is not UTF-8, and how to convert it (users51)
            "latin-1",
            "row 1: not UTF-8 text (a file saved as Windows-1252 or Latin-1? save it as UTF-8, "
            "or convert it, e.g. with iconv -f windows-1252 -t utf-8 FILE > NEW_FILE)",
        ),
    ],
)
def test_a_toml_file_in_another_encoding_says_which_when_it_can(
    tmp_path: Path, encoding: str, said: str
) -> None:
    """A hostile review (hostile43): a bundle file saved as Notepad's "Unicode" (UTF-16
    with a byte-order mark) said only "not UTF-8 text", where a police.uk or incident
    file in UTF-16 is told so and how to mend it."""
    f = tmp_path / "areas.toml"
    f.write_bytes('name = "Ynys Môn"\n'.encode(encoding))
    with pytest.raises(BundleError) as info:
        read_toml(f)
    assert str(info.value) == f"{f}: {said}"
