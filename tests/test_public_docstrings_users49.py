"""A public name's docstring is what its reference page shows: it cannot send the reader
to a private module's docstring, which no page shows (users49: the reference entry of
``relevant_review_partners`` said "the regulations' text was not read (see the module)",
and the module, ``svduty.authorities._owhr_relevant``, has no page)."""

from __future__ import annotations

import inspect

from tests.test_public_api import members, public_objects


def _private_module(obj: object) -> bool:
    module = getattr(obj, "__module__", "") or ""
    return any(part.startswith("_") for part in module.split("."))


def test_no_public_docstring_points_at_a_private_module():
    pointing = []
    for name, obj in public_objects():
        found = [(name, obj)]
        if inspect.isclass(obj):
            found += [(f"{name}.{m}", f) for m, f in members(obj)]
        for where, thing in found:
            doc = inspect.getdoc(thing) or ""
            if _private_module(thing) and "see the module" in doc:
                pointing.append(where)
    assert pointing == []
