"""A decoded document -> article body, metadata fields, and every removed piece with its reason.

Text and Markdown files are split into blocks; the boilerplate model says which are article body,
the rules of story_shape.py, story_keeps.py, reasons.py and promos.py (the wording model's)
correct it (reasons.py also says why each removed block went); metadata is lifted from the blocks
around the body; lines the library's other pages of the same site repeat are removed as site
chrome. HTML pages arrive already extracted (see html.py) and are finished by extracted.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence

from reader.core.ingest import (
    glued,
    metadata,
    promos,
    reasons,
    story_keeps,
    story_shape,
    wording,
)
from reader.core.ingest.blocks import Block
from reader.core.ingest.boilerplate import EDGE, MODEL_BLOCKS, model
from reader.core.ingest.extracted import clean_extracted
from reader.core.ingest.shown import HEADLINE_WORDS, assemble, lead_title, shown_field, shown_outlet
from reader.core.ingest.source import LINK_MARK, Source, parse_source
from reader.core.ingest.templates import line_hash, page_lines
from reader.core.ingest.wording import read_words
from reader.core.ingest.words import text_language, written_in
from reader.core.models import Cleaned, RawDocument, Removed

SITE_REPEATS = 2  # a line on this many other pages of the same site is the site's chrome
# Given a page's lines (hash -> is prose), how many other pages of its site carry each.
SiteRepeats = Callable[[Mapping[int, bool]], Mapping[int, int]]


def clean(doc: RawDocument, site_repeats: SiteRepeats | None = None) -> Cleaned:
    """Return the cleaned article of a document.

    `site_repeats` (see templates.py) says how many of the library's other pages of the same
    site carry each of this page's lines; lines on SITE_REPEATS or more are removed as chrome.
    """
    if doc.format == "html":
        with written_in(text_language(doc.text)):  # (the text trafilatura extracted)
            return clean_extracted(doc)
    source = parse_source(doc.text, doc.format)
    # Dates and bylines are read in the page's own language too ("22 de outubro de 2010").
    with written_in(text_language("\n".join(b.text for b in source.blocks))):
        return _clean_blocks(doc, source, site_repeats)


def _clean_blocks(doc: RawDocument, source: Source, site_repeats: SiteRepeats | None) -> Cleaned:
    blocks = source.blocks
    # Chrome sits at a page's top and bottom: a very long page is compared by its edges.
    lines = page_lines(blocks if len(blocks) <= MODEL_BLOCKS else [*blocks[:EDGE], *blocks[-EDGE:]])
    boiler = model()
    # A note, or an article saved without a page around it (`unframed`): none of the chrome the
    # wording model is for, and its reading of a clean story's sentences is not worth the risk.
    unframed = _a_note(blocks, source.markdown)
    if unframed:
        # A title line and a paragraph or two, with nothing around them: nothing to remove (a
        # list's first item is no title line).
        probabilities = [0.0 if i == 0 and len(blocks) > 1 and not blocks[0].depth else 1.0
                         for i in range(len(blocks))]
        keep = [p >= boiler.threshold for p in probabilities]
    else:
        probabilities = _probabilities(boiler, blocks)
        keep = [p >= boiler.threshold and bool(b.text) for b, p in zip(blocks, probabilities)]
        story_keeps.keep_subheadings(blocks, keep, set(boiler.vocabulary[: len(boiler.vocabulary) * 2 // 3]))
        story_keeps.keep_lead_ins(blocks, keep)
        story_keeps.keep_list_continuations(blocks, keep)
        story_keeps.keep_list_items(blocks, keep)
        if source.front or source.meta:
            _keep_lead_under_header(blocks, keep)
        unframed = _keep_clean_page(blocks, keep, source.markdown)
    for i, block in enumerate(blocks):
        if keep[i] and reasons.never_story(block.text):
            keep[i] = False
    # What is left and reads like a promo by its words alone (after the legal notices and
    # captions above, which have their own reasons).
    words = {} if unframed else read_words(blocks)
    english = bool(words) and any(keep) and wording.english(list(words.values()))
    by_wording: dict[int, str] = {}
    if english:
        by_wording |= promos.drop_worded(blocks, keep, words)
        by_wording |= promos.drop_runs(blocks, keep, words)
    # (Labels are judged by their English words: on a page in another language every line would
    # look foreign to the story.)
    ruled, thread = ({}, None) if unframed else story_shape.remove(blocks, keep, words if english else None)
    if english:
        # Once the box's labels are gone ("skip past newsletter promotion"), the rest of it stands apart.
        by_wording |= promos.drop_runs(blocks, keep, words)
        by_wording |= promos.drop_trailing_label(blocks, keep, words)
    if not any(keep):
        # Nothing reads as a story: a page's best passage, or a file's every line.
        keep = _fallback(blocks, probabilities)
    repeated: dict[int, int] = {}
    counts = site_repeats(lines) if site_repeats else {}
    for i, block in enumerate(blocks):
        count = counts.get(line_hash(block.text), 0) if counts and block.text else 0
        if count >= SITE_REPEATS:
            repeated[i] = count
            keep[i] = False
    header = {**source.meta, **source.front, **doc.meta}
    # Readers' comments hold no metadata of the page: their dates and names are the readers'.
    skip = frozenset(repeated) | (frozenset(range(thread, len(blocks))) if thread is not None else frozenset())
    # Front matter is the author's own record: its title is the title, not a candidate. A line
    # whose words make it chrome (a share bar, a caption) is none either: on a page that prints
    # no headline the lead titles the article.
    fields = metadata.extract(blocks, keep, probabilities, header, header.get("url"),
                              known_title=source.front.get("title"), skip=skip,
                              is_chrome=reasons.never_headline)
    if not any(k and i not in fields.used for i, k in enumerate(keep)):
        # Lifting metadata must not empty the article: a one-line note keeps its line.
        for i, k in enumerate(keep):
            if k:
                fields.used.pop(i, None)
    _trim_glued_chrome(blocks, keep, fields)
    removed = [Removed(text, reason, line) for line, text in source.header_lines
               for reason in ["crawler header or front matter (lifted into fields)"]]
    body: list[Block] = []
    start = metadata.body_start(blocks, keep)  # where metadata was looked for, too
    end = max((i for i, k in enumerate(keep) if k), default=-1)
    runs: list[int] | None = None  # reasons.short_runs(), once some block needs explaining
    for i, block in enumerate(blocks):
        if i in fields.used and (not keep[i] or i not in fields.trimmed):
            removed.append(Removed(block.raw or block.text, fields.used[i], block.line))
        elif keep[i]:
            if i in fields.trimmed:
                cut = block.text[: len(block.text) - len(fields.trimmed[i])].strip()
                removed.append(Removed(cut, fields.used[i], block.line))
                block = _with_text(block, fields.trimmed[i])
            body.append(block)
        elif block.raw.strip() or block.text:
            if runs is None:
                runs = reasons.short_runs(blocks)
            reason = (f"repeated on {repeated[i]} other pages of this site" if i in repeated
                      else by_wording.get(i) or ruled.get(i)
                      or reasons.explain(blocks, i, probabilities[i], start, end, runs))
            removed.append(Removed(block.raw or block.text, reason, block.line))
    title, standfirst = fields.title, fields.standfirst
    if source.link_marks:
        # What the reader sees, and what names and search are made from, is the link's words.
        body = [_with_text(b, LINK_MARK.sub("", b.text)) for b in body]
        title, standfirst = (title and LINK_MARK.sub("", title)), (standfirst and LINK_MARK.sub("", standfirst))
    text, headings = assemble(body)
    title = shown_field(title) or lead_title(text, doc.path)
    return Cleaned(
        title=title, standfirst=standfirst, authors=fields.authors,
        outlet=shown_outlet(fields.outlet),
        published=fields.published, agencies=fields.agencies, body=text,
        removed=tuple(sorted(removed, key=lambda r: r.line)), headings=headings,
        lines=tuple(b.line for b in body), site_lines=lines,
        chrome=frozenset(line_hash(blocks[i].text) for i in repeated),
    )


def _trim_glued_chrome(blocks: Sequence[Block], keep: Sequence[bool], fields: metadata.Fields) -> None:
    """The chrome a scraper glued to the front of the story's first paragraph (glued.py) is cut
    off it, as a glued byline is."""
    first = next((i for i, k in enumerate(keep) if k and i not in fields.used), None)
    if first is None or first in fields.trimmed:
        return
    text = blocks[first].text
    if cut := glued.story_start(text):
        fields.trimmed[first] = text[cut:]
        fields.used[first] = "page chrome glued to the story's first paragraph (byline, date, buttons)"




def _probabilities(boiler: object, blocks: Sequence[Block]) -> list[float]:
    """The model's body probability of each block; a very long document's middle is body.

    Page chrome sits at a page's top and bottom; a book-length text (a transcript, a report)
    would otherwise cost memory in proportion to its length for no gain.
    """
    from reader.core.ingest.boilerplate import Model

    assert isinstance(boiler, Model)
    if len(blocks) <= MODEL_BLOCKS:
        return boiler.probabilities(blocks).tolist()
    head = boiler.probabilities(blocks[:EDGE]).tolist()
    tail = boiler.probabilities(blocks[-EDGE:]).tolist()
    return head + [1.0] * (len(blocks) - 2 * EDGE) + tail


PAGE_BLOCKS = 30  # text blocks and ...
PAGE_LINKS = 10  # ... links a scraped page has at least; a user's own file (a list, notes) has not
PROSE_CHARS = 150  # a block this long with a sentence's stop is a passage of prose


def _fallback(blocks: Sequence[Block], probabilities: Sequence[float]) -> list[bool]:
    """What to keep when nothing reads as a story.

    A scraped page with some prose keeps its most article-like passage: the prose block the model
    likes best (never a legal notice or a caption) and its neighbours scored at least half as well.
    A page is many blocks, and links, or (a plain rendering prints none) PAGE_BLOCKS of them above
    its first prose, as menus stand above a story. Out of fold on html-train, 4 of 1,179 renderings
    reached this point with links; keeping their whole page kept 1,082 lines of menus and archives
    against 48 of body. A Portuguese city hall's page rendered as plain lines, 550 menu and archive
    lines above its story, kept them all. Anything else (a list, a file of numbers, a note whose
    paragraph comes first) keeps all its text rather than lose the user's file.
    """
    texts = [i for i, b in enumerate(blocks) if b.text]
    prose = [i for i in texts if len(blocks[i].text) >= PROSE_CHARS and not reasons.never_story(blocks[i].text)
             and re.search(r"[.!?\u3002\uff01\uff1f]", blocks[i].text)]
    everything = [bool(b.text) for b in blocks]
    if len(texts) < PAGE_BLOCKS or not prose:
        return everything
    if sum(b.links for b in blocks) < PAGE_LINKS and bisect_left(texts, prose[0]) < PAGE_BLOCKS:
        return everything
    best = max(prose, key=lambda i: probabilities[i])
    bar = probabilities[best] / 2
    keep = [False] * len(blocks)
    keep[best] = True
    for step in (-1, 1):
        i = best + step
        while 0 <= i < len(blocks) and (not blocks[i].text or probabilities[i] >= bar):
            keep[i] = bool(blocks[i].text) and not reasons.never_story(blocks[i].text)
            i += step
    return keep


NOTE_BLOCKS = 3  # a plain file of this many lines or fewer, all text, is a note or a bare article


def _a_note(blocks: Sequence[Block], markdown: bool) -> bool:
    """A plain file of a few text lines: a title and its paragraphs (no menus, links or images);
    or a Markdown file that is a short list of sentences and nothing else, a user's notes."""
    if not 1 <= len(blocks) <= NOTE_BLOCKS:
        return False
    if markdown:
        return all(b.depth and b.text and not (b.links or b.images or b.code or b.heading)
                   and re.search(r"[.!?]$", b.text) for b in blocks)
    if any(not b.text or b.links or b.depth or b.code for b in blocks):
        return False
    first = blocks[0].text
    return len(blocks) == 1 or (len(first.split()) <= 20 and not re.search(r"[.:;,]$", first))


def _keep_clean_page(blocks: Sequence[Block], keep: list[bool], markdown: bool) -> bool:
    """A plain text whose body starts at its first or second line is an article, not a page:
    keep all its text and return True.

    Saved articles and corpora (a title line, then paragraphs) have no menus above the story; a
    scraped page always has some. Lists at their end (results, award winners) are the story's,
    though the model, trained on pages whose trailing lists are links, drops them.
    """
    # The story starts at its first kept block that is not a byline or a date line: whether the
    # model kept those or not, the page above the story is the same.
    start = next((i for i, k in enumerate(keep) if k and not metadata.is_byline_or_date(blocks[i].text)),
                 len(blocks))
    above = [b for b in blocks[:start] if b.text]
    if markdown or start >= len(blocks) or len(above) > 2 or any(b.links for b in above):
        return False
    if above and len(above[0].text.split()) > HEADLINE_WORDS:
        return False  # what stands above the body is a crawler's description, not a title
    # Above the body: a title, and perhaps the lead paragraph the model was unsure of.
    if len(above) == 2 and not story_shape.a_lead_sentence(above[1].text):
        return False
    first = next(i for i, b in enumerate(blocks) if b.text)
    for i in range(first + 1, len(blocks)):
        keep[i] = bool(blocks[i].text)
    return True


def _keep_lead_under_header(blocks: Sequence[Block], keep: list[bool]) -> None:
    """Under front matter or a crawler's header ("Title:", "URL Source:", "Markdown Content:"),
    the first paragraph is the story's lead when the story goes on right after it. The file's
    metadata sits in that header (a clipper's, an author's or a crawler's record), so what opens
    the text is not a crawler's description of the page, which the model, trained on pages that
    open with one, would take it for. (Out of fold this changes 1 block of the labelled sets, a
    scrape's lead; none of the 131 html-train pages rendered with a crawler's header.)"""
    texts = [i for i, b in enumerate(blocks) if b.text]
    if len(texts) < 2 or keep[texts[0]] or not keep[texts[1]]:
        return
    first = blocks[texts[0]]
    if not first.links and not first.depth and not first.heading and story_shape.a_lead_sentence(first.text):
        keep[texts[0]] = True


def _with_text(block: Block, text: str) -> Block:
    from dataclasses import replace

    return replace(block, text=text)


