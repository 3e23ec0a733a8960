"""The bundle reader's cached converter (``_bundle_read._converter``) leaks nothing (hostile60).

ci59a made one converter a catalogue, cached by the equal ``Sources``. Two bundles that
differ in one declared source are read in turn and side by side on threads: the one that
cites the source it does not declare is told so every time, the other never, whatever
was read before it.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from svduty.io._bundle_read import _converter, load_some

PACKAGED = Path(__file__).resolve().parents[2] / "src" / "svduty" / "data" / "warwickshire"
DROPPED = "warwickshire-partnership-agreement"


def _bundle(root: Path, name: str, *, declares: bool) -> Path:
    folder = root / name
    shutil.copytree(PACKAGED, folder)
    manifest = folder / "bundle.toml"
    text = manifest.read_text(encoding="utf-8").replace('name = "warwickshire"', f'name = "{name}"')
    if not declares:  # its [[sources]] table of the agreement left out; its citations kept
        head, *tables = text.split("[[sources]]")
        text = "[[sources]]".join([head, *(t for t in tables if f'id = "{DROPPED}"' not in t)])
    manifest.write_text(text, encoding="utf-8")
    definition = folder / "definition.toml"
    definition.write_text(
        definition.read_text(encoding="utf-8").replace('id = "warwickshire"', f'id = "{name}"'),
        encoding="utf-8",
    )
    return folder


def _unknown(folder: Path) -> int:
    return sum(DROPPED in p.message for p in load_some(folder).problems)


def test_two_bundles_read_in_turn_and_on_threads_keep_their_own_sources(tmp_path: Path) -> None:
    good = _bundle(tmp_path, "declares", declares=True)
    bad = _bundle(tmp_path, "omits", declares=False)
    _converter.cache_clear()
    alone = {good: _unknown(good), bad: _unknown(bad)}
    assert alone[good] == 0  # the bundles differ as meant
    assert alone[bad] > 0
    assert [_unknown(bad), _unknown(good), _unknown(bad)] == [alone[bad], 0, alone[bad]]
    seen: list[tuple[Path, int]] = []

    def read(order: tuple[Path, ...]) -> None:
        for folder in order:
            seen.append((folder, _unknown(folder)))

    threads = [threading.Thread(target=read, args=(o,)) for o in ((good, bad), (bad, good))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 4
    assert all(count == alone[folder] for folder, count in seen)
