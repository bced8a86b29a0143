"""The only place where core spans become styled text (never markup: article text stays literal)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rich.text import Text

from reader.core.models import Article, Mention
from reader.ui.palette import DEFAULT, HUES, Palette

NARROW = 100  # terminal columns below which the screens stack or hide their panes

KINDS = tuple(HUES)  # person, org, place, group, other, date, number, money: keys 1-8
KIND_NAMES = {"person": "people", "org": "organisations", "place": "places", "group": "groups",
              "other": "events & works", "date": "dates", "number": "figures", "money": "money"}
SHORT_NAMES = {"person": "people", "org": "orgs", "place": "places", "group": "groups",
               "other": "other", "date": "dates", "number": "nums", "money": "money"}


@dataclass(frozen=True)
class Block:
    """One rendered paragraph of an article, or a removed piece shown in place."""

    kind: str  # "paragraph", "heading" or "removed"
    text: Text
    start: int = 0  # offsets into the body (removed pieces: where they would sit)
    end: int = 0


def literal(text: str) -> Text:
    """Plain text as a Text, never parsed for markup (control characters were removed at ingest)."""
    return Text(text)


_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


def iter_paragraphs(body: str) -> Iterator[tuple[int, int]]:
    for m in _PARAGRAPH.finditer(body):
        yield m.start(), m.end()


def header(article: Article) -> Text:
    """Title, standfirst and the byline line of an article."""
    out = Text()
    out.append(article.title, style="bold")
    if article.standfirst:
        out.append("\n")
        out.append(article.standfirst, style="italic")
    facts = [", ".join(article.authors), article.outlet or "",
             (article.published or "")[:16].replace("T", " "),
             ("via " + ", ".join(article.agencies)) if article.agencies else "",
             f"{article.word_count} words"]
    out.append("\n")
    out.append(" · ".join(f for f in facts if f), style="dim")
    if article.url:
        out.append("\n")
        out.append(article.url, style="dim underline")
    if article.origin == "feed":
        out.append("\n")
        out.append(f"The feed's own text: {article.note or 'the page could not be fetched'}",
                   style="italic")
    return out


def _styled(body: str, start: int, end: int, spans: Sequence[tuple[int, int, str]],
            starts: Sequence[int] | None = None) -> Text:
    """body[start:end] with the spans that overlap it; `starts` (sorted span starts) skips the rest."""
    text = Text(body[start:end])
    first = 0
    if starts is not None:
        first = bisect.bisect_left(starts, start - MAX_SPAN)
    for s, e, style in spans[first:]:
        if s >= end:
            if starts is not None:
                break
            continue
        if e > start:
            text.stylize(style, max(s, start) - start, min(e, end) - start)
    return text


MAX_SPAN = 400  # no entity or match is longer; lets a paragraph skip spans that end before it


def blocks(article: Article, entities: Iterable[Mention] = (), kinds: set[str] | None = None,
           matches: Sequence[tuple[int, int]] = (), removed: bool = False, current: int = -1,
           colours: Palette = DEFAULT) -> Iterator[Block]:
    """The body as styled paragraphs; with `removed`, each removed piece in place with its reason."""
    spans: list[tuple[int, int, str]] = [(s, e, colours.heading) for s, e in article.headings]
    spans += [(m.start, m.end, colours.entity_style(m.label)) for m in entities
              if kinds is None or m.label in kinds]
    spans += [(s, e, colours.current_match if i == current else colours.match)
              for i, (s, e) in enumerate(matches)]
    spans.sort(key=lambda t: (t[0], t[2] == colours.match))
    starts = [s for s, _, _ in spans]
    headings = set(article.headings)
    lines = iter(article.lines)
    pending = sorted(article.removed, key=lambda r: r.line) if removed else []
    for start, end in iter_paragraphs(article.body):
        line = next(lines, 0)
        while pending and pending[0].line and line and pending[0].line < line:
            yield removed_block(pending.pop(0), start, colours)
        kind = "heading" if (start, end) in headings else "paragraph"
        yield Block(kind, _styled(article.body, start, end, spans, starts), start, end)
    for piece in pending:
        yield removed_block(piece, len(article.body), colours)


def removed_block(piece: object, at: int, colours: Palette = DEFAULT) -> Block:
    text = Text()
    where = f" (line {piece.line})" if piece.line else ""  # type: ignore[attr-defined]  # (HTML: none)
    text.append(f"✂ {piece.reason}{where}\n", style=colours.reason)  # type: ignore[attr-defined]
    text.append(piece.text, style=colours.removed)  # type: ignore[attr-defined]
    return Block("removed", text, at, at)


def snippet(snippet_text: str, highlights: Sequence[tuple[int, int]], colours: Palette = DEFAULT) -> Text:
    text = Text(snippet_text)
    for start, end in highlights:
        text.stylize(colours.match, start, end)
    return text


def legend(enabled: set[str], on: bool = True, colours: Palette = DEFAULT, width: int = 200) -> Text:
    """The digit of each kind of entity and its colour; short names when the screen is narrow."""
    names = KIND_NAMES if width >= 120 else SHORT_NAMES
    out = Text(no_wrap=True, overflow="ellipsis")
    for n, kind in enumerate(KINDS, start=1):
        style = colours.entity_style(kind) if on and kind in enabled else "strike"
        out.append(f"{n}", style="reverse")
        out.append(f" {names[kind]} ", style=style)
    return out


def tinted(body: str, start: int, end: int, spans: Sequence[tuple[int, int, str]]) -> Text:
    """A paragraph of body with background tints (comparison view)."""
    return _styled(body, start, end, spans)
