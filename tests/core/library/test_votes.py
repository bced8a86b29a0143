"""The library's vote on each name's kind: each file counts once, as it is now."""

from __future__ import annotations

from reader.core.library.catalogue import Catalogue


def test_a_file_counts_once_and_goes_when_it_goes(tmp_path):
    cat = Catalogue(tmp_path / "catalogue.sqlite")
    try:
        votes, _ = cat.add_votes({"a.txt": {("reading", "person"): 5}, "b.txt": {("reading", "org"): 2}})
        assert votes == {"reading": "person"}
        # a.txt changed: its new count replaces its old one (added up, person 6 would outvote org 2).
        votes, _ = cat.add_votes({"a.txt": {("reading", "person"): 1}})
        assert votes == {"reading": "org"}
        # a.txt removed: its count goes with it.
        cat.write([], deleted=["a.txt"])
        assert cat.db.execute("SELECT COUNT(*) FROM votes WHERE path = 'a.txt'").fetchone() == (0,)
        votes, surnames = cat.add_votes({"c.txt": {("reading", "person"): 3, ("rubio", "surname"): 1}})
        assert votes == {"reading": "person"}
        assert surnames == frozenset({"rubio"})
    finally:
        cat.close()
