"""The README's Python example, as client code: it must pass ``mypy --strict`` as written.

``tests/test_readme.py`` checks that the README's example and :func:`main` hold the same
statements, and runs :func:`main`.
"""

from __future__ import annotations

import svduty


def main() -> tuple[str, str, str]:
    """The README example; returns what it prints."""
    p = svduty.warwickshire()
    c = svduty.classify(
        svduty.Incident(
            offence_code="8N", victim_age=30, perpetrator_age=31, relationship="married"
        ),
        p.require_definition(),
    )
    return c.violence.value, c.domestic_abuse.value, str(svduty.cite("pcsc-act-2022", "s.13(3)(b)"))
