"""The open LibreOffice Calc document, through UNO: the `WorkbookPort` of the Calc buttons.

Like the Excel adapter it reads each sheet in one call (getDataArray), writes only the columns an
action owns, keeps database ranges (the tables) sized to their data, colours problem cells while
remembering their own colour on a hidden sheet, and lets LibreOffice itself save the document.
Runs inside LibreOffice's Python; `uno` is imported only where a UNO struct is needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from mentorxl.book.grid_book import GridBook
from mentorxl.book.port import CellMark
from mentorxl.core.contract import SheetSpec
from mentorxl.core.dates import EXCEL_EPOCH
from mentorxl.core.table import Grid
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


class CalcBook(GridBook):
    def __init__(self, doc: Any):
        super().__init__()
        self.doc = doc
        self._date_format: int | None = None

    @property
    def path(self) -> Path | None:
        url = self.doc.getURL()
        if not url:
            return None
        return Path(unquote(urlparse(url).path))

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

    def missing(self, spec: SheetSpec) -> SheetMissing:
        return SheetMissing(f"В документе нет листа «{spec.name}».",
                            "Верните лист с таким названием (его можно скопировать из новой книги).")

    def _ws(self, name: str) -> Any:
        sheet = self._sheet(name)
        if sheet is None:
            raise SheetMissing(f"В книге нет листа «{name}».", "Верните лист с таким названием.")
        return sheet

    # primitives ---------------------------------------------------------------------------------------
    def sheet_names(self) -> list[str]:
        return list(self.doc.getSheets().getElementNames())

    def grid(self, sheet: str) -> Grid:
        return self._grid(self._ws(sheet))

    def add_sheet(self, name: str) -> None:
        sheets = self.doc.getSheets()
        sheets.insertNewByName(name, sheets.getCount())

    def _date_key(self) -> int:
        if self._date_format is None:
            import uno

            locale = uno.createUnoStruct("com.sun.star.lang.Locale")
            locale.Language, locale.Country = "ru", "RU"
            formats = self.doc.getNumberFormats()
            key = formats.queryKey("DD.MM.YYYY", locale, False)
            self._date_format = key if key >= 0 else formats.addNew("DD.MM.YYYY", locale)
        return self._date_format

    def write_cells(self, sheet: str, first_row: int, col: int, values: Sequence[object], *,
                    template_row: int | None = None) -> None:
        if not values:
            return
        ws = self._ws(sheet)
        area = ws.getCellRangeByPosition(col, first_row - 1, col, first_row - 1 + len(values) - 1)
        area.setDataArray(tuple((_cell_value(v),) for v in values))
        for offset, v in enumerate(values):
            if isinstance(v, date):
                ws.getCellByPosition(col, first_row - 1 + offset).NumberFormat = self._date_key()

    def clear_cells(self, sheet: str, first_row: int, col: int) -> None:
        ws = self._ws(sheet)
        last = len(self._grid(ws))
        ws.getCellRangeByPosition(col, first_row - 1, col, max(last, first_row) - 1).clearContents(CLEAR_CONTENTS)

    def resize_table(self, sheet: str, header_row: int, last_row: int, added: Sequence[tuple[int, str]]) -> None:
        """Stretch the database range of this header row down to `last_row` (and right over added columns)."""
        ws = self._ws(sheet)
        right = max([i + 1 for i, _ in added], default=0)
        ranges = self.doc.DatabaseRanges
        for name in ranges.getElementNames():
            db = ranges.getByName(name)
            area = db.getDataArea()
            if area.Sheet == ws.getRangeAddress().Sheet and area.StartRow == header_row - 1:
                area.EndRow = max(last_row - 1, area.StartRow + 1)
                area.EndColumn = max(area.EndColumn, right - 1)
                db.setDataArea(area)

    def link_cells(self, sheet: str, first_row: int, col: int, links: Sequence[object],
                   texts: Sequence[object]) -> None:
        ws = self._ws(sheet)
        for i, (link, text) in enumerate(zip(links, texts, strict=True)):
            if link:
                target = str(link).replace("!", ".")
                shown = str(text or "").replace('"', "'")
                ws.getCellByPosition(col, first_row - 1 + i).setFormula(f'=HYPERLINK("#{target}";"{shown}")')

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
