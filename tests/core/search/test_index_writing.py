"""The index writer's shortcuts (field lengths read once per commit, short posting lists inlined,
each spelling word given once) write an index that reads the same as plain Whoosh's."""

from __future__ import annotations

import random
import tempfile

import pytest
from whoosh.codec.whoosh3 import STORED_COLUMN
from whoosh.filedb.filestore import RamStorage

from reader.core.search.index import Index
from reader.core.search.index_writer import writer_for
from reader.core.search.schema import make_schema


@pytest.fixture(autouse=True)
def own_temp_folder(tmp_path, monkeypatch):
    """Whoosh's in-memory index writes its temporary files to <tempdir>/MAIN.tmp and deletes that
    folder after a commit: two test processes at once (pytest-xdist) removed each other's files."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


WORDS = "talks geneva grain deal ceasefire minister said the of in on kyiv moscow".split()


def _build(fast: bool, pool_bytes: int = 0):  # type: ignore[no-untyped-def]
    rng = random.Random(3)
    ix = RamStorage().create_index(make_schema())
    for batch in range(2):
        writer = writer_for(ix) if fast else ix.writer()
        if pool_bytes:
            writer.pool.limit = pool_bytes  # spills sorted runs to disk, as a large load does
        for n in range(150):
            # Frequent words, and rare ones (in one to a few documents) whose postings are inlined.
            words = [rng.choice(WORDS) if rng.random() < 0.8 else f"rare{rng.randint(0, 400)}"
                     for _ in range(rng.randint(1, 300))]
            body = " ".join(words)
            writer.add_document(id=f"{batch}-{n}", path=f"/{batch}/{n}", title=body[:40], body=body,
                                body_pairs=body, outlet_key="Reuters", hash=str(n))
        assert bool(writer.pool.runs) == bool(pool_bytes)
        writer.commit(optimize=batch == 1)  # the second commit rewrites the first segment into it
    return ix


def _contents(ix):  # type: ignore[no-untyped-def]
    with ix.reader() as reader:
        inlined = sum(leaf.term_info(fieldname, text).is_inlined()
                      for leaf, _ in reader.leaf_readers() for fieldname, text in leaf.all_terms())
        terms = {}
        spelling_postings = 0
        for fieldname, text in reader.all_terms():
            info = reader.term_info(fieldname, text)
            if fieldname.startswith("spell_"):
                # Whoosh's word list for suggestions: every word is a "posting" of each segment's
                # first document, which Whoosh's writer repeats for every document using the word.
                ids = list(reader.postings(fieldname, text).all_ids())
                spelling_postings += len(ids)
                terms[(fieldname, text)] = sorted(set(ids))
                continue
            postings = list(reader.postings(fieldname, text).items_as("weight"))
            positions = list(reader.postings(fieldname, text).items_as("positions")) \
                if fieldname == "body" else None
            terms[(fieldname, text)] = (info.min_length(), info.max_length(), info.max_weight(),
                                        info.doc_frequency(), postings, positions)
        vectors = [list(reader.vector(n, "body").items_as("characters")) for n in reader.all_doc_ids()]
        return terms, list(reader.all_stored_fields()), vectors, inlined, spelling_postings


def test_stored_fields_are_written_with_their_offsets():
    ix = _build(True)
    with ix.reader() as reader:
        leaf = reader.leaf_readers()[0][0]
        column = leaf._perdoc._cached_reader("_stored", STORED_COLUMN)  # noqa: SLF001
        assert column._child.had_stored_offsets  # noqa: SLF001 - readers need not add up lengths
        assert sorted(f["id"] for f in reader.all_stored_fields()) == sorted(f"{b}-{n}" for b in range(2) for n in range(150))


def test_the_writer_shortcuts_write_the_same_postings_statistics_and_vectors():
    fast, plain = _contents(_build(True)), _contents(_build(False))
    assert len(fast[0]) > 500
    assert fast[3] > 100 and plain[3] == 0  # many terms inlined by reader's writer, none by Whoosh's
    assert fast[:3] == plain[:3]
    spelling_words = sum(1 for fieldname, _ in fast[0] if fieldname.startswith("spell_"))
    assert spelling_words > 100
    assert fast[4] <= 2 * spelling_words < plain[4]  # each word once per segment written


def test_a_pool_spilled_to_disk_writes_the_same_index():
    spilled = _contents(_build(True, pool_bytes=200_000))
    assert spilled[:4] == _contents(_build(True))[:4]


def test_the_short_path_for_inlined_terms_writes_the_same_bytes(monkeypatch):
    from reader.core.search import index_writer

    def files(ix):  # type: ignore[no-untyped-def]
        # (segment names are random: the files are told apart by their kind)
        return {name.rsplit(".", 1)[-1]: ix.storage.files[name] for name in ix.storage.files
                if name.endswith((".trm", ".pst"))}

    short = files(_build(True))
    codec = index_writer._Codec  # noqa: SLF001
    monkeypatch.setattr(index_writer, "_Codec", lambda: codec(short_path=False))
    whooshs = files(_build(True))
    assert set(short) == {"trm", "pst"}
    assert short == whooshs


def test_a_writers_spelling_words_are_not_saved_with_the_schema(tmp_path):
    ix = Index(tmp_path / "index").open()
    writer = writer_for(ix)
    writer.add_document(id="a", path="/a", title="Grain talks", body="Ceasefire talks in Geneva")
    writer.commit()
    assert not any("given" in field.__dict__ for field in ix.schema)  # (read back from disk)
    with ix.reader() as reader:
        assert set(reader.lexicon("spell_body")) == {b"ceasefire", b"talks", b"geneva"}


def test_spelling_words_are_all_kept_when_the_writer_forgets_which_it_gave(monkeypatch):
    from reader.core.search import schema

    words = {t for f, t in _contents(_build(True))[0] if f.startswith("spell_")}
    monkeypatch.setattr(schema, "MAX_GIVEN_WORDS", 5)
    assert {t for f, t in _contents(_build(True))[0] if f.startswith("spell_")} == words
