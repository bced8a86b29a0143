"""Reading files: encodings, invisible characters, control codes, HTML, Markdown, refused files."""

from __future__ import annotations

import pytest

from reader.core.ingest.clean import clean
from reader.core.ingest.files import find_articles, read_document
from reader.core.models import ReaderError
from reader.core.text import normalise


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_is_read_as_utf8(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", "Zelenskyy’s café\n".encode()))
    assert doc.encoding == "utf-8" and "Zelenskyy’s café" in doc.text


def test_cp1252_bytes_fall_back_without_crashing(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", "“Smart quotes” and café".encode("cp1252")))
    assert doc.encoding == "cp1252"
    assert doc.text.startswith("“Smart quotes” and café")


def test_invalid_utf8_never_crashes(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", b"Good text \x81\x8d\x90 more text\n"))
    assert "Good text" in doc.text and doc.encoding in ("cp1252", "latin-1")


def test_utf16_with_bom(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", "Kyiv talks\n".encode("utf-16")))
    assert doc.text.strip() == "Kyiv talks"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_and_other_bytes_with_nuls_are_not(tmp_path, codec):
    """Some Windows tools save UTF-16 with no byte order mark: in a Latin script every other byte
    is a NUL, always on the same side. Data with NULs elsewhere is still refused."""
    text = "Kyiv talks resume on Tuesday\r\n\r\nSeán O’Connor reports from the talks.\r\n"
    doc = read_document(write(tmp_path, "a.txt", text.encode(codec)))
    assert doc.text.split() == text.split()
    with pytest.raises(ReaderError, match="NUL bytes"):
        read_document(write(tmp_path, "b.txt", b"text with a few\x00 NUL\x00 bytes in it here and there"))


def test_bytes_that_only_start_like_a_utf16_bom_are_not_read_as_utf16(tmp_path):
    # "\xff\xfe" then single-byte text: no NULs, so not UTF-16 (which would give CJK noise).
    doc = read_document(write(tmp_path, "a.txt", b"\xff\xfe\xfa bad bytes \xc3\x28 here\n\nSecond para.\n"))
    assert doc.encoding == "cp1252" and "bad bytes" in doc.text and "Second para." in doc.text


def test_random_bytes_behind_a_utf16_mark_are_refused_but_utf16_text_in_any_script_is_read(tmp_path):
    import random

    noise = b"\xff\xfe" + random.Random(7).randbytes(3000)
    with pytest.raises(ReaderError, match="binary data after a UTF-16 byte order mark"):
        read_document(write(tmp_path, "noise.txt", noise))
    for text in ("基辅会谈于周二恢复。\n\n双方同意停火三十天。\n", "Переговоры в Киеве\n\nТекст статьи.\n"):
        assert read_document(write(tmp_path, "a.txt", text.encode("utf-16"))).text.strip() == text.strip()


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n\t\n", "only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"PK\x03\x04\x14\x00\x00\x00", "zip archive"),
    (b"text\x00with\x00nuls", "NUL bytes"),
])
def test_files_that_are_not_articles_are_refused_with_a_reason(tmp_path, data, reason):
    with pytest.raises(ReaderError, match=reason):
        read_document(write(tmp_path, "bad.txt", data))


def test_invisible_characters_are_normalised_without_changing_visible_text():
    assert normalise("cease\u00adfire\u200b in\u00a0Kyiv\r\n") == "ceasefire in Kyiv\n"


def test_terminal_escape_sequences_are_removed():
    hostile = "red \x1b[31mtext\x1b[0m, title \x1b]0;pwned\x07, clip \x1b]52;c;SGVsbG8=\x07, bell \x07 end"
    cleaned = normalise(hostile)
    assert "\x1b" not in cleaned and "\x07" not in cleaned
    assert cleaned == "red text, title , clip , bell  end"


def test_markup_is_kept_literally():
    assert normalise("[bold red]not markup[/] [@click=app.quit]x[/]") == "[bold red]not markup[/] [@click=app.quit]x[/]"


def test_markdown_front_matter_becomes_metadata(tmp_path):
    text = "---\ntitle: Talks resume\nauthor: Jane Doe\ndate: 2025-03-18\n---\n# Talks resume\n\nBody text here.\n"
    doc = read_document(write(tmp_path, "a.md", text.encode()))
    assert doc.format == "markdown"
    result = clean(doc)
    assert result.title == "Talks resume" and result.authors == ("Jane Doe",)
    assert result.published == "2025-03-18"
    assert result.body == "Body text here."
    # The front matter is shown removed on its own lines, and the headline on line 6.
    lines = {r.line: r.reason for r in result.removed}
    assert lines[1].startswith("crawler header or front matter") and lines[6].startswith("headline")


PARAGRAPHS = "".join(f"<p>Paragraph {i} of the article about the ceasefire talks in Kyiv, "
                     f"with enough words to count as real article text for the extractor.</p>"
                     for i in range(8))


def test_html_goes_through_the_extractor(tmp_path):
    html = (f"<html><head><title>Talks</title><script>alert('x')</script></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Talks</h1>"
            f"{PARAGRAPHS}</article><footer>© Example Media</footer></body></html>")
    doc = read_document(write(tmp_path, "a.html", html.encode()))
    assert doc.format == "html"
    assert "Paragraph 7 of the article" in doc.text
    assert "alert(" not in doc.text


@pytest.mark.parametrize(("head", "text", "published"), [
    ("", "", None),  # only a copyright year: not a publication date (it came out as 2026-01-01)
    ('<meta property="article:published_time" content="2025-03-04T09:05:00Z">', "", "2025-03-04"),
    ("", "<p>Published March 4, 2025</p>", "2025-03-04"),  # printed in the text
    # a date the story mentions is not when it was published (it came out as 2001-09-11)
    ("", "<p>Security at the airport has not been so tight since the attacks of September 11, "
         "2001, officials said on Monday.</p>", None),
])
def test_html_dates_come_from_the_page_never_from_its_copyright_year(tmp_path, head, text, published):
    html = (f"<html><head><title>Talks | Example Media</title>{head}</head><body><article>"
            f"<h1>Talks</h1>{text}{PARAGRAPHS}</article>"
            f"<footer>© 2026 Example Media. All rights reserved.</footer></body></html>")
    article = clean(read_document(write(tmp_path, "a.html", html.encode())))
    assert article.published == published


STORY = ["Ukraine and Russia exchanged hundreds of prisoners on Friday, officials in Kyiv said, the "
         "largest such swap since talks resumed in Istanbul last month.",
         "The exchange took place on the border with Belarus, where buses carrying the men arrived "
         "shortly after noon, according to a statement from the defence ministry.",
         "Relatives waited for hours in the rain, holding photographs of sons and husbands who had "
         "been missing since the first winter of the war.",
         "President Volodymyr Zelensky thanked the mediators and said the next round of talks would "
         "focus on a ceasefire along the front line in the east."]


def test_html_chrome_the_extractor_keeps_is_removed_with_its_reason(tmp_path):
    promo = ("Sign up for our free newsletter to get the day's top stories delivered straight to "
             "your inbox every morning.")
    notice = "Copyright © 2025 Example News Media Inc. All rights reserved."
    html = ("<html><head><title>Prisoners exchanged | Example News</title></head><body><article>"
            "<h1>Prisoners exchanged</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
            + f"<p>{promo}</p><p>{notice}</p></article></body></html>")
    doc = read_document(write(tmp_path, "a.html", html.encode()))
    assert promo in doc.text and notice in doc.text  # trafilatura keeps both
    article = clean(doc)
    assert article.body.split("\n\n") == STORY
    reasons = {r.text: r.reason for r in article.removed}
    assert "promo" in reasons[promo] and "copyright" in reasons[notice]
    # Between two of the story's long paragraphs the extractor's judgement stands.
    html = html.replace(f"<p>{STORY[2]}</p>", f"<p>{promo}</p><p>{STORY[2]}</p>", 1)
    assert promo in clean(read_document(write(tmp_path, "b.html", html.encode()))).body


def test_html_with_only_scripts_is_refused(tmp_path):
    html = b"<html><head><script>var a = 1;</script><style>p{}</style></head><body></body></html>"
    with pytest.raises(ReaderError, match="no article text"):
        read_document(write(tmp_path, "a.html", html))


def test_find_articles_is_recursive_and_survives_a_symlink_loop(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    write(tmp_path / "a", "one.txt", b"x")
    write(tmp_path / "a" / "b", "two.md", b"x")
    write(tmp_path / "a", "skip.pdf", b"x")
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a")
    names = sorted(p.name for p in find_articles(tmp_path))
    assert names == ["one.txt", "two.md"]



def test_a_page_saved_complete_by_a_browser_is_one_article(tmp_path):
    """"Save page as, complete" writes Page.html and Page_files/ (pictures, scripts, and frames
    saved as saved_resource.html): the folder holds no article. A folder so named without its
    page is the user's own."""
    write(tmp_path, "Talks.html", b"<html></html>")
    (tmp_path / "Talks_files").mkdir()
    write(tmp_path / "Talks_files", "saved_resource.html", b"<html></html>")
    (tmp_path / "Notes_files").mkdir()
    write(tmp_path / "Notes_files", "kept.txt", b"x")
    names = sorted(p.name for p in find_articles(tmp_path))
    assert names == ["Talks.html", "kept.txt"]


def test_a_localised_browsers_folder_of_a_saved_page_is_skipped_and_a_users_own_is_read(tmp_path):
    """Firefox names the folder in the user's language ("Page-Dateien", "Page_fichiers"): the
    page's name and one word, holding scripts, styles and pictures. A folder so named that holds
    texts, or only pages, is the user's own."""
    write(tmp_path, "Gespräche.html", b"<html></html>")
    (tmp_path / "Gespräche-Dateien").mkdir()
    write(tmp_path / "Gespräche-Dateien", "saved_resource.html", b"<html></html>")
    write(tmp_path / "Gespräche-Dateien", "app.js", b"x")
    write(tmp_path, "Talks.htm", b"<html></html>")
    (tmp_path / "Talks_fichiers").mkdir()
    write(tmp_path / "Talks_fichiers", "logo.png", b"x")
    (tmp_path / "Talks_notes").mkdir()
    write(tmp_path / "Talks_notes", "mine.md", b"x")
    write(tmp_path / "Talks_notes", "chart.png", b"x")
    (tmp_path / "Talks_old").mkdir()
    write(tmp_path / "Talks_old", "earlier.html", b"<html></html>")
    names = sorted(p.name for p in find_articles(tmp_path))
    assert names == ["Gespräche.html", "Talks.htm", "earlier.html", "mine.md"]


def _mhtml(html: str) -> bytes:
    """A page as a browser saves it in one file (Chrome's MHTML): quoted-printable HTML, then
    its pictures."""
    import quopri

    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    boundary = "----MultipartBoundary--x8Yz----"
    return (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.com/news/talks\r\n"
            f"Subject: Talks\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            f'\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n\r\n--{boundary}\r\n'
            f"Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            f"Content-Transfer-Encoding: quoted-printable\r\n"
            f"Content-Location: https://www.example.com/news/talks\r\n\r\n{body}\r\n--{boundary}\r\n"
            f"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: https://www.example.com/logo.png\r\n\r\niVBORw0KGgo=\r\n"
            f"--{boundary}--\r\n").encode("ascii")


def test_a_page_saved_as_one_file_is_read_as_its_html(tmp_path):
    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kyiv’s prisoners exchanged</title>'
            '</head><body><article><h1>Kyiv’s prisoners exchanged</h1>'
            + "".join(f'<p class="story">{p}</p>' for p in STORY) + "</article></body></html>")
    for name in ("talks.mhtml", "talks.mht"):
        path = write(tmp_path, name, _mhtml(html))
        assert [p.name for p in find_articles(tmp_path) if p.name == name] == [name]
        doc = read_document(path)
        assert doc.format == "html" and doc.meta["url"] == "https://www.example.com/news/talks"
        article = clean(doc)
        assert article.title == "Kyiv’s prisoners exchanged" and article.body.split("\n\n") == STORY
        assert "=3D" not in article.body and "iVBOR" not in article.body


def test_a_web_archive_without_a_page_is_refused(tmp_path):
    data = _mhtml("<p>x</p>").replace(b"Content-Type: text/html", b"Content-Type: text/plain")
    with pytest.raises(ReaderError, match="no text/html part"):
        read_document(write(tmp_path, "a.mhtml", data))


def test_a_safari_web_archive_is_read_as_its_page(tmp_path):
    import plistlib

    html = ('<html><head><title>Kyiv’s prisoners exchanged</title></head><body><article>'
            '<h1>Kyiv’s prisoners exchanged</h1>' + "".join(f"<p>{p}</p>" for p in STORY)
            + "</article></body></html>")
    archive = {"WebMainResource": {
        "WebResourceData": html.encode("utf-8"), "WebResourceMIMEType": "text/html",
        "WebResourceTextEncodingName": "UTF-8", "WebResourceURL": "https://www.example.com/news/talks",
        "WebResourceFrameName": ""},
        "WebSubresources": [{"WebResourceData": b"\x89PNG\r\n\x1a\n\x00\x00",
                             "WebResourceURL": "https://www.example.com/logo.png"}]}
    path = write(tmp_path, "talks.webarchive", plistlib.dumps(archive, fmt=plistlib.FMT_BINARY))
    assert [p.name for p in find_articles(tmp_path)] == ["talks.webarchive"]
    doc = read_document(path)
    assert doc.format == "html" and doc.meta["url"] == "https://www.example.com/news/talks"
    article = clean(doc)
    assert article.title == "Kyiv’s prisoners exchanged" and article.body.split("\n\n") == STORY
    broken = write(tmp_path, "broken.webarchive", plistlib.dumps({"other": 1}, fmt=plistlib.FMT_BINARY))
    with pytest.raises(ReaderError, match="not a Safari web archive"):
        read_document(broken)
    with pytest.raises(ReaderError, match="not a Safari web archive"):
        read_document(write(tmp_path, "cut.webarchive", path.read_bytes()[:200]))

def test_html_tables_of_an_article_are_kept(tmp_path):
    table = ("<table><tr><th>Team</th><th>Points</th></tr><tr><td>Arsenal</td><td>38</td></tr>"
             "<tr><td>Liverpool</td><td>36</td></tr></table>")
    html = ("<html><head><title>Prisoners exchanged | Example News</title></head><body><article>"
            "<h1>Prisoners exchanged</h1>" + "".join(f"<p>{p}</p>" for p in STORY[:2]) + table
            + "".join(f"<p>{p}</p>" for p in STORY[2:]) + "</article></body></html>")
    body = clean(read_document(write(tmp_path, "a.html", html.encode()))).body
    assert "Arsenal" in body and "36" in body and STORY[3] in body


@pytest.mark.parametrize(("kept", "taken"), [(1, False), (5, True)])
def test_html_precise_text_is_taken_unless_it_lost_the_article(tmp_path, monkeypatch, kept, taken):
    """trafilatura's precise mode, which keeps less of a page than its default, is taken unless it
    kept a scrap of it. What it keeps of a real page cannot be shown on a small one, so here it
    keeps the first `kept` lines of what the default keeps (the page's eight paragraphs)."""
    import trafilatura

    real = trafilatura.bare_extraction

    def extraction(html, **settings):  # type: ignore[no-untyped-def]
        precise = settings.pop("favor_precision", False)
        doc = real(html, **settings)
        if precise:
            doc = doc.as_dict() if hasattr(doc, "as_dict") else doc
            doc["text"] = "\n".join(doc["text"].splitlines()[:kept])
        return doc

    monkeypatch.setattr(trafilatura, "bare_extraction", extraction)
    html = ("<html><head><title>Prisoners exchanged | Example News</title></head><body><article>"
            "<h1>Prisoners exchanged</h1>" + "".join(f"<p>{p}</p>" for p in STORY * 2) + "</article></body></html>")
    body = clean(read_document(write(tmp_path, "a.html", html.encode()))).body
    assert body.startswith(STORY[0])
    assert (len(body.split("\n\n")) < len(STORY) * 2) is taken


@pytest.mark.parametrize(("domain", "site_name", "outlet"), [
    ("nj.com", "nj", "nj.com"),  # the domain's label in lower case: the domain (not "Nj")
    ("nj.com", "NJ Advance Media", "NJ Advance Media"),  # a name of its own stands
    ("nj.com", "Nj", "Nj"),  # as the site writes it
    ("barrons.com", "BarronsOnline", "Barron's"),  # a known outlet's address: its usual name
    ("linknaija.com", "LinkNaija | Nigeria's popular news platform", "LinkNaija"),  # less its slogan
])
def test_html_outlet_from_the_sites_name_and_address(tmp_path, domain, site_name, outlet):
    html = (f'<html><head><title>Prisoners exchanged</title>'
            f'<link rel="canonical" href="https://www.{domain}/news/2025/03/prisoners.html">'
            f'<meta content="{site_name}" property="og:site_name"></head><body><article>'
            f'<h1>Prisoners exchanged</h1>' + "".join(f"<p>{p}</p>" for p in STORY)
            + "</article></body></html>")
    assert clean(read_document(write(tmp_path, "a.html", html.encode()))).outlet == outlet


@pytest.mark.parametrize(("head", "body_start", "outlet"), [
    # Tags a script wrote into the <body> before the page was saved (trafilatura reads the <head>).
    ("<title>Prisoners exchanged</title>",
     '<meta property="og:url" content="https://www.theguardian.com/world/2025/mar/04/prisoners">'
     '<meta property="og:site_name" content="The Guardian">', "The Guardian"),
    # The address Chrome and Edge write when they save a page, a known outlet's.
    ("<!-- saved from url=(0049)https://www.theguardian.com/world/2025/prisoners -->"
     "<title>Prisoners exchanged</title>", "", "The Guardian"),
    # SingleFile's comment
    ("<!--\n Page saved with SingleFile \n url: https://www.bbc.co.uk/news/world-123 \n"
     " saved date: Thu Mar 06 2025\n--><title>Prisoners exchanged</title>", "", "BBC News"),
    # Only the site its <title> ends with.
    ("<title>Prisoners exchanged | Quayside Courier</title>", "", "Quayside Courier"),
    ("<title>Prisoners exchanged</title>", "", None),
])
def test_html_outlet_where_the_extractor_finds_no_site(tmp_path, head, body_start, outlet):
    html = (f'<html><head>{head}</head><body>{body_start}<article><h1>Prisoners exchanged</h1>'
            + "".join(f"<p>{p}</p>" for p in STORY) + "</article></body></html>")
    assert clean(read_document(write(tmp_path, "a.html", html.encode()))).outlet == outlet


@pytest.mark.parametrize(("title", "og", "h1s", "shown"), [
    # The markup's title with the site's slogan before or its name after: the printed headline.
    ("Quayside's own news: Prisoners exchanged at the border", True, ["Prisoners exchanged at the border"],
     "Prisoners exchanged at the border"),
    ("Prisoners exchanged at the border — Quayside Courier", True, ["Prisoners exchanged at the border"],
     "Prisoners exchanged at the border"),
    # A logo in an <h1> is the site's name, not the headline (trafilatura took it for the title
    # of a page with no og:title).
    ("Gold jumps on tariff news | The Quayside Courier", False, ["The Quayside Courier"],
     "Gold jumps on tariff news"),
    ("Gold jumps on tariff news | The Quayside Courier", True, ["The Quayside Courier"],
     "Gold jumps on tariff news"),
])
def test_html_title_is_the_printed_headline_without_the_sites_words(tmp_path, title, og, h1s, shown):
    meta = f"<meta property='og:title' content=\"{title}\">" if og else ""
    html = (f"<html><head><title>{title}</title>{meta}</head><body>"
            + "".join(f"<h1>{h}</h1>" for h in h1s) + "<article>"
            + "".join(f"<p>{p}</p>" for p in STORY) + "</article></body></html>")
    assert clean(read_document(write(tmp_path, "a.html", html.encode()))).title == shown


def _newsletter(html: bool = True, sender: str = "Heather Cox Richardson from Letters from an American "
                "<hcr@substack.com>", subject: str = "Fwd: The harbour strike, explained") -> bytes:
    """A newsletter as a mail program saves it (.eml): plain and HTML alternatives, the HTML laid
    out in a table as newsletters are."""
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["Subject"], mail["From"], mail["To"] = subject, sender, "me@example.com"
    mail["Date"] = "Tue, 04 Mar 2025 07:12:00 -0500"
    mail.set_content("\n\n".join(STORY) + "\n")
    if html:
        cells = "".join(f"<tr><td><p>{p}</p></td></tr>" for p in STORY)
        mail.add_alternative(f"<html><body><table><tr><td><a href='https://x.example/v'>View in browser</a>"
                             f"</td></tr>{cells}<tr><td>Unsubscribe</td></tr></table></body></html>",
                             subtype="html")
    return bytes(mail)


@pytest.mark.parametrize("html", [True, False])
def test_a_newsletter_saved_from_a_mail_program_is_an_article(tmp_path, html):
    """Its subject (without "Fwd:") is the title, its date the Date header's, its sender the
    outlet and, when the sender names both ("Name from Newsletter"), the author; a mail's HTML
    tables are its layout, so its paragraphs are read as paragraphs."""
    result = clean(read_document(write(tmp_path, "strike.eml", _newsletter(html))))
    assert result.title == "The harbour strike, explained"
    assert (result.authors, result.outlet) == (("Heather Cox Richardson",), "Letters from an American")
    assert result.published.startswith("2025-03-04")
    assert result.body.split("\n\n")[:len(STORY)] == list(STORY)
    plain = clean(read_document(write(tmp_path, "b.eml", _newsletter(html, "Quayside Courier <n@q.example>",
                                                                        "Harbour strike halts grain shipments"))))
    assert (plain.title, plain.authors, plain.outlet) == ("Harbour strike halts grain shipments", (),
                                                          "Quayside Courier")
    # "Updates from ..." names no author.
    updates = clean(read_document(write(tmp_path, "c.eml", _newsletter(html, "Updates from The Quayside "
                                                                             "Courier <n@q.example>"))))
    assert (updates.authors, updates.outlet) == ((), "The Quayside Courier")


def test_a_mail_without_a_message_is_refused_with_a_reason(tmp_path):
    mail = (b"Subject: Photos\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n"
            b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--x--\r\n")
    with pytest.raises(ReaderError, match="no text or HTML part"):
        read_document(write(tmp_path, "photos.eml", mail))


@pytest.mark.parametrize(("author", "authors", "agencies"), [
    ("Sandee LaMotte, Associated Press", ("Sandee LaMotte",), ("Associated Press",)),
    ("Sandee LaMotte; Reuters", ("Sandee LaMotte",), ("Reuters",)),
    ("Molly Wood; Quayside Courier", ("Molly Wood",), ()),  # the outlet itself is no author
])
def test_html_authors_from_the_markup_leave_agencies_and_the_outlet_out(tmp_path, author, authors, agencies):
    html = (f'<html><head><title>Prisoners exchanged | Quayside Courier</title>'
            f'<meta name="author" content="{author}"></head><body><article><h1>Prisoners exchanged</h1>'
            + "".join(f"<p>{p}</p>" for p in STORY) + "</article></body></html>")
    result = clean(read_document(write(tmp_path, "a.html", html.encode())))
    assert (result.authors, result.agencies) == (authors, agencies)
