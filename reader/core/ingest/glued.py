"""A story's first paragraph that a scraper glued to the page chrome printed above it.

Copy-paste and some crawlers join a page's inline elements into one line: "Share Save Add as
preferred on Google Joe Tidy Cyber correspondent, BBC World Service Getty Images It's a familiar
experience: ...". The chrome is recognised by what it is made of (a byline's role, a printed date
or time, share and save buttons, a reading time, a "preferred source" prompt); the story starts at
the first sentence after the last of them.
"""

from __future__ import annotations

import re

from reader.core.ingest.bylines import ROLES
from reader.core.ingest.dates import find_dates
from reader.core.ingest.outlets import agency, known_outlet

# What only chrome prints, as words inside a line (dates are found by dates.find_dates).
_CUES = re.compile(
    r"\b(?:" + "|".join(ROLES) + r")s?\b[,:]?"
    r"|\b(?:share|save|print|email|tweet|comments?)\b(?=\s+[A-Z]|\s*$)"
    r"|\b\d+\s+min(?:ute)?s?\s+read\b"
    r"|\bpreferred\s+(?:source\b)?[^.]{0,60}?\bon\s+Google\b\.?|\b(?:Add|Prefer)\s+[^.]{0,40}?\bon\s+Google\b\.?"
    r"|\b(?:last\s+)?(?:updated|modified|published|posted)\b(?:\s+on)?",
    re.IGNORECASE,
)
LEAST_STORY = 15  # words the story keeps after the cut
MOST_CHROME = 0.6  # the chrome ends in the paragraph's first 60% of words
LEAST_CUES = 2  # one cue alone is too often the story's own words ("BBC correspondent Shaun Ley says")
LEAST_CHROME = 4  # words
MOST_LOWER = 0.5  # share in lower case of the chrome's words no cue explains: more is prose
MOST_BETWEEN = 6  # words of credits between the last cue and the story ("BBC World Service Getty Images")


def story_start(text: str) -> int:
    """Where the story begins in a paragraph glued to the chrome above it (a character offset),
    or 0 when nothing before it is recognisably chrome."""
    words = list(re.finditer(r"\S+", text))
    if len(words) < LEAST_STORY + 3:
        return 0
    limit = words[int(len(words) * MOST_CHROME)].start()
    spans = [m.span() for m in _CUES.finditer(text, 0, limit)]
    spans += [(start, end) for start, end, _ in find_dates(text[:limit])
              if re.search(r"\d{4}|\d:\d\d", text[start:end])]
    if len(spans) < LEAST_CUES:
        return 0
    cue = max(end for _, end in spans)
    # The words before it that no cue explains: names, labels, credits; prose if mostly lower case.
    rest = [w.group(0) for w in words if w.start() < cue
            and not any(start <= w.start() < end for start, end in spans)]
    if (sum(1 for w in words if w.start() < cue) < LEAST_CHROME
            or sum(w[:1].islower() for w in rest) > MOST_LOWER * len(rest)):
        return 0  # a sentence of the story that names a correspondent or a date
    after = [w for w in words if w.start() >= cue]
    if len(after) < LEAST_STORY or not _opens(after[0].group(0)):
        return 0  # not a sentence's start: the cue was the story's own words
    # A photo's credit or the desk's name may stand between ("BBC World Service Getty Images").
    n = 0
    while n < MOST_BETWEEN and (size := _source_name(after[n:n + 4])):
        n += size
    if n and n < len(after) - LEAST_STORY and _opens(after[n].group(0)):
        return after[n].start()
    return after[0].start()


def _opens(word: str) -> bool:
    return bool(re.match(r"[\"“‘']?[A-Z]", word))


def _source_name(words: list[re.Match[str]]) -> int:
    """How many of these words (the longest run first) name an agency or a known outlet."""
    for size in range(len(words), 0, -1):
        name = " ".join(w.group(0) for w in words[:size]).strip(",.")
        if _opens(name) and (agency(name) or known_outlet(name)):
            return size
    return 0
