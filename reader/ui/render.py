"""The only place where core spans become styled text (never markup: article text stays literal)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text

from reader.core.models import Article, Mention

ENTITY_STYLES = {
    "person": "bold #f0a0ff",
    "org": "bold #7fd4ff",
    "place": "bold #8ee08e",
    "group": "#e6c07b",
    "date": "#c0c0ff",
    "number": "#ffb86c",
    "money": "#ffd75f",
}
KIND_NAMES = {"person": "people", "org": "organisations", "place": "places", "group": "groups",
              "date": "dates", "number": "figures", "money": "money"}
MATCH_STYLE = "bold black on #ffd75f"
HEADING_STYLE = "bold underline"


def literal(text: str) -> Text:
    """Plain text as a Text, never parsed for markup, with control characters already removed."""
    return Text(text)


def header(article: Article) -> Text:
    """Title, standfirst and the byline line of an article."""
    out = Text()
    out.append(article.title, style="bold")
    out.append("\n")
    if article.standfirst:
        out.append(article.standfirst, style="italic")
        out.append("\n")
    facts = [", ".join(article.authors), article.outlet or "", (article.published or "")[:16].replace("T", " "),
             ("via " + ", ".join(article.agencies)) if article.agencies else "",
             f"{article.word_count} words"]
    out.append(" · ".join(f for f in facts if f), style="dim")
    return out


def body(article: Article, entities: Iterable[Mention] = (), kinds: set[str] | None = None,
         matches: Sequence[tuple[int, int]] = (), removed: bool = False) -> Text:
    """The article body with entity colours, search matches and (optionally) removed pieces."""
    text = Text(article.body)
    for start, end in article.headings:
        text.stylize(HEADING_STYLE, start, end)
    for m in entities:
        if kinds is None or m.label in kinds:
            text.stylize(ENTITY_STYLES.get(m.label, "bold"), m.start, m.end)
    for start, end in matches:
        text.stylize(MATCH_STYLE, start, end)
    if removed and article.removed:
        text.append("\n\n")
        text.append(f"Removed from the source ({len(article.removed)})\n", style="bold dim")
        for piece in article.removed:
            text.append(f"line {piece.line} · {piece.reason}\n", style="italic #d08770")
            text.append(piece.text + "\n", style="dim strike")
    return text


def snippet(snippet_text: str, highlights: Sequence[tuple[int, int]]) -> Text:
    text = Text(snippet_text, style="dim")
    for start, end in highlights:
        text.stylize(MATCH_STYLE, start, end)
    return text


def legend(kinds: Iterable[str], enabled: set[str]) -> Text:
    out = Text()
    for kind in kinds:
        style = ENTITY_STYLES[kind] if kind in enabled else "dim strike"
        out.append(f" {KIND_NAMES[kind]} ", style=style)
    return out
