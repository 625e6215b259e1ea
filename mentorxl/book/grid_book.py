"""The one algorithm every workbook adapter runs: find the sheets and tables, read them, write rows back.

`GridBook` implements `WorkbookPort.read/replace_rows/append_rows/update_cells` over a few primitives each
adapter provides: the sheet names, a sheet's grid of values, adding a sheet, writing a run of cells down a
column, clearing a run, and resizing the table whose header is a given row. The adapters — the file
(HeadlessBook), the open Excel book (LiveBook), the Calc document (CalcBook) and the in-memory fake (FakeBook) —
differ only in those primitives and in how a value becomes a cell, so what a test proves on the fake holds on
the real books (tests/contract: one suite against every adapter).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from mentorxl.core import contract as k
from mentorxl.core.contract import SheetSpec
from mentorxl.core.program import ProgramData, load_program
from mentorxl.core.table import Grid, Table, locate, with_own_columns, written_columns
from mentorxl.core.text import sheet_key
from mentorxl.errors import SheetMissing

LINK_KEY = "link"  # a row key that is not a column: the cell a row of «Ошибки» is about, "'Sheet'!C5"

# The sheets a workbook must have for any action; the others are read when present.
ESSENTIAL = (k.SETTINGS, k.MENTEES, k.MENTORS, k.PAIRS, k.ROADMAP)


def cell_value(value: object) -> object:
    """What an action's value becomes before an adapter writes it: a list is one cell «a; b», a datetime at
    midnight is its date; text, numbers, dates and None pass (each adapter keeps text that looks like a formula
    as text, and shows dates as dates)."""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    return value


def is_date(value: object) -> bool:
    return isinstance(value, date)


class GridBook:
    """Subclasses provide the primitives below; the rest is shared."""

    def __init__(self) -> None:
        self._tables: dict[str, Table] = {}

    # ---------------------------------------------------------------- primitives

    def sheet_names(self) -> list[str]:
        raise NotImplementedError

    def grid(self, sheet: str) -> Grid:
        """Every cell from A1 to the last used one, so that row numbers are those the user sees."""
        raise NotImplementedError

    def add_sheet(self, name: str) -> None:
        raise NotImplementedError

    def is_chart(self, sheet: str) -> bool:
        """The sheet is a chartsheet (no cells): a file adapter can tell; the others see no such sheet."""
        return False

    def write_cells(self, sheet: str, first_row: int, col: int, values: Sequence[object], *,
                    template_row: int | None = None) -> None:
        """Write `values` (already `cell_value`d) down column `col` (0-based) from Excel row `first_row`.
        A new cell looks like the cell of `template_row` in the same column, where the adapter can copy it."""
        raise NotImplementedError

    def clear_cells(self, sheet: str, first_row: int, col: int) -> None:
        """Empty column `col` from `first_row` down (values only: formats stay)."""
        raise NotImplementedError

    def resize_table(self, sheet: str, header_row: int, last_row: int, added: Sequence[tuple[int, str]]) -> None:
        """The table whose header is `header_row` reaches `last_row` (at least one data row) and the new
        columns `added` (0-based index, header) at its right."""

    def link_cells(self, sheet: str, first_row: int, col: int, links: Sequence[object],
                   texts: Sequence[object]) -> None:
        """Where the adapter can: each non-empty link («'Лист'!C5») makes its cell (showing its text) open
        that place."""

    def opened(self) -> None:
        """Before a read: open what the reading needs (the file adapter opens the file once)."""

    def closed(self) -> None:
        """After a read."""

    # ---------------------------------------------------------------- reading

    def sheet_named(self, name: str) -> str | None:
        target = sheet_key(name)
        return next((n for n in self.sheet_names() if sheet_key(n) == target), None)

    def missing(self, spec: SheetSpec) -> SheetMissing:
        return SheetMissing(f"В книге нет листа «{spec.name}».",
                            "Верните лист с таким названием (его можно скопировать из новой книги "
                            "«mentorxl new») и запустите снова.")

    def locate(self, spec: SheetSpec) -> Table:
        name = self.sheet_named(spec.name)
        if name is None:
            raise self.missing(spec)
        if self.is_chart(name):
            table = Table(spec, name, None, missing=list(spec.required), chart=True)
        else:
            table = locate(spec, name, self.grid(name))
        self._tables[spec.key] = table
        return table

    def read(self, specs: Iterable[SheetSpec] | None = None,
             required: Iterable[SheetSpec] | None = None) -> ProgramData:
        required_keys = {s.key for s in (ESSENTIAL if required is None else required)}
        tables: dict[str, Table] = {}
        self.opened()
        try:
            for spec in specs or k.SHEETS:
                if spec.key not in required_keys and self.sheet_named(spec.name) is None:
                    continue
                tables[spec.key] = self.locate(spec)
        finally:
            self.closed()
        return load_program(tables)

    def table(self, spec: SheetSpec) -> Table:
        if spec.key not in self._tables:
            self.opened()
            try:
                self.locate(spec)
            finally:
                self.closed()
        return self._tables[spec.key]

    # ---------------------------------------------------------------- writing

    def ready(self, spec: SheetSpec) -> Table:
        """The table to write into: a missing sheet is added, a sheet without the header gets it below what
        it holds (row 1 when empty)."""
        new = self.sheet_named(spec.name) is None
        if new:
            if not spec.owned:
                raise self.missing(spec)
            self.add_sheet(spec.name)
            self._tables[spec.key] = Table(spec, spec.name, None)
        table = self.table(spec)
        if not table.found:
            used = 0 if new else len(self.grid(table.sheet))
            header = used + 2 if used else 1
            for i, text in enumerate(spec.headers):
                self.write_cells(table.sheet, header, i, [text])
            table = Table(spec, table.sheet, header, columns={c.key: i for i, c in enumerate(spec.columns)})
            self._tables[spec.key] = table
        return table

    def _write_rows(self, table: Table, first: int, rows: Sequence[Mapping[str, object]], template: int | None,
                    ) -> None:
        if not rows:
            return
        for key, col in table.columns.items():
            self.write_cells(table.sheet, first, col, [cell_value(r.get(key)) for r in rows], template_row=template)

    def replace_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                     own_columns_too: bool = False) -> None:
        table = self.ready(spec)
        header = table.header_row or 0
        first = header + 1
        # the user's own columns a row carries (the notes kept beside a suggestion) move with their row; the
        # others are the user's and stay as they are, unless the whole rows go (`own_columns_too`)
        table = replace(table, columns=written_columns(table, rows))
        cleared = {*table.columns.values(), *(table.extra.values() if own_columns_too else ())}
        for col in cleared:
            self.clear_cells(table.sheet, first, col)
        self._write_rows(table, first, rows, first)
        link_col = table.columns.get("sheet")
        if link_col is not None and any(r.get(LINK_KEY) for r in rows):
            self.link_cells(table.sheet, first, link_col, [r.get(LINK_KEY) for r in rows],
                            [r.get("sheet") for r in rows])
        self.resize_table(table.sheet, header, first + len(rows) - 1, [])

    def append_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                    own_columns: bool = False) -> None:
        table = self.ready(spec)
        header = table.header_row or 0
        added: list[tuple[int, str]] = []
        if own_columns:
            table, added = with_own_columns(table, rows)
            for index, text in added:
                self.write_cells(table.sheet, header, index, [text], template_row=header)
        last = max((n for n, _ in table.rows), default=header)
        self._write_rows(table, last + 1, rows, last if last > header else None)
        self.resize_table(table.sheet, header, last + len(rows), added)

    def update_cells(self, spec: SheetSpec, updates: Sequence[tuple[int, str, object]]) -> None:
        table = self.ready(spec)
        first = (table.header_row or 0) + 1
        for row, key, value in updates:
            if (index := table.index(key)) is not None:  # a user's own column by its header; one it lacks: none
                self.write_cells(table.sheet, row, index, [cell_value(value)], template_row=first)
