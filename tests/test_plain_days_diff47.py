"""Days read as before speed47a kept them plain (``svduty._plain_days``).

``svduty._plain_days`` defined ``_ISO_DAY`` twice (the shape of a day an error may show,
then the ASCII pattern of a cited day); the second replaced the first, so a day-shaped
text padded with spaces or a newline, or written in other digits, was no longer shown in
the error of :func:`svduty.periods.date`, :class:`~svduty.periods.Period` or a bundle's
period, though the forty-sixth session's reader showed it. And attrs named a positional pattern's
fields by their kept names (``_start``), so ``case Period(s, e)`` bound plain days.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from svduty.errors import DataError
from svduty.io._converter import structure
from svduty.periods import Period, date
from svduty.sources import CATALOGUE, Citation, Source, cite

PADDED = (" 2023-02-30 ", "2023-02-30\n", "\t2023-02-30")


@pytest.mark.parametrize("text", PADDED)
def test_a_padded_day_that_is_no_day_is_shown(text: str) -> None:
    for read in (date, Period, lambda t: structure({"start": t}, Period)):
        with pytest.raises(DataError) as caught:
            read(text)
        assert f"(got {text!r})" in str(caught.value)


def test_a_day_in_other_digits_is_shown_not_read() -> None:
    text = "\u0662\u0660\u0662\u0663-02-30"
    with pytest.raises(DataError) as caught:
        date(text)
    assert f"(got {text!r})" in str(caught.value)


@pytest.mark.parametrize("text", [" 2023-03-07 ", "\u0662\u0660\u0662\u0663-03-07"])
def test_a_cited_day_is_still_only_ascii_iso_text(text: str) -> None:
    """A citation's ``as_at`` takes ``YYYY-MM-DD`` in ASCII digits, unpadded, as before."""
    with pytest.raises(DataError):
        cite("pcsc-act-2022", "s.13", as_at=text)
    c = cite("pcsc-act-2022", "s.13", as_at="2023-03-07")
    assert isinstance(c, Citation)
    assert c.as_at == dt.date(2023, 3, 7)


@pytest.mark.parametrize("cls", [Period, Source, Citation])
def test_positional_patterns_name_the_fields_as_made(cls: type) -> None:
    """``__match_args__`` names each field by its ``__init__`` name, as before speed47a."""
    assert cls.__match_args__ == tuple(f.alias for f in attrs.fields(cls))


def test_a_positional_pattern_gives_the_days_as_read() -> None:
    """``case Period(s, e)`` binds ``Date``\\ s, as ``p.start`` gives, not the days kept."""
    match Period("2023-04-01", "2024-04-01"):
        case Period(first, after):
            assert type(first) is type(Period("2023-04-01").start)
            assert (first, after) == (dt.date(2023, 4, 1), dt.date(2024, 4, 1))
            assert type(first) is not dt.date
    match cite("pcsc-act-2022", "s.13", as_at="2024-01-01"):
        case Citation(_, _, _, as_at):
            assert type(as_at) is type(Period("2023-04-01").start)
    match CATALOGUE["da-act-2021"]:
        case Source(_, _, _, _, _, day):
            assert type(day) is type(Period("2023-04-01").start)
