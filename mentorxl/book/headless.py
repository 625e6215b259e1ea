"""The workbook as a file, for the command line and tests: changes go into the book itself, losslessly.

Reading goes through calamine (fast). Writes are collected, then applied to the sheets' XML inside the zip
(book/package.py): the parts the command changes are rewritten, every other part is copied byte for byte.
The book is replaced atomically (a temporary file beside it, then a rename) after a copy is kept in
«Резервные копии» (book/backups.py). With `out` the changed book goes to that separate file instead, and the
book given is only read. A change that cannot be made without losing something is not made at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mentorxl.book.extent import ExtentGuard
from mentorxl.book.files import atomic_path, ensure_writable, is_open, same_file
from mentorxl.book.grid_book import GridBook
from mentorxl.book.port import CellMark
from mentorxl.book.reader import open_workbook, sheet_grid
from mentorxl.core.contract import SheetSpec
from mentorxl.core.table import Grid
from mentorxl.core.text import sheet_key
from mentorxl.errors import BookUnreadable, FileBusy, MentorXLError, SheetMissing, WouldLoseData

WRITABLE = (".xlsx", ".xlsm")
MARKS_SHEET = "MentorXL.marks.cli"  # hidden: the styles the command line's marks replaced
COLOR_ERROR, COLOR_WARNING = "FFC7CE", "FFEB9C"
OUT_HINT = "Запишите результат в отдельную копию (--out Копия.xlsx) или выполните действие кнопкой в открытой книге."


class HeadlessBook(GridBook):
    """`out`: a separate file for the changed book (the book given is then only read). `result` is the old name
    of `out`; `suffix` is no longer used (the command line used to write copies «Книга — suffix.xlsx»)."""

    def __init__(self, path: Path, *, out: Path | None = None, result: Path | None = None, suffix: str = ""):
        super().__init__()
        self._path = Path(path)
        self._out = Path(out) if out is not None else (Path(result) if result is not None else None)
        self._workbook: Any = None
        self._guard: ExtentGuard | None = None
        self._package: Any = None
        self._sheet_now = ""
        self.backup: Path | None = None
        self.written: list[Path] = []

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def target(self) -> Path:
        return self._out or self._path

    # primitives: reading through calamine -------------------------------------------------------------
    def opened(self) -> None:
        if self._workbook is None:
            self._workbook = open_workbook(self._path)
            self._guard = ExtentGuard(self._path)

    def closed(self) -> None:
        if self._guard is not None:
            self._guard.close()
        if self._workbook is not None:
            self._workbook.close()
        self._workbook = self._guard = None

    def _reading(self, work: Callable[[Any], Any]) -> Any:
        """`work(calamine workbook)`, opening the file for it when no read is under way."""
        if self._workbook is not None:
            return work(self._workbook)
        self.opened()
        try:
            return work(self._workbook)
        finally:
            self.closed()

    def sheet_names(self) -> list[str]:
        names: list[str] = self._reading(lambda book: list(book.sheet_names))
        if self._package is not None:
            names += [n for n in self._package.sheets if n not in names]
        return names

    def grid(self, sheet: str) -> Grid:
        if self._package is not None and sheet in self._package.added:
            return []
        grid: Grid = self._reading(lambda book: sheet_grid(book, sheet, self._guard))
        return grid

    def is_chart(self, sheet: str) -> bool:
        if self._package is not None and sheet in self._package.added:
            return False
        return bool(self._reading(lambda _: self._guard is not None and self._guard.is_chart(sheet)))

    def missing(self, spec: SheetSpec) -> SheetMissing:
        return SheetMissing(f"В книге «{self._path.name}» нет листа «{spec.name}».",
                            "Верните лист с таким названием (его можно скопировать из новой книги "
                            "«mentorxl new») и запустите снова.")

    # primitives: writing into the sheets' XML ------------------------------------------------------------
    def _part(self, sheet: str) -> Any:
        from mentorxl.book.sheet_xml import Unkeepable

        self._part_package()
        self._sheet_now = sheet
        try:
            return self._package.sheet(sheet)
        except Unkeepable as e:
            raise self._refusal(e) from e

    def _refusal(self, e: Any) -> WouldLoseData:
        return WouldLoseData(f"Книгу «{self._path.name}» нельзя изменить без потерь: на листе «{self._sheet_now}» — "
                             f"{e.what}; MentorXL не записывает книгу, если что-то в ней пропало бы.", OUT_HINT)

    def _guarded(self, work: Callable[[], None]) -> None:
        from mentorxl.book.sheet_xml import Unkeepable

        try:
            work()
        except Unkeepable as e:
            raise self._refusal(e) from e

    def add_sheet(self, name: str) -> None:
        self._part_package()
        self._package.add_sheet(name)

    def _part_package(self) -> None:
        """The book's zip, opened for writing at the first change (after checking it may be written)."""
        if self._package is None:
            self.check_target(lists_only=True)
            self._package = _open_package(self._path)

    def write_cells(self, sheet: str, first_row: int, col: int, values: Sequence[object], *,
                    template_row: int | None = None) -> None:
        part = self._part(sheet)
        style = part.style_of(template_row, col) if template_row else None

        self._guarded(lambda: part.set_column(first_row, col, values, style=style))

    def clear_cells(self, sheet: str, first_row: int, col: int) -> None:
        part = self._part(sheet)
        self._guarded(lambda: part.clear_columns([col], first_row))

    def resize_table(self, sheet: str, header_row: int, last_row: int, added: Sequence[tuple[int, str]]) -> None:
        self._part(sheet)
        self._guarded(lambda: self._package.grow_table(sheet, header_row, last_row, list(added)))

    def link_cells(self, sheet: str, first_row: int, col: int, links: Sequence[object],
                   texts: Sequence[object]) -> None:
        part = self._part(sheet)
        part.link(col, first_row, [(first_row + i, str(link), str(text or ""))
                                   for i, (link, text) in enumerate(zip(links, texts, strict=True)) if link])

    # the port ------------------------------------------------------------------------------------------
    def mark_cells(self, marks: Sequence[CellMark]) -> None:
        """Colour the problem cells as the buttons do, and give back the styles the previous marks took: each
        marked cell's own style is kept on the hidden sheet «MentorXL.marks.cli» (sheet, row, column, style)."""
        if self._out is None and self._path.suffix.lower() not in WRITABLE:
            return  # a .ods is coloured by its buttons
        names = {sheet_key(n): n for n in self.sheet_names()}
        earlier = sheet_key(MARKS_SHEET) in names
        if not marks and not earlier:
            return
        self._part_package()
        if earlier:
            for line in self.grid(names[sheet_key(MARKS_SHEET)]):
                sheet, row, col, style = [*line, "", "", "", ""][:4]
                if sheet and str(sheet) in names.values() and isinstance(row, int | float) and \
                        isinstance(col, int | float):
                    own = int(style) if isinstance(style, int | float) else None
                    self._part(str(sheet)).restyle(int(row), int(col), own)
            store = self._part(MARKS_SHEET)
            for col in range(4):
                store.clear_columns([col], 1)
        else:
            self._package.add_sheet(MARKS_SHEET, hidden=True)
        kept: list[tuple[str, int, int, int | None]] = []
        located: dict[str, tuple[Any, dict[str, int]]] = {}  # a sheet's table and its columns by header, once
        for mark in marks:
            if mark.sheet not in located:
                found = next((t for t in self._tables.values() if t.sheet == names.get(sheet_key(mark.sheet))), None)
                located[mark.sheet] = (found, {} if found is None else
                                       {found.header_of(key): i for key, i in found.columns.items()} | found.extra)
            table, columns = located[mark.sheet]
            if table is None:
                continue
            col = columns.get(mark.column)
            if col is None:
                continue
            part = self._part(table.sheet)
            own = part.style_of(mark.row, col)
            coloured = self._package.fill_style(own, COLOR_ERROR if mark.error else COLOR_WARNING)
            if coloured is None:
                return  # no styles part: nothing to colour with
            part.restyle(mark.row, col, coloured)
            kept.append((table.sheet, mark.row, col, own))
        store = self._part(MARKS_SHEET)
        for c in range(4):  # sheet, row, column, own style: a column at a time
            store.set_column(1, c, [mark[c] for mark in kept])

    @property
    def pending(self) -> bool:
        return self._package is not None

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

    def replace_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                     own_columns_too: bool = False) -> None:
        if self._lists_skipped(spec):
            return
        super().replace_rows(spec, rows, own_columns_too=own_columns_too)

    def append_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                    own_columns: bool = False) -> None:
        self._changing_data()
        super().append_rows(spec, rows, own_columns=own_columns)

    def update_cells(self, spec: SheetSpec, updates: Sequence[tuple[int, str, object]]) -> None:
        self._changing_data()
        super().update_cells(spec, updates)

    def _lists_skipped(self, spec: SheetSpec) -> bool:
        """A .ods book given to the command line keeps its lists («Ошибки», «Подбор») unwritten: the command
        printed them; its buttons write them in Calc."""
        return spec.owned and self._out is None and self._path.suffix.lower() not in WRITABLE

    def _changing_data(self) -> None:
        if self._path.suffix.lower() not in WRITABLE:
            self.check_target()

    def save(self) -> Path | None:
        """Write what the action produced; returns the file written (the book itself, or `out`), or None when
        nothing changed."""
        if self._package is None:
            return None
        package, self._package = self._package, None
        try:
            self.check_target()
            target = self.target
            with atomic_path(target) as tmp:
                self._guarded(lambda: package.write(tmp))
                if self._out is None:
                    from mentorxl.book.backups import back_up

                    self.backup = back_up(self._path)
        finally:
            package.close()
        self._tables.clear()
        self.written.append(target)
        return target


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
