"""Why a block is not the story: the checks no model score overrides (a legal notice, a
picture's caption or credit, a card printed twice) and the human reason shown for every block
the boilerplate model left out ("navigation: run of short link lines", "photo credit", ...).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.ingest import metadata
from reader.core.ingest.block_features import CREDIT, credit_at_end
from reader.core.ingest.blocks import Block

_MARKER = re.compile(r"^(?:see also|read more|also read|read next|related(?: stories| articles)?|more on this"
                     r"(?: story)?|recommended(?: for you)?|most (?:read|popular)|more in this section|"
                     r"more from [\w ]{1,30}|you may also like|watch|listen)\b\s*:?", re.IGNORECASE)
_RIGHTS = re.compile(r"\ball rights reserved\b|©|\bcopyright\s*(?:©|\(c\)|(?:19|20)\d\d)", re.IGNORECASE)
RIGHTS_NOTICE = 400  # characters: a rights notice longer than this has story text glued to it
# A photo caption signs off with its photographer and agency: "... in Madrid. (Manu Fernandez/AP)".
# A story's own wire credit ("(AP/Reuters)") names no person before the slash, and ends no caption.
# A pool photographer's credit names the agency after "via": "(Evan Vucci/Pool via AP)".
CAPTION_CREDIT = re.compile(r"\((?:[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,3})\s?/\s?[A-Z][\w.&'’ -]{1,40}"
                            r"(?:\svia\s[A-Z][\w.&'’ -]{1,40})?\)\s*$")
# ... or without brackets, after the caption's last sentence: "... oppose it. Jaafar ASHTIYEH / AFP",
# "... on the night.  Getty/Raul Arboleda". In the labelled sets 22 blocks end so, none of them body
# (15 of them kept by the model out of fold); no BBC or Reuters line does.
_SLASH_CREDIT = re.compile(r"[.!?][\"”’]?\s+[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}\s?/\s?"
                           r"[A-Z][\w.&'’-]*(?:\s(?:via\s)?[A-Z][\w.&'’-]*){0,3}\s*$")
TWICE_GLUE = 4  # words after a passage printed twice ("#shop", a credit) that still count as a card
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in (
        ("photo caption or credit",  # before the copyright: "Photograph © Reuters"
         r"\bphoto(?:graph)?\b|\bimage\b|\bpic\b|getty|shutterstock|\bcredit\b|caption|/ap\b|/reuters\b"),
        ("copyright footer", r"©|\bcopyright\b|all rights reserved"),
        ("cookie, privacy or terms notice", r"\bcookies?\b|\bprivacy\b|terms of (?:use|service)|consent"),
        ("newsletter or subscription promo",
         r"newsletter|subscri|sign ?up|sign in|log ?in|inbox|email address|download (?:the|our) app"),
        ("appeal for support", r"\bdonat|\bsupport (?:us|our|the)\b|contribution|journalism"),
        ("advertisement", r"\badvert|\bsponsored\b|\bad\b"),
        ("share and comment buttons", r"^(?:share|save|print|comment|email|tweet|copy link)\b"),
    ))


# Cues that name what a block asks of the reader (sign up, donate, click an ad, share): in a
# reported sentence the same words tell news ("if they also sign up for Beijing's framework",
# "Tubi is launching an ad campaign", "would no longer donate to"). Over the scrapes, seeds and
# two renderings of every html-train page, the 13 removed blocks this test takes the cue from
# are all such sentences (related stories, a crawler's description); no promo lost its reason.
_ASKING = frozenset({"newsletter or subscription promo", "appeal for support", "advertisement",
                     "share and comment buttons"})
_ADDRESSED = re.compile(r"\b(?:you|your|yours|our|us|we|i|me|my|now|today|free)\b", re.IGNORECASE)
REPORTED_WORDS = 12  # a sentence longer than this may report the words; a shorter block is a button


def _reported(text: str, cue: re.Pattern[str]) -> bool:
    """Whether a cue's words sit in a reported sentence: a long block ending like a sentence,
    addressing no reader, with no sentence opening on the cue ("Subscribe to ...")."""
    stripped = text.strip()
    if len(stripped.split()) <= REPORTED_WORDS or not re.search(r"[.!?][\"”’)]?$", stripped):
        return False
    if _ADDRESSED.search(stripped):
        return False
    return not any(m.start() == 0 or re.search(r"[.!?:*\[_]\s*$", stripped[:m.start()])
                   for m in cue.finditer(stripped))


def never_story(text: str) -> bool:
    """Whether a block is a legal notice or a picture's caption, however much it reads like a
    sentence."""
    # "All rights reserved", "©", "Copyright 2019": in the labelled sets 1,149 such blocks are not
    # body and 19 are, all of them photo credits such as "© Reuters" that the gold text kept. A
    # long block may be a paragraph the scraper glued a footer onto: that one stays.
    if _rights_notice(text):
        return True
    # Signed with a photographer's credit (in every labelled set, 26 blocks from 9 sites in
    # brackets and 22 without, none of them body).
    if signed_caption(text):
        return True
    # Ending with a picture's credit ("... (file photo) Photo:", "...Credit...Doug Mills/The New
    # York Times"): out of fold, 71 kept blocks of html-train and 1 of the scrapes are not body, 9
    # are (a page's "See more photos:"). A credit in brackets may close a paragraph the gold keeps
    # ("... (Photo Credit : PTI File Photo )").
    if _ends_with_credit(text.strip()):
        return True
    # Only a form's controls as a text browser prints them: "(BUTTON)", a field "______", a box "[ ]".
    if form_controls(text):
        return True
    # The same words printed twice: an image's alt text and its caption, or a promo card's title
    # and tooltip (in the labelled sets 155 such blocks are not body and 2 are, both captions the
    # gold text kept).
    return printed_twice(text)


# (A field takes its whole run of underscores, so a long run is read one way only, not split
# every way in turn when the line turns out to hold more.)
_FORM_CONTROLS = re.compile(r"^(?:\s*(?:\((?:BUTTON|RADIO)\)|\[(?:BUTTON|X| )\]|\( \)|\(\*\)|_{3,}(?!_)))+\s*$")


def form_controls(text: str) -> bool:
    """Whether a block is nothing but a form's buttons, fields and boxes as `lynx -dump` or w3m
    prints them ("(BUTTON)", "(BUTTON) (BUTTON)", "____________", "[ ]"): no words at all."""
    return bool(_FORM_CONTROLS.match(text))


# A row of share or save buttons: the cue alone, or followed by what it acts on or another button
# ("Save StorySave this story", "Share Close extra sharing options", "Print Email"); a headline
# goes on with its own words ("Share prices fall", "Email scam hits").
_BUTTON_ROW = re.compile(r"^(?:share|save|print|comments?|email|tweet|copy link)(?:\s*$|\s+(?:this|story|"
                         r"article|post|page|link|options|close|share|save|print|email|comment|tweet|"
                         r"\(button\)))", re.IGNORECASE)
_SKIP_LINK = re.compile(r"^skip to\b", re.IGNORECASE)
_CONTACT = re.compile(r"^(?:\s*(?:@\w+|[\w.+-]+@[\w-]+\.[\w.]+|https?://\S+|www\.\S+)[,;|·•]?)+\s*$")
# A menu printed on one line: four or more items of one or two words parted by bars or bullets
# ("Home | News | Sport | Weather"). A page title's parts are a headline and a site's name.
_MENU_ROW = re.compile(r"^[^|·•]{1,24}(?:\s[|·•]\s[^|·•]{1,24}){3,}$")
# A prompt to follow the site elsewhere: "Follow us", "Follow RT on", "Follow Vox online:",
# "Follow Newsbeat on Instagram, Facebook ..." ("Follow live: ..." opens a live page's headline).
_FOLLOW = re.compile(r"^follow\s+(?:us\b|@\w+|[\w&.'’-]+(?:\s+[\w&.'’-]+){0,3}\s+(?:on|online)\s*:?\s*$"
                     r"|.{0,60}\b(?:facebook|twitter|instagram|youtube|linkedin|tiktok|telegram|whatsapp|"
                     r"bluesky)\b)", re.IGNORECASE)


def never_headline(text: str) -> bool:
    """Whether a line is page chrome by its words alone, so never a page's headline: a legal
    notice or caption (never_story), a row of share or save buttons, a skip link, only
    handles and addresses ("@rayssamalmeida rayssa.almeida@rnz.co.nz"), a menu printed on one
    line ("Home | News | Sport | Weather"), or a prompt to follow the site ("Follow RT on")."""
    stripped = text.strip()
    return bool(never_story(stripped) or _BUTTON_ROW.search(stripped) or _SKIP_LINK.search(stripped)
                or _CONTACT.match(stripped) or _menu_row(stripped) or _FOLLOW.match(stripped))


def _menu_row(text: str) -> bool:
    return bool(_MENU_ROW.match(text)) and all(
        len(part.split()) <= 2 for part in re.split(r"\s[|·•]\s", text))


_WORD = re.compile(r"\w+")
# What lower() leaves of the letters that _RIGHTS, case-blind, also takes for i and s ("İ" lowers
# to "i" and a combining dot), so that the words can be looked for before the pattern is run.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})


def _rights_notice(text: str) -> bool:
    """_RIGHTS.search on a text short enough to be a notice, run only where its words are (the
    case-blind pattern costs ~25 µs on a paragraph; most blocks are spared it)."""
    if len(text) > RIGHTS_NOTICE:
        return False
    if "©" not in text:
        folded = text.lower()
        if not folded.isascii():
            folded = folded.translate(_FOLD)
        if "all rights reserved" not in folded and "copyright" not in folded:
            return False
    return bool(_RIGHTS.search(text))


def signed_caption(text: str) -> bool:
    """Whether a text ends with a photographer's and an agency's names joined by a slash."""
    if "/" not in text:
        return False  # (both credits hold one; most blocks are spared the searches)
    text = text.strip()
    return bool(CAPTION_CREDIT.search(text) or _SLASH_CREDIT.search(text))


# The credit's word whole: "Topic: Hardware" closing a byline row is no "pic: ..." credit. (The
# model's feature keeps the search it was trained with, block_features.CREDIT.)
_CREDIT_WORD = re.compile(r"\b" + CREDIT.pattern, CREDIT.flags)


def _ends_with_credit(text: str) -> bool:
    """Whether a text ends with a picture's credit that is not in brackets."""
    tail = text[-120:]
    match = credit_at_end(tail, _CREDIT_WORD)
    return match is not None and not re.search(r"\([^()]*$", tail[: match.start() + 1])


def printed_twice(text: str) -> bool:
    """Whether a text is one passage of 8 words or more printed twice in a row (a few words of
    glue after it allowed): "Police stand outside the station in Rambouillet, where ... Police
    stand outside the station in Rambouillet, where ..." (an alt text, then the same caption)."""
    lower = text.lower()
    # A passage printed twice holds each of its first words twice: the longest of them, looked
    # for as a string, spares most blocks the word list.
    first = _WORD.findall(lower, 0, 48)[:8]
    if first and lower.count(max(first, key=len)) < 2:
        return False
    words = _WORD.findall(lower)
    n = len(words)
    for cut in range(max(8, n // 2 - 2), n // 2 + 1):
        if words[cut:2 * cut] == words[:cut] and n - 2 * cut <= TWICE_GLUE:
            return True
    return False


def explain(blocks: Sequence[Block], i: int, p: float, start: int, end: int,
            runs: Sequence[int] | None = None) -> str:
    """A human reason for a block the model left out of the body (`runs`: short_runs(blocks),
    for a caller explaining many blocks of one page)."""
    block = blocks[i]
    text = block.text
    if not text:
        if block.images:
            return "image"
        return "link without text" if block.links else "markup only"
    if signed_caption(text):
        return "photo caption (signed with the photographer's credit)"
    if form_controls(text):
        return "form control (a button or an input field)"
    if printed_twice(text):
        return "caption or card (its words printed twice: an image's text and its caption)"
    if start < i < end and text.lstrip().startswith("©") and len(text.split()) <= 8:
        return "photo credit"  # "© Amazon" between paragraphs credits a picture, not the page
    marker = _MARKER.match(text.strip())
    if marker and len(text.split()) <= 12:
        return f"'{marker.group(0).strip(' :')}' link marker"
    for reason, cue in _CUES:
        if cue.search(text) and len(text) < 600 and not (reason in _ASKING and _reported(text, cue)):
            return reason
    words = len(text.split())
    link_share = block.link_chars / len(text) if text else 0.0
    if link_share >= 0.5 and (runs if runs is not None else short_runs(blocks))[i] >= 3:
        return ("navigation: run of short link lines" if words <= 5
                else "related headlines: run of links")
    if block.depth and words <= 6:
        return "navigation: menu item"
    if link_share >= 0.5:
        return "link to another page"
    if re.search(r"\d", text) and metadata.is_date_line(text):
        return "date or time line"
    if block.heading and i > end:
        return "heading of a section after the article"
    if i < start:
        return f"page header before the article ({'menu or label' if words <= 6 else 'not article text'})"
    if i < end and words <= 20 and not re.search(r"[.!?\"”]$", text):
        return "headline or label inside the story (a link to another article?)"
    if i > end:
        return "after the article's last paragraph (related links, footer)"
    return f"not article text (model score {p:.2f})"


def _short(b: Block) -> bool:
    return len(b.text.split()) <= 8 or (bool(b.text) and b.link_chars >= 0.5 * len(b.text))


def short_runs(blocks: Sequence[Block]) -> list[int]:
    """For every block, how many neighbouring blocks in a row are short or mostly links, itself
    included: counted in one pass each way (a page of 3,000 menu lines took seconds when each
    removed line walked its own run)."""
    short = [_short(b) for b in blocks]
    before = [0] * len(blocks)  # short blocks in a row just before each one
    for i in range(1, len(blocks)):
        before[i] = before[i - 1] + 1 if short[i - 1] else 0
    after = [0] * len(blocks)
    for i in range(len(blocks) - 2, -1, -1):
        after[i] = after[i + 1] + 1 if short[i + 1] else 0
    return [b + 1 + a for b, a in zip(before, after)]
