"""The grant flow: who funds whom, who receives the grant and who manages the spend.

The flow is held as relations between body ids (``funds``, ``grant_recipient_for``,
``manages_spend_for``) so that the governance graph can import them as its own edges: one
source of truth for the money's path.
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from svduty._checked import checked_fields, checked_methods
from svduty._words import Words
from svduty.periods import FinancialYear, Period
from svduty.sources import Citation

__all__ = ["Approval", "FlowEdge", "FlowRelation", "GrantFlow", "Receipt"]


class FlowRelation(Words):
    """The relations of the grant flow, named as the governance graph names them.

    ``funds``: the source gives money to the target. ``grant_recipient_for``: the source
    is the grant recipient for the target's grant and administers it. ``manages_spend_for``:
    the source manages all spend on behalf of the target.

    Example:
        >>> FlowRelation("funds").value
        'funds'
    """

    FUNDS = "funds"
    GRANT_RECIPIENT_FOR = "grant_recipient_for"
    MANAGES_SPEND_FOR = "manages_spend_for"


@checked_fields
@attrs.frozen(slots=True)
class FlowEdge:
    """One relation of the grant flow: ``source --relation--> target``, with its citation.

    Attributes:
        source: The body id the relation starts from.
        relation: The relation.
        target: The body id it points to.
        citation: Where it is stated.

    Example:
        >>> e = FlowEdge("home-office", FlowRelation.FUNDS, "warwickshire-opcc", None)
        >>> e.as_dict()["relation"]
        'funds'
    """

    source: str
    relation: FlowRelation
    target: str
    citation: Citation | None

    def as_dict(self) -> dict[str, Any]:
        """The edge as JSON-ready data.

        Example:
            >>> FlowEdge("a", FlowRelation.FUNDS, "b", None).as_dict()["source"]
            'a'
        """
        return {
            "source": self.source,
            "relation": self.relation.value,
            "target": self.target,
            "citation": self.citation.as_dict() if self.citation else None,
        }


@checked_fields
@attrs.frozen(slots=True)
class Approval:
    """A body whose approval or agreement a spend needs, and why.

    Example:
        >>> Approval("wcc-community-safety-team", "manages all spend", None).body
        'wcc-community-safety-team'
    """

    body: str
    reason: str
    citation: Citation | None


@checked_fields
@attrs.frozen(slots=True)
class Receipt:
    """When money for a period is received: not before :attr:`not_before`.

    The exact day is ``None`` when the source does not say it (an honest "undetermined").

    Attributes:
        period: The period the money pays for.
        in_arrears: Whether it is paid after the period.
        not_before: The first day the money can arrive.
        on: The day it arrives, if a source states it.
        citation: Where the payment rule is stated.

    Example:
        >>> from svduty.periods import date
        >>> Receipt(Period("2023-04-01", "2023-07-01"), True, date("2023-07-01"), None,
        ...         None).determined
        False
    """

    period: Period
    in_arrears: bool
    not_before: pendulum.Date
    on: pendulum.Date | None
    citation: Citation | None

    @property
    def determined(self) -> bool:
        """Whether the day of receipt is known.

        Example:
            >>> from svduty.periods import date
            >>> Receipt(Period("2023-04-01", "2023-07-01"), True, date("2023-07-01"),
            ...         date("2023-08-01"), None).determined
            True
        """
        return self.on is not None


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class GrantFlow:
    """The path of the grant: the relations, the grant agreement and the payment terms.

    Attributes:
        edges: The relations, in the order stated.
        grant_agreement: The grant agreement under which the spend is managed.
        in_arrears: Whether the grant is paid in arrears.
        payment_citation: Where the payment terms are stated.
        joint_agreement_citation: Where the joint-agreement flexibility is stated.

    Example:
        >>> import svduty
        >>> flow = svduty.warwickshire().funding.grant_flow
        >>> flow.path()
        ('home-office', 'warwickshire-opcc', 'wcc-community-safety-team')
    """

    edges: tuple[FlowEdge, ...]
    grant_agreement: str = ""
    in_arrears: bool = False
    payment_citation: Citation | None = None
    joint_agreement_citation: Citation | None = None

    def relations(self) -> tuple[FlowEdge, ...]:
        """The relations, for the governance graph to import as edges.

        Example:
            >>> import svduty
            >>> [(e.source, e.relation.value, e.target)
            ...  for e in svduty.warwickshire().funding.grant_flow.relations()][:2]
            [('home-office', 'funds', 'warwickshire-opcc'), ('warwickshire-opcc', 'grant_recipient_for', 'home-office')]
        """  # noqa: E501
        return self.edges

    def funder_of(self, body: str) -> str | None:
        """The body that funds ``body`` (``None`` if none).

        Example:
            >>> import svduty
            >>> svduty.warwickshire().funding.grant_flow.funder_of("wcc-community-safety-team")
            'warwickshire-opcc'
        """
        return next(
            (e.source for e in self.edges if e.relation is FlowRelation.FUNDS and e.target == body),
            None,
        )

    def path(self) -> tuple[str, ...]:
        """The chain of ``funds`` relations from the first funder to the last recipient.

        Example:
            >>> GrantFlow(()).path()
            ()
        """
        funds = [e for e in self.edges if e.relation is FlowRelation.FUNDS]
        targets = {e.target for e in funds}
        starts = [e.source for e in funds if e.source not in targets]
        if not starts:
            return ()
        chain = [starts[0]]
        nxt = {e.source: e.target for e in funds}
        while chain[-1] in nxt and nxt[chain[-1]] not in chain:
            chain.append(nxt[chain[-1]])
        return tuple(chain)

    def grant_recipient(self) -> str | None:
        """The grant recipient (the body that administers the grant).

        Example:
            >>> import svduty
            >>> svduty.warwickshire().funding.grant_flow.grant_recipient()
            'warwickshire-opcc'
        """
        return next(
            (e.source for e in self.edges if e.relation is FlowRelation.GRANT_RECIPIENT_FOR),
            None,
        )

    def spend_manager(self) -> str | None:
        """The body that manages all spend for the partners.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().funding.grant_flow.spend_manager()
            'wcc-community-safety-team'
        """
        return next(
            (e.source for e in self.edges if e.relation is FlowRelation.MANAGES_SPEND_FOR),
            None,
        )

    def approvals(self, category: str, *, jointly_agreed_use: bool = False) -> tuple[Approval, ...]:
        """Who must approve a spend from a cost category, with the reason and citation.

        The spend manager manages (and so approves) all spend; the grant recipient makes
        the grant under the grant agreement; labour money used outside the named purposes
        also needs the specified authorities' joint agreement.

        Args:
            category: ``"labour"`` or ``"non_labour"``.
            jointly_agreed_use: Whether the spend is a flexible use of labour money that
                needs the specified authorities' joint agreement.

        Raises:
            FundingError: for a category other than ``labour`` or ``non_labour``, or a
                flexible (jointly agreed) use of non-labour money, which the agreement
                does not provide for: svduty gives no answer rather than a guessed one.

        Example:
            >>> import svduty
            >>> flow = svduty.warwickshire().funding.grant_flow
            >>> [a.body for a in flow.approvals("labour", jointly_agreed_use=True)]
            ['wcc-community-safety-team', 'warwickshire-opcc', 'specified-authorities']
        """
        from svduty.errors import FundingError

        if category not in ("labour", "non_labour"):
            raise FundingError.single(
                None, "category", expected="labour or non_labour", got=category
            )
        if category == "non_labour" and jointly_agreed_use:
            raise FundingError.single(
                None,
                "jointly_agreed_use",
                expected="false for non-labour money: only labour money may be used "
                "flexibly with the specified authorities' joint agreement",
                got="true",
            )
        out: list[Approval] = []
        for e in self.edges:
            if e.relation is FlowRelation.MANAGES_SPEND_FOR:
                out.append(
                    Approval(e.source, f"manages all spend on behalf of {e.target}", e.citation)
                )
        for e in self.edges:
            if e.relation is FlowRelation.GRANT_RECIPIENT_FOR:
                out.append(
                    Approval(
                        e.source,
                        f"grant recipient administering the grant of {e.target}"
                        + (f"; {self.grant_agreement}" if self.grant_agreement else ""),
                        e.citation,
                    )
                )
        if jointly_agreed_use:
            for e in self.edges:
                if e.relation is FlowRelation.MANAGES_SPEND_FOR:
                    out.append(
                        Approval(
                            e.target,
                            "labour funding may be used flexibly only if the specified "
                            "authorities jointly agree",
                            self.joint_agreement_citation,
                        )
                    )
        return tuple(out)

    def received(self, period: Period | FinancialYear, quarter: int | None = None) -> Receipt:
        """When money for a period (or quarter ``1``-``4`` of a financial year) is received.

        Paid in arrears: not before the period ends; the day itself is not stated, so
        :attr:`Receipt.on` is ``None`` (undetermined) rather than a guess.

        Example:
            >>> import svduty
            >>> r = svduty.warwickshire().funding.grant_flow.received(FinancialYear(2023), 2)
            >>> r.not_before, r.on
            (Date(2023, 10, 1), None)
        """
        if isinstance(period, FinancialYear):
            if quarter is not None:
                if quarter not in (1, 2, 3, 4):
                    from svduty.errors import FundingError

                    raise FundingError.single(None, "quarter", expected="1, 2, 3 or 4", got=quarter)
                span = period.quarters()[quarter - 1]
            else:
                span = period.period
        else:
            span = period
        start = span.end if self.in_arrears and span.end is not None else span.start
        return Receipt(span, self.in_arrears, start, None, self.payment_citation)
