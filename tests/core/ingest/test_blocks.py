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


def test_a_copy_that_prints_an_element_per_line_is_not_read_as_wrapped():
    """Some of a copy's lines are as long as a wrapped text's, but each is a whole element: the
    next line starts with a capital, not the rest of a sentence. A byline under a one-line
    standfirst stays a line of its own."""
    lines = ["Home", "News", "World", "Harbour strike halts grain shipments for a second day",
             "Dock workers stayed off the job on Tuesday in a dispute over pay and hours",
             "By Laura Mowat", "PUBLISHED: 10:48, Tue, Nov 19, 2019",
             "The port authority said talks would resume on Thursday with a mediator present",
             "Related articles", "Grain prices climb as the strike at the eastern terminal goes on",
             "Sailors stranded as ferries stay in port for the third week running now",
             "Harbour master warns of a backlog of ships waiting outside the breakwater",
             "Unions say the vote for the strike was the largest in the port's long history",
             "Ferry operators count the cost of a month of cancelled crossings to the islands"]
    blocks = split_blocks("\n".join(lines), markdown=False)
    assert [b.text for b in blocks] == lines
    assert not any(b.wrapped for b in blocks)


def test_a_line_longer_than_the_column_neither_continues_nor_is_continued():
    """A paragraph printed on one line among wrapped ones was never cut at the column."""
    standfirst = ("CHINA has sent troops to the harbour in a bid to restore order after months of "
                  "strikes, and the port authority warned that the blockade could last for weeks.")
    text = "\n".join(WRAPPED[:4] + ["", standfirst, "By Laura Mowat", ""] + WRAPPED[5:])
    blocks = split_blocks(text, markdown=False)
    assert [b.text for b in blocks if not b.wrapped] == [standfirst, "By Laura Mowat"]
    assert sum(b.wrapped for b in blocks) == 3


def test_indentation_does_not_make_short_lines_read_as_a_wrapped_paragraph():
    """A renderer that indents by nesting (inscriptis) prints a date, a name and a caption as
    deeply indented lines: their widths with the indent look alike, their words do not."""
    lines = ["                            Published Tue, Nov 19 2019 7:05 AM EST",
             "                                    Keris Lahiff@kerisalison",
             "                              VIDEO 3:45 03:45",
             "                              Trading Nation"]
    blocks = split_blocks("\n".join(lines), markdown=False)
    assert [b.text for b in blocks] == [line.strip() for line in lines]


def test_widths_are_counted_in_terminal_columns():
    """A text browser wraps at a column count, where a Chinese, Japanese or Korean character
    takes two: Japanese paragraphs of about 60 characters are 120 columns, not lines cut at 60."""
    from reader.core.ingest.blocks import columns, wrap_width

    assert columns("Kindle") == 6 and columns("日本語") == 6 and columns("Kindle版") == 8
    lines = ["まずスタートメニューからkindleのプログラムを探し、右クリックしてから次へ進みます。",
             "そして表示されるメニューから「その他」を選び、「ファイルの場所を開く」を押します。",
             "開いたフォルダの中にあるショートカットを右クリックして、プロパティを表示します。",
             "ショートカットキーの欄に入っている文字を消して、適用を押せば設定は完了となります。",
             "これでキーを押してもアプリが立ち上がらなくなり、作業の邪魔をされることもありません。",
             "もし元に戻したいときは、同じ手順でショートカットキーを設定し直せば大丈夫です。",
             "パソコンを再起動しても設定はそのまま残るので、一度変えておけば安心して使えます。",
             "ほかのアプリでも同じように設定できるので、困ったときには試してみてください。"]
    paragraphs = [a + b[:20] for a, b in zip(lines, lines[1:] + lines[:1])]  # 58-64 characters
    assert wrap_width([line for pair in zip(paragraphs, [""] * 8) for line in pair]) is None
