"""The workbook as a file, for the command line and tests: changes go into the book itself, losslessly.

Reading goes through calamine (fast). Writes are collected, then applied to the sheets' XML inside the zip
(book/package.py): the parts the command changes are rewritten, every other part is copied byte for byte.
The book is replaced atomically (a temporary file beside it, then a rename) after a copy is kept in
«Резервные копии» (book/backups.py). With `out` the changed book goes to that separate file instead, and the
book given is only read. A change that cannot be made without losing something is not made at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mentorxl.book.files import atomic_path, ensure_writable, is_open, same_file
from mentorxl.book.port import CellMark
from mentorxl.book.reader import ESSENTIAL, read_tables
from mentorxl.core import contract as k
from mentorxl.core.contract import SheetSpec
from mentorxl.core.program import ProgramData, load_program
from mentorxl.core.table import Table, with_own_columns
from mentorxl.errors import BookUnreadable, FileBusy, MentorXLError, SheetMissing, WouldLoseData

Op = tuple[str, SheetSpec, Any]
WRITABLE = (".xlsx", ".xlsm")
OUT_HINT = "Запишите результат в отдельную копию (--out Копия.xlsx) или выполните действие кнопкой в открытой книге."


class HeadlessBook:
    """`out`: a separate file for the changed book (the book given is then only read). `result` is the old name
    of `out`; `suffix` is no longer used (the command line used to write copies «Книга — suffix.xlsx»)."""

    def __init__(self, path: Path, *, out: Path | None = None, result: Path | None = None, suffix: str = ""):
        self._path = Path(path)
        self._out = Path(out) if out is not None else (Path(result) if result is not None else None)
        self._tables: dict[str, Table] = {}
        self._ops: list[Op] = []
        self.backup: Path | None = None
        self.written: list[Path] = []

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def target(self) -> Path:
        return self._out or self._path

    def read(self, specs: Iterable[SheetSpec] | None = None,
             required: Iterable[SheetSpec] | None = None) -> ProgramData:
        self._tables = read_tables(self._path, specs or k.SHEETS, ESSENTIAL if required is None else required)
        return load_program(self._tables)

    def replace_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]]) -> None:
        self._ops.append(("replace", spec, list(rows)))

    def append_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                    own_columns: bool = False) -> None:
        self._ops.append(("append_own" if own_columns else "append", spec, list(rows)))

    def update_cells(self, spec: SheetSpec, updates: Sequence[tuple[int, str, object]]) -> None:
        self._ops.append(("update", spec, list(updates)))

    def mark_cells(self, marks: Sequence[CellMark]) -> None:
        """Colouring cells is the buttons' work; from the command line the list on «Ошибки» says where."""

    @property
    def pending(self) -> bool:
        return bool(self._ops)

    def check_target(self, *, lists_only: bool = False) -> None:
        """Before any work: the book can be changed here (or `out` written). Raises the user's message.
        `lists_only`: the command writes only the program's lists («Ошибки», «Подбор»), which a .ods book
        given to the command line does without (they are printed)."""
        suffix = self._path.suffix.lower()
        if self._out is not None:
            check_out(self._out, self._path)
        elif suffix not in WRITABLE and lists_only:
            return
        elif suffix not in WRITABLE:
            raise WouldLoseData(f"Книгу «{self._path.name}» ({suffix or 'без расширения'}) командная строка не "
                                "изменяет: это делают кнопки на листе «Панель» в LibreOffice Calc.",
                                "Нажмите нужную кнопку в открытой книге или сохраните её как .xlsx / .xlsm.")
        elif is_open(self._path):
            raise FileBusy(f"Книга «{self._path.name}» открыта в Excel или LibreOffice: запись в неё из командной "
                           "строки потеряла бы ваши несохранённые правки (или их затёрло бы сохранение).",
                           "Нажмите кнопку в открытой книге, или сохраните и закройте книгу и запустите команду "
                           "снова, или запишите результат в копию: --out Копия.xlsx.")

    def save(self) -> Path | None:
        """Write what the action produced; returns the file written (the book itself, or `out`), or None when
        nothing changed. A .ods book given to the command line keeps its lists («Ошибки», «Подбор») unwritten:
        the command printed them; any other change is refused in `check_target`."""
        if not self._ops:
            return None
        lists_only = all(spec.owned for _, spec, _ in self._ops)
        if self._out is None and self._path.suffix.lower() not in WRITABLE and lists_only:
            self._ops.clear()
            return None
        self.check_target(lists_only=lists_only)
        from mentorxl.book.sheet_xml import Unkeepable

        package = _open_package(self._path)
        try:
            sheet = ""
            try:
                for op, spec, payload in self._ops:
                    sheet = spec.name
                    _APPLY[op](package, self._table(package, spec), payload)
            except Unkeepable as e:
                raise WouldLoseData(f"Книгу «{self._path.name}» нельзя изменить без потерь: на листе «{sheet}» — "
                                    f"{e.what}; MentorXL не записывает книгу, если что-то в ней пропало бы.",
                                    OUT_HINT) from e
            target = self.target
            with atomic_path(target) as tmp:
                package.write(tmp)
                if self._out is None:
                    from mentorxl.book.backups import back_up

                    self.backup = back_up(self._path)
        finally:
            package.close()
        self._ops.clear()
        self.written.append(target)
        return target

    def _table(self, package: Any, spec: SheetSpec) -> Table:
        if spec.key not in self._tables:
            try:
                self._tables.update(read_tables(self._path, [spec], [spec]))
            except SheetMissing:
                if not spec.owned:
                    raise
                package.add_sheet(spec.name)
                self._tables[spec.key] = Table(spec, spec.name, None)
        table = self._tables[spec.key]
        if not table.found:
            sheet = package.sheet(table.sheet)
            header = sheet.max_row + 2 if sheet.max_row else 1
            for i, text in enumerate(spec.headers):
                sheet.set(header, i, text)
            table = Table(spec, table.sheet, header, columns={c.key: i for i, c in enumerate(spec.columns)})
            self._tables[spec.key] = table
        return table


def check_out(out: Path, book: Path) -> None:
    """`--out` is a separate file: never the book itself (however spelled), never a file open in Excel/Calc,
    and of the same kind as the book (a .xlsm's macros do not go into a .xlsx)."""
    if same_file(out, book):
        raise MentorXLError(f"--out указывает на саму книгу «{book.name}»: копия не может заменить книгу.",
                            "Чтобы изменить саму книгу, запустите команду без --out; для копии укажите другое имя.")
    if out.suffix.lower() != book.suffix.lower():
        raise MentorXLError(f"Копия «{out.name}» должна быть того же вида, что и книга ({book.suffix}).",
                            f"Укажите имя с расширением {book.suffix}.")
    if out.is_dir():
        raise MentorXLError(f"«{out}» — папка, а --out ждёт имя файла.", f"Например: --out «{out / book.name}».")
    ensure_writable(out)


def _open_package(path: Path) -> Any:
    from mentorxl.book.package import Package
    from mentorxl.book.sheet_xml import Unkeepable

    try:
        return Package(path)
    except (Unkeepable, KeyError, ValueError, OSError) as e:
        if isinstance(e, OSError) and not isinstance(e, FileNotFoundError | IsADirectoryError):
            raise
        raise BookUnreadable(f"Книгу «{path.name}» не удалось разобрать для записи: {e}.",
                             "Пересохраните книгу в Excel или LibreOffice и запустите команду снова.") from e
    except Exception as e:  # a broken zip or XML
        raise BookUnreadable(f"Книгу «{path.name}» не удалось разобрать для записи ({type(e).__name__}).",
                             "Пересохраните книгу в Excel или LibreOffice и запустите команду снова.") from e


# ---------------------------------------------------------------- the operations on sheet XML


def _styles(sheet: Any, table: Table, row: int) -> dict[int, int | None]:
    """The style each column's new cells take: that of the cell in `row` (a data row), as Excel continues a
    table, else none."""
    return {col: sheet.style_of(row, col) for col in table.columns.values()}


def _write(sheet: Any, table: Table, row: int, values: Mapping[str, object],
           styles: Mapping[int, int | None]) -> None:
    for key, value in values.items():
        col = table.columns.get(key)
        if col is None:
            continue
        sheet.set(row, col, value, style=styles.get(col))


def _replace(package: Any, table: Table, rows: list[Mapping[str, object]]) -> None:
    sheet = package.sheet(table.sheet)
    start = (table.header_row or 0) + 1
    styles = _styles(sheet, table, start)
    sheet.clear_columns(table.columns.values(), start)
    for i, values in enumerate(rows):
        _write(sheet, table, start + i, values, styles)
    package.grow_table(table.sheet, table.header_row, start + len(rows) - 1, [])


def _append(package: Any, table: Table, rows: list[Mapping[str, object]],
            added: list[tuple[int, str]] | None = None) -> None:
    sheet = package.sheet(table.sheet)
    header = table.header_row or 0
    last = max((n for n, _ in table.rows), default=header)
    styles = _styles(sheet, table, last if last > header else header + 1)
    for i, values in enumerate(rows):
        _write(sheet, table, last + 1 + i, values, styles)
    package.grow_table(table.sheet, header, last + len(rows), added or [])


def _append_own(package: Any, table: Table, rows: list[Mapping[str, object]]) -> None:
    table, added = with_own_columns(table, rows)
    sheet = package.sheet(table.sheet)
    header = table.header_row or 1
    for index, text in added:
        sheet.set(header, index, text, style=sheet.style_of(header, index - 1) if index else None)
    _append(package, table, rows, added)


def _update(package: Any, table: Table, updates: list[tuple[int, str, object]]) -> None:
    sheet = package.sheet(table.sheet)
    styles = _styles(sheet, table, (table.header_row or 0) + 1)
    for row, key, value in updates:
        _write(sheet, table, row, {key: value}, styles)


_APPLY: dict[str, Callable[[Any, Table, Any], None]] = {
    "replace": _replace, "append": _append, "append_own": _append_own, "update": _update,
}
