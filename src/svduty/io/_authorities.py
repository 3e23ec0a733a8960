"""The ``authorities.toml`` section of a bundle: named authorities and recorded absences.

The file has two arrays of tables, ``[[authorities]]`` (the fields of
:class:`~svduty.authorities.Authority`) and ``[[absences]]`` (the fields of
:class:`~svduty.authorities.Absence`). Every record carries a citation.

Example:
    >>> data = {"authorities": [{
    ...     "id": "example-dc", "name": "Example District Council",
    ...     "category": "district_council", "areas": ["E07000901"],
    ...     "citation": {"source": "pcsc-act-2022", "provision": "Sch 1"}}]}
    >>> auths = load_authorities(data, file="authorities.toml")
    >>> auths.get("example-dc").role.value
    'specified_authority'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import cattrs

from svduty._checked import checked
from svduty.authorities import (
    Absence,
    Authorities,
    Authority,
    DistrictsWithin,
    JoinRule,
)
from svduty.authorities._authority import other_nation
from svduty.authorities._establishment import misplaced_fields
from svduty.authorities._same_body import link_problems
from svduty.errors import BundleError, ConflictError, Problem, shown
from svduty.io._converter import make_converter, structure, to_plain
from svduty.io._structural import not_a_path

__all__ = ["AuthoritiesDocument", "dump_authorities", "load_authorities"]


@attrs.frozen(slots=True)
class AuthoritiesDocument:
    """The contents of ``authorities.toml`` (the class the JSON Schema is made from).

    Attributes:
        authorities: The named authorities.
        absences: Categories recorded as having no authority for some areas.

    Example:
        >>> AuthoritiesDocument().authorities
        ()
    """

    authorities: tuple[Authority, ...] = ()
    absences: tuple[Absence, ...] = ()


@checked
def load_authorities(
    data: Mapping[str, Any],
    *,
    file: str | Path | None = None,
    converter: cattrs.Converter | None = None,
    districts_within: DistrictsWithin | None = None,
) -> Authorities:
    """Build :class:`~svduty.authorities.Authorities` from the plain data of the file.

    Besides the types, it checks that ids are unique, that ``same_body_as`` and
    ``established_by`` name authorities of the file, that ``same_body_as`` names a main
    record (one naming none: a chain is refused, as the rules read two records, not the
    chain; recheck52), and that each authority has the
    areas its category's join rule needs (one area for a council whose area is the local
    government area; at least one for the others, except other partners).

    Args:
        data: The parsed TOML.
        file: The file name, named in every problem.
        converter: The converter (with the bundle's sources); default: the national one.
        districts_within: The join callable of the partnership's geography. When given,
            every area code is checked with it (an unknown code is a problem naming the
            field) and the collection keeps it for area queries.

    Raises:
        BundleError: naming the file and the field path of every problem.

    Example:
        >>> load_authorities({"authorities": [{"id": "x", "name": "X",
        ...     "category": "district_council", "areas": [],
        ...     "citation": {"source": "pcsc-act-2022"}}]}, file="a.toml")
        Traceback (most recent call last):
        ...
        svduty.errors.BundleError: a.toml: authorities[0].areas: expected exactly one area code...
    """
    name = str(file) if file is not None else None
    not_a_path(data, name, BundleError)
    misplaced, data = _misplaced(data, name)
    try:
        parsed = structure(
            data, AuthoritiesDocument, file=name, converter=converter or make_converter()
        )
    except BundleError as exc:
        raise BundleError([*misplaced, *exc.problems]) from None
    problems: list[Problem] = list(misplaced)
    ids = [a.id for a in parsed.authorities]
    linked = link_problems(ids, [a.same_body_as for a in parsed.authorities], name)
    seen: set[str] = set()
    for i, a in enumerate(parsed.authorities):
        where = f"authorities[{i}]"
        if a.id in seen:
            problems.append(
                Problem(
                    file=name, field=f"{where}.id", message="two authorities share one id", got=a.id
                )
            )
        seen.add(a.id)
        if a.same_body_as is not None and a.same_body_as not in ids:
            problems.append(
                Problem(
                    file=name,
                    field=f"{where}.same_body_as",
                    expected="the id of another authority in the file",
                    got=a.same_body_as,
                )
            )
        elif i in linked:  # a loop or a chain: the rule every route checks (law53)
            problems.append(linked[i])
        for j, other in enumerate(a.established_by):
            if other not in ids:
                problems.append(
                    Problem(
                        file=name,
                        field=f"{where}.established_by[{j}]",
                        expected="the id of an authority in the file",
                        got=other,
                    )
                )
        problems.extend(
            Problem(
                file=name,
                field=f"{where}.holders[{k}].valid",
                message=f"overlaps holders[{j}].valid: one office has one holder at a time",
            )
            for k, h in enumerate(a.holders)
            for j, other in enumerate(a.holders[:k])
            if h.office == other.office and h.valid.overlaps(other.valid)
        )
        problems.extend(_nation_problems(a, name, where))
        rule = a.info.join
        if rule is JoinRule.THE_AREA and len(a.areas) != 1:
            problems.append(
                Problem(
                    file=name,
                    field=f"{where}.areas",
                    expected="exactly one area code (the council's local government area)",
                    got=shown(f"{len(a.areas)} codes", shape=r"\d+ codes"),
                )
            )
        elif rule not in {JoinRule.THE_AREA, JoinRule.NONE} and not a.areas:
            problems.append(
                Problem(
                    file=name,
                    field=f"{where}.areas",
                    expected=f"at least one area code (join rule {rule.value})",
                )
            )
    for i, x in enumerate(parsed.absences):
        if not x.areas:
            problems.append(
                Problem(file=name, field=f"absences[{i}].areas", expected="at least one area code")
            )
    if districts_within is not None:
        codes: list[tuple[str, tuple[str, ...]]] = [
            *((f"authorities[{i}]", a.areas) for i, a in enumerate(parsed.authorities)),
            *((f"absences[{i}]", x.areas) for i, x in enumerate(parsed.absences)),
        ]
        for where, areas in codes:
            for j, code in enumerate(areas):
                try:
                    list(districts_within(code))
                except LookupError:
                    problems.append(
                        Problem(
                            file=name,
                            field=f"{where}.areas[{j}]",
                            expected="an area code the geography knows",
                            got=code,
                        )
                    )
    if problems:
        raise BundleError(problems)
    try:
        auths = Authorities(parsed.authorities, parsed.absences)
    except ConflictError as exc:  # pragma: no cover - duplicate ids are reported above
        raise BundleError(exc.with_file(name or "").problems) from None
    return auths if districts_within is None else auths.with_districts_within(districts_within)


@checked
def dump_authorities(
    authorities: Authorities, converter: cattrs.Converter | None = None
) -> dict[str, Any]:
    """The plain data of the ``authorities.toml`` file (the inverse of :func:`load_authorities`).

    Example:
        >>> dump_authorities(Authorities())
        {'authorities': [], 'absences': []}
    """
    return {
        "authorities": [to_plain(a, converter) for a in authorities.items],
        "absences": [to_plain(x, converter) for x in authorities.absences],
    }


def _misplaced(data: Mapping[str, Any], file: str | None) -> tuple[list[Problem], Any]:
    """Fields recorded on an authority of a category the law does not give them; the rest.

    The check is the one an :class:`~svduty.authorities.Authority` makes when built
    (:func:`~svduty.authorities._establishment.misplaced_fields`); each field it names is
    a problem of the file and is left out of the data, so that the record is built and the
    file's other problems (ids, references, areas) are found in the same run. Data of any
    other shape is returned as it is, for the structuring to name.

    Example:
        >>> data = {"authorities": [{"category": "district_council", "establishment": "prison"}]}
        >>> found, rest = _misplaced(data, "a.toml")
        >>> [p.field for p in found], rest
        (['authorities[0].establishment'], {'authorities': [{'category': 'district_council'}]})
    """
    items = data.get("authorities") if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        return [], data
    problems: list[Problem] = []
    kept: list[Any] = []
    for i, item in enumerate(items):
        wrong = []
        if isinstance(item, Mapping):
            wrong = misplaced_fields(
                item.get("category"),
                provider_is_secretary_of_state=item.get("provider_is_secretary_of_state"),
                establishment=item.get("establishment"),
                established_by=item.get("established_by"),
            )
        problems.extend(
            Problem(file=file, field=f"authorities[{i}].{f}", expected=e) for f, e in wrong
        )
        left_out = {f for f, _ in wrong}
        kept.append({k: v for k, v in item.items() if k not in left_out} if wrong else item)
    return problems, ({**data, "authorities": kept} if problems else data)


def _nation_problems(a: Authority, file: str | None, where: str) -> list[Problem]:
    """An authority recorded in, or with areas of, a nation its category has none in.

    Example:
        >>> from svduty.authorities import AuthorityCategory
        >>> from svduty.sources import cite
        >>> icb = Authority("i", "I", AuthorityCategory.INTEGRATED_CARE_BOARD,
        ...                 ("E54000018", "W06000015"), cite("pcsc-act-2022", "Sch 1"))
        >>> [str(p) for p in _nation_problems(icb, "a.toml", "authorities[0]")]
        ['a.toml: authorities[0].areas[1]: expected an area code of England (an integrated care board is of England only: Sch 1)']
    """  # noqa: E501
    nations = a.info.nations
    named = " or ".join(sorted(n.value.title() for n in nations))
    why = f"{a.category.value.replace('_', ' ')} is of {named} only: Sch 1"
    article = "an" if why[0] in "aeiou" else "a"
    out = []
    if a.nation is not None and a.nation not in nations:
        out.append(
            Problem(file=file, field=f"{where}.nation", expected=f"{named} ({article} {why})")
        )
    out.extend(
        Problem(
            file=file,
            field=f"{where}.areas[{j}]",
            expected=f"an area code of {named} ({article} {why})",
        )
        for j, code in enumerate(a.areas)
        if other_nation(a, code) is not None  # the areas for_area leaves out
    )
    return out
