"""Import Whoosh without the modules it loads at import time and the reader never uses.

A one-shot `reader search` spends most of its life importing. Whoosh's import pulls in
modules it needs only for features the reader does not use, or only when writing:

- `urllib.request` (with http, email, ssl, socket), for `whoosh.compat.urlretrieve`;
- `asyncio`, through the `cached_property` package, whose one use in Whoosh
  (`SegmentReader.deleted_docs_set`) `functools.cached_property` does the same;
- `whoosh.lang.morph_en`, which compiles a few hundred regular expressions for the
  `Variations` query;
- `hashlib`, which loads OpenSSL's library, for the md5 of its hash tables: the built-in
  `_md5` gives the same digests;
- `tempfile` and `shutil`, for the temporary folders of writers and compound files, and
  `queue`, for `whoosh.multiproc`.

Together about 50 ms of a 100 ms command on the benchmark machine. `load()` imports Whoosh with
stand-ins for these that import the real module on first use, then takes the stand-ins out of
`sys.modules` again: whatever imports these modules afterwards gets the real ones.
"""

from __future__ import annotations

import functools
import importlib
import sys
import types
from collections.abc import Callable
from typing import Any


def _on_first_call(module: str, name: str) -> Callable[..., Any]:
    """A function that imports module.name when it is first called, and calls it."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = name
    return call


def _standin(module: str, **attributes: Any) -> types.ModuleType:
    """A stand-in module with these attributes; any other is taken from the real module, which
    is imported then."""
    standin = types.ModuleType(module, "stand-in while Whoosh is imported: see reader.core.search.whoosh_import")
    standin.__dict__.update(attributes)

    def real(name: str) -> Any:
        if not name.startswith("__"):  # (the import system asks for __path__, __spec__ ...)
            found = importlib.import_module(module)
            if found is not standin:  # (still in place: Whoosh is being imported)
                return getattr(found, name)
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    standin.__getattr__ = real  # type: ignore[method-assign]
    return standin


def _md5() -> Callable[..., Any]:
    try:
        from _md5 import md5  # the built-in one: hashlib would load OpenSSL's library first
    except ImportError:
        return _on_first_call("hashlib", "md5")
    return md5  # type: ignore[no-any-return]


def _standins() -> dict[str, types.ModuleType]:
    modules = (
        _standin("urllib.request", urlretrieve=_on_first_call("urllib.request", "urlretrieve")),
        _standin("whoosh.lang.morph_en", variations=_on_first_call("whoosh.lang.morph_en", "variations")),
        _standin("cached_property", cached_property=functools.cached_property),
        _standin("hashlib", md5=_md5()),
        _standin("tempfile"),
        _standin("shutil", copyfileobj=_on_first_call("shutil", "copyfileobj")),
        _standin("queue"),
    )
    return {module.__name__: module for module in modules}


def load() -> None:
    """Import Whoosh's modules that searching needs, with the stand-ins (once per process)."""
    if "whoosh.reading" in sys.modules:
        return  # too late to save anything, or already done
    placed = {name: module for name, module in _standins().items() if name not in sys.modules}
    sys.modules.update(placed)
    try:
        import whoosh.codec.whoosh3  # noqa: F401  (what opening an index reads with)
        import whoosh.qparser  # noqa: F401  (imports whoosh.compat, whoosh.query and whoosh.reading)
        import whoosh.searching  # noqa: F401
    finally:
        for name, module in placed.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
