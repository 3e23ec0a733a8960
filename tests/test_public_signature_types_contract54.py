"""Every type a public function takes or returns can be named from a public module (contract54).

A client under ``mypy --strict`` that keeps a resolver for ``classify(...,
resolve_district=...)``, a weight for ``split``, or a scenario of its own for
``reorganise`` needs the type's name: ``ResolveDistrict``, ``Weight``, ``ScenarioLike``
and the pipeline's parts (``AreaResolver``, ``Rejecter``...) lived in private modules only,
so the client had to import ``svduty.definitions._places`` (which may change without notice)
or write ``Any``. Each is now exported from its package, documented, and in the reference.
"""

from __future__ import annotations

import builtins
import importlib
import inspect
import re

from tests.test_public_api import members, public_modules, public_objects

OTHERS = {  # the standard library's, typing's and other libraries' names
    *dir(builtins),
    *("Any", "Callable", "ClassVar", "Collection", "Iterable", "Iterator", "Literal"),
    *("Mapping", "Sequence", "Self", "Path", "PathLike", "Decimal", "Fraction", "TextIO"),
    *("Generator", "AbstractSet", "Set", "Pattern", "T", "Hashable", "SupportsIndex"),
    "ForwardRef",
    "Arrow",  # svduty.io's note for pyarrow's Array or ChunkedArray (an Any: pyarrow-stubs)
}
INTERNAL = {  # named in a public signature, and said there not to be relied on
    "Expr": "the rule expression a Definition holds (Definition.expr, Kind.expr): held and "
    "passed back, its engine is not the API (docs/reference/definitions.rst says so)",
    "_Said": "Diff's 'also', filled in by svduty (eq=False, repr=False), never by a client",
}
MODULES = r"(?:pa|pc|nx|_pa|_dt|dt|datetime|pendulum|typing|collections|abc|os|re|io)"


def _exported() -> set[str]:
    names: set[str] = set()
    for module in public_modules():
        names |= set(getattr(importlib.import_module(module), "__all__", ()))
    return names


def _names(annotation: object) -> set[str]:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    text = re.sub(rf"\b{MODULES}\.[\w.]+", "", text)  # pa.Table, _dt.date...
    return {n for n in re.findall(r"(?<![\w.])([A-Z_]\w*)", text) if n.lstrip("_")}


def _signatures():
    for qual, obj in public_objects():
        funcs = [(qual, obj)] if not inspect.isclass(obj) else [(f"{qual}.__init__", obj)]
        if inspect.isclass(obj):
            funcs += [(f"{qual}.{n}", f) for n, f in members(obj)]
        for where, func in funcs:
            try:
                sig = inspect.signature(func)
            except (TypeError, ValueError):
                continue
            annotations = [p.annotation for p in sig.parameters.values()]
            yield where, [*annotations, sig.return_annotation]


def test_every_type_in_a_public_signature_is_exported() -> None:
    known = _exported() | OTHERS | set(INTERNAL)
    unnamed: dict[str, list[str]] = {}
    for where, annotated in _signatures():
        for annotation in annotated:
            if annotation is inspect.Parameter.empty:
                continue
            for name in _names(annotation) - known:
                unnamed.setdefault(name, []).append(where)
    assert unnamed == {}, "types a client cannot import from a public module"


def test_the_check_finds_a_private_type() -> None:
    assert _names("ResolveDistrict | None") - OTHERS == {"ResolveDistrict"}
    assert _names("pa.Table | _dt.date | Mapping[str, Weight]") - OTHERS == {"Weight"}
