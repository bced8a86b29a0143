"""Label the blocks of a rendered page against its gold article body: body, not body, or unsure."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)
N = 4  # word n-grams compared with the gold body


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class Gold:
    """The gold body as word n-grams, as whole paragraphs, and as one normalised string."""

    def __init__(self, text: str) -> None:
        tokens = words(text)
        self.grams = {tuple(tokens[i:i + N]) for i in range(len(tokens) - N + 1)}
        self.joined = " " + " ".join(tokens) + " "
        self.paragraphs = {" ".join(words(p)) for p in text.splitlines() if p.strip()}

    def label(self, text: str) -> int | None:
        """1 when the text is article body, 0 when it is not, None when matching cannot tell."""
        tokens = words(text)
        if not tokens:
            return 0
        if len(tokens) < N + 2:
            key = " ".join(tokens)
            if key in self.paragraphs:
                return 1  # a short paragraph or subheading of the article
            # A few words that occur in the body may be a fragment of it or a menu item that
            # happens to match ("World Cup 2022"): matching cannot tell.
            return None if f" {key} " in self.joined else 0
        grams = [tuple(tokens[i:i + N]) for i in range(len(tokens) - N + 1)]
        share = sum(g in self.grams for g in grams) / len(grams)
        if share >= 0.6:
            return 1
        if share <= 0.2:
            return 0
        return None
