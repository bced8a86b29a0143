"""ArticleTable: the article list, a DataTable with fixed column widths that scales to large libraries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from reader.core.library import Summary

COLUMNS = (("state", "", 1), ("title", "Title", 40), ("outlet", "Outlet", 16), ("date", "Date", 10))
UNREAD, BOOKMARK = "●", "⚑"  # the state column: unread, bookmarked
FIRST_ROWS = 300  # rows shown before the first paint; the rest follow in chunks
ROW_CHUNK = 2000


@dataclass
class Marks:
    """What the rows show besides the article: paths read and bookmarked, the article marked for compare."""

    read: set[str] = field(default_factory=set)
    bookmarks: set[str] = field(default_factory=set)
    marked: str | None = None


def state_cell(unread: bool, bookmarked: bool) -> str:
    """One cell: the bookmark if any, else the unread dot (an unread title is also bold)."""
    return BOOKMARK if bookmarked else UNREAD if unread else " "


class ArticleTable(DataTable[object]):
    """Rows keyed by article id; the title column takes the width the others leave.

    DataTable measures every cell of every new row to size auto-width columns: with 20,000
    articles that is seconds of work. Here every width is fixed, so nothing is measured.
    """

    class Filled(Message):
        """Every row of the last `show` is in the table."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.marks = Marks()
        self._generation = 0

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width)

    def show(self, rows: Sequence[Summary], keep: str | None) -> None:
        """Show the first rows at once and add the rest in chunks, so a large library paints fast;
        the cursor stays on `keep` (an article id) when it is among them."""
        self.clear()
        self._generation += 1
        self._add(rows[:FIRST_ROWS])
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep))
        if len(rows) > FIRST_ROWS:
            self._add_rest(rows, FIRST_ROWS, self._generation, keep)
        else:
            self.post_message(self.Filled())

    def _add_rest(self, rows: Sequence[Summary], start: int, generation: int, keep: str | None) -> None:
        if generation != self._generation:
            return  # a newer show replaced this one
        self._add(rows[start:start + ROW_CHUNK])
        if keep is not None and keep in self.rows and self.cursor_row == 0:
            self.move_cursor(row=self.get_row_index(keep))
        if start + ROW_CHUNK < len(rows):
            self.set_timer(0.01, lambda: self._add_rest(rows, start + ROW_CHUNK, generation, keep))
        else:
            self.post_message(self.Filled())

    def _add(self, rows: Sequence[Summary]) -> None:
        for row in rows:
            state, title = self._state_and_title(row)
            outlet = Text(row.outlet or "—", no_wrap=True, overflow="ellipsis")
            self.add_row(state, title, outlet, (row.published or "")[:10], key=row.id)

    def _state_and_title(self, row: Summary) -> tuple[str, Text]:
        unread = row.path not in self.marks.read
        title = Text(("★ " if row.id == self.marks.marked else "") + row.title, no_wrap=True,
                     overflow="ellipsis", style="bold" if unread else "")
        return state_cell(unread, row.path in self.marks.bookmarks), title

    def current_id(self) -> str | None:
        """The id of the highlighted article (None in an empty table)."""
        if not self.row_count:
            return None
        key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return str(key.value)

    def show_marks(self, row: Summary) -> None:
        """Show an article's read state, bookmark and compare mark as `marks` has them now."""
        if row.id in self.rows:
            state, title = self._state_and_title(row)
            self.update_cell(row.id, "state", state)
            self.update_cell(row.id, "title", title)

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
