"""Fuzz: a local kind's ``facts`` in a bundle's definition, hostile entries (hostile62).

law61 gave a local kind ``facts = ["field:word", ...]``: the incident's own facts it
needs. The example bundle's definition gets a kind of generated ``facts``: words of the
vocabulary, a field or word not in it, entries empty or huge or without a colon, names and
dates of birth, values of another type, repeats; ``facts`` itself a list or another type;
or (second test) bytes that are not UTF-8 inside an entry. ``svduty validate`` must accept
the kind exactly when every entry is a string naming a field and one of its words, none
repeated; else exit 1 with problems that name ``definition.toml`` and the kind's field
(``kinds[0].facts`` or one of its entries), never echoing a generated value.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.cli import main
from svduty.definitions._vocab import WORD_FIELDS, Behaviour, Harm

from .budget import budget
from .personal import Personal, leaks, personal

EXAMPLE = Path(__file__).parents[1] / "data" / "example-bundle"
CANARY = "CANARY-62f"
WORDS = {
    f: sorted(w.value for w in ws)
    for f, ws in {**WORD_FIELDS, "behaviours": Behaviour, "harms": Harm}.items()
}
GOOD = sorted(f"{f}:{w}" for f, ws in WORDS.items() for w in ws)
CITED = {"source": "examplshire-agreement", "provision": "Definition of serious violence"}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("facts") / "example"
    shutil.copytree(EXAMPLE, root)
    return root


def _with_kind(bundle: Path, facts: Any) -> tuple[int, str, str]:
    """``svduty validate --format json`` of the bundle with a kind of ``facts`` (bytes: as
    written in the file)."""
    definition = bundle / "definition.toml"
    original = definition.read_bytes()
    kind: dict[str, Any] = {"id": "armed", "label": "armed violence", "any_of": ["s13_violence"]}
    if not isinstance(facts, bytes):
        kind["facts"] = facts
    kind["citation"] = CITED
    text = tomli_w.dumps({"kinds": [kind], "include": [{"kind": "armed", "citation": CITED}]})
    added = text.encode()
    if isinstance(facts, bytes):
        at = added.index(b"any_of")
        added = added[:at] + facts + b"\n" + added[at:]
    try:
        definition.write_bytes(original + b"\n" + added)
        out, err = io.StringIO(), io.StringIO()
        code = main(["validate", str(bundle), "--format", "json"], stdout=out, stderr=err)
    finally:
        definition.write_bytes(original)
    return code, out.getvalue(), err.getvalue()


_ENTRY = st.one_of(
    st.sampled_from(GOOD),
    st.sampled_from(GOOD).map(str.upper),
    st.sampled_from(GOOD).map(lambda g: f" {g}"),
    st.sampled_from(sorted(WORDS)).map(lambda f: f"{f}:{CANARY}"),
    st.sampled_from(sorted(WORDS)),  # a field without a word
    st.text(max_size=20).map(lambda t: f"{CANARY}{t}"),
    st.text(max_size=3),
    st.just("weapon:" + "k" * 100_000),
    personal,
    st.integers(),
    st.booleans(),
    st.lists(st.sampled_from(GOOD), max_size=2),
    st.dictionaries(st.just("a"), st.sampled_from(GOOD), max_size=1),
)


def _plain(entry: Any) -> Any:
    return entry.text if isinstance(entry, Personal) else entry


@budget(25)
@given(
    entries=st.one_of(
        st.lists(_ENTRY, max_size=6),
        _ENTRY.map(lambda e: {"not": "a list"} if isinstance(e, list) else e),  # not a list
    )
)
@example(entries=["weapon:knife", "weapon:knife"])  # a repeat: refused (hostile62)
@example(entries=["weapon:knife", "weapon:firearm", "harms:physical"])
@example(entries=[Personal("weapon:Jane Citizen", ("Citizen",))])
def test_a_kinds_facts_are_its_words_or_a_clean_refusal(bundle, entries):
    facts = [_plain(e) for e in entries] if isinstance(entries, list) else _plain(entries)
    code, out, err = _with_kind(bundle, facts)
    said = json.loads(out)
    put = entries if isinstance(entries, list) else [entries]
    assert not leaks([out, err], [e for e in put if isinstance(e, Personal)]), (out, err)
    assert CANARY not in out + err
    assert "Traceback" not in err
    plain = isinstance(facts, list) and all(isinstance(f, str) for f in facts)
    good = plain and all(f in GOOD for f in facts) and len(set(facts)) == len(facts)
    if good:
        assert code == 0, said
        assert said["problems"] == []
        return
    assert code == 1, said
    problems = said["problems"]
    assert problems, said
    for p in problems:
        assert p["file"] == "definition.toml", p
        assert p["field"] == "kinds[0].facts" or p["field"].startswith("kinds[0].facts["), p
        assert p["problem"].startswith(("expected", "repeats")), p


@budget(15)
@given(word=st.binary(min_size=1, max_size=12).filter(lambda b: not set(b) & set(b'"\\\n\r')))
@example(word=b"\xff\xfe")  # Windows-1252 bytes or a UTF-16 mark: not UTF-8
@example(word=b"knif\xe9")
def test_a_fact_of_any_bytes_names_the_file_never_the_bytes(bundle, word):
    code, out, err = _with_kind(bundle, f'facts = ["weapon:{CANARY}'.encode() + word + b'"]')
    said = json.loads(out)
    assert "Traceback" not in err
    assert code == 1, said
    assert CANARY not in out + err
    (problem,) = said["problems"]
    assert problem["file"] == "definition.toml", problem
    if problem["row"] is None:  # read as text: the entry is named
        assert problem["field"] == "kinds[0].facts[0]", problem
