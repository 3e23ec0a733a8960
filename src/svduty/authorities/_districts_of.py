"""The local government areas a caller's ``districts_within`` gives for an area code, checked.

Its own module (not ``_area_record``, which reads ``_answering``): ``_authority`` reads it,
and ``_answering`` names ``_authority``'s records, so the three made an import cycle
(review51).
"""

from __future__ import annotations

import re
from collections import abc
from collections.abc import Callable, Iterable

from svduty._arguments import wrong_argument

__all__ = ["districts_of_area"]

_GSS = re.compile(r"[EWSNLKM]\d{8}")


def districts_of_area(
    districts_within: Callable[[str], Iterable[str]], code: str
) -> tuple[str, ...]:
    """What ``districts_within`` returns for ``code``: local government area codes (``str``).

    Anything else (an :class:`~svduty.areas.Area` where its code was meant: a
    ``Geography.districts_within`` given for ``Geography.district_codes_within``; one
    string alone) is the caller's function's fault, an :class:`ArgumentError` naming what it
    was asked and what it gave (its type, never its value).

    Example:
        >>> districts_of_area({"E10000031": ["E07000218", "E07000219"]}.__getitem__, "E10000031")
        ('E07000218', 'E07000219')
        >>> import svduty
        >>> geography = svduty.warwickshire().geography
        >>> districts_of_area(geography.districts_within, "E10000031")  # Areas, not codes
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: districts_within(E10000031)[0]: expected a local government area's code (str) (got an Area)
    """  # noqa: E501
    given: object = districts_within(code)
    where = f"districts_within({code if _GSS.fullmatch(code) else 'an area'})"
    if isinstance(given, str | bytes) or not isinstance(given, abc.Iterable):
        raise wrong_argument(where, "local government area codes: an iterable of str", given)
    within = tuple(given)
    for i, one in enumerate(within):
        if not isinstance(one, str):
            raise wrong_argument(f"{where}[{i}]", "a local government area's code (str)", one)
    return within
