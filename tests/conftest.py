"""Shared fixtures: the seed gold labels, temporary homes, and the shared corpus when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((FIXTURES / "seeds-gold.json").read_text(encoding="utf-8"))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh READER_HOME for one test."""
    path = tmp_path / "home"
    monkeypatch.setenv("READER_HOME", str(path))
    return path


@pytest.fixture(scope="session")
def seeded(tmp_path_factory):
    """A Library of the seeds, synced once (clean, NER, index) in a temporary home, shared read-only."""
    library = library_at(tmp_path_factory.mktemp("seeded-home"))
    list(library.sync())
    yield library
    library.close()


def library_at(home: Path):
    """A Library whose state lives under home (whatever READER_HOME says)."""
    from reader.core.library.facade import Library
    from reader.core.library.paths import resolve_paths

    return Library(resolve_paths({"READER_HOME": str(home)}))


def synced_library(folder: Path, home: Path):
    """A Library of the files in folder, kept under home, synced once."""
    library = library_at(home)
    library.add_sources([folder])
    list(library.sync())
    return library


def corpus(name: str) -> Path:
    """Return a folder of ../shared/corpus, or skip the test with the reason."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"../shared/corpus/{name} is absent (it is not part of the repository)")
    return path


@pytest.fixture
def web():
    """A real HTTP server on 127.0.0.1 serving what the test adds to it (see tests/webserver.py)."""
    from tests.webserver import Server

    server = Server()
    yield server
    server.close()
