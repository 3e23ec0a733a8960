"""The lines of a governance diff: each changed item, by id and in a policy officer's words.

A :class:`~svduty.governance.Diff` is made of these: a body renamed, a field of a body or
relation changed, a body's districts covered. Each says itself by id (``str``, the JSON's
stable form) and in words (``text``: bodies, authorities and areas by name with their ids
and codes beside, fields by what they mean).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from svduty._shown import printable
from svduty.governance._model import Relation
from svduty.sources import Citation, Confidence

__all__ = [
    "BodyChange",
    "CoverageChange",
    "RelationChange",
    "Renamed",
    "name_quoted",
    "relation_text",
    "with_name",
]

_FIELD_WORDS = {
    "kind": "kind of body",
    "level": "level",
    "citation": "source",
    "tier": "tier",
    "status": "status",
    "area": "area",
    "coverage_citation": "source for the districts it covers",
    "cadence": "meets",
    "chair": "chair",
    "host": "host",
    "members": "members",
    "members_citation": "source for its members",
    "responsibilities": "responsibilities",
    "aliases": "other names",
    "note": "note",
    "valid": "in force",
    "chair_citation": "source for its chair",
    "cadence_citation": "source for how often it meets",
}
"""What each field of a body or relation means, as the diff's text says it."""

_OWN_SOURCE = frozenset({"coverage_citation", "chair_citation", "cadence_citation"})
"""The fields whose ``None`` means the body's own ``citation`` states it (users57)."""

_ID_FIELDS = frozenset({"area", "chair", "host", "members"})
"""The fields whose values are ids or codes of bodies, authorities or areas."""


def _words(field: str) -> str:
    return _FIELD_WORDS.get(field, field.replace("_", " "))


def with_name(value: str, names: Mapping[str, str]) -> str:
    """An id or code with its name beside it, where the name is known and says more.

    Example:
        >>> with_name("E07000218", {"E07000218": "North Warwickshire"}), with_name("x", {})
        ('North Warwickshire (E07000218)', 'x')
    """
    name = names.get(value)
    return f"{name} ({value})" if name and name != value else value


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, Citation) and value.confidence is Confidence.UNCONFIRMED:
        return f"{value} (unconfirmed: {value.doubt})"  # a what-if's, never read as fact
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if hasattr(value, "what"):
        return str(value.what)
    if hasattr(value, "value"):
        return str(value.value)
    return str(value)


def name_quoted(name: str) -> str:
    r"""A body's name in quotes, as typed: a backslash once, not doubled as ``repr`` writes it.

    users52: a renamed body's old name ``Grŵp \ un`` showed as ``'Grŵp \\ un'``. A line
    break or an escape sequence is still written escaped (:func:`~svduty._shown.printable`),
    so a name cannot fake a line of the diff; a name with ``'`` in it is in double quotes.

    Example:
        >>> print(name_quoted("Grŵp \\ un"), name_quoted("Children's Board"))
        'Grŵp \ un' "Children's Board"
        >>> print(name_quoted("A\nB"))
        'A\nB'
    """
    mark = '"' if "'" in name and '"' not in name else "'"
    return f"{mark}{printable(name)}{mark}"


@attrs.frozen(slots=True)
class Renamed:
    """A body whose name changed.

    Example:
        >>> str(Renamed("x", "Old", "New"))
        "x: 'Old' -> 'New'"
    """

    body: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.body}: {name_quoted(self.old)} -> {name_quoted(self.new)}"


@attrs.frozen(slots=True)
class BodyChange:
    """A field of a body that changed (other than its name and districts).

    A list (members, aliases) is shown as what it gains and loses.

    Example:
        >>> str(BodyChange("x", "cadence", None, "monthly"))
        'x.cadence: (none) -> monthly'
        >>> str(BodyChange("x", "members", ("a", "b", "c"), ("a", "c", "d")))
        'x.members: +d -b'
    """

    body: str
    field: str
    old: Any
    new: Any

    def __str__(self) -> str:
        old, new = self.old, self.new
        if isinstance(old, tuple) and isinstance(new, tuple):
            parts = [f"+{_show(v)}" for v in new if v not in old]
            parts += [f"-{_show(v)}" for v in old if v not in new]
            if parts:  # else the order alone changed
                return f"{self.body}.{self.field}: {' '.join(parts)}"
        return f"{self.body}.{self.field}: {_show(old)} -> {_show(new)}"

    def text(self, names: Mapping[str, str]) -> str:
        """The change in words: the body and any id by name, the field by what it means.

        Example:
            >>> BodyChange("x", "members", ("a",), ("b",)).text({"x": "X board", "b": "B"})
            'X board (x): members: joins B (b); leaves a'
            >>> BodyChange("x", "coverage_citation", None, "s.5").text({})
            "x: source for the districts it covers: (the body's own source) -> s.5"
        """

        def shown(v: Any) -> str:
            if v is None and self.field in _OWN_SOURCE:
                return "(the body's own source)"
            named = self.field in _ID_FIELDS and isinstance(v, str)
            return with_name(v, names) if named else _show(v)

        head = f"{with_name(self.body, names)}: {_words(self.field)}"
        old, new = self.old, self.new
        if isinstance(old, tuple) and isinstance(new, tuple):
            joins = ", ".join(shown(v) for v in new if v not in old)
            leaves = ", ".join(shown(v) for v in old if v not in new)
            said = [f"joins {joins}"] * bool(joins) + [f"leaves {leaves}"] * bool(leaves)
            if said:
                return f"{head}: {'; '.join(said)}"
        doubted = _doubt_added(old, new)
        if doubted is not None:  # the same source, only doubted more: say that, once
            return f"{head}: {old}, as before; {doubted}"
        return f"{head}: {shown(old)} -> {shown(new)}"


def _doubt_added(old: Any, new: Any) -> str | None:
    """What a citation kept as the last source gained (its doubt), or None.

    Example:
        >>> from svduty.sources import Confidence, cite
        >>> doubted = cite("cda-1998", "s.5(1)", confidence=Confidence.UNCONFIRMED, doubt="x")
        >>> _doubt_added(cite("cda-1998", "s.5(1)"), doubted)
        'now unconfirmed: x'
    """
    if not (isinstance(old, Citation) and isinstance(new, Citation)) or new.doubt is None:
        return None
    if new.confidence is not Confidence.UNCONFIRMED or old.doubt == new.doubt:
        return None
    if attrs.evolve(new, confidence=old.confidence, doubt=old.doubt) != old:
        return None  # another source, provision or day: shown whole
    if old.doubt is None:
        return f"now unconfirmed: {new.doubt}"
    kept = f"{old.doubt.rstrip('.')}; "
    if not new.doubt.startswith(kept):
        return None
    said = "its doubt now adds" if old.confidence is new.confidence else "now unconfirmed"
    return f"{said}: {new.doubt.removeprefix(kept)}"


@attrs.frozen(slots=True)
class RelationChange:
    """A field of a relation (same source, target and kind) that changed.

    Example:
        >>> str(RelationChange(("a", "b", "oversees"), "cadence", None, "quarterly"))
        'a oversees b: cadence (none) -> quarterly'
    """

    key: tuple[str, str, str]
    field: str
    old: Any
    new: Any

    def __str__(self) -> str:
        s, t, k = self.key
        return f"{s} {k} {t}: {self.field} {_show(self.old)} -> {_show(self.new)}"

    def text(self, names: Mapping[str, str]) -> str:
        """The change in words, the bodies by name.

        Example:
            >>> RelationChange(("a", "b", "reports_to"), "cadence", None, "quarterly").text({})
            'a reports to b: meets (none) -> quarterly'
        """
        s, t, k = self.key
        rel = f"{with_name(s, names)} {k.replace('_', ' ')} {with_name(t, names)}"
        return f"{rel}: {_words(self.field)} {_show(self.old)} -> {_show(self.new)}"


@attrs.frozen(slots=True)
class CoverageChange:
    """A body that covers other districts (or a district that is covered differently).

    Example:
        >>> str(CoverageChange("x", ("E07000218",), ()))
        'x: +E07000218'
    """

    body: str
    added: tuple[str, ...]
    removed: tuple[str, ...]

    def __str__(self) -> str:
        parts = [f"+{d}" for d in self.added] + [f"-{d}" for d in self.removed]
        return f"{self.body}: {' '.join(parts)}"

    def text(self, names: Mapping[str, str]) -> str:
        """The change in words, the body and the districts by name.

        Example:
            >>> CoverageChange("x", ("E07000218",), ()).text({"E07000218": "North Warwickshire"})
            'x: now also covers North Warwickshire (E07000218)'
        """
        said = []
        if self.added:
            said.append("now also covers " + ", ".join(with_name(d, names) for d in self.added))
        if self.removed:
            said.append("no longer covers " + ", ".join(with_name(d, names) for d in self.removed))
        return f"{with_name(self.body, names)}: {'; '.join(said)}"


def relation_text(r: Relation, names: Mapping[str, str]) -> str:
    """A relation in words: its bodies by name, its kind, how often it meets if said.

    Example:
        >>> from svduty.governance import Relation, RelationKind
        >>> from svduty.sources import cite
        >>> r = Relation(RelationKind.REPORTS_TO, "a", "b", cite("svd-guidance"))
        >>> relation_text(r, {"b": "B board"})
        'a reports to B board (b)'
    """
    kind = r.kind.value.replace("_", " ")
    text = f"{with_name(r.source, names)} {kind} {with_name(r.target, names)}"
    return f"{text} ({r.cadence.value})" if r.cadence else text
