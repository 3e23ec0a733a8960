"""The notebooks' executed outputs are cached per state of the package (users48).

``make docs`` in a clone where the docs had been built before showed the analyst
notebook's old output after a change to ``classify``'s text: ``nb_execution_mode =
"cache"`` keyed the cache on the notebook's cells alone, and Sphinx did not read the
unchanged notebook again. The cache folder is now named by a digest of the package's files
(code and data), so a change to either runs the notebooks again (and, the configuration
having changed, Sphinx reads every page again); a fresh clone builds as before.
"""

from __future__ import annotations

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _conf() -> dict[str, object]:
    return runpy.run_path(str(ROOT / "docs" / "conf.py"))


def test_the_cache_is_named_by_the_package_s_files() -> None:
    conf = _conf()
    digest = conf["_source_digest"](ROOT / "src" / "svduty")  # type: ignore[operator]
    assert Path(str(conf["nb_execution_cache_path"])).name == digest


def test_the_digest_changes_with_a_file_s_bytes_or_name(tmp_path: Path) -> None:
    digest = _conf()["_source_digest"]
    (tmp_path / "a.py").write_text("x = 1\n")
    before = digest(tmp_path)  # type: ignore[operator]
    assert digest(tmp_path) == before  # type: ignore[operator]
    (tmp_path / "a.py").write_text("x = 2\n")
    changed = digest(tmp_path)  # type: ignore[operator]
    assert changed != before
    (tmp_path / "a.py").rename(tmp_path / "b.py")
    renamed = digest(tmp_path)  # type: ignore[operator]
    assert renamed not in (before, changed)
    (tmp_path / "__pycache__").mkdir()  # compiled files are not the package's state
    (tmp_path / "__pycache__" / "b.pyc").write_bytes(b"\0")
    assert digest(tmp_path) == renamed  # type: ignore[operator]
