"""Applying one change of a what-if scenario to a working copy of a graph.

``apply_scenario`` (:mod:`svduty.governance._scenario`) runs a scenario's changes in order,
each through :func:`apply_one`, on one :class:`Work` copy; a change that cannot be applied
raises :class:`Fail` naming its field, which the scenario reports as a ``ScenarioError``.
"""

from __future__ import annotations

import attrs

from svduty._near import did_you_mean
from svduty.errors import quote
from svduty.governance._changes import (
    AddBody,
    AddRelation,
    Change,
    ChangeBody,
    ChangeCadence,
    Merge,
    MoveUnder,
    RemoveBody,
    RemoveRelation,
    Rename,
)
from svduty.governance._cited import kept_members_citation, not_a_member, recited, unsourced
from svduty.governance._diff_lines import name_quoted
from svduty.governance._model import Body, Relation, RelationKind, Responsibility
from svduty.governance._paths import GraphView
from svduty.governance._reorganise import (
    AbolishAuthority,
    CreateArea,
    CreateAuthority,
    TransferFunctions,
)
from svduty.sources import Citation

__all__ = ["OUTSIDE_THE_GRAPH", "Fail", "Work", "apply_one"]

OUTSIDE_THE_GRAPH = "nothing in the graph: an authority or area change (see Partnership.what_if)"
"""What :meth:`GovernanceGraph.apply` logs for a change to the authorities or areas."""


class Work:
    """A mutable working copy of a graph's bodies and relations while a scenario runs."""

    def __init__(self, graph: GraphView) -> None:
        self.bodies: dict[str, Body] = {b.id: b for b in graph.bodies}
        self.before = dict(self.bodies)  # a chair changed back takes back its source
        self.relations: dict[tuple[str, str, str], Relation] = {r.key: r for r in graph.relations}

    def need(self, body_id: str, field: str) -> Body:
        """The body of this id, or :class:`Fail` naming ``field`` (with a near id)."""
        if body_id not in self.bodies:
            near = did_you_mean(body_id, self.bodies)  # a body of the bundle's: safe to name
            raise Fail(field, f"no body with id {quote(body_id)}{near}")
        return self.bodies[body_id]

    def add_relation(self, r: Relation, field: str) -> None:
        """Add a new relation between two bodies there are, or :class:`Fail` naming ``field``."""
        self.need(r.source, f"{field}.source")
        self.need(r.target, f"{field}.target")
        if r.source == r.target:
            raise Fail(field, "a relation from a body to itself")
        if r.key in self.relations:
            raise Fail(field, f"relation {r.named()} already exists")
        self.relations[r.key] = r


def _unique(items: tuple[Responsibility, ...]) -> tuple[Responsibility, ...]:
    out: list[Responsibility] = []
    for r in items:
        if r not in out:
            out.append(r)
    return tuple(out)


class Fail(Exception):
    """A change that cannot be applied: the change's field at fault and why."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message


def _replace_authority(w: Work, old: tuple[str, ...], new: str | None) -> str:
    """Replace authorities in every body's members, chair and host (``None``: abolished).

    An abolished authority leaves the members; a chair or host it was stays named, for
    the what-if to report (``GOV-REF``: the scenario does not say who follows).
    """
    touched = []
    for b in list(w.bodies.values()):
        kept = [m for m in b.members if m not in old]
        if new is not None and any(m in old for m in b.members):
            kept.append(new)
        members = tuple(dict.fromkeys(kept))
        nb = attrs.evolve(
            b,
            members=members,
            chair=new if new is not None and b.chair in old else b.chair,
            host=new if new is not None and b.host in old else b.host,
        )
        if nb != b:
            w.bodies[b.id] = nb
            touched.append(b.id)
    said = f"governance: {', '.join(touched)} changed" if touched else ""
    still = [  # the chairs and hosts an abolished one leaves named (a log of none misled)
        f"still {done} by it: {', '.join(ids)}"
        for role, done in (("chair", "chaired"), ("host", "hosted"))
        if new is None and (ids := [b.id for b in w.bodies.values() if getattr(b, role) in old])
    ]
    if still:
        said += f"{'; ' if said else 'governance: '}{'; '.join(still)}"
        said += " (the scenario does not say who follows)"
    return said or "governance: no body names it"


def _name_free(w: Work, name: str, body: str, field: str) -> None:
    """Refuse a name another body has (two bodies of one name could not be told apart)."""
    other = next((b.id for b in w.bodies.values() if b.name == name and b.id != body), None)
    if other is not None:
        raise Fail(field, f"{quote(other)} is already named so")


def apply_one(w: Work, change: Change, citation: Citation | None, with_it: tuple[str, ...]) -> str:
    """Apply one change to ``w`` and say what it did (the log entry's message).

    ``citation`` is the scenario's (cited by what the change makes when it has none of its
    own); ``with_it`` the records abolished with an ``abolish_authority``'s authority.

    Raises:
        Fail: naming the change's field at fault; ``w`` may be part changed (the scenario
            is then dropped whole).
    """
    if isinstance(change, AbolishAuthority):
        return _replace_authority(w, (change.authority, *with_it), None)
    if isinstance(change, TransferFunctions):
        if change.source == change.target:
            raise Fail("target", f"cannot transfer {quote(change.source)}'s functions to itself")
        return _replace_authority(w, (change.source,), change.target)
    if isinstance(change, CreateAuthority | CreateArea):
        return OUTSIDE_THE_GRAPH  # Partnership.what_if applies it and logs what it did
    if isinstance(change, AddBody):
        if change.body.id in w.bodies:
            raise Fail("body.id", f"a body with id {quote(change.body.id)} already exists")
        _name_free(w, change.body.name, change.body.id, "body.name")
        w.bodies[change.body.id] = change.body
        return f"added {change.body.id}"
    if isinstance(change, RemoveBody):
        w.need(change.body, "body")
        del w.bodies[change.body]
        gone = [k for k in w.relations if change.body in k[:2]]
        for k in gone:
            del w.relations[k]
        return f"removed {change.body} and {len(gone)} relation(s)"
    if isinstance(change, AddRelation):
        w.add_relation(change.relation, "relation")
        return f"added {change.relation}"
    if isinstance(change, RemoveRelation):
        key = (change.source, change.target, change.kind.value)
        if key not in w.relations:
            raise Fail(
                "kind",
                f"no relation {quote(change.source)} {change.kind} {quote(change.target)}",
            )
        del w.relations[key]
        return f"removed {change.source} {change.kind} {change.target}"
    if isinstance(change, Rename):
        b = w.need(change.body, "body")
        if not change.name.strip():
            raise Fail("name", "an empty name")
        _name_free(w, change.name, b.id, "name")
        w.bodies[b.id] = attrs.evolve(b, name=change.name)
        return f"renamed {b.id}: {name_quoted(b.name)} -> {name_quoted(change.name)}"
    if isinstance(change, Merge):
        return _merge(w, change, citation)
    if isinstance(change, MoveUnder):
        w.need(change.body, "body")
        w.need(change.parent, "parent")
        cited = change.citation or citation
        if cited is None:
            raise Fail("citation", "the new relation needs a citation (on the change or scenario)")
        old = [  # its lines up: X oversees it, it reports to X
            k
            for k in w.relations
            if (k[1] == change.body and k[2] == RelationKind.OVERSEES)
            or (k[0] == change.body and k[2] == RelationKind.REPORTS_TO)
        ]
        for k in old:
            del w.relations[k]
        w.add_relation(Relation(RelationKind.OVERSEES, change.parent, change.body, cited), "parent")
        return f"{change.parent} now oversees {change.body} ({len(old)} oversight line(s) replaced)"
    if isinstance(change, ChangeBody):
        return _change_body(w, change, citation)
    if isinstance(change, ChangeCadence):
        b = w.need(change.body, "body")
        if (change.target is None) != (change.kind is None):
            raise Fail("kind", "give both target and kind to change a relation's cadence")
        if change.target is not None and change.kind is not None:
            key = (change.body, change.target, change.kind.value)
            if key not in w.relations:
                raise Fail(
                    "target",
                    f"no relation {quote(change.body)} {change.kind} {quote(change.target)}",
                )
            w.relations[key] = attrs.evolve(w.relations[key], cadence=change.cadence)
            return f"cadence of {w.relations[key]}"
        new = attrs.evolve(b, cadence=change.cadence)
        if change.cadence != b.cadence:  # the old cadence's source does not state the new
            was = w.before.get(b.id)  # back as it was: cited as it was
            if was is not None and was.cadence == new.cadence:
                back = was.cadence_citation
            else:
                back = citation or unsourced(b.cadence_citation or b.citation, "its cadence")
            new = attrs.evolve(new, cadence_citation=back)
        w.bodies[b.id] = new
        return f"cadence of {b.id}: {b.cadence} -> {change.cadence}"
    b = w.need(change.body, "body")
    area = change.area if change.area is not None else b.area
    changed = attrs.evolve(b, districts=change.districts, area=area)
    w.bodies[b.id] = recited(b, changed, citation, w.before)
    parts: list[str] = []  # what changed only: the same districts again are no change
    if set(b.districts) != set(change.districts):
        parts.append(f"districts of {b.id}: {list(b.districts)} -> {list(change.districts)}")
    if area != b.area:
        parts.append(f"area of {b.id}: {b.area} -> {area}")
    return "; ".join(parts) or f"{b.id}: no change (the same districts and area)"


def _merge(w: Work, change: Merge, citation: Citation | None) -> str:
    """Merge ``change.absorb`` into ``change.keep`` and say what moved and what was dropped.

    A relation of the absorbed body moves to the kept one, unless the kept body has the
    same relation already (its own is kept) or it joined the two (it would be the merged
    body's relation to itself): those are dropped, and the message names each and why,
    with the kept relation's cadence where the two differ.
    """
    keep = w.need(change.keep, "keep")
    absorb = w.need(change.absorb, "absorb")
    if keep.id == absorb.id:
        raise Fail("absorb", f"cannot merge {quote(keep.id)} with itself")
    moved = 0
    same: list[str] = []  # the kept body has it already
    itself: list[str] = []  # between the two bodies merged
    for key in [k for k in w.relations if absorb.id in k[:2]]:
        r = w.relations.pop(key)
        new = attrs.evolve(
            r,
            source=keep.id if r.source == absorb.id else r.source,
            target=keep.id if r.target == absorb.id else r.target,
        )
        if new.source == new.target:
            itself.append(str(r))
        elif new.key in w.relations:
            same.append(_held(r, w.relations[new.key], keep.id))
        else:
            w.relations[new.key] = new
            moved += 1
    del w.bodies[absorb.id]
    area = change.area if change.area is not None else keep.area
    w.bodies[keep.id] = attrs.evolve(
        keep,
        name=change.name or keep.name,
        area=area,
        districts=tuple(sorted(set(keep.districts) | set(absorb.districts))),
        members=tuple(dict.fromkeys((*keep.members, *absorb.members))),
        responsibilities=_unique(keep.responsibilities + absorb.responsibilities),
        aliases=tuple(
            dict.fromkeys(
                a
                for a in (*keep.aliases, keep.name, absorb.name, *absorb.aliases)
                if a != (change.name or keep.name)
            )
        ),
    )
    w.bodies[keep.id] = recited(keep, w.bodies[keep.id], citation, w.before)
    dropped = len(same) + len(itself)
    said = f"merged {absorb.id} into {keep.id}: {moved} relation(s) moved, {dropped} dropped"
    if same:
        said += f"; dropped as {keep.id} has the same already: {', '.join(same)}"
    if itself:
        said += f"; dropped as it would be {keep.id}'s relation to itself: {', '.join(itself)}"
    if area != keep.area:
        said += f"; area: {keep.area} -> {area}"
    if absorb.area not in (None, area):
        said += f"; {absorb.id} served {absorb.area}, and the merged body serves {area}"
    if absorb.chair not in (None, keep.chair):
        said += f"; {absorb.id}'s chair ({absorb.chair}) is not kept"
    return said


def _held(dropped: Relation, kept: Relation, keep: str) -> str:
    """A dropped relation as the log names it, with the kept one's cadence if it differs.

    Example:
        >>> from svduty.governance import Cadence
        >>> from svduty.sources import cite
        >>> r = Relation(RelationKind.REPORTS_TO, "b", "c", cite("svd-guidance"), Cadence.ANNUAL)
        >>> _held(r, attrs.evolve(r, source="a", cadence=None), "a")
        "b reports_to c (annual; a's, kept, has no cadence)"
        >>> _held(r, attrs.evolve(r, source="a"), "a")
        'b reports_to c (annual)'
    """
    if kept.cadence == dropped.cadence:
        return str(dropped)
    theirs = f"is {kept.cadence.value}" if kept.cadence else "has no cadence"
    mine = f"{dropped.cadence.value}; " if dropped.cadence else ""
    named = f"{dropped.source} {dropped.kind.value} {dropped.target}"
    return f"{named} ({mine}{keep}'s, kept, {theirs})"


def _change_body(w: Work, change: ChangeBody, citation: Citation | None) -> str:
    """A body's new chair, host or members (what is not given stays).

    A new chair is the scenario's: it cites its ``citation``, not the document that named
    the old chair; changed members cite the scenario's citation. A scenario without one
    keeps the old source as the last, unconfirmed (:func:`unsourced`).
    """
    b = w.need(change.body, "body")
    if not (change.chair or change.host or change.add_members or change.remove_members):
        raise Fail("body", "nothing to change: give chair, host, add_members or remove_members")
    for field in ("remove_members", "add_members"):
        ids: tuple[str, ...] = getattr(change, field)
        for j, m in enumerate(ids):
            if m in ids[:j]:
                raise Fail(f"{field}[{j}]", f"{quote(m)} is listed twice")
    for j, m in enumerate(change.remove_members):
        if m not in b.members:
            raise Fail(f"remove_members[{j}]", not_a_member(m, b))
    kept = [m for m in b.members if m not in change.remove_members]
    for j, m in enumerate(change.add_members):
        if m in change.remove_members:  # one change says two things of one member
            raise Fail(f"add_members[{j}]", f"{quote(m)} is also in remove_members")
        if m in kept:
            raise Fail(f"add_members[{j}]", f"{quote(m)} is already a member of {quote(b.id)}")
    new = attrs.evolve(
        b,
        members=tuple(dict.fromkeys((*kept, *change.add_members))),
        chair=b.chair if change.chair is None else change.chair,
        host=b.host if change.host is None else change.host,
    )
    was = w.before.get(b.id)  # as the record was: what goes back to it is cited as it was
    if new.chair != b.chair:  # the old chair's source does not name the new one
        if was is not None and was.chair == new.chair:
            back = was.chair_citation
        else:
            back = citation or unsourced(b.chair_citation or b.citation, "its chair")
        new = attrs.evolve(new, chair_citation=back)
    if was is not None and set(new.members) == set(was.members):  # back as it was: so cited
        new = attrs.evolve(new, members=was.members, members_citation=was.members_citation)
    elif change.add_members and citation is not None:  # the old source names the rest
        old = was.members_citation if was is not None else b.members_citation  # the record's
        cited = kept_members_citation(citation, old, kept)
        new = attrs.evolve(new, members_citation=cited)
    elif change.add_members:  # who joins has no source (none joins: those kept stay as cited)
        new = attrs.evolve(
            new, members_citation=unsourced(b.members_citation or b.citation, "its members")
        )
    w.bodies[b.id] = new
    said = [
        f"{field}: {getattr(b, field) or '(none)'} -> {getattr(new, field)}"
        for field in ("chair", "host")
        if getattr(b, field) != getattr(new, field)
    ]
    said += [f"members + {m}" for m in change.add_members]
    said += [f"members - {m}" for m in change.remove_members]
    return f"changed {b.id}: " + "; ".join(said)
