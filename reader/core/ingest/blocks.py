"""Source text -> blocks: one per line or reflowed paragraph, with the structure the markup gave it.

Markdown goes through markdown-it-py, so links, images, headings, lists and emphasis are
structure, not text; plain text is split into lines, and hard-wrapped paragraphs (lynx dumps,
e-mail) are joined back. Each block keeps its source lines, so what is removed can be shown in place.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

BULLET = re.compile(r"^(\s*)(?:[*+•·▪◦‣o–-]|\d{1,3}[.)])\s+(?=\S)")
_MD_LINK = re.compile(r"!?\[[^\]\n]{0,300}\]\((?:https?:|/|#|mailto:)")
_MD_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"\*\*[^*\n]{1,200}\*\*|__[^_\n]{1,200}__")
_TAG = re.compile(r"<[^>\n]{1,300}>")
_URL_OR_REF = re.compile(r"https?://\S+|\[\d{1,4}\]")  # an address, or a terminal browser's [12]


@dataclass
class Block:
    """A paragraph, heading, list item, table row or line of the source, as plain text."""

    text: str  # what the reader sees: markup removed, links as their words
    raw: str  # the source as written, for showing what was removed
    line: int  # 1-based first source line
    end: int  # last source line
    heading: int = 0  # Markdown heading level
    depth: int = 0  # list nesting (0: not a list item)
    quote: bool = False
    table: bool = False
    code: bool = False  # an HTML, code or preformatted line
    links: int = 0
    link_chars: int = 0  # characters of the text that are link words
    images: int = 0
    strong_chars: int = 0
    indent: int = 0  # leading spaces of the source line
    wrapped: bool = False  # joined from a hard-wrapped paragraph
    markdown: bool = False
    hrefs: tuple[str, ...] = ()  # link targets, in order
    link_texts: tuple[str, ...] = ()  # the words of each link, in the same order


def looks_like_markdown(text: str) -> bool:
    """True when a text file is crawler or hand-written Markdown rather than plain lines."""
    sample = text[:200_000]
    links = len(_MD_LINK.findall(sample))
    marks = len(_MD_HEADING.findall(sample)) + len(_MD_EMPHASIS.findall(sample))
    return links >= 3 or (links >= 1 and marks >= 1) or marks >= 3


def split_blocks(text: str, markdown: bool) -> list[Block]:
    """Split a document into blocks in source order (empty-text blocks included, e.g. images)."""
    return _markdown_blocks(text) if markdown else _plain_blocks(text.split("\n"), 1)


# plain text ------------------------------------------------------------------------------------


# A wrapped text's lines near its column that go on with a cased letter: at least this many seen,
# under this share in lowercase reads as one element per line. Of 1,800 renderings of html-train
# pages, lynx, w3m and pandoc dumps sit at 0.5-0.9 (a few all-capital menus: 0.27), and the
# copies that print an element per line at 0-0.1.
CASED_STARTS = 4
LOWERCASE_SHARE = 0.2


def columns(line: str) -> int:
    """How many terminal columns a line takes: a wide character (Chinese, Japanese, Korean) two,
    as a text browser counts them when it wraps."""
    if line.isascii():
        return len(line)
    return len(line) + sum(unicodedata.east_asian_width(ch) in "WF" for ch in line)


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text (a lynx dump, a wire story) is cut at, else None."""
    widths = [columns(line.rstrip()) for line in lines]  # (0 for a blank line)
    lengths = [width for width in widths if width]
    if len(lengths) < 8:
        return None
    top = sorted(lengths)[int(0.9 * (len(lengths) - 1))]
    if not 40 <= top <= 100:
        return None
    near = sum(top - 12 <= n <= top + 2 for n in lengths)
    if near < max(5, 0.08 * len(lengths)):
        return None
    # A sentence cut at the column goes on in lowercase on the next line; a copy that prints one
    # element per line (some of them as long as a wrapped line) starts the next with a capital.
    firsts = (following.lstrip()[:1] for width, following in zip(widths, lines[1:])
              if top - 14 <= width <= top + 10)
    starts = [c for c in firsts if c.isalpha() and c.lower() != c.upper()]  # a letter with a case
    if len(starts) >= CASED_STARTS and sum(c.islower() for c in starts) < LOWERCASE_SHARE * len(starts):
        return None
    return top


def _plain_blocks(lines: list[str], first: int) -> list[Block]:
    blocks: list[Block] = []
    run: list[tuple[int, str]] = []
    width = wrap_width(lines)

    def flush() -> None:
        if run:
            blocks.extend(_wrapped_blocks(run, width) if width else _run_blocks(run))
            run.clear()

    for number, line in enumerate(lines, start=first):
        if line.strip():
            run.append((number, line))
        else:
            flush()
    flush()
    return blocks


def _run_blocks(run: list[tuple[int, str]]) -> list[Block]:
    """A run of non-blank lines: one block per line, or reflowed paragraphs when hard-wrapped."""
    if len(run) == 1 or not is_wrapped([line for _, line in run]):
        return [_plain_block(line, number, number, [line]) for number, line in run]
    out: list[Block] = []
    current: list[tuple[int, str]] = []
    for number, line in run:
        # In a wrapped run, an indented line or a bullet starts a new paragraph.
        if current and (re.match(r"^\s{2,}\S", line) and not re.match(r"^\s{2,}\S", current[-1][1])
                        or BULLET.match(line)):
            out.append(_joined(current))
            current = []
        current.append((number, line))
    if current:
        out.append(_joined(current))
    return out


def _wrapped_blocks(run: list[tuple[int, str]], width: int) -> list[Block]:
    """A run of a hard-wrapped text: a line cut near the wrap column continues on the next line.

    A paragraph ends at a short line, before a bullet, or where the indentation grows.
    """
    out: list[Block] = []
    current: list[tuple[int, str]] = []
    for number, line in run:
        if current:
            previous = current[-1][1]
            indent_prev = len(previous) - len(previous.lstrip())
            indent = len(line) - len(line.lstrip())
            # A line longer than the column was never cut at it (a paragraph on one line, as a
            # "one line per element" copy prints it among the wrapped ones): it neither continues
            # nor is continued ("By Laura Mowat" under a one-line standfirst).
            continues = (width - 14 <= columns(previous.rstrip()) <= width + 10
                         and columns(line.rstrip()) <= width + 10 and not BULLET.match(line)
                         and indent <= indent_prev + 1 and line.strip()[:1] not in "*+•[")
            if not continues:
                out.append(_joined(current) if len(current) > 1 else
                           _plain_block(current[0][1], current[0][0], current[0][0], [current[0][1]]))
                current = []
        current.append((number, line))
    if current:
        out.append(_joined(current) if len(current) > 1 else
                   _plain_block(current[0][1], current[0][0], current[0][0], [current[0][1]]))
    return out


def _joined(part: list[tuple[int, str]]) -> Block:
    text = " ".join(line.strip() for _, line in part)
    block = _plain_block(text, part[0][0], part[-1][0], [line for _, line in part])
    block.wrapped = len(part) > 1
    return block


def _plain_block(text: str, line: int, end: int, source: list[str]) -> Block:
    stripped = text.strip()
    indent = len(source[0]) - len(source[0].lstrip(" \t"))
    bullet = BULLET.match(source[0])
    depth = 1 + len(bullet.group(1)) // 4 if bullet else 0
    # (the pattern needs "http" or "[": most lines are spared its search)
    urls = len(_URL_OR_REF.findall(stripped)) if "http" in stripped or "[" in stripped else 0
    return Block(text=stripped, raw="\n".join(source), line=line, end=end, depth=depth,
                 indent=indent, links=urls, code=bool(_TAG.search(stripped)))


def is_wrapped(lines: list[str]) -> bool:
    """True when lines are cut at a fixed width (all but the last are long and similar)."""
    # (lengths without the indent: a renderer that indents by nesting makes short lines look long)
    lengths = [columns(line.strip()) for line in lines[:-1]]
    widest = max(lengths)
    if widest > 100 or widest < 30:
        return False
    long_lines = sum(n >= 0.6 * widest for n in lengths)
    if long_lines < 0.7 * len(lengths):
        return False
    # Lines that each end a sentence are separate paragraphs, not one wrapped paragraph.
    ends = sum(bool(re.search(r"[.!?:\"”’)]\s*$", line)) for line in lines[:-1])
    return ends <= 0.5 * len(lengths)


# Markdown --------------------------------------------------------------------------------------


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


# Wiki links of Obsidian, Logseq and Foam notes: "[[Sean O'Connor|our reporter]]", "[[Kyiv]]", and
# embeds, "![[gold-bars.jpg]]".
# ("[[x]](url)" is no wiki link: a Markdown link whose words are in brackets.)
WIKI_LINK = re.compile(r"(!?)\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\](?!\()")


def _as_markdown_link(match: re.Match[str]) -> str:
    """A wiki link as the Markdown link it stands for: its label (or its target) as the words."""
    bang, target, label = match.group(1), match.group(2).strip(), match.group(3)
    return f"{bang}[{'' if bang else (label or target).strip()}](<{target.replace('>', '')}>)"


def _markdown_blocks(text: str) -> list[Block]:
    lines = text.split("\n")  # (the source as written, for what was removed)
    tokens = _parser().parse(WIKI_LINK.sub(_as_markdown_link, text) if "[[" in text else text)
    blocks: list[Block] = []
    depth = 0
    quote = 0
    heading = 0
    table = False
    for i, token in enumerate(tokens):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "heading_open":
            heading = int(token.tag[1])
        elif kind == "heading_close":
            heading = 0
        elif kind == "table_open":
            table = True
        elif kind == "table_close":
            table = False
        elif kind == "inline" and token.map:
            if table:
                continue  # rows are gathered at tr_close
            blocks.extend(_inline_blocks(token, lines, depth, bool(quote), heading))
        elif kind == "tr_open" and token.map:
            blocks.append(_table_row(tokens, i, token.map, lines))
        elif kind in ("code_block", "fence", "html_block") and token.map:
            start, stop = token.map
            for block in _plain_blocks(lines[start:stop], start + 1):
                block.code = True
                block.markdown = True
                if kind == "html_block":
                    block.text = _TAG.sub(" ", block.text).strip()
                blocks.append(block)
    blocks.sort(key=lambda b: b.line)
    return blocks


def _inline_blocks(token: Any, lines: list[str], depth: int, quote: bool, heading: int
                   ) -> list[Block]:
    """An inline token's text, one block per source line unless its lines are hard-wrapped."""
    start, stop = token.map
    source = lines[start:stop]
    if heading and stop - start == 2 and re.match(r"^\s*(=+|-+)\s*$", source[-1]):
        source = source[:1]  # a setext heading's underline is not text
    joined = not heading and len(source) > 1 and is_wrapped(source)
    out: list[Block] = []
    parts: list[str] = []
    block = _new_md_block(start + 1, depth, quote, heading, source[0] if source else "")
    in_link = 0
    strong = 0
    line = start
    link_words: list[str] = []
    link_alt = ""  # an image's alt text inside a link: a logo's link has no other words
    for child in token.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            line += 1
            if joined:
                parts.append(" ")
                continue
            out.append(_finish(block, parts, lines, line - 1))
            parts = []
            src = lines[line] if line < len(lines) else ""
            block = _new_md_block(line + 1, depth, quote, heading, src)
            continue
        if kind == "link_open":
            in_link += 1
            block.links += 1
            block.hrefs += (str(child.attrs.get("href", "")),)
        elif kind == "link_close":
            in_link = max(0, in_link - 1)
            block.link_texts += ("".join(link_words).strip() or link_alt,)
            link_words, link_alt = [], ""
        elif kind in ("strong_open", "em_open"):
            strong += 1
        elif kind in ("strong_close", "em_close"):
            strong = max(0, strong - 1)
        elif kind == "image":
            block.images += 1
            if in_link:
                link_alt = child.content.strip()
        elif kind in ("text", "code_inline"):
            parts.append(child.content)
            if in_link:
                block.link_chars += len(child.content)
                link_words.append(child.content)
            if strong:
                block.strong_chars += len(child.content)
        elif kind == "html_inline":
            if child.content.lower().startswith("<br"):
                parts.append(" ")
    out.append(_finish(block, parts, lines, stop - 1 if joined else line))
    if joined:
        out[-1].wrapped = True
    return out


def _new_md_block(line: int, depth: int, quote: bool, heading: int, source: str) -> Block:
    indent = len(source) - len(source.lstrip(" \t"))
    return Block(text="", raw="", line=line, end=line, heading=heading, depth=depth, quote=quote,
                 indent=indent, markdown=True)


def _finish(block: Block, parts: list[str], lines: list[str], last: int) -> Block:
    text = re.sub(r"[ \t]+", " ", "".join(parts)).strip()
    block.text = text
    block.link_chars = min(block.link_chars, len(text))
    block.strong_chars = min(block.strong_chars, len(text))
    block.end = max(block.line, last + 1)
    block.raw = "\n".join(lines[block.line - 1:block.end]).strip()
    return block


def _table_row(tokens: list[Any], i: int, span: list[int], lines: list[str]) -> Block:
    cells: list[str] = []
    links = link_chars = 0
    for token in tokens[i + 1:]:
        if token.type == "tr_close":
            break
        if token.type == "inline":
            text = "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline"))
            cells.append(text.strip())
            in_link = False
            for child in token.children or []:
                if child.type == "link_open":
                    links += 1
                    in_link = True
                elif child.type == "link_close":
                    in_link = False
                elif child.type == "text" and in_link:
                    link_chars += len(child.content)
    text = " | ".join(c for c in cells if c)
    raw = "\n".join(lines[span[0]:span[1]]).strip()
    return Block(text=text, raw=raw, line=span[0] + 1, end=span[1], table=True, links=links,
                 link_chars=min(link_chars, len(text)), markdown=True)
