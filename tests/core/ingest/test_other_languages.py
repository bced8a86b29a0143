"""Dates and bylines of a page written in another language, read in that language."""

from __future__ import annotations

import pytest

from reader.core.ingest.bylines import parse_byline
from reader.core.ingest.clean import clean
from reader.core.ingest.dates import find_dates
from reader.core.ingest.words import written_in
from reader.core.models import RawDocument
from tests.conftest import FIXTURES


@pytest.mark.parametrize(("language", "line", "iso"), [
    ("pt", "sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22"),
    ("ru", "Текст: Венера Ерофеева·24 сентября 2018", "2018-09-24"),
    ("de", "Von Anna Becker, 12. Juni 2025", "2025-06-12"),
    ("id", "Posted on Maret 30, 2015 by Admin", "2015-03-30"),
    ("it", "02 Ago 2017", "2017-08-02"),
    ("es", "12 de junio del 2025", "2025-06-12"),
])
def test_a_date_written_in_the_pages_language_is_read(language, line, iso):
    with written_in(language):
        assert [found for _, _, found in find_dates(line)] == [iso]
    # Outside a page in that language the words are no month: "ago", "set" and "out" are
    # English words.
    assert find_dates(line) == []


def test_english_pages_read_no_other_languages_months():
    with written_in("en"):
        assert find_dates("They sold 3 out 2019 tickets") == []
    with written_in("it"):
        assert find_dates("31 Ago 2017") == [(0, 11, "2017-08-31")]
        assert find_dates("30 Feb 2017") == []  # no such day


@pytest.mark.parametrize(("language", "line", "authors", "rest"), [
    ("de", "Von Moritz Bachmann publiziert am 30. Juli 2018", ("Moritz Bachmann",), "publiziert am 30. Juli 2018"),
    ("ru", "Текст: Венера Ерофеева·24 сентября 2018", ("Венера Ерофеева",), "24 сентября 2018"),
    ("es", "Por María López y Juan Pérez, 12 de junio de 2025", ("María López", "Juan Pérez"), "12 de junio de 2025"),
    ("pt", "Publicado por: Clarissa Borba - Categoria: Saúde", ("Clarissa Borba",), "Categoria: Saúde"),
    ("de", "Von Anna Becker, Reuters.", ("Anna Becker",), "Reuters."),
])
def test_a_byline_in_the_pages_language_names_its_authors(language, line, authors, rest):
    with written_in(language):
        assert parse_byline(line) == (authors, rest, "")
    assert parse_byline(line) is None  # "Von", "Por" open no English byline


def test_an_english_byline_after_its_date_is_read_on_a_page_in_another_language_too():
    with written_in("de"):
        assert parse_byline("Monday November 18, 2019 7:45 am PST by Alice Brennan")[0] == ("Alice Brennan",)


def test_a_sentence_opening_with_the_word_for_by_is_no_byline():
    with written_in("de"):
        assert parse_byline("Von der Leyen sagt, die Gespräche gingen weiter") is None
        assert parse_byline("Von Anfang an war klar, dass die Gespräche scheitern würden") is None
        assert parse_byline("Von Montag Morgen an streiken die Arbeiter.") is None  # German nouns


def test_a_german_article_has_its_author_and_date_lifted():
    text = (FIXTURES / "languages" / "hafenstreik.md").read_text("utf-8")
    result = clean(RawDocument(path="hafenstreik.md", text=text, format="markdown", encoding="utf-8"))
    assert result.authors == ("Anna Becker",)
    assert result.published == "2025-06-12"
    assert "Anna Becker" not in result.body
    assert result.title == "Hafenstreik legt Getreideexporte den zweiten Tag lahm"


@pytest.mark.parametrize("byline", ["Von Anna Becker, 12. Juni 2025", "By Anna Becker, 12 June 2025"])
def test_a_saved_html_pages_byline_is_lifted_out_of_its_text(tmp_path, byline):
    """The extractor keeps the byline paragraph of a page whose markup names no author or date:
    its author and date become fields, in the page's language, and leave the text."""
    from reader.core.ingest.files import read_document

    story = (FIXTURES / "languages" / "hafenstreik.md").read_text("utf-8").split("\n\n")[2:]
    page = tmp_path / "hafenstreik.html"
    page.write_text("<html><head><title>Hafenstreik legt Getreideexporte den zweiten Tag lahm</title></head>"
                    "<body><article><h1>Hafenstreik legt Getreideexporte den zweiten Tag lahm</h1>"
                    f"<p>{byline}</p>" + "".join(f"<p>{p}</p>" for p in story) + "</article></body></html>",
                    encoding="utf-8")
    result = clean(read_document(page))
    assert result.authors == ("Anna Becker",)
    assert result.published == "2025-06-12"
    assert "Anna Becker" not in result.body
    assert result.body.startswith("Die Hafenarbeiter")
    assert any(r.text == byline for r in result.removed)
