"""Plain text into blocks: hard-wrapped paragraphs are joined."""

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


def test_a_hard_wrapped_text_is_read_as_paragraphs():
    """A text cut at a fixed width (a lynx dump, a wire story) is joined back into its
    paragraphs; a blank line ends one."""
    blocks = split_blocks("\n".join(WRAPPED), markdown=False)
    assert [(b.line, b.end) for b in blocks] == [(1, 4), (6, 9), (11, 13)]
    assert all(b.wrapped for b in blocks)
    assert blocks[1].text.startswith("Young, in his testimony") and blocks[1].text.endswith("the HLS program.")
