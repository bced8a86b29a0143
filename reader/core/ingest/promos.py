"""Kept blocks that the wording model (wording.py) says are not story: a sentence worded like
a promo, a short passage standing apart from the story and promo-like throughout (a newsletter
box), a heading the story ends on. On a page in English only; each rule changes `keep` in
place and returns the reason of each block it removed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.core.ingest import story_shape, wording
from reader.core.ingest.blocks import Block


def drop_worded(blocks: Sequence[Block], keep: list[bool],
                words: Mapping[int, list[str]]) -> dict[int, str]:
    """Remove kept blocks worded like promos (wording.py), on a page in English; returns each
    removed block's reason. `words`: the blocks' tokens() (wording.read_words)."""
    model = wording.model()
    dropped = {}
    for i, block_words in words.items():
        if keep[i] and wording.judged(blocks[i], block_words):
            p = model.probability(blocks[i].text, block_words)
            if p < model.threshold:
                keep[i] = False
                dropped[i] = f"worded like a promo or another story's headline (wording model {p:.2f})"
    return dropped


PROMO_RUN = 3  # blocks: a newsletter box or a subscription pitch, not a passage of the story
PROMO_RUN_MEAN, PROMO_RUN_MAX = 0.3, 0.5  # wording probabilities of such a run's blocks


def drop_runs(blocks: Sequence[Block], keep: list[bool],
              words: Mapping[int, list[str]]) -> dict[int, str]:
    """Remove a short run of kept blocks, cut off from the rest of the story by removed ones,
    whose wording is promo-like throughout ("Sign up to Business Today" / "Free daily
    newsletter" / "Get set for the working day - we'll point you to ..."): each of its blocks
    alone is too short or too near the wording model's threshold to go, but a passage of the
    story does not stand apart with none of its sentences worded like one. A run with the most
    words of the page is the story, whatever its wording. Returns each removed block's reason."""
    model = wording.model()
    runs = story_shape.kept_runs(blocks, keep)
    if len(runs) < 2:
        return {}
    size = [sum(len(blocks[i].text.split()) for i in run) for run in runs]
    dropped: dict[int, str] = {}
    for run, n in zip(runs, size):
        if len(run) > PROMO_RUN or n >= max(size) or any(i not in words for i in run):
            continue
        scores = {i: model.probability(blocks[i].text, words[i]) for i in run}
        scored = [scores[i] for i in run if len(words[i]) >= 3]
        if scored and sum(scored) / len(scored) < PROMO_RUN_MEAN and max(scored) < PROMO_RUN_MAX:
            for i in run:
                keep[i] = False
                dropped[i] = (f"a short passage apart from the story, promo-like throughout "
                              f"(wording model {scores[i]:.2f})")
    return dropped


def drop_trailing_label(blocks: Sequence[Block], keep: list[bool],
                        words: Mapping[int, list[str]]) -> dict[int, str]:
    """Remove the story's last kept block when it is a heading (a short line with no sentence
    stop) right after a paragraph, worded unlike the story (wording model below PROMO_RUN_MEAN):
    a story does not end on a subheading, so it is the label of what follows ("You Might Also
    Like", "More Great WIRED Stories", "Tags ..."). Returns its reason."""
    kept = [i for i, k in enumerate(keep) if k and blocks[i].text]
    if len(kept) < 2 or kept[-1] not in words:
        return {}
    last, before = kept[-1], kept[-2]
    if not story_shape.is_label(blocks[last].text) or not story_shape.a_lead_sentence(blocks[before].text):
        return {}
    p = wording.model().probability(blocks[last].text, words[last])
    if p >= PROMO_RUN_MEAN:
        return {}
    keep[last] = False
    return {last: f"after the story's last paragraph, a heading worded unlike it (of a list or box that follows: "
                  f"wording model {p:.2f})"}
