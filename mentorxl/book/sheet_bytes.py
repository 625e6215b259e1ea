"""A worksheet part as its bytes: the style of a cell read and changed where it stands, the sheet never parsed.

«Проверить данные» colours a few thousand cells of a 10 000-row bank and gives the cells it coloured last time
their own styles back: only the `s` attribute of those cells changes (and an empty cell it colours is added).
Parsing the whole sheet and writing it out again would cost more than the rest of the command; here the rows are
found by their tags, a cell by its reference, and the sheet written is the same bytes with those attributes
rewritten — every other byte as it was.

Only a sheet in the plain form Excel, LibreOffice and the usual libraries write is read so: up to the end of the
cells no comment, CDATA or processing instruction, and no namespace declared but on the root, where the
spreadsheet namespace is the default one; every row numbered (`r`), and every cell of a row a cell is added to.
Anything else — another form, a row to add, a value to write — goes through the parsed sheet
(sheet_xml.SheetPart), which starts from these bytes with the styles changed so far.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_TAG = rb"""(?:[^>"']|"[^"]*"|'[^']*')*"""  # the rest of a start tag: a «>» inside a quoted value is no end
_DECLARATION = re.compile(rb"(?:\xef\xbb\xbf)?\s*<\?xml\b" + _TAG + rb"\?>")
_OTHER_MARKUP = re.compile(rb"<[!?]")
_ROOT = re.compile(rb"\s*<worksheet(?=[\s>])(" + _TAG + rb")>")
_SHEET_DATA = re.compile(rb"<sheetData(?=[\s/>])" + _TAG + rb">")
_ROW = re.compile(rb"<row(?=[\s/>])(" + _TAG + rb")>")
_CELL = re.compile(rb"<c(?=[\s/>])(" + _TAG + rb")>")
_ATTR = re.compile(rb"""\s+([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")  # with the space before it
_USUAL_ROW = re.compile(rb'<row r="([0-9]+)"')
_REF = re.compile(rb"([A-Za-z]{1,3})([0-9]+)")
_USUAL_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"(?: s="([0-9]+)")?(?: t="[a-zA-Z]+")?(/?)>')  # as Excel writes


class NotPlain(Exception):
    """A row of the sheet is not in the plain form read here (a cell without its reference): parse the sheet."""


@dataclass(frozen=True, slots=True)
class _Cell:
    start: int  # where its start tag begins
    end: int  # where the cell ends
    after_ref: int  # where a new `s` attribute goes: right after r="…"
    style_at: tuple[int, int] | None  # the `s` attribute with the space before it, when the cell has one
    style: int | None


def _attrs(xml: bytes, start: int, end: int) -> dict[bytes, tuple[bytes, int, int]]:
    """Name -> (value, start, end) of each attribute of a start tag, positions in `xml` (the space before it too)."""
    return {m.group(1): (m.group(2) if m.group(2) is not None else m.group(3), m.start(), m.end())
            for m in _ATTR.finditer(xml, start, end)}


def _letters(col: int) -> bytes:
    letters, col = b"", col + 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = bytes([65 + rest]) + letters
    return letters


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n - 1


class SheetBytes:
    """Made by `read`, which says None for a sheet not in the plain form. `restyle` records a cell's new style;
    `to_bytes` gives the sheet with the recorded styles, the very bytes read when nothing changed."""

    def __init__(self, xml: bytes, rows: dict[int, tuple[int, int]]):
        self._xml = xml
        self._rows = rows  # Excel row -> (where its start tag begins, where the next row begins or the cells end)
        self._cells: dict[int, dict[int, _Cell]] = {}  # the cells looked at, by row and 0-based column
        self._scanned: set[int] = set()  # the rows whose every cell is in _cells
        self._styles: dict[tuple[int, int], int | None] = {}

    @classmethod
    def read(cls, xml: bytes) -> SheetBytes | None:
        declaration = _DECLARATION.match(xml)
        root = _ROOT.match(xml, declaration.end() if declaration else 0)
        if root is None:
            return None
        spaces = {name: value for name, (value, _, _) in _attrs(xml, root.start(1), root.end(1)).items()
                  if name == b"xmlns" or name.startswith(b"xmlns:")}
        if spaces.get(b"xmlns") != MAIN or sum(value == MAIN for value in spaces.values()) != 1:
            return None
        data = _SHEET_DATA.search(xml, root.end())
        if data is None:
            return None
        end = data.end() if xml[data.end() - 2:data.end()] == b"/>" else xml.rfind(b"</sheetData>", data.end())
        if end < 0 or xml.find(b"xmlns", root.end(), end) >= 0 or _OTHER_MARKUP.search(xml, root.end(), end):
            return None
        rows: dict[int, tuple[int, int]] = {}
        last, previous = 0, -1
        for row in _ROW.finditer(xml, data.end(), end):
            usual = _USUAL_ROW.match(xml, row.start())  # its number first, as Excel writes it
            number = usual.group(1) if usual else _attrs(xml, row.start(1), row.end(1)).get(b"r", (b"",))[0]
            if not number.isdigit() or int(number) <= last:
                return None  # a row without its number, or out of order
            if previous >= 0:
                rows[last] = (previous, row.start())
            last, previous = int(number), row.start()
        if previous >= 0:
            rows[last] = (previous, end)
        return cls(xml, rows)

    def _cell(self, r: int, col: int) -> _Cell | None:
        """The cell at (r, col): found by its reference as Excel writes it (first), else among all the row's."""
        cells = self._cells.setdefault(r, {})
        if col in cells or r in self._scanned or r not in self._rows:
            return cells.get(col)
        start, end = self._rows[r]
        at = self._xml.find(b'<c r="%s%d"' % (_letters(col), r), start, end)
        tag = _CELL.match(self._xml, at) if at >= 0 else None
        if tag is not None:
            cells[col] = self._read_cell(r, tag)[1]
            return cells[col]
        content = self._content(r)
        for tag in _CELL.finditer(self._xml, content, end) if content >= 0 else ():
            found, cell = self._read_cell(r, tag)
            cells.setdefault(found, cell)
        self._scanned.add(r)
        return cells.get(col)

    def _read_cell(self, r: int, tag: re.Match[bytes]) -> tuple[int, _Cell]:
        """The column and the place of the cell whose start tag is `tag`."""
        usual = _USUAL_CELL.fullmatch(self._xml, tag.start(), tag.end())
        if usual is not None and int(usual.group(2)) == r:  # as Excel writes it: read at once
            letters, _, style, closed = usual.groups()
            end = tag.end() if closed else self._xml.find(b"</c>", tag.end()) + 4
            if end >= tag.end():
                return _column(letters), _Cell(tag.start(), end, usual.end(2) + 1,
                                               None if style is None else (usual.start(3) - 4, usual.end(3) + 1),
                                               None if style is None else int(style))
        attrs = _attrs(self._xml, tag.start(1), tag.end(1))
        ref = _REF.fullmatch(attrs[b"r"][0]) if b"r" in attrs else None
        style = attrs.get(b"s")
        if ref is None or int(ref.group(2)) != r or (style is not None and not style[0].isdigit()):
            raise NotPlain(f"row {r}")
        end = tag.end() if tag.group(1).endswith(b"/") else self._xml.find(b"</c>", tag.end()) + 4
        if end < tag.end():
            raise NotPlain(f"row {r}")
        return _column(ref.group(1)), _Cell(tag.start(), end, attrs[b"r"][2], None if style is None else style[1:],
                                            None if style is None else int(style[0]))

    def _content(self, r: int) -> int:
        """Where the row's cells begin (the end of its start tag); -1 for an empty <row …/>."""
        tag = _ROW.match(self._xml, self._rows[r][0])
        assert tag is not None
        return -1 if tag.group(1).endswith(b"/") else tag.end()

    def style_of(self, r: int, col: int) -> int | None:
        """The cell's style as recorded, else as read; None when it has none or is not in the sheet."""
        if (r, col) in self._styles:
            return self._styles[r, col]
        cell = self._cell(r, col)
        return None if cell is None else cell.style

    def restyle(self, r: int, col: int, style: int | None) -> bool:
        """Record the cell's new style (None: no style of its own). A cell the row lacks is added, empty with that
        style, as the parsed sheet adds it; False when there is no such row (the parsed sheet adds it)."""
        if (r, col) not in self._styles and self._cell(r, col) is None:
            if style is None:
                return True  # no cell and no style: nothing to write
            if r not in self._rows or self._content(r) < 0:
                return False
        self._styles[r, col] = style
        return True

    def _was(self, r: int, col: int) -> int | None:
        cell = self._cells[r].get(col)
        return None if cell is None else cell.style

    @property
    def changed(self) -> bool:
        return any(self._was(r, col) != style for (r, col), style in self._styles.items())

    def to_bytes(self) -> bytes:
        edits: dict[tuple[int, int], tuple[int, bytes]] = {}  # (start, column) -> (end, the new bytes)
        for (r, col), style in self._styles.items():
            if self._was(r, col) == style:
                continue
            written = b"" if style is None else b' s="%d"' % style
            cells = self._cells[r]
            cell = cells.get(col)
            if cell is not None:
                start, end = cell.style_at or (cell.after_ref, cell.after_ref)
                edits[start, -1] = (end, written)
                continue
            # a new empty cell with the style, in the order of the columns; the row's `spans` (the columns it
            # uses) go, as the parsed sheet drops them from a row it writes anew
            later = [c.start for k, c in cells.items() if k > col]
            at = min(later) if later else max((c.end for c in cells.values()), default=self._content(r))
            edits[at, col] = (at, b'<c r="%s%d"%s/>' % (_letters(col), r, written))
            row = self._rows[r][0]
            spans = _attrs(self._xml, row, self._content(r)).get(b"spans")
            if spans is not None:
                edits[spans[1], -1] = (spans[2], b"")
        if not edits:
            return self._xml
        pieces, done = [], 0
        for (start, _), (end, written) in sorted(edits.items()):
            pieces += [self._xml[done:start], written]
            done = end
        pieces.append(self._xml[done:])
        return b"".join(pieces)
