"""Plain text into blocks: hard-wrapped paragraphs are joined, lines of a menu are not."""

from reader.core.ingest.blocks import split_blocks

WRAPPED = [
    "Stafford, earlier in the hearing, was adamant about the importance of a heavy-lift",
    "launch vehicle. “If you don’t have a big booster, you’re not going to make it,” he",
    "said. “You have to have a big shroud, which leads you to a big, wide-diameter",
    "booster. If you don’t have it, you’re not going to make it.”",
    "",
    "Young, in his testimony, didn’t specifically address the use of SLS versus commercial",
    "rockets, but did criticize what he called “experiments” in procurement. “Managing and",
    "contracting experiments must be excluded from the Mars-Moon program,” he said. Asked",
    "later for an example of such an experiment, he brought up the HLS program.",
    "",
    "“A management experiment in my view would be to buy seats for crews to fly to the",
    "surface of the Moon,” he said. “I personally think that these should be",
    "government-acquired assets under the leadership and direction of NASA.”",
]


def test_a_hard_wrapped_text_set_in_from_the_margin_is_read_as_paragraphs():
    """w3m prints a page's text column where the page sets it: 18 spaces in, cut at 85
    characters of text. The wrap is measured on the text, not on the spaces before it."""
    for indent in (0, 18):
        text = "\n".join(" " * indent + line if line else "" for line in WRAPPED)
        blocks = split_blocks(text, markdown=False)
        assert [(b.line, b.end) for b in blocks] == [(1, 4), (6, 9), (11, 13)], indent
        assert all(b.wrapped for b in blocks)
        assert blocks[1].text.startswith("Young, in his testimony") and blocks[1].text.endswith("the HLS program.")


def test_indented_menu_items_are_not_joined_into_a_paragraph():
    """inscriptis indents a page's menus: their lines are long only by their spaces."""
    menu = [" " * 30 + item for item in ("Subscribe", "Log In", "World", "Business")]
    for text in ("\n".join(menu), "\n".join([*menu, "", *WRAPPED])):
        blocks = split_blocks(text, markdown=False)
        assert [b.text for b in blocks[:4]] == ["Subscribe", "Log In", "World", "Business"]
        assert not any(b.wrapped for b in blocks[:4])
