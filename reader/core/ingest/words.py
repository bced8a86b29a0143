"""Words: a line's words (words_of), and the stop words, the English function words that say
nothing of what a text is about.

Kept apart from block_features (which needs numpy) so that the language stage and the
interface can use them without loading numpy."""

import re

STOP_WORDS = frozenset("""
a about after against all also an and any are as at be because been before being between both but
by can could did do does during each for from had has have he her here him his how i if in into is
it its just more most my no nor not of off on once one only or other our out over own said same she
should so some such than that the their them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your
""".split())


def words_of(text: str) -> list[str]:
    """A line's words: runs of letters, digits, apostrophes and hyphens opening with a letter."""
    return re.findall(r"[^\W\d_][\w'’-]*", text)
