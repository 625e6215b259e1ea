"""An in-memory workbook for tests: grids of cells by sheet name, the `GridBook` primitives over lists.

It runs the same algorithm as the real adapters (book/grid_book.py): the same required sheets, the same
columns cleared and written, so tests check what an action wrote without a file. Writes are recorded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from mentorxl.book.grid_book import GridBook
from mentorxl.book.port import CellMark
from mentorxl.core.contract import SheetSpec
from mentorxl.core.table import Grid


class FakeBook(GridBook):
    def __init__(self, grids: Mapping[str, Sequence[Sequence[object]]], path: Path | None = None):
        super().__init__()
        self.grids: dict[str, list[list[object]]] = {name: [list(r) for r in rows] for name, rows in grids.items()}
        self._path = path
        self.marks: list[CellMark] = []
        self.saves = 0
        self.log: list[tuple[str, str, int]] = []  # (operation, sheet, rows touched)
        self.tables_resized: list[tuple[str, int, int]] = []  # (sheet, header row, last row)

    @property
    def path(self) -> Path | None:
        return self._path

    # primitives ---------------------------------------------------------------------------------------
    def sheet_names(self) -> list[str]:
        return list(self.grids)

    def grid(self, sheet: str) -> Grid:
        return self.grids[sheet]

    def add_sheet(self, name: str) -> None:
        self.grids[name] = []

    def write_cells(self, sheet: str, first_row: int, col: int, values: Sequence[object], *,
                    template_row: int | None = None) -> None:
        grid = self.grids[sheet]
        for offset, value in enumerate(values):
            r = first_row - 1 + offset
            while len(grid) <= r:
                grid.append([])
            line = grid[r]
            if len(line) <= col:
                line.extend([None] * (col + 1 - len(line)))
            line[col] = value

    def clear_cells(self, sheet: str, first_row: int, col: int) -> None:
        for line in self.grids[sheet][first_row - 1:]:
            if col < len(line):
                line[col] = None
        while self.grids[sheet] and not any(v not in (None, "") for v in self.grids[sheet][-1]):
            self.grids[sheet].pop()

    def resize_table(self, sheet: str, header_row: int, last_row: int, added: Sequence[tuple[int, str]]) -> None:
        self.tables_resized.append((sheet, header_row, last_row))

    # the port -----------------------------------------------------------------------------------------
    def replace_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                     own_columns_too: bool = False) -> None:
        super().replace_rows(spec, rows, own_columns_too=own_columns_too)
        self.log.append(("replace", self.table(spec).sheet, len(rows)))
        self._tables.pop(spec.key, None)

    def append_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                    own_columns: bool = False) -> None:
        super().append_rows(spec, rows, own_columns=own_columns)
        self.log.append(("append", self.table(spec).sheet, len(rows)))
        self._tables.pop(spec.key, None)

    def update_cells(self, spec: SheetSpec, updates: Sequence[tuple[int, str, object]]) -> None:
        super().update_cells(spec, updates)
        self.log.append(("update", self.table(spec).sheet, len(updates)))

    def mark_cells(self, marks: Sequence[CellMark]) -> None:
        self.marks = list(marks)

    def save(self) -> Path | None:
        self.saves += 1
        return None

    def rows_of(self, spec: SheetSpec) -> list[dict[str, object]]:
        """The data rows of a sheet as {column key: value}: what a test reads back."""
        table = self.locate(spec)
        return [{key: (cells[i] if i < len(cells) else None) for key, i in table.columns.items()}
                for _, cells in table.rows]
