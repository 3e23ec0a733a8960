"""A piece read whole is still given to Arrow in a block it can take (diff46).

Arrow's ``ReadOptions.block_size`` is a 32-bit integer: a block of 2 GiB or more is an
``OverflowError``, not a parse. Before ``speed46c`` the reader asked for at most 1 GiB
(``min(len(data) + 1, 1 << 30)``); ``speed46c``'s fall-back for a record longer than a
block asked for the whole piece, however long. A piece that long (one record of gigabytes)
is not expected from police.uk; the cap keeps what the reader did before for it.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest

from svduty.io import _police_uk_csv as parse


class _Huge:
    """Stands for a piece of 3 GiB: only its length is read before the parse."""

    def __len__(self) -> int:
        return 3 << 30


def test_a_piece_longer_than_arrow_takes_is_never_asked_in_one_block(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[int] = []

    def parsed(data: Any, types: Any, bad: Any, *, block: int, **_: Any) -> pa.Table:
        asked.append(block)
        raise pa.ArrowInvalid("straddling object straddles two block boundaries")

    monkeypatch.setattr(parse, "_parsed", parsed)
    with pytest.raises(pa.ArrowInvalid):
        parse.read_csv(_Huge(), {}, blank_rows=False, quotes=False)
    assert asked == [parse.PARSE_BLOCK, 1 << 30]  # a block, then the most the reader asks
    assert max(asked) < 1 << 31  # what Arrow's 32-bit block_size can hold
