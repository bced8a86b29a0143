"""The cleaner against the hand labels of the five seeds (tests/fixtures/seeds-gold.json)."""

from __future__ import annotations

import pytest

from reader.core.ingest.clean import clean
from reader.core.ingest.files import read_document
from reader.core.text import normalise
from tests.conftest import SEEDS

IDS = ["000_5c307c3907823bd4", "001_e3c8c79627716df6", "002_037889587b53874b",
       "003_23efa93aaaa488aa", "004_64f4219125d935ae"]


def _cleaned(article_id: str):
    return clean(read_document(SEEDS / f"{article_id}.txt"))


def _lines(article_id: str) -> list[str]:
    return normalise((SEEDS / f"{article_id}.txt").read_text(encoding="utf-8")).split("\n")


@pytest.mark.parametrize("article_id", IDS)
def test_boilerplate_and_meta_lines_are_not_in_the_body(article_id, gold):
    labels = gold["articles"][article_id]
    result = _cleaned(article_id)
    paragraphs = set(result.body.split("\n\n"))
    lines = _lines(article_id)
    removed_lines = {r.line for r in result.removed}
    for n in labels["boilerplate"] + labels["meta"]:
        text = lines[n - 1].strip()
        assert text not in paragraphs, f"line {n} kept: {text!r}"
        assert n in removed_lines, f"line {n} not reported as removed"


@pytest.mark.parametrize("article_id", IDS)
def test_every_body_line_is_kept(article_id, gold):
    labels = gold["articles"][article_id]
    result = _cleaned(article_id)
    paragraphs = result.body.split("\n\n")
    lines = _lines(article_id)
    labelled = set(labels["boilerplate"] + labels["meta"] + labels["heading"] + labels["mixed"])
    for n, line in enumerate(lines, start=1):
        if line.strip() and n not in labelled:
            assert line.strip() in paragraphs, f"body line {n} lost: {line.strip()[:80]!r}"


@pytest.mark.parametrize("article_id", IDS)
def test_substring_checks(article_id, gold):
    labels = gold["articles"][article_id]
    body = _cleaned(article_id).body
    for text in labels["body_must_contain"]:
        assert text in body
    for text in labels["body_must_not_contain"]:
        assert text not in body


@pytest.mark.parametrize("article_id", IDS)
def test_metadata_fields(article_id, gold):
    labels = gold["articles"][article_id]
    result = _cleaned(article_id)
    if "title" in labels:
        assert result.title == labels["title"]
    if "standfirst" in labels:
        assert result.standfirst == labels["standfirst"]
    if "author" in labels:
        assert labels["author"] in result.authors
    if "outlet" in labels:
        assert result.outlet == labels["outlet"]
    if "agencies" in labels:
        assert list(result.agencies) == labels["agencies"]
    if "published" in labels:
        assert result.published == labels["published"]


def test_every_removed_piece_has_a_reason():
    for article_id in IDS:
        for piece in _cleaned(article_id).removed:
            assert piece.reason and piece.text.strip() and piece.line >= 1


def test_headings_are_ranges_of_the_body():
    result = _cleaned("001_e3c8c79627716df6")
    texts = [result.body[a:b] for a, b in result.headings]
    assert "ZELENSKIY SAYS SOVEREIGNTY NOT NEGOTIABLE" in texts
