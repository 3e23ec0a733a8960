"""What each command's ``--help`` ends with: its exit statuses, then its examples.

The statuses every command shares end each paragraph (``EXIT_TAIL``); ``svduty --help``
ends with them and the environment (``TOP_EPILOG``). The examples are what a user types,
and what it does.

Every example is parsed by the command line's own parser in the tests, so an option
renamed or removed cannot leave an example behind.

Example:
    >>> print(examples("validate"))
    examples:
      # check a bundle written with 'svduty init' and filled in
      svduty validate ./my-bundle
      # what is left to confirm: each doubt, its fields
      svduty validate ./my-bundle --list
"""

from __future__ import annotations

import argparse
import os
import sys

__all__ = ["EXAMPLES", "EXIT_TAIL", "TOP_EPILOG", "Help", "examples"]

EXIT_TAIL = (
    "2 the command line was wrong; 130 interrupted (Ctrl-C); 143 terminated (SIGTERM); 129 "
    "hung up (SIGHUP: the terminal closed); 141 standard output closed before the end (| head)."
)
"""The end of a command's ``exit status:`` paragraph: what every command shares."""

TOP_EPILOG = (
    "exit status: 0 success; 1 the input or the checks failed (a finding, a bad row with "
    "--strict, a file that cannot be read or written); " + EXIT_TAIL + "\n\n"
    "environment: SVDUTY_PARTNERSHIP the partnership when no --partnership is given (a "
    "packaged bundle's name or a bundle folder; unset: warwickshire; empty: refused, as "
    "--partnership ''); SVDUTY_CACHE_DIR where the partnerships loaded are kept (unset: "
    "$XDG_CACHE_HOME/svduty or ~/.cache/svduty; empty: no cache); SVDUTY_DEBUG set and not "
    "empty: the traceback of an unexpected error.\n\n"
    "Run 'svduty COMMAND --help' for a command's options."
)
"""The end of ``svduty --help``: the exit statuses, the environment it reads, what next."""

EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "classify": (
        ("a month's summary, every row accounted for", "svduty classify month.csv"),
        ("a folder of months, the summary as JSON", "svduty classify months/ --summary json"),
        (
            "every classified row to Parquet, the rejected rows aside",
            "svduty classify months/ -o rows.parquet --rejected rejected.csv",
        ),
        ("your own records, one incident a line", "svduty classify incidents.jsonl"),
        (
            "another partnership's bundle and definition",
            "svduty classify months/ --partnership ./my-bundle --definition london-vru",
        ),
    ),
    "explain": (
        ("each incident's answers, reasons and missing facts", "svduty explain incidents.jsonl"),
        (
            "one incident typed in",
            'echo \'{"offence_code": "8N", "victim_age": 30}\' | svduty explain -',
        ),
        (
            "a page to share, the answers beside another definition's",
            "svduty explain incidents.jsonl --format html --compare-definition pcsc-s13",
        ),
    ),
    "report": (
        (
            "a profile of the area for a needs assessment, and its tables as CSV",
            "svduty report months/ -o report.html --tables report-tables",
        ),
    ),
    "info": (
        ("Warwickshire's areas, authorities and sources", "svduty info"),
        ("another partnership's, as JSON", "svduty info --partnership ./my-bundle --format json"),
    ),
    "init": (
        ("a starting bundle for a county's partnership", "svduty init my-bundle --area E10000031"),
        ("or by name, for a Welsh principal area", "svduty init cardiff --area Cardiff"),
    ),
    "validate": (
        ("check a bundle written with 'svduty init' and filled in", "svduty validate ./my-bundle"),
        ("what is left to confirm: each doubt, its fields", "svduty validate ./my-bundle --list"),
    ),
    "governance": (
        ("check it against the Act and the partnership's rules", "svduty governance --validate"),
        (
            "a what-if: apply a scenario, see the diff and what it breaks",
            "svduty governance --scenario lgr-two-unitaries --validate",
        ),
        ("the graph for a diagram tool", "svduty governance --format mermaid"),
    ),
    "schema": (
        ("the JSON documents the commands write, their versions", "svduty schema"),
        ("the schema of the document 'svduty info --format json' writes", "svduty schema info"),
    ),
    "funding": (
        ("the grant by financial year and cost category", "svduty funding"),
        ("one year, split among recipients", "svduty funding --year 2024/25 --split split.toml"),
    ),
}
"""Each command's examples: (what it does, the command line)."""


def examples(command: str) -> str:
    """The ``examples:`` block of a command's help (empty for a command with none).

    Example:
        >>> examples("no-such-command")
        ''
    """
    lines = [f"  # {what}\n  {line}" for what, line in EXAMPLES.get(command, ())]
    return "examples:\n" + "\n".join(lines) if lines else ""


class Help(argparse.HelpFormatter):
    r"""argparse's help, but a paragraph with indented lines (examples) is kept as written.

    Example:
        >>> Help("p")._fill_text("a  b\n\nexamples:\n  svduty info", 80, "")
        'a b\n\nexamples:\n  svduty info'
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        # argparse makes a formatter for every option added (to check its metavar), and
        # its own imports shutil for the terminal's width: about 1.5 ms of every start-up
        width = _columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        fill, paragraphs = super()._fill_text, text.split("\n\n")
        kept = ("\n".join(indent + x for x in p.splitlines()) for p in paragraphs)
        return "\n\n".join(
            k if "\n  " in p else fill(p, width, indent)
            for p, k in zip(paragraphs, kept, strict=True)
        )


def _columns() -> int:
    """The terminal's width, as :func:`shutil.get_terminal_size` gives it (without shutil).

    ``COLUMNS`` when it is a positive whole number, else the width of the terminal that
    standard output is, else 80.

    Example:
        >>> import os
        >>> os.environ["COLUMNS"] = "100"
        >>> _columns()
        100
        >>> del os.environ["COLUMNS"]
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80
