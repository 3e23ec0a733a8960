from __future__ import annotations

import re

import pytest

import svduty
from svduty.errors import DataError, UnknownSourceError
from svduty.sources import CATALOGUE, Citation, Confidence, Source, SourceKind, Sources, cite

NATIONAL = [
    "pcsc-act-2022",
    "da-act-2021",
    "soa-2003",
    "cda-1998",
    "pja-2006",
    "svd-guidance",
    "sv-strategy-2018",
    "who-2002",
]
LOCAL = [
    "nbbc-cabinet-report-2023",
    "warwickshire-sv-strategy",
    "warwickshire-partnership-agreement",
    "warwickshire-lgr-proposals",
    "mopac-pcd-1614",
]


@pytest.mark.parametrize("source_id", NATIONAL)
def test_catalogue_has_the_sources_the_issue_names(source_id):
    s = CATALOGUE[source_id]
    assert s.title
    assert s.url
    assert s.url.startswith("https://")


@pytest.mark.parametrize("source_id", LOCAL)
def test_the_warwickshire_documents_are_declared_by_its_bundle(source_id):
    assert source_id not in CATALOGUE
    s = svduty.warwickshire().sources[source_id]
    assert s.title
    assert s.url
    assert s.url.startswith("https://")


def test_the_national_catalogue_holds_no_warwickshire_or_nuneaton_and_bedworth_document():
    local = re.compile(
        r"warwick|nuneaton|bedworth|rugby|stratford|north warks|nbbc|mopac|london", re.I
    )
    for s in CATALOGUE.values():
        for text in (s.id, s.title, s.publisher or "", s.url or ""):
            assert not local.search(text), (s.id, text)


@pytest.mark.parametrize(
    ("source_id", "provision", "url"),
    [
        (
            "pcsc-act-2022",
            "s.13(3)(a)(i)",
            "https://www.legislation.gov.uk/ukpga/2022/32/section/13",
        ),
        ("pcsc-act-2022", "ss.24-26", "https://www.legislation.gov.uk/ukpga/2022/32/section/24"),
        ("pcsc-act-2022", "Schedule 2", "https://www.legislation.gov.uk/ukpga/2022/32/schedule/2"),
        ("pcsc-act-2022", "Part 2", "https://www.legislation.gov.uk/ukpga/2022/32/part/2"),
        ("si-2023-227", "reg 1(2)", "https://www.legislation.gov.uk/uksi/2023/227/regulation/1"),
        ("pcsc-act-2022", "Explanatory notes", "https://www.legislation.gov.uk/ukpga/2022/32"),
        ("pcsc-act-2022", "", "https://www.legislation.gov.uk/ukpga/2022/32"),
    ],
)
def test_legislation_links_point_at_the_provision(source_id, provision, url):
    assert cite(source_id, provision).href == url


def test_explicit_url_wins_and_non_legislation_links_to_document():
    assert cite("pcsc-act-2022", "s.8", url="https://example.org/x").href == "https://example.org/x"
    assert cite("who-2002", "ch. 1").href == CATALOGUE["who-2002"].url
    assert Source("x", "X", SourceKind.LEGISLATION).link("s.1") is None


def test_unconfirmed_citation_requires_the_doubt():
    with pytest.raises(DataError, match="doubt"):
        cite("pcsc-act-2022", "Sch 1", confidence=Confidence.UNCONFIRMED)
    with pytest.raises(DataError):
        cite("pcsc-act-2022", "Sch 1", confidence=Confidence.UNCONFIRMED, doubt="  ")
    c = cite("pcsc-act-2022", "Sch 1", confidence=Confidence.UNCONFIRMED, doubt="ICB row")
    assert c.as_dict()["doubt"] == "ICB row"


def test_citation_str_and_dict():
    c = Citation(CATALOGUE["who-2002"])
    assert str(c) == CATALOGUE["who-2002"].title
    d = cite("pcsc-act-2022", "s.8(4)", as_at=__import__("pendulum").Date(2023, 3, 7)).as_dict()
    assert d["as_at"] == "2023-03-07"
    assert d["confidence"] == "confirmed"


def test_sources_catalogue_rejects_conflicting_ids_and_unknown_ids():
    a1 = Source("a", "A", SourceKind.OTHER)
    a2 = Source("a", "Another A", SourceKind.OTHER)
    assert len(Sources.of([a1, a1])) == 1
    with pytest.raises(DataError, match="share one id"):
        Sources.of([a1, a2])
    with pytest.raises(UnknownSourceError):
        CATALOGUE["nope"]
    assert list(Sources.of([a1])) == ["a"]


def test_extend_does_not_change_the_national_catalogue():
    before = len(CATALOGUE)
    bigger = CATALOGUE.extend([Source("local-plan", "Local plan", SourceKind.STRATEGY)])
    assert len(bigger) == before + 1
    assert len(CATALOGUE) == before


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x", "//evil", "https://", ""]
)
def test_a_url_must_be_a_web_address(url):
    """A report and ``explain --format html`` link every source's URL: a ``javascript:``
    URL in a bundle validated ok and became a live link (h3 review)."""
    from svduty.errors import DataError
    from svduty.sources import Source, SourceKind

    with pytest.raises(DataError, match="url: expected an http:// or https:// address"):
        Source("x", "X", SourceKind.GUIDANCE, url=url)
    with pytest.raises(DataError, match="url: expected an http"):
        cite("pcsc-act-2022", "s.13", url=url)
    assert Source("x", "X", SourceKind.GUIDANCE, url="HTTPS://example.org/a?b#c").url


def test_a_bundle_with_a_javascript_url_does_not_validate(tmp_path):
    import shutil

    import svduty
    from svduty.io import validate_bundle

    bundle = tmp_path / "w"
    shutil.copytree(svduty.sample_path("warwickshire-bundle"), bundle)
    text = (bundle / "bundle.toml").read_text()
    start = text.index('url = "http')
    end = text.index("\n", start)
    (bundle / "bundle.toml").write_text(text[:start] + 'url = "javascript:alert(1)"' + text[end:])
    problems = [str(p) for p in validate_bundle(bundle)]
    assert any(".url: expected an http:// or https:// address" in p for p in problems), problems
    assert not any("alert" in p for p in problems)


@pytest.mark.parametrize("blank", [" ", "\t", "  \n"])
def test_a_blank_provision_is_refused_and_an_empty_one_cites_the_whole_document(blank):
    """``cite(..., " ")`` printed "Act 2022,  " (contract42, left; mended by the session)."""
    from svduty.errors import DataError

    with pytest.raises(DataError, match=r"provision: expected where in the document"):
        cite("pcsc-act-2022", blank)
    assert cite("pcsc-act-2022", "").provision == ""
