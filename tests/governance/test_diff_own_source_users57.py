"""A body's chair or districts cited by its own source reads so in the diff (users57).

``coverage_citation`` and ``chair_citation`` are ``None`` when the body's own ``citation``
states the districts or the chair (:class:`svduty.governance.Body`). The what-if's text
said ``source for its chair: (none) -> ...``, which a policy officer reads as "the chair
had no source"; it now says ``(the body's own source)``. The JSON and each change's
``str`` keep ``(none)``, as a program reads them.
"""

from __future__ import annotations

import pytest

from svduty.governance._diff_lines import BodyChange

OWN = "(the body's own source)"


@pytest.mark.parametrize("field", ["coverage_citation", "chair_citation"])
def test_a_field_cited_by_the_body_says_so(field: str) -> None:
    change = BodyChange("x", field, None, "s.5")
    assert change.text({}).endswith(f": {OWN} -> s.5")
    assert "(none)" in str(change)
    assert BodyChange("x", field, "s.5", None).text({}).endswith(f": s.5 -> {OWN}")


@pytest.mark.parametrize("field", ["cadence", "members_citation", "host"])
def test_other_fields_still_say_none(field: str) -> None:
    assert BodyChange("x", field, None, "y").text({}).endswith(": (none) -> y")
