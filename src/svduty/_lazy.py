"""Lazy public names for a package (PEP 562): a name's module is imported on first use.

A package lists its public names and the module each comes from; importing the package
then imports none of them, so ``import svduty`` and ``svduty --version`` stay fast, and a
command imports only the modules it uses.

Example:
    >>> getattr_, dir_ = exports("svduty", {"cite": "svduty.sources"})
    >>> getattr_("cite").__name__
    'cite'
    >>> getattr_("nothing")
    Traceback (most recent call last):
    ...
    AttributeError: module 'svduty' has no attribute 'nothing'
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Collection, Mapping

__all__ = ["exports"]


def exports(
    package: str, names: Mapping[str, str], subpackages: Collection[str] = ()
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The module-level ``__getattr__`` and ``__dir__`` of a package with lazy names.

    Args:
        package: The package's ``__name__``.
        names: Each public name and the module that defines it.
        subpackages: Subpackages reachable as attributes (``svduty.io``), imported on use.

    Returns:
        ``(__getattr__, __dir__)``: a name is imported once, then kept in the package's
        namespace, so later look-ups cost nothing.
    """

    def __getattr__(name: str) -> object:
        module = names.get(name)
        if module is not None:
            value = getattr(importlib.import_module(module), name)
        elif name in subpackages:
            value = importlib.import_module(f"{package}.{name}")
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        namespace = vars(sys.modules[package])
        return sorted({*namespace, *namespace.get("__all__", ())})

    return __getattr__, __dir__
