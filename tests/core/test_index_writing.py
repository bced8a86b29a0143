"""The index writer's shortcut (field lengths read once per commit) writes the same index."""

from __future__ import annotations

import random

from whoosh.filedb.filestore import RamStorage

from reader.core.index import _writer, make_schema

WORDS = "talks geneva grain deal ceasefire minister said the of in on kyiv moscow".split()


def _build(fast: bool):  # type: ignore[no-untyped-def]
    rng = random.Random(3)
    ix = RamStorage().create_index(make_schema())
    for batch in range(2):  # two commits: the second merges the first segment into it
        writer = _writer(ix) if fast else ix.writer()
        for n in range(150):
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 300)))
            writer.add_document(id=f"{batch}-{n}", path=f"/{batch}/{n}", title=body[:40], body=body,
                                body_pairs=body, outlet_key="Reuters", hash=str(n))
        writer.commit(merge=batch == 1)
    return ix


def _contents(ix):  # type: ignore[no-untyped-def]
    with ix.reader() as reader:
        terms = {}
        for fieldname, text in reader.all_terms():
            info = reader.term_info(fieldname, text)
            postings = reader.postings(fieldname, text)
            terms[(fieldname, text)] = (info.min_length(), info.max_length(), info.max_weight(),
                                        info.doc_frequency(), list(postings.items_as("weight")))
        return terms, list(reader.all_stored_fields())


def test_reading_lengths_once_writes_the_same_postings_and_statistics():
    fast, plain = _contents(_build(True)), _contents(_build(False))
    assert len(fast[0]) > 100
    assert fast == plain
