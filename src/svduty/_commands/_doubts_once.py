"""An unconfirmed reading's doubt said once in ``svduty explain``'s output, not on every row.

A classification's text and HTML say a citation's doubt once per incident
(:meth:`~svduty.definitions.Classification.explain`); the OWHR pilot's period, a doubt of
some 1,300 characters, is cited by every row of a police.uk month, so an explanation of a
month said it on every row. :class:`DoubtsOnce` is the first row that said each doubt: a
frozen value, each step giving the text and the value after it (the value before is
unchanged), so every later row refers to it. The JSON keeps the doubt with every reason
(its contract, ``svduty.io.DOCUMENT_VERSIONS``).

Example:
    >>> from svduty.definitions import Incident, classify
    >>> a = classify(Incident(id="a", police_uk_category="Drugs", date="2024-03"))
    >>> first, once = DoubtsOnce().text(a.explain(), a, 2)
    >>> later, once = once.text(a.explain(), a, 3)
    >>> len(first) - len(later) > 1000
    True
    >>> print([x for x in later.splitlines() if "OF-DEATH:" in x][0][-63:])
    (unconfirmed: as under OWHR-PILOT-DATE-OF-DEATH at row 2 above)
"""

from __future__ import annotations

import html
from collections.abc import Callable

import attrs

from svduty._frozen import FrozenMap
from svduty.definitions import Classification
from svduty.sources import Confidence

__all__ = ["DoubtsOnce"]


@attrs.frozen(slots=True)
class DoubtsOnce:
    """Each doubt said so far in an output: the rule and the row that said it in full.

    A value: :meth:`text` and :meth:`html` give the output and the value after it, leaving
    this one as it was.

    Attributes:
        said: Each doubt said in full, by its words: the rule that cited it and the row.

    Example:
        >>> DoubtsOnce().text("said", None, 1)
        ('said', DoubtsOnce(said=FrozenMap({})))
    """

    said: FrozenMap[str, tuple[str, int]] = attrs.field(factory=FrozenMap)

    def text(self, said: str, result: Classification | None, row: int) -> tuple[str, DoubtsOnce]:
        """``said`` (a classification's text) with each doubt said before referred to.

        Returns:
            The text, and the doubts said once it is (this value if it says none anew).

        Example:
            >>> DoubtsOnce().text("x", None, 1)[0]
            'x'
        """
        return self._once(said, result, row, lambda doubt: doubt)

    def html(self, said: str, result: Classification | None, row: int) -> tuple[str, DoubtsOnce]:
        """``said`` (a classification's HTML) with each doubt said before referred to.

        Returns:
            The HTML, and the doubts said once it is (this value if it says none anew).

        Example:
            >>> DoubtsOnce().html("<p>x</p>", None, 1)[0]
            '<p>x</p>'
        """
        return self._once(said, result, row, html.escape)

    def _once(
        self, said: str, result: Classification | None, row: int, esc: Callable[[str], str]
    ) -> tuple[str, DoubtsOnce]:
        new: dict[str, tuple[str, int]] = {}  # the doubts this row says first
        for r in () if result is None else result.reasons:
            c = r.citation
            if c is None or c.confidence is not Confidence.UNCONFIRMED or not c.doubt:
                continue
            if c.doubt not in self.said:
                new.setdefault(c.doubt, (r.rule, row))
                continue
            rule, first = self.said[c.doubt]
            if first == row:
                continue
            full = f" (unconfirmed: {esc(c.doubt)})"
            said = said.replace(full, f" (unconfirmed: as under {esc(rule)} at row {first} above)")
        return said, (DoubtsOnce(FrozenMap({**self.said, **new})) if new else self)
