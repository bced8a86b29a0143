"""ArticleView: an article's paragraphs as widgets, mounted lazily so huge articles stay responsive."""

from __future__ import annotations

from collections.abc import Iterator

from textual.containers import VerticalScroll
from textual.widgets import Static

from reader.ui.render import Block

CHUNK = 200  # paragraphs mounted at a time


class ArticleView(VerticalScroll):
    """Scrollable article body; `show` takes rendered blocks, `reveal` scrolls to a body offset."""

    DEFAULT_CSS = """
    ArticleView { padding: 0 2; }
    ArticleView > .paragraph, ArticleView > .heading, ArticleView > .removed { margin-bottom: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pending: Iterator[Block] | None = None
        self._starts: list[tuple[int, int, Static]] = []
        self._revealing: Static | None = None  # the paragraph a reveal() waits to scroll to

    @property
    def revealing(self) -> bool:
        """Whether a reveal() still waits for its paragraph to be laid out."""
        return self._revealing is not None

    def show(self, blocks: Iterator[Block], header: Static | None = None, keep_scroll: bool = False) -> None:
        """Replace the content with these blocks (first CHUNK now, the rest as the user scrolls)."""
        y = self.scroll_y
        self.remove_children()
        self._starts = []
        self._pending = blocks
        if header is not None:
            self.mount(header)
        self._mount_more()
        if keep_scroll:
            self.call_after_refresh(self.scroll_to, y=y, animate=False)
        else:
            self.scroll_home(animate=False)

    def _mount_more(self, count: int = CHUNK) -> bool:
        if self._pending is None:
            return False
        widgets = []
        for block in self._pending:
            widget = Static(block.text, classes=block.kind)
            widgets.append(widget)
            self._starts.append((block.start, block.end, widget))
            if len(widgets) >= count:
                break
        else:
            self._pending = None
        if widgets:
            self.mount_all(widgets)
        return bool(widgets)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self._pending is not None and new >= self.max_scroll_y - self.size.height:
            self._mount_more()

    def top_offset(self) -> int | None:
        """The body offset of the first paragraph in view: where the reader is."""
        top = self.scroll_y
        for start, _, widget in self._starts:
            if widget.is_attached and widget.virtual_region.bottom > top and not widget.has_class("removed"):
                return start
        return None

    def reveal(self, offset: int | None, exact: bool = False) -> None:
        """Scroll so the paragraph holding body[offset] is in view, mounting up to it if needed.

        `exact`: put that paragraph at the top even when the scroll is at the very start (the
        reading position kept across a redraw)."""
        if offset is None:
            return
        while (not self._starts or self._starts[-1][1] < offset) and self._mount_more():
            pass
        for start, end, widget in self._starts:
            if start <= offset <= end and not widget.has_class("removed"):
                if exact and widget is self._first_paragraph():
                    self.call_after_refresh(self.scroll_home, animate=False)
                    return
                self._revealing = widget
                self._scroll_when_laid_out(widget, tries=25)
                return

    def _first_paragraph(self) -> Static | None:
        return next((w for _, _, w in self._starts if not w.has_class("removed")), None)

    def _scroll_when_laid_out(self, widget: Static, tries: int) -> None:
        """A freshly mounted paragraph has no place yet: try again shortly until it has one."""
        if widget.is_attached and widget.region.height and widget.virtual_region.y <= self.virtual_size.height:
            self.scroll_to_widget(widget, animate=False, top=True)
            # Paragraphs below may still be taking their height: scroll again once they have it,
            # so the view does not stop short of the paragraph, clamped by a shorter page.
            self.call_after_refresh(self._scroll_again, widget)
        elif tries:
            self.set_timer(0.02, lambda: self._scroll_when_laid_out(widget, tries - 1))
        else:
            self._done_revealing(widget)

    def _scroll_again(self, widget: Static, tries: int = 10) -> None:
        """Scroll to the paragraph once more; on a loaded machine the paragraphs above it may
        still take their height after this, moving it down: follow it until it stays put (or the
        page's end holds it where it is)."""
        self.scroll_to_widget(widget, animate=False, top=True)
        placed = widget.virtual_region.y - self.scroll_y

        def check() -> None:
            moved = widget.virtual_region.y - self.scroll_y != placed
            if moved and tries and widget.is_attached and self.scroll_y < self.max_scroll_y:
                self._scroll_again(widget, tries - 1)
            else:
                self._done_revealing(widget)

        self.call_after_refresh(check)

    def _done_revealing(self, widget: Static) -> None:
        if self._revealing is widget:  # not an earlier reveal, overtaken by this one
            self._revealing = None
