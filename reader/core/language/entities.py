"""Canonical entities: one name per person, place or organisation across titles and spellings.

The model's mentions are tidied (no stray whitespace, digits or fragments), given a kind the
library agrees on (votes.py: every mention of a name votes), and a canonical name: places by reference
data (GeoNames, ISO 3166: Kiev is Kyiv, U.S. is the United States, a city is never a person),
a country's people by its demonyms (Ukrainian is a people, never a place),
people by the full name in the article that ends with their surname (or begins with
their given name).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from reader.core.ingest.words import STOP_WORDS
from reader.core.language import kinds, spans
from reader.core.language.kinds import Facts, Staged
from reader.core.language.names import NAME_KINDS, bare, demonyms, name_key, place_name, titled
from reader.core.language.ner import SPACY_TO_KIND, RawMention, major_places
from reader.core.models import Mention

KIND_OF = SPACY_TO_KIND
# Not names: a fragment ending in a joining word or a hyphen, a clock zone, a lone initial.
_FRAGMENT = re.compile(r"(?:\b(?:of|and|the|for|to|in|on|at|de)|[-–&/])$", re.IGNORECASE)
_ZONES = frozenset("utc gmt bst cet cest est edt pst pdt cst cdt mst mdt aest aedt ist jst".split())


def _tidy(body: str, start: int, end: int, name: bool = True) -> tuple[int, int]:
    """A mention's span without a leading 'the', a possessive or whitespace, and cut at a line
    break (a name does not run over a line). A name (`name`) loses the numbers and lower-case
    words at its ends too ("Lithuania 2-1", "1 Stockport", "Interfax news agency"); a date or
    a figure keeps them ("June 25, 2025", "$5 million")."""
    text = body[start:end]
    cut = re.search(r"\s*\n", text)
    if cut:
        before, after = text[:cut.start()], text[cut.end():]
        if before.strip():
            end = start + cut.start()
        else:
            start = start + cut.end()
            del after
    lead = re.match(r"(?i)\s*the\s+|\s+" + (r"|[\"“”‘'\s]+(?:the\s+)?|\d[\d.,:/-]*\s+" if name else ""),
                    body[start:end])
    if lead and end - start > lead.end():
        start += lead.end()
    # (A name cut after a joining word, "Republic of", stays a fragment, which is no name.)
    tails = r"\s*['’]s?|[\s'’,.:;]+" + (r"|\s+\d[\d.,:/-]*|\s+(?!(?:of|and|for|the|de|da|del|der|"
                                       r"den|di|du|la|le|van|von|al|el|bin|ibn)$)[a-z][a-z'’-]*"
                                       if name else "")
    while True:
        tail = re.search(rf"(?:{tails})$", body[start:end])
        if not tail or tail.start() == 0:
            break
        # Keep the dot of an abbreviation ("U.S.", "Jr."), which is part of the name.
        if tail.group(0) == "." and re.search(r"\b[^\W\d_]\.[^\W\d_]?$|\b(?:Jr|Sr|St|Co|Inc|Ltd)$",
                                              body[start:end - 1]):
            break
        end = start + tail.start()
    return start, end


def _opens_sentence(body: str, start: int) -> bool:
    before = body[max(0, start - 3):start]
    return start == 0 or bool(re.search(r"(?:^|[.!?:\n][\"'”’)]?)\s*$", before)) or "\n" in before


def _not_a_name(text: str, kind: str | None) -> bool:
    if kind not in NAME_KINDS:
        return not text.strip()
    letters = [c for c in text if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return True  # "pro-", lower-case words
    if _FRAGMENT.search(text) or text.lower() in _ZONES:
        return True
    return bool(re.fullmatch(r"[^\W\d_]\.?", text))  # a lone initial


_OFFICE_OF = re.compile(r"(?<![\w-])(?:[Ss]ecretary|[Mm]inister|[Cc]hancellor) of (?:the )?$")
# An abbreviation the article spells out in common words: "gross domestic product (GDP)",
# "artificial intelligence (AI)" name no one; "European Union (EU)" names a body.
_DEFINED = re.compile(r"((?:[^\W\d_][\w'’-]*\s+){2,12})\(\s*([A-Z]{2,6})s?\s*\)")
_JOINING = frozenset({"and", "of", "for", "the", "in", "on", "to", "&"})
_BRACKETED = re.compile(r"\(\s*[A-Z]{2,6}s?\s*\)")  # what _DEFINED ends with; most articles hold none


def common_abbreviations(body: str) -> frozenset[str]:
    """The abbreviations the article spells out just before them in words not all capitalised
    ("Gross domestic product (GDP)" opening a sentence): the initials of the words before the
    bracket, joining words aside, make it."""
    found: set[str] = set()
    if not _BRACKETED.search(body):
        return frozenset(found)  # (_DEFINED tries up to twelve words at every word: slow)
    for m in _DEFINED.finditer(body):
        words = [w for w in m.group(1).split() if w not in _JOINING]
        short = m.group(2)
        spelt = words[-len(short):]
        if (len(words) >= len(short) and "".join(w[0] for w in spelt).upper() == short
                and any(w[0].islower() for w in spelt)):
            found.add(short)
    return frozenset(found)


# One word with a capital inside it after a stem of three letters or more: "OpenAI", "DeepMind",
# "NationsBank", "BellSouth" are companies' names. People's names put their capital after a
# particle: "McCarthy", "MacKenzie", "DeShields", "LaShawn", "VanDyke", "FitzGerald".
_COMPANY_WORD = re.compile(r"(?!(?:Mac|Van|Von|Fitz|Del|Des|Dos|Das|Ter)[A-Z])[A-Z][a-z]{2,}[A-Z]\w*")


def canonicalise(body: str, raw: Sequence[RawMention], votes: dict[str, str] | None = None,
                 surnames: frozenset[str] = frozenset(), judged: bool = True) -> list[Mention]:
    """Turn the model's mentions of one article into Mentions with canonical names and kinds.

    Order of evidence for a name's kind: reference places (a city is never a person, unless
    this article or the library names a person ending with the word, `surnames`; the library's
    vote may keep it an organisation, a club named after its town); the library's majority vote
    for the name (`votes`); the model's label. A lone name links to the one full name in the
    article that ends with it, else to the one that begins with it; with two candidates it
    stays unlinked. Before the linking (`judged`), the kinds model (kinds.py) judges each name's
    kind from all of that and the words around it; what it calls no name goes.
    """
    return canonicalise_all([body], [raw], votes, surnames, judged)[0]


def canonicalise_all(bodies: Sequence[str], raws: Sequence[Sequence[RawMention]],
                     votes: dict[str, str] | None = None, surnames: frozenset[str] = frozenset(),
                     judged: bool = True) -> list[list[Mention]]:
    """canonicalise() for some articles at once (the kinds model runs once for all of them)."""
    votes = votes or {}
    staged = [stage(body, raw, votes, surnames) for body, raw in zip(bodies, raws)]
    if judged:
        names = [[s for s in st if s.kind in NAME_KINDS] + candidates(body, st)
                 for body, st in zip(bodies, staged)]
        verdicts = kinds.judge([(body, ns, facts(ns, body, votes, surnames))
                                for body, ns in zip(bodies, names)])
        staged = [_judged(body, st, ns, v) for body, st, ns, v in zip(bodies, staged, names, verdicts)]
    return [_linked(body, st) for body, st in zip(bodies, staged)]


def stage(body: str, raw: Sequence[RawMention], votes: dict[str, str],
          surnames: frozenset[str]) -> list[Staged]:
    """The model's mentions tidied, with the kinds and names the rules give them (canonicalise)."""
    raw = spans.repaired(body, raw)
    # Surnames of the people this article names in full: "Rubio" is Marco Rubio, not the town.
    own_surnames = {name_key(bare(m.text).split()[-1]) for m in raw
                    if m.label == "PERSON" and len(bare(m.text).split()) >= 2}
    # Every word of those full names: "Vladimir, STOP!" is Vladimir Putin, not the town.
    name_words = {name_key(word) for m in raw if m.label == "PERSON" and len(bare(m.text).split()) >= 2
                  for word in bare(m.text).split() if len(word) > 2}
    # First words of the organisations it names in full: "Magna" is Magna International Inc (a
    # span with a number in it is a results line: "Drogba 107").
    org_heads = {name_key(bare(m.text).split()[0]) for m in raw if m.label == "ORG"
                 and len(bare(m.text).split()) >= 2 and not re.search(r"\d", m.text)} - name_words
    staged: list[Staged] = []
    ordinary = set(re.findall(r"\b[a-z][a-z'’-]+\b", body))  # words the article writes in lower case
    abbreviations = common_abbreviations(body)
    for m in raw:
        kind = SPACY_TO_KIND.get(m.label)
        if kind is None:
            continue
        start, end = _tidy(body, m.start, m.end, kind in NAME_KINDS)
        text = body[start:end]
        if start >= end or _not_a_name(text, kind):
            continue
        if kind not in NAME_KINDS:
            staged.append(Staged(start, end, kind, " ".join(text.split()), m.label))
            continue
        if " " not in text and text.lower() in ordinary and _opens_sentence(body, start):
            continue  # "Billionaire Elon Musk": a capital for the sentence, not for a name
        if kind == "org" and " " not in text and _OFFICE_OF.search(body[max(0, start - 40):start]):
            # "Secretary of State Marco Rubio": the end of an office's title ("Secretary-General
            # of NATO" and "Minister of Russia" name a body and a place: they stay).
            continue
        name = printed = bare(text)
        if not name or name in abbreviations:
            continue
        if kind in ("place", "org", "group") and (people := demonyms().get(name)):
            # "Ukrainian territory": the model calls the adjective a place; it names a people.
            staged.append(Staged(start, end, "group", people, m.label))
            continue
        key = name_key(name)
        voted = votes.get(key)
        place = place_name(name)
        if kind == "person" and titled(body, start, end):
            # A person's title before it ("Secretary Rubio", "Sen. Warren", "Lord Liverpool"):
            # the model's person stands, whatever towns or clubs share the name.
            place, voted = None, None
        if place and kind == "person" and (key in own_surnames or key in name_words
                                           or (voted == "person" and key in surnames
                                               and name not in major_places())):
            # A name that is also some town's: the article ("Rubio" ... Marco Rubio; "Vladimir,
            # STOP!" ... Vladimir V. Putin) or the library, which votes it a person and names
            # a person ending with it, says it is a person. (The model calls "Zaporizhzhia" a
            # person wherever it stands alone, but never ends a person's name with it.)
            place = None
        if (kind in NAME_KINDS and " " not in name and key in name_words
                and name not in major_places()):
            # The article names this person in full ("Joe Sestak ... Sestak said"): its own
            # evidence outweighs the model's label and the library's vote for the bare word.
            kind, place, voted = "person", None, None
        elif kind == "person" and " " not in name and key in org_heads and not place:
            # The short form of an organisation the article names in full ("Magna International
            # Inc ... Magna said"), which the model takes for a surname.
            kind, place, voted = "org", None, None
        if place and not (voted == "org" and kind == "org"):
            kind, name = "place", place
        elif voted and voted != kind:
            kind = voted
        if kind == "person" and _COMPANY_WORD.fullmatch(name):
            # The model (and so the library's vote) takes "OpenAI" for a person, 14 times out of
            # 24 in the scrapes: its spelling says company.
            kind = "org"
        if kind != "person" and name == printed:
            name = bare(text, offices=False)  # "King County", "General Motors": no person's title
        staged.append(Staged(start, end, kind, name, m.label))
    return staged


def _linked(body: str, staged: Sequence[Staged]) -> list[Mention]:
    """Mentions of the staged names. A lone name links to the one full name of this article that
    ends with it (a surname) or, failing that, begins with it and was named (in full or by its
    surname) before the lone name first is (a given name: "Vladimir Putin ... Vladimir, STOP!"; a
    story that calls someone "Andrew" from its first line is not speaking of the "Andrew Charlton"
    it names later)."""
    people = [s for s in sorted(staged, key=lambda s: s.start) if s.kind == "person"]
    ending: dict[str, set[str]] = defaultdict(set)
    alone: dict[str, int] = {}  # each lone name's first place
    for s in people:
        if len(s.name.split()) >= 2:
            ending[name_key(s.name.split()[-1])].add(s.name)
        else:
            alone.setdefault(name_key(s.name), s.start)
    beginning: dict[str, dict[str, int]] = defaultdict(dict)  # given name -> full name -> first named
    for s in people:
        if len(s.name.split()) >= 2:
            surname = alone.get(name_key(s.name.split()[-1]), s.start)
            beginning[name_key(s.name.split()[0])].setdefault(s.name, min(s.start, surname))
    out: list[Mention] = []
    for s in staged:
        name = s.name
        if s.kind == "person" and len(name.split()) == 1:
            key = name_key(name)
            full = ending.get(key) or {n for n, at in beginning.get(key, {}).items() if at < alone[key]}
            if len(full) == 1:
                name = next(iter(full))
        out.append(Mention(text=body[s.start:s.end], label=s.kind, name=name, start=s.start, end=s.end))
    return out


def facts(staged: Sequence[Staged], body: str, votes: dict[str, str],
          surnames: frozenset[str]) -> list[Facts]:
    """What the reference tables and the library say of each staged name (for kinds.py)."""
    out = []
    for s in staged:
        name = bare(body[s.start:s.end]) or s.name
        out.append(Facts(place=place_name(name) is not None, major=name in major_places(),
                         people=name in demonyms(), voted=votes.get(name_key(name)),
                         surname=name_key(name) in surnames))
    return out


def candidates(body: str, staged: Sequence[Staged]) -> list[Staged]:
    """Runs of capitalised words the model left untagged ("Hollioake", "Warwickshire", "KDP"):
    names it may have missed, for the kinds model to judge (kind and label empty). Not a word
    the article also writes in lower case, nor a stop word ("The", "But"), nor anything inside
    or across what was already tagged."""
    taken = sorted((s.start, s.end) for s in staged)
    ordinary: set[str] | None = None
    out = []
    for match in _CAPITALISED.finditer(body):
        start, end = match.span()
        # Stop words at its ends are the sentence's ("As I", "But Mr"), not the name's.
        while (m := re.match(r"\S+\s+", body[start:end])) and m.group(0).split()[0].lower() in STOP_WORDS:
            start += m.end()
        while (m := re.search(r"\s+\S+$", body[start:end])) and m.group(0).split()[0].lower() in STOP_WORDS:
            end = start + m.start()
        start, end = _tidy(body, start, end)
        if start >= end:
            continue
        at = bisect_left(taken, (end, end))
        if any(a < end and start < b for a, b in taken[max(0, at - 20):at]):
            continue
        text = body[start:end]
        if _not_a_name(text, "other"):
            continue
        if " " not in text:
            if ordinary is None:
                ordinary = spans.lower_case_words(body)
            if text.lower() in ordinary or text.lower() in STOP_WORDS or len(text) < 2:
                continue
        out.append(Staged(start, end, "", text, ""))
    return out


# A capitalised word ("Warwickshire", "Amazon.com", "O'Neill") or initials ("J.", "U.S."); a run
# of them, spaced, is one candidate. A word ends before a full stop, so no run crosses a sentence.
_CAP_WORD = r"(?:(?:[A-Z]\.)+|[A-Z][\w'’&-]*(?:\.[\w'’&-]+)*)"
_CAPITALISED = re.compile(rf"(?<![\w'’.-]){_CAP_WORD}(?:[ \t]+{_CAP_WORD})*")


def _judged(body: str, staged: Sequence[Staged], names: Sequence[Staged],
            verdicts: Sequence[str | None]) -> list[Staged]:
    """The staged mentions with the kinds model's verdicts on their names and on the
    candidates() the model left untagged (`names`): a name it calls no name goes, a candidate
    it calls a name comes in; a name whose kind changes takes its printed form as its name (a
    place's canonical name only as a place, a people's as a group)."""
    out = [s for s in staged if s.kind not in NAME_KINDS]
    for s, kind in zip(names, verdicts):
        if kind is None:
            continue
        if kind != s.kind:
            printed = bare(body[s.start:s.end], offices=kind == "person") or s.name
            people = demonyms().get(printed)
            if people and kind in ("place", "org", "other"):
                kind = "group"
            name = (place_name(printed) or printed) if kind == "place" else (
                (people or printed) if kind == "group" else printed)
            s = replace(s, kind=kind, name=name)
        out.append(s)
    return sorted(out, key=lambda s: s.start)
