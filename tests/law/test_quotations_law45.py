"""Every quotation of statute svduty makes, against the text it quotes (law45).

``tests/cases/law/quotations.toml`` holds, for each provision svduty quotes, the words
read (where and which version) and the quotations of it, each with its file. A quotation
must appear in its file (the file's strings and comments for Python, its string values and
comments for TOML, its text for docs) and in the provision's words ("..." marks words left
out), so a quotation that drifts from the statute, or a file that drops the words it is
pinned to, fails here. ``[[wrong]]`` lists words once quoted wrongly, which must not return.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from svduty.funding import DUTY_PROVISIONS
from svduty.sources import CATALOGUE

ROOT = Path(__file__).resolve().parents[2]
CASES = tomllib.loads((ROOT / "tests/cases/law/quotations.toml").read_text(encoding="utf-8"))
GAP = re.compile(r"\s*(?:\.\.\.|…)\s*")


def _norm(text: str) -> str:
    """Quotes straightened, dashes and whitespace made one form, case folded."""
    text = text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "—": "-"}))
    return re.sub(r"\s+", " ", text).strip().casefold()


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@cache
def _file_text(name: str) -> str:
    """The words a file says: strings and comments (Python, TOML) or its text (docs)."""
    path = ROOT / name
    src = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        parts = [
            node.value
            for node in ast.walk(ast.parse(src))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        ]
        tokens = tokenize.generate_tokens(io.StringIO(src).readline)
        comments = [t.string.lstrip("#") for t in tokens if t.type == tokenize.COMMENT]
        parts.append(" ".join(comments))
    elif path.suffix == ".toml":
        lines = (ln.lstrip() for ln in src.splitlines())
        comments = [ln.lstrip("#") for ln in lines if ln.startswith("#")]
        parts = [*_strings(tomllib.loads(src)), " ".join(comments)]
    else:
        parts = [src]
    return "\n".join(_norm(p) for p in parts)


def _quotes() -> list[tuple[str, str, str, str]]:
    return [
        (p["source"], p["provision"], q["file"], q["quote"])
        for p in CASES["provisions"]
        for q in p["quotes"]
    ]


def _text_of(source: str, provision: str) -> str:
    (entry,) = [
        p for p in CASES["provisions"] if (p["source"], p["provision"]) == (source, provision)
    ]
    return _norm(entry["text"])


def test_every_source_quoted_is_in_the_catalogue() -> None:
    assert {p["source"] for p in CASES["provisions"]} <= set(CATALOGUE)


@pytest.mark.parametrize(("source", "provision", "file", "quote"), _quotes())
def test_the_quotation_is_the_provisions_words(
    source: str, provision: str, file: str, quote: str
) -> None:
    text, at = _text_of(source, provision), 0
    for part in (p for p in GAP.split(_norm(quote)) if p):
        found = text.find(part, at)
        assert found >= 0, f"{file}: {part!r} is not in {source} {provision} (after {at})"
        at = found + len(part)


@pytest.mark.parametrize(("source", "provision", "file", "quote"), _quotes())
def test_the_file_still_quotes_it(source: str, provision: str, file: str, quote: str) -> None:
    assert _norm(quote) in _file_text(file), f"{file} no longer quotes {quote!r}"


@pytest.mark.parametrize("wrong", CASES["wrong"], ids=lambda w: w["file"])
def test_words_once_quoted_wrongly_do_not_return(wrong: dict[str, str]) -> None:
    assert _norm(wrong["text"]) not in _file_text(wrong["file"]), wrong["why"]


def test_the_duty_provisions_said_in_the_statutes_words_are_its_words() -> None:
    """``DUTY_PROVISIONS`` for s.8(1)-(3) and (7): the words of the Act (s.8(4) and s.9's
    entries are summaries, as its docstring says)."""
    s8 = _text_of("pcsc-act-2022", "s.8(1)-(3)") + " " + _text_of("pcsc-act-2022", "s.8(7), (9)")
    keys = ("s.8(1)", "s.8(2)", "s.8(3)", "s.8(7)")
    verbatim = {k: v for k, v in DUTY_PROVISIONS.items() if k.startswith(keys)}
    assert len(verbatim) == 8
    for key, words in verbatim.items():
        assert _norm(words) in s8, key


def test_the_county_strategy_group_is_a_stated_reading_not_a_silent_one() -> None:
    """SI 2007/1830 reg 8 (as substituted by SI 2011/1230 reg 4) asks a county strategy
    group for each county area; no Warwickshire document says the SWPB is it."""
    import svduty

    note = svduty.warwickshire().governance.get("safer-warwickshire-partnership-board").note
    assert note is not None
    assert "SI 2007/1830 reg 8" in note
    assert "no seed document says so" in note


@pytest.mark.parametrize("entry", CASES["not_reread"], ids=lambda e: e["file"])
def test_the_quotations_not_reread_are_listed_where_they_are(entry: dict[str, str]) -> None:
    """A stated gap must name a quotation its file still makes (or be removed)."""
    assert entry["why"]
    assert _norm(entry["quote"]) in _file_text(entry["file"])
