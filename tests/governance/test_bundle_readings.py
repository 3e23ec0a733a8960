"""What the packaged Warwickshire bundle reads into its documents says it is a reading.

The seed documents (the council report of 21 June 2023 and its two appendices) never
mention the s.13(6) factors; a factor the bundle records as weighed is svduty's reading,
and must be marked unconfirmed with its doubt (domain notes: "Model every [U] fact as
configurable data with its uncertainty documented"). A funding project's ``delivered_by``
is "the body that delivers it (an id)": it must name a body of the partnership's
governance, or say nothing.
"""

from __future__ import annotations

import svduty
from svduty.sources import Confidence

P = svduty.warwickshire()


def test_a_seriousness_factor_the_strategy_does_not_mention_is_an_unconfirmed_reading() -> None:
    weighed = [s for s in P.definition.seriousness if s.weighed]
    assert {s.factor for s in weighed} == {
        "impact_on_victim",
        "prevalence_in_area",
        "impact_on_community",
    }
    for s in weighed:
        assert s.citation.confidence is Confidence.UNCONFIRMED, s.factor
        assert s.citation.doubt, s.factor
        assert "s.13(6)" in s.citation.doubt, s.factor


def test_every_project_is_delivered_by_a_body_of_the_governance_graph() -> None:
    bodies = {b.id for b in P.governance.bodies}
    for p in P.funding.projects:
        assert p.delivered_by is None or p.delivered_by in bodies, (p.id, p.delivered_by)
    lead = next(p for p in P.funding.projects if p.id == "lead-sponsor")
    assert lead.delivered_by == "lead-sponsor"


def test_validate_names_a_factor_weighed_only_on_an_unconfirmed_reading() -> None:
    # s.13(6): "account must be taken in particular of" each factor; a weighing svduty
    # reads into a document that does not say so is not the partnership's record of it
    import attrs

    from svduty.definitions._seriousness import seriousness_findings

    found = seriousness_findings(P.definition)
    said = {f.message.split("(")[1].split(")")[0]: f for f in found}
    assert set(said) == {
        "maximum_penalty",
        "impact_on_victim",
        "prevalence_in_area",
        "impact_on_community",
    }
    victim = said["impact_on_victim"]
    assert "only on an unconfirmed reading (svduty's reading: neither the strategy" in (
        victim.message
    )
    assert victim.citations[0].provision == "s.13(6)(b)"
    # the same factors, confirmed, are the partnership's record: no warning for them
    confirmed = attrs.evolve(
        P.definition,
        seriousness=tuple(
            attrs.evolve(s, citation=attrs.evolve(s.citation, confidence="confirmed", doubt=None))
            for s in P.definition.seriousness
        ),
    )
    assert [f.message.split("(")[1].split(")")[0] for f in seriousness_findings(confirmed)] == [
        "maximum_penalty"
    ]


def test_a_project_delivered_by_a_body_the_bundle_does_not_name_is_refused(tmp_path) -> None:
    """The seed41 audit: two projects named bodies that were neither governance bodies nor
    authorities, and the bundle validated. ``svduty validate`` now refuses it."""
    import shutil

    folder = tmp_path / "w"
    shutil.copytree(svduty.sample_path("warwickshire-bundle"), folder)
    f = folder / "funding.toml"
    text = f.read_text(encoding="utf-8")
    assert 'delivered_by = "lead-sponsor"' in text
    f.write_text(text.replace('delivered_by = "lead-sponsor"', 'delivered_by = "nobody-here"', 1))
    (problem,) = svduty.validate_bundle(folder)
    assert (problem.file, problem.field) == ("funding.toml", "projects[3].delivered_by")
    assert "a body of governance.toml or an authority" in problem.expected
