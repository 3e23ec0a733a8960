"""The command-line reference, generated from the argparse parsers at build time.

``.. svduty-cli-reference::`` renders ``svduty --help`` and, for every command that
:func:`svduty.cli.build_parser` registers, its usage, description and a table of its
arguments and options (flags, value, default, help). A command or option added to the
parsers appears here at the next build; nothing is kept by hand.
"""

from __future__ import annotations

import argparse
import re
from typing import Any


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_|:<>\[\]])", r"\\\1", " ".join(text.split()))


def commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The sub-commands of a parser, in the order ``--help`` lists them."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _value(action: argparse.Action) -> str:
    if action.nargs == 0:
        return ""
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        return " | ".join(f"``{c}``" for c in action.choices)
    metavar = action.metavar or (action.dest.upper() if action.option_strings else action.dest)
    if isinstance(metavar, tuple):
        metavar = " ".join(metavar)
    more = {"*": " ...", "+": " ...", "?": " (optional)"}.get(str(action.nargs), "")
    return f"``{metavar}``{more}"


def _default(action: argparse.Action) -> str:
    d = action.default
    if action.nargs == 0 or d is None or d is argparse.SUPPRESS or d == [] or d is False:
        return ""
    return f"``{d}``"


def options_table(parser: argparse.ArgumentParser, title: str) -> list[str]:
    """A list-table of a parser's arguments and options."""
    formatter = parser._get_formatter()
    rows = []
    for action in parser._actions:
        if action.help is argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        names = ", ".join(f"``{o}``" for o in action.option_strings) or f"``{action.dest}``"
        help_text = formatter._expand_help(action) if action.help else ""
        if action.required and action.option_strings:
            help_text = f"(required) {help_text}"
        rows.append((names, _value(action), _default(action), _escape(help_text) or "—"))
    out = [
        f".. list-table:: {title}",
        "   :header-rows: 1",
        "   :widths: 22 22 14 42",
        "",
        "   * - Argument or option",
        "     - Value",
        "     - Default",
        "     - What it does",
    ]
    for names, value, default, help_text in rows:
        out += [
            f"   * - {names}",
            f"     - {value or '—'}",
            f"     - {default or '—'}",
            f"     - {help_text}",
        ]
    return [*out, ""]


def _literal(text: str) -> list[str]:
    return ["::", "", *("   " + line for line in text.rstrip().splitlines()), ""]


def render(parser: argparse.ArgumentParser) -> str:
    """The reference as reStructuredText."""
    out: list[str] = []
    out += _literal(parser.format_usage())
    if parser.description:
        out += [_escape(parser.description), ""]
    out += options_table(parser, "svduty")
    for name, sub in commands(parser).items():
        title = f"svduty {name}"
        out += [f".. _cli-{name}:", "", title, "-" * len(title), ""]
        if sub.description:
            out += [_escape(sub.description), ""]
        out += _literal(sub.format_usage())
        out += options_table(sub, title)
        if sub.epilog:
            out += _literal(sub.epilog)
    return "\n".join(out)


def setup(app: Any) -> dict[str, Any]:
    """Register ``.. svduty-cli-reference::``."""
    from sphinx.util.docutils import SphinxDirective

    class CliReference(SphinxDirective):
        has_content = False

        def run(self) -> list[Any]:
            import importlib

            import svduty.cli

            for name in svduty.cli.COMMANDS:
                module = importlib.import_module(f"svduty._commands.{name}")
                if module.__file__:
                    self.env.note_dependency(module.__file__)
            text = render(svduty.cli.build_parser())
            return self.parse_text_to_nodes(text, allow_section_headings=True)

    app.add_directive("svduty-cli-reference", CliReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
