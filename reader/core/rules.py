"""The boilerplate rule table: one readable predicate per kind of non-article line, with its reason.

Each rule looks at one line in its context (position, neighbours, repetition) and answers with a
reason or None. Structural signals (sentence shape, stop-word density, capitalisation, position
near the end) keep the patterns from firing on ordinary article prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

STOP_WORDS = frozenset("""
a about after all also an and any are as at be been but by can could did do does for from had has
have he her his how i if in into is it its just more most my no not of on one only or other our out
over said she so some than that the their them then there these they this to up was we were what
when where which while who will with would you your
""".split())

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$|[.!?]["'”’]\s*\(?[A-Z]""")
_PHOTO_AGENCY = (r"AP|AFP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|PA(?: Wire| Media)?|Bloomberg|AAP|"
                 r"Shutterstock|Alamy|Sipa|Zuma|NurPhoto|Anadolu|SOPA|Pool|TASS|Sputnik|Xinhua|"
                 r"[A-Z][\w.]*(?: [A-Z][\w.]*)* (?:Photo|Photos|Images|Service|Press Service)")
_CREDIT_TAIL = re.compile(
    r"(?:\b(?:Credit|Credits|Photo(?:graph)?|Picture|Image|Pictured|Illustration)\s*(?::|\.{3}|…)"
    r"\s*\S.{0,100}$)"
    r"|(?:\((?:[^()]{0,80}/\s*)?(?:" + _PHOTO_AGENCY + r")(?:\s+Photo)?(?:/[^()]{0,40})?\)\s*$)"
)
_CREDIT_HEAD = re.compile(r"^(?:Credit)+\s*(?:\.{3}|…|:)")
_MARKERS = re.compile(
    r"^(?:read more|see also|related(?: articles| stories| content| coverage)?|also read|"
    r"more on this(?: story)?|recommended(?: for you| reading)?|most read|most popular|"
    r"more in this section|more from [\w ]{1,30}|trending(?: now)?|top stories|latest news|"
    r"you may also like|what to read next|read next|further reading|advertisement|"
    r"story continues below(?: advertisement)?|skip advertisement|continue reading)\s*:?$",
    re.IGNORECASE,
)
_MARKER_INLINE = re.compile(r"^(?:read more|see also|related|also read|more on this)\s*:\s*\S", re.IGNORECASE)
_NEW_WINDOW = re.compile(r"opens in (?:a )?new (?:window|tab)", re.IGNORECASE)
_PROMO = re.compile(
    r"\b(?:sign up|signup|newsletters?|subscribe|subscribers?|subscription|daily email|inbox|"
    r"follow us|download (?:our|the) app|news release|press release to|email alerts?|"
    r"join (?:us|our)|support (?:our|independent) journalism|unlimited access|free trial)\b",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(
    r"^(?:get|sign|subscribe|publish|follow|join|download|click|tap|share|like|register|submit|send|"
    r"watch|listen|support|donate|read|sign-up|enter|try|discover|explore|stay)\b",
    re.IGNORECASE,
)
_READER_ADDRESS = re.compile(r"\b(?:your|our)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:^©|^\(c\)\s|^copyright\b|\ball rights reserved\b)", re.IGNORECASE)
_LEGAL = re.compile(
    r"(?:\bcookie (?:policy|settings|preferences|notice)\b|"
    r"\bprivacy (?:policy|notice|settings)\b|\bterms (?:and|&) conditions\b|\bterms of (?:use|service)\b|"
    r"\bwe use cookies\b|\baccept (?:all )?cookies\b)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[-–•*·]|\d{1,2}[.)])\s+\S")
_QUOTES = "\"“”‘’'«»"


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def words(text: str) -> tuple[str, ...]:
    """The words of a line (cached: every rule asks about the same lines)."""
    return _words(text)


def stop_density(text: str) -> float:
    ws = words(text)
    return sum(w.lower() in STOP_WORDS for w in ws) / len(ws) if ws else 0.0


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def capitalised_share(text: str) -> float:
    """Share of longer words that start with a capital: high for headlines and menus."""
    ws = [w for w in words(text) if len(w) > 3]
    return sum(w[0].isupper() for w in ws) / len(ws) if ws else 0.0


def is_headline(text: str) -> bool:
    """A headline or link text: short, and Title Case or without a final full stop."""
    n = len(words(text))
    if n < 2 or n > 25:
        return False
    return capitalised_share(text) >= 0.7 or (n <= 16 and not ends_sentence(text))


def is_heading(text: str) -> bool:
    """A cross-head: short, no sentence punctuation, in capitals or markdown `#` form."""
    t = text.strip().strip(_QUOTES)
    if t.startswith("#"):
        return True
    ws = words(t)
    return 1 <= len(ws) <= 10 and not ends_sentence(t) and t.upper() == t and any(c.isalpha() for c in t)


def norm(text: str) -> str:
    """Lower-case letters and digits only, single-spaced: the key for repetition checks."""
    return " ".join(re.findall(r"\w+", text.lower()))


@dataclass(frozen=True)
class Context:
    """What a rule may look at: all lines, this line's index, and the library's common lines."""

    lines: Sequence[str]
    i: int
    tail_start: int  # index of the first line after the last prose paragraph
    common: frozenset[str]
    keys: Sequence[str]  # normalised lines (see norm), for repetition checks

    @property
    def key(self) -> str:
        return self.keys[self.i] if self.keys else norm(self.text)

    @property
    def text(self) -> str:
        return self.lines[self.i]

    def neighbour(self, step: int) -> str | None:
        j = self.i + step
        return self.lines[j] if 0 <= j < len(self.lines) else None


def caption(c: Context) -> str | None:
    if _CREDIT_HEAD.match(c.text):
        return "photo credit"
    tail = c.text[-220:]  # a credit sits at the end of its line; never scan a whole long line
    if not c.text.rstrip().endswith((".", "”", '"')) and _CREDIT_TAIL.search(tail):
        return "photo caption with credit"
    return None


def new_window_link(c: Context) -> str | None:
    return "link to another article ('Opens in new window')" if _NEW_WINDOW.search(c.text) else None


def marker(c: Context) -> str | None:
    if _MARKERS.match(c.text.strip()) or _MARKER_INLINE.match(c.text.strip()):
        return f"'{c.text.strip().rstrip(':')}' link marker"
    return None


def after_marker(c: Context) -> str | None:
    previous = c.neighbour(-1)
    if previous is not None and _MARKERS.match(previous.strip()) and is_headline(c.text):
        return f"headline linked after '{previous.strip().rstrip(':')}'"
    return None


def promo(c: Context) -> str | None:
    text = c.text
    if len(text) > 400 or len(words(text)) > 45 or any(q in text for q in "“”\"") or not _PROMO.search(text):
        return None
    if _IMPERATIVE.match(text) or _READER_ADDRESS.search(text):
        return "newsletter or subscription promo"
    return None


def teaser(c: Context) -> str | None:
    """Related-article teasers: cut-off lines ending in '...', in a run or after the article."""
    def cut(t: str | None) -> bool:
        return t is not None and t.rstrip().endswith(("...", "…")) and len(words(t)) >= 6

    if not cut(c.text):
        return None
    run = [cut(c.neighbour(step)) for step in (-2, -1, 1, 2)]
    if (run[0] and run[1]) or (run[1] and run[2]) or (run[2] and run[3]):
        return "related-article teaser"
    return None


_LINK_HEADING = re.compile(
    r"\b(?:coverage|related|more|read|latest|reporting|stories|also|popular|recommended|"
    r"trending|links|watch|listen)\b", re.IGNORECASE)
_TEASER_ITEM = re.compile(r"^(?:[-–•*·])\s+[A-Z][^:.]{2,60}:\s+\S")


def _link_block_heading(c: Context, j: int) -> bool:
    """Line j heads a list of links: a short non-sentence followed by bullets that read as links."""
    if j < c.tail_start or j + 2 >= len(c.lines) + 1:
        return False
    heading = c.lines[j]
    if _BULLET.match(heading) or ends_sentence(heading) or len(words(heading)) > 10:
        return False
    items = []
    for k in range(j + 1, len(c.lines)):
        if not _BULLET.match(c.lines[k]):
            break
        items.append(c.lines[k])
    if len(items) < 2:
        return False
    teasers = sum(bool(_TEASER_ITEM.match(t)) for t in items)
    return bool(_LINK_HEADING.search(heading)) or teasers * 2 >= len(items)


def related_list(c: Context) -> str | None:
    """Lists of links under a heading ("Our Coverage of ...") after the article's last paragraph."""
    if c.i < c.tail_start:
        return None
    if _link_block_heading(c, c.i):
        return "related-links heading"
    if _BULLET.match(c.text):
        j = c.i - 1
        while j >= 0 and _BULLET.match(c.lines[j]):
            j -= 1
        if j >= 0 and _link_block_heading(c, j):
            return "related-links list"
    return None


def legal(c: Context) -> str | None:
    if len(c.text) > 600:
        return None
    n = len(words(c.text))
    if n <= 40 and _COPYRIGHT.search(c.text):
        return "copyright footer"
    if _LEGAL.search(c.text) and (n <= 12 or not ends_sentence(c.text)):
        return "cookie, privacy or terms footer"
    return None


def navigation(c: Context) -> str | None:
    """Menus: many capitalised words, no sentence punctuation, almost no function words."""
    text = c.text
    ws = words(text)
    if len(ws) < 6 or re.search(r"[.,;!?\"“”()<>\d]", text) or text.upper() == text:
        return None
    if sum(len(w) > 3 for w in ws) < 5:
        return None
    if capitalised_share(text) >= 0.8 and stop_density(text) <= 0.12:
        return "navigation menu"
    return None


PULL_QUOTE_REACH = 60  # a pull-quote repeats a line within this many paragraphs


def pull_quote(c: Context) -> str | None:
    if len(words(c.text)) < 8 or ends_sentence(c.text):
        return None
    key = c.key
    for j in range(max(0, c.i - PULL_QUOTE_REACH), min(len(c.keys), c.i + PULL_QUOTE_REACH + 1)):
        other = c.keys[j]
        if j != c.i and len(other) > len(key) and key in other:
            return "repeated pull-quote"
    return None


def duplicate(c: Context) -> str | None:
    """A line repeated right after itself: a scraping artefact (repeats further apart may be prose)."""
    if c.i > 0 and c.key and (c.keys[c.i - 1] if c.keys else norm(c.lines[c.i - 1])) == c.key:
        return "duplicate of the line before"
    return None


def library_repeat(c: Context) -> str | None:
    if c.common and c.key in c.common and not ends_sentence(c.text):
        return "repeated in many articles of the library"
    return None


Rule = Callable[[Context], str | None]

# Order matters: the first rule that answers names the reason.
RULES: tuple[Rule, ...] = (
    caption,
    new_window_link,
    marker,
    legal,
    after_marker,
    promo,
    teaser,
    related_list,
    navigation,
    pull_quote,
    duplicate,
    library_repeat,
)
