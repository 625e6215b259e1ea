"""The workbook as a file, for the command line and tests: never rewrites the master.

Reading goes through calamine (fast). Writes are collected and applied by openpyxl to a COPY of the
master, saved as a new result file beside it (or where asked). The master file is only ever read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mentorxl.book.files import atomic_path, next_free
from mentorxl.book.port import CellMark
from mentorxl.book.reader import ESSENTIAL, read_tables
from mentorxl.core import contract as k
from mentorxl.core.contract import Kind, SheetSpec
from mentorxl.core.models import Suggestion
from mentorxl.core.program import ProgramData, load_program
from mentorxl.core.table import Table, with_own_columns, written_columns
from mentorxl.errors import BookUnreadable

MARK_ERROR = "FFC7CE"
MARK_WARNING = "FFEB9C"
DATE_FORMAT = "DD.MM.YYYY"

Op = tuple[str, SheetSpec, Any]


# The sheets the program owns are written headless as small books of their own, beside the master.
STANDALONE = {k.PROBLEMS.key: "ошибки", k.SUGGESTIONS.key: "подбор"}


class HeadlessBook:
    """`result`: where a changed copy of the master goes (default «<книга> — <suffix>.xlsx» beside it)."""

    def __init__(self, path: Path, *, result: Path | None = None, suffix: str = "результат",
                 standalone: Mapping[str, Path] | None = None):
        self._path = Path(path)
        self._result = result
        self._suffix = suffix
        self._tables: dict[str, Table] = {}
        self._ops: list[Op] = []
        self._marks: list[CellMark] = []
        self._standalone_rows: dict[str, list[Mapping[str, object]]] = {}
        self._standalone_paths = {key: self.standalone_path(key) for key in STANDALONE}
        self._standalone_paths.update(standalone or {})
        self.written: list[Path] = []

    def standalone_path(self, key: str) -> Path:
        return self._path.with_name(f"{self._path.stem} — {STANDALONE[key]}.xlsx")

    @property
    def path(self) -> Path | None:
        return self._path

    def read(self, specs: Iterable[SheetSpec] | None = None,
             required: Iterable[SheetSpec] | None = None) -> ProgramData:
        self._tables = read_tables(self._path, specs or k.SHEETS, ESSENTIAL if required is None else required)
        data = load_program(self._tables)
        earlier = self._standalone_paths[k.SUGGESTIONS.key]
        if (specs is None or k.SUGGESTIONS in specs) and earlier.exists():
            data.suggestions = _merge_suggestions(data, earlier)
        return data

    def replace_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]]) -> None:
        if spec.key in STANDALONE:
            self._standalone_rows[spec.key] = list(rows)
        else:
            self._ops.append(("replace", spec, list(rows)))

    def append_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                    own_columns: bool = False) -> None:
        self._ops.append(("append_own" if own_columns else "append", spec, list(rows)))

    def update_cells(self, spec: SheetSpec, updates: Sequence[tuple[int, str, object]]) -> None:
        self._ops.append(("update", spec, list(updates)))

    def mark_cells(self, marks: Sequence[CellMark]) -> None:
        self._marks = list(marks)

    @property
    def pending(self) -> bool:
        return bool(self._ops)

    def result_path(self) -> Path:
        if self._result is not None:
            return self._result
        suffix = ".xlsm" if self._path.suffix.lower() == ".xlsm" else ".xlsx"
        return next_free(self._path.with_name(f"{self._path.stem} — {self._suffix}{suffix}"))

    def save(self) -> Path | None:
        """Write what the action produced: the program's own sheets as small books beside the master, the
        other changes into a copy of the master. Returns the last file written (all are in `written`)."""
        from mentorxl.book.sheet_writer import write_sheet_book

        last: Path | None = None
        for key, rows in self._standalone_rows.items():
            spec = k.BY_KEY[key]
            last = write_sheet_book(self._standalone_paths[key], spec, rows, master=self._path,
                                    title=f"{spec.name}: книга «{self._path.name}»")
            self.written.append(last)
        self._standalone_rows.clear()
        self._marks.clear()  # headless results link to the cells instead of colouring the master
        if not self.pending:
            return last
        if self._path.suffix.lower() not in (".xlsx", ".xlsm"):
            raise BookUnreadable(f"Изменения в книгу «{self._path.name}» из командной строки записываются только "
                                 "для .xlsx и .xlsm.", "Сохраните книгу как .xlsx или выполните действие кнопкой.")
        import openpyxl  # imported here: reading never needs it

        keep_vba = self._path.suffix.lower() == ".xlsm"
        wb = openpyxl.load_workbook(self._path, keep_vba=keep_vba)
        try:
            for op, spec, payload in self._ops:
                _APPLY[op](wb, self._table(spec), payload)
            target = self.result_path()
            with atomic_path(target) as tmp:
                wb.save(tmp)
        finally:
            wb.close()
        self._ops.clear()
        self.written.append(target)
        return target

    def _table(self, spec: SheetSpec) -> Table:
        if spec.key not in self._tables:
            self._tables.update(read_tables(self._path, [spec], [spec]))
        return self._tables[spec.key]


def _set(cell: Any, value: object, kind: Kind | None = None) -> None:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        cell.value = value
        cell.data_type = "s"  # what a user typed stays text, never becomes a formula
        return
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    cell.value = value
    if isinstance(value, date | datetime) or (kind is Kind.DATE and value is not None):
        cell.number_format = DATE_FORMAT


def _kinds(table: Table) -> dict[str, Kind]:
    return {c.key: c.kind for c in table.spec.columns}


def _write_row(ws: Any, table: Table, row: int, values: Mapping[str, object]) -> None:
    kinds = _kinds(table)
    for key, value in values.items():
        if key in table.columns:
            _set(ws.cell(row=row, column=table.columns[key] + 1), value, kinds.get(key))


def _grow_tables(ws: Any, table: Table, last_row: int) -> None:
    """Stretch the Excel table whose header is this table's header row down to `last_row`."""
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import range_boundaries

    for t in ws.tables.values():
        min_col, min_row, max_col, _ = range_boundaries(t.ref)
        if min_row == table.header_row:
            t.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max(last_row, min_row + 1)}"
            if t.autoFilter is not None:
                t.autoFilter.ref = t.ref


def _replace(wb: Any, table: Table, rows: list[Mapping[str, object]]) -> None:
    ws = wb[table.sheet]
    table = replace(table, columns=written_columns(table, rows))  # the user's own columns move with a row
    start = (table.header_row or 0) + 1
    for r in range(start, ws.max_row + 1):  # the rows go whole, the user's own columns too (as in FakeBook)
        for c in [*table.columns.values(), *table.extra.values()]:
            ws.cell(row=r, column=c + 1).value = None
    for i, values in enumerate(rows):
        _write_row(ws, table, start + i, values)
    _grow_tables(ws, table, start + len(rows) - 1)


def _append(wb: Any, table: Table, rows: list[Mapping[str, object]]) -> None:
    ws = wb[table.sheet]
    last = max((n for n, _ in table.rows), default=table.header_row or 0)
    for i, values in enumerate(rows):
        _write_row(ws, table, last + 1 + i, values)
    _grow_tables(ws, table, last + len(rows))


def _append_own(wb: Any, table: Table, rows: list[Mapping[str, object]]) -> None:
    """Append rows whose keys include headers of the user's own columns; new headers join the Excel table."""
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet.table import TableColumn

    ws = wb[table.sheet]
    table, added = with_own_columns(table, rows)
    header_row = table.header_row or 1
    for index, text in added:
        ws.cell(row=header_row, column=index + 1).value = text
    right = max([i + 1 for i, _ in added], default=0)
    for t in ws.tables.values():
        min_col, min_row, max_col, max_row = range_boundaries(t.ref)
        if min_row == header_row and right > max_col:
            for column in range(max_col + 1, right + 1):
                name = ws.cell(row=header_row, column=column).value or f"Столбец{column}"
                t.tableColumns.append(TableColumn(id=len(t.tableColumns) + 1, name=str(name)))
            t.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(right)}{max_row}"
            if t.autoFilter is not None:
                t.autoFilter.ref = t.ref
    _append(wb, table, rows)


def _update(wb: Any, table: Table, updates: list[tuple[int, str, object]]) -> None:
    ws = wb[table.sheet]
    kinds = _kinds(table)
    for row, key, value in updates:
        if (index := table.index(key)) is not None:
            _set(ws.cell(row=row, column=index + 1), value, kinds.get(key))


_APPLY: dict[str, Callable[[Any, Table, Any], None]] = {
    "replace": _replace, "append": _append, "append_own": _append_own, "update": _update,
}


def _merge_suggestions(data: ProgramData, earlier: Path) -> list[Suggestion]:
    """Decisions typed into an earlier «… — подбор.xlsx» count as if typed on the master's «Подбор»."""
    from mentorxl.core.rows import load_rows

    tables = read_tables(earlier, [k.SUGGESTIONS], [])
    if k.SUGGESTIONS.key not in tables or not tables[k.SUGGESTIONS.key].found:
        return data.suggestions
    rows, _ = load_rows(tables[k.SUGGESTIONS.key], Suggestion)
    merged = {(s.mentee, s.mentor): s for s in data.suggestions}
    merged.update({(s.mentee, s.mentor): s for s in rows})
    return list(merged.values())
