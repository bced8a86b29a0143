"""Where reader keeps its state: platformdirs locations, or all under READER_HOME."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "reader"


@dataclass(frozen=True)
class Paths:
    """The folders reader writes to; none of them holds the user's articles."""

    data: Path
    cache: Path
    config: Path

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
    packaged = Path(__file__).parent / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "seeds"
