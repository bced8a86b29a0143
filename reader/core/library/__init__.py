"""The library: the user's sources -> a catalogue and an index kept up to date, and everything
the interface and the command line ask of them.

paths (where reader keeps its state), snapshot (has anything changed since the last sync? one
stat per file), sync (scan, clean, tag and commit what changed, crash-safe), catalogue (cleaned
articles in SQLite), marks (read and bookmarked), facade (Library: the one object the layers
above use).
"""

from typing import TYPE_CHECKING

from reader.core.exports import lazy

__all__ = ["Library", "Paths", "Summary", "library_sources", "resolve_paths"]
__getattr__ = lazy(globals(), {"Library": "reader.core.library.facade",
                               "Summary": "reader.core.library.catalogue",
                               "Paths": "reader.core.library.paths",
                               "library_sources": "reader.core.library.paths",
                               "resolve_paths": "reader.core.library.paths"})

if TYPE_CHECKING:
    from reader.core.library.catalogue import Summary
    from reader.core.library.facade import Library
    from reader.core.library.paths import Paths, library_sources, resolve_paths
