"""The library screen: the article list beside a preview of the highlighted article."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from reader.ui import render


class LibraryScreen(Screen[None]):
    """Articles on the left, the highlighted one on the right; Enter opens it."""

    BINDINGS = [
        Binding("enter", "open", "Open", show=True),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="library"):
            yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="preview"):
                yield Static(id="preview-header")
                yield Static(id="preview-body")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#articles", DataTable)
        table.add_column("title", key="title")
        table.add_column("outlet", key="outlet")
        table.add_column("date", key="date")
        self.reload()
        table.focus()

    def reload(self) -> None:
        """Refill the list from the catalogue, keeping the cursor on the same article."""
        table = self.query_one("#articles", DataTable)
        current = self.current_id()
        table.clear()
        for row in self.app.library.summaries():  # type: ignore[attr-defined]
            table.add_row(render.literal(row.title), render.literal(row.outlet or "—"),
                          (row.published or "")[:10], key=row.id)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current))
        self.show_preview()

    def current_id(self) -> str | None:
        table = self.query_one("#articles", DataTable)
        if not table.row_count:
            return None
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(key.value)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_preview()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def show_preview(self) -> None:
        article_id = self.current_id()
        head = self.query_one("#preview-header", Static)
        text = self.query_one("#preview-body", Static)
        if article_id is None:
            head.update("No articles yet: add some with `reader add PATH`.")
            text.update("")
            return
        article = self.app.library.get(article_id)  # type: ignore[attr-defined]
        head.update(render.header(article))
        text.update(render.body(article, article.entities))

    def action_open(self) -> None:
        from reader.ui.screens.article import ArticleScreen

        article_id = self.current_id()
        if article_id is not None:
            self.app.push_screen(ArticleScreen(article_id))
