"""An unconfirmed reading's doubt said once in ``svduty explain``'s output, not on every row.

A classification's text and HTML say a citation's doubt once per incident
(:meth:`~svduty.definitions.Classification.explain`); the OWHR pilot's period, a doubt of
some 1,300 characters, is cited by every row of a police.uk month, so an explanation of a
month said it on every row. :class:`DoubtsOnce` keeps the first row that said each doubt
and has every later row refer to it. The JSON keeps the doubt with every reason (its
contract, ``svduty.io.DOCUMENT_VERSIONS``).

Example:
    >>> from svduty.definitions import Incident, classify
    >>> once = DoubtsOnce()
    >>> a = classify(Incident(id="a", police_uk_category="Drugs", date="2024-03"))
    >>> first = once.text(a.explain(), a, 2)
    >>> later = once.text(a.explain(), a, 3)
    >>> len(first) - len(later) > 1000
    True
    >>> print([x for x in later.splitlines() if "OF-DEATH:" in x][0][-63:])
    (unconfirmed: as under OWHR-PILOT-DATE-OF-DEATH at row 2 above)
"""

from __future__ import annotations

import html
from collections.abc import Callable

import attrs

from svduty.definitions import Classification
from svduty.sources import Confidence

__all__ = ["DoubtsOnce"]


@attrs.frozen(slots=True)
class DoubtsOnce:
    """Each doubt said so far in an output: the rule and the row that said it in full.

    Example:
        >>> DoubtsOnce().text("said", None, 1)
        'said'
    """

    said: dict[str, tuple[str, int]] = attrs.field(factory=dict)

    def text(self, said: str, result: Classification | None, row: int) -> str:
        """``said`` (a classification's text) with each doubt said before referred to.

        Example:
            >>> DoubtsOnce().text("x", None, 1)
            'x'
        """
        return self._once(said, result, row, lambda doubt: doubt)

    def html(self, said: str, result: Classification | None, row: int) -> str:
        """``said`` (a classification's HTML) with each doubt said before referred to.

        Example:
            >>> DoubtsOnce().html("<p>x</p>", None, 1)
            '<p>x</p>'
        """
        return self._once(said, result, row, html.escape)

    def _once(
        self, said: str, result: Classification | None, row: int, esc: Callable[[str], str]
    ) -> str:
        for r in () if result is None else result.reasons:
            c = r.citation
            if c is None or c.confidence is not Confidence.UNCONFIRMED or not c.doubt:
                continue
            if c.doubt not in self.said:
                self.said[c.doubt] = (r.rule, row)
                continue
            rule, first = self.said[c.doubt]
            if first == row:
                continue
            full = f" (unconfirmed: {esc(c.doubt)})"
            said = said.replace(full, f" (unconfirmed: as under {esc(rule)} at row {first} above)")
        return said
