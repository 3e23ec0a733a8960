"""The report as a value: its tables, its page, and how it writes them (whole or not at all)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO

import attrs
import pyarrow as pa
import pyarrow.csv as pacsv

from svduty._checked import checked_methods
from svduty.io import Settlement, Summary
from svduty.io._write_paths import OutputFile, output_error, write_bytes, write_together

__all__ = ["TABLES", "Report"]

TABLES: tuple[str, ...] = (
    "summary",
    "by_month",
    "by_district",
    "by_district_month",
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


def _write_csv(table: pa.Table, path: Path | IO[bytes]) -> None:
    pacsv.write_csv(table, path)


def _folder(path: Path, option: str) -> list[Path]:
    """Make the folder ``path`` is in, if missing; return the folders made, outermost first."""
    made = [p for p in reversed(path.parents) if not p.exists()]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(path, exc, option) from None
    return made


@checked_methods
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
        self.write(output=target)
        return target

    def write_tables(self, folder: str | Path) -> tuple[Path, ...]:
        """Write every table as ``NAME.csv`` in a folder (all of them or none).

        Example:
            >>> import tempfile
            >>> from svduty import report
            >>> from svduty.io import sample_police_uk
            >>> paths = report(sample_police_uk()).write_tables(tempfile.mkdtemp())
            >>> [p.name for p in paths][:2]
            ['summary.csv', 'by_month.csv']
        """
        self.write(tables=folder)
        return tuple(Path(folder) / f"{name}.csv" for name in TABLES)

    def write(self, output: str | Path | None = None, tables: str | Path | None = None) -> None:
        """Write the page and the tables together: every file, or (on an error) none.

        Args:
            output: Where to write the page (its folder is created if missing).
            tables: The folder of the tables, ``NAME.csv`` each (created if missing).

        Example:
            >>> import tempfile, pathlib
            >>> from svduty import report
            >>> from svduty.io import sample_police_uk
            >>> d = pathlib.Path(tempfile.mkdtemp())
            >>> report(sample_police_uk()).write(d / "r.html", d / "tables")
            >>> sorted(p.name for p in d.iterdir()), len(list((d / "tables").iterdir()))
            (['r.html', 'tables'], 12)
        """
        named: list[tuple[Path, str, Callable[[Path | IO[bytes]], object]]] = []
        if output is not None:
            page = self.html.encode("utf-8")
            named.append((Path(output), "--output", lambda sink: write_bytes(sink, page)))
        if tables is not None:
            named.extend(
                (
                    Path(tables) / f"{name}.csv",
                    "--tables",
                    functools.partial(_write_csv, self.tables[name]),
                )
                for name in TABLES
            )
        made: list[Path] = []
        try:
            for path, option, _ in named:
                made += _folder(path, option)
            write_together([(OutputFile(path, option), write) for path, option, write in named])
        except BaseException:  # nothing written: the folders made for it go too
            for folder in reversed(made):
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only if empty
            raise
