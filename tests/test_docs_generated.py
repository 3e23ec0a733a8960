"""The generated reference pages (docs/_ext): the provision index and the CLI reference."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

provisions = importlib.import_module("svduty_provisions")
cli_reference = importlib.import_module("svduty_cli")


@pytest.fixture(scope="module")
def entries():
    return provisions.collect()


def rows(entries, rule):
    return [e for e in entries if e.rule == rule]


def test_a_provision_leads_to_its_function_and_module_in_one_hop(entries):
    (e,) = rows(entries, "s.16(4)(a)")
    assert e.provision == "s.16(4)(a)"
    assert e.href
    assert "section/16" in e.href
    functions = {f for _, f in e.functions}
    assert "may_disclose" in functions
    assert all(m.startswith("svduty.authorities") for m, _ in e.functions)
    assert "authorities/disclosure.toml" in e.cases


def test_every_rule_of_every_table_is_indexed_with_where_it_lives(entries):
    tables = list(provisions.rule_tables())
    packages = {package for package, _, _ in tables}
    assert {"definitions", "governance"} <= packages
    indexed = {(e.family, e.rule) for e in entries}
    for package, _, table in tables:
        for rule, value in table.items():
            if provisions._citation_of(value) is None:
                continue  # a check whose citation a bundle gives (PRACTICE_CHECKS)
            assert (provisions.FAMILY[package], rule) in indexed, rule
    for e in entries:
        assert e.functions, f"{e.rule}: no function or module found"
        for module, _ in e.functions:
            importlib.import_module(module)


def test_the_definitions_rules_point_at_their_table_and_cite_the_statute(entries):
    (e,) = rows(entries, "S13-3B")
    assert e.provision == "s.13(3)(b)"
    assert e.source_id == "pcsc-act-2022"
    assert e.functions[0][0].startswith("svduty.definitions.")
    assert e.cases  # tests/cases/definitions decide it


def test_funding_checks_and_governance_rules_are_found_in_their_functions(entries):
    funding = [e for e in entries if e.family == provisions.FAMILY["funding"]]
    assert any(e.rule == "year-total" for e in funding)
    assert all(m.startswith("svduty.funding") for e in funding for m, _ in e.functions)
    governance = [e for e in entries if e.family == provisions.FAMILY["governance"]]
    assert governance
    assert all(f for e in governance for _, f in e.functions)


def test_the_index_renders_cross_references_only_to_documented_functions(entries):
    documented = provisions.documented_functions(DOCS / "reference")
    text = provisions.render(entries, documented, {m for m, _ in documented})
    assert ":py:func:`~svduty.authorities.may_disclose`" in text
    assert "_modules/svduty/authorities/" in text
    plain = provisions.render(entries, {}, set())
    assert ":py:" not in plain.replace(":py:func:`~svduty", "")
    assert "_modules/" not in plain


def test_provisions_sort_in_the_acts_order():
    def entry(provision):
        return provisions.Entry("The authorities' rules", provision, "a", "A", provision, None)

    ordered = sorted(
        [entry("s.16(4)(a)"), entry("s.9(4)"), entry("s.11(6)")], key=provisions.sort_key
    )
    assert [e.provision for e in ordered] == ["s.9(4)", "s.11(6)", "s.16(4)(a)"]


def test_the_cli_reference_has_every_command_and_option():
    from svduty.cli import COMMANDS, build_parser

    parser = build_parser()
    text = cli_reference.render(parser)
    commands = cli_reference.commands(parser)
    assert set(commands) == set(COMMANDS)
    for name, sub in commands.items():
        assert f"svduty {name}\n" in text
        for action in sub._actions:
            if action.help is argparse.SUPPRESS:
                continue
            for option in action.option_strings or [action.dest]:
                assert f"``{option}``" in text, (name, option)


def test_cli_help_text_is_escaped_for_restructuredtext():
    parser = argparse.ArgumentParser(prog="x")
    parser.add_argument("--glob", default="*.csv", help="files like *.csv or `x`_ (%(default)s)")
    text = "\n".join(cli_reference.options_table(parser, "x"))
    assert r"files like \*.csv or \`x\`\_ (\*.csv)" in text
