"""An HTML page's text, already extracted by trafilatura (html.py), -> the article: its paragraphs
less the chrome the extractor leaks, and the metadata the page's markup gave."""

from __future__ import annotations

import re

from reader.core.ingest import bylines, metadata, outlets, promos, reasons, wording
from reader.core.ingest.blocks import Block
from reader.core.ingest.dates import parse_date
from reader.core.ingest.outlet_ranker import key as name_key
from reader.core.ingest.shown import assemble, lead_title, shown_field, shown_outlet
from reader.core.ingest.wording import read_words
from reader.core.models import Cleaned, RawDocument, Removed


def clean_extracted(doc: RawDocument) -> Cleaned:
    """An HTML page's text, already extracted by trafilatura: paragraphs, and its metadata."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", doc.text) if p.strip()]
    blocks = [Block(text=p, raw=p, line=0, end=0) for p in paragraphs]
    meta = doc.meta
    title = meta.get("title") or ""
    headline, site = metadata.split_site(title) if title else ("", None)
    keep_blocks = [b for b in blocks if metadata.norm(b.text) != metadata.norm(headline)]
    removed = [Removed(b.text, "duplicate of the title", 0) for b in blocks if b not in keep_blocks]
    keep_blocks, chrome = _drop_extracted_chrome(keep_blocks)
    removed += chrome
    fields = metadata.extract(keep_blocks, [True] * len(keep_blocks), [1.0] * len(keep_blocks), {},
                              meta.get("url"))
    # A byline or date line the extractor kept ("By Anna Becker, 12 June 2025") is in its fields.
    lifted = {i for i, reason in fields.used.items() if reason.startswith(("byline", "date"))}
    removed += [Removed(keep_blocks[i].text, fields.used[i], 0) for i in sorted(lifted)]
    keep_blocks = [b for i, b in enumerate(keep_blocks) if i not in lifted]
    authors = bylines.markup_authors(meta.get("author", ""))
    # A known outlet's address names it as reader names it everywhere ("BarronsOnline", "SputnikInt"
    # and "DH News Service" are Barron's, Sputnik and the Deccan Herald); else the page's own name.
    address = meta.get("url") or (f"https://{meta['hostname']}/" if meta.get("hostname") else None)
    by_address = outlets.domain_outlet(address) if address else None
    outlet = (by_address if by_address and outlets.known_outlet(by_address) else None) \
        or meta.get("sitename") or site
    published = parse_date(meta["date"]) if meta.get("date") else fields.published
    # The markup names a wire agency or the outlet among the authors ("Sandee LaMotte; CNN",
    # "Reuters"), as a byline does ("By Sandee LaMotte, CNN"): an agency, the outlet, no author.
    agencies, people = list(fields.agencies), []
    own = {name_key(name) for name in (outlet, meta.get("sitename"), site) if name}
    for name in authors:
        if wire := outlets.agency(name):
            agencies.append(wire)
        elif name_key(name) not in own and not outlets.known_outlet(name):
            people.append(name)
    text, headings = assemble(keep_blocks)
    return Cleaned(
        title=shown_field(headline) or lead_title(text, doc.path),
        standfirst=meta.get("description"), authors=tuple(people) or fields.authors,
        outlet=shown_outlet(outlets.outlet_name(outlet) if outlet else fields.outlet), published=published,
        agencies=tuple(dict.fromkeys(agencies)), body=text, removed=tuple(removed), headings=headings,
        lines=tuple(0 for _ in keep_blocks),
    )


# A paragraph this long is the article's own, and so is what the extractor kept between two.
LONG_PARAGRAPH = 25


def _drop_extracted_chrome(blocks: list[Block]) -> tuple[list[Block], list[Removed]]:
    """The paragraphs of trafilatura's text that are the page's chrome by their words alone: legal
    notices and captions anywhere (reasons.never_story); and, on a page in English, newsletter
    boxes, subscription pitches and other stories' headlines (the wording model's promos.py)
    before the first or after the last long paragraph, where extractors leak: between them the
    extractor has judged the text the article's. The boilerplate model is not asked: it reads a
    block's place in the whole page, which is gone.
    """
    keep = [bool(b.text) for b in blocks]
    why: dict[int, str] = {}
    for i, block in enumerate(blocks):
        if keep[i] and reasons.never_story(block.text):
            keep[i] = False
            # (Its words say why; no place in a page applies: the start is past it, the end before.)
            why[i] = reasons.explain(blocks, i, 0.0, len(blocks), -1)
    words = read_words(blocks)
    long = [i for i, b in enumerate(blocks) if keep[i] and len(b.text.split()) >= LONG_PARAGRAPH]
    if long and wording.english(list(words.values())):
        edges = {i: w for i, w in words.items() if not long[0] <= i <= long[-1]}
        why |= promos.drop_worded(blocks, keep, edges)
        why |= promos.drop_runs(blocks, keep, edges)
        why |= promos.drop_trailing_label(blocks, keep, edges)
    if not any(keep):
        return blocks, []  # a page of nothing but such lines: show it as it is
    return ([b for b, k in zip(blocks, keep) if k],
            [Removed(blocks[i].text, why[i], 0) for i in sorted(why)])
