"""Deprivation deciles of LSOAs: English IoD 2025 and IMD 2019, Welsh WIMD 2019.

Each index ranks the LSOAs of one nation and one census vintage, so a row is looked up in
the index of its own LSOA code: a 2021 English LSOA in the English Indices of Deprivation
2025, a 2011 English LSOA in the IMD 2019, a Welsh LSOA in the WIMD 2019 (2011 LSOAs).
Deciles run from 1 (most deprived 10%) to 10 (least deprived); deciles of different
indices are not comparable, so each index gets its own table.

Only the LSOA code and the overall decile are packaged (``svduty/data/deprivation/``);
see ``svduty/data/ATTRIBUTION.md``.
"""

from __future__ import annotations

import functools
import gzip
import io
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources import files
from typing import Any

import attrs
import pendulum
import pyarrow as pa
import pyarrow.csv as pacsv

from svduty import _compute as pc
from svduty.areas._tables import read_table
from svduty.sources import Citation, Source, SourceKind

__all__ = [
    "INDICES",
    "DeprivationIndex",
    "deciles",
    "deprivation_note",
    "deprivation_table",
    "english_index",
]

_OGL = "Open Government Licence v3.0"


@attrs.frozen(slots=True)
class DeprivationIndex:
    """One deprivation index as packaged: which LSOAs it ranks and where it comes from.

    Attributes:
        id: A short id (``iod2025``, ``imd2019``, ``wimd2019``).
        name: The index as a person cites it.
        lsoas: The LSOAs it ranks (nation and census vintage).
        nation: ``E`` or ``W`` (the first letter of the LSOA codes it ranks).
        vintage: The census vintage of its LSOAs (2011 or 2021).
        file: The packaged file under ``svduty/data/deprivation/``.
        citation: Where the index comes from.

    Example:
        >>> INDICES["iod2025"].vintage, INDICES["wimd2019"].nation
        (2021, 'W')
    """

    id: str
    name: str
    lsoas: str
    nation: str
    vintage: int
    file: str
    citation: Citation


def _source(sid: str, title: str, url: str, *, publisher: str, date: str, note: str) -> Source:
    return Source(
        sid,
        title,
        SourceKind.DATASET,
        url,
        publisher,
        pendulum.Date.fromisoformat(date),
        f"{note} ({_OGL}); IMD deciles by LSOA, as redistributed by the humaniverse/IMD "
        "R package (MIT).",
    )


INDICES: Mapping[str, DeprivationIndex] = {
    "iod2025": DeprivationIndex(
        "iod2025",
        "English Indices of Deprivation 2025",
        "2021 LSOAs in England",
        "E",
        2021,
        "iod2025-england-lsoa21-imd-decile.csv.gz",
        Citation(
            _source(
                "iod-2025",
                "English Indices of Deprivation 2025",
                "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025",
                publisher="Ministry of Housing, Communities and Local Government",
                date="2025-10-30",
                note="File 7: all ranks, deciles and scores for the indices of deprivation",
            ),
            "File 7, Index of Multiple Deprivation (IMD) decile",
        ),
    ),
    "imd2019": DeprivationIndex(
        "imd2019",
        "English Indices of Deprivation 2019",
        "2011 LSOAs in England",
        "E",
        2011,
        "imd2019-england-lsoa11-imd-decile.csv.gz",
        Citation(
            _source(
                "iod-2019",
                "English Indices of Deprivation 2019",
                "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
                publisher="Ministry of Housing, Communities and Local Government",
                date="2019-09-26",
                note="File 7: all ranks, deciles and scores for the indices of deprivation",
            ),
            "File 7, Index of Multiple Deprivation (IMD) decile",
        ),
    ),
    "wimd2019": DeprivationIndex(
        "wimd2019",
        "Welsh Index of Multiple Deprivation 2019",
        "2011 LSOAs in Wales",
        "W",
        2011,
        "wimd2019-wales-lsoa11-imd-decile.csv.gz",
        Citation(
            _source(
                "wimd-2019",
                "Welsh Index of Multiple Deprivation (WIMD) 2019",
                "https://www.gov.wales/welsh-index-multiple-deprivation-full-index-update-ranks-2019",
                publisher="Welsh Government",
                date="2019-11-27",
                note="WIMD 2019 ranks and deciles by LSOA",
            ),
            "WIMD 2019, overall decile",
        ),
    ),
}
"""The packaged deprivation indices, by id."""


@functools.cache
def deciles(index: str) -> Mapping[str, int]:
    """LSOA code -> IMD decile (1 = most deprived) in one packaged index.

    Raises:
        KeyError: if the index is not one of :data:`INDICES`.

    Example:
        >>> d = deciles("iod2025")
        >>> len(d), d["E01000001"]
        (33755, 8)
    """
    spec = INDICES[index]
    raw = files("svduty.data").joinpath("deprivation").joinpath(spec.file).read_bytes()
    table = pacsv.read_csv(
        io.BytesIO(gzip.decompress(raw)),
        convert_options=pacsv.ConvertOptions(
            column_types={"lsoa_code": pa.string(), "imd_decile": pa.int64()}
        ),
    )
    codes = table.column("lsoa_code").to_pylist()
    values = table.column("imd_decile").to_pylist()
    return {str(c): int(v) for c, v in zip(codes, values, strict=True) if v is not None}


def english_index(codes: Iterable[str]) -> tuple[str, str]:
    """Which English index fits a month's LSOA codes, and why.

    police.uk months use the 2011 LSOAs or the 2021 LSOAs; most codes are the same in
    both (the LSOA did not change), so the choice is read from the codes that exist in
    one vintage only. When none does, the newer index is used, and the reason says so.

    Returns:
        The index id (``iod2025`` or ``imd2019``) and a sentence saying why.

    Example:
        >>> english_index(["E01000001", "E01035000"])[0]
        'iod2025'
        >>> english_index(["E01000001"])[1]
        'every code is both a 2011 and a 2021 LSOA: the newer index (IoD 2025) is used'
    """
    new, old = deciles("iod2025"), deciles("imd2019")
    english = {c for c in codes if c.startswith("E")}
    only21 = sum(1 for c in english if c in new and c not in old)
    only11 = sum(1 for c in english if c in old and c not in new)
    if only11 and not only21:
        why = f"2011 LSOAs ({only11} of its codes are 2011 LSOAs that no longer exist)"
        return "imd2019", f"{why}, ranked by the IMD 2019"
    if only21 and not only11:
        why = f"2021 LSOAs ({only21} of its codes exist only since 2021)"
        return "iod2025", f"{why}, ranked by the IoD 2025"
    if only21 and only11:
        return (
            "iod2025",
            f"codes of both vintages ({only21} 2021-only, {only11} 2011-only): each 2011-only "
            "code is looked up in the IMD 2019, the rest in the IoD 2025",
        )
    return (
        "iod2025",
        "every code is both a 2011 and a 2021 LSOA: the newer index (IoD 2025) is used",
    )


@functools.cache
def _split_from() -> Mapping[str, str]:
    """A 2021 LSOA split from a 2011 one (ONS change code ``S``) -> that 2011 LSOA.

    A split LSOA lies wholly inside its 2011 LSOA, so an index of 2011 LSOAs (the WIMD
    2019) ranks it as that LSOA; a merged one (``M``) spans several and stays unranked.
    """
    t = read_table("lsoa11-lsoa21-lad22", ("lsoa11_code", "lsoa21_code", "change_code"))
    t = t.filter(pc.equal(t.column("change_code"), "S"))
    new, old = t.column("lsoa21_code").to_pylist(), t.column("lsoa11_code").to_pylist()
    return {str(a): str(b) for a, b in zip(new, old, strict=True)}


def ranked_as(code: str, index: str) -> str:
    """The code ``index`` ranks a row's LSOA by.

    A 2021 Welsh LSOA split from a 2011 one is that one in the WIMD 2019 (an index of 2011
    LSOAs); any other code is itself.

    Example:
        >>> ranked_as("W01001971", "wimd2019"), ranked_as("W01001971", "iod2025")
        ('W01000383', 'W01001971')
    """
    if index != "wimd2019" or code in deciles(index):
        return code
    return _split_from().get(code, code)


def index_of(code: str, english: str) -> str | None:
    """The index a code is looked up in, given the month's English index.

    Example:
        >>> index_of("W01000001", "iod2025"), index_of("E01000001", "imd2019")
        ('wimd2019', 'imd2019')
    """
    if code.startswith("W"):
        return "wimd2019"
    if not code.startswith("E"):
        return None
    if english == "iod2025" and code not in deciles("iod2025") and code in deciles("imd2019"):
        return "imd2019"
    return english


def shares(counts: Sequence[int]) -> list[float]:
    """Percentages to one decimal place that sum to exactly 100 (largest remainder).

    All zeros give all zeros.

    Example:
        >>> shares([1, 1, 1])
        [33.4, 33.3, 33.3]
    """
    total = sum(counts)
    if not total:
        return [0.0 for _ in counts]
    exact = [c * 1000 / total for c in counts]
    tenths = [int(x) for x in exact]
    order = sorted(range(len(counts)), key=lambda i: (tenths[i] - exact[i], i))
    for i in order[: 1000 - sum(tenths)]:
        tenths[i] += 1
    return [t / 10 for t in tenths]


def deprivation_table(
    rows: Iterable[Mapping[str, Any]], area_lsoas: Mapping[str, Sequence[str]]
) -> tuple[pa.Table, dict[str, int]]:
    """Rows per deprivation decile against the area's LSOAs per decile, index by index.

    Args:
        rows: One mapping per LSOA and index: ``index``, ``lsoa_code``, ``certain`` and
            ``possible`` (rows).
        area_lsoas: Index id -> the area's LSOA codes ranked by that index.

    Returns:
        The table (``index``, ``index_name``, ``decile``, ``lsoas``, ``lsoa_share``,
        ``certain``, ``possible``, ``possible_share``; shares in percent, summing to 100
        within an index; after an index's deciles, a row with no decile, LSOAs or shares
        for its rows whose LSOA it does not rank) and, per index, those possible rows.

    Example:
        >>> t, unranked = deprivation_table(
        ...     [{"index": "iod2025", "lsoa_code": "E01000001", "certain": 0, "possible": 3},
        ...      {"index": "iod2025", "lsoa_code": "E01999999", "certain": 1, "possible": 2}],
        ...     {"iod2025": ["E01000001", "E01000002"]})
        >>> [(r["decile"], r["lsoas"], r["possible_share"]) for r in t.to_pylist() if r["lsoas"]]
        [(8, 1, 100.0), (10, 1, 0.0)]
        >>> t.to_pylist()[-1]["decile"], t.to_pylist()[-1]["possible"], unranked
        (None, 2, {'iod2025': 2})
    """
    cells: dict[str, dict[int, list[int]]] = {}
    left: dict[str, list[int]] = {}  # per index, the certain and possible rows not ranked
    for row in rows:
        index = row["index"]
        decile = deciles(index).get(row["lsoa_code"])
        if decile is None:
            counts = left.setdefault(index, [0, 0])
            counts[0] += int(row["certain"])
            counts[1] += int(row["possible"])
            continue
        cell = cells.setdefault(index, {}).setdefault(decile, [0, 0, 0])
        cell[1] += int(row["certain"])
        cell[2] += int(row["possible"])
    for index, codes in area_lsoas.items():
        ranked = deciles(index)
        for code in codes:
            if code in ranked:
                cells.setdefault(index, {}).setdefault(ranked[code], [0, 0, 0])[0] += 1
    out: dict[str, list[Any]] = {
        k: []
        for k in (
            "index",
            "index_name",
            "decile",
            "lsoas",
            "lsoa_share",
            "certain",
            "possible",
            "possible_share",
        )
    }
    for index in (i for i in INDICES if i in cells):
        by = [cells[index].get(d, [0, 0, 0]) for d in range(1, 11)]
        lsoa_share = shares([c[0] for c in by])
        row_share = shares([c[2] for c in by])
        for d in range(10):
            out["index"].append(index)
            out["index_name"].append(INDICES[index].name)
            out["decile"].append(d + 1)
            out["lsoas"].append(by[d][0])
            out["lsoa_share"].append(lsoa_share[d])
            out["certain"].append(by[d][1])
            out["possible"].append(by[d][2])
            out["possible_share"].append(row_share[d])
    for index in (i for i in INDICES if i in left):  # a row of its own, out of the shares
        unranked = {"index": index, "index_name": INDICES[index].name, "certain": left[index][0]}
        unranked["possible"] = left[index][1]
        for key, column in out.items():
            column.append(unranked.get(key))
    types = {"index": pa.string(), "index_name": pa.string()}
    shares_ = {"lsoa_share", "possible_share"}
    table = pa.table(
        {
            k: pa.array(v, types.get(k, pa.float64() if k in shares_ else pa.int64()))
            for k, v in out.items()
        }
    )
    return table, {index: counts[1] for index, counts in left.items()}


def deprivation_note(note: str) -> bool:
    """Whether a note of a :class:`Report` belongs to its deprivation section.

    Example:
        >>> deprivation_note("LSOA codes of 2025-06: ..."), deprivation_note("Not read: a.csv.")
        (True, False)
    """
    return note.startswith("LSOA codes of ") or note.endswith("they are left out of its shares.")
