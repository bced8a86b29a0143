"""The last sync's snapshot: a sync that finds nothing changed opens nothing, and any change is seen."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from reader.core import versions
from reader.core.library import snapshot, sync
from reader.core.library.facade import Library
from reader.core.library.paths import resolve_paths
from reader.core.models import SyncReport
from tests.conftest import library_at, synced_library

BODY = "The talks resumed on Monday in Geneva, officials said, after a week of delays.\n"


def _sync(home: Path) -> tuple[Library, SyncReport]:
    library = library_at(home)
    report = SyncReport()
    list(library.sync(report=report))
    return library, report


def _age(*folders: Path, seconds: float = 60) -> None:
    """Date the folders' last change a minute back: a folder changed within a tick or two of the
    scan is one the snapshot will not vouch for (see test_a_folder_changed_again_in_the_same_tick)."""
    then = time.time() - seconds
    for folder in folders:
        os.utime(folder, (then, then))


@pytest.fixture
def synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("READER_NER", "off")
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Talks in Geneva\n\n" + BODY)
    (folder / "sub" / "b.txt").write_text("Grain deal\n\nThe grain deal was extended for 120 days.\n")
    (folder / "empty.txt").write_text("")
    _age(folder, folder / "sub")
    home = tmp_path / "home"
    synced_library(folder, home).close()
    return home, folder


def test_a_sync_with_nothing_changed_opens_neither_catalogue_nor_index(synced):
    home, _ = synced
    library, report = _sync(home)
    assert library._catalogue is None and not library._search.is_open  # noqa: SLF001
    assert [Path(p.path).name for p in report.problems] == ["empty.txt"]  # still reported
    assert report.unchanged == 2 and report.added == report.updated == report.deleted == 0
    assert library.search("grain").total == 1


def test_a_folder_changed_again_in_the_same_tick_is_listed_again(tmp_path, monkeypatch):
    """A fetched page is written as a temporary file and renamed: if a sync lists the folder in
    between and both changes fall in one tick of the file system's clock, the folder's mtime does
    not move. A folder changed that close to the scan is never vouched for by the snapshot (the
    window is widened here so that a slow machine cannot step out of it)."""
    monkeypatch.setenv("READER_NER", "off")
    monkeypatch.setattr(sync, "RACY_NS", 60_000_000_000)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks in Geneva\n\n" + BODY)
    home = tmp_path / "home"
    synced_library(folder, home).close()
    listed = os.stat(folder).st_mtime_ns
    (folder / "b.txt").write_text("Grain deal\n\nThe grain deal was extended for 120 days.\n")
    os.utime(folder, ns=(listed, listed))  # the same tick: the folder's mtime did not move
    library, report = _sync(home)
    assert report.added == 1 and library.search("grain").total == 1


def test_only_a_folder_changed_within_a_tick_or_so_of_the_scan_is_marked_racy(tmp_path):
    fresh, settled = tmp_path / "fresh", tmp_path / "settled"
    for folder in (fresh, settled):
        folder.mkdir()
        (folder / "a.txt").write_text("Talks in Geneva\n\n" + BODY)
    _age(settled)
    soon = time.time() + 5  # changed at the scan (however slow this machine is to get there)
    os.utime(fresh, (soon, soon))
    folders = dict(sync.scan([fresh, settled]).folders)
    assert folders[str(fresh)] == -1
    assert folders[str(settled)] == os.stat(settled).st_mtime_ns


@pytest.mark.parametrize("change", ["edit in place", "new file", "new file in a subfolder", "delete"])
def test_every_kind_of_change_is_seen(synced, change):
    home, folder = synced
    target = folder / "a.txt"
    if change == "edit in place":
        with open(target, "a", encoding="utf-8") as handle:  # same folder entries, new mtime and size
            handle.write("Observers called the meeting about sunflowers constructive.\n")
    elif change == "new file":
        (folder / "c.txt").write_text("Sunflowers\n\nSunflower exports rose sharply.\n")
    elif change == "new file in a subfolder":
        (folder / "sub" / "c.txt").write_text("Sunflowers\n\nSunflower exports rose sharply.\n")
    else:
        target.unlink()
    library, report = _sync(home)
    assert library._catalogue is not None  # noqa: SLF001 - the full sync ran
    if change == "delete":
        assert report.deleted == 1 and library.search("geneva").total == 0
    else:
        assert report.added + report.updated == 1 and library.search("sunflower").total == 1


def test_a_changed_index_file_or_version_means_a_full_sync(synced):
    home, _ = synced
    paths = resolve_paths({"READER_HOME": str(home)})
    assert snapshot.unchanged(paths.snapshot, versions.stamp(), library_at(home).sources(), paths.index) is not None
    assert snapshot.unchanged(paths.snapshot, "another/version", library_at(home).sources(), paths.index) is None
    segment = next(p for p in paths.index.iterdir() if p.name.endswith(".trm"))
    segment.write_bytes(b"garbage")
    library, _ = _sync(home)
    assert library._catalogue is not None  # noqa: SLF001 - the full sync ran and repaired the index
    assert library.search("grain").total == 1


def test_an_interrupted_sync_leaves_no_snapshot(synced):
    home, folder = synced
    (folder / "c.txt").write_text("Sunflowers\n\nSunflower exports rose sharply.\n")
    library = library_at(home)
    steps = library.sync()
    next(steps, None)  # the sync has started: the old snapshot is gone
    steps.close()
    library.close()
    assert not resolve_paths({"READER_HOME": str(home)}).snapshot.exists()
    library, report = _sync(home)
    assert library.search("sunflower").total == 1


def test_the_check_in_a_child_process_answers_as_the_check_here(synced, monkeypatch):
    home, folder = synced
    paths = resolve_paths({"READER_HOME": str(home)})
    sources = library_at(home).sources()
    forks = []
    real_fork = snapshot.os.fork

    def fork() -> int:
        pid = real_fork()
        forks.append(pid)
        return pid

    monkeypatch.setattr(snapshot.os, "fork", fork)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # as in `reader search`
    here = snapshot.unchanged(paths.snapshot, versions.stamp(), sources, paths.index)
    assert here is not None
    meanwhile = snapshot.unchanged_meanwhile(paths.snapshot, versions.stamp(), sources, paths.index)
    assert list(meanwhile()) == list(here) and forks  # the same answer, from a child process
    (folder / "c.txt").write_text("Sunflowers\n\nSunflower exports rose sharply.\n")
    assert snapshot.unchanged_meanwhile(paths.snapshot, versions.stamp(), sources, paths.index)() is None
    assert len(forks) == 2
