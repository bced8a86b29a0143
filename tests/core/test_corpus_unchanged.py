"""Text the cleaner was not tuned on: BBC and BASIL articles have no boilerplate to remove."""

from __future__ import annotations

import pytest

from reader.core.clean import clean
from reader.core.ingest import find_articles, read_document
from tests.conftest import corpus

METADATA = ("title (lifted", "duplicate of the title", "standfirst (lifted")


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["bbc", "basil"])
def test_clean_corpora_come_out_unchanged(name):
    folder = corpus(name)
    changed = []
    count = 0
    for path in find_articles(folder):
        count += 1
        result = clean(read_document(path))
        dropped = [r for r in result.removed if not r.reason.startswith(METADATA)]
        if dropped:
            changed.append(f"{path.relative_to(folder)}:{dropped[0].line} {dropped[0].reason}")
    assert count > 100
    assert not changed, f"{len(changed)} of {count} files lost text, e.g. {changed[:5]}"
