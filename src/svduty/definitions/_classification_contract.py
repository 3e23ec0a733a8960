"""What a classification's JSON may hold of kinds and reasons: the rules svduty has.

:meth:`~svduty.definitions.Classification.from_json` reads the keys and words of the
contract; this module checks what only the rules decide: a kind is one the definition
can name, a reason is a rule the engine reports (once, in the engine's order) with the
words and citation the rule has, and the whole reads back as it was written.

Example:
    >>> from svduty.definitions import STATUTE
    >>> [p.field for p in kind_problems(["made_up"], STATUTE)]
    ['kinds[0]']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from svduty._answer_contract import plain
from svduty.answers import Reason
from svduty.definitions._definition import DEFINITIONS, Definition
from svduty.definitions._kinds import KINDS
from svduty.definitions._owhr import RULES, pilot_rules
from svduty.definitions._pilot import OWHR_PILOT_AS_ANNOUNCED, OWHR_PILOT_AS_MADE
from svduty.errors import Problem

__all__ = [
    "FAMILIES",
    "decided_problems",
    "definition_of",
    "kind_problems",
    "reason_problems",
    "written_back_problems",
]

FAMILIES: dict[str, tuple[str, ...]] = {
    "violence": ("S13",),
    "domestic_abuse": ("DA-",),
    # s.24(6)(b) turns on an offensive weapon, defined by s.24(8) (OWHR-S24-8-NOT-INTENDED)
    "qualifying_homicide": ("OWHR-S24-6", "OWHR-S24-8"),
    "homicide_review": ("OWHR-", "DVCVA-"),
}
"""The rule ids (by prefix) of each answer's own provisions; ``in_scope``'s are the
definition's (``DEF-<its id>``). Every answer svduty decides carries a reason of its own
family (a property test, ``tests/definitions/test_reasons_given_reasons43.py``)."""

_DEF_ENDS = ("", "-NONE", "-EXCLUDED", "-AGE", "-AGE-BELOW", "-TERRORISM")
"""The ends of the ids of a definition's rules (``DEF-<id>``, then why it is not in scope)."""


@functools.cache
def _pilot_ids() -> frozenset[str]:
    """The rules whose words and citation depend on the pilot configuration."""
    return frozenset(
        r.id for p in (OWHR_PILOT_AS_MADE, OWHR_PILOT_AS_ANNOUNCED) for r in pilot_rules(p)
    )


def definition_of(named: Any, given: Definition | None) -> tuple[Definition | None, list[Problem]]:
    """The definition a classification names, if svduty knows it, and what is wrong.

    Args:
        named: The classification's ``definition`` (its id).
        given: The definition the caller passed (``from_json(definition=...)``).

    Example:
        >>> definition_of("pcsc-s13", None)[0].id
        'pcsc-s13'
        >>> definition_of("own", None)
        (None, [])
    """
    if given is not None:
        if named != given.id:
            expected = "the id of the definition given (definition=)"
            return None, [Problem(field="definition", expected=expected)]
        return given, []
    if not isinstance(named, str) or not named.strip():
        return None, [Problem(field="definition", expected="a definition's id")]
    return DEFINITIONS.get(named), []


def kind_problems(kinds: Sequence[Any], definition: Definition | None) -> list[Problem]:
    """The kinds the engine could not have found, or not in its order.

    Without the definition only the national kinds are known: a partnership's own kind
    needs it (``from_json(definition=...)``).

    Example:
        >>> from svduty.definitions import STATUTE
        >>> kind_problems(["domestic_abuse", "s13_violence"], STATUTE)[0].expected
        'the kinds in the order the definition names them (national first), each once'
    """
    known = list(KINDS) if definition is None else list(definition.kind_exprs())
    expected = (
        "a national kind, or one of the definition's own (pass definition= for a "
        "partnership's definition)"
        if definition is None
        else "a kind the definition names"
    )
    problems = [
        Problem(field=f"kinds[{i}]", expected=expected)
        for i, k in enumerate(kinds)
        if k not in known
    ]
    if not problems and [known.index(k) for k in kinds] != sorted(known.index(k) for k in kinds):
        expected = "the kinds in the order the definition names them (national first), each once"
        problems.append(Problem(field="kinds", expected=expected))
    return problems


def _order(rule: str, definition_id: str) -> int | None:
    """Where the engine reports ``rule`` (national rules first), or None if it never does."""
    if rule in RULES:
        return list(RULES).index(rule)
    for j, end in enumerate(_DEF_ENDS):
        if rule == f"DEF-{definition_id}{end}":
            return len(RULES) + j
    return None


def reason_problems(
    reasons: Sequence[Reason], definition_id: str, definition: Definition | None
) -> list[Problem]:
    """The reasons no classification gives: no such rule, twice, out of order, other words.

    A national rule's reason has the rule's words and citation (the pilot's rules, whose
    words depend on the pilot configuration, are checked by id); a definition's rule is
    ``DEF-<its id>`` or one of its reasons for being out of scope, with its words and
    citation when the definition is known.

    Example:
        >>> from svduty.answers import Reason
        >>> from svduty.sources import cite
        >>> made_up = Reason("S13-3A-i", "Jane", cite("pcsc-act-2022", "s.13(3)(a)(i)"))
        >>> [p.field for p in reason_problems([made_up], "pcsc-s13", None)]
        ['reasons[0].says']
    """
    own = {}
    if definition is not None:
        own = {r.id: r for r in (definition.rule(), *definition.rules())}
    problems = []
    places = []
    for i, reason in enumerate(reasons):
        place = _order(reason.rule, definition_id)
        if place is None:
            expected = "the id of a rule svduty reports (see the provision index)"
            problems.append(Problem(field=f"reasons[{i}].rule", expected=expected))
            continue
        places.append(place)
        rule = RULES.get(reason.rule) if reason.rule not in _pilot_ids() else None
        rule = own.get(reason.rule, rule)
        if rule is None:
            continue
        if reason.says != rule.says:
            problems.append(Problem(field=f"reasons[{i}].says", expected="the words of the rule"))
        elif reason.citation != rule.citation:
            expected = "the citation of the rule (its source, provision, date and confidence)"
            problems.append(Problem(field=f"reasons[{i}].citation", expected=expected))
    if places != sorted(set(places)):
        expected = "each rule once, in the order svduty reports them"
        problems.append(Problem(field="reasons", expected=expected))
    return problems


def decided_problems(
    verdicts: Mapping[str, str], rules: Sequence[str], definition_id: str
) -> list[Problem]:
    """The decided answers without a reason of their own rules: svduty never writes one.

    An ``undetermined`` answer may have none (its missing facts explain it); a ``yes``,
    ``no``, ``required`` or ``not_required`` was decided by a rule of its provisions.

    Args:
        verdicts: Each answer's value (``"yes"``, ``"undetermined"``...).
        rules: The ids of the classification's reasons.
        definition_id: The definition's id (``in_scope``'s rules are ``DEF-<id>``).

    Example:
        >>> [p.expected for p in decided_problems({"violence": "yes"}, [], "pcsc-s13")]
        ['a reason of its rules (S13...) for violence, which is decided (only an undetermined answer has none)']
        >>> decided_problems({"violence": "undetermined"}, [], "pcsc-s13")
        []
    """  # noqa: E501
    own = {"violence": FAMILIES["violence"], "in_scope": (f"DEF-{definition_id}",), **FAMILIES}
    problems = []
    for answer, prefixes in own.items():
        if verdicts.get(answer, "undetermined") == "undetermined":
            continue
        if not any(rule.startswith(prefixes) for rule in rules):
            named = " or ".join(f"{p.rstrip('-')}..." for p in prefixes)
            expected = (
                f"a reason of its rules ({named}) for {answer}, which is decided "
                "(only an undetermined answer has none)"
            )
            problems.append(Problem(field="reasons", expected=expected))
    return problems


def _citation_problem(where: str, key: object, known: bool) -> Problem:
    from svduty.definitions._unknown_keys import key_shown

    if not known:
        return Problem(field=f"{where}.{key_shown(key)}", expected="a key of a citation")
    if key == "document":
        return Problem(field=f"{where}.document", expected="the title of the cited source")
    return Problem(field=f"{where}.{key}", expected="what the contract writes")


def written_back_problems(written: Mapping[str, Any], data: Mapping[str, Any]) -> list[Problem]:
    """Where what was read would be written back otherwise (to_json -> from_json is exact).

    Example:
        >>> written_back_problems({"id": "a"}, {"id": "a"})
        []
        >>> written_back_problems({"reasons": [{"says": "x"}]}, {"reasons": [{"says": "y"}]})[0].field
        'reasons[0].says'
    """  # noqa: E501
    problems: list[Problem] = []
    for key, out in written.items():
        given = plain(data.get(key))
        if out == given:
            continue
        if key == "reasons" and isinstance(given, list) and len(given) == len(out):
            for i, (o, g) in enumerate(zip(out, given, strict=True)):
                for k in o:
                    if isinstance(o[k], dict) and isinstance(g.get(k), dict):
                        problems.extend(
                            _citation_problem(f"reasons[{i}].{k}", kk, kk in o[k])
                            for kk in sorted(o[k].keys() | g[k].keys(), key=str)
                            if o[k].get(kk, ...) != g[k].get(kk, ...)
                        )
                    elif o[k] != g.get(k):
                        expected = "what the contract writes"
                        problems.append(Problem(field=f"reasons[{i}].{k}", expected=expected))
        else:
            problems.append(Problem(field=key, expected="what the contract writes"))
    return problems
