"""Cells of one worksheet part (xl/worksheets/sheetN.xml), changed in place with lxml.

Only the cells asked for change: a cleared cell keeps its style (`s`), a new cell takes the style of the
column's first data cell, strings are written inline (`t="inlineStr"`) so that sharedStrings.xml stays as it
was, and everything else in the part (data validations, conditional formats, extLst, drawings, comments'
anchors, merges, column widths) is kept as the parser read it. A change the writer cannot make without
damaging the sheet (a shared or array formula, a merged cell) raises `Unkeepable` naming what would be lost.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from lxml import etree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_C, _ROW, _V, _F, _IS, _T = (f"{{{MAIN}}}{n}" for n in ("c", "row", "v", "f", "is", "t"))
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_EPOCH = datetime(1899, 12, 30)
PARSER = etree.XMLParser(huge_tree=True, remove_blank_text=False, resolve_entities=False, no_network=True)


class Unkeepable(Exception):  # noqa: N818 - a reason, turned into the user's message by the caller
    """This sheet cannot be changed without losing something: `what` says what, in Russian."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


def col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def col_letters(index: int) -> str:
    letters, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def parse_ref(ref: str) -> tuple[int, int]:
    """«B7» → (7, 1): the Excel row and the 0-based column."""
    m = _REF.match(ref.strip())
    if not m:
        raise ValueError(ref)
    return int(m.group(2)), col_index(m.group(1))


def _escape(text: str) -> str:
    """Characters XML 1.0 cannot hold are written as Excel writes them (`_x0001_`); a literal «_x0041_» in
    the text is protected the same way, so calamine and Excel read back exactly what was typed."""
    return _XML_BAD.sub(lambda m: "_x005F_" if m.group() == "_" else f"_x{ord(m.group()):04X}_", text)


def serial(value: date | datetime) -> float:
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    delta = moment.replace(tzinfo=None) - _EPOCH
    days = delta.days + delta.seconds / 86400
    return int(days) if days == int(days) else days


class SheetPart:
    """One worksheet's XML, parsed once; `set`/`clear_columns` change it, `to_bytes` serialises it."""

    def __init__(self, xml: bytes, date_style: Callable[[int | None], int | None]):
        self.root = etree.fromstring(xml, PARSER)
        data = self.root.find(f"{{{MAIN}}}sheetData")
        if data is None:
            raise Unkeepable("лист без данных в привычной форме (нет sheetData)")
        self.data = data
        self._date_style = date_style
        self._rows: dict[int, Any] = {}
        self._cells: dict[int, dict[int, Any]] = {}
        self._touched: set[int] = set()
        self._new_rows = False
        self._merged = self._merges()
        last = 0
        for row in data.iter(_ROW):
            r = int(row.get("r") or last + 1)
            row.set("r", str(r))
            self._rows[r] = row
            last = r
        self.max_row = last
        self.max_col = -1

    def _merges(self) -> list[tuple[int, int, int, int]]:
        out = []
        for m in self.root.iter(f"{{{MAIN}}}mergeCell"):
            ref = m.get("ref") or ""
            if ":" in ref:
                (r1, c1), (r2, c2) = (parse_ref(x) for x in ref.split(":", 1))
                out.append((r1, c1, r2, c2))
        return out

    def _row_cells(self, r: int) -> dict[int, Any]:
        cells = self._cells.get(r)
        if cells is None:
            cells = {}
            row = self._rows.get(r)
            if row is not None:
                last = -1
                for c in row.iter(_C):
                    ref = c.get("r")
                    col = parse_ref(ref)[1] if ref else last + 1
                    if not ref:
                        c.set("r", f"{col_letters(col)}{r}")
                    cells[col] = c
                    last = col
            self._cells[r] = cells
        return cells

    def _row(self, r: int) -> Any:
        row = self._rows.get(r)
        if row is None:
            row = etree.Element(_ROW, r=str(r))
            self._rows[r] = row
            self._new_rows = True
            self.max_row = max(self.max_row, r)
        return row

    def style_of(self, r: int, col: int) -> int | None:
        cell = self._row_cells(r).get(col)
        return int(cell.get("s")) if cell is not None and cell.get("s") else None

    def _guard(self, r: int, col: int, cell: Any) -> None:
        for r1, c1, r2, c2 in self._merged:
            if r1 <= r <= r2 and c1 <= col <= c2 and (r, col) != (r1, c1):
                raise Unkeepable(f"объединённые ячейки {col_letters(c1)}{r1}:{col_letters(c2)}{r2}")
        if cell is not None:
            f = cell.find(_F)
            if f is not None and f.get("t") in ("shared", "array", "dataTable"):
                raise Unkeepable(f"общая формула в ячейке {col_letters(col)}{r}")

    def clear_columns(self, columns: Iterable[int], first_row: int) -> None:
        """Empty these columns from `first_row` down; a cell's style stays (the user's colours and borders)."""
        wanted = set(columns)
        for r in [r for r in self._rows if r >= first_row]:
            cells = self._row_cells(r)
            for col in wanted & cells.keys():
                cell = cells[col]
                if len(cell) or cell.get("t"):
                    self._guard(r, col, cell)
                    _empty(cell)
                if cell.get("s") is None:
                    cell.getparent().remove(cell)
                    del cells[col]

    def set(self, r: int, col: int, value: object, *, style: int | None = None, as_date: bool = False) -> None:
        """Write one value; `style` is used only for a cell that has none yet."""
        cells = self._row_cells(r)
        cell = cells.get(col)
        self._guard(r, col, cell)
        if cell is None:
            if value is None or value == "":
                return
            cell = etree.SubElement(self._row(r), _C, r=f"{col_letters(col)}{r}")
            if style is not None:
                cell.set("s", str(style))
            cells[col] = cell
            self._touched.add(r)
        _empty(cell)
        self.max_col = max(self.max_col, col)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        if value is None or value == "":
            return
        if isinstance(value, date | datetime):
            current = int(cell.get("s")) if cell.get("s") else None
            chosen = self._date_style(current)
            if chosen is None:  # the book has no styles part: the date goes as text, read back the same
                _text(cell, f"{value:%d.%m.%Y}")
                return
            cell.set("s", str(chosen))
            etree.SubElement(cell, _V).text = repr(serial(value))
        elif isinstance(value, bool):
            cell.set("t", "b")
            etree.SubElement(cell, _V).text = "1" if value else "0"
        elif isinstance(value, int | float) and math.isfinite(value) and abs(value) < 1e300:
            etree.SubElement(cell, _V).text = repr(value)
        else:
            _text(cell, str(value))

    def to_bytes(self) -> bytes:
        for r in self._touched:
            row = self._rows[r]
            cells = sorted(row.iter(_C), key=lambda c: parse_ref(c.get("r"))[1])
            tail = [e for e in row if e.tag != _C]
            row[:] = [*cells, *tail]
            row.attrib.pop("spans", None)
        if self._new_rows:
            self.data[:] = [self._rows[r] for r in sorted(self._rows)]
        self._dimension()
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _dimension(self) -> None:
        dim = self.root.find(f"{{{MAIN}}}dimension")
        if dim is None or self.max_col < 0:
            return
        ref = dim.get("ref") or "A1"
        first, _, last = ref.partition(":")
        try:
            last_row, last_col = parse_ref(last or first)
        except ValueError:
            return
        last_row = max(last_row, self.max_row)
        last_col = max(last_col, self.max_col)
        dim.set("ref", f"{first}:{col_letters(last_col)}{last_row}")


def _empty(cell: Any) -> None:
    for child in list(cell):
        cell.remove(child)
    cell.attrib.pop("t", None)


def _text(cell: Any, text: str) -> None:
    cell.set("t", "inlineStr")
    t = etree.SubElement(etree.SubElement(cell, _IS), _T)
    t.text = _escape(text)
    if text != text.strip() or "\n" in text:
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
