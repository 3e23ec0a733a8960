"""What kind of input the first one is: police.uk street-level files or incidents.

Split from :mod:`svduty.io._inputs` (which lists the files an input names).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from svduty.errors import InputFormatError, Problem
from svduty.io._compressed import refuse_compressed
from svduty.io._inputs import (
    JSONL_SUFFIXES,
    NOT_A_PIPE,
    PARQUET_SUFFIXES,
    STDIN,
    first_line,
    is_police_uk_header,
)
from svduty.io._missing import not_found

__all__ = ["detect_format"]


def detect_format(inputs: Sequence[str | Path]) -> str:
    """``police-uk`` or ``incidents``, from the first input's suffix and header.

    Raises:
        InputFormatError: if the input is missing or of neither kind.

    Example:
        >>> from svduty.io import sample_police_uk
        >>> detect_format([sample_police_uk()]), detect_format(["-"])
        ('police-uk', 'incidents')
    """
    if str(inputs[0]) == STDIN:
        return "incidents"
    first = Path(inputs[0])
    if not first.exists():
        raise not_found(first)
    if first.is_dir():
        return "police-uk"
    refuse_compressed(first)  # before its header is read as text
    suffix = first.suffix.lower()
    if suffix in (*JSONL_SUFFIXES, *PARQUET_SUFFIXES):
        return "incidents"
    if not first.is_file():  # a pipe (<(cat f), /dev/stdin) or a device
        raise InputFormatError(Problem(file=str(first), expected=NOT_A_PIPE))
    if is_police_uk_header(first_line(first)):
        return "police-uk"
    if suffix == ".csv":
        return "incidents"
    raise InputFormatError(
        Problem(
            file=str(first),
            field="--input-format",
            expected="a police.uk street-level CSV (header 'Crime ID,Month,...'), a folder of "
            "them, or incidents as .jsonl (or .csv/.parquet with --map); or give --input-format",
        )
    )
