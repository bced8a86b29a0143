"""ArticleTable: the article list, a DataTable with fixed column widths that scales to large libraries."""

from __future__ import annotations

from collections.abc import Iterable

from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

COLUMNS = (("state", "", 1), ("title", "Title", 40), ("outlet", "Outlet", 16), ("date", "Date", 10))
UNREAD, BOOKMARK = "●", "⚑"  # the state column: unread, bookmarked


def state_cell(unread: bool, bookmarked: bool) -> str:
    """One cell: the bookmark if any, else the unread dot (an unread title is also bold)."""
    return BOOKMARK if bookmarked else UNREAD if unread else " "


class ArticleTable(DataTable[object]):
    """Rows keyed by article id; the title column takes the width the others leave.

    DataTable measures every cell of every new row to size auto-width columns: with 20,000
    articles that is seconds of work. Here every width is fixed, so nothing is measured.
    """

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width)

    def on_resize(self) -> None:
        self.fit_columns()
        self.call_after_refresh(self.fit_columns)  # again once scrollbars have settled

    def fit_columns(self) -> None:
        """Give the title whatever the other columns leave, so nothing scrolls sideways."""
        title = self.columns.get("title")  # type: ignore[call-overload]
        width = self.scrollable_content_region.width
        if title is None or not width:
            return
        others = sum(w for key, _, w in COLUMNS if key != "title")
        padding = 2 * self.cell_padding * len(COLUMNS)
        title.width = max(12, width - others - padding - 1)
        self._set_virtual_size()
        self.refresh()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
        else:
            self._set_virtual_size()

    def _set_virtual_size(self) -> None:
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width, self.row_count + header)  # every row is one line high
