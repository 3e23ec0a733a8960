"""The argument check reads a function's hints in the module the function was made in (lead50).

``pytest --doctest-modules --import-mode=importlib`` imports a module's file a second time
for its doctests and leaves that copy in ``sys.modules``: the check looked the hints up
there, found the copy's ``DeathPlaceFacts``, and refused the real one ("expected
DeathPlaceFacts (got a DeathPlaceFacts)") instead of raising the function's own error
(``test_owhr_law48``'s Edinburgh case failed whenever the doctests ran first in its process).
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

import svduty.authorities._owhr_relevant as owhr
from svduty.authorities import DeathPlaceFacts, relevant_review_partners
from svduty.errors import AreaError


def test_a_second_import_of_the_module_does_not_change_the_check(monkeypatch) -> None:
    spec = importlib.util.spec_from_file_location(owhr.__name__, owhr.__file__)
    assert spec is not None
    assert spec.loader is not None
    copy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(copy)
    monkeypatch.setitem(sys.modules, owhr.__name__, copy)  # as the doctests' import leaves it
    # the function's own error (since law57 an AreaError naming s.24(1)(b) for Edinburgh)
    with pytest.raises(AreaError, match=r"s\.24\(1\)\(b\)"):
        relevant_review_partners(DeathPlaceFacts(death_area="S12000036"))  # Edinburgh
