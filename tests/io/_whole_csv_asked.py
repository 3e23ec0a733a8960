"""What the whole-file incident CSV reader asks of pyarrow: one helper for its tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest.mock import patch

import pyarrow as pa
import pyarrow.csv as pacsv

from svduty.io._incident_csv_whole import _whole_csv


def whole_csv_asked(f: Path, names: list[str]) -> tuple[Any, list[dict[str, Any]]]:
    """``_whole_csv(f, names)`` and the keyword arguments of each ``pyarrow.csv.read_csv`` call.

    Example:
        >>> import tempfile
        >>> f = Path(tempfile.mkdtemp()) / "i.csv"
        >>> _ = f.write_text("x,y\\na,1\\n")
        >>> whole, asked = whole_csv_asked(f, ["x", "y"])
        >>> whole[0].column(0).to_pylist(), len(asked)
        (['a'], 1)
    """
    asked: list[dict[str, Any]] = []
    real = pacsv.read_csv

    def read_csv(source: Any, **kwargs: Any) -> pa.Table:
        asked.append(kwargs)
        return real(source, **kwargs)

    with patch.object(pacsv, "read_csv", read_csv):
        whole = _whole_csv(f, names)
    return whole, asked
