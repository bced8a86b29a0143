"""Clean corpora the boilerplate model never saw keep their text: >= 99.5% of body lines."""

from __future__ import annotations

import re

import pytest

from reader.core.ingest.clean import clean
from reader.core.ingest.files import read_document
from tests.conftest import corpus


def held_out(paths: list, every: int) -> list:
    """training/data.py trains on one file (BBC) or event (BASIL) in `every`; these are the rest."""
    return [p for i, p in enumerate(paths) if i % every != 0]


@pytest.mark.corpus
@pytest.mark.parametrize("name,every", [("bbc", 8), ("basil", 4)])
def test_clean_corpora_keep_their_body_lines(name, every):
    folder = corpus(name)
    if name == "bbc":
        files = held_out(sorted(folder.glob("*/*.txt")), every)[::3]
    else:
        files = [p for event in held_out(sorted(folder.iterdir()), every) for p in sorted(event.glob("*.txt"))]
    kept = total = 0
    lost = []
    for path in files:
        doc = read_document(path)
        body = " ".join(clean(doc).body.split())
        for line in doc.text.split("\n")[1:]:  # line 1 is the title
            line = " ".join(line.split())
            if not line or re.fullmatch(r"reuters?", line, re.IGNORECASE):
                continue
            total += 1
            if line in body:
                kept += 1
            elif len(lost) < 5:
                lost.append(f"{path.relative_to(folder)}: {line[:60]}")
    assert len(files) > 100
    assert kept / total >= 0.995, f"{total - kept} of {total} body lines lost, e.g. {lost}"
