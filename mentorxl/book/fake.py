"""An in-memory workbook for tests: grids of cells by sheet name, implementing `WorkbookPort`.

Writes change the grids the way a real book's cells would change, and are recorded, so tests check
what an action wrote without a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from mentorxl.book.port import CellMark
from mentorxl.core import contract as k
from mentorxl.core.contract import SheetSpec
from mentorxl.core.program import ProgramData, load_program
from mentorxl.core.table import Table, locate, with_own_columns, written_columns
from mentorxl.core.text import sheet_key
from mentorxl.errors import SheetMissing


class FakeBook:
    def __init__(self, grids: Mapping[str, Sequence[Sequence[object]]], path: Path | None = None):
        self.grids: dict[str, list[list[object]]] = {name: [list(r) for r in rows] for name, rows in grids.items()}
        self._path = path
        self.marks: list[CellMark] = []
        self.saves = 0
        self.log: list[tuple[str, str, int]] = []  # (operation, sheet, rows touched)

    @property
    def path(self) -> Path | None:
        return self._path

    def _name(self, spec: SheetSpec) -> str | None:
        return next((n for n in self.grids if sheet_key(n) == sheet_key(spec.name)), None)

    def table(self, spec: SheetSpec) -> Table:
        name = self._name(spec)
        if name is None:
            raise SheetMissing(f"В книге нет листа «{spec.name}».", "Верните лист.")
        return locate(spec, name, self.grids[name])

    def read(self, specs: Iterable[SheetSpec] | None = None,
             required: Iterable[SheetSpec] | None = None) -> ProgramData:
        tables: dict[str, Table] = {}
        required_keys = {s.key for s in (required or ())}
        for spec in specs or k.SHEETS:
            if self._name(spec) is None:
                if spec.key in required_keys:
                    raise SheetMissing(f"В книге нет листа «{spec.name}».", "Верните лист.")
                continue
            tables[spec.key] = self.table(spec)
        return load_program(tables)

    def _ensure(self, spec: SheetSpec) -> tuple[str, Table]:
        if self._name(spec) is None:
            self.grids[spec.name] = [list[object](spec.headers)]
        table = self.table(spec)
        if not table.found:
            self.grids[table.sheet].append(list[object](spec.headers))
            table = self.table(spec)
        return table.sheet, table

    @staticmethod
    def _line(table: Table, values: Mapping[str, object], width: int) -> list[object]:
        line: list[object] = [None] * width
        for key, value in values.items():
            if key in table.columns:
                line[table.columns[key]] = value
        return line

    def _width(self, table: Table) -> int:
        return max([len(table.spec.columns), *(i + 1 for i in table.columns.values()),
                    *(i + 1 for i in table.extra.values())])

    def replace_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]]) -> None:
        name, table = self._ensure(spec)
        table = replace(table, columns=written_columns(table, rows))  # the user's own columns move with a row
        assert table.header_row is not None
        grid = self.grids[name]
        del grid[table.header_row:]
        grid.extend(self._line(table, r, self._width(table)) for r in rows)
        self.log.append(("replace", name, len(rows)))

    def append_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                    own_columns: bool = False) -> None:
        name, table = self._ensure(spec)
        grid = self.grids[name]
        if own_columns:
            table, added = with_own_columns(table, rows)
            assert table.header_row is not None
            header = grid[table.header_row - 1]
            for index, text in added:
                header.extend([None] * (index + 1 - len(header)))
                header[index] = text
        last = max((n for n, _ in table.rows), default=table.header_row or 0)
        del grid[last:]
        grid.extend(self._line(table, r, self._width(table)) for r in rows)
        self.log.append(("append", name, len(rows)))

    def update_cells(self, spec: SheetSpec, updates: Sequence[tuple[int, str, object]]) -> None:
        name, table = self._ensure(spec)
        grid = self.grids[name]
        for row, key, value in updates:
            col = table.index(key)
            if col is None:
                continue
            line = grid[row - 1]
            if len(line) <= col:
                line.extend([None] * (col + 1 - len(line)))
            line[col] = value
        self.log.append(("update", name, len(updates)))

    def mark_cells(self, marks: Sequence[CellMark]) -> None:
        self.marks = list(marks)

    def save(self) -> Path | None:
        self.saves += 1
        return None

    def rows_of(self, spec: SheetSpec) -> list[dict[str, object]]:
        """The data rows of a sheet as {column key: value}: what a test reads back."""
        table = self.table(spec)
        return [{key: (cells[i] if i < len(cells) else None) for key, i in table.columns.items()}
                for _, cells in table.rows]
