"""A sync reads the pages that share a changed page's lines from the catalogue as it needs them
(site.StoredLines), or every page at once when many change: both find the same site chrome."""

from __future__ import annotations

import pytest

from reader.core.library import site
from tests.conftest import FIXTURES, library_at

PROMO = "Your local newsroom depends on readers like you"


def _state(library) -> dict[str, list[tuple[str, str]]]:
    return {i: sorted((r.text, r.reason) for r in library.get(i).removed) for i in library.catalogue.ids()}


def _one_by_one(tmp_path, monkeypatch, eager_from: int, name: str) -> list:
    """The site's three pages added one sync at a time, then one of them deleted: the library's
    removals after each sync."""
    monkeypatch.setenv("READER_NER", "off")
    monkeypatch.setattr(site, "EAGER_CHANGES", eager_from)
    folder = tmp_path / name / "site"
    folder.mkdir(parents=True)
    library = library_at(tmp_path / name / "home")
    library.add_sources([folder])
    states = []
    try:
        for page in ("one", "two", "three"):
            (folder / f"{page}.txt").write_text((FIXTURES / "awkward" / "site" / f"{page}.txt").read_text("utf-8"),
                                                "utf-8")
            list(library.sync())
            states.append(_state(library))
        (folder / "two.txt").unlink()
        list(library.sync())
        states.append(_state(library))
    finally:
        library.close()
    return states


@pytest.fixture
def stored_lines_used(monkeypatch):
    made = []
    real = site.StoredLines.__init__
    monkeypatch.setattr(site.StoredLines, "__init__", lambda self, cat: made.append(1) or real(self, cat))
    return made


def test_pages_read_as_needed_find_the_same_chrome_as_every_page_read_at_once(tmp_path, monkeypatch,
                                                                             stored_lines_used):
    lazy = _one_by_one(tmp_path, monkeypatch, 10**6, "lazy")
    assert len(stored_lines_used) == 4  # each of the four syncs read the pages as it needed them
    eager = _one_by_one(tmp_path, monkeypatch, 0, "eager")
    assert len(stored_lines_used) == 4  # ... and none of these
    assert lazy == eager
    # The third page makes the promo chrome on all three (two siblings each), deleting one
    # takes it back: the pages read from the catalogue were cleaned again either way.
    third, after_delete = lazy[2], lazy[3]
    assert all(any(text.startswith(PROMO) and reason == "repeated on 2 other pages of this site"
                   for text, reason in removed) for removed in third.values())
    assert set(after_delete) == {"one", "three"}
    assert not any(reason.startswith("repeated on") and text.startswith(PROMO)
                   for removed in after_delete.values() for text, reason in removed)
