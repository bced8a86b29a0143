"""What the last complete sync saw, so that a command can tell in milliseconds that nothing changed.

A sync reads every file's mtime and size and compares them with the catalogue (~0.16 s for 20,000
files). The snapshot keeps the same facts in one small file: checking them again is a stat per
file and per folder, with no database and no index opened. Any doubt (a folder's entries changed,
a file's mtime or size, the index files, a version, the sources) means: run the full sync.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

FORMAT = 1


def _index_files(folder: Path) -> list[tuple[str, int, int]]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    out = []
    for entry in entries:
        if entry.name.endswith("WRITELOCK"):
            continue
        st = entry.stat()
        out.append((entry.name, st.st_size, st.st_mtime_ns))
    return sorted(out)


def _roots(sources: list[Path]) -> list[tuple[str, str]]:
    return [(str(p), "folder" if p.is_dir() else "file" if p.exists() else "missing") for p in sources]


def forget(path: Path) -> None:
    """Drop the snapshot (a sync is starting: until it completes, nothing is known)."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def record(path: Path, versions: str, sources: list[Path], folders: list[tuple[str, int]],
           files: dict[str, tuple[int, int]], problems: list[tuple[str, str]], index: Path) -> None:
    """Write the snapshot of a sync that has just completed (atomically)."""
    names = sorted(files)
    data = (FORMAT, versions, _roots(sources), folders, names, [files[n] for n in names],
            _index_files(index), problems)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(marshal.dumps(data))
    os.replace(tmp, path)


def unchanged(path: Path, versions: str, sources: list[Path], index: Path
              ) -> tuple[int, list[tuple[str, str]]] | None:
    """If nothing has changed since the last sync: its number of files, and those it refused
    as (path, reason). None if anything may have changed."""
    try:
        data = marshal.loads(path.read_bytes())
        fmt, kept_versions, roots, folders, names, stamps, index_files, problems = data
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if fmt != FORMAT or kept_versions != versions or roots != _roots(sources):
        return None
    stat = os.stat
    try:
        if any(stat(folder).st_mtime_ns != mtime for folder, mtime in folders):
            return None  # a file was added, removed or renamed
        now = [(st.st_mtime_ns, st.st_size) for st in map(stat, names)]
    except OSError:
        return None
    if now != stamps or _index_files(index) != index_files:
        return None
    return len(names), problems
