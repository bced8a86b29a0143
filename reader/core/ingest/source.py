"""A decoded text file -> its header fields (front matter, crawler header) and its blocks."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reader.core.ingest.blocks import WIKI_LINK, Block, looks_like_markdown, split_blocks

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# The header crawlers such as Jina Reader put above the page: "Title: ...", "URL Source: ..."
_CRAWLER_KEYS = {"title": "title", "url source": "url", "url": "url", "published time": "date",
                 "published": "date", "description": "description", "source": "url",
                 "markdown content": "", "author": "author", "site": "sitename"}
_CRAWLER_LINE = re.compile(r"^(?P<key>[A-Z][A-Za-z ]{1,20}):[ \t]*(?P<value>.*)$")
# `lynx -dump` numbers every link where it starts ("US President [135]Donald Trump") and lists
# the addresses at the end, under "References".
_LYNX_REFERENCES = re.compile(r"^References\n\n(?:[ \t]*(?:Visible|Hidden) links:\n)?[ \t]*1\. \S+",
                              re.MULTILINE)
LINK_MARK = re.compile(r"\[\d{1,4}\](?=\S)")


@dataclass
class Source:
    """What a text file holds before cleaning: fields its header gave, and its blocks."""

    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)  # a crawler's header: the page as it saw it
    front: dict[str, str] = field(default_factory=dict)  # YAML front matter: the author's record
    markdown: bool = False
    header_lines: list[tuple[int, str]] = field(default_factory=list)  # (line, text) taken as fields
    link_marks: bool = False  # a lynx dump: "[12]" before a link's words marks the link, not text


_ADDRESS_KEYS = ("source", "link", "canonical_url", "original_url", "source_url")
_BLOCK_SCALAR = re.compile(r"^[^\s:-][^:]*:\s*[|>][-+]?\s*$")  # YAML's "key: >" or "key: |-"
_LIST_ITEM = re.compile(r"^[ \t]*-[ \t]+(.*)$")


def _front_value(value: str) -> str:
    """A front matter value as text: quotes and wiki-link brackets taken off (Obsidian's
    "[[Jane Doe]]", "[[Jane Doe|Jane]]": the name linked to)."""
    return WIKI_LINK.sub(lambda link: link.group(2).strip(), value.strip().strip("\"'")).strip()


def front_matter(text: str) -> tuple[str, dict[str, str], int]:
    """Return (text without YAML front matter, its `key: value` fields, lines it took)."""
    match = _FRONT.match(text)
    if not match:
        return text, {}, 0
    meta: dict[str, str] = {}
    listed: str | None = None  # a key whose value is the list below it ("author:" then "  - Jane Doe")
    block: str | None = None  # a key whose value is the indented text below it ("description: >")
    for line in match.group(1).splitlines():
        if block and line[:1] in (" ", "\t"):
            meta[block] = f"{meta.get(block, '')} {line.strip()}".strip()
            continue
        block = None
        item = _LIST_ITEM.match(line)
        if item and listed:
            value = _front_value(item.group(1))
            if value:
                meta[listed] = f"{meta[listed]}, {value}" if listed in meta else value
            continue
        listed = None
        if _BLOCK_SCALAR.match(line):
            block = line.partition(":")[0].strip().lower()
            continue
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            value = value.strip()
            if value.startswith("[") and value.endswith("]") and not value.startswith("[["):
                value = ", ".join(filter(None, map(_front_value, value[1:-1].split(","))))  # [a, b]
            else:
                value = _front_value(value)
            if value:
                meta[key.strip().lower()] = value
            else:
                listed = key.strip().lower()
    taken = match.group(0).count("\n") + (0 if match.group(0).endswith("\n") else 1)
    return text[match.end():], meta, taken


def _key_values(lines: list[str], at: Sequence[int], keys: Mapping[str, str], contiguous: bool = False
                ) -> tuple[dict[str, str], list[int]]:
    """The run of "Key: value" lines at these line indices whose keys are known: their fields
    (keys[key] -> its first value; a key mapped to "" is read and dropped) and the lines they
    span. It stops at a line of another shape or key, at a gap when `contiguous`, and after
    "Markdown Content:"."""
    fields: dict[str, str] = {}
    taken: list[int] = []
    for i in at:
        match = _CRAWLER_LINE.match(lines[i].strip())
        key = match.group("key").lower() if match else None
        if match is None or key not in keys or (contiguous and taken and i != taken[-1] + 1):
            break
        taken.append(i)
        if keys[key] and match.group("value").strip():
            fields.setdefault(keys[key], match.group("value").strip())
        if key == "markdown content":
            break
    return fields, taken


def crawler_header(lines: list[str]) -> tuple[dict[str, str], list[int]]:
    """Fields of a "Title: / URL Source: / Markdown Content:" header, and the lines it spans."""
    meta, taken = _key_values(lines, [i for i, line in enumerate(lines[:12]) if line.strip()], _CRAWLER_KEYS)
    # One "Title:" line could be prose; a header has at least two of its keys.
    if len(taken) < 2:
        return {}, []
    return meta, taken


# The properties a note-taking app prints under a clipped page's heading (Notion's Web Clipper,
# exported: "# Headline", "Created: March 9, 2025 3:14 PM", "Tags: markets", "URL: https://...").
# They are the clipper's record, read as front matter is: "created" is when it was clipped.
_PROPERTY_KEYS = {"created": "created", "created time": "created", "url": "url", "source": "url",
                  "source url": "url", "author": "author", "authors": "author", "date": "date",
                  "published": "date", "tags": "", "created by": "", "last edited": "",
                  "last edited time": "", "status": "", "type": "", "category": ""}
_RECORD_KEYS = {"created", "url", "author", "date"}  # one of these makes a run of "Key: value" a record


def properties(lines: list[str]) -> tuple[dict[str, str], list[int]]:
    """Fields of a run of two or more properties right under the page's first heading (a
    Markdown "# " line), and the lines the run spans; ({}, []) when there is no such run."""
    filled = [i for i, line in enumerate(lines[:20]) if line.strip()]
    if len(filled) < 3 or not lines[filled[0]].startswith("# "):
        return {}, []
    fields, taken = _key_values(lines, filled[1:], _PROPERTY_KEYS, contiguous=True)
    fields = {key: _front_value(value) for key, value in fields.items()}
    if len(taken) < 2 or not _RECORD_KEYS & fields.keys():
        return {}, []
    return fields, taken


def parse_source(text: str, fmt: str) -> Source:
    """Split a normalised text or Markdown file into header fields and blocks (line numbers kept)."""
    body, front, skipped = front_matter(text)
    meta: dict[str, str] = {}
    lines = ["" for _ in range(skipped)] + body.split("\n")
    header: list[tuple[int, str]] = []
    if skipped:
        header.append((1, "\n".join(text.split("\n")[:skipped])))
    fields, taken = crawler_header(lines[skipped:])
    for i in taken:
        header.append((skipped + i + 1, lines[skipped + i]))
        lines[skipped + i] = ""
    for key, value in fields.items():
        meta.setdefault(key, value)
    if not front and not taken:
        front, taken = properties(lines)
        for i in taken:
            header.append((i + 1, lines[i]))
            lines[i] = ""
    # Web clippers record the page's address under their own key (Obsidian's and MarkDownload's
    # "source:"): the address a crawler gives as "URL Source:".
    for key in ("url", *_ADDRESS_KEYS):
        if front.get(key, "").startswith(("http://", "https://")):
            meta.setdefault("url", front[key].split()[0])
    joined = "\n".join(lines)
    markdown = fmt == "markdown" or looks_like_markdown(joined)
    marks = bool(_LYNX_REFERENCES.search(joined))
    return Source(split_blocks(joined, markdown), meta, front, markdown, header, marks)
