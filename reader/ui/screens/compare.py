"""The compare screen: two articles side by side, shared passages aligned and tinted."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from reader.core.models import Article
from reader.core.relate import Comparison
from reader.ui import render
from reader.ui.widgets.article_view import ArticleView


def summary(c: Comparison) -> Text:
    differing = [f for f in c.figures if not f["agree"]]
    quotes = [q for q in c.quotes if q["relation"] != "same"]
    return Text.assemble(
        ("same wording ", "dim"), (f"{c.similarity:.0%}", "bold"),
        (" of the two texts, in ", "dim"), (str(len(c.shared_passages)), "bold"),
        (" shared passages (A ", "dim"), (f"{c.shared_share_a:.0%}", "bold"),
        (" · B ", "dim"), (f"{c.shared_share_b:.0%}", "bold"), (")", "dim"),
        ("  shared entities ", "dim"), (str(len(c.shared_entities)), "bold"),
        ("  figures differ ", "dim"), (str(len(differing)), "bold #ffb86c" if differing else "bold"),
        ("  quotes differ ", "dim"), (str(len(quotes)), "bold #ffb86c" if quotes else "bold"),
    )


def details(c: Comparison) -> Text:
    out = Text()
    out.append("Only in A: ", style="bold")
    out.append(", ".join(n for n, _ in c.only_a_entities[:15]) or "—")
    out.append("\nOnly in B: ", style="bold")
    out.append(", ".join(n for n, _ in c.only_b_entities[:15]) or "—")
    for f in c.figures:
        if not f["agree"]:
            out.append(f"\nFigure ({f['unit']}): ", style="bold #ffb86c")
            out.append("A " + "; ".join(x["text"] for x in f["a"]) + "  |  B " + "; ".join(x["text"] for x in f["b"]))
    for q in c.quotes:
        if q["relation"] != "same":
            out.append(f"\nQuote, {q['relation']}: ", style="bold #ffb86c")
            out.append(f"A ({q['speaker_a'] or 'speaker unknown'}) “{q['a_text']}”  |  B ({q['speaker_b'] or 'speaker unknown'}) “{q['b_text']}”")
    return out


def side_blocks(article: Article, spans: list[tuple[int, int, str]]) -> list[render.Block]:
    spans = sorted(spans)
    return [render.Block("paragraph", render.tinted(article.body, s, e, spans), s, e)
            for s, e in render.iter_paragraphs(article.body)]


class CompareScreen(Screen[None]):
    """A on the left, B on the right; shared passages tinted alike, text only one side has in red."""

    BINDINGS = [
        Binding("escape,backspace", "back", "Back"),
        Binding("tab", "switch_side", "Side"),
        Binding("right_square_bracket", "next_shared", "Shared", key_display="]"),
        Binding("d", "next_difference", "Only here"),
        Binding("i", "toggle_details", "Details"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
        Binding("left_square_bracket", "previous_shared", "Prev shared", key_display="["),
    ]

    def __init__(self, a: str, b: str) -> None:
        super().__init__()
        self.a_id, self.b_id = a, b
        self.comparison: Comparison | None = None
        self.pair = -1
        self.difference = {"a": -1, "b": -1}  # each side steps through its own passages
        self._syncing = False
        self._shown: tuple[Article, Article] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Comparing…", id="compare-summary")
        with Horizontal(id="compare-panes"):
            yield ArticleView(id="side-a")
            yield ArticleView(id="side-b")
        with VerticalScroll(id="compare-details"):
            yield Static(id="compare-details-text")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "compare"
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        library = self.app.library  # type: ignore[attr-defined]
        a, b = library.get(self.a_id), library.get(self.b_id)
        comparison = library.compare(a.id, b.id)
        self.app.call_from_thread(self.show, a, b, comparison)

    def recolour(self) -> None:
        if self._shown is not None and self.comparison is not None:
            self.show(*self._shown, self.comparison, focus=False)

    def show(self, a: Article, b: Article, c: Comparison, focus: bool = True) -> None:
        self.comparison = c
        self._shown = (a, b)
        colours = self.app.colours  # type: ignore[attr-defined]
        spans_a: list[tuple[int, int, str]] = []
        spans_b: list[tuple[int, int, str]] = []
        for n, p in enumerate(c.shared_passages):
            style = colours.shared[n % len(colours.shared)]
            spans_a.append((p.a_start, p.a_end, style))
            spans_b.append((p.b_start, p.b_end, style))
        spans_a += [(p.start, p.end, colours.only) for p in c.only_a]
        spans_b += [(p.start, p.end, colours.only) for p in c.only_b]
        for side, article, spans in (("a", a, spans_a), ("b", b, spans_b)):
            head = Text()
            head.append(f" {side.upper()} ", style="bold reverse")
            head.append(" ")
            head.append_text(render.header(article))
            self.query_one(f"#side-{side}", ArticleView).show(
                iter(side_blocks(article, spans)), Static(head, classes="article-header"))
        self.query_one("#compare-summary", Static).update(summary(c))
        self.query_one("#compare-details-text", Static).update(details(c))
        if not focus:
            return
        self.watch(self.query_one("#side-a"), "scroll_y", lambda y: self._follow("#side-a", "#side-b"))
        self.watch(self.query_one("#side-b"), "scroll_y", lambda y: self._follow("#side-b", "#side-a"))
        self.query_one("#side-a").focus()

    def _follow(self, source: str, target: str) -> None:
        """Keep the other side in step (proportionally) when the user scrolls one side."""
        if self._syncing:
            return
        src, dst = self.query_one(source, ArticleView), self.query_one(target, ArticleView)
        if not src.has_focus:
            return
        self._syncing = True
        ratio = src.scroll_y / src.max_scroll_y if src.max_scroll_y else 0.0
        dst.scroll_to(y=ratio * dst.max_scroll_y, animate=False)
        self._syncing = False

    def _reveal_both(self, a_offset: int, b_offset: int) -> None:
        self._syncing = True
        self.query_one("#side-a", ArticleView).reveal(a_offset)
        self.query_one("#side-b", ArticleView).reveal(b_offset)
        self.call_after_refresh(setattr, self, "_syncing", False)

    def action_next_shared(self) -> None:
        self._step_shared(1)

    def action_previous_shared(self) -> None:
        self._step_shared(-1)

    def _step_shared(self, step: int) -> None:
        if not self.comparison or not self.comparison.shared_passages:
            self.notify("No shared passages")
            return
        self.pair = (self.pair + step) % len(self.comparison.shared_passages)
        p = self.comparison.shared_passages[self.pair]
        self._reveal_both(p.a_start, p.b_start)
        self.sub_title = (f"shared passage {self.pair + 1} of {len(self.comparison.shared_passages)}"
                          f" · {p.similarity:.0%} the same words")

    def action_next_difference(self) -> None:
        if not self.comparison:
            return
        side = "a" if self.query_one("#side-a").has_focus else "b"
        passages = self.comparison.only_a if side == "a" else self.comparison.only_b
        if not passages:
            self.notify("Nothing on this side that the other lacks")
            return
        self.difference[side] = (self.difference[side] + 1) % len(passages)
        n = self.difference[side]
        view = self.query_one(f"#side-{side}", ArticleView)
        view.reveal(passages[n].start)
        self.sub_title = f"{side.upper()} only: {n + 1} of {len(passages)}"

    def action_switch_side(self) -> None:
        target = "#side-b" if self.query_one("#side-a").has_focus else "#side-a"
        self.query_one(target).focus()

    def action_toggle_details(self) -> None:
        panel = self.query_one("#compare-details")
        panel.display = not panel.display

    def action_back(self) -> None:
        self.app.pop_screen()
