"""``classify``'s ``--input-format`` (also ``--format``), which names its inputs' format.

Every other command's ``--format`` is its output's, so ``svduty classify month.csv --format
json`` is a natural slip: it is refused (exit status 2) saying which option does what was
meant, not only that ``json`` is not among the inputs' formats.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["INPUT_FORMATS", "add_input_format", "input_format"]

INPUT_FORMATS = ("auto", "police-uk", "incidents")
"""The formats ``classify`` reads (``auto``: from each input's suffix and header)."""

_OUTPUT_OPTIONS = {
    "text": ("the summary as text", "--summary text"),
    "json": ("the summary as JSON", "--summary json"),
    "csv": ("the rows written (-o) as CSV", "--output-format csv"),
    "parquet": ("the rows written (-o) as Parquet", "--output-format parquet"),
    "jsonl": ("the rows written (-o) as JSON Lines", "--output-format jsonl"),
}
"""An output format given as the inputs': what it would be of, and the option that sets it."""
_SUMMARIES = frozenset({"text", "json"})
"""The summary's formats: outputs only (CSV, Parquet and JSON Lines are inputs' files too,
whose type classify reads from their suffix, diff43)."""
_SUFFIX = (
    " (the inputs' type of file is read from their suffix; incidents in CSV or Parquet need --map)"
)


def input_format(text: str) -> str:
    """The value of ``--input-format``; an output format is refused, naming its option.

    Raises:
        argparse.ArgumentTypeError: for an output format (argparse says it as a usage
            error, exit status 2); any other value is left to the choices.

    Example:
        >>> input_format("police-uk")
        'police-uk'
        >>> try:
        ...     input_format("json")
        ... except argparse.ArgumentTypeError as exc:
        ...     print(str(exc).split("; ")[-1])
        for the summary as JSON give --summary json
    """
    if text not in _OUTPUT_OPTIONS:
        return text
    what, wanted = _OUTPUT_OPTIONS[text]
    said = "an output format" if text in _SUMMARIES else "a type of file"
    read = "" if text in _SUMMARIES else _SUFFIX
    raise argparse.ArgumentTypeError(
        f"{text!r} is {said}: classify's --format is the inputs' format "
        f"({', '.join(INPUT_FORMATS)}), as --input-format{read}; for {what} give {wanted}"
    )


def add_input_format(parser: Any) -> None:
    """Add ``--input-format`` (also ``--format``) to ``classify``'s parser.

    Example:
        >>> p = argparse.ArgumentParser()
        >>> add_input_format(p)
        >>> p.parse_args(["--format", "incidents"]).format
        'incidents'
    """
    parser.add_argument(
        "--input-format",
        "--format",
        dest="format",
        type=input_format,
        choices=INPUT_FORMATS,
        default="auto",
        help="the inputs' format (default: auto, from the suffix and the header); --format "
        "is the same option (the other commands' --format is their output's)",
    )
