"""Bylines: the authors of a page, from "By" lines, profile links, name lines and credits.

Looked for just above the body (nearest first), in wire credits after it ("Reporting by ..."),
in an author's box below it, and in a crawler header's author field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from reader.core.ingest.blocks import Block
from reader.core.ingest.dates import MONTHS, WEEKDAY, find_dates
from reader.core.ingest.other_bylines import BY_WORDS, PARTICLES, byline_in
from reader.core.ingest.outlets import agency, known_outlet
from reader.core.ingest.words import data_lines, page_language

_NAME_PART = r"[A-Z][\w'’.-]*"
_PARTICLE = rf"(?:{'|'.join(PARTICLES)})(?=\s)"
_NAME = rf"{_NAME_PART}(?:\s+(?:{_PARTICLE}|{_NAME_PART})){{1,3}}"
_AND = r"\s*(?:,\s*(?:and\s*)?|\band(?=\s|[A-Z])|&)\s*"
_BYLINE = re.compile(rf"^\s*(?:(?:Posted|Written|Story|Words)\s+)?(?:By|BY|by)(?:[:\s]\s*|(?=[A-Z]))"
                     rf"(?P<names>{_NAME}(?:{_AND}{_NAME})*)(?P<rest>.{{0,80}})$", re.DOTALL)
_PROFILE_URL = re.compile(r"/(?:by|author|authors|profile|profiles|people|staff|writers?|"
                          r"contributors?|journalists?|reporters?)/", re.IGNORECASE)
_PROFILE_SLUG = re.compile(r"^by\s+https?://\S*?/by/(?P<slug>[\w-]+)/?\s*(?:[·|,—–-]\s*)?(?P<rest>.*)$",
                           re.IGNORECASE | re.DOTALL)
_REPORTING = re.compile(rf"\b(?:[Rr]eporting|[Rr]eported|[Ww]ritten)\s+by\s+(?P<names>{_NAME}"
                        rf"(?:{_AND}{_NAME})*)")
# How wire copy signs off: "(Reporting by A in B; Editing by C)", "AP writer A contributed reporting."
_SIGN_OFF = re.compile(r"^\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\b"
                       r"|\bcontributed\s+(?:to\s+)?(?:this\s+)?report(?:ing)?\b", re.IGNORECASE)
SIGN_OFF_WORDS = 40  # longer than any sign-off: a paragraph that mentions reporting


def signs_off(text: str) -> bool:
    """Whether a line is a story's sign-off: the credits for its reporting and editing."""
    return len(text.split()) <= SIGN_OFF_WORDS and bool(_SIGN_OFF.search(text.strip()))


ROLES = ("writer", "reporter", "correspondent", "editor", "journalist", "columnist", "contributor",
         "critic", "producer")
_ROLE = rf"(?:{'|'.join(ROLES)})s?"
# A name and the role after it printed as one word, as text extraction joins inline elements:
# "By Meg JamesStaff Writer".
_GLUED_ROLE = re.compile(rf"(?<=[a-z])(?=(?:Staff|Senior|Chief|{'|'.join(r.capitalize() for r in ROLES)})s?\b)")
_BIO = re.compile(rf"^(?P<name>{_NAME}) is an? (?:[\w-]+ ){{0,6}}{_ROLE}\b")
# What follows a name in a byline and is not part of it: "By Meg James Staff Writer",
# "By Umair Irfan Updated Nov 13".
# (Whole words: "Friedman" or "Martinez" starts like a day or a month and is a name.)
_AFTER_NAME = re.compile(rf"(?i)^(?:the|staff|senior|chief|updated|published|posted|{_ROLE}|{WEEKDAY}|{MONTHS})[,.]?$")
_CLOCK = re.compile(r"\b\d{1,2}[:/]\d{2}\b")  # "5:45 AM PST 11/19/2019": a time or a numeric date
_TIME = re.compile(r"\d:\d\d\b")  # a time, also glued to the year before it ("Nov 19 20197:05 AM")
# A byline at the end of a date line: "Monday November 18, 2019 7:45 am PST by Joe Rossignol".
_DATED = re.compile(rf"^(?P<date>.{{8,80}}?)\s+by\s+(?P<names>{_NAME}(?:{_AND}{_NAME})*)\s*$")
# A name line may carry the author's handle or the date after it: "Keris Lahiff@kerisalison",
# "Chris Davies - Nov 19, 2019, 10:31 pm CST".
_NAME_TAIL = re.compile(r"\s*(?:@\w+.*|\s[-–—|/·]\s.*\d.*)$")
_NAME_LINE = re.compile(rf"^(?P<name>{_NAME})(?:,\s+(?P<role>[\w .'’&-]{{2,50}}))?$")


@cache
def given_names() -> frozenset[str]:
    """Given names of many languages (data/given_names.txt.gz, from Faker by training/given_names.py)."""
    return frozenset(data_lines("given_names.txt.gz"))


def is_person(name: str) -> bool:
    """A name that starts with a known given name or initials: "Dan Milmo", "J. K. Rowling"."""
    words = name.split()
    if len(words) < 2:
        return False
    first = words[0].split("-")[0]
    return first in given_names() or bool(re.fullmatch(r"(?:[A-Z]\.){1,3}", first))


def _trim(name: str) -> str:
    """A byline's name without the role, date or agency glued after it ("Meg James Staff Writer",
    "JILL LAWLESS Associated Press")."""
    words = _GLUED_ROLE.sub(" ", name).split()
    for size in (3, 2, 1):
        if len(words) >= size + 2 and agency(" ".join(words[-size:])):
            words = words[:-size]
            name = " ".join(words)
            break
    for at in range(2, len(words)):
        if _AFTER_NAME.match(words[at]):
            # A role's own modifier before it ("Shipping Correspondent") is no third name.
            if at == 3 and re.fullmatch(_ROLE, words[at], re.IGNORECASE) and not words[2].endswith("."):
                at = 2
            return " ".join(words[:at])
    return name


def markup_authors(names: str) -> tuple[str, ...]:
    """The authors a page's markup gives (trafilatura's "Jeff Foust Monday; November"), as names:
    each without a role or date glued after it, and none that is a date's word or a role alone
    ("Tom Krisher, AP Auto Writer": Tom Krisher)."""
    out = []
    for piece in re.split(r";|,|\band\b", names):
        name = _trim(piece.strip())
        if not name or all(_AFTER_NAME.match(word) for word in name.split()) or name in out:
            continue
        if name != piece.strip() and not is_person(name):
            continue  # a role, not a name: "AP Auto Writer"
        out.append(name)
    return tuple(out)


def _holds_a_date(text: str) -> bool:
    """Whether a text prints a date or a time (one glued to its year too: "Nov 19 20197:05 AM")."""
    return bool(find_dates(text) or _TIME.search(text))


def _only_a_date(text: str) -> bool:
    """Whether a text is a date or time with a label at most ("Updated Nov 13, 2019 10:28am EST",
    "5:45 AM PST 11/19/2019"), not a sentence that ends in one ("The law was signed on March 4")."""
    dates = find_dates(text)
    if not (dates or _CLOCK.search(text)):
        return False
    for start, end, _ in reversed(dates):
        text = text[:start] + text[end:]
    words = [w for w in re.findall(r"[^\W\d_]+", text) if not (w.isupper() and len(w) <= 4)
             and w.lower() not in ("am", "pm")]
    return len(words) <= 2


def glued_author(text: str) -> str | None:
    """A name and a role glued into a line of chrome or the story's first paragraph:
    "... on Google Joe Tidy Cyber correspondent, BBC ...", "Dan Milmo Global technology editor Fri ...".

    The role is its noun and up to three words before it, the first capitalised; the two words
    before the role must be a person's name.
    """
    words = text.split()
    for at, word in enumerate(words[:80]):
        if not re.fullmatch(_ROLE + r"[,.:]?", word, re.IGNORECASE):
            continue
        if word[0].isupper() and word[-1] not in ",:" and at + 1 < len(words):
            continue  # "Film Critics Association": a capitalised role word inside a name
        for size in range(0, 4):
            begin = at - size
            if begin < 2 or not words[begin][:1].isupper():
                continue
            name = " ".join(words[begin - 2:begin])
            if re.fullmatch(_NAME, name) and is_person(name):
                return name
    return None


@dataclass
class Found:
    """What the bylines gave, and the blocks they came from (index -> reason)."""

    authors: tuple[str, ...] = ()
    agencies: list[str] = field(default_factory=list)  # "By A, Reuters"
    named: list[str] = field(default_factory=list)  # outlet names a byline gave ("By A, NY Times")
    used: dict[int, str] = field(default_factory=dict)
    trimmed: dict[int, str] = field(default_factory=dict)  # body blocks with a glued byline cut off


_TWICE = re.compile(r"\b((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+)\s+\1\b")


def parse_byline(text: str) -> tuple[tuple[str, ...], str, str] | None:
    """(authors, what follows the names, text glued after the byline) of a byline, else None."""
    stripped = text.strip().strip("*_ ")
    # A name printed twice in a row (the byline, then its hover card's heading): once.
    stripped = _TWICE.sub(r"\1", stripped)
    url = _PROFILE_SLUG.match(stripped)
    if url:
        author = " ".join(part.capitalize() for part in url.group("slug").split("-"))
        rest = url.group("rest")
        glued = re.match(r"^(.{1,40}?[a-z])(?=[A-Z][a-z])", rest)
        if glued and len(glued.group(1).split()) <= 4:
            return (author,), glued.group(1), rest[len(glued.group(1)):].strip()
        return (author,), "", rest.strip()
    match = _BYLINE.match(stripped)
    if not match and (language := page_language()) in BY_WORDS and len(stripped) <= 160:
        if found := byline_in(stripped, language):
            return found
    if not match:
        dated = _DATED.match(stripped)
        if dated and _only_a_date(dated.group("date")):
            names = [_trim(n.strip()) for n in re.split(_AND, dated.group("names")) if n.strip()]
            return tuple(n for n in names if not agency(n)) or tuple(names), "", ""
    if not match or len(stripped) > 160:
        return None
    names = [_trim(n.strip()) for n in re.split(_AND, match.group("names")) if n.strip()]
    rest = match.group("rest").strip(" ,|·—–-")
    # "By Maria Jansen, Reuters" / "By A and B | Updated ..." : what follows must not be prose.
    if rest and len(rest.split()) > 12:
        return None
    # An outlet after the names is the outlet the byline names ("By Jill Disis, CNN Business").
    outlets = [n for n in names[1:] if known_outlet(n) and not is_person(n)]
    if outlets:
        names = [n for n in names if n not in outlets]
        rest = ", ".join([*outlets, rest] if rest else outlets)
    authors = tuple(n for n in names if not agency(n))
    return authors or tuple(names), rest, ""


def _alone_under(blocks: Sequence[Block], i: int, header_from: int | None,
                 line: re.Match[str] | None, role: str) -> bool:
    """Whether block i is a bare name on a line of its own right under the headline: a byline,
    even where the model took it for the body's first line. Not a name with a role, and not a
    line the next one continues: a hard-wrapped wire lead can begin "Roger King, chairman of
    King World" / "Productions Inc, faces charges ..."."""
    if line is None or role or header_from is None or not header_from < i:
        return False
    if any(b.text for b in blocks[header_from + 1:i]):
        return False
    # (a copy that prints an element per line has no blank lines: there, a short date line after
    # the name is no lead the name starts, "Roger King" / "and his brother ...", or wire copy's
    # "U.S. Trade Representative Clayton" / "Yeutter said the ...", nor a list of names)
    following = blocks[i + 1].text if i + 1 < len(blocks) else ""
    return (i + 1 >= len(blocks) or blocks[i + 1].line > blocks[i].end + 1
            or (len(following.split()) <= 8
                and _holds_a_date(following)))


def find(blocks: Sequence[Block], keep: Sequence[bool], start: int, end: int,
         header: dict[str, str], used: Mapping[int, str], skip: frozenset[int]) -> Found:
    """The authors of a page whose body runs from block `start` to `end` (keep marks it).

    `used`: blocks already lifted into other metadata (the headline among them); `skip`: site
    chrome.
    """
    found = Found()
    authors: list[str] = []
    header_from = next((i for i, r in used.items() if r.startswith("headline")), None)
    if header_from is not None and start <= header_from:
        # The model kept the headline as the body's first block: the byline sits under it, above
        # the next block kept.
        start = next((j for j in range(header_from + 1, len(blocks)) if keep[j]), start)
    # Bylines sit just above the body, so the nearest lines are tried first: every line that says
    # "by", then the lines that are only a name (which may be a photographer's credit under the
    # headline's picture, or a name in the page's menus).
    # The window reaches 30 blocks up, or up to a headline not far above (a gallery's empty
    # slides between the byline and the story: "Tom Krisher, AP Auto Writer" on Hearst's pages).
    low = max(0, start - 30)
    if header_from is not None and start - 60 <= header_from < low:
        low = header_from + 1
    window = range(min(len(blocks), start + 2) - 1, low - 1, -1)
    for i in window:
        parsed = parse_byline(blocks[i].text)
        if parsed:
            names, rest, glued = parsed
            authors.extend(names)
            head = rest.split("|")[0].strip(" ,·")
            if head and (name := agency(head)):
                found.agencies.append(name)
            elif head and known_outlet(head):
                found.named.append(head)
            if keep[i] and glued:
                found.trimmed[i] = glued
            found.used[i] = "byline (lifted into the authors field)"
            if authors:
                break
    for i in window if not authors else ():
        block = blocks[i]
        text = block.text
        if block.wrapped and not keep[i]:
            # A name line a hard-wrapped dump joined to the date line above it ("Published Wed,
            # Nov 20 2019 4:29 AM EST" / "Natasha Turak@NatashaTurak").
            head, _, last = block.raw.rpartition("\n")
            if ("\n" not in head and _holds_a_date(head)
                    and _NAME_LINE.match(_NAME_TAIL.sub("", last.strip()))):
                text = last.strip()
        # Between the headline and the body, a line that is only a name (and a role) is a byline;
        # one signed with a reporter's role ("Ana Ruiz, Reporter") even where the body seems to start.
        bare = _NAME_TAIL.sub("", text.strip().strip("*•·- "))
        line = _NAME_LINE.match(bare)
        role = (line.group("role") or "") if line else ""
        signed = bool(re.search(_ROLE, role, re.IGNORECASE))
        alone = _alone_under(blocks, i, header_from, line, role)
        if keep[i] and not (i == start and (signed or alone)):
            continue
        linked = _profile_links(block) if len(text.split()) <= 12 else []
        if linked:
            authors.extend(linked)
            found.used[i] = "byline (lifted into the authors field)"
            break
        # A name under a picture is its photographer's credit, not a byline (an author's name
        # under their portrait links to their page).
        under_image = i > 0 and blocks[i - 1].images > 0 and not blocks[i - 1].text and not block.links
        if (line and header_from is not None and header_from < i
                and (i < start or signed or alone)
                and not under_image
                and i not in used and i not in found.used and i not in skip
                and len(bare) <= 60 and not re.search(r"\d", bare)):
            name = line.group("name")
            # A person's handle printed after the name ("Keris Lahiff@kerisalison") signs it too.
            handle = re.match(rf"{re.escape(name)}\s*@\w{{2,}}$", text.strip().strip("*•·- "))
            if not (is_person(name) or agency(name) or signed or handle):
                continue  # "Share This Article", "Black Friday": not a name ("X, Reporter" is)
            if agency(role):
                found.agencies.append(agency(role) or "")
            authors.append(name)
            found.used[i] = "byline (lifted into the authors field)"
            break
    if not authors:
        # A name and role glued into a line of chrome above the story or into its first paragraph.
        for i in range(max(0, start - 30), min(len(blocks), start + 1)):
            if i not in used and i not in skip and (name := glued_author(blocks[i].text)):
                authors.append(name)
                break
    # Wire copy credits its reporters after the story: "(Reporting by A in B; Editing by C)".
    for i in range(max(0, end - 2), min(len(blocks), end + 6)):
        match = _REPORTING.search(blocks[i].text)
        if match:
            if not authors:
                reporters = re.split(_AND, match.group("names"))
                authors.extend(_strip_place(n) for n in reporters if n.strip())
            if not keep[i] or len(blocks[i].text.split()) <= 25:
                found.used.setdefault(i, "reporting credit (lifted into the authors field)")
            break
    if not authors:
        # The author's box after the story: "[Matt Burgess](.../author/matt-burgess/) is a senior
        # writer at WIRED ..." (the last body paragraph or below it).
        for i in range(max(start, end), min(len(blocks), end + 40)):
            bio = _BIO.match(blocks[i].text.strip())
            if bio and (not keep[i] or i == end) and i not in used and i not in found.used:
                authors.append(bio.group("name"))
                found.used[i] = "author's biography (lifted into the authors field)"
                break
    listed = header.get("author") or header.get("authors")  # (Hugo's front matter: "authors")
    if not authors and listed:
        authors.extend(a.strip() for a in re.split(r";|,|\band\b|&", listed) if a.strip())
    seen: list[str] = []
    for name in authors:
        name = _capitalised(name.strip(" .,"))
        if name and name not in seen and len(name) <= 60:
            seen.append(name)
    found.authors = tuple(seen)
    return found


def _capitalised(name: str) -> str:
    """A name printed in capitals as a name is written ("DANICA KIRKA" -> "Danica Kirka"; a
    "Mc" or "O'" keeps the capital after it). An agency's initials stay ("AP", "AFP")."""
    if not name.isupper() or len(name.split()) < 2 or agency(name):
        return name
    return re.sub(r"\b(Mc|O['’])([a-z])", lambda m: m.group(1) + m.group(2).upper(), name.title())


def _strip_place(name: str) -> str:
    return re.split(r"\s+in\s+", name.strip())[0]


def _profile_links(block: Block) -> list[str]:
    """Author names linked to their profile pages ("[Lisa O’Carroll](.../profile/lisaocarroll)");
    where the link's words are not a name ("[View All](.../author/ryan-reed/)", "About Victor
    Davis Hanson"), the name its address spells."""
    names = []
    for href, words in zip(block.hrefs, block.link_texts):
        if _PROFILE_URL.search(href):
            text = words.split(",")[0].strip()
            spelled = _slug_name(href)
            if re.fullmatch(_NAME, text) and (spelled is None or is_person(text)
                                              or text.lower() == spelled.lower()):
                name: str | None = text
            else:
                name = spelled if spelled and is_person(spelled) else None
            if name and name not in names:
                names.append(name)
    return names[:6]


def _slug_name(href: str) -> str | None:
    """The name the last part of a profile address spells: ".../author/lars-brandle-6517" ->
    "Lars Brandle"; None when it is not two to four words."""
    slug = re.split(r"[?#]", href)[0].rstrip("/").rsplit("/", 1)[-1]
    parts = [part for part in slug.split("-") if not part.isdigit()]
    if 2 <= len(parts) <= 4 and all(part.isalpha() for part in parts):
        return " ".join(part.capitalize() for part in parts)
    return None
