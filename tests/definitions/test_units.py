"""Unit tests of the definitions package: tables, incidents, definitions, engines, CLI."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pytest

import svduty.definitions
from svduty.answers import Verdict
from svduty.cli import main
from svduty.definitions import (
    OFFENCES,
    POLICE_UK_CATEGORIES,
    STATUTE,
    Definition,
    Incident,
    Included,
    Review,
    Seriousness,
    Switch,
    classify,
    classify_many,
    classify_split,
    classify_table,
    district_of,
    split_rejected,
)
from svduty.definitions._classification import ANSWERS
from svduty.errors import ConflictError, DataError, DefinitionError
from svduty.io import load_definition, load_packaged_definition
from svduty.io._files import read_toml
from svduty.samples import sample_path
from svduty.sources import cite

from .helpers import to_table


# --- offence tables -----------------------------------------------------------------------
def test_offence_table_has_every_code_of_the_join_and_its_quirks():
    assert len(OFFENCES) == 135  # the 134 codes of the join and 8U (SCA 2015 s.76)
    assert OFFENCES.get("8U").facts["controlling"] is True
    assert OFFENCES.get("8U").severity_weight is None
    homicide = OFFENCES.get("1/4.1/4.10/4.2")
    assert homicide.facts["homicide"] is True
    assert homicide.facts["violence"] is None  # includes corporate manslaughter
    assert OFFENCES.get("4.10").facts["violence"] is None
    assert OFFENCES.get("30A").severity_weight == OFFENCES.get("30C").severity_weight
    assert OFFENCES.get("58D").description == "Other criminal damage"
    assert OFFENCES.get("56B").police_uk_category == "Criminal damage and arson"
    with pytest.raises(KeyError):
        OFFENCES.get("999Z")


def test_fourteen_police_uk_categories_and_one_legacy():
    current = [c for c in POLICE_UK_CATEGORIES if not c.legacy]
    assert len(current) == 14
    assert len(POLICE_UK_CATEGORIES) == 15
    with pytest.raises(DataError):
        POLICE_UK_CATEGORIES.find("Jaywalking")
    mixed = {c.name for c in POLICE_UK_CATEGORIES if "violence" in c.mixed}
    assert {"Violence and sexual offences", "Public order", "Criminal damage and arson"} <= mixed
    # open world: a theft category neither proves nor rules out violence
    assert POLICE_UK_CATEGORIES.find("Shoplifting").facts["violence"] is None
    # 81 (other firearms offences) includes ammunition alone (Firearms Act 1968 s.1(1)(b)):
    # the category does not prove a weapon (fourth legal review)
    assert POLICE_UK_CATEGORIES.find("Possession of weapons").facts["weapon"] is None


def test_every_code_belongs_to_its_category():
    for o in OFFENCES:
        assert o.code in POLICE_UK_CATEGORIES.find(o.police_uk_category).codes


# --- incidents ---------------------------------------------------------------------------
def test_incident_accepts_python_values_and_rejects_bad_ones():
    import pendulum

    assert Incident(date=pendulum.Date(2023, 5, 1)).date == "2023-05-01"
    assert Incident(id=7).id == "7"
    with pytest.raises(DataError, match="id"):
        Incident(id=1.5)  # type: ignore[arg-type]
    with pytest.raises(DataError, match="true or false"):
        Incident(died="yes")  # type: ignore[arg-type]
    with pytest.raises(DataError, match="a list of words"):
        Incident(behaviours="physical")  # type: ignore[arg-type]
    with pytest.raises(DataError, match="location"):
        Incident(location="Warwick")
    with pytest.raises(DataError, match="date"):
        Incident(date="2023-13")
    with pytest.raises(DataError, match="victim_age"):
        Incident(victim_age=True)  # type: ignore[arg-type]


def test_from_json_names_line_and_never_echoes_free_text():
    with pytest.raises(DataError) as info:
        Incident.from_json({"behaviours": ["Ms Smith hit me!"]}, line=4, file="x.jsonl")
    p = info.value.problems[0]
    assert (p.row, p.field) == (4, "behaviours")  # the kind found, never the text (mend50c)
    assert p.got == "a string of 16 characters, not shown"
    assert "Smith" not in str(info.value)
    with pytest.raises(DataError, match="JSON object"):
        Incident.from_json(["not", "an", "object"], line=1)  # type: ignore[arg-type]
    with pytest.raises(ConflictError) as cinfo:
        Incident.from_json({"died": False, "harms": ["death"]}, line=9)
    assert cinfo.value.problems[0].row == 9


def test_country_and_location_agree_or_conflict():
    assert Incident(country="Wales", location="W06000015").country.value == "Wales"
    with pytest.raises(ConflictError):
        Incident(country="England", location="W06000015")


# --- definitions -------------------------------------------------------------------------
def test_definition_errors():
    c = cite("pcsc-act-2022", "s.13")
    with pytest.raises(DefinitionError, match="include"):
        Definition("x", "X", c, include=())
    with pytest.raises(DefinitionError, match="one of"):
        Definition("x", "X", c, include=(Included("no_such_kind", c),))
    with pytest.raises(DefinitionError, match="seriousness"):
        Definition(
            "x",
            "X",
            c,
            include=(Included("s13_violence", c),),
            seriousness=(Seriousness("vibes", True, "", c),),
        )
    with pytest.raises(DefinitionError, match="victim_age_below"):
        Definition("x", "X", c, include=(Included("s13_violence", c),), victim_age_below=200)
    with pytest.raises(DefinitionError, match="victim_age_below: expected an age 1 to 130"):
        Definition("x", "X", c, include=(Included("s13_violence", c),), victim_age_below=0)
    with pytest.raises(DefinitionError, match="terrorism"):
        Definition(
            "x", "X", c, include=(Included("s13_violence", c),), exclude=(Included("terrorism", c),)
        )
    with pytest.raises(DefinitionError, match=r"exclude\[0\]\.kind: .*contradict"):
        Definition(  # both without switches: the include could never count
            "x",
            "X",
            c,
            include=(Included("child_neglect", c),),
            exclude=(Included("child_neglect", c),),
        )
    switch = Switch("older", True, "Older victims too", c)  # a reading with a switch: allowed
    when = (Included("s13_violence", c), Included("child_neglect", c, when="older"))
    neglect = (Included("child_neglect", c),)
    Definition("x", "X", c, include=when, exclude=neglect, switches=(switch,))


def test_a_seriousness_factor_is_recorded_once():
    """A factor said twice hides a slip (a block copied, its factor not changed) or says
    both that it is weighed and that it is not; as a repeated include, it is refused."""
    c = cite("pcsc-act-2022", "s.13(6)")
    with pytest.raises(DefinitionError) as info:
        Definition(
            "x",
            "X",
            c,
            include=(Included("s13_violence", c),),
            seriousness=(
                Seriousness("impact_on_victim", True, "", c),
                Seriousness("prevalence_in_area", True, "", c),
                Seriousness("impact_on_victim", False, "", c),
            ),
        )
    assert [str(p) for p in info.value.problems] == [
        "seriousness[2].factor: a factor given twice (first at seriousness[0]) "
        "(got 'impact_on_victim')"
    ]


def test_svduty_validate_names_a_factor_given_twice(tmp_path: Path):
    bundle = tmp_path / "b"
    shutil.copytree(sample_path("warwickshire-bundle"), bundle)
    with (bundle / "definition.toml").open("a", encoding="utf-8") as f:
        f.write(
            '\n[[seriousness]]\nfactor = "impact_on_victim"\nweighed = false\nnote = "n"\n'
            'citation = { source = "pcsc-act-2022", provision = "s.13(6)(b)" }\n'
        )
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(bundle)], stdout=out, stderr=err) == 1
    assert (  # the file named as the user can open it: the bundle's folder as typed (users55)
        f"{bundle}/definition.toml: seriousness[4].factor: a factor given twice (first at "
        "seriousness[0]) (got 'impact_on_victim')" in out.getvalue().splitlines()
    )


def test_a_bundle_definition_cannot_take_a_national_definitions_id(tmp_path: Path):
    """Its answers would be labelled as the Act's (or the WHO's) and differ from them."""
    data = read_toml(Path(sample_path("warwickshire-bundle")) / "definition.toml")
    for national in ("pcsc-s13", "who-2002", "sv-strategy-2018"):
        with pytest.raises(
            DefinitionError, match="not a national or published definition's"
        ) as info:
            load_definition({**data, "id": national}, file="definition.toml")
        assert (info.value.problems[0].file, info.value.problems[0].field) == (
            "definition.toml",
            "id",
        )
    # an id that is not text is a plain DataError (the check raised TypeError: a fuzz test)
    with pytest.raises(DataError, match="id: expected a string"):
        load_definition({**data, "id": ["x"]}, file="definition.toml")


def test_an_under_25_definition_that_excludes_child_neglect_is_data():
    c = cite("pcsc-act-2022", "s.13")
    d = Definition(
        "u25",
        "Under-25s",
        c,
        include=(Included("s13_violence", c),),
        exclude=(Included("child_neglect", c),),
        victim_age_below=25,
        victim_age_at_least=10,
    )
    young = Incident(offence_code="8N", victim_age=19)
    old = Incident(offence_code="8N", victim_age=40)
    neglect = Incident(victim_age=12, harms=["deprivation"], behaviours=["physical"])
    assert classify(young, d).in_scope is Verdict.YES
    assert classify(old, d).in_scope is Verdict.NO
    assert classify(neglect, d).in_scope is Verdict.NO
    unknown_age = classify(Incident(offence_code="8N"), d)
    assert unknown_age.missing_for("in_scope") == ("victim_age", "behaviours", "harms")


def test_warwickshire_definition_loads_from_its_bundle_file():
    d = load_packaged_definition("warwickshire")
    assert {f.domain for f in d.causal_factors} == {
        "individual",
        "family",
        "peer",
        "school",
        "community",
    }
    assert "coercive" in d.text
    assert d.citation.source.id == "warwickshire-sv-strategy"
    with pytest.raises(DefinitionError):
        load_packaged_definition("atlantis")
    with pytest.raises(DefinitionError):
        load_packaged_definition("../etc")


def test_load_definition_reports_file_and_field(tmp_path: Path):
    f = tmp_path / "definition.toml"
    f.write_text(
        'id = "x"\ntitle = "X"\ncitation = { source = "nope" }\n'
        'include = [{ kind = "s13_violence", citation = { source = "pcsc-act-2022" } }]\n'
    )
    with pytest.raises(DefinitionError) as info:
        load_definition(read_toml(f), file="definition.toml")
    assert info.value.problems[0].file == "definition.toml"
    assert info.value.problems[0].field == "citation"


# --- classifier --------------------------------------------------------------------------
def test_explain_text_html_json():
    c = classify(Incident(id="<b>", offence_code="3B"))
    assert "S13-3A-iv" in c.explain()
    html = c._repr_html_()
    assert "&lt;b&gt;" in html
    assert "legislation.gov.uk" in html
    assert c.explain("html") == html
    data = json.loads(c.explain("json"))
    assert data["violence"] == "yes"
    assert data["reasons"][0]["citation"]["source"]
    with pytest.raises(ValueError, match="format"):
        c.explain("pdf")
    assert classify(Incident()).explain().startswith("Incident (no id)")


def test_classify_many_and_answers():
    out = classify_many(
        [Incident(offence_code="46", behaviours=[], target="property"), Incident(offence_code="8N")]
    )
    assert [c.violence for c in out] == [Verdict.NO, Verdict.YES]
    assert Review.of(False) is Review.NOT_REQUIRED


def test_district_of_handles_resolvers_that_do_not_know_a_place():
    def resolver(code: str) -> str:
        raise LookupError(code)

    assert district_of("E01000001", resolver) is None
    assert district_of("W06000015") == "W06000015"


# --- columnar engine ---------------------------------------------------------------------
def test_classify_table_with_no_fact_columns_and_a_record_batch():
    t = pa.table({"id": ["a", "b"]})
    out = classify_table(t)
    assert out.column("violence").to_pylist() == ["undetermined"] * 2
    assert out.column("basis").to_pylist() == ["none", "none"]
    batch = pa.RecordBatch.from_pydict({"offence_code": ["8N"], "violence": ["stale"]})
    rb = classify_table(batch)
    assert isinstance(rb, pa.RecordBatch)
    assert rb.column(rb.schema.get_field_index("violence")).to_pylist() == ["yes"]


def test_classify_table_reads_police_uk_style_columns():
    t = pa.table(
        {
            "police_uk_category": ["Violence and sexual offences", "violent-crime", "Robbery"],
            "date": ["2023-05", "2024-01", "2023-04"],
            "location": ["E01031012", "e08000025", None],
        }
    )
    out = classify_table(t, resolve_district={"E01031012": "E07000222"}.get)
    assert out.column("violence").to_pylist() == ["undetermined", "undetermined", "yes"]
    assert out.column("basis").to_pylist() == ["category"] * 3


def test_classify_table_date_columns():
    import datetime as dt

    t = pa.table(
        {
            "date": pa.array([dt.date(2023, 6, 1)], pa.date32()),
            "died": [True],
            "victim_age": [30],
            "weapon": ["knife"],
            "target": ["person"],
            "behaviours": [["physical"]],
            "relationship": ["none"],
            "same_household": [False],
            "location": ["E08000025"],
            "intentional": [True],
            "intended_for_injury": [True],  # PCA 1953 s.1(4), second limb (law60)
            "review_information": [True],
            "body_located": [True],
            "identity_recorded": [True],
            "dsi_matter": [False],
            "place_of_death": ["E08000025"],
            "aware_before_pilot_end": [True],
        }
    )
    assert classify_table(t).column("homicide_review").to_pylist() == ["undetermined"]
    died = pa.array([dt.date(2023, 6, 2)], pa.date32())
    dated = t.append_column("date_of_death", died)
    assert classify_table(dated).column("homicide_review").to_pylist() == ["required"]
    before = t.append_column("date_of_death", pa.array([dt.date(2023, 5, 31)], pa.date32()))
    with pytest.raises(ConflictError):
        classify_table(before)


@pytest.mark.parametrize(
    ("column", "values", "field"),
    [
        ("victim_age", pa.array([10, 131]), "victim_age"),
        ("victim_age", pa.array(["ten"]), "victim_age"),
        ("died", pa.array(["yes"]), "died"),
        ("behaviours", pa.array([["physical"], ["kicking"]]), "behaviours"),
        ("behaviours", pa.array([1]), "behaviours"),
        ("weapon", pa.array(["spoon"]), "weapon"),
        ("offence_code", pa.array(["8-N"]), "offence_code"),
        ("police_uk_category", pa.array(["Jaywalking"]), "police_uk_category"),
        ("date", pa.array(["2023-02-30"]), "date"),
        ("location", pa.array(["Warwick"]), "location"),
    ],
)
def test_classify_table_rejects_bad_values_naming_row_and_field(column, values, field):
    with pytest.raises(DataError) as info:
        classify_table(pa.table({column: values}))
    assert info.value.problems[0].field == field


def test_classify_table_reports_many_bad_rows_once():
    with pytest.raises(DataError) as info:
        classify_table(pa.table({"victim_age": list(range(131, 151))}))
    assert len(info.value.problems) == 10
    assert "20 row(s)" in str(info.value)
    assert info.value.problems[0].row == 1


def test_classify_table_reports_conflicts():
    rows = [
        {"died": False, "harms": ["death"]},
        {"weapon": "none", "made_or_adapted": True},
        {"country": "Scotland", "location": "E08000025"},
        {"offence_code": "46", "police_uk_category": "Robbery"},
    ]
    with pytest.raises(ConflictError) as info:
        classify_table(to_table(rows))
    assert [(p.row, p.field) for p in info.value.problems] == [
        (1, "died"),
        (2, "made_or_adapted"),
        (3, "country"),
        (4, "police_uk_category"),
    ]


# --- CLI ---------------------------------------------------------------------------------
def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_explain_command(tmp_path: Path):
    f = tmp_path / "in.jsonl"
    f.write_text(
        '{"id": "1", "offence_code": "8N"}\n\n{"id": "2", "behaviours": ["economic"], '
        '"relationship": "none"}\n{"victim_age": 200}\nnot json\n'
    )
    code, out, err = _run("explain", str(f), "--definition", "warwickshire")
    assert code == 1
    assert "Incident 1" in out
    assert "Incident 2" in out
    assert "row 4: victim_age" in err
    assert "row 5" in err
    code, out, _ = _run("explain", str(f), "--format", "json")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["1", "2"]


def test_explain_command_all_good_and_unknown_definition(tmp_path: Path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "1", "offence_code": "46"}\n')
    assert _run("explain", str(f))[0] == 0
    code, _, err = _run("explain", str(f), "--definition", "nowhere")
    assert code == 1
    assert "definition" in err


def test_statute_is_the_default():
    assert classify(Incident()).definition == STATUTE.id


def test_empty_text_is_an_absent_value_in_both_engines():
    i = Incident.from_json({"location": "", "offence_code": " ", "weapon": ""})
    assert (i.location, i.offence_code, i.weapon) == (None, None, None)
    out = classify_table(pa.table({"location": ["", "E08000025"], "weapon": ["", "knife"]}))
    assert out.column("location").to_pylist() == ["", "E08000025"]  # the input is kept
    assert out.column("kinds").to_pylist()[1] == ["knife_crime"]  # intent unknown: s.24(8)


def test_split_rejected_keeps_every_good_row_and_names_every_bad_one():
    rows = [
        {"id": "ok1", "offence_code": "8N"},
        {"id": "bad-age", "victim_age": 131},
        {"id": "bad-code", "offence_code": "8-N", "police_uk_category": "Jaywalking"},
        {"id": "conflict", "died": False, "harms": ["death"]},
        {"id": "bad-place", "location": "Warwick", "date": "2023-02-30"},
        {"id": "ok2", "police_uk_category": "Robbery", "location": "E08000025"},
    ]
    table = to_table(rows)
    kept, rejected = split_rejected(table)
    assert kept.column("id").to_pylist() == ["ok1", "ok2"]
    assert {p.row for p in rejected} == {2, 3, 4, 5}
    assert kept.num_rows + len({p.row for p in rejected}) == table.num_rows
    assert "police_uk_category" in {p.field for p in rejected}
    assert classify_table(kept).column("violence").to_pylist() == ["yes", "yes"]
    batch_kept, _ = split_rejected(table.to_batches()[0])
    assert batch_kept.num_rows == 2


def test_float_ages_from_pandas_are_whole_numbers_or_rejected():
    out = classify_table(pa.table({"victim_age": [30.0, None], "offence_code": ["8N", "8N"]}))
    assert out.column("violence").to_pylist() == ["yes", "yes"]
    with pytest.raises(DataError, match="whole number"):
        classify_table(pa.table({"victim_age": [30.5]}))
    kept, rejected = split_rejected(pa.table({"victim_age": [30.5, 40.0]}))
    assert kept.num_rows == 1
    assert [p.row for p in rejected] == [1]


@pytest.mark.parametrize("use", [classify_table, svduty.definitions.classify_split])
def test_a_table_classify_table_would_misread_is_refused(use):
    """A developer's review: misspelt columns gave every row 'undetermined', silently, and a
    repeated column name a bare KeyError."""
    with pytest.raises(DataError, match=r"columns: .*incident fields.*\(did you mean offence_code"):
        use(pa.table({"offence_cod": ["8N"], "victim_ag": [19]}))
    repeated = pa.Table.from_arrays([pa.array(["8N"])] * 2, names=["offence_code"] * 2)
    with pytest.raises(DataError, match="offence_code: expected one column per name"):
        use(repeated)
    secret = pa.Table.from_arrays([pa.array(["8N"])] * 3, names=["offence_code", "J S", "J S"])
    with pytest.raises(DataError, match=r"column 3 \(its name not shown\)") as info:
        use(secret)
    assert "J S" not in str(info.value)


def test_the_json_of_a_classification_keeps_what_decided_it():
    """A developer's review: to_json lost the basis, the definition and which answer each
    missing fact settles, and a misspelt answer name read as settled."""
    c = classify(Incident(id="a", offence_code="8N", victim_age=19))
    out = c.to_json()
    assert (out["basis"], out["definition"]) == ("offence_code", "pcsc-s13")
    assert out["missing_by_answer"] == {a: list(f) for a, f in c.missing}
    assert set(out["missing_by_answer"]) == {a for a in ANSWERS if out[a] == "undetermined"}
    with pytest.raises(DataError, match="missing_for"):
        c.missing_for("in-scope")


def test_a_column_that_spells_a_field_otherwise_is_refused():
    """A hostile review: with an ``id`` column, ``Offence Code`` passed through unread and
    every row was ``undetermined``."""
    t = pa.table({"id": ["a"], "Offence Code": ["8N"], "VICTIM-AGE": [30]})
    with pytest.raises(DataError) as info:
        classify_table(t)
    said = [(p.field, p.expected) for p in info.value.problems]
    assert said == [
        ("Offence Code", "the field's own name, offence_code"),
        ("VICTIM-AGE", "the field's own name, victim_age"),
    ]
    both = pa.table({"offence_code": ["8N"], "Offence Code": ["x"]})
    assert classify_table(both).column("violence").to_pylist() == ["yes"]  # passed through


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("Location", "location"),
        ("Context", "context"),
        ("offenceCode", "offence_code"),
        ("dateOfDeath", "date_of_death"),
        ("victimAge", "victim_age"),
    ],
)
def test_police_uk_names_and_camel_case_are_refused_in_an_incident_table(name, field):
    """A differential review: ``Context``, ``Location`` (exempt as police.uk's own columns
    even in an incident table) and camelCase names passed through unread: county lines
    context lost, every row ``undetermined`` and without a location."""
    t = pa.table({"id": ["a"], "police_uk_category": ["Robbery"], name: ["x"]})
    with pytest.raises(DataError) as info:
        classify_table(t)
    assert [(p.field, p.expected) for p in info.value.problems] == [
        (name, f"the field's own name, {field}")
    ]
    police = {"Crime type": ["Robbery"], "police_uk_category": ["Robbery"], "Location": ["x"]}
    assert classify_table(pa.table(police)).num_rows == 1  # police.uk's street: its own


def test_a_police_uk_batch_is_sent_to_the_pipeline_not_classified_without_its_month():
    """A developer's review: classify_table on read_police_uk's batch ignored ``month`` and
    ``lsoa_code`` (not incident fields), so every row's date and place were unknown."""
    from svduty.io import default_pipeline, read_police_uk, sample_police_uk

    batch = next(read_police_uk(sample_police_uk()))
    for classifier in (classify_table, classify_split, split_rejected):
        with pytest.raises(DataError) as info:
            classifier(batch)
        fields = [(p.field, p.expected.split(" (")[0]) for p in info.value.problems]
        assert fields == [
            ("month", "the incident field date"),
            ("lsoa_code", "the incident field location"),
        ]
        assert "default_pipeline()" in str(info.value)
    out = default_pipeline()(batch)  # the route it names
    assert out.num_rows == batch.num_rows
    given = batch.rename_columns(["date" if n == "month" else n for n in batch.schema.names])
    given = given.append_column("location", given.column("lsoa_code"))
    assert classify_table(given).num_rows == batch.num_rows  # month given as the date: read


@pytest.mark.parametrize("taken", ["london-vru", "norfolk", "avon-and-somerset"])
def test_a_bundle_definition_cannot_take_a_published_definitions_id(tmp_path, taken):
    """A copy of the Warwickshire bundle with the definition id 'london-vru' validated, and
    its answers went out labelled as the London VRU's (a hostile-input review)."""
    import shutil

    import svduty

    bundle = tmp_path / "b"
    shutil.copytree(svduty.sample_path("warwickshire-bundle"), bundle)
    f = bundle / "definition.toml"
    f.write_text(f.read_text().replace('id = "warwickshire"', f'id = "{taken}"', 1))
    problems = [str(p) for p in svduty.validate_bundle(bundle)]
    assert any("definition.toml: id:" in p and "published definition's" in p for p in problems)


def test_an_include_repeated_is_refused(tmp_path):
    """``kind = "county_lines"`` edited to ``"sexual_offence"``, already included, validated
    (a hostile-input review): the repeat says nothing more and hides the slip."""
    import shutil

    import svduty

    bundle = tmp_path / "b"
    shutil.copytree(svduty.sample_path("warwickshire-bundle"), bundle)
    f = bundle / "definition.toml"
    f.write_text(f.read_text().replace('kind = "county_lines"', 'kind = "sexual_offence"', 1))
    problems = [str(p) for p in svduty.validate_bundle(bundle)]
    assert any("repeats an earlier include" in p for p in problems), problems


def test_a_bundle_definition_cannot_take_another_packaged_bundles_id(tmp_path):
    """Examplshire's copy with ``id = "warwickshire"`` went out as Warwickshire's definition
    (a review of the session's own change); a copy of Warwickshire keeps its own."""
    import shutil

    import svduty

    for packaged, other in (("warwickshire", "examplshire"), ("warwickshire", None)):
        bundle = tmp_path / f"{packaged}-{other}"
        shutil.copytree(svduty.sample_path("warwickshire-bundle"), bundle)
        if other is not None:
            f = bundle / "definition.toml"
            f.write_text(f.read_text().replace('id = "warwickshire"', f'id = "{other}"', 1))
        problems = [str(p) for p in svduty.validate_bundle(bundle)]
        taken = [p for p in problems if "packaged bundle's definition" in p]
        assert bool(taken) is (other is not None), problems


def test_an_id_too_long_for_python_to_write_is_refused_as_data():
    # str() of an int over 4,300 digits raises Python's ValueError; the id says what it wanted
    with pytest.raises(DataError, match="id: expected a number of at most 4300 digits"):
        Incident(id=10**5000)
    assert Incident(id=-(10**4299)).id == "-1" + "0" * 4299


def test_the_ids_limit_is_the_interpreters():
    # PYTHONINTMAXSTRDIGITS=640: the message says the limit in force, not 4300
    import sys

    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        with pytest.raises(DataError, match="at most 640 digits"):
            Incident(id=10**700)
    finally:
        sys.set_int_max_str_digits(before)


@pytest.mark.parametrize("age", [0, 131, -1])
def test_a_local_kind_age_limit_is_an_age(age: int) -> None:
    from svduty.definitions import Definition, Included, LocalKind

    c = cite("pcsc-act-2022", "s.13")
    kind = LocalKind("young", "young", c, all_of=("s13_violence",), victim_age_below=age)
    with pytest.raises(DefinitionError, match=r"kinds\[0\]\.victim_age_below"):
        Definition("x", "X", c, include=(Included("young", c),), kinds=(kind,))


def test_a_list_column_whose_null_rows_cover_values_is_read_as_the_scalar_engine_reads_it():
    """A differential review: a fixed-size list with a null row (valid Arrow: the null row
    covers a value) raised a raw ArrowInvalid from classify_table."""
    fixed = pa.array([["physical"], None, ["Sexual"]], pa.list_(pa.string(), 1))
    masked = pa.ListArray.from_arrays(
        pa.array([0, 1, 3, 4], pa.int32()),
        pa.array(["physical", "nonsense", "x", "sexual"]),
        mask=pa.array([False, True, False]),
    )
    for column in (fixed, masked):
        out = classify_table(pa.table({"behaviours": column}))
        expected = [
            classify(Incident(behaviours=b)).violence.value
            for b in pa.table({"b": column}).column("b").to_pylist()
        ]
        assert out.column("violence").to_pylist() == expected
    with pytest.raises(DataError, match="row 3: behaviours"):  # a bad word still refused
        classify_table(
            pa.table(
                {"behaviours": pa.array([["physical"], None, ["x"]], pa.list_(pa.string(), 1))}
            )
        )
