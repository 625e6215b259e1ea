"""The open Excel book, through xlwings: the `WorkbookPort` the buttons use.

It reads each sheet in one call, writes only the cells an action owns (column by column, so a user's
own columns between ours stay untouched), keeps Excel tables (ListObjects) sized to their data, and
colours problem cells remembering their own colour on a hidden sheet, so the next check restores it.
Only the subset of the xlwings API listed in tests/fakes/xlwings_fake.py is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mentorxl.book.grid_book import GridBook
from mentorxl.book.port import CellMark
from mentorxl.core.table import Grid
from mentorxl.core.text import sheet_key
from mentorxl.errors import SheetMissing

MARKS_SHEET = "MentorXL.marks"  # hidden: cells coloured by the last check and their own colour before it
COLOR_ERROR = (255, 199, 206)
COLOR_WARNING = (255, 235, 156)


def _datetime(value: object) -> object:
    """Excel wants datetimes; a date is written as midnight of that day."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # what a user typed stays text in Excel, never a formula
    return value


class LiveBook(GridBook):
    def __init__(self, book: Any):
        super().__init__()
        self.book = book

    @property
    def path(self) -> Path | None:
        full = getattr(self.book, "fullname", "") or ""
        return Path(full) if full and ("/" in full or "\\" in full) else None

    def _sheet(self, name: str) -> Any | None:
        for sheet in self.book.sheets:
            if sheet_key(sheet.name) == sheet_key(name):
                return sheet
        return None

    def _ws(self, name: str) -> Any:
        sheet = self._sheet(name)
        if sheet is None:
            raise SheetMissing(f"В книге нет листа «{name}».", "Верните лист с таким названием.")
        return sheet

    # primitives ---------------------------------------------------------------------------------------
    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def grid(self, sheet: str) -> Grid:
        ws = self._ws(sheet)
        last = ws.used_range.last_cell
        values = ws.range((1, 1), (last.row, last.column)).value
        if not isinstance(values, list):
            return [[values]]
        if values and not isinstance(values[0], list):
            return [values] if last.row == 1 else [[v] for v in values]
        return values

    def add_sheet(self, name: str) -> None:
        self.book.sheets.add(name, after=self.book.sheets[len(self.book.sheets) - 1])

    def write_cells(self, sheet: str, first_row: int, col: int, values: Sequence[object], *,
                    template_row: int | None = None) -> None:
        if values:
            self._ws(sheet).range((first_row, col + 1), (first_row + len(values) - 1, col + 1)).value = [
                [_datetime(v)] for v in values]

    def clear_cells(self, sheet: str, first_row: int, col: int) -> None:
        ws = self._ws(sheet)
        last = ws.used_range.last_cell.row
        ws.range((first_row, col + 1), (max(last, first_row), col + 1)).clear_contents()

    def resize_table(self, sheet: str, header_row: int, last_row: int, added: Sequence[tuple[int, str]]) -> None:
        """Stretch the Excel table of this header row down to `last_row` (and right over the added columns)."""
        ws = self._ws(sheet)
        right = max([i + 1 for i, _ in added], default=0)
        for lo in ws.tables:
            top = lo.range.row
            if top == header_row:
                end = max(lo.range.column + lo.range.columns.count - 1, right)
                lo.resize(ws.range((top, lo.range.column), (max(last_row, top + 1), end)))

    def link_cells(self, sheet: str, first_row: int, col: int, links: Sequence[object],
                   texts: Sequence[object]) -> None:
        ws = self._ws(sheet)
        for i, (link, text) in enumerate(zip(links, texts, strict=True)):
            if link:
                ws.range((first_row + i, col + 1)).add_hyperlink(f"#{link}", str(text or ""), "Перейти к ячейке")

    def mark_cells(self, marks: Sequence[CellMark]) -> None:
        store = self._marks_sheet()
        self._restore(store)
        remembered: list[list[object]] = []
        for mark in marks:
            sheet = self._sheet(mark.sheet)
            table = next((t for t in self._tables.values() if t.sheet == getattr(sheet, "name", None)), None)
            if sheet is None or table is None:
                continue
            columns = {table.header_of(key): i for key, i in table.columns.items()} | table.extra
            if mark.column not in columns:
                continue
            cell = sheet.range((mark.row, columns[mark.column] + 1))
            own = cell.color
            remembered.append([sheet.name, mark.row, columns[mark.column] + 1,
                               "" if own is None else ",".join(map(str, own))])
            cell.color = COLOR_ERROR if mark.error else COLOR_WARNING
        if remembered:
            store.range((1, 1), (len(remembered), 4)).value = remembered

    def _marks_sheet(self) -> Any:
        store = self._sheet(MARKS_SHEET)
        if store is None:
            store = self.book.sheets.add(MARKS_SHEET, after=self.book.sheets[len(self.book.sheets) - 1])
            store.visible = False
        return store

    def _restore(self, store: Any) -> None:
        """Give back the colours the previous check took; nothing else of the user's formatting is touched."""
        last = store.used_range.last_cell
        if last.row < 1 or store.range((1, 1)).value is None:
            return
        rows = store.range((1, 1), (last.row, 4)).value
        rows = rows if isinstance(rows[0], list) else [rows]
        for name, row, column, color in rows:
            sheet = self._sheet(str(name))
            if sheet is None or row is None:
                continue
            own = tuple(int(x) for x in str(color).split(",")) if color else None
            sheet.range((int(row), int(column))).color = own
        store.range((1, 1), (last.row, 4)).clear_contents()

    def save(self) -> Path | None:
        return None  # the user saves the open book; nothing is written behind their back
