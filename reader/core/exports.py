"""Lazy package exports (PEP 562): a stage's package names what the layers above use, and
importing one module of the package does not import the rest (`reader search` stays light)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy(namespace: dict[str, Any], exports: dict[str, str]) -> Callable[[str], Any]:
    """A module-level __getattr__ that imports each export (name -> module) when first used."""
    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value
    return __getattr__
