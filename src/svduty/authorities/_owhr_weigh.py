"""Three-valued conditions, weighed: what the homicide review rules share (ss.24-29).

A :class:`_Condition` reads one fact of a record (:class:`ReviewFacts`, or the facts of
an information request); :func:`_weigh` weighs a list of them, all of which must hold;
:func:`_weigh_routes` a list of routes of which one must. A condition with ``parts`` is
weighed by its parts while its own fact is not given (s.24(1)(c) by the conditions
SI 2022/1261 reg 4(2) specifies).

Example:
    >>> from svduty.sources import cite
    >>> c = _Condition("x", cite("pcsc-act-2022", "s.24(1)(a)"), False, "x?", "x", "not x")
    >>> _weigh(type("F", (), {"x": None})(), [c])[1]
    ['x (s.24(1)(a))']
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from svduty.answers import Reason
from svduty.sources import Citation

__all__: list[str] = []


@attrs.frozen(slots=True)
class _Condition:
    """One three-valued condition: it fails when ``fact`` is ``fails_when``.

    ``asks`` says what is not known while the fact is not given (``missing_as`` names it
    in the answer's missing facts, ``fact`` unless given).
    ``holds``/``fails`` say what the known fact means; ``unless`` names a fact that, when
    true, keeps a failed condition from failing (s.24(4)'s exception), ``kept`` saying so.
    ``open_when`` is a value of the fact that can settle nothing (the law not read or left
    to a discretion): the answer stays undetermined, ``open_says`` saying why and
    ``open_missing`` naming what would settle it. ``parts`` are conditions that together
    are the whole of this one: while ``fact`` is not given they are weighed instead (it
    holds when every part holds and fails when one fails).
    """

    fact: str
    citation: Citation
    fails_when: bool
    asks: str
    holds: str
    fails: str
    unless: str | None = None
    kept: str = ""
    open_when: bool | None = None
    open_says: str = ""
    open_missing: str = ""
    parts: tuple[_Condition, ...] = ()
    missing_as: str = ""


def _weigh(facts: object, conditions: Iterable[_Condition]) -> tuple[list[Reason], list[str], bool]:
    """Every condition's reason, the facts missing, and whether one failed (all must hold).

    ``facts`` is a record of three-valued facts (:class:`ReviewFacts`, or the facts of an
    information request under s.29), each condition reading one of its fields by name.
    """
    reasons: list[Reason] = []
    missing: list[str] = []
    failed = False
    for c in conditions:
        value = getattr(facts, c.fact)
        rule = c.citation.provision
        if value is None and c.parts:
            p_reasons, p_missing, p_failed = _weigh(facts, c.parts)
            reasons.extend(p_reasons)
            missing.extend(p_missing)
            failed = failed or p_failed
        elif value is None:
            reasons.append(Reason(rule, f"not known: {c.asks}", c.citation))
            missing.append(f"{c.missing_as or c.fact} ({rule})")
        elif c.open_when is not None and value is c.open_when:
            reasons.append(Reason(rule, c.open_says, c.citation))
            missing.append(f"{c.open_missing} ({rule})")
        elif value is not c.fails_when:
            reasons.append(Reason(rule, c.holds, c.citation))
        elif c.unless is not None and getattr(facts, c.unless) is None:
            reasons.append(Reason(rule, c.fails, c.citation))  # it names the fact
            missing.append(f"{c.unless} ({rule})")
        elif c.unless is not None and getattr(facts, c.unless):
            reasons.append(Reason(rule, c.kept, c.citation))
        else:
            reasons.append(Reason(rule, c.fails, c.citation))
            failed = True
    return reasons, missing, failed


def _weigh_routes(
    facts: object,
    before: Iterable[_Condition],
    routes: Iterable[Iterable[_Condition]],
) -> tuple[list[Reason], list[str], bool, list[Reason] | None]:
    """Conditions that must all hold (``before``), then routes of which one must.

    Each route is weighed as :func:`_weigh` weighs conditions. Returns every reason, the
    facts missing, whether the answer is ``no`` (a condition of ``before`` failed, or
    every route did), and the reasons of the first route that holds (``None`` if none
    does yet).
    """
    reasons, missing, failed = _weigh(facts, before)
    held: list[Reason] | None = None
    open_missing: list[str] = []
    every_route_failed = True
    for route in routes:
        r_reasons, r_missing, r_failed = _weigh(facts, route)
        if not r_failed and not r_missing and held is None:
            held = r_reasons
        if not r_failed:
            every_route_failed = False
            open_missing.extend(m for m in r_missing if m not in open_missing)
        reasons.extend(r for r in r_reasons if r not in reasons)
    if failed or every_route_failed:
        return reasons, [], True, None
    if held is not None:
        return reasons, missing, False, held
    return reasons, missing + [m for m in open_missing if m not in missing], False, None
