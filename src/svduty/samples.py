"""Sample files packaged with svduty, reachable by name from a clone or an installed package.

========================  ===============================================================
name                      what it is
========================  ===============================================================
``incidents``             ten made-up incidents as JSON Lines (the incident JSON contract),
                          one a line, in Warwickshire's districts: no real person or event
``policeuk-month``        a month of police.uk street crime data: Warwickshire Police,
                          June 2025 (Open Government Licence v3.0)
``warwickshire-bundle``   the folder of Warwickshire's bundle (TOML files), with its
                          what-if scenarios in ``scenarios/``
``examplshire-bundle``    the folder of the made-up Examplshire's bundle, the one the
                          researcher's tutorial and the bundle how-to write file by file
========================  ===============================================================

Example:
    >>> from svduty.samples import SAMPLES, sample_path
    >>> sorted(SAMPLES)
    ['examplshire-bundle', 'incidents', 'policeuk-month', 'warwickshire-bundle']
    >>> sample_path("incidents").name
    'incidents.jsonl'
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from svduty._arguments import text_argument
from svduty._checked import checked
from svduty.errors import DataError

__all__ = ["SAMPLES", "sample_path"]

SAMPLES: dict[str, str] = {
    "incidents": "samples/incidents.jsonl",
    "policeuk-month": "policeuk/2025-06-warwickshire-street.csv",
    "warwickshire-bundle": "warwickshire",
    "examplshire-bundle": "examplshire",
}
"""Sample name -> its file, relative to the package's ``data`` folder."""


@checked
def sample_path(name: str) -> Path:
    """The path of a packaged sample file, by name (see :data:`SAMPLES`).

    Args:
        name: ``"incidents"``, ``"policeuk-month"``, ``"warwickshire-bundle"`` or
            ``"examplshire-bundle"``.

    Raises:
        DataError: for a name that is not a packaged sample, naming the ones that are.

    Example:
        >>> sample_path("policeuk-month").name
        '2025-06-warwickshire-street.csv'
        >>> len(sample_path("incidents").read_text(encoding="utf-8").splitlines())
        10
        >>> (sample_path("warwickshire-bundle") / "bundle.toml").is_file()
        True
        >>> sample_path("nope")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: sample: expected one of 'examplshire-bundle', 'incidents', 'policeuk-month', 'warwickshire-bundle'
    """  # noqa: E501
    text_argument(name, "sample_path(name)", "a sample's name (str)")
    try:
        relative = SAMPLES[name]
    except KeyError:
        raise DataError.single(
            None, "sample", expected="one of " + ", ".join(repr(n) for n in sorted(SAMPLES))
        ) from None
    return Path(str(files("svduty") / "data" / relative))
