"""The svduty exception hierarchy.

Every error svduty raises on purpose is a :class:`SvdutyError`. Errors about input data
(a bundle file, a row of a CSV, a field of a JSON line) carry one or more :class:`Problem`
records naming the file, the row, the field and what was expected, so that a person can
find and fix the input, and a program can report every problem at once.

Errors never echo personal data. A :class:`Problem` names *where* the bad value is and
*what was expected*; the offending value itself is shown only when it belongs to a closed
vocabulary or has exactly an expected shape (:func:`shown`). Anything else is described by
its type and length (:func:`describe`), never shown: not in ``str(exc)``, not on standard
error, not in a ``--rejected`` file. A plain string given as ``got`` is screened against
:data:`SAFE_SHAPE` (codes, ids, numbers, amounts), so a caller cannot leak a name by
forgetting to screen it.

Example:
    >>> from svduty.errors import DataError, Problem
    >>> err = DataError([Problem(file="areas.toml", field="districts[2].code",
    ...                          expected="a GSS code such as E07000218", got="E0700021")])
    >>> print(err)
    areas.toml: districts[2].code: expected a GSS code such as E07000218 (got 'E0700021')
    >>> print(Problem(field="weapon", expected="a weapon", got="Jane Citizen"))
    weapon: expected a weapon (got a string of 12 characters, not shown)
    >>> isinstance(err, ValueError)
    True
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

__all__ = [
    "SAFE_SHAPE",
    "AreaError",
    "BundleError",
    "ConflictError",
    "DataError",
    "DefinitionError",
    "Described",
    "FundingError",
    "GovernanceError",
    "InputFormatError",
    "MoneyError",
    "NotInForceError",
    "PeriodError",
    "Problem",
    "ScenarioError",
    "Shown",
    "SvdutyError",
    "UnknownAreaError",
    "UnknownBodyError",
    "UnknownSourceError",
    "describe",
    "quote",
    "quote_keys",
    "shown",
]

SAFE_SHAPE: re.Pattern[str] = re.compile(
    r"""(?x)
      [A-Z]{1,3}[0-9]{1,10}                       # a code: E07000218, E0700021, W06
    | [a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*           # an id or keyword: rugby, s13_violence
    | [-+]?[0-9]{1,15}(?:\.[0-9]{1,15})?          # a number: 131, -5, 0.25
    | -?£[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]{2})?  # an amount: £150, £1,234.50
    | [0-9]{4}/[0-9]{2}                           # a financial year: 2023/24
    """
)
"""The shapes a value may have to be shown without a stated vocabulary or shape.

Codes, ids, numbers and amounts, at most 40 characters; never text with spaces, capitals
after the first letters, or dates (a date is shown only where a date was expected).

Example:
    >>> [bool(SAFE_SHAPE.fullmatch(v)) for v in ("E07000218", "rugby", "Jane Citizen",
    ...                                          "12/03/1985", "DOB 1985-03-12")]
    [True, True, False, False, False]
"""

_MAX_SHOWN = 40


class Shown(str):
    """A value checked safe to show: in a closed vocabulary, or of an expected shape.

    Build one with :func:`shown`; a :class:`Problem` shows it in quotes.

    Example:
        >>> shown("rugby", vocabulary=["rugby", "warwick"])
        'rugby'
        >>> isinstance(shown("rugby", vocabulary=["rugby"]), Shown)
        True
    """

    __slots__ = ()


class Described(str):
    """What a value that is not shown was: its type and size, never the value.

    Example:
        >>> describe("Jane Citizen")
        'a string of 12 characters, not shown'
        >>> isinstance(describe(3), Described)
        True
    """

    __slots__ = ()


def describe(value: object) -> Described:
    """Describe a value by its type and size without showing it.

    Example:
        >>> [describe(v) for v in ("", "x", 1.5, True, [1, 2], {"a": 1}, None)]
        ['an empty string', 'a string of 1 character, not shown', 'a number, not shown', 'true or false', 'a list of 2 items', 'a table of 1 key', 'nothing']
    """  # noqa: E501
    if isinstance(value, Described):
        return value
    if value is None:
        text = "nothing"
    elif isinstance(value, bool):
        text = "true or false"
    elif isinstance(value, str):
        n = len(value)
        text = f"a string of {n} character{'s' * (n != 1)}, not shown" if n else "an empty string"
    elif isinstance(value, int | float | Decimal):
        text = "a number, not shown"
    elif isinstance(value, _dt.date | _dt.time):
        text = "a date or time, not shown"
    elif isinstance(value, Mapping):
        n = len(value)
        text = f"a table of {n} key{'s' * (n != 1)}"
    elif isinstance(value, list | tuple | set | frozenset):
        n = len(value)
        text = f"a list of {n} item{'s' * (n != 1)}"
    elif isinstance(value, bytes | bytearray):
        text = f"{len(value)} bytes, not shown"
    else:
        text = f"a value of type {type(value).__name__}, not shown"
    return Described(text)


def shown(
    value: object,
    *,
    vocabulary: Collection[object] | None = None,
    shape: str | re.Pattern[str] | None = None,
) -> Shown | Described:
    r"""The value if it is safe to show, else a description of it.

    A value is safe when it is in ``vocabulary`` (a closed set of words), or when its text
    matches ``shape`` exactly. With neither given, :data:`SAFE_SHAPE` is the shape. Text
    longer than 40 characters is never shown.

    Args:
        value: The offending value, of any type.
        vocabulary: The closed set of values the field accepts.
        shape: A regular expression the whole value must match.

    Example:
        >>> shown("Jane Citizen", vocabulary=["knife", "firearm"])
        'a string of 12 characters, not shown'
        >>> shown("2023-02-30", shape=r"\d{4}-\d{2}-\d{2}")
        '2023-02-30'
        >>> shown("12/03/1985", shape=r"\d{4}-\d{2}-\d{2}")
        'a string of 10 characters, not shown'
        >>> shown(131), shown(float("nan"))
        ('131', 'a number, not shown')
    """
    if isinstance(value, Shown | Described):
        return value
    if isinstance(value, bool) or value is None:
        return describe(value)
    if vocabulary is not None:
        try:
            known = value in vocabulary
        except TypeError:  # an unhashable value in a set
            known = False
        if known and isinstance(value, str | int) and len(str(value)) <= _MAX_SHOWN:
            return Shown(str(value))
        if shape is None:
            return describe(value)
    if isinstance(value, int | Decimal) or (isinstance(value, float) and not math.isnan(value)):
        text = str(value)
    elif isinstance(value, str):
        text = value
    else:
        return describe(value)
    pattern = SAFE_SHAPE if shape is None else re.compile(shape)
    if len(text) <= _MAX_SHOWN and pattern.fullmatch(text):
        return Shown(text)
    return describe(value)


def quote(
    value: object,
    *,
    vocabulary: Collection[object] | None = None,
    shape: str | re.Pattern[str] | None = None,
) -> str:
    """The value in quotes for a message if it is safe to show, else its description.

    For messages that name a value in a sentence (``f"no body with id {quote(x)}"``).

    Example:
        >>> quote("rugby"), quote("Jane Citizen")
        ("'rugby'", 'a string of 12 characters, not shown')
    """
    safe = shown(value, vocabulary=vocabulary, shape=shape)
    return repr(str(safe)) if isinstance(safe, Shown) else str(safe)


def quote_keys(keys: Iterable[object], vocabulary: Collection[object] | None = None) -> str:
    """Name keys (unknown JSON or TOML keys, CSV headers) without showing unsafe ones.

    Example:
        >>> quote_keys(["weapn", "Jane Citizen", "DOB 1985-03-12"])
        'weapn and 2 keys not shown (of 14 and 12 characters)'
        >>> quote_keys(["Ø"])
        '1 key not shown (of 1 character)'

    """
    safe: list[str] = []
    hidden: list[int] = []
    for key in sorted(keys, key=str):
        q = shown(key, vocabulary=vocabulary)
        if isinstance(q, Shown):
            safe.append(str(q))
        else:
            hidden.append(len(key) if isinstance(key, str) else 0)
    parts = [", ".join(safe)] if safe else []
    if hidden:
        sizes = " and ".join(str(n) for n in hidden[:5]) + (", ..." if len(hidden) > 5 else "")
        word = "key" if len(hidden) == 1 else "keys"
        unit = "character" if hidden == [1] else "characters"
        parts.append(f"{len(hidden)} {word} not shown (of {sizes} {unit})")
    return " and ".join(parts) or "no keys"


def _screen(value: object) -> Shown | Described | None:
    """The ``got`` of a :class:`Problem`: shown when safe, otherwise described."""
    if value is None:
        return None
    return shown(value)


@attrs.frozen(slots=True)
class Problem:
    """One problem found in input data: where it is and what was expected.

    Attributes:
        message: What is wrong, in words; built from ``expected`` and ``got`` when empty.
        file: The file (or stream, such as ``"<stdin>"``) the value came from, if any.
        row: The 1-based row or line number in the file, if the input has rows.
        field: The field path, such as ``"districts[2].code"`` or ``"LSOA code"``.
        expected: What a valid value looks like.
        got: The offending value, screened: a :class:`Shown` value (from :func:`shown`,
            or a plain string of :data:`SAFE_SHAPE`) is shown in quotes; anything else
            is replaced by its :class:`Described` type and size. ``None``: nothing said.

    Example:
        >>> str(Problem(file="x.csv", row=7, field="Longitude", expected="a number"))
        'x.csv: row 7: Longitude: expected a number'
        >>> Problem(field="age", got=[1, 2]).got
        'a list of 2 items'
    """

    message: str = ""
    file: str | None = None
    row: int | None = None
    field: str | None = None
    expected: str | None = None
    got: Shown | Described | None = attrs.field(default=None, converter=_screen)

    def where(self) -> str:
        """The location part of the problem: file, row and field.

        Example:
            >>> Problem(file="a.toml", field="name").where()
            'a.toml: name'
        """
        parts = []
        if self.file is not None:
            parts.append(self.file)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field is not None:
            parts.append(self.field)
        return ": ".join(parts)

    def what(self) -> str:
        """The description part of the problem.

        Example:
            >>> Problem(expected="yes or no", got="maybe").what()
            "expected yes or no (got 'maybe')"
        """
        text = self.message
        if self.expected is not None:
            text = f"{text}; expected {self.expected}" if text else f"expected {self.expected}"
        if isinstance(self.got, Shown):
            text = f"{text} (got {str(self.got)!r})"
        elif self.got is not None:
            text = f"{text} (got {self.got})"
        return text or "invalid value"

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.what()}" if where else self.what()


class SvdutyError(Exception):
    """Base class of every error svduty raises on purpose.

    Example:
        >>> try:
        ...     raise UnknownAreaError("E99999999")
        ... except SvdutyError as err:
        ...     print(type(err).__name__)
        UnknownAreaError
    """


class DataError(SvdutyError, ValueError):
    """Input data is not what was expected; holds every :class:`Problem` found.

    Args:
        problems: The problems, at least one.
        context: An optional sentence put before the problems.

    Example:
        >>> err = DataError.single("bad.toml", "name", expected="a non-empty string")
        >>> err.problems[0].field
        'name'
    """

    def __init__(self, problems: Sequence[Problem] | Problem, context: str | None = None):
        probs = (problems,) if isinstance(problems, Problem) else tuple(problems)
        if not probs:
            probs = (Problem(message="invalid data"),)
        self.problems: tuple[Problem, ...] = probs
        self.context = context
        super().__init__(self._render())

    def _render(self) -> str:
        lines = [str(p) for p in self.problems]
        if self.context:
            lines.insert(0, self.context)
        return "\n".join(lines)

    @classmethod
    def single(
        cls,
        file: str | None,
        field: str | None,
        *,
        expected: str | None = None,
        got: object = None,
        row: int | None = None,
        message: str = "",
    ) -> DataError:
        """Build an error holding one problem.

        Example:
            >>> print(DataError.single(None, "age", expected="0 to 130", got="131"))
            age: expected 0 to 130 (got '131')
        """
        return cls(
            [Problem(message=message, file=file, row=row, field=field, expected=expected, got=got)]
        )

    def with_file(self, file: str) -> DataError:
        """The same error with ``file`` filled in where the problems have none.

        Example:
            >>> DataError.single(None, "name", expected="text").with_file("b.toml").problems[0].file
            'b.toml'
        """
        probs = [p if p.file else attrs.evolve(p, file=file) for p in self.problems]
        new = type(self).__new__(type(self))
        DataError.__init__(new, probs, self.context)
        return new

    def __str__(self) -> str:
        return self._render()


class BundleError(DataError):
    """A partnership bundle (a folder of TOML files) is malformed; nothing was loaded.

    Example:
        >>> isinstance(BundleError.single("bundle.toml", "name", expected="text"), DataError)
        True
    """


class InputFormatError(DataError):
    """An input file is not of the expected format at all (wrong header, not a CSV...).

    Raised before any row is read, so a run fails fast instead of rejecting every row.

    Example:
        >>> raise InputFormatError.single("x.csv", "header", expected="the police.uk columns")
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: x.csv: header: expected the police.uk columns
    """


class ConflictError(DataError):
    """Facts given together contradict each other; svduty reports, never resolves, them.

    For example ``died: false`` with harm ``death``: svduty does not choose a side.

    Example:
        >>> err = ConflictError.single(None, "died", message="contradicts harms=['death']")
        >>> err.problems[0].field
        'died'
    """


class PeriodError(DataError):
    """Dated values overlap or leave a gap, or a period ends before it starts.

    Example:
        >>> issubclass(PeriodError, ValueError)
        True
    """


class NotInForceError(SvdutyError, LookupError):
    """No dated value is in force at the date asked about.

    Example:
        >>> issubclass(NotInForceError, LookupError)
        True
    """


class MoneyError(DataError):
    """An amount of money is malformed (a float, negative, more than two decimal places...).

    Example:
        >>> issubclass(MoneyError, ValueError)
        True
    """


class FundingError(DataError):
    """A funding rule cannot be applied (weights all zero, a floor above the amount...).

    Example:
        >>> issubclass(FundingError, DataError)
        True
    """


class DefinitionError(DataError):
    """A definition of violence is malformed, or tries to bring back what the Act excludes.

    Example:
        >>> issubclass(DefinitionError, DataError)
        True
    """


class GovernanceError(DataError):
    """A governance graph is malformed (a relation to a body that does not exist...).

    Example:
        >>> issubclass(GovernanceError, DataError)
        True
    """


class ScenarioError(GovernanceError):
    """A what-if scenario cannot be applied; names the change that failed.

    The original graph is never touched.

    Example:
        >>> issubclass(ScenarioError, GovernanceError)
        True
    """


class AreaError(DataError):
    """An area record is malformed (an invalid GSS code, a district in two CSPs...).

    Example:
        >>> issubclass(AreaError, DataError)
        True
    """


class UnknownAreaError(SvdutyError, LookupError):
    """A GSS code or area name is not known and cannot be resolved.

    Args:
        code: The code or name looked up (codes are not personal data).
        hint: An optional sentence on what was tried.

    Example:
        >>> str(UnknownAreaError("E01999999"))
        'unknown area: E01999999'
        >>> str(UnknownAreaError("Jane Citizen"))
        'unknown area: a string of 12 characters, not shown'
    """

    def __init__(self, code: str, hint: str | None = None):
        self.code = code
        self.hint = hint
        super().__init__(f"unknown area: {shown(code)}" + (f" ({hint})" if hint else ""))


class UnknownBodyError(SvdutyError, LookupError):
    """A body id is not in the governance graph.

    Example:
        >>> str(UnknownBodyError("no-such-board"))
        'unknown body: no-such-board'
    """

    def __init__(self, body_id: str):
        self.body_id = body_id
        super().__init__(f"unknown body: {shown(body_id)}")


class UnknownSourceError(SvdutyError, LookupError):
    """A citation names a source id that is in neither the national catalogue nor the bundle.

    Example:
        >>> str(UnknownSourceError("no-such-act"))
        'unknown source: no-such-act'
    """

    def __init__(self, source_id: str, known: Iterable[str] = ()):
        self.source_id = source_id
        known_list = sorted(known)
        hint = f" (known: {', '.join(known_list[:12])}{', ...' if len(known_list) > 12 else ''})"
        super().__init__(f"unknown source: {shown(source_id)}" + (hint if known_list else ""))
