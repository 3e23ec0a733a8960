"""Generated personal data (names, dates of birth) and the check that none leaks.

Every value carries its *markers*: the parts that must never appear in a message, an
exception, standard error or a ``--rejected`` file (a surname; the digits of a date).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from hypothesis import strategies as st

FIRST = ("Jane", "John", "Priya", "Mohammed", "Aoife", "Tomasz", "Zainab", "Chidi")
LAST = ("Citizen", "Bloggs", "Okonkwo", "Kowalski", "Nakamura", "Haddad", "Fitzgerald")
MONTHS = ("January", "March", "June", "September", "December")


@attrs.frozen
class Personal:
    """A generated piece of personal data and the parts of it that must not leak."""

    text: str
    markers: tuple[str, ...]


@st.composite
def names(draw: st.DrawFn) -> Personal:
    first, last = draw(st.sampled_from(FIRST)), draw(st.sampled_from(LAST))
    form = draw(
        st.sampled_from(
            ["{f} {l}", "{l}, {f}", "Ms {f} {l}", "{f} {l} ({l})", "{l}", "MR {f} {L}", "{f}{l}"]
        )
    )
    text = form.format(f=first, l=last, L=last.upper())
    return Personal(text, (last, last.upper()) if "{L}" in form else (last,))


@st.composite
def dates_of_birth(draw: st.DrawFn) -> Personal:
    year = draw(st.integers(1930, 2012))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    iso = f"{year}-{month:02d}-{day:02d}"
    dmy = f"{day:02d}/{month:02d}/{year}"
    forms = {
        f"DOB {iso}": iso,
        dmy: dmy,
        f"{day:02d}.{month:02d}.{year}": f"{day:02d}.{month:02d}.{year}",
        f"born {day} {MONTHS[month % 5]} {year}": f"{day} {MONTHS[month % 5]} {year}",
        f"D.O.B. {day:02d}-{month:02d}-{year}": f"{day:02d}-{month:02d}-{year}",
        f"{dmy} (DOB)": dmy,
    }
    text = draw(st.sampled_from(sorted(forms)))
    return Personal(text, (forms[text],))


personal = st.one_of(names(), dates_of_birth())
"""A name or a date of birth, in one of the ways people write them."""


def leaks(texts: Iterable[str], values: Iterable[Personal]) -> list[str]:
    """The markers of ``values`` found in any of ``texts`` (empty: nothing leaked)."""
    joined = "\n".join(texts)
    return sorted({m for v in values for m in v.markers if m in joined})
