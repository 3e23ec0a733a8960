"""Arrow's compute functions, without importing ``pyarrow.compute``.

``import pyarrow.compute`` builds a Python function, with its signature and docstring, for
each of Arrow's ~400 compute functions: 0.02-0.03 s of every ``svduty`` command's start-up,
for the ~60 functions svduty calls. This module makes the same functions on first use from
``pyarrow._compute`` (the compiled module both share): :func:`pyarrow._compute.get_function`
and the function's own options class, called the way ``pyarrow.compute`` calls them (the
function's arguments first, then its options by position or by name). ``cast``, ``take``
and ``fill_null``, which ``pyarrow.compute`` writes by hand, are written here too.

Arrays' own methods (``Array.take``, ``.cast``, ``.filter``, ``.unique``...) import
``pyarrow.compute``; svduty's code calls the functions here instead
(``tests/test_startup.py`` checks that ``svduty classify`` never imports it).

Example:
    >>> import pyarrow as pa
    >>> from svduty import _compute as pc
    >>> pc.add(pa.array([1, 2]), 1).to_pylist()
    [2, 3]
    >>> pc.is_in(pa.array(["a", "b"]), value_set=pa.array(["b"])).to_pylist()
    [False, True]
    >>> pc.and_(pa.array([True, True]), pa.array([True, False])).to_pylist()
    [True, False]
    >>> pc.binary_join_element_wise(pa.array(["a"]), pa.array(["b"]), "-").to_pylist()
    ['a-b']
    >>> pc.fill_null(pa.array([1, None]), 0).to_pylist(), pc.cast(pa.array([1]), pa.string())
    ([1, 0], <pyarrow.lib.StringArray object at ...>
    [
      "1"
    ])
    >>> pc.take(pa.array(["x", "y"]), pa.array([1, 1])).to_pylist()
    ['y', 'y']
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow._compute as _c

_RENAMED = {"and_": "and", "or_": "or"}
"""Python names of Arrow functions whose names are Python keywords."""


def _wrap(name: str) -> Any:
    """The Python function for Arrow's compute function ``name``, as ``pyarrow.compute``'s."""
    func = _c.get_function(_RENAMED.get(name, name))
    options_name = func._doc.options_class  # type: ignore[attr-defined]
    options_class = getattr(_c, options_name) if options_name else None
    arity: Any = func.arity  # an int, or Ellipsis for a variable number of arguments

    def call(*args: Any, memory_pool: Any = None, options: Any = None, **kwargs: Any) -> Any:
        option_args: tuple[Any, ...] = ()
        if arity is not Ellipsis:  # after a variable number of arguments, options by name
            args, option_args = args[:arity], args[arity:]
        if options is None and (option_args or kwargs):
            if options_class is None:
                raise TypeError(f"{name} takes no options")
            options = options_class(*option_args, **kwargs)
        return func.call(list(args), options, memory_pool)

    call.__name__ = name
    return call


def cast(arr: Any, target_type: Any, safe: bool = True) -> Any:
    """``arr`` as ``target_type``; ``safe`` refuses lossy casts (as ``pyarrow.compute.cast``).

    Example:
        >>> import pyarrow as pa
        >>> cast(pa.array(["7"]), pa.int8()).to_pylist()
        [7]
    """
    options = _c.CastOptions.safe(target_type) if safe else _c.CastOptions.unsafe(target_type)
    return _c.call_function("cast", [arr], options)


def take(data: Any, indices: Any) -> Any:
    """The values of ``data`` at ``indices``, checked (as ``pyarrow.compute.take``).

    Example:
        >>> import pyarrow as pa
        >>> take(pa.array([4, 5]), pa.array([1, None])).to_pylist()
        [5, None]
    """
    return _c.call_function("take", [data, indices])


_IN_BOUNDS = _c.TakeOptions(boundscheck=False)


def take_in_bounds(data: Any, indices: Any) -> Any:
    """``take`` of indices already known to lie within ``data``: no check of each index.

    Only for svduty's own numbers (a row's group among a batch's distinct rows, a row's
    place among its places), made within ``data`` by construction and checked once where
    they are made (:func:`svduty._arrays.check_within`). Arrow's check of every index costs
    as much again as taking 32-bit numbers (1,000,000 indices: 0.9 against 0.35 ms). An
    index outside ``data`` would read outside it: never give this indices from input.

    Example:
        >>> import pyarrow as pa
        >>> take_in_bounds(pa.array([4, 5]), pa.array([1, 0, 1])).to_pylist()
        [5, 4, 5]
    """
    return _c.call_function("take", [data, indices], _IN_BOUNDS)


def check_within(indices: Any, n: int) -> None:
    """Refuse svduty's own numbers (no nulls) outside ``0 <= i < n``, once for many takes.

    :func:`take_in_bounds` and :func:`words_of` do not check each index; the numbers they
    are given are checked here once where they are made (two numpy passes, not one check
    in each take).

    Example:
        >>> import pyarrow as pa
        >>> check_within(pa.array([0, 2], pa.int32()), 3)
        >>> check_within(pa.array([0, 3], pa.int32()), 3)
        Traceback (most recent call last):
        ...
        svduty.errors.SvdutyError: row numbers outside 0..2 (svduty's own numbering is wrong)
    """
    from svduty.errors import SvdutyError

    numbers = indices.to_numpy() if len(indices) and not indices.null_count else None
    if len(indices) and (numbers is None or numbers.min() < 0 or numbers.max() >= n):
        raise SvdutyError(f"row numbers outside 0..{n - 1} (svduty's own numbering is wrong)")


def words_of(indices: Any, dictionary: Any) -> Any:
    """A dictionary array of ``indices`` already known to lie within ``dictionary``.

    ``DictionaryArray.from_arrays`` without its check of every index (0.5 ms a 1,000,000
    rows): for numbers taken from a dictionary array's own indices (see
    :func:`take_in_bounds`), which lie within its dictionary.

    Example:
        >>> import pyarrow as pa
        >>> words_of(pa.array([1, 0], pa.int32()), pa.array(["no", "yes"])).to_pylist()
        ['yes', 'no']
    """
    return pa.DictionaryArray.from_arrays(indices, dictionary, safe=False)


def fill_null(values: Any, fill_value: Any) -> Any:
    """``values`` with each null replaced by ``fill_value`` (as ``pyarrow.compute.fill_null``).

    Example:
        >>> import pyarrow as pa
        >>> fill_null(pa.array(["a", None]), "b").to_pylist()
        ['a', 'b']
    """
    plain = not isinstance(fill_value, (pa.Array, pa.ChunkedArray))
    if plain and isinstance(values, (pa.Array, pa.ChunkedArray)) and not values.null_count:
        return values  # nothing to fill (most columns): no scalar made, no call
    if isinstance(fill_value, bool) and isinstance(values, pa.BooleanArray):
        return _filled_bools(values, fill_value)
    if isinstance(fill_value, pa.Scalar):
        if fill_value.type != values.type:
            fill_value = pa.scalar(fill_value.as_py(), type=values.type)
    elif plain:
        fill_value = pa.scalar(fill_value, type=values.type)
    return _c.call_function("coalesce", [values, fill_value])


def _filled_bools(values: Any, fill: bool) -> Any:
    """A boolean array with nulls, its nulls as ``fill``: its bits and'ed or or'ed in numpy.

    Arrow's ``coalesce`` of a boolean array costs about 25 times as much (17,000 rows: 109
    against 4 us), and the rule engine's flags mostly have nulls (undetermined).

    Example:
        >>> import pyarrow as pa
        >>> a = pa.array([None, True, None, False]).slice(1)
        >>> _filled_bools(a, True).to_pylist(), _filled_bools(a, False).to_pylist()
        ([True, True, False], [True, False, False])
    """
    import numpy as np  # (pyarrow's own dependency, imported with it)

    start, n = values.offset, len(values)
    size = (start + n + 7) // 8
    validity, data = values.buffers()[:2]
    bits = np.frombuffer(data, np.uint8)[:size]
    valid = np.frombuffer(validity, np.uint8)[:size]
    out: Any = bits | ~valid if fill else bits & valid
    return pa.Array.from_buffers(pa.bool_(), n, [None, pa.py_buffer(out)], 0, start)


def dictionary_decode(values: Any) -> Any:
    """A dictionary-encoded array or column as its plain values (``Array.dictionary_decode``).

    Example:
        >>> import pyarrow as pa
        >>> dictionary_decode(pa.array(["a", "b", "a"]).dictionary_encode()).to_pylist()
        ['a', 'b', 'a']
    """
    return cast(values, values.type.value_type)


def sort_by(table: pa.Table, sort_keys: Any) -> pa.Table:
    """The rows of ``table`` in the order of ``sort_keys`` (as ``Table.sort_by``).

    Example:
        >>> import pyarrow as pa
        >>> sort_by(pa.table({"n": [2, 1]}), [("n", "ascending")]).column("n").to_pylist()
        [1, 2]
    """
    order = _c.call_function("sort_indices", [table], _c.SortOptions(sort_keys=sort_keys))
    rows: pa.Table = take(table, order)
    return rows


def __getattr__(name: str) -> Any:
    """Arrow's compute function ``name``, made once, on first use."""
    if name.startswith("__"):
        raise AttributeError(name)
    try:
        function = _wrap(name)
    except pa.ArrowKeyError:
        raise AttributeError(f"Arrow has no compute function {name!r}") from None
    globals()[name] = function
    return function
