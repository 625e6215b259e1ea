"""The open Excel book, through xlwings: the `WorkbookPort` the buttons use.

It reads each sheet in one call, writes only the cells an action owns (column by column, so a user's
own columns between ours stay untouched), keeps Excel tables (ListObjects) sized to their data, and
colours problem cells remembering their own colour on a hidden sheet, so the next check restores it.
Only the subset of the xlwings API listed in tests/fakes/xlwings_fake.py is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mentorxl.book.port import CellMark
from mentorxl.book.sheet_writer import LINK_KEY
from mentorxl.core import contract as k
from mentorxl.core.contract import SheetSpec
from mentorxl.core.program import ProgramData, load_program
from mentorxl.core.table import Table, locate, with_own_columns, written_columns
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


class LiveBook:
    def __init__(self, book: Any):
        self.book = book
        self._tables: dict[str, Table] = {}

    @property
    def path(self) -> Path | None:
        full = getattr(self.book, "fullname", "") or ""
        return Path(full) if full and ("/" in full or "\\" in full) else None

    # reading ------------------------------------------------------------------------------------------
    def _sheet(self, name: str) -> Any | None:
        for sheet in self.book.sheets:
            if sheet_key(sheet.name) == sheet_key(name):
                return sheet
        return None

    def _grid(self, sheet: Any) -> list[list[object]]:
        last = sheet.used_range.last_cell
        values = sheet.range((1, 1), (last.row, last.column)).value
        if not isinstance(values, list):
            return [[values]]
        if values and not isinstance(values[0], list):
            return [values] if last.row == 1 else [[v] for v in values]
        return values

    def _locate(self, spec: SheetSpec) -> Table:
        sheet = self._sheet(spec.name)
        if sheet is None:
            raise SheetMissing(f"В книге нет листа «{spec.name}».",
                               "Верните лист с таким названием (его можно скопировать из новой книги).")
        table = locate(spec, sheet.name, self._grid(sheet))
        self._tables[spec.key] = table
        return table

    def read(self, specs: Iterable[SheetSpec] | None = None,
             required: Iterable[SheetSpec] | None = None) -> ProgramData:
        from mentorxl.book.reader import ESSENTIAL

        required_keys = {s.key for s in (ESSENTIAL if required is None else required)}
        tables: dict[str, Table] = {}
        for spec in specs or k.SHEETS:
            if self._sheet(spec.name) is None and spec.key not in required_keys:
                continue
            tables[spec.key] = self._locate(spec)
        return load_program(tables)

    # writing ------------------------------------------------------------------------------------------
    def _ready(self, spec: SheetSpec) -> tuple[Any, Table]:
        sheet = self._sheet(spec.name)
        if sheet is None:
            sheet = self.book.sheets.add(spec.name, after=self.book.sheets[len(self.book.sheets) - 1])
            sheet.range((1, 1), (1, len(spec.headers))).value = [spec.headers]
        table = self._locate(spec)
        if not table.found:
            sheet.range((1, 1), (1, len(spec.headers))).value = [spec.headers]
            table = self._locate(spec)
        return sheet, table

    def _write_columns(self, sheet: Any, table: Table, first: int, rows: Sequence[Mapping[str, object]]) -> None:
        for key, index in table.columns.items():
            column = [[_datetime(r.get(key))] for r in rows]
            if column:
                sheet.range((first, index + 1), (first + len(rows) - 1, index + 1)).value = column

    def _resize_tables(self, sheet: Any, table: Table, last_row: int, right: int = 0) -> None:
        """Stretch the Excel table of this header row down to `last_row` (and right to column `right`)."""
        for lo in sheet.tables:
            top = lo.range.row
            if top == table.header_row:
                end = max(lo.range.column + lo.range.columns.count - 1, right)
                lo.resize(sheet.range((top, lo.range.column), (max(last_row, top + 1), end)))

    def replace_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]]) -> None:
        sheet, table = self._ready(spec)
        table = replace(table, columns=written_columns(table, rows))  # the user's own columns move with a row
        assert table.header_row is not None
        first = table.header_row + 1
        old_last = max((n for n, _ in table.rows), default=first)
        for index in table.columns.values():
            sheet.range((first, index + 1), (max(old_last, first), index + 1)).clear_contents()
        self._write_columns(sheet, table, first, rows)
        link_col = table.columns.get("sheet")
        if link_col is not None:
            for i, r in enumerate(rows):
                if r.get(LINK_KEY):
                    sheet.range((first + i, link_col + 1)).add_hyperlink(
                        f"#{r[LINK_KEY]}", str(r.get("sheet", "")), "Перейти к ячейке")
        self._resize_tables(sheet, table, first + len(rows) - 1)

    def append_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                    own_columns: bool = False) -> None:
        sheet, table = self._ready(spec)
        last = max((n for n, _ in table.rows), default=table.header_row or 0)
        right = 0
        if own_columns:
            table, added = with_own_columns(table, rows)
            for index, text in added:
                sheet.range((table.header_row, index + 1)).value = text
            right = max([i + 1 for i, _ in added], default=0)
        self._write_columns(sheet, table, last + 1, rows)
        self._resize_tables(sheet, table, last + len(rows), right)

    def update_cells(self, spec: SheetSpec, updates: Sequence[tuple[int, str, object]]) -> None:
        sheet, table = self._ready(spec)
        for row, key, value in updates:
            if (index := table.index(key)) is not None:
                sheet.range((row, index + 1)).value = _datetime(value)

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
