"""The fast reader: python-calamine turns a workbook file into located contract tables.

Every failure to open a file becomes one `BookUnreadable` with a Russian message: not a workbook,
empty, truncated, password-protected, old .xls, a value so far beyond the table that the sheet would not fit
in memory (book/extent.py). Sheets are found by name (case, spaces, ё/е ignored).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import python_calamine as pc

from mentorxl.book.extent import ExtentGuard
from mentorxl.book.grid_book import ESSENTIAL  # the same list for every adapter
from mentorxl.core import contract as k
from mentorxl.core.contract import SheetSpec
from mentorxl.core.program import ProgramData, load_program
from mentorxl.core.table import CellError, SparseGrid, Table, locate
from mentorxl.core.text import sheet_key
from mentorxl.errors import BookUnreadable, SheetMissing

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# An .xlsx encrypted with a password to open is an OLE file holding this stream (MS-OFFCRYPTO), the name in
# UTF-16 in its directory; an OLE file without it is an Excel 97–2003 book, whatever its name.
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
SUPPORTED = (".xlsx", ".xlsm", ".ods", ".xlsb")

# Sheets taller than this are streamed row by row and their empty rows dropped (a value typed in A1048576).
STREAM_ROWS = 100_000


def _sniff(path: Path) -> None:
    if not path.exists():
        raise BookUnreadable(f"Файл «{path}» не найден.", "Проверьте путь к книге.")
    if path.is_dir():
        raise BookUnreadable(f"«{path}» — это папка, а не книга Excel.", "Укажите файл .xlsx, .xlsm или .ods.")
    size = path.stat().st_size
    if size == 0:
        raise BookUnreadable(f"Файл «{path.name}» пуст (0 байт).",
                             "Возьмите последнюю сохранённую копию книги или создайте новую: mentorxl new.")
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(OLE_MAGIC):
        if path.suffix.lower() != ".xls" and ENCRYPTED_STREAM in path.read_bytes():
            raise BookUnreadable(f"Книга «{path.name}» защищена паролем на открытие.",
                                 "Откройте её в Excel, снимите пароль (Файл → Сведения → Защитить книгу → "
                                 "Зашифровать с использованием пароля: очистите поле) и сохраните книгу.")
        raise BookUnreadable(f"«{path.name}» — книга старого формата Excel 97–2003 (.xls).",
                             "Откройте её в Excel и сохраните как «Книга Excel с поддержкой макросов (.xlsm)» "
                             "или «Книга Excel (.xlsx)».")
    if not head.startswith(ZIP_MAGIC):
        raise BookUnreadable(f"«{path.name}» — не книга Excel или LibreOffice.",
                             "Укажите файл .xlsx, .xlsm или .ods; CSV-выгрузку анкет загрузите "
                             "командой mentorxl import.")


def _calamine_failed(error: BaseException) -> bool:
    """calamine's own errors, and a panic inside it: pyo3's PanicException derives from BaseException, so
    `except Exception` (and the CLI's last resort) would let it through as a traceback."""
    return isinstance(error, Exception) or type(error).__name__ == "PanicException"


def open_workbook(path: Path) -> pc.CalamineWorkbook:
    path = Path(path)
    _sniff(path)
    try:
        return pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError as e:
        raise BookUnreadable(f"Книга «{path.name}» защищена паролем.", "Снимите пароль на открытие.") from e
    except BaseException as e:  # calamine raises several types for broken zips and XML
        if not _calamine_failed(e):
            raise
        raise BookUnreadable(
            f"Книгу «{path.name}» не удалось прочитать: файл повреждён или обрезан ({type(e).__name__}).",
            "Возьмите последнюю сохранённую копию; если книга открывается в Excel — пересохраните её.",
        ) from e


def sheet_grid(book: pc.CalamineWorkbook, name: str, guard: ExtentGuard | None = None) -> Sequence[Sequence[object]]:
    """All cells of a sheet from A1, so that row numbers are those the user sees. `guard` first measures the
    sheet: a value far beyond the table stops with a message instead of exhausting the memory."""
    if guard is not None:
        guard.check(name)
    try:
        sheet = book.get_sheet_by_name(name)
        if sheet.height > STREAM_ROWS:  # a far row: streamed, only the filled rows kept
            grid: Sequence[Sequence[object]] = SparseGrid(_filled_rows(sheet.iter_rows()), sheet.height)
        else:  # a usual sheet: one call is faster than streaming
            grid = sheet.to_python(skip_empty_area=False)
    except BaseException as e:
        if not _calamine_failed(e):
            raise
        raise BookUnreadable(f"Лист «{name}» не удалось прочитать: {e}.",
                             "Пересохраните книгу в Excel или LibreOffice.") from e
    for (r, c), code in (guard.errors(name) if guard is not None else {}).items():
        grid = _with_error(grid, r, c, CellError(code))
    return grid


def _with_error(grid: Sequence[Sequence[object]], r: int, c: int, error: CellError) -> Sequence[Sequence[object]]:
    """The grid with the error value calamine reads as empty put back into its cell."""
    if isinstance(grid, SparseGrid):
        grid.put(r, c, error)
        return grid
    rows = grid if isinstance(grid, list) else list(grid)
    while len(rows) <= r:
        rows.append([])
    line: list[object] = list(rows[r])
    line.extend([""] * (c + 1 - len(line)))
    line[c] = error
    rows[r] = line
    return rows


def _filled_rows(rows: Iterable[Sequence[object]]) -> dict[int, list[object]]:
    """The rows holding anything, by 0-based index: empty rows (a million of them before a far value) are
    passed over as calamine streams them, never kept."""
    return {i: list(row) for i, row in enumerate(rows) if row.count("") != len(row)}


def find_sheet(names: Iterable[str], wanted: str) -> str | None:
    target = sheet_key(wanted)
    for name in names:
        if sheet_key(name) == target:
            return name
    return None


def read_tables(path: Path, specs: Iterable[SheetSpec] = k.SHEETS,
                required: Iterable[SheetSpec] = ESSENTIAL) -> dict[str, Table]:
    """The contract tables of a workbook file, located; a required sheet that is absent stops the run."""
    book = open_workbook(path)
    guard = ExtentGuard(path)
    try:
        names = book.sheet_names
        required_keys = {s.key for s in required}
        tables: dict[str, Table] = {}
        for spec in specs:
            name = find_sheet(names, spec.name)
            if name is None:
                if spec.key in required_keys:
                    raise SheetMissing(f"В книге «{Path(path).name}» нет листа «{spec.name}».",
                                       "Верните лист с таким названием (его можно скопировать из новой книги "
                                       "«mentorxl new») и запустите снова.")
                continue
            if guard.is_chart(name):
                tables[spec.key] = Table(spec, name, None, missing=list(spec.required), chart=True)
                continue
            tables[spec.key] = locate(spec, name, sheet_grid(book, name, guard))
        return tables
    finally:
        guard.close()
        book.close()


def read_program(path: Path, specs: Iterable[SheetSpec] = k.SHEETS,
                 required: Iterable[SheetSpec] = ESSENTIAL) -> ProgramData:
    return load_program(read_tables(path, specs, required))
