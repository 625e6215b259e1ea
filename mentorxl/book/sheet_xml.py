"""Cells of one worksheet part (xl/worksheets/sheetN.xml), changed in place with lxml.

Only the cells asked for change: a cleared cell keeps its style (`s`), a new cell takes the style of the
column's first data cell, strings are written inline (`t="inlineStr"`) so that sharedStrings.xml stays as it
was, and everything else in the part (data validations, conditional formats, extLst, drawings, comments'
anchors, merges, column widths) is kept as the parser read it. A change the writer cannot make without
damaging the sheet (a shared or array formula, a merged cell) raises `Unkeepable` naming what would be lost.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from lxml import etree

from mentorxl.book.sheet_bytes import NotPlain, SheetBytes

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_C, _ROW, _V, _F, _IS, _T = (f"{{{MAIN}}}{n}" for n in ("c", "row", "v", "f", "is", "t"))
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
# XML 1.0 cannot hold these (and a parser turns «\r» into «\n»): Excel writes them as «_x000D_»
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_EPOCH = datetime(1899, 12, 30)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# CT_Worksheet's children that come after <hyperlinks>: a new <hyperlinks> goes before the first of them
AFTER_HYPERLINKS = ("printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
                    "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
                    "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
                    "tableParts", "extLst")
PARSER = etree.XMLParser(huge_tree=True, remove_blank_text=False, resolve_entities=False, no_network=True)


class Unkeepable(Exception):
    """This sheet cannot be changed without losing something: `what` says what, in Russian."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


@functools.cache
def col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


@functools.cache
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


def _column_of(ref: str) -> int:
    """The 0-based column of a cell reference («B7» → 1); as `parse_ref`, faster for the usual «B7»."""
    letters = ref.rstrip("0123456789")
    if 0 < len(letters) <= 3 and len(letters) < len(ref) and letters.isascii() and letters.isalpha():
        return col_index(letters)
    return parse_ref(ref)[1]


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
    """One worksheet's XML, parsed once when a value changes (a change of cells' styles alone keeps the bytes:
    sheet_bytes.py). `set` and `clear_columns` only record what to change; `to_bytes` writes the sheet: the part
    before and after the cells as the parser read it, and the rows as strings (untouched rows serialised as they
    were, changed rows rebuilt from their kept cells and the new values)."""

    MARK = "MENTORXL-SHEETDATA-0c5e"

    def __init__(self, xml: bytes, date_style: Callable[[int | None], int | None]):
        self._date_style = date_style
        self.formulas_replaced = False  # a formula was overwritten: the book's calcChain must go
        self._links: list[tuple[int, int, list[tuple[int, str, str]]]] = []
        # a sheet in the plain form is parsed only when something but a cell's style changes (sheet_bytes.py)
        self._plain = SheetBytes.read(xml)
        if self._plain is None:
            self._parse(xml)

    def _parse(self, xml: bytes) -> None:
        self.root = etree.fromstring(xml, PARSER)
        data = self.root.find(f"{{{MAIN}}}sheetData")
        if data is None:
            raise Unkeepable("лист без данных в привычной форме (нет sheetData)")
        self.data = data
        self._prefix = f"{data.prefix}:" if data.prefix else ""
        self._ns = dict(self.root.nsmap)
        self._rows: dict[int, Any] = {}
        self._cells: dict[int, dict[int, Any]] = {}
        self._pending: dict[int, dict[int, tuple[object, int | None]]] = {}
        self._clears: list[tuple[frozenset[int], int]] = []
        self._merged = self._merges()
        self._formulas = self._kept_formulas()
        self._any_formula = next(data.iter(_F), None) is not None  # else no cell written over can hold one
        last = 0
        for row in data.iter(_ROW):
            given = row.get("r")
            r = int(given) if given else last + 1
            if not given:
                row.set("r", str(r))
            self._rows[r] = row
            last = r
        self.max_row = last
        self.max_col = -1

    def _tree(self) -> None:
        """Parse the sheet (once, with the styles changed so far) for a change its bytes alone cannot take."""
        if self._plain is not None:
            xml, self._plain = self._plain.to_bytes(), None
            self._parse(xml)

    @property
    def changed(self) -> bool:
        """Something in the sheet may differ from what was read (a parsed sheet is always written anew)."""
        return self._plain is None or self._plain.changed

    def _merges(self) -> list[tuple[int, int, int, int]]:
        out = []
        for m in self.root.iter(f"{{{MAIN}}}mergeCell"):
            ref = m.get("ref") or ""
            if ":" in ref:
                (r1, c1), (r2, c2) = (parse_ref(x) for x in ref.split(":", 1))
                out.append((r1, c1, r2, c2))
        return out

    def _kept_formulas(self) -> dict[tuple[int, int], str]:
        """Cells holding a shared, array or data-table formula: other cells depend on them."""
        out = {}
        for f in self.data.iter(_F):
            if f.get("t") in ("shared", "array", "dataTable"):
                ref = f.getparent().get("r")
                if ref:
                    out[parse_ref(ref)] = ref
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
                    col = _column_of(ref) if ref else last + 1
                    if not ref:
                        c.set("r", f"{col_letters(col)}{r}")
                    cells[col] = c
                    last = col
            self._cells[r] = cells
        return cells

    def style_of(self, r: int, col: int) -> int | None:
        if self._plain is not None:
            try:
                return self._plain.style_of(r, col)
            except NotPlain:
                self._tree()
        pending = self._pending.get(r, {}).get(col)
        if pending is not None and pending[1] is not None:
            return pending[1]
        cell = self._row_cells(r).get(col)
        return int(cell.get("s")) if cell is not None and cell.get("s") else None

    def _guard(self, r: int, col: int) -> None:
        for r1, c1, r2, c2 in self._merged:
            if r1 <= r <= r2 and c1 <= col <= c2 and (r, col) != (r1, c1):
                raise Unkeepable(f"объединённые ячейки {col_letters(c1)}{r1}:{col_letters(c2)}{r2}")
        if (r, col) in self._formulas:
            raise Unkeepable(f"общая формула в ячейке {col_letters(col)}{r}")

    def restyle(self, r: int, col: int, style: int | None) -> None:
        """Give one cell another style (a colour of a problem, or its own style back), keeping its value."""
        if self._plain is not None:
            try:
                if self._plain.restyle(r, col, style):
                    return
            except NotPlain:
                pass
            self._tree()
        cell = self._row_cells(r).get(col)
        if cell is not None:
            if style is None:
                cell.attrib.pop("s", None)
            else:
                cell.set("s", str(style))
            return
        pending = self._pending.setdefault(r, {})
        value = pending[col][0] if col in pending else None
        pending[col] = (value, style)
        self.max_row = max(self.max_row, r)

    def clear_columns(self, columns: Iterable[int], first_row: int) -> None:
        """Empty these columns from `first_row` down; a cell's style stays (the user's colours and borders)."""
        self._tree()
        wanted = frozenset(columns)
        for (r, col) in self._formulas:
            if r >= first_row and col in wanted:
                self._guard(r, col)
        for r1, c1, r2, c2 in self._merged:
            if r2 >= first_row and any(c1 <= c <= c2 for c in wanted) and (r2 > r1 or c2 > c1):
                raise Unkeepable(f"объединённые ячейки {col_letters(c1)}{r1}:{col_letters(c2)}{r2}")
        self._clears.append((wanted, first_row))
        for r, pending in self._pending.items():
            if r >= first_row:
                for col in wanted & pending.keys():
                    del pending[col]

    def set(self, r: int, col: int, value: object, *, style: int | None = None) -> None:
        """Write one value; `style` is used only for a cell that has none yet."""
        self._tree()
        if self._merged or self._formulas:
            self._guard(r, col)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        self._pending.setdefault(r, {})[col] = (value, style)
        self.max_row = max(self.max_row, r)
        self.max_col = max(self.max_col, col)

    def set_column(self, first_row: int, col: int, values: Sequence[object], *, style: int | None = None) -> None:
        """`set` down column `col` from `first_row`: the same cells, written in one pass (a 10 000-row list)."""
        self._tree()
        if self._merged or self._formulas:
            for r, value in enumerate(values, first_row):
                self.set(r, col, value, style=style)
            return
        pending = self._pending
        for r, value in enumerate(values, first_row):
            cells = pending.get(r)
            if cells is None:
                cells = pending[r] = {}
            cells[col] = ("; ".join(str(v) for v in value) if isinstance(value, list) else value, style)
        if values:
            self.max_row = max(self.max_row, first_row + len(values) - 1)
            self.max_col = max(self.max_col, col)

    def _cleared(self, r: int) -> frozenset[int]:
        out: frozenset[int] = frozenset()
        for columns, first in self._clears:
            if r >= first:
                out |= columns
        return out

    def to_bytes(self) -> bytes:
        """The sheet serialised once: each row rebuilt (changed or new) leaves a marker in the tree where its
        string goes; the untouched rows are written by lxml with the rest of the part, as they were. A sheet never
        parsed is its bytes with the styles changed."""
        if self._plain is not None:
            return self._plain.to_bytes()
        built: list[str] = []
        last: Any = None  # the node of the previous row in the sheet's order
        for r in sorted(self._rows.keys() | self._pending.keys()):
            element = self._rows.get(r)
            pending = self._pending.get(r)
            cleared = self._cleared(r)
            if element is not None and not pending and not cleared:
                last = element
                continue
            marker = etree.Comment(f"{self.MARK}-{len(built)}")
            built.append(self._row_xml(r, element, pending or {}, cleared))
            if element is not None:
                marker.tail = element.tail
                self.data.replace(element, marker)
            elif last is None:
                self.data.insert(0, marker)
            else:
                marker.tail, last.tail = last.tail, None
                last.addnext(marker)
            last = marker
        for col, first, links in self._links:
            self._write_links(col, first, links)
        self.data.text = None
        self._dimension()
        xml = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        pieces = re.split(rb"<!--" + self.MARK.encode() + rb"-(\d+)-->", xml)
        pieces[1::2] = [built[int(i)].encode("utf-8") for i in pieces[1::2]]
        return b"".join(pieces)

    def _row_xml(self, r: int, element: Any, pending: dict[int, tuple[object, int | None]],
                 cleared: frozenset[int]) -> str:
        p = self._prefix
        if element is None:  # a new row: its new cells alone (the «Ошибки» of a first check)
            return f'<{p}row r="{r}">{"".join(self._cell_xml(r, c, *pending[c]) for c in sorted(pending))}</{p}row>'
        cells: dict[int, str] = {}
        existing = self._row_cells(r)
        for col, cell in existing.items():
            if self._any_formula and (col in pending or col in cleared) and cell.find(_F) is not None:
                self.formulas_replaced = True
            if col in pending:
                continue
            if col in cleared:
                if cell.get("s") is not None:
                    cells[col] = f'<{p}c r="{col_letters(col)}{r}" s="{cell.get("s")}"/>'
                continue
            cells[col] = _strip_ns(etree.tostring(cell, encoding="unicode"), self._ns)
        attrs = "".join(f' {self._attr_name(k)}="{_attr(v)}"' for k, v in element.attrib.items()
                        if k != "spans")
        extra = "".join(_strip_ns(etree.tostring(e, encoding="unicode"), self._ns) for e in element if e.tag != _C)
        for col, (value, style) in pending.items():
            cell = existing.get(col)
            current = int(cell.get("s")) if cell is not None and cell.get("s") else style
            cells[col] = self._cell_xml(r, col, value, current)
        body = "".join(cells[c] for c in sorted(cells))
        return f"<{p}row{attrs}>{body}{extra}</{p}row>"

    def _cell_xml(self, r: int, col: int, value: object, style: int | None) -> str:
        p = self._prefix
        ref = f"{col_letters(col)}{r}"
        if type(value) is str and value:  # text, the usual value (most of «Ошибки»): the first look
            return self._text_xml(ref, value, style)
        if value is None or value == "":
            return f'<{p}c r="{ref}" s="{style}"/>' if style is not None else ""
        if isinstance(value, date | datetime):
            chosen = self._date_style(style)
            if chosen is None:  # the book has no styles part: the date goes as text, read back the same
                return self._cell_xml(r, col, f"{value:%d.%m.%Y}", style)
            return f'<{p}c r="{ref}" s="{chosen}"><{p}v>{serial(value)!r}</{p}v></{p}c>'
        s = f' s="{style}"' if style is not None else ""
        if isinstance(value, bool):
            return f'<{p}c r="{ref}"{s} t="b"><{p}v>{int(value)}</{p}v></{p}c>'
        if isinstance(value, int | float) and math.isfinite(value) and abs(value) < 1e300:
            return f'<{p}c r="{ref}"{s}><{p}v>{value!r}</{p}v></{p}c>'
        return self._text_xml(ref, str(value), style)

    def _text_xml(self, ref: str, text: str, style: int | None) -> str:
        p = self._prefix
        s = f' s="{style}"' if style is not None else ""
        space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
        return f'<{p}c r="{ref}"{s} t="inlineStr"><{p}is><{p}t{space}>{_attr(_escape(text))}</{p}t></{p}is></{p}c>'

    def link(self, col: int, first_row: int, links: list[tuple[int, str, str]]) -> None:
        """Links inside the book for cells of column `col` — (row, «'Лист'!C5», text shown) — replacing the
        links a previous run left in that column from `first_row` down (links to files or sites stay)."""
        self._tree()
        self._links.append((col, first_row, links))

    def _write_links(self, col: int, first: int, links: list[tuple[int, str, str]]) -> None:
        box = self.root.find(f"{{{MAIN}}}hyperlinks")
        if box is None:
            box = etree.Element(f"{{{MAIN}}}hyperlinks")
            later = next((e for e in self.root if etree.QName(e).localname in AFTER_HYPERLINKS), None)
            if later is None:
                self.root.append(box)
            else:
                later.addprevious(box)
        for old in list(box):
            ref = (old.get("ref") or "").split(":")[0]
            try:
                r, c = parse_ref(ref)
            except ValueError:
                continue
            if c == col and r >= first and old.get(f"{{{REL}}}id") is None:
                box.remove(old)
        for r, location, shown in links:
            etree.SubElement(box, f"{{{MAIN}}}hyperlink", ref=f"{col_letters(col)}{r}", location=location,
                             display=shown)
        if not len(box):
            box.getparent().remove(box)

    def _attr_name(self, key: str) -> str:
        if not key.startswith("{"):
            return key
        uri, _, local = key[1:].partition("}")
        prefix = next((p for p, u in self._ns.items() if u == uri and p), None)
        return f"{prefix}:{local}" if prefix else local

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


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


_NS_DECL = re.compile(r' xmlns(?::([\w.-]+))?="([^"]*)"')


def _strip_ns(xml: str, declared: Mapping[str | None, str]) -> str:
    """A child serialised alone repeats the namespace declarations it inherits; those the root declares with
    the same prefix and URI are dropped (inside the root they are declared already), any other stays."""
    head, sep, rest = xml.partition(">")
    head = _NS_DECL.sub(lambda m: "" if declared.get(m.group(1)) == m.group(2) else m.group(), head)
    return head + sep + rest
