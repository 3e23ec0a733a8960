"""compare_definitions names a presumption one definition makes and the other does not (users52).

A researcher wrote a strict definition (``presume = []`` in its definition.toml: no absent
fact read as "none") and compared it with the Act's. An assault with no context flags was
``yes`` under the Act's definition (which reads them as "terrorism not indicated") and
``undetermined`` under the strict one, and the comparison named no rule: only "missing for
strict: context".
"""

from __future__ import annotations

import attrs

from svduty.definitions import DEFINITIONS, Incident, compare_definitions

S13 = DEFINITIONS["pcsc-s13"]
STRICT = attrs.evolve(S13, id="strict", presume=())
ASSAULT = Incident(id="assault", offence_code="8N", victim_age=30)


def test_the_presumption_that_decides_is_named_with_its_citation():
    for first, second in ((S13, STRICT), (STRICT, S13)):
        c = compare_definitions([ASSAULT], first, second)
        (d,) = c.differences
        rules = {r.rule: r for r in d.rules}
        assert "pcsc-s13:presume:no-terrorism" in rules
        said = rules["pcsc-s13:presume:no-terrorism"]
        assert said.says.startswith("pcsc-s13 presumes no-terrorism (")
        assert said.says.endswith("; strict does not")
        assert "s.13(3)(b)" in str(said.citation)
        assert "strict: context" in d.missing


def test_no_presumption_is_named_where_both_make_it_or_the_fact_is_given():
    two = attrs.evolve(S13, id="two", victim_age_below=25)
    (d,) = compare_definitions([ASSAULT], S13, two).differences
    assert not [r for r in d.rules if ":presume:" in r.rule]
    given = attrs.evolve(ASSAULT, context=[])  # no flags, said: nothing is presumed
    c = compare_definitions([given], S13, STRICT)
    for d in c.differences:
        assert not [r for r in d.rules if ":presume:no-terrorism" in r.rule]
