"""What the last complete sync saw, so that a command can tell in milliseconds that nothing changed.

A sync reads every file's mtime and size and compares them with the catalogue (~0.16 s for 20,000
files). The snapshot keeps the same facts in one small file: checking them again is a stat per
file and per folder, with no database and no index opened. Any doubt (a folder's entries changed,
a file's mtime or size, the index files, a version, the sources) means: run the full sync.
"""

from __future__ import annotations

import marshal
import os
import sys

TYPE_CHECKING = False  # (not typing's: this module is imported first by `reader search`, see reader.launch)
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from reader.core.library.paths import Paths

FORMAT = 1

Answer = tuple[int, list[tuple[str, str]]] | None


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


def facts(paths: Paths, sources: list[Path]) -> tuple[Path, str, list[Path], Path]:
    """What the snapshot of a library's last sync is checked against: the arguments of `unchanged`."""
    from reader.core import versions

    return paths.snapshot, versions.stamp(), sources, paths.index


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


def unchanged(path: Path, versions: str, sources: list[Path], index: Path) -> Answer:
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


def unchanged_meanwhile(path: Path, versions: str, sources: list[Path], index: Path) -> Callable[[], Answer]:
    """Start `unchanged` in a child process, so that its stats (~50 ms for 20,000 files) run on
    another core while this process goes on; the function returned waits for the answer."""
    if not path.exists():
        return lambda: None
    return in_child(lambda: unchanged(path, versions, sources, index))


def in_child(answer: Callable[[], Answer]) -> Callable[[], Answer]:
    """Run answer() in a child process; the function returned waits for its result.

    Where there is no fork, or where threads run (fork is unsafe then), answer() runs at once.
    Any failure of the child reads as None: "something may have changed", which costs a sync.
    """
    threading = sys.modules.get("threading")  # not imported: no threads (and not worth importing)
    if not hasattr(os, "fork") or (threading is not None and threading.active_count() > 1):
        now = answer()
        return lambda: now
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe, then leave without any of the parent's exit code
        status = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(marshal.dumps(answer()))
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    done: list[Answer] = []

    def wait() -> Answer:
        if not done:
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(pid, 0)
            try:
                done.append(marshal.loads(data) if status == 0 else None)
            except (ValueError, EOFError, TypeError):
                done.append(None)
        return done[0]

    return wait
