"""Where reader keeps its state: platformdirs locations, or all under READER_HOME."""

from __future__ import annotations

import json
import os
from collections import namedtuple
from pathlib import Path

APP_NAME = "reader"


# A named tuple, not a dataclass: `reader search` imports this module in the child process that
# checks the library (see reader.launch), before anything else, and dataclasses costs ~8 ms.
class Paths(namedtuple("Paths", "data cache config")):
    """The folders reader writes to (data, cache, config); none of them holds the user's articles."""

    __slots__ = ()

    @property
    def index(self) -> Path:
        return self.data / "index"

    @property
    def catalogue(self) -> Path:
        return self.data / "catalogue.sqlite3"

    @property
    def library_file(self) -> Path:
        return self.config / "library.json"

    @property
    def web(self) -> Path:
        """Subscriptions, and which fetched page is which entry (reader.core.web.store)."""
        return self.data / "web.sqlite3"

    @property
    def pages(self) -> Path:
        """Pages fetched from the web, as fetched: a source of the library once it exists."""
        return self.data / "pages"

    @property
    def marks(self) -> Path:
        """Read and bookmarked articles (reader.core.library.marks)."""
        return self.data / "marks.sqlite3"

    @property
    def lock(self) -> Path:
        return self.data / "sync.lock"

    @property
    def snapshot(self) -> Path:
        return self.data / "last-sync.snapshot"


def resolve_paths(env: dict[str, str] | None = None) -> Paths:
    """Return the state folders: READER_HOME/{data,cache,config} if set, else platformdirs."""
    env = dict(os.environ) if env is None else env
    home = env.get("READER_HOME")
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(data=root / "data", cache=root / "cache", config=root / "config")
    import platformdirs

    return Paths(
        data=Path(platformdirs.user_data_dir(APP_NAME)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME)),
        config=Path(platformdirs.user_config_dir(APP_NAME)),
    )


def seeds_dir() -> Path:
    """Return the bundled sample articles: inside the installed package, else the repository's."""
    package = Path(__file__).resolve().parents[2]  # reader/
    packaged = package / "seeds"
    if packaged.is_dir():
        return packaged
    return package.parent / "seeds"


def added_sources(paths: Paths) -> list[str]:
    """The files and folders the user added (the library file); raises OSError or ValueError
    when that file cannot be read."""
    try:
        data = json.loads(paths.library_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    sources = data.get("sources", []) if isinstance(data, dict) else None
    if not isinstance(sources, list):
        raise ValueError("not a JSON object with a list of sources")
    return [str(p) for p in sources]


def library_sources(paths: Paths) -> list[Path]:
    """The files and folders the library is made of: what the user added and the pages fetched
    from the web, else the seeds."""
    added = [Path(p) for p in added_sources(paths)]
    if os.path.isdir(paths.pages):
        added.append(paths.pages)
    return added or [seeds_dir()]
