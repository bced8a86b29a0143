"""Boilerplate removal: source text -> article body, lifted metadata, and every removed piece with its reason."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.core import rules
from reader.core.meta import (
    canonical_outlet, known_outlet, parse_agency_credit, parse_any_date, parse_byline, parse_date_line,
)
from reader.core.models import Cleaned, RawDocument, Removed

HEAD_LINES = 6  # metadata is looked for among the first lines only
TAIL_LINES = 6  # and wire credits among the last


@dataclass
class Unit:
    """A paragraph of the source (one line, or a reflowed hard-wrapped block) and where it starts."""

    text: str
    line: int


def split_units(text: str, fmt: str) -> list[Unit]:
    """Split source text into paragraphs: lines, or blocks when the text is hard-wrapped or Markdown."""
    units: list[Unit] = []
    lines = text.split("\n")
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if block:
            units.extend(_block_units(block, fmt))
            block.clear()

    for number, line in enumerate(lines, start=1):
        if line.strip():
            block.append((number, line))
        else:
            flush()
    flush()
    return units


def _block_units(block: list[tuple[int, str]], fmt: str) -> Iterable[Unit]:
    if len(block) == 1:
        yield Unit(block[0][1].strip(), block[0][0])
        return
    if fmt == "markdown" and not _is_wrapped(block):
        yield Unit("\n".join(line.rstrip() for _, line in block).strip("\n"), block[0][0])
        return
    if not _is_wrapped(block):
        for number, line in block:
            yield Unit(line.strip(), number)
        return
    # A hard-wrapped block: indented lines start paragraphs; other lines continue them.
    current: list[str] = []
    start = block[0][0]
    for number, line in block:
        if current and re.match(r"^\s{2,}\S", line):
            yield Unit(" ".join(current), start)
            current, start = [], number
        current.append(line.strip())
    if current:
        yield Unit(" ".join(current), start)


def _is_wrapped(block: list[tuple[int, str]]) -> bool:
    """True when a block's lines are cut at a fixed width (all but the last are long and similar)."""
    lengths = [len(line.rstrip()) for _, line in block[:-1]]
    widest = max(lengths)
    if widest > 100 or widest < 30:
        return False
    return sum(n >= 0.6 * widest for n in lengths) >= 0.7 * len(lengths)


@dataclass
class _Meta:
    title: str | None = None
    standfirst: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    published: str | None = None
    agencies: tuple[str, ...] = ()


def clean(doc: RawDocument, common: frozenset[str] = frozenset()) -> Cleaned:
    """Return the cleaned article: body, metadata fields, and every removed piece with its reason.

    `common` holds normalised short lines that recur across many articles of the library.
    """
    units = split_units(doc.text, doc.format)
    meta = _Meta()
    removed: list[Removed] = []
    units = _lift_head(units, meta, removed)
    units = _lift_tail(units, meta, removed)
    if meta.title:
        key = rules.norm(meta.title)
        kept = []
        for unit in units:
            if rules.norm(unit.text) == key:
                removed.append(Removed(unit.text, "duplicate of the title", unit.line))
            else:
                kept.append(unit)
        units = kept
    body_units = _apply_rules(units, removed, common)
    _apply_document_meta(doc, meta)
    if meta.outlet is None:
        meta.outlet = _outlet_from_footer(removed)
    body, headings = _assemble(body_units)
    lines = tuple(u.line for u in body_units)
    if not meta.title:
        meta.title = _fallback_title(body, doc.path)
    return Cleaned(
        title=meta.title, standfirst=meta.standfirst, authors=meta.authors, outlet=meta.outlet,
        published=meta.published, agencies=meta.agencies, body=body,
        removed=tuple(sorted(removed, key=lambda r: r.line)), headings=headings, lines=lines,
    )


def _looks_like_title(text: str) -> bool:
    n = len(rules.words(text))
    return 1 <= n <= 30 and not text.rstrip().endswith((".", ",", ";", ":")) and "\n" not in text.strip()


def _lift_head(units: list[Unit], meta: _Meta, removed: list[Removed]) -> list[Unit]:
    """Take title, outlet, date, byline and standfirst off the top of the article."""
    out = list(units)
    i = 0
    title_at: int | None = None
    while i < min(len(out), HEAD_LINES):
        unit = out[i]
        text = unit.text
        ctx = _context([u.text for u in out], i, len(out), frozenset())
        following = out[i + 1].text if i + 1 < len(out) else ""
        if rules.caption(ctx):
            removed.append(Removed(text, rules.caption(ctx) or "", unit.line))
            del out[i]
            continue
        if meta.published is None and (iso := parse_date_line(text)):
            meta.published = iso
            removed.append(Removed(text, "date (lifted into the published field)", unit.line))
            del out[i]
            continue
        byline = parse_byline(text) if not meta.authors else None
        if byline:
            authors, outlet, glued = byline
            meta.authors = authors
            meta.outlet = meta.outlet or outlet
            lifted = text[: len(text) - len(glued)].strip() if glued else text
            removed.append(Removed(lifted, "byline (lifted into the authors field)", unit.line))
            if glued:
                out[i] = Unit(glued, unit.line)
                break
            del out[i]
            continue
        if (i == 0 and meta.outlet is None and title_at is None and len(text) <= 30
                and len(rules.words(text)) <= 3 and not rules.ends_sentence(text)
                and (parse_date_line(following) or parse_byline(following) or known_outlet(text))):
            meta.outlet = canonical_outlet(text) if known_outlet(text) else text
            removed.append(Removed(text, "outlet name (lifted into the outlet field)", unit.line))
            del out[i]
            continue
        if title_at is None and meta.title is None and _looks_like_title(text.lstrip("# ")):
            meta.title = text.lstrip("# ").strip()
            removed.append(Removed(text, "title (lifted into the title field)", unit.line))
            title_at = i
            del out[i]
            continue
        if title_at is not None and rules.norm(text) == rules.norm(meta.title or ""):
            i += 1  # a repeated title; removed below with its own reason
            continue
        if title_at is not None and meta.standfirst is None and i == title_at and _is_standfirst(text, following):
            meta.standfirst = text
            removed.append(Removed(text, "standfirst (lifted into the standfirst field)", unit.line))
            del out[i]
            continue
        break
    return out


def _is_standfirst(text: str, following: str) -> bool:
    n = len(rules.words(text))
    if n < 6 or n > 60 or rules.caption(_context([text], 0, 1, frozenset())):
        return False
    if rules.ends_sentence(text) and not parse_byline(following):
        return False
    # A web page puts the standfirst between the headline and a byline, date or picture.
    return bool(parse_byline(following) or parse_date_line(following)
                or rules.caption(_context([following], 0, 1, frozenset())))


def _lift_tail(units: list[Unit], meta: _Meta, removed: list[Removed]) -> list[Unit]:
    """Take wire-agency credits ("- Reuters and AP", "With Bloomberg", a final "Reuter") off the end."""
    out = list(units)
    found: list[str] = []
    for i in range(len(out) - 1, max(-1, len(out) - 1 - TAIL_LINES), -1):
        unit = out[i]
        agencies = parse_agency_credit(unit.text)
        if agencies:
            found[:0] = [a for a in agencies if a not in found]
            removed.append(Removed(unit.text, "wire agency credit (lifted into the agencies field)", unit.line))
            del out[i]
            continue
        signed = re.search(r"\s+(Reuter|Reuters|AFP|AP)\s*$", unit.text)
        if signed and i == len(out) - 1 and rules.ends_sentence(unit.text[: signed.start()]):
            name = parse_agency_credit(signed.group(1))
            if name:
                found[:0] = [a for a in name if a not in found]
                removed.append(Removed(signed.group(1), "wire agency credit (lifted into the agencies field)", unit.line))
                out[i] = Unit(unit.text[: signed.start()].rstrip(), unit.line)
    meta.agencies = tuple(found)
    return out


def _context(lines: list[str], i: int, tail_start: int, common: frozenset[str],
             keys: list[str] | None = None) -> rules.Context:
    return rules.Context(lines=lines, i=i, tail_start=tail_start, common=common, keys=keys or [])


_FIRST_PASS = (rules.caption, rules.new_window_link, rules.marker, rules.promo, rules.legal)


def _apply_rules(units: list[Unit], removed: list[Removed], common: frozenset[str]) -> list[Unit]:
    lines = [u.text for u in units]
    keys = [rules.norm(t) for t in lines]
    tail_start = 0
    for i, text in enumerate(lines):
        ctx = _context(lines, i, len(lines), common, keys)
        if (rules.ends_sentence(text) and len(rules.words(text)) >= 8 and not rules._BULLET.match(text)
                and not any(rule(ctx) for rule in _FIRST_PASS)):
            tail_start = i + 1
    kept: list[Unit] = []
    for i, unit in enumerate(units):
        ctx = _context(lines, i, tail_start, common, keys)
        reason = next((r for rule in rules.RULES if (r := rule(ctx))), None)
        if reason:
            removed.append(Removed(unit.text, reason, unit.line))
        else:
            kept.append(unit)
    return kept


def _apply_document_meta(doc: RawDocument, meta: _Meta) -> None:
    """Fill fields the extractor or front matter knew and the text did not say."""
    m = doc.meta
    if m.get("title") and (doc.format == "html" or not meta.title):
        meta.title = m["title"]
    author = m.get("author") or m.get("authors") or m.get("byline")
    if author and not meta.authors:
        meta.authors = tuple(a.strip() for a in re.split(r";|,|\band\b", author) if a.strip())
    when = m.get("date") or m.get("published") or m.get("pubdate")
    if when and not meta.published:
        meta.published = parse_any_date(when)
    outlet = m.get("sitename") or m.get("outlet") or m.get("source") or m.get("publication")
    if outlet and not meta.outlet:
        meta.outlet = canonical_outlet(outlet)
    if m.get("description") and not meta.standfirst and doc.format != "html":
        meta.standfirst = m["description"]


def _outlet_from_footer(removed: list[Removed]) -> str | None:
    """The copyright holder of a '© Examiner Echo Group Limited' line, when it is a known outlet."""
    for piece in removed:
        match = re.match(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(.{2,60})$", piece.text, re.IGNORECASE)
        if match and (outlet := known_outlet(match.group(1).strip(" .,"))):
            return outlet
    return None


def _assemble(units: list[Unit]) -> tuple[str, tuple[tuple[int, int], ...]]:
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    offset = 0
    for unit in units:
        if parts:
            offset += 2
        if rules.is_heading(unit.text):
            headings.append((offset, offset + len(unit.text)))
        parts.append(unit.text)
        offset += len(unit.text)
    return "\n\n".join(parts), tuple(headings)


def _fallback_title(body: str, path: str) -> str:
    first = body.strip().split("\n", 1)[0] if body.strip() else ""
    if not first:
        return re.sub(r"[_-]+", " ", path.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    if len(sentence) <= 100:
        return sentence
    return sentence[:100].rsplit(" ", 1)[0] + "…"
