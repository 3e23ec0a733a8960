"""Check that a change leaves ``svduty classify``'s output unchanged, column by column.

    python benchmarks/same_output.py save DIR     # before the change: write the outputs
    python benchmarks/same_output.py check DIR    # after it: compare with what DIR holds

The inputs are the packaged sample month and the 100,000-row synthetic file
(``make_data.py``); each is classified with ``svduty classify --output X.parquet`` and the
summary JSON is kept too. A tool for performance work, not a test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent


def inputs() -> dict[str, Path]:
    sys.path.insert(0, str(HERE))
    from make_data import make

    from svduty.io import sample_police_uk

    return {"sample": sample_police_uk(), "synthetic100k": make(100_000)}


def run(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    svduty = Path(sys.executable).with_name("svduty")
    for name, path in inputs().items():
        out = directory / f"{name}.parquet"
        done = subprocess.run(
            [str(svduty), "classify", str(path), "--output", str(out), "--summary", "json"],
            check=True,
            capture_output=True,
            text=True,
        )
        (directory / f"{name}.json").write_text(done.stdout, encoding="utf-8")


def check(directory: Path) -> int:
    fresh = directory / "_fresh"
    run(fresh)
    bad = 0
    for name in inputs():
        old, new = (
            pq.read_table(directory / f"{name}.parquet"),
            pq.read_table(fresh / f"{name}.parquet"),
        )
        if old.schema != new.schema:
            print(f"{name}: schema differs:\n{old.schema}\n---\n{new.schema}")
            bad += 1
            continue
        for col in old.column_names:
            same = old.column(col).equals(new.column(col))
            bad += not same
            print(f"{name}.{col}: {'same' if same else 'DIFFERENT'}")
        a = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        b = json.loads((fresh / f"{name}.json").read_text(encoding="utf-8"))
        bad += a != b
        print(f"{name} summary: {'same' if a == b else 'DIFFERENT'}")
    print("ALL SAME" if not bad else f"{bad} DIFFERENCE(S)")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("save", "check"):
        print(__doc__)
        return 2
    if argv[0] == "save":
        run(Path(argv[1]))
        return 0
    return check(Path(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
