"""The area a sheet of an .xlsx/.xlsm spans, measured before python-calamine loads it.

calamine holds a sheet as a dense grid up to its last filled cell: one value typed far away (say, in
XFD1048576 after Ctrl+End) asks for hundreds of gigabytes and the process dies with no message at all. So
each sheet is measured first: the `<dimension>` Excel writes at the top of the sheet is enough when it is
small; when it is large (formatted empty cells count in it) or absent, the cells holding a value are
measured. A sheet whose values span more than `MAX_CELLS` stops with one clear message naming the far cell.

.ods and .xlsb are not measured (LibreOffice and Excel write them; a stray far value there is left to calamine).
"""

from __future__ import annotations

import html
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mentorxl.errors import BookUnreadable

# About 45 bytes a cell while reading (calamine's grid, then Python's): ~0.8 GB. A value in the last row of
# a bank (1 048 576 rows × 16 columns, 17 to spare) still reads; 16 384 columns × 1 100 rows does not.
MAX_CELLS = 18_000_000
HEAD_BYTES = 16_384  # <dimension> comes right after <sheetPr>, before the data

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*\bref="([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?"')
# A cell holding a value: <c r="K12" …><v>…, <is>… or <f>…; not <c r="K12" s="3"/> nor <c …></c> (a format only).
_VALUE_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"[^>]*(?<!/)>\s*<(?:\w+:)?(?:v|is|f)[\s>/]')


# A cell showing an Excel error: <c r="B7" s="1" t="e"><f>…</f><v>#N/A</v></c> (calamine reads it as empty).
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"[^>]*>.*?<(?:\w+:)?v>([^<]*)</', re.S)
_ERROR_TYPE = re.compile(rb'\bt="e"')


# What a damaged zip raises while we measure: the measuring gives up, calamine reports the damage in Russian.
_DAMAGED = (KeyError, zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError)


@dataclass(frozen=True, slots=True)
class Extent:
    rows: int
    columns: int
    far_cell: str  # the filled cell farthest from A1 (or the corner of <dimension>)

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def column_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode("ascii"):
        n = n * 26 + ord(ch) - 64
    return n


def _attrs(tag: bytes) -> dict[str, str]:
    return {name.decode(): html.unescape(value.decode("utf-8", "replace")) for name, value in _ATTR.findall(tag)}


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the part (file inside the zip) holding its cells, from xl/workbook.xml and its relations."""
    try:
        book = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {}
    for tag in _RELATION.findall(rels):
        a = _attrs(tag)
        target = a.get("Target", "")
        targets[a.get("Id", "")] = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl", target))
    parts = {}
    for tag in _SHEET.findall(book):
        a = _attrs(tag)
        rid = next((value for name, value in a.items() if name.endswith(":id")), "")
        if "name" in a and rid in targets:
            parts[a["name"]] = targets[rid]
    return parts


def _declared(archive: zipfile.ZipFile, part: str) -> Extent | None:
    with archive.open(part) as stream:
        head = stream.read(HEAD_BYTES)
    found = _DIMENSION.search(head)
    if found is None:
        return None
    first_col, first_row, last_col, last_row = found.groups()
    col, row = (last_col, last_row) if last_col else (first_col, first_row)
    if not col or not row:
        return None
    return Extent(int(row), column_number(col), f"{col.decode()}{int(row)}")


def _measured(archive: zipfile.ZipFile, part: str) -> Extent:
    rows = columns = farthest = 0
    far = "A1"
    for letters, digits in _VALUE_CELL.findall(archive.read(part)):
        row, col = int(digits), column_number(letters)
        rows, columns = max(rows, row), max(columns, col)
        if row * col > farthest:
            farthest, far = row * col, f"{letters.decode()}{row}"
    return Extent(rows, columns, far)


def sheet_extent(archive: zipfile.ZipFile, part: str) -> Extent:
    """The declared <dimension> when it is small, else the area of the cells that hold a value."""
    declared = _declared(archive, part)
    if declared is not None and declared.cells <= MAX_CELLS:
        return declared
    return _measured(archive, part)


class ExtentGuard:
    """Opened once per read: `check(sheet)` raises before a sheet too large to hold in memory is loaded."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._archive: zipfile.ZipFile | None = None
        self._parts: dict[str, str] = {}
        if self.path.suffix.lower() in (".xlsx", ".xlsm") and zipfile.is_zipfile(self.path):
            try:
                self._archive = zipfile.ZipFile(self.path)
                self._parts = sheet_parts(self._archive)
            except _DAMAGED:
                self.close()  # calamine will say the file is damaged

    def check(self, sheet: str) -> None:
        part = self._parts.get(sheet)
        if self._archive is None or part is None:
            return
        try:
            extent = sheet_extent(self._archive, part)
        except _DAMAGED:
            return  # a damaged part: calamine reports it
        if extent.cells > MAX_CELLS:
            rows, columns = (f"{n:,}".replace(",", "\u00a0") for n in (extent.rows, extent.columns))
            raise BookUnreadable(
                f"На листе «{sheet}» заполнена ячейка {extent.far_cell} — далеко за таблицей: лист пришлось бы "
                f"читать как {rows} строк × {columns} столбцов.",
                "Перейдите на этом листе к последней заполненной ячейке (Ctrl+End), удалите лишние строки ниже "
                "таблицы и столбцы правее неё (выделить → «Удалить»), сохраните книгу и запустите снова.",
            )

    def is_chart(self, sheet: str) -> bool:
        """The sheet is a chartsheet (a diagram on a sheet of its own, no cells)."""
        return "/chartsheets/" in f"/{self._parts.get(sheet, '')}"

    def errors(self, sheet: str) -> dict[tuple[int, int], str]:
        """(0-based row, column) -> the error value («#N/A») of the cells that show one; {} when none or not
        an .xlsx. The sheet's XML is searched for error cells only: each one is then read alone."""
        part = self._parts.get(sheet)
        if self._archive is None or part is None:
            return {}
        try:
            xml = self._archive.read(part)
        except _DAMAGED:
            return {}
        found: dict[tuple[int, int], str] = {}
        if b't="e"' not in xml:  # fast: no error cell at all (what _ERROR_TYPE needs is not there)
            return found
        for typed in _ERROR_TYPE.finditer(xml):
            start = max(xml.rfind(b"<c ", 0, typed.start()), xml.rfind(b":c ", 0, typed.start()) - 1)
            cell = _ERROR_CELL.match(xml, max(start, 0), xml.find(b"</", typed.end()) + 64)
            if cell and cell.end() > typed.start():
                letters, digits, value = cell.groups()
                found[(int(digits) - 1, column_number(letters) - 1)] = html.unescape(value.decode("utf-8", "replace"))
        return found

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None
