"""A removed piece as the article view shows it (reader/ui/render.py), on plain data."""

from reader.core.models import Removed
from reader.ui.render import removed_block


def test_a_removed_piece_names_its_line_only_where_the_file_has_one():
    reason = removed_block(Removed("READ MORE", "'READ MORE' link marker", 7), 0).text.plain.split("\n")[0]
    assert reason == "✂ 'READ MORE' link marker (line 7)"
    # An HTML page's paragraphs have no line of their own (0): no "(line 0)".
    reason = removed_block(Removed("Sign up for our newsletter", "promo", 0), 0).text.plain.split("\n")[0]
    assert reason == "✂ promo"
