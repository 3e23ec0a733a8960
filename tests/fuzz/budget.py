"""How long the fuzz suite runs: a short budget in CI, a long one for ``make fuzz``.

``SVDUTY_FUZZ=long`` (set by ``make fuzz``) multiplies every test's number of examples by
:data:`LONG`; without it the whole suite stays well under two minutes on one core. The
other settings come from the hypothesis profile loaded in ``tests/conftest.py`` (``ci`` is
derandomised, so a CI failure reproduces).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG = 40
"""How many times more examples ``make fuzz`` runs than CI."""

SCALE = LONG if os.environ.get("SVDUTY_FUZZ") == "long" else 1


def budget(examples: int) -> settings:
    """Settings for a fuzz test that runs ``examples`` examples in CI.

    Example:
        >>> budget(10).max_examples in (10, 10 * LONG)
        True
    """
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.function_scoped_fixture,
        ],
    )
