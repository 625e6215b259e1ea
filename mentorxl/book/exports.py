"""Reading an online-form export: .xlsx/.xlsm/.ods through calamine, .csv/.txt as text.

CSV: UTF-8 with or without a BOM (Google Forms, Yandex Forms) or Windows-1251 (a CSV saved by Russian
Excel); the delimiter («;», «,» or a tab) is sniffed from the first lines. The header row is the first row
that is not empty; every row keeps the line number a user sees in Excel. Cells stay what they are in the file:
a text «=HYPERLINK(…)» is a string here and is never evaluated.
"""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

from mentorxl.book.extent import ExtentGuard
from mentorxl.book.reader import open_workbook, sheet_grid
from mentorxl.core.imports import Export, unique_headers
from mentorxl.core.table import CellError
from mentorxl.errors import BookUnreadable

TABLE_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xlsb")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
DELIMITERS = ";,\t"
HEADER_SCAN_ROWS = 20


def decode(raw: bytes, name: str = "выгрузка") -> str:
    """The text of a CSV: UTF-8 (a BOM dropped) when it decodes, else Windows-1251."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise BookUnreadable(f"Файл «{name}» в кодировке UTF-16 обрезан или повреждён: его конец не читается.",
                                 "Скачайте выгрузку из формы заново или сохраните её в CSV (UTF-8) или в Excel "
                                 "(.xlsx).") from error
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1251")
    except UnicodeDecodeError as error:
        raise BookUnreadable(f"Кодировка файла «{name}» не распознана.",
                             "Сохраните выгрузку в CSV (UTF-8) или в Excel (.xlsx).") from error


def sniff_delimiter(text: str) -> str:
    """«;», «,» or a tab: the one that splits the first rows into the same number of cells as the header
    (quotes respected: a comma inside a quoted answer does not count); more cells win a tie."""
    sample = text[:65536]
    best: tuple[float, int] | None = None
    chosen = ";"
    for delimiter in DELIMITERS:
        try:
            reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
            rows = list(itertools.islice(reader, 30))
        except csv.Error:
            continue
        widths = [len(r) for r in rows if any(c.strip() for c in r)]
        if not widths or widths[0] < 2:
            continue
        score = (sum(1 for w in widths if w == widths[0]) / len(widths), widths[0])
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


def _csv_rows(path: Path) -> list[list[object]]:
    text = decode(path.read_bytes(), path.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    return [list(row) for row in reader]


def _table_rows(path: Path) -> list[list[object]]:
    book = open_workbook(path)
    guard = ExtentGuard(path)
    try:
        names = book.sheet_names
        if not names:
            raise BookUnreadable(f"В файле «{path.name}» нет листов.", "Сохраните выгрузку заново.")
        return [[str(v) if isinstance(v, CellError) else v for v in row] for row in sheet_grid(book, names[0], guard)]
    finally:
        guard.close()
        book.close()


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_export(path: Path) -> Export:
    """The export's headers and rows; BookUnreadable when it is not a table we can read or holds nothing."""
    path = Path(path)
    if not path.is_file():
        raise BookUnreadable(f"Файл выгрузки «{path}» не найден.", "Проверьте путь к файлу.")
    if path.stat().st_size == 0:
        raise BookUnreadable(f"Файл выгрузки «{path.name}» пуст (0 байт).",
                             "Скачайте выгрузку из формы заново.")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        grid = _csv_rows(path)
    elif suffix in TABLE_SUFFIXES:
        grid = _table_rows(path)
    elif suffix == ".xls":
        raise BookUnreadable(f"«{path.name}» — файл старого формата Excel 97–2003 (.xls).",
                             "Откройте его в Excel и сохраните как .xlsx или .csv.")
    else:
        raise BookUnreadable(f"Файл «{path.name}» не похож на выгрузку формы.",
                             "Скачайте ответы формы в Excel (.xlsx) или CSV.")
    filled = (i for i, row in enumerate(grid[:HEADER_SCAN_ROWS]) if any(not _empty(c) for c in row))
    start = next(filled, None)
    if start is None:
        raise BookUnreadable(f"В выгрузке «{path.name}» нет строки заголовков.",
                             "Скачайте ответы формы заново: в первой строке должны быть вопросы.")
    head = grid[start]
    width = max(i + 1 for i, c in enumerate(head) if not _empty(c))
    headers = unique_headers(head[:width])
    rows = [(start + 2 + i, (row + [None] * width)[:width]) for i, row in enumerate(grid[start + 1:])
            if any(not _empty(c) for c in row[:width])]
    return Export(path.name, headers, rows)
