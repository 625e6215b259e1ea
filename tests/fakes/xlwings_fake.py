"""A fake of the subset of the xlwings API that mentorxl.book.live and mentorxl.excel use.

Cells live in a dict; ranges read and write with xlwings' shapes (a cell is a scalar, a row or a column
a flat list, a block a list of lists). The app records alerts and answers input boxes from a script.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

Cell = tuple[int, int]


class FakeApi:
    def __init__(self, answers: Sequence[object] = (), open_file: str | None = None):
        self.answers = list(answers)
        self.open_file = open_file
        self.prompts: list[str] = []

    def InputBox(self, prompt: str, title: str, default: str = "") -> object:
        self.prompts.append(prompt)
        return self.answers.pop(0) if self.answers else default

    def GetOpenFilename(self, filter_: str) -> object:
        return self.open_file or False


class FakeApp:
    def __init__(self, answers: Sequence[object] = (), open_file: str | None = None):
        self.alerts: list[str] = []
        self.api = FakeApi(answers, open_file)

    def alert(self, prompt: str, title: str | None = None, **_: object) -> None:
        self.alerts.append(prompt)


class FakeCount:
    def __init__(self, n: int):
        self.count = n


class FakeRange:
    def __init__(self, sheet: FakeSheet, first: Cell, last: Cell | None = None):
        self.sheet = sheet
        self.first = first
        self.last_ = last or first

    @property
    def row(self) -> int:
        return self.first[0]

    @property
    def column(self) -> int:
        return self.first[1]

    @property
    def last_cell(self) -> FakeRange:
        return FakeRange(self.sheet, self.last_)

    @property
    def columns(self) -> FakeCount:
        return FakeCount(self.last_[1] - self.first[1] + 1)

    def _cells(self) -> list[list[Cell]]:
        return [[(r, c) for c in range(self.first[1], self.last_[1] + 1)]
                for r in range(self.first[0], self.last_[0] + 1)]

    @property
    def value(self) -> Any:
        grid = [[self.sheet.cells.get(cell) for cell in row] for row in self._cells()]
        if len(grid) == 1 and len(grid[0]) == 1:
            return grid[0][0]
        if len(grid) == 1:
            return grid[0]
        if all(len(row) == 1 for row in grid):
            return [row[0] for row in grid]
        return grid

    @value.setter
    def value(self, data: Any) -> None:
        if not isinstance(data, list):
            data = [[data]]
        elif data and not isinstance(data[0], list):
            data = [data]
        for i, row in enumerate(data):
            for j, v in enumerate(row):
                cell = (self.first[0] + i, self.first[1] + j)
                if isinstance(v, str) and v.startswith("'"):
                    v = v[1:]  # Excel keeps the apostrophe as a text prefix, not in the value
                if v is None:
                    self.sheet.cells.pop(cell, None)
                else:
                    self.sheet.cells[cell] = v
                self.sheet.written.add(cell)

    @property
    def color(self) -> Any:
        return self.sheet.colors.get(self.first)

    @color.setter
    def color(self, rgb: Any) -> None:
        for row in self._cells():
            for cell in row:
                if rgb is None:
                    self.sheet.colors.pop(cell, None)
                else:
                    self.sheet.colors[cell] = tuple(rgb)

    def clear_contents(self) -> None:
        for row in self._cells():
            for cell in row:
                self.sheet.cells.pop(cell, None)

    def add_hyperlink(self, address: str, text_to_display: str | None = None, screen_tip: str | None = None) -> None:
        self.sheet.links[self.first] = address
        if text_to_display is not None:
            self.sheet.cells[self.first] = text_to_display


class FakeTable:
    def __init__(self, sheet: FakeSheet, name: str, first: Cell, last: Cell):
        self.sheet, self.name = sheet, name
        self.range = FakeRange(sheet, first, last)

    def resize(self, rng: FakeRange) -> None:
        self.range = rng


class FakeSheet:
    def __init__(self, book: FakeExcelBook, name: str, rows: Sequence[Sequence[object]] = ()):
        self.book, self.name = book, name
        self.visible = True
        self.cells: dict[Cell, object] = {}
        self.colors: dict[Cell, tuple[int, ...]] = {}
        self.links: dict[Cell, str] = {}
        self.written: set[Cell] = set()
        self.tables: list[FakeTable] = []
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row, start=1):
                if v is not None and v != "":
                    self.cells[(r, c)] = v

    @property
    def used_range(self) -> FakeRange:
        if not self.cells:
            return FakeRange(self, (1, 1))
        return FakeRange(self, (1, 1), (max(r for r, _ in self.cells), max(c for _, c in self.cells)))

    def range(self, first: Cell, last: Cell | None = None) -> FakeRange:
        return FakeRange(self, first, last)

    def add_table(self, name: str, first: Cell, last: Cell) -> FakeTable:
        table = FakeTable(self, name, first, last)
        self.tables.append(table)
        return table


class FakeSheets:
    def __init__(self, book: FakeExcelBook):
        self.book = book
        self.items: list[FakeSheet] = []

    def __iter__(self) -> Iterator[FakeSheet]:
        return iter(list(self.items))

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, key: int | str) -> FakeSheet:
        if isinstance(key, int):
            return self.items[key]
        return next(s for s in self.items if s.name == key)

    def add(self, name: str, after: FakeSheet | None = None) -> FakeSheet:
        sheet = FakeSheet(self.book, name)
        self.items.append(sheet)
        return sheet


class FakeExcelBook:
    def __init__(self, grids: dict[str, Sequence[Sequence[object]]], *, fullname: str = "C:\\Школа\\Книга.xlsm",
                 answers: Sequence[object] = (), open_file: str | None = None):
        self.fullname = fullname
        self.app = FakeApp(answers, open_file)
        self.sheets = FakeSheets(self)
        for name, rows in grids.items():
            self.sheets.items.append(FakeSheet(self, name, rows))

    def sheet(self, name: str) -> FakeSheet:
        return self.sheets[name]
