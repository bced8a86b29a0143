"""Rules about the shape of a story, applied after the boilerplate model has said which blocks
read as article body: a story starts at its wire dateline and ends at its sign-off, has no small
islands below it, no labels whose words it never uses, no runs of suggested questions, no last
part on another subject, no readers' comments or feeds stamped "N hours ago". (What the shape
takes back from the model is in story_keeps.py.)

Each rule changes `keep` (one flag per block) in place and says which blocks it moved.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby

from reader.core.ingest import bylines
from reader.core.ingest.block_features import STOP_WORDS, tokens
from reader.core.ingest.blocks import Block

REASONS = {
    "sign_off": "after the story's sign-off (its reporting credits)",
    "questions": "one of a run of questions (suggested questions or related links)",
    "island": "after the article, apart from it (a caption or promo among the page's links)",
    "label": "label inside the story that does not speak of it (its words are nowhere else in the story)",
    "dateline": "above the story's dateline (the page's, not the story's)",
    "tail": "after the story, on another subject (an appeal or another story: its words are not the story's)",
    "comments": "readers' comments after the story (a thread of \"name says:\" with the time)",
    "feed": "a feed after the story, its items stamped \"N hours ago\" (readers' comments or latest headlines)",
}


def remove(blocks: Sequence[Block], keep: list[bool],
           words: Mapping[int, list[str]] | None) -> tuple[dict[int, str], int | None]:
    """Apply the rules that remove kept blocks; return each removed block's reason, and where a
    thread of readers' comments starts (None: the page has none), whose blocks hold no metadata
    of the page either.

    `words`: the blocks' tokens() on a page in English (the label rule judges English words),
    None on a page in another language.
    """
    reasons: dict[int, str] = {}
    for name, rule in (("sign_off", drop_after_sign_off), ("dateline", drop_before_dateline),
                       ("questions", drop_question_runs)):
        reasons.update(dict.fromkeys(rule(blocks, keep), REASONS[name]))
    # Before the islands: a thread's last comments, kept apart from the story, are comments.
    thread = comment_thread(blocks, keep)
    if thread is not None:
        reasons.update(dict.fromkeys(_unkeep(keep, range(thread, len(blocks))), REASONS["comments"]))
    feed = stamped_feed(blocks, keep)
    if feed is not None:
        reasons.update(dict.fromkeys(_unkeep(keep, feed), REASONS["feed"]))
    reasons.update(dict.fromkeys(drop_islands_after(blocks, keep), REASONS["island"]))
    if words is not None:
        reasons.update(dict.fromkeys(drop_alien_labels(blocks, keep, words), REASONS["label"]))
        reasons.update(dict.fromkeys(drop_unrelated_tail(blocks, keep, words), REASONS["tail"]))
    return reasons, thread


def _kept_words(blocks: Sequence[Block], keep: Sequence[bool]) -> list[int]:
    """Each block's number of words if it is kept, else 0. A word has a letter: a market
    ticker's figures ("34,850.21 +114.12 +0.33%") are not words of a story."""
    return [sum(bool(_LETTER.search(w)) for w in b.text.split()) if k else 0
            for b, k in zip(blocks, keep)]


_LETTER = re.compile(r"[^\W\d_]")


def _unkeep(keep: list[bool], blocks: Iterable[int]) -> set[int]:
    """Mark the kept ones of `blocks` as not kept; return them."""
    dropped = {i for i in blocks if keep[i]}
    for i in dropped:
        keep[i] = False
    return dropped


# A wire dateline opens a story: "SAN FRANCISCO (AP) —", "FEDERAL WAY, Wash. (AP) —", "VIENNA —",
# "ROTTERDAM, March 4 (Reuters) -", "June 25 (Reuters) -" (a date alone needs its agency).
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?"
_DATELINE = re.compile(
    rf"^(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){{0,3}}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    rf"(?:,?\s+{_MONTH})?\s*(?:\([^()]{{2,40}}\)\s*)?|{_MONTH}\s*\([^()]{{2,40}}\)\s*)[-—–]\s+\S")
DATELINE_WORDS = 15  # a paragraph, not a line of chrome that starts like one
DATELINE_SHARE = 0.25  # of the kept words that may stand above the dateline for it to open the story


def drop_before_dateline(blocks: Sequence[Block], keep: list[bool]) -> set[int]:
    """Remove what was kept above the paragraph that opens with the story's wire dateline (a
    disclaimer, a photo's caption and credit, a market ticker); returns them.

    Only a dateline near the story's start counts: at most DATELINE_SHARE of the kept words may
    stand above it. Of several there, the last opens the story (the first may be the lead
    printed again as the page's description).
    """
    words = _kept_words(blocks, keep)
    total, above, at = sum(words), 0, None
    for i, block in enumerate(blocks):
        if above > DATELINE_SHARE * total:
            break
        if keep[i] and words[i] >= DATELINE_WORDS and _DATELINE.match(block.text.strip()):
            at = i
        above += words[i]
    return set() if at is None else _unkeep(keep, range(at))


QUESTION_RUN = 3  # short questions in a row that are a widget, not the story
QUESTION_WORDS = 20


def drop_question_runs(blocks: Sequence[Block], keep: list[bool]) -> set[int]:
    """Remove kept blocks in runs of QUESTION_RUN or more short questions in a row (a widget of
    suggested questions, a list of related explainers); returns them. In the labelled sets, 40
    blocks stand in such runs (two sites only), none of them article body; a story's questions
    are answered between them."""
    def asks(i: int) -> bool:
        text = blocks[i].text.strip()
        return len(text.split()) <= QUESTION_WORDS and bool(re.search(r"\?[\"”’)]*$", text))

    dropped: set[int] = set()
    for asking, run in groupby((i for i, b in enumerate(blocks) if b.text), key=asks):
        questions = list(run)
        if asking and len(questions) >= QUESTION_RUN:
            dropped |= _unkeep(keep, questions)
    return dropped


SIGN_OFF_SHARE = 0.7  # of the kept words that must stand before a sign-off for it to end the story


def drop_after_sign_off(blocks: Sequence[Block], keep: list[bool]) -> set[int]:
    """Remove what was kept after the story's sign-off ("(Reporting by A; Editing by B)", "AP
    writer A contributed reporting"): wire copy ends there, and what follows is the page's
    (an appeal for donations, a ticker, related stories). Returns the blocks removed.

    Only a sign-off near the end counts: most of the kept words must stand before it.
    """
    at = max((i for i, b in enumerate(blocks) if b.text and bylines.signs_off(b.text)), default=None)
    if at is None:
        return set()
    words = _kept_words(blocks, keep)
    if sum(words[:at]) < SIGN_OFF_SHARE * max(sum(words), 1):
        return set()
    return _unkeep(keep, range(at + 1, len(blocks)))


# A comment's header: "29. MightyMidwest says:", "Catherine on September 13, 2018 at 5:23 pm said:".
_COMMENT_HEADER = re.compile(r"\b(?:says|said|wrote|writes|replied|commented)\s*:\s*$", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d{2}\b")
_LEADING_TIME = re.compile(r"^\W*\d{1,2}[:.]\d{2}\b")
COMMENT_HEADER_WORDS = 15
COMMENT_HEADERS = 2  # headers a thread needs: one line ending "said:" may introduce a quote
COMMENT_STORY_WORDS = 30  # kept words above the first header: a story the thread comes after


def comment_thread(blocks: Sequence[Block], keep: Sequence[bool]) -> int | None:
    """Where a thread of readers' comments kept after the story starts: its first of two comment
    headers or more (a name and "says:", its time of day later on that line or on the next), or
    None. Everything from there to the end is the thread.

    A story's "The minister said:" introduces a quote: it has no time of day, and a story rarely
    has two. A live blog's entry opens with its time ("10:32 The minister said:"): not a header.
    The thread must come after a story (COMMENT_STORY_WORDS kept above it), not in a box of
    latest comments above one. In the labelled sets, 417 such headers stand in comment threads
    (two sites) and none in a story; no BBC or BASIL article has two.
    """
    texts = [i for i, b in enumerate(blocks) if b.text]
    headers = []
    for n, i in enumerate(texts):
        text = blocks[i].text
        if (len(text.split()) > COMMENT_HEADER_WORDS or not _COMMENT_HEADER.search(text)
                or _LEADING_TIME.match(text)):
            continue
        after = blocks[texts[n + 1]].text if n + 1 < len(texts) else ""
        if _TIME_OF_DAY.search(text) or (_TIME_OF_DAY.search(after) and len(after.split()) <= 8):
            headers.append(i)
    if len(headers) < COMMENT_HEADERS or not _below_a_story(blocks, keep, headers[0]):
        return None
    return headers[0]


def _below_a_story(blocks: Sequence[Block], keep: Sequence[bool], at: int) -> bool:
    """Whether COMMENT_STORY_WORDS kept words or more stand above block `at`: a thread or a feed
    there comes after a story, not in a box above one."""
    return sum(_kept_words(blocks, keep)[:at]) >= COMMENT_STORY_WORDS


# A relative time stamp: "32M ago", "2 days ago at 07:52 am", "an hour ago".
_AGO = re.compile(r"\b(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?"
                  r"|w|wks?|weeks?|mo|mos|months?|y|yrs?|years?)\s+ago\b", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?\"”’]\s*$")
STAMP_WORDS = 8  # a longer line that says "ago", or one that ends a sentence, is not a stamp
FEED_STAMPS = 3


def stamped_feed(blocks: Sequence[Block], keep: Sequence[bool]) -> range | None:
    """The blocks from the first to the last of FEED_STAMPS or more relative time stamps after
    the story ("2 days ago at 07:52 am", "1H ago": each a short line of its own, not a
    sentence), or None.

    Pages stamp the items of a feed that way: readers' comments, latest headlines. A story
    does not: in the labelled sets 54 renderings of 8 html-train pages hold three such lines or
    more, none of them article body, and no scrape or BBC, BASIL or Reuters article holds
    three. As with comment_thread, the feed must come after a story (_below_a_story).
    """
    stamps = [i for i, b in enumerate(blocks) if b.text and len(b.text.split()) <= STAMP_WORDS
              and _AGO.search(b.text) and not _SENTENCE_STOP.search(b.text)]
    if len(stamps) < FEED_STAMPS or not _below_a_story(blocks, keep, stamps[0]):
        return None
    return range(stamps[0], stamps[-1] + 1)


LABEL_WORDS = 8  # a kept line this short, with no sentence stop, is a subheading or a label


def is_label(text: str) -> bool:
    """Whether a line is a subheading or a label ("Top Stories", "You Might Also Like …"): at
    most LABEL_WORDS words and no sentence stop."""
    return 0 < len(text.split()) <= LABEL_WORDS and not re.search(r"[.!?:\"”’)]$", text.strip())


def a_lead_sentence(text: str) -> bool:
    """Whether a paragraph the model was unsure of reads as a story's lead: 8 words or more,
    ending a sentence."""
    return len(text.split()) >= 8 and bool(re.search(r"[.!?\"”’]$", text.strip()))


def drop_alien_labels(blocks: Sequence[Block], keep: list[bool],
                       read: Mapping[int, list[str]]) -> set[int]:
    """Remove short kept lines with no sentence stop whose content words the rest of the story
    never uses ("Political Cartoons", "View All 829 Images", "toggle caption"); returns them.

    A subheading speaks of what the paragraphs around it speak of (see keep_subheadings, which
    keeps the ones the model left out by the same test); a widget's label does not. `read`: the
    blocks' words, where known (wording.read_words).
    """
    kept = [i for i, k in enumerate(keep) if k]
    words = {i: subject_words(blocks[i].text, read.get(i)) for i in kept}
    # (A line ending in a colon leads into what follows: "Here's what to know:".)
    labels = {i for i in kept if words[i] and is_label(blocks[i].text)}
    # Labels do not vouch for one another ("[skip past newsletter promotion]", "after newsletter
    # promotion"): the story's other lines do.
    story: set[str] = set()
    for i in kept:
        if i not in labels:
            story |= words[i]
    alien = {i for i in labels if not words[i] & story}
    # A list the story leads into is judged as a whole: "Workshops for local choirs" stays under
    # "What the tour will bring:" when an item beside it speaks of the story ("A collection for
    # the strike families at every show"). Under "More:" a list is another box.
    for before, run in _kept_lists(blocks, keep):
        if (before is not None and keep[before] and len(blocks[before].text.split()) >= LEAD_INTO_WORDS
                and any(i not in alien for i in run)):
            alien -= set(run)
    dropped = sorted(alien)
    return _unkeep(keep, dropped) if len(dropped) < len(kept) else set()


LEAD_INTO_WORDS = 4  # words of the kept line above a list that leads into it ("More:" does not)


def _kept_lists(blocks: Sequence[Block], keep: Sequence[bool]) -> list[tuple[int | None, list[int]]]:
    """The runs of two or more kept list items next to one another (text blocks only), each with
    the text block just above it (None: the page's first)."""
    runs: list[tuple[int | None, list[int]]] = []
    current: list[int] = []
    before = last = None
    for i, block in enumerate(blocks):
        if not block.text:
            continue
        if keep[i] and block.depth:
            if not current:
                before = last
            current.append(i)
        else:
            if len(current) > 1:
                runs.append((before, current))
            current = []
        last = i
    if len(current) > 1:
        runs.append((before, current))
    return runs


TAIL_SHARE = 0.15  # of a last part's content words the story above uses, below which it is another text
TAIL_WORDS = 30  # content words the last part needs for that share to say anything
TAIL_PART = 0.5  # of the kept words the last part may hold at most
TAIL_COHERENT = 0.15  # of its content words the story's last block above the part shares with the rest


def drop_unrelated_tail(blocks: Sequence[Block], keep: list[bool],
                        read: Mapping[int, list[str]]) -> set[int]:
    """Remove the story's last part when a block left out parts it from the story and its words
    are not the story's: an appeal for support under its own heading ("I hope you appreciated
    this article..."), a newsletter's pitch, the next story of an endless scroll. Returns them.

    Of the last parts (two kept blocks or more, after a text block left out, at most TAIL_PART
    of the kept words) whose content words the kept blocks above use for less than TAIL_SHARE,
    the longest goes. The story above must hang together: a digest of news briefs, each on its
    own subject, has no part that is more foreign to it than the rest (the last kept block above
    the part must share TAIL_COHERENT of its words with the blocks before it). `read`: the
    blocks' words, where known (wording.read_words).
    """
    kept = [i for i, k in enumerate(keep) if k]
    words = {i: [w for w in (read.get(i) or tokens(blocks[i].text)) if _subject(w)] for i in kept}
    sizes = _kept_words(blocks, keep)
    limit = TAIL_PART * sum(sizes)
    above = Counter(w for i in kept for w in words[i])
    tail: Counter[str] = Counter()
    tail_size, n, cut = 0, 0, None  # the part's words, and its content words
    for pos in range(len(kept) - 1, 1, -1):
        i = kept[pos]
        tail.update(words[i])
        above.subtract(words[i])
        tail_size += sizes[i]
        n += len(words[i])
        if tail_size > limit:
            break
        if (pos <= len(kept) - 2 and n >= TAIL_WORDS
                and any(blocks[j].text and not keep[j] for j in range(kept[pos - 1] + 1, i))
                and sum(c for w, c in tail.items() if above[w] > 0) < TAIL_SHARE * n
                and _hangs_together(words, kept[:pos])):
            cut = pos
    return set() if cut is None else _unkeep(keep, kept[cut:])


def _hangs_together(words: Mapping[int, list[str]], story: Sequence[int]) -> bool:
    """Whether the last block of `story` shares TAIL_COHERENT of its content words with the rest."""
    *rest, last = story
    before = {w for i in rest for w in words[i]}
    return bool(words[last]) and sum(w in before for w in words[last]) >= TAIL_COHERENT * len(words[last])


ISLAND_GAP = 4  # text blocks left out in a row that part a kept island from the story
ISLAND_BLOCKS = 2  # an island after the story of at most this many blocks is the page's


def kept_runs(blocks: Sequence[Block], keep: Sequence[bool], gap: int = 1) -> list[list[int]]:
    """The runs of kept blocks (their indices), a run ending where `gap` text blocks in a row
    were left out."""
    runs: list[list[int]] = []
    current: list[int] = []
    left_out = 0
    for i, block in enumerate(blocks):
        if not block.text:
            continue
        if keep[i]:
            if current and left_out >= gap:
                runs.append(current)
                current = []
            current.append(i)
            left_out = 0
        else:
            left_out += 1
    if current:
        runs.append(current)
    return runs


def drop_islands_after(blocks: Sequence[Block], keep: list[bool]) -> set[int]:
    """Remove small islands of kept blocks below the story, parted from it by blocks left out
    (a caption in a gallery of related stories, a promo among the footer's links); returns them.

    The story is the run of kept blocks with the most words; a run ends where ISLAND_GAP text
    blocks in a row were left out.
    """
    runs = kept_runs(blocks, keep, ISLAND_GAP)
    if len(runs) < 2:
        return set()
    words = [sum(len(blocks[i].text.split()) for i in run) for run in runs]
    story = max(range(len(runs)), key=words.__getitem__)
    return _unkeep(keep, [i for run in runs[story + 1:] if len(run) <= ISLAND_BLOCKS for i in run])


def subject_words(text: str, words: Sequence[str] | None = None) -> set[str]:
    """A text's words of four letters or more that are not function words, by which a block is
    judged to speak of what the story speaks of (`words`: its tokens(), where already known)."""
    return {w for w in (tokens(text) if words is None else words) if _subject(w)}


def _subject(word: str) -> bool:
    return len(word) >= 4 and word not in STOP_WORDS and not word.isdigit()
