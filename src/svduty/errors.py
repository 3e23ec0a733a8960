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
``SAFE_SHAPE`` (GSS codes, ids, short numbers, days), so a caller cannot leak a name by
forgetting to screen it.

Example:
    >>> from svduty.errors import DataError, Problem
    >>> err = DataError([Problem(file="areas.toml", field="districts[2].code",
    ...                          expected="a district's GSS code", got="E01031012")])
    >>> print(err)
    areas.toml: districts[2].code: expected a district's GSS code (got 'E01031012')
    >>> print(Problem(field="weapon", expected="a weapon", got="Jane Citizen"))
    weapon: expected a weapon (got a string of 12 characters, not shown)
    >>> isinstance(err, ValueError)
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from svduty._shown import (
    DATA_SHAPE,
    SAFE_SHAPE,
    Described,
    Shown,
    _screen,
    describe,
    named,
    printable,
    quote,
    quote_keys,
    shown,
)

__all__ = [
    "DATA_SHAPE",
    "SAFE_SHAPE",
    "AreaError",
    "ArgumentError",
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
    "named",
    "printable",
    "quote",
    "quote_keys",
    "shown",
]


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
            or a plain string of ``SAFE_SHAPE``) is shown in quotes; anything else
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
        if self.file is not None:  # a file name may hold a line break or an escape
            parts.append(printable(self.file))
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


_UNKNOWN_SOURCE = "unknown source: "
_LISTED = 3  # the fields named of those that cite one unknown source


def sources_once(problems: Iterable[Problem]) -> list[Problem]:
    """The problems, with each unknown source of a file said once, and how often it is cited.

    Each citation of a source the bundle does not declare is a problem of its own field,
    but one fix mends them all (the source declared in ``bundle.toml``), and a published
    definition copied without its sources cites one a dozen times. The first of them
    stands, in its place, for the others of its file and row, saying how many cite the
    source and where (the first three fields); every other problem is kept as it is.
    This is how problems are printed (``str()`` of a :class:`DataError`, ``svduty
    validate``); :attr:`SvdutyError.problems` and the JSON documents list each one.

    Example:
        >>> cites = [Problem("unknown source: x", "definition.toml", field=f)
        ...          for f in ("citation", "kinds[0].citation", "kinds[1].citation",
        ...                    "kinds[2].citation", "kinds[3].citation")]
        >>> for p in sources_once(cites + [Problem("unknown source: y", field="citation")]):
        ...     print(p)
        definition.toml: unknown source: x (cited 5 times: citation, kinds[0].citation, kinds[1].citation and 2 more)
        citation: unknown source: y
    """  # noqa: E501
    problems = list(problems)

    def key(p: Problem) -> tuple[object, ...] | None:
        unknown = p.message.startswith(_UNKNOWN_SOURCE)
        return (p.file, p.row, p.message, p.expected, p.got) if unknown else None

    fields: dict[tuple[object, ...], list[str]] = {}
    for p in problems:
        if (k := key(p)) is not None:
            fields.setdefault(k, []).append(p.field or "(no field)")
    out: list[Problem] = []
    said: set[tuple[object, ...]] = set()
    for p in problems:
        k = key(p)
        if k is None or len(fields[k]) == 1:
            out.append(p)
        elif k not in said:  # the first of several stands for them all
            said.add(k)
            message = f"{p.message} (cited {len(fields[k])} times: {_listed(fields[k])})"
            out.append(attrs.evolve(p, field=None, message=message))
    return out


def _listed(fields: list[str]) -> str:
    """Fields in words, the first three named (``a, b, c and 9 more``; one alone as it is).

    Example:
        >>> _listed(["a", "b"]), _listed(["a", "b", "c"]), _listed(["a", "b", "c", "d", "e"])
        ('a and b', 'a, b and c', 'a, b, c and 2 more')
        >>> _listed(["a"])
        'a'
    """
    if len(fields) == 1:
        return fields[0]
    if len(fields) <= _LISTED:
        return f"{', '.join(fields[:-1])} and {fields[-1]}"
    return f"{', '.join(fields[:_LISTED])} and {len(fields) - _LISTED} more"


class SvdutyError(Exception):
    """Base class of every error svduty raises on purpose.

    Every one has :attr:`problems`: a :class:`DataError`'s, each with its file, row and
    field; for a look-up (an unknown area, body or source), one problem, the message.

    Example:
        >>> try:
        ...     raise UnknownAreaError("E99999999")
        ... except SvdutyError as err:
        ...     print(type(err).__name__, err.problems[0].message)
        UnknownAreaError unknown area: E99999999
    """

    @property
    def problems(self) -> tuple[Problem, ...]:
        """What is wrong, one problem each (never empty)."""
        given: tuple[Problem, ...] = self.__dict__.get("_problems", ())
        return given or (Problem(message=str(self)),)

    @problems.setter
    def problems(self, value: tuple[Problem, ...]) -> None:
        self.__dict__["_problems"] = value

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled as it is, not built again from its message: an UnknownAreaError built
        # from its own text would hide it as a value that could be personal data
        return (_rebuilt, (type(self), self.args), self.__dict__)


def _rebuilt(kind: type[SvdutyError], args: tuple[Any, ...]) -> SvdutyError:
    """An error unpickled: its message as it was (its attributes are set after)."""
    return kind.__new__(kind, *args)


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
        self.problems = probs
        self.context = context
        super().__init__(self._render())

    def _render(self) -> str:
        lines = [str(p) for p in sources_once(self.problems)]
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


class ArgumentError(DataError, TypeError):
    """An argument given to a public function is not of a type it takes.

    Names the function's argument and what it takes, never the value given (only its
    type and size). A :class:`DataError` like every other bad input, and a
    :class:`TypeError`, as Python raises for a wrong type.

    Example:
        >>> import svduty
        >>> svduty.load_partnership(None)
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: load_partnership(path): expected a bundle folder or the name of a packaged bundle (str or os.PathLike) (got None)
        >>> issubclass(ArgumentError, TypeError), issubclass(ArgumentError, SvdutyError)
        (True, True)
    """  # noqa: E501


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
