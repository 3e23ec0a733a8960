"""The report as a value: its tables, its page, and how it writes them (whole or not at all)."""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

import attrs
import pyarrow as pa
import pyarrow.csv as pacsv

from svduty.io import Settlement, Summary

__all__ = ["TABLES", "Report"]

TABLES: tuple[str, ...] = (
    "summary",
    "by_month",
    "by_district",
    "by_csp",
    "by_police_area",
    "by_category",
    "by_lsoa",
    "hotspots_certain",
    "hotspots_possible",
    "deprivation",
    "settle",
)
"""The report's tables, by name (also the CSV file names ``--tables`` writes)."""


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, renamed into place on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_csv(table: pa.Table, path: Path) -> None:
    pacsv.write_csv(table, path)


@attrs.frozen(slots=True)
class Report:
    """A profile of a partnership's area: its tables and the HTML page made from them.

    Attributes:
        title: The page's title.
        tables: Table name (:data:`~svduty._report.TABLES`) -> Arrow table.
        html: The page: one self-contained HTML document (inline CSS and SVG).
        summary: What the batch job did with every row.
        months: The police.uk months read, in order.
        inputs: The files read.
        notes: Sentences the page states about the data (LSOA vintages, rows no
            deprivation index ranks, why nothing is certain).
        settlements: What would settle the undetermined rows.

    Example:
        >>> from svduty import report
        >>> from svduty.io import sample_police_uk
        >>> r = report(sample_police_uk())
        >>> r.tables["summary"].column("within_area").to_pylist()
        ['inside', 'outside', 'no_location']
        >>> r.html.startswith("<!DOCTYPE html>")
        True
    """

    title: str
    tables: Mapping[str, pa.Table]
    html: str
    summary: Summary
    months: tuple[str, ...]
    inputs: tuple[str, ...]
    notes: tuple[str, ...] = ()
    settlements: tuple[Settlement, ...] = ()

    def write_html(self, path: str | Path) -> Path:
        """Write the page (whole or not at all: a temporary file renamed on success).

        Example:
            >>> import tempfile, pathlib
            >>> from svduty import report
            >>> from svduty.io import sample_police_uk
            >>> out = pathlib.Path(tempfile.mkdtemp()) / "report.html"
            >>> report(sample_police_uk()).write_html(out).stat().st_size > 10_000
            True
        """
        target = Path(path)
        html = self.html

        def write(tmp: Path) -> None:
            tmp.write_text(html, encoding="utf-8")

        _atomic_write(target, write)
        return target

    def write_tables(self, folder: str | Path) -> tuple[Path, ...]:
        """Write every table as ``NAME.csv`` in a folder (each written atomically).

        Example:
            >>> import tempfile
            >>> from svduty import report
            >>> from svduty.io import sample_police_uk
            >>> paths = report(sample_police_uk()).write_tables(tempfile.mkdtemp())
            >>> [p.name for p in paths][:2]
            ['summary.csv', 'by_month.csv']
        """
        out = []
        for name in TABLES:
            target = Path(folder) / f"{name}.csv"
            _atomic_write(target, functools.partial(_write_csv, self.tables[name]))
            out.append(target)
        return tuple(out)
