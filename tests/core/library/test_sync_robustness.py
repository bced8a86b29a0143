"""Bad files, hostile text and interrupted work: nothing crashes, nothing is lost."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.library.facade import Library
from reader.core.models import SyncReport
from tests.conftest import CORPUS, ROOT, SEEDS, library_at

GOOD = "A headline about the talks\n\nThe talks resumed on Monday in Geneva, officials said, after a week of delays.\n"


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n\t  \n")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "archive.html").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    (folder / "invalid.txt").write_bytes(b"Broken bytes \xff\xfe\xfd here\n\nA paragraph that is fine.\n")
    (folder / "utf16.txt").write_bytes(("Title in UTF-16\n\nBody of the article in UTF-16 with a ceasefire.\n").encode("utf-16"))
    (folder / "longline.txt").write_text("One line\n\n" + ("word " * 60000) + "\n")
    (folder / "scripts.html").write_text("<html><head><script>alert(1)</script><style>p{}</style></head><body><script>x()</script></body></html>")
    (folder / "front.md").write_text("---\ntitle: From front matter\nauthor: Jane Doe\ndate: 2025-03-18\n---\n\nMarkdown body paragraph with **bold** text about sanctions.\n")
    (folder / "hostile.txt").write_text("Hostile \x1b]0;owned\x07title\n\nText with \x1b[31mred\x1b[0m, a bell \x07, a clipboard write \x1b]52;c;SGVsbG8=\x07 and [bold red]markup[/] that must stay literal.\n")
    sub = folder / "nested"
    sub.mkdir()
    (sub / "loop").symlink_to(folder)
    (folder / "fifo.txt").unlink(missing_ok=True)
    os.mkfifo(folder / "fifo.txt")  # a named pipe would block a naive reader forever
    return folder


def test_bad_files_each_get_one_clear_reason_and_the_rest_is_indexed(tmp_path, bad_folder):
    before = digest(bad_folder)
    library = library_at(tmp_path / "home")
    library.add_sources([bad_folder])
    report = SyncReport()
    list(library.sync(report=report))
    reasons = {Path(p.path).name: p.reason for p in report.problems}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "file holds only whitespace"
    assert "PNG image" in reasons["picture.txt"]
    assert "zip archive" in reasons["archive.html"]
    assert "no article text" in reasons["scripts.html"]
    assert "not a regular file" in reasons["fifo.txt"]
    assert all("\n" not in r for r in reasons.values())
    ids = set(library.catalogue.ids())
    assert {"good", "invalid", "utf16", "longline", "front", "hostile"} <= ids
    assert library.get("front").title == "From front matter"
    assert library.get("front").authors == ("Jane Doe",)
    assert "ceasefire" in library.get("utf16").body
    hostile = library.get("hostile")
    assert "\x1b" not in hostile.body + hostile.title and "\x07" not in hostile.body
    assert "[bold red]markup[/]" in hostile.body
    assert library.search("ceasefire").total == 1
    assert digest(bad_folder) == before  # the user's files are only read


@pytest.mark.corpus
def test_latin1_bbc_file_is_read():
    path = CORPUS / "bbc" / "sport" / "199.txt"
    if not path.exists():
        pytest.skip("../shared/corpus/bbc is absent")
    from reader.core.ingest.files import read_document

    doc = read_document(path)
    assert doc.encoding in ("cp1252", "latin-1") and doc.text.strip()


def _sync_with_fault(tmp_path: Path, count: int, victim: str, fault) -> tuple[Library, SyncReport]:
    """Sync `count` good files; just before `victim` is read, `fault(path)` strikes it."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n}.txt").write_text(GOOD.replace("Monday", f"day {n}"))
    library = library_at(tmp_path / "home")
    library.add_sources([folder])
    report = SyncReport()
    steps = library.sync(report=report)
    from reader.core.library import sync as sync_module

    original = sync_module.build_article

    def faulty(path, article_id, site_repeats=None, pages=None):
        if path.name == victim:
            fault(path)
        return original(path, article_id, site_repeats, pages)

    sync_module.build_article = faulty
    try:
        list(steps)
    finally:
        sync_module.build_article = original
    return library, report


def test_a_file_that_disappears_during_indexing(tmp_path):
    library, report = _sync_with_fault(tmp_path, 6, "a3.txt", Path.unlink)
    assert [p.reason for p in report.problems] == ["file not found (removed while reading?)"]
    assert len(library.catalogue.ids()) == 5
    list(library.sync())  # the next sync forgets the vanished file without complaint
    assert "a3" not in library.catalogue.ids()


def test_a_file_that_becomes_unreadable_during_indexing(tmp_path):
    def lock(path: Path) -> None:
        if os.geteuid() == 0:  # root reads any file: put a folder where the file was instead
            path.unlink()
            path.mkdir()
        else:
            path.chmod(0)

    library, report = _sync_with_fault(tmp_path, 4, "a2.txt", lock)
    assert len(report.problems) == 1 and report.problems[0].path.endswith("a2.txt")
    assert report.problems[0].reason in ("is a folder, not a file", "permission denied")
    assert len(library.catalogue.ids()) == 3


def _spawn_add(home: Path, folder: Path, batch: str = "8") -> subprocess.Popen:
    env = dict(os.environ, READER_HOME=str(home), READER_BATCH=batch)
    return subprocess.Popen([sys.executable, "-m", "reader", "add", str(folder)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _many(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"story{i:03d}.txt").write_text(
            f"Headline number {i}\n\nOfficials in Geneva said on Monday that talks number {i} had resumed "
            f"after a pause, and that negotiators from both sides would meet again within days.\n")
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("first_load", [True, False], ids=["first load", "added to a library"])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_killed_add_leaves_a_usable_index_and_the_next_sync_completes(tmp_path, sig, first_load):
    home = tmp_path / "home"
    before = 0
    if not first_load:
        library = library_at(home)
        library.add_sources([_many(tmp_path / "earlier", 10)])
        list(library.sync())
        before = library.search("Geneva", limit=200).total
        library.close()
        assert before == 10
    folder = _many(tmp_path / "many", 120)
    process = _spawn_add(home, folder)
    catalogue = home / "data" / "catalogue.sqlite3"
    deadline = time.time() + 120
    while time.time() < deadline:  # wait until some batches are committed, then kill mid-run
        time.sleep(0.2)
        if catalogue.exists() and library_at(home).catalogue.count() >= before + 16:
            break
    process.send_signal(sig)
    process.wait(timeout=60)
    library = library_at(home)
    partial = library.catalogue.count()
    assert partial >= before + 16
    found = library.search("Geneva", limit=200).total  # the index opens and answers
    if first_load:
        # A first load commits the index once, at the end: a kill before that leaves it empty,
        # a kill after it (the load may be that quick) leaves everything catalogued searchable.
        assert found in (0, partial)
    else:
        # Batches are committed to the index before the catalogue, so a kill between the two
        # leaves it one batch (8) ahead; the next sync processes that batch again.
        assert partial <= found <= partial + 8
    list(library.sync())
    assert library.catalogue.count() == before + 120
    assert library.search("Geneva", limit=200).total == before + 120


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to find child processes")
def test_ner_workers_do_not_outlive_a_killed_add(tmp_path):
    process = _spawn_add(tmp_path / "home", _many(tmp_path / "many", 400), batch="100")
    workers: set[int] = set()
    deadline = time.time() + 120
    while time.time() < deadline and len(workers) < 2:  # 400 new files: two NER worker processes
        time.sleep(0.2)
        workers = {c for c in _children(process.pid)
                   if "spawn_main" in Path(f"/proc/{c}/cmdline").read_text(errors="replace")}
    assert len(workers) == 2
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    deadline = time.time() + 30
    while time.time() < deadline and any(_running(w) for w in workers):
        time.sleep(0.2)
    assert not any(_running(w) for w in workers)  # they noticed and exited


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
def test_two_adds_at_once_do_not_corrupt_the_index(tmp_path):
    home = tmp_path / "home"
    first = _spawn_add(home, _many(tmp_path / "one", 30), batch="5")
    second = _spawn_add(home, _many(tmp_path / "two", 30), batch="5")
    for process in (first, second):
        _, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
    library = library_at(home)
    assert library.catalogue.count() == 60
    assert library.search("Geneva", limit=100).total == 60


def test_corrupt_index_is_detected_reported_and_rebuilt(tmp_path):
    home = tmp_path / "home"
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    before = digest(folder)
    library = library_at(home)
    library.add_sources([folder])
    list(library.sync())
    segment_files = [f for f in (home / "data" / "index").glob("MAIN_*.*") if f.suffix != ".toc"]
    assert segment_files
    for segment in segment_files:
        segment.write_bytes(b"garbage" * 10)
    messages = [step.message for step in library_at(home).sync() if step.message]
    assert len(messages) == 1 and "rebuilding" in messages[0] and "\n" not in messages[0]
    assert library_at(home).search("Zelensky").total == 4
    assert digest(folder) == before


def test_index_from_another_version_is_rebuilt(tmp_path):
    home = tmp_path / "home"
    library = library_at(home)
    list(library.sync())
    (home / "data" / "index" / "reader-index.json").write_text('{"schema": 1}')
    report = SyncReport()
    messages = [step.message for step in library_at(home).sync(report=report) if step.message]
    assert any("another version" in m for m in messages)
    assert library_at(home).search("Zelensky").total == 4
    # Rebuilt from the catalogue: no file was cleaned or tagged again.
    assert (report.unchanged, report.added, report.updated) == (5, 0, 0)


def test_an_interrupted_index_rebuild_is_finished_by_the_next_sync(tmp_path, monkeypatch):
    home = tmp_path / "home"
    list(library_at(home).sync())
    (home / "data" / "index" / "reader-index.json").write_text('{"schema": 1}')
    from reader.core.library import sync as sync_module

    monkeypatch.setattr(sync_module, "BATCH", 2)
    steps = library_at(home).sync()
    assert next(s for s in steps if s.total).done == 2  # two of five written, then interrupted
    steps.close()
    assert library_at(home).search("Zelensky").total < 4
    list(library_at(home).sync())
    assert library_at(home).search("Zelensky").total == 4


QUERY_PARTS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(['AND', 'OR', 'NOT', '-', '"', '(', ')', '*', '~', '~2', ':', 'title:', 'published:',
                     'published:[2025 to', 'entity:"', 'zelensky', 'Kyiv', '\x00', '\x1b[31m', '[bold]', '🙂']),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(QUERY_PARTS, max_size=8))
def test_any_query_gets_an_answer_or_a_message(seeded, parts):
    query = " ".join(parts)
    results = seeded.search(query)
    assert results.total >= len(results.hits) >= 0
    for hit in results.hits:
        for start, end in hit.highlights:
            assert 0 <= start <= end <= len(hit.snippet)
