"""``svduty validate`` says what a good bundle leaves to fill in or confirm (users61).

A researcher's first two commands were ``svduty init DIR --area X`` and ``svduty validate
DIR``; the second said ``DIR: ok`` and nothing of the placeholders ``init`` had just
written (a name ``to name``, a score of unconfirmed citations). It now names the
placeholders, counts the unconfirmed citations per file (``--list``: each doubt with its
fields; the JSON's ``to_fill_in``: every field), and the last line counts them.
"""

from __future__ import annotations

import io
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import jsonschema

from svduty._data import data
from svduty.cli import main
from svduty.io import document_schema

from ..cli_run import run_once

LAST = re.compile(r"(?P<bundle>.+): ok, (?P<n>\d+) to fill in or confirm")


def _run(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _init(tmp_path: Path, area: str = "Rugby") -> Path:
    folder = tmp_path / "rugby"
    code, _, err = _run("init", folder, "--area", area)
    assert code == 0, err
    return folder


def _at(document: Any, field: str) -> Any:
    """The value at a field path (``authorities[6].citation``) of plain data."""
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", field):
        document = document[int(index)] if index else document[name]
    return document


def _json(bundle: Path | str) -> dict[str, Any]:
    code, out, err = _run("validate", bundle, "--format", "json")
    assert (code, err) == (0, "")
    document: dict[str, Any] = json.loads(out)
    jsonschema.validate(document, document_schema("validate"))
    return document


def test_validate_after_init_says_what_is_left(tmp_path):
    bundle = _init(tmp_path)
    code, out, err = _run("validate", bundle)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    names = [x for x in lines if x.startswith("to fill in: ")]
    assert names == [
        "to fill in: authorities.toml: authorities[6].name, authorities[7].name: a "
        "placeholder svduty init wrote: put the body's own name"
    ]
    assert "to confirm: authorities.toml: 7 unconfirmed citations (" in out
    assert f"each doubt: svduty validate {bundle} --list (every field: --format json)" in lines
    last = LAST.fullmatch(lines[-1])
    assert last is not None
    assert last["bundle"] == str(bundle)
    assert int(last["n"]) == len(_json(bundle)["to_fill_in"]) == 23


def test_every_field_listed_is_a_placeholder_or_an_unconfirmed_citation(tmp_path):
    rugby = _init(tmp_path)
    for bundle, root in [(rugby, rugby), ("warwickshire", data("warwickshire"))]:
        found = _json(bundle)["to_fill_in"]
        for f in found:
            at = _at(tomllib.loads((root / f["file"]).read_text(encoding="utf-8")), f["field"])
            if f["field"].endswith(".name"):
                assert "to name" in at
            else:
                assert (at["confidence"], at["doubt"]) == ("unconfirmed", f["doubt"])
        written = sum(  # as written, comments aside
            line.count('confidence = "unconfirmed"')
            for p in root.glob("*.toml")
            for line in p.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")
        )
        assert len([f for f in found if not f["field"].endswith(".name")]) == written


def test_list_says_each_doubt_once_with_every_field(tmp_path):
    bundle = _init(tmp_path)
    found = _json(bundle)["to_fill_in"]
    code, out, err = _run("validate", bundle, "--list")
    assert (code, err) == (0, "")
    listed = out.splitlines()[:-1]
    assert "each doubt:" not in out
    for f in found:
        (line,) = [x for x in listed if x.endswith(": " + f["doubt"]) and f["file"] in x]
        assert f["field"] in line
    assert len(listed) == len({(f["file"], f["doubt"]) for f in found}) == 10


def test_a_filled_in_bundle_is_just_ok(tmp_path):
    bundle = _init(tmp_path)
    for path in bundle.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'(?m)^(confidence = "unconfirmed"|doubt = .*)\n', "", text)
        text = text.replace("probation delivery unit to name (region to name)", "Warwickshire PDU")
        text = text.replace("(youth justice service to name)", "(Warwickshire YJS)")
        path.write_text(text, encoding="utf-8")
    code, out, err = _run("validate", bundle)
    assert (code, out, err) == (0, f"{bundle}: ok\n", "")
    assert _json(bundle)["to_fill_in"] == []


def test_a_bundle_with_problems_lists_nothing_to_fill_in(tmp_path):
    bundle = _init(tmp_path)
    areas = bundle / "areas.toml"
    areas.write_text(areas.read_text(encoding="utf-8").replace('kind = "county"', 'kind = "x"'))
    code, out, _ = _run("validate", bundle)
    assert code == 1
    assert "to confirm" not in out
    assert "to fill in" not in out
    code, out, _ = _run("validate", bundle, "--format", "json")
    document = json.loads(out)
    assert (code, document["ok"], document["to_fill_in"]) == (1, False, [])
    jsonschema.validate(document, document_schema("validate"))


def test_the_packaged_bundles():
    code, out, err = run_once("validate", "warwickshire")
    lines = out.splitlines()
    assert (code, err) == (0, "")
    counts = [x for x in lines if x.startswith("to confirm: ")]
    assert len(counts) == 8  # one line per file, not one per doubt (about 90)
    last = LAST.fullmatch(lines[-1])
    assert last is not None
    assert sum(int(x.split(": ")[2].split()[0]) for x in counts) == int(last["n"])
    assert _run("validate", "examplshire")[1].splitlines()[-1] == "examplshire: ok"
