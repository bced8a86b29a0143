"""Who published a page: known outlet and wire agency names, page addresses, copyright holders,
and the vote among every place a page names itself.

The reference tables are reader/core/data/outlets.json and agencies.json; a page address is
mapped to its registered domain by tldextract's bundled public suffix list (nothing is fetched).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from reader.core.ingest.blocks import Block
from reader.core.ingest.headline import norm

SOURCE_LINE = re.compile(r"^(?:url source|url|source|canonical(?: url)?|(?:the )?wayback machine)"
                          r"\s*[-:–]\s*(?P<url>https?://\S+)", re.IGNORECASE)
# Google's "preferred sources" button names the site in its own words: "Add Yahoo as a preferred
# source on Google", "Prefer the Guardian on Google".
PREFERRED = re.compile(r"\b(?:Add|Prefer)\s+(?P<name>(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
                       r"\s+(?:as\s+a\s+preferred\s+source|on\s+Google)\b")
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*"
                        r"(?P<holder>[A-Z][\w&.'’ -]{1,60}?)(?:,?\s+(?:Inc|LLC|Ltd|L\.P|Limited|plc|"
                        r"Corp|Co|Group|GmbH|S\.A)\b\.?)?(?:[.,;|]|\s+all rights|$)", re.IGNORECASE)


# reference tables ------------------------------------------------------------------------------


@cache
def _table(name: str) -> dict[str, list[str]]:
    raw = json.loads(resources.files("reader.core.data").joinpath(f"{name}.json").read_text("utf-8"))
    return raw[name]


@cache
def _aliases(name: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, spellings in _table(name).items():
        for spelling in (canonical, *spellings):
            table[spelling.lower()] = canonical
    return table


def agency(name: str) -> str | None:
    """The canonical wire agency for a spelling ("AP" -> "Associated Press"), else None."""
    return _aliases("agencies").get(name.strip().strip(".").lower())


# A company's legal form after its name ("ScienceAlert Pty Ltd", "India Post Media Pvt. Ltd.").
_LEGAL_FORM = re.compile(r"(?:,?\s+(?:Pty|Pvt|Private|Ltd|Limited|Inc|LLC|LLP|plc|L\.P|Corp|GmbH|AG|"
                         r"S\.A|S\.L|B\.V|N\.V)\b\.?)+$", re.IGNORECASE)


def _tidy(name: str) -> str:
    return _LEGAL_FORM.sub("", name.strip().strip("©").strip()).strip(" ,")


def outlet_name(name: str) -> str:
    """The canonical outlet name for a spelling or domain, else the spelling, tidied."""
    name = _tidy(name)
    return _aliases("outlets").get(name.lower(), name)


def known_outlet(name: str) -> str | None:
    """The canonical name of a known outlet spelling or domain, else None."""
    return _aliases("outlets").get(_tidy(name).strip(".").lower())


@cache
def _domains():  # type: ignore[no-untyped-def]
    import tldextract

    # The public suffix list bundled with tldextract: nothing is fetched at run time.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _registered(parts) -> str | None:  # type: ignore[no-untyped-def]
    """The registered domain ("theguardian.com") of a tldextract result, None without one."""
    return f"{parts.domain}.{parts.suffix}".lower() if parts.domain and parts.suffix else None


def domain_outlet(url: str) -> str | None:
    """The outlet a page address belongs to: a known outlet, else its registered domain."""
    parts = _domains()(url)
    domain = _registered(parts)
    if domain is None:
        return None
    known = _aliases("outlets").get(domain)
    if known:
        return known
    if parts.subdomain and parts.subdomain not in ("www", "m", "amp", "web", "edition"):
        sub = f"{parts.subdomain}.{domain}".lower()
        return _aliases("outlets").get(sub, domain)
    return domain


# the vote -------------------------------------------------------------------------------------


SOURCES = ("site", "named", "block0", "preferred", "masthead", "holder", "url_printed", "url",
           "home", "mention")


@dataclass
class Evidence:
    """The vote among the places a page names itself: each name's weight, how many times each
    source named it (SOURCES), the vote's choice, and the page's addresses as name keys
    ("quantamagazine") for the ranker (outlet_ranker)."""
    votes: dict[str, float] = field(default_factory=dict)
    sources: dict[str, Counter[str]] = field(default_factory=dict)
    top: str | None = None
    domains: frozenset[str] = frozenset()
    lifted: frozenset[int] = frozenset()  # blocks lifted into other fields (headline, byline)
    owners: frozenset[str] = frozenset()  # names whose copyright line reads as a company's

    @property
    def weight(self) -> float:
        return self.votes.get(self.top, 0.0) if self.top else 0.0


def vote(blocks: Sequence[Block], keep: Sequence[bool], header: dict[str, str], site: str | None,
         source_url: str | None, *, named: Sequence[str] = (), title: str | None = None,
         used: Mapping[int, str] | None = None) -> Evidence:
    """The page's own name for itself, weighed across every place it is printed.

    `site`: the site suffix of the page title; `named`: outlets its bylines named ("By A, NY
    Times"); `used`: blocks already lifted into metadata (index -> reason), which are not chrome.
    """
    used = used or {}
    evidence = Evidence(lifted=frozenset(used))
    for key in ("sitename", "site_name", "outlet", "publication", "publisher"):
        value = header.get(key)
        if value and not value.startswith("http"):
            name = outlet_name(value)
            return Evidence({name: 100.0}, {name: Counter(header=1)}, name)
    votes = evidence.votes

    def count(name: str | None, known_weight: float, unknown_weight: float, source: str) -> None:
        if not name or re.fullmatch(r"[\d\W]+", name):
            return
        canonical = known_outlet(name)
        if canonical:
            votes[canonical] = votes.get(canonical, 0.0) + known_weight
        elif unknown_weight:
            canonical = outlet_name(name)
            votes[canonical] = votes.get(canonical, 0.0) + unknown_weight
        else:
            return
        evidence.sources.setdefault(canonical, Counter())[source] += 1

    if site and not known_outlet(site):
        # "RNZ Skip to main content": a suffix that starts with a known name is that name.
        words = site.split()
        for n in range(len(words) - 1, 0, -1):
            if known_outlet(" ".join(words[:n])):
                site = " ".join(words[:n])
                break
    count(site, 6, 4, "site")
    for name in named:
        count(name, 6, 0, "named")
    if used.get(0, "").startswith("outlet name"):
        count(blocks[0].text.strip(), 6, 5, "block0")
    for block in blocks[:60]:
        if preferred := PREFERRED.search(block.text):
            name = preferred.group("name")
            # "Prefer the Guardian" is The Guardian; an unknown "the Harbour Gazette" drops its article.
            count(name if known_outlet(name) else re.sub(r"^the\s+", "", name), 6, 4, "preferred")
            break
    linked = _linked_domains(blocks)
    count(_masthead(blocks, keep, linked), 6, 5, "masthead")
    holders = {}  # each holder once: a footer may print its copyright line twice
    owners = set()
    for block in blocks[-40:]:
        match = COPYRIGHT.search(block.text) if len(block.text) < 300 else None
        if match and (holder := _holder(match.group("holder"))):
            holders[holder.lower()] = holder
            # (the holder with what the match reads after it: "Future US, Inc.")
            if COMPANY.search(block.text[match.start("holder"):match.end()]):
                owners.add(known_outlet(holder) or outlet_name(holder))
    evidence.owners = frozenset(owners)
    for holder in holders.values():
        count(holder, 4, 1.5, "holder")
    urls = [(source_url or header.get("url") or header.get("source") or "", "url")]
    for i, block in enumerate(blocks[:8]):
        found = SOURCE_LINE.match(block.text.strip())
        if found:
            urls.append((found.group("url"), "url"))
        elif not keep[i] and HOST_LINE.fullmatch(block.text.strip()) and _domains()(block.text.strip()).suffix:
            # A line that is a site's address alone: the page's own (Firefox's reader view,
            # copied, opens with "theguardian.com").
            urls.append((f"https://{block.text.strip()}/", "url"))
    if (home := _home_domain(blocks, linked)) is not None:
        urls.append((home, "home"))
    domains = set()
    for url, source in urls:
        if url.startswith("http"):
            if (parts := _domains()(url)).domain:
                domains.add(re.sub(r"[\W_]+", "", parts.domain.lower()))
            domain = domain_outlet(url)
            if domain and "." in domain and (spelled := _printed(domain, blocks)):
                count(spelled, 5, 5, "url_printed")  # the address and the page's print agree: "MoreBikes"
            else:
                count(domain, 5, 1, source)
    if not domains:
        # A page with no address and no links (plain text): the sites its chrome's e-mail and
        # www. addresses belong to ("tips@theverge.com", "www.space.com"), for the ranker.
        for block, kept in zip(blocks, keep):
            if not kept and ("@" in block.text or "www." in block.text):
                for found in PRINTED_ADDRESS.finditer(block.text):
                    if (parts := _domains()(found.group("host"))).domain and parts.suffix:
                        domains.add(re.sub(r"[\W_]+", "", parts.domain.lower()))
    evidence.domains = frozenset(domains)
    title_key = norm(title or "")
    mentions = _mentions([b.text for i, (b, k) in enumerate(zip(blocks, keep))
                          if not k and i not in used and title_key not in norm(b.text)])
    for name, n in mentions.items():
        votes[name] = votes.get(name, 0.0) + min(n, 3) * 0.8
        evidence.sources.setdefault(name, Counter())["mention"] += n
    if not votes:
        return evidence
    # A wire agency is named on many pages that carry its copy: another name is the outlet, when
    # the page backs it nearly as well. A copyright line's parent company ("Turner Broadcasting
    # System", 1.5) does not outvote CNN's own address and menus (7.4).
    top, weight = max(votes.items(), key=lambda kv: kv[1])
    if agency(top) is None or weight >= 8:
        evidence.top = top
    else:
        others = [(w, name) for name, w in votes.items() if not agency(name) and w >= max(1.5, weight / 2)]
        evidence.top = max(others)[1] if others else top
    return evidence


# A company's name: a copyright line naming one names the page's owner, often a parent company
# ("Turner Broadcasting System, Inc.", "Hearst Communications", "Vox Media, LLC").
COMPANY = re.compile(r"\b(?:media|communications|group|publishing|publications|company|networks?|"
                     r"broadcasting|holdings|corporation|enterprises|digital|interactive|inc|llc|"
                     r"ltd)\b", re.IGNORECASE)

# A line that is a host alone ("theguardian.com", "www.bbc.co.uk").
HOST_LINE = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)
# An e-mail address's host, or a host printed with www. ("community@space.com", "www.space.com").
PRINTED_ADDRESS = re.compile(r"(?:[\w.+-]+@|\bwww\.)(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.IGNORECASE)

HOME_LINKS = 5  # links to one site a page needs before that site counts as the page's own
HOME_SHARE = 0.5  # ... and the share of the page's links they must be


def _linked_domains(blocks: Sequence[Block]) -> dict[str, str]:
    """The registered domain of each address a page links to that names a host ("https://…",
    "//…"), read once for the votes that need it."""
    extract = _domains()
    linked = {}
    for block in blocks:
        for href in block.hrefs:
            if href.startswith(("http", "//")) and href not in linked:
                if domain := _registered(extract(href)):
                    linked[href] = domain
    return linked


def _home_domain(blocks: Sequence[Block], linked: Mapping[str, str]) -> str | None:
    """The address of the site most of a page's links point to (its menus, related stories and
    tags link home), when one site clearly dominates; None for pages without such links.
    `linked`: _linked_domains(blocks)."""
    sites: Counter[str] = Counter(linked[href] for block in blocks for href in block.hrefs
                                  if href.startswith("http") and href in linked)
    if not sites:
        return None
    domain, count = sites.most_common(1)[0]
    if count >= HOME_LINKS and count >= HOME_SHARE * sum(sites.values()):
        return f"https://{domain}/"
    return None


# A link to a site's home page: "/", "//appleinsider.com", "https://www.space.com/?ref=logo".
_HOME_HREF = re.compile(r"^(?:(?:https?:)?//(?P<host>[^/?#\s]+)/?|/)(?:[?#]\S*)?$", re.IGNORECASE)
_HOME_WORDS = re.compile(r"(?:\s*\b(?:home\s*page|homepage|home|logo|main page|front page)\b)+\s*$",
                         re.IGNORECASE)
MASTHEAD_WORDS = 5
# A logo's alt text that names no one: "Site logo", "Header image".
_GENERIC_ALT = frozenset("site website web header footer brand main company image icon default our the "
                         "a top page".split())


def _masthead(blocks: Sequence[Block], keep: Sequence[bool], linked: Mapping[str, str]) -> str | None:
    """The name a page's logo gives its site: above the story, a link to the site's home page
    whose words are the site's address spelled as a name ("[The Verge homepage](/)" on a page
    whose links go to theverge.com) or whose only content is the logo's image, named by its alt
    text ("[![AppleInsider](wordmark.png)](//appleinsider.com)"). A home page link to another
    site (a parent network, a social network) is not the page's own: an address must be on the
    registered domain most of the page's links go to (`linked`: _linked_domains(blocks))."""
    domains: Counter[str] = Counter(linked[href] for block in blocks for href in block.hrefs
                                    if re.match(r"^(?:https?:)?//", href) and href in linked)
    own = domains.most_common(1)[0][0] if domains else ""
    label = own.split(".")[0]
    logo = None
    for block, kept in zip(blocks, keep):
        if kept:
            break
        for href, words in zip(block.hrefs, block.link_texts):
            home = _HOME_HREF.match(href.strip())
            if not home or (home.group("host") and linked.get(href) != own):
                continue
            name = re.sub(r"['’]s$", "", _HOME_WORDS.sub("", words).strip(" -|:·•"))
            if not 1 <= len(name.split()) <= MASTHEAD_WORDS or not name[:1].isalnum():
                continue
            squashed = re.sub(r"[\W_]+", "", name.lower())
            if len(label) >= 3 and label in (squashed, squashed.removeprefix("the"), squashed.removesuffix(
                    own.split(".", 1)[-1].replace(".", ""))):
                return name
            if (logo is None and block.images and not block.text.strip()
                    and not set(name.lower().split()) <= _GENERIC_ALT):
                logo = name
    return logo


def _printed(domain: str, blocks: Sequence[Block]) -> str | None:
    """How a page prints the name of its own address ("morebikes.co.uk" -> "MoreBikes",
    "space.com" -> "Space.com"), when it does: the domain's first label in one to three words
    with capitals, with its suffix where the page prints one."""
    label, _, suffix = domain.partition(".")
    if len(label) < 4 or not label.isalnum():
        return None
    pattern = re.compile(r"(?<![\w.])" + r"\s?".join(map(re.escape, label))
                         + rf"(?:\.{re.escape(suffix)})?(?![\w.])", re.IGNORECASE)
    spellings = Counter(m.group(0) for b in blocks for m in pattern.finditer(b.text)
                        if any(c.isupper() for c in m.group(0)))
    with_suffix = Counter({s: n for s, n in spellings.items() if "." in s})
    return (with_suffix or spellings).most_common(1)[0][0] if spellings else None


def _holder(text: str) -> str | None:
    """The name in a copyright line's holder, without the words around it ("Copyright Gannett
    2018" -> "Gannett"); None when no name is left ("All rights reserved")."""
    name = re.sub(r"^(?:copyright|©)\s*", "", text.strip(" .,"), flags=re.IGNORECASE)
    name = re.sub(r"\s*\b(?:19|20)\d\d\b.*$", "", name)
    name = re.sub(r"\ball rights reserved\b.*$", "", name, flags=re.IGNORECASE).strip(" .,-")
    return name or None


@cache
def _mention_pattern() -> re.Pattern[str]:
    """Known outlet names that cannot be mistaken for ordinary words or other subjects."""
    ambiguous = set(json.loads(resources.files("reader.core.data").joinpath("outlets.json")
                               .read_text("utf-8")).get("ambiguous", []))
    spellings = []
    for canonical, others in _table("outlets").items():
        for spelling in (canonical, *others):
            if "." in spelling and " " not in spelling:
                continue  # domains are looked for in addresses
            if spelling not in ambiguous and len(spelling) >= 3 and spelling[0].isupper():
                spellings.append(spelling)
    spellings.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in spellings) + r")(?![\w-])")


def _mentions(texts: Sequence[str]) -> dict[str, int]:
    """In how many lines of the page's chrome (menus, footers) each known outlet is named.

    Photo credits name the agency or paper that took the picture, not the outlet; in a sentence
    an outlet may be a source quoted ("The New York Times reported"), so long lines need two.
    """
    from reader.core.ingest.block_features import credit_at_end

    pattern = _mention_pattern()
    counts: dict[str, int] = {}
    for text in texts:
        if credit_at_end(text[-120:]) or re.search(r"/\s*[A-Z][^/]{0,40}\)?\s*$", text):
            continue
        weight = 2 if len(text.split()) <= 15 else 1
        # (Each name once a line, in the order printed: a set's order would follow the hash seed,
        # and with it which of two names tied in the vote comes first.)
        for name in dict.fromkeys(_aliases("outlets").get(m.group(0).lower()) for m in pattern.finditer(text[:2000])):
            if name:
                counts[name] = counts.get(name, 0) + weight
    return {name: n // 2 for name, n in counts.items() if n >= 2}
