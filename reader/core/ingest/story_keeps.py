"""Rules about the shape of a story that take back what the boilerplate model left out: the
subheadings that speak of the story, the lines that lead into its paragraphs, and the rest of a
list it began or announced.

Each rule changes `keep` (one flag per block) in place; story_shape.py has the rules that remove.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.ingest.blocks import Block
from reader.core.ingest.story_shape import subject_words


def keep_subheadings(blocks: Sequence[Block], keep: list[bool], boilerplate_words: set[str]) -> None:
    """Keep a short heading between two body paragraphs when it speaks of what they speak of.

    The model scores a lone cross-head ("ZELENSKIY SAYS SOVEREIGNTY NOT NEGOTIABLE") like a menu
    label; its words recurring in the story tell it apart from "READ MORE" or "Advertisement".
    """
    candidates = []
    for i in range(1, len(blocks) - 1):
        block = blocks[i]
        if keep[i] or not keep[i - 1] or not keep[i + 1] or block.links:
            continue
        text = block.text.strip()
        n = len(text.split())
        if 2 <= n <= 12 and not re.search(r"[.:;,]$", text) and not block.images:
            candidates.append(i)
    if not candidates:
        return
    body_words = _story_words(blocks, keep)
    for i in candidates:
        own = subject_words(blocks[i].text) - boilerplate_words
        if own & body_words:
            keep[i] = True


LEAD_IN_WORDS = 12  # a longer line ending in a colon is a sentence the model judged as one
LEAD_IN_NEXT = 20  # words of the paragraph a lead-in leads into ("Read more:" leads to a headline)


def keep_lead_ins(blocks: Sequence[Block], keep: list[bool]) -> set[int]:
    """Keep a short line ending in a colon ("Here's the thing:", "Key facts:") that the model
    left out between two kept blocks, the next a paragraph of LEAD_IN_NEXT words or more: it
    leads into the story's next paragraph, whatever its words. A lone word ("More:") is a
    label. Returns the blocks kept.

    Out of fold on html-train: 16 body lines kept and no other; no scrape has such a line.
    """
    texts = [i for i, b in enumerate(blocks) if b.text]
    added = set()
    for n in range(1, len(texts) - 1):
        i, after = texts[n], texts[n + 1]
        text = blocks[i].text.strip()
        if (not keep[i] and keep[texts[n - 1]] and keep[after] and not blocks[i].links
                and text.endswith(":") and 2 <= len(text.split()) <= LEAD_IN_WORDS
                and len(blocks[after].text.split()) >= LEAD_IN_NEXT):
            added.add(i)
    for i in added:
        keep[i] = True
    return added


LIST_SHAPE = 3  # leading tokens whose kinds make a line's shape ("June 10 –": word, number, dash)
LIST_RUN = 3  # lines of the kept line's shape after it that make a list the story goes on with
LIST_WORDS = 20  # a longer line is a paragraph, not an item
LIST_OPENER_WORDS = 4  # a shorter line ending in a colon is a label ("Related:", "Read more:")
LIST_HEADING_WORDS = 8  # a line this short with no stop may head a list ("The Doobie Brothers Tour Dates")


def keep_list_continuations(blocks: Sequence[Block], keep: list[bool]) -> set[int]:
    """Keep the rest of a list the story began: a kept short line ("June 9 – West Palm Beach, FL")
    followed by LIST_RUN lines or more that open the same way with a number among their first
    tokens (tour dates, results, times), each left out, none of them a link. The model keeps a
    list's first item and drops the rest as a menu. Lines that open with words alone are not
    enough: related headlines ("Watch: ...", "Opinion: ...") share such shapes. Returns the
    blocks kept.

    A list the story announces is kept the same way: a kept sentence of LIST_OPENER_WORDS words
    or more ending in a colon ("The band's 2020 tour dates:"), then LIST_RUN left-out items or
    more of one shape, numbered or not ("England (Group A): 10th appearance"), unless they open
    with a kicker label as headlines do; and so is a numbered list under a kept short heading
    ("The Doobie Brothers Tour Dates").

    Out of fold on html-train: about 250 body lines kept against 5 others (the announced lists:
    76 more, all body; the lists under a heading, on two sites: about 180 more, 1 other); on the
    scrapes, seeds and corpora no line changes.
    """
    texts = [i for i, b in enumerate(blocks) if b.text]
    added: set[int] = set()
    for n, i in enumerate(texts):
        if not keep[i]:
            continue
        text = blocks[i].text.strip()
        if text.endswith(":") and len(text.split()) >= LIST_OPENER_WORDS and n + 1 < len(texts):
            shape = _shape(blocks[texts[n + 1]].text)  # the list's first item sets its shape
            if shape[1:2] == (":",):
                continue  # kicker labels: "Watch: ...", "Opinion: ..." are headlines
        elif _an_item(blocks[i]):
            shape = _shape(text)
            if "9" not in shape and _a_heading(text) and n + 1 < len(texts):
                shape = _shape(blocks[texts[n + 1]].text)  # a heading over a numbered list ("Tour Dates")
            if "9" not in shape:
                continue
        else:
            continue
        if len(shape) < LIST_SHAPE:
            continue
        run = []
        for j in texts[n + 1:]:
            if keep[j] or not _an_item(blocks[j]) or _shape(blocks[j].text) != shape:
                break
            run.append(j)
        if len(run) >= LIST_RUN:
            for j in run:
                keep[j] = True
            added.update(run)
    return added


def keep_list_items(blocks: Sequence[Block], keep: list[bool]) -> set[int]:
    """Keep a run of list items the model left out between two kept blocks of the story, when
    none of them is a link or a picture, each is short (LIST_WORDS words at most), and they are
    not written as headlines are (most words after the first capitalised): the story's own
    bullet points ("Search engines find it at the moment in time that it goes live"), which the
    model scores like a menu. A related-stories box inside a story is a run of links, or of
    headlines once a copy drops the links. Returns the blocks kept.

    Out of fold on html-train: 179 body lines kept against 27 others (boxes of other stories'
    headlines in copies without links); on the scrapes, seeds, eval/html and corpora no line
    changes.
    """
    texts = [i for i, b in enumerate(blocks) if b.text]
    added: set[int] = set()
    n = 0
    while n < len(texts):
        if keep[texts[n]] or n == 0 or not keep[texts[n - 1]]:
            n += 1
            continue
        end = n
        while end < len(texts) and not keep[texts[end]]:
            end += 1
        run = [texts[m] for m in range(n, end)]
        if end < len(texts) and all(_a_bullet(blocks[i]) for i in run) and _of_the_story(blocks, keep, run):
            for i in run:
                keep[i] = True
            added.update(run)
        n = end
    return added


def _of_the_story(blocks: Sequence[Block], keep: list[bool], run: list[int]) -> bool:
    """Half the items of HEADLINE_WORDS words or more share a word with the kept story: a box of
    other stories' headlines in sentence case does not. (Shorter items, "горох", "HL7", a
    list's names or ingredients, need not.)"""
    long = [i for i in run if len(blocks[i].text.split()) >= HEADLINE_WORDS]
    if not long:
        return True
    story = _story_words(blocks, keep)
    return 2 * sum(bool(subject_words(blocks[i].text) & story) for i in long) >= len(long)


def _story_words(blocks: Sequence[Block], keep: Sequence[bool]) -> set[str]:
    """The content words of the blocks kept so far (subject_words)."""
    return {w for block, kept in zip(blocks, keep) if kept for w in subject_words(block.text)}


HEADLINE_WORDS = 4  # an item this long may be a headline
HEADLINE_CAPITALS = 0.5  # share of capitalised words after the first above which a line is a headline


def _a_bullet(block: Block) -> bool:
    if not block.depth or block.images or not _an_item(block):
        return False
    words = block.text.split()[1:]
    capitals = sum(w[:1].isupper() for w in words)
    return len(words) < 3 or capitals <= HEADLINE_CAPITALS * len(words)


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _a_heading(text: str) -> bool:
    return len(text.split()) <= LIST_HEADING_WORDS and not re.search(r"[.!?:;,\"”]$", text)


def _an_item(block: Block) -> bool:
    return not block.links and len(block.text.split()) <= LIST_WORDS


def _shape(text: str) -> tuple[str, ...]:
    """The kinds of a line's first LIST_SHAPE tokens: 9 a number ("10", "1st"), C a capitalised
    word, w another word, else the character itself. An abbreviation's full stop is the word's
    ("Aug. 2 –" has the shape of "July 30 –")."""
    def kind(token: str) -> str:
        if token[0].isdigit():
            return "9"  # "10", "1st", "3pm"
        if token[0].isalpha() or token[0] == "_":
            return "C" if token[0].isupper() else "w"
        return token
    kinds: list[str] = []
    for token in _TOKEN.findall(text[:80]):
        if token == "." and kinds and kinds[-1] in ("C", "w"):
            continue
        kinds.append(kind(token))
        if len(kinds) == LIST_SHAPE:
            break
    return tuple(kinds)
