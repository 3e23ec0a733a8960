"""Public functions that fail on a wrong argument's type raise :class:`ArgumentError`.

:func:`checked` wraps a public function or method. A call runs as it would unwrapped; only
when it fails with an error svduty did not raise on purpose (an ``AttributeError`` or a
``TypeError`` from deep inside, say) are its arguments compared with its annotations. When
one is not of its annotated type, the failure is an :class:`~svduty.errors.ArgumentError`
naming the function, the argument and the type it takes, and the type given (never the
value; nor is the original error chained to it, its text may quote the value). When every
argument fits, the original error is raised unchanged: a fault inside
svduty is never hidden behind a complaint about the caller.

So a good call costs one more Python call and no check, and the annotations the type
checker reads are the one statement of what each function takes.

Example:
    >>> @checked
    ... def shout(word: str) -> str:
    ...     return word.upper()
    >>> shout("duty")
    'DUTY'
    >>> shout(5)
    Traceback (most recent call last):
    ...
    svduty.errors.ArgumentError: shout(word): expected str (got an int)
"""

from __future__ import annotations

import functools
import inspect
import os
import re
import sys
import types
import typing
from collections import abc
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast

from svduty._arguments import wrong_argument
from svduty.errors import ArgumentError, DataError, Described, SvdutyError

__all__ = ["checked", "checked_fields", "checked_methods", "fits", "misfit", "unopenable"]

P = ParamSpec("P")
R = TypeVar("R")
C = TypeVar("C", bound=type)
T = TypeVar("T")

_CHECKED = "__svduty_checked__"
_MODULE_PATH = r"\b(?:[A-Za-z_][A-Za-z0-9_]*\.)+(?=[A-Za-z_])"  # compiled at first use
_ARROW_SUBSCRIPT = r"\b(pa\.[A-Za-z]+)\[[^\[\]]*\]"
_COLLECTIONS = (list, tuple, set, frozenset, dict, types.MappingProxyType)


def checked(function: Callable[P, R]) -> Callable[P, R]:
    """``function``, raising :class:`ArgumentError` when it fails on a wrong argument.

    Example:
        >>> @checked
        ... def first(words: list[str]) -> str:
        ...     return words[0].upper()
        >>> first(["a"])
        'A'
        >>> first([2])
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: first(words[0]): expected str (got an int)
    """
    deliberate, check, path = SvdutyError, misfit, unopenable  # the wrapper reads no globals

    def instead(error: Exception, args: Any, kwargs: Any) -> DataError | None:
        # what to raise for error (None: itself); an inner checked stream's error (a
        # read_... reading its iter_... twin) is named again by the function called
        cause = getattr(error, "_svduty_cause", None)
        if isinstance(error, deliberate) and cause is None:  # a look-up of None is no
            # unknown area: the type is wrong
            return check(function, args, kwargs) if isinstance(error, LookupError) else None
        made: DataError | None = check(function, args, kwargs)
        made = made or path(function, args, kwargs, cause or error)
        if made is not None:
            setattr(made, "_svduty_cause", cause or error)  # noqa: B010
        return made

    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except Exception as error:
            unusable = instead(error, args, kwargs)
            if unusable is None:
                raise
            raise unusable from None  # the failure's own text may quote the value: not shown

    def stream(*args: P.args, **kwargs: P.kwargs) -> Any:
        # a generator's body runs as it is read, after the call: checked there too (an
        # iter_... function given a wrong path raised Python's own TypeError; hostile47)
        try:
            yield from function(*args, **kwargs)  # type: ignore[misc]
        except Exception as error:
            unusable = instead(error, args, kwargs)
            if unusable is None:
                raise
            raise unusable from None

    # the wrapper takes the function's own globals, so that tools which evaluate its
    # annotations there (Sphinx, for an overloaded function's signatures) find its names
    body = stream if inspect.isgeneratorfunction(function) else call
    wrapper = types.FunctionType(
        body.__code__, function.__globals__, function.__name__, None, body.__closure__
    )
    functools.update_wrapper(wrapper, function)
    setattr(wrapper, _CHECKED, True)
    return cast(Callable[P, R], wrapper)


def checked_methods(cls: C) -> C:
    """``cls``, its ``__init__`` and public methods (class, static methods too) :func:`checked`.

    Example:
        >>> @checked_methods
        ... class Shouter:
        ...     def shout(self, word: str) -> str:
        ...         return word.upper()
        >>> Shouter().shout(None)
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: Shouter.shout(word): expected str (got None)
    """
    seen: set[str] = set()
    for base in cls.__mro__[:-1]:  # svduty's own bases too (Geography's look-ups, say)
        if base is not cls and not base.__module__.startswith("svduty"):
            continue
        for name, value in list(vars(base).items()):
            if (name.startswith("_") and name != "__init__") or name in seen:
                continue
            seen.add(name)
            if isinstance(value, (classmethod, staticmethod)):
                if not getattr(value.__func__, _CHECKED, False):
                    setattr(cls, name, type(value)(checked(value.__func__)))
            elif isinstance(value, types.FunctionType) and not getattr(value, _CHECKED, False):
                setattr(cls, name, checked(value))
    return cls


def checked_fields(cls: C) -> C:
    """``cls`` (an attrs class), its values checked against their annotations when made.

    A record built in Python with a value of the wrong type (a float for :class:`Money`,
    an id where a body is wanted) failed only later, far from the mistake, or not at all.
    Text given for an enumeration becomes its member, as a bundle's text does (a name no
    member has is a :class:`~svduty.errors.DataError` listing the choices); any other value
    not of its field's type is an :class:`~svduty.errors.ArgumentError` naming the class
    and the field, never the value.

    Example:
        >>> import attrs
        >>> @checked_fields
        ... @attrs.frozen
        ... class Board:
        ...     name: str
        >>> Board(1.5)
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: Board(name): expected str (got a float)
    """
    import attrs

    from svduty._arguments import choice_argument
    from svduty._plain_days import kept_names

    init: Callable[..., None] = vars(cls)["__init__"]
    fields = attrs.fields(cls)
    kept = kept_names(cls)  # a day read as kept (plain), so no pendulum (svduty._plain_days)
    resolved: list[dict[str, Any]] = []  # the hints, read at the first record made

    def check(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        if not resolved:
            resolved.append(_hints(init, {f.alias: f.type for f in fields}))
        hints = resolved[0]
        for f, name in zip(fields, kept, strict=True):
            value = getattr(self, name)
            hint = hints.get(f.alias)
            if hint is None or fits(value, hint):
                continue
            where = f"{cls.__name__}({f.alias})"
            listed = isinstance(value, list) and typing.get_origin(hint) is tuple
            if listed and fits(tuple(value), hint):  # a list where a tuple is kept
                object.__setattr__(self, f.name, tuple(value))
                continue
            choices = _enumeration(hint)
            if choices is None or not isinstance(value, str):
                raise _wrong(where, hint, value)
            object.__setattr__(self, f.name, choice_argument(value, choices, where))

    functools.update_wrapper(check, init)
    cls.__init__ = check  # type: ignore[misc]
    cls.__svduty_unchecked_init__ = init  # type: ignore[attr-defined]  # see unchecked()
    return cls


def unchecked(cls: Callable[..., T], /, **kwargs: Any) -> T:
    """A record of a :func:`checked_fields` class made without the check of its fields.

    For svduty's own bulk loaders, which make tens of thousands of records from tables
    whose every value is of its type already: the class's converters, validators and
    ``__attrs_post_init__`` still run; only the comparison with the annotations (about
    14 µs a record) is left out. Never for values a caller gave.

    Example:
        >>> import attrs
        >>> @checked_fields
        ... @attrs.frozen
        ... class Board:
        ...     name: str
        >>> unchecked(Board, name="Rugby").name
        'Rugby'
    """
    made: Any = object.__new__(cast(type, cls))
    vars(cls)["__svduty_unchecked_init__"](made, **kwargs)
    return cast(T, made)


def _enumeration(hint: Any) -> Any:
    """The enumeration ``hint`` names (alone or with ``None``), else ``None``."""
    import enum

    one = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
    if len(one) == 1 and isinstance(one[0], type) and issubclass(one[0], enum.Enum):
        return one[0]
    return None


def misfit(
    function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> ArgumentError | None:
    """The error for the first argument not of its annotated type, or ``None``.

    Example:
        >>> def half(n: int) -> float:
        ...     return n / 2
        >>> print(misfit(half, ("2",), {}))
        half(n): expected int (got a str)
        >>> misfit(half, (2,), {}) is None
        True
    """
    import inspect  # only when a call has failed: start-up does not pay for it

    signature = inspect.signature(function)
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError:  # too many or too few: Python's own message says which
        return None
    hints = _hints(function)
    for name, value in bound.arguments.items():
        if name not in hints:
            continue
        kind = signature.parameters[name].kind
        if kind is inspect.Parameter.VAR_POSITIONAL:
            values = list(value)
        elif kind is inspect.Parameter.VAR_KEYWORD:
            values = list(value.values())
        else:
            values = [value]
        for one in values:
            if not fits(one, hints[name]):
                return _wrong(f"{_called(function, args)}({name})", hints[name], one)
    return None


_NAME_MAX = 255
"""The longest name (in bytes) of a file or folder on the systems svduty runs on."""
_PATH_LEAST = 1023
"""The longest path (in bytes) every system svduty runs on takes: macOS's ``PATH_MAX`` of
1,024 with its NUL (Linux's is 4,096): a longer one is the path's fault, not the disk's."""
_OPENABLE = (
    "a path a system can open: no NUL character, each name at most 255 bytes, the whole at "
    "most 4,095 (1,023 on macOS)"
)


def unopenable(
    function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], error: Exception
) -> DataError | None:
    r"""The error for a path no system can open, when the call failed on it; or ``None``.

    A path with a NUL character (Python's ``ValueError``), a name longer than 255 bytes
    or a whole longer than the system takes (``OSError``, "File name too long") is bad
    input, not a state of the file system: it is a :class:`~svduty.errors.DataError`
    naming the argument, never the path.

    Example:
        >>> def read(path: str) -> str:
        ...     return open(path).read()
        >>> print(unopenable(read, ("a\x00b",), {}, ValueError("embedded null byte")))
        read(path): expected a path a system can open: no NUL character, each name at most 255 bytes, the whole at most 4,095 (1,023 on macOS) (got a path with a NUL character)
        >>> import errno
        >>> too_long = OSError(errno.ENAMETOOLONG, "File name too long")
        >>> print(unopenable(read, ("/b" * 3000,), {}, too_long))
        read(path): expected a path a system can open: no NUL character, each name at most 255 bytes, the whole at most 4,095 (1,023 on macOS) (got a path of 6,000 bytes)
        >>> unopenable(read, ("a.txt",), {}, FileNotFoundError()) is None
        True
    """  # noqa: E501
    import errno
    import inspect

    long_name = isinstance(error, OSError) and error.errno == errno.ENAMETOOLONG
    if not (long_name or (isinstance(error, ValueError) and "null" in str(error))):
        return None
    try:
        bound = inspect.signature(function).bind(*args, **kwargs)
    except TypeError:  # pragma: no cover - the call itself would have failed first
        return None
    for name, value in bound.arguments.items():
        for one in value if isinstance(value, (list, tuple)) else [value]:
            text = os.fspath(one) if isinstance(one, (str, os.PathLike)) else None
            if not isinstance(text, str):
                continue
            whole = text.encode("utf-8", "surrogateescape")
            names = whole.split(b"/")
            got = (
                "a path with a NUL character"
                if "\x00" in text
                else "a name of more than 255 bytes"
                if long_name and max(len(n) for n in names) > _NAME_MAX
                else f"a path of {len(whole):,} bytes"  # each name short: too many (final41)
                if long_name and len(whole) > _PATH_LEAST
                else None
            )
            if got is not None:
                where = f"{_called(function, args)}({name})"
                return DataError.single(None, where, expected=_OPENABLE, got=Described(got))
    return None


def _wrong(where: str, hint: Any, value: object) -> ArgumentError:
    """The error for ``value``, not of the type ``hint``, naming the item that does not fit.

    A list or tuple of the kind wanted is not the fault: its first item that is not of
    its type is named by its place (never its value), in lists within lists too.

    Example:
        >>> print(_wrong("f(codes)", tuple[str, ...], ("E07000218", 5)))
        f(codes[1]): expected str (got an int)
        >>> print(_wrong("f(codes)", list[str] | None, 5))
        f(codes): expected list[str] | None (got an int)
    """
    while isinstance(value, (list, tuple)):
        kinds = [h for h in _members(hint) if isinstance(value, typing.get_origin(h) or ())]
        arguments = typing.get_args(kinds[0]) if len(kinds) == 1 else ()
        if not arguments or (typing.get_origin(kinds[0]) is tuple and arguments[-1:] != (...,)):
            break  # a fixed-length tuple, or no single kind of list: the whole is named
        index = next((i for i, item in enumerate(value) if not fits(item, arguments[0])), None)
        if index is None:
            break
        at = where.rfind(")") if where.endswith(")") else len(where)
        where, hint, value = f"{where[:at]}[{index}]{where[at:]}", arguments[0], value[index]
    return wrong_argument(where, _shown(hint), value)


def _members(hint: Any) -> tuple[Any, ...]:
    """The types a union ``hint`` joins (``hint`` alone if it is not one)."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return typing.get_args(hint)
    return (hint,)


def _called(function: Callable[..., Any], args: tuple[Any, ...]) -> str:
    """The name a caller used: a method inherited from a private base by its own class.

    ``Geography.resolve_location``, not ``Resolving.resolve_location`` (the base a
    user never sees).
    """
    owner, _, name = function.__qualname__.rpartition(".")
    if owner and args and any(c.__name__ == owner for c in type(args[0]).__mro__[1:]):
        owner = type(args[0]).__name__
    return owner if owner and name == "__init__" else f"{owner}.{name}" if owner else name


def fits(value: object, hint: Any) -> bool:
    """Whether ``value`` is of the type ``hint``, as far as can be told without consuming it.

    The items of lists, tuples, sets and mappings are checked too; an iterator's are not.
    What cannot be checked (a protocol, a forward reference not resolved) fits.

    Example:
        >>> fits(["a"], list[str]), fits("a", abc.Iterable[str]), fits("a", abc.Iterable[int])
        (True, True, False)
        >>> fits(None, int | None), fits(1, float), fits(True, typing.Literal["yes"])
        (True, True, False)
    """
    if hint is Any or hint is object or isinstance(hint, (str, typing.ForwardRef)):
        return True
    if hint is None or hint is type(None):
        return value is None
    if isinstance(hint, TypeVar):
        return hint.__bound__ is None or fits(value, hint.__bound__)
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:
        return any(fits(value, one) for one in arguments)
    if origin is typing.Literal:
        return any(value == one and type(value) is type(one) for one in arguments)
    if origin is typing.Annotated:
        return fits(value, arguments[0])
    if origin is None:
        return _is_instance(value, hint)
    if origin is type:
        return isinstance(value, type)
    if origin is abc.Callable:
        return callable(value)
    if not isinstance(origin, type) or not isinstance(value, origin):
        return not isinstance(origin, type)
    return _items_fit(value, origin, arguments)


def _is_instance(value: object, hint: Any) -> bool:
    if hint is float:  # PEP 484: an int is a float
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(hint, type) and not getattr(hint, "_is_protocol", False):
        return isinstance(value, hint)
    return True


def _items_fit(value: object, origin: type, arguments: tuple[Any, ...]) -> bool:
    if not arguments or not isinstance(value, _COLLECTIONS):
        if arguments and isinstance(value, (str, bytes)):  # text is a collection of itself
            return fits(value[:1] if isinstance(value, str) else 0, arguments[0])
        return True
    if isinstance(value, (dict, types.MappingProxyType)):
        if len(arguments) != 2:  # a mapping taken as an iterable: its keys
            return all(fits(k, arguments[0]) for k in value)
        return all(fits(k, arguments[0]) and fits(v, arguments[1]) for k, v in value.items())
    items = list(value)
    if origin is tuple and not (len(arguments) == 2 and arguments[1] is Ellipsis):
        return len(items) == len(arguments) and all(map(fits, items, arguments))
    return all(fits(item, arguments[0]) for item in items)


def _hints(
    function: Callable[..., Any], annotations: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The annotations of ``function`` (or ``annotations``) that can be resolved, each alone."""
    own = getattr(function, "__globals__", None)  # the module the function was made in:
    if isinstance(own, dict) and own.get("__name__") == function.__module__:
        names = dict(own)  # (sys.modules may hold a second import of it: pytest's doctests)
    else:
        module = sys.modules.get(function.__module__)
        names = dict(vars(module)) if module is not None else {}
    if "pa" not in names and "pyarrow" in sys.modules:  # a name imported for type checking only
        names["pa"] = sys.modules["pyarrow"]
    hints: dict[str, Any] = {}
    if annotations is None:
        annotations = getattr(function, "__annotations__", {})
    for name, annotation in annotations.items():
        if name == "return":
            continue
        text = annotation
        for _ in range(8):  # each round finds one name imported only for type checking
            try:
                hints[name] = eval(text, names) if isinstance(text, str) else text
                break
            except NameError as error:
                if error.name is None or not _found(error.name, names):
                    break
            except TypeError:  # pyarrow's classes take no subscript at run time: pa.Array[Any]
                unsubscripted = re.sub(_ARROW_SUBSCRIPT, r"\1", text)
                if unsubscripted == text:
                    break
                text = unsubscripted
            except Exception:  # not an annotation Python can read: not checked
                break
    return hints


def _found(name: str, names: dict[str, Any]) -> bool:
    """Put into ``names`` a class of svduty's called ``name``, from a module already imported."""
    for module_name, module in list(sys.modules.items()):
        value = getattr(module, name, None) if module_name.startswith("svduty") else None
        if isinstance(value, type):
            names[name] = value
            return True
    return False


def _shown(hint: Any) -> str:
    """``hint`` as written, without its modules' names: ``Iterable[Incident] | None``."""
    if isinstance(hint, type) and typing.get_origin(hint) is None:
        return hint.__name__
    return re.sub(_MODULE_PATH, "", repr(hint)).replace("NoneType", "None")
