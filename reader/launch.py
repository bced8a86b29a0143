"""The `reader` command's entry point: it starts what can start before the rest is imported.

`reader search` answers from the index as the last sync left it, while a child process checks,
on the other core, that no file has changed since (see reader.core.library.snapshot). Forking here,
before the command line, the library and Whoosh are imported, lets that check (a stat per file,
~50 ms for 20,000 files) overlap the imports too, instead of only the search.
"""

import os
import sys


def entry() -> None:
    check = None
    if sys.argv[1:2] == ["search"] and hasattr(os, "fork"):
        from reader.core.library.snapshot import in_child

        check = in_child(_unchanged)
    from reader.cli import entry as run

    run(check)


def _unchanged():  # type: ignore[no-untyped-def]
    """In the child: whether nothing changed since the last sync (None: it may have). The same
    check as Library.check_now, without importing the library (or dataclasses) first."""
    from reader.core.library import library_sources, resolve_paths, snapshot

    paths = resolve_paths()
    try:
        sources = library_sources(paths)
    except (OSError, ValueError):  # an unreadable library file: the command itself will say so
        return None
    return snapshot.unchanged(*snapshot.facts(paths, sources))
