"""The open LibreOffice Calc document, through UNO: the `WorkbookPort` of the Calc buttons.

Like the Excel adapter it reads each sheet in one call (getDataArray), writes only the columns an
action owns, keeps database ranges (the tables) sized to their data, colours problem cells while
remembering their own colour on a hidden sheet, and lets LibreOffice itself save the document.
Runs inside LibreOffice's Python; `uno` is imported only where a UNO struct is needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from mentorxl.book.port import CellMark
from mentorxl.book.sheet_writer import LINK_KEY
from mentorxl.core import contract as k
from mentorxl.core.contract import SheetSpec
from mentorxl.core.dates import EXCEL_EPOCH
from mentorxl.core.program import ProgramData, load_program
from mentorxl.core.table import Table, locate, with_own_columns, written_columns
from mentorxl.core.text import sheet_key
from mentorxl.errors import SheetMissing

MARKS_SHEET = "MentorXL.marks"
COLOR_ERROR = 0xFFC7CE
COLOR_WARNING = 0xFFEB9C
NO_COLOR = -1
CLEAR_CONTENTS = 1 | 2 | 4 | 16  # VALUE | DATETIME | STRING | FORMULA (com.sun.star.sheet.CellFlags)


def _cell_value(value: object) -> str | float:
    """What setDataArray accepts: text or a number (a date is its serial number)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return float((value - EXCEL_EPOCH).days)
    if isinstance(value, bool):
        return "Да" if value else "Нет"
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)  # setDataArray stores text as text: «=…» typed by a user never becomes a formula


class CalcBook:
    def __init__(self, doc: Any):
        self.doc = doc
        self._tables: dict[str, Table] = {}
        self._date_format: int | None = None

    @property
    def path(self) -> Path | None:
        url = self.doc.getURL()
        if not url:
            return None
        return Path(unquote(urlparse(url).path))

    # reading ------------------------------------------------------------------------------------------
    def _sheet(self, name: str) -> Any | None:
        sheets = self.doc.getSheets()
        for existing in sheets.getElementNames():
            if sheet_key(existing) == sheet_key(name):
                return sheets.getByName(existing)
        return None

    @staticmethod
    def _grid(sheet: Any) -> list[list[object]]:
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        area = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
        return [list(row) for row in area.getDataArray()]

    def _locate(self, spec: SheetSpec) -> Table:
        sheet = self._sheet(spec.name)
        if sheet is None:
            raise SheetMissing(f"В документе нет листа «{spec.name}».",
                               "Верните лист с таким названием (его можно скопировать из новой книги).")
        table = locate(spec, sheet.getName(), self._grid(sheet))
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
            sheets = self.doc.getSheets()
            sheets.insertNewByName(spec.name, sheets.getCount())
            sheet = sheets.getByName(spec.name)
        table = self._locate(spec)
        if not table.found:
            row = sheet.getCellRangeByPosition(0, 0, len(spec.headers) - 1, 0)
            row.setDataArray((tuple(spec.headers),))
            table = self._locate(spec)
        return sheet, table

    def _date_key(self) -> int:
        if self._date_format is None:
            import uno

            locale = uno.createUnoStruct("com.sun.star.lang.Locale")
            locale.Language, locale.Country = "ru", "RU"
            formats = self.doc.getNumberFormats()
            key = formats.queryKey("DD.MM.YYYY", locale, False)
            self._date_format = key if key >= 0 else formats.addNew("DD.MM.YYYY", locale)
        return self._date_format

    def _write_columns(self, sheet: Any, table: Table, first: int, rows: Sequence[Mapping[str, object]]) -> None:
        if not rows:
            return
        for key, index in table.columns.items():
            values = [r.get(key) for r in rows]
            area = sheet.getCellRangeByPosition(index, first - 1, index, first - 1 + len(rows) - 1)
            area.setDataArray(tuple((_cell_value(v),) for v in values))
            for offset, v in enumerate(values):
                if isinstance(v, date):
                    sheet.getCellByPosition(index, first - 1 + offset).NumberFormat = self._date_key()

    def _resize_tables(self, sheet: Any, table: Table, last_row: int, right: int = 0) -> None:
        """Stretch the database range of this header row down to `last_row` (and right to column `right`)."""
        ranges = self.doc.DatabaseRanges
        for name in ranges.getElementNames():
            db = ranges.getByName(name)
            area = db.getDataArea()
            if area.Sheet == sheet.getRangeAddress().Sheet and area.StartRow == (table.header_row or 0) - 1:
                area.EndRow = max(last_row - 1, area.StartRow + 1)
                area.EndColumn = max(area.EndColumn, right - 1)
                db.setDataArea(area)

    def replace_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]]) -> None:
        sheet, table = self._ready(spec)
        table = replace(table, columns=written_columns(table, rows))  # the user's own columns move with a row
        assert table.header_row is not None
        first = table.header_row + 1
        old_last = max((n for n, _ in table.rows), default=first)
        for index in table.columns.values():
            sheet.getCellRangeByPosition(index, first - 1, index, max(old_last, first) - 1).clearContents(
                CLEAR_CONTENTS)
        self._write_columns(sheet, table, first, rows)
        link_col = table.columns.get("sheet")
        if link_col is not None:
            for i, r in enumerate(rows):
                link = r.get(LINK_KEY)
                if link:
                    target = str(link).replace("!", ".")
                    text = str(r.get("sheet", "")).replace('"', "'")
                    sheet.getCellByPosition(link_col, first - 1 + i).setFormula(f'=HYPERLINK("#{target}";"{text}")')
        self._resize_tables(sheet, table, first + len(rows) - 1)

    def append_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                    own_columns: bool = False) -> None:
        sheet, table = self._ready(spec)
        last = max((n for n, _ in table.rows), default=table.header_row or 0)
        right = 0
        if own_columns:
            table, added = with_own_columns(table, rows)
            for index, text in added:
                sheet.getCellByPosition(index, (table.header_row or 1) - 1).setString(text)
            right = max([i + 1 for i, _ in added], default=0)
        self._write_columns(sheet, table, last + 1, rows)
        self._resize_tables(sheet, table, last + len(rows), right)

    def update_cells(self, spec: SheetSpec, updates: Sequence[tuple[int, str, object]]) -> None:
        sheet, table = self._ready(spec)
        for row, key, value in updates:
            if (index := table.index(key)) is None:
                continue
            cell = sheet.getCellByPosition(index, row - 1)
            converted = _cell_value(value)
            if isinstance(converted, float):
                cell.setValue(converted)
                if isinstance(value, date):
                    cell.NumberFormat = self._date_key()
            else:
                cell.setString(converted)

    def mark_cells(self, marks: Sequence[CellMark]) -> None:
        store = self._marks_sheet()
        self._restore(store)
        remembered: list[tuple[str, float, float, float]] = []
        for mark in marks:
            sheet = self._sheet(mark.sheet)
            table = next((t for t in self._tables.values() if sheet is not None and t.sheet == sheet.getName()),
                         None)
            if sheet is None or table is None:
                continue
            columns = {table.header_of(key): i for key, i in table.columns.items()} | table.extra
            if mark.column not in columns:
                continue
            cell = sheet.getCellByPosition(columns[mark.column], mark.row - 1)
            remembered.append((sheet.getName(), float(mark.row), float(columns[mark.column]),
                               float(cell.CellBackColor)))
            cell.CellBackColor = COLOR_ERROR if mark.error else COLOR_WARNING
        if remembered:
            store.getCellRangeByPosition(0, 0, 3, len(remembered) - 1).setDataArray(tuple(remembered))

    def _marks_sheet(self) -> Any:
        store = self._sheet(MARKS_SHEET)
        if store is None:
            sheets = self.doc.getSheets()
            sheets.insertNewByName(MARKS_SHEET, sheets.getCount())
            store = sheets.getByName(MARKS_SHEET)
            store.IsVisible = False
        return store

    def _restore(self, store: Any) -> None:
        """Give back the colours the previous check took; nothing else of the user's formatting is touched."""
        grid = self._grid(store)
        for line in grid:
            if len(line) < 4 or not line[0] or line[1] == "":
                continue
            name, row, column, color = line[:4]
            sheet = self._sheet(str(name))
            if sheet is not None:
                cell = sheet.getCellByPosition(int(float(str(column))), int(float(str(row))) - 1)
                cell.CellBackColor = int(float(str(color)))
        store.getCellRangeByPosition(0, 0, 3, max(len(grid) - 1, 0)).clearContents(CLEAR_CONTENTS)

    def save(self) -> Path | None:
        """LibreOffice saves the document itself, in its own format: nothing of it is lost."""
        if self.doc.hasLocation() and not self.doc.isReadonly():
            self.doc.store()
        return None
