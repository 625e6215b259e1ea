"""The marks of «Проверить данные» change cells' styles in a sheet's bytes (book/sheet_bytes.py): the sheet then
means exactly what the parsed writer makes of it (the same canonical XML), every other byte is the one read, and
a sheet or row in a form the bytes alone cannot take goes to the parsed writer with the styles changed so far."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from mentorxl.book.sheet_bytes import SheetBytes
from mentorxl.book.sheet_xml import MAIN, SheetPart

HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<dimension ref="A1:E6"/><sheetData>')
ROWS = ('<row r="1" spans="1:5"><c r="A1" t="inlineStr"><is><t>ФИО</t></is></c><c r="B1" s="2"><v>5</v></c>'
        '<c r="D1" s=\'3\' t="s"><v>0</v></c></row>'
        '<row r="2" spans="1:5" ht="20" customHeight="1"><c r="B2" s="4"/><c r="C2"><v>1</v></c></row>'
        '<row r="4"></row>'
        '<row r="5"/>'
        '<row spans="1:5" r="6" x="a>b"><c r="A6" t="inlineStr"><is><t>Петров Пётр</t></is></c></row>')
TAIL = '</sheetData><mergeCells count="1"><mergeCell ref="A10:B10"/></mergeCells><pageMargins left="0.7"/></worksheet>'
SHEET = (HEAD + ROWS + TAIL).encode()


def _canonical(xml: bytes, *, hints: bool = True) -> bytes:
    """The sheet's canonical XML; without `hints`, as it means the same: rows' `spans` (which columns a row uses,
    for speed only), empty rows and empty cells without a style left out (the parsed writer drops the first from
    a row it writes anew, and may write a row or a cell it was asked to change though nothing came of it)."""
    root = etree.fromstring(xml)
    if not hints:
        for cell in list(root.iter(f"{{{MAIN}}}c")):
            if not len(cell) and set(cell.attrib) == {"r"}:
                cell.getparent().remove(cell)
        for row in list(root.iter(f"{{{MAIN}}}row")):
            row.attrib.pop("spans", None)
            if not len(row):
                row.getparent().remove(row)
    return etree.tostring(root, method="c14n", with_comments=False)


def _parsed(xml: bytes) -> SheetPart:
    """The same sheet, parsed from the start: a comment is a form the bytes alone do not take."""
    part = SheetPart(xml.replace(b"<sheetData>", b"<sheetData><!-- parsed -->"), lambda style: 9)
    assert part._plain is None
    return part


def _both(changes: list[tuple[int, int, int | None]], xml: bytes = SHEET) -> tuple[bytes, bytes]:
    plain, parsed = SheetPart(xml, lambda style: 9), _parsed(xml)
    for r, col, style in changes:
        assert plain.style_of(r, col) == parsed.style_of(r, col)
        plain.restyle(r, col, style)
        parsed.restyle(r, col, style)
        assert plain.style_of(r, col) == parsed.style_of(r, col)
    return plain.to_bytes(), parsed.to_bytes()


def test_styles_changed_in_the_bytes_mean_what_the_parsed_writer_writes_and_nothing_else_moves():
    changes = [(1, 0, 7), (1, 1, None), (1, 3, 8), (2, 1, 7), (2, 2, 8), (2, 0, 9), (2, 4, 9), (1, 2, 7),
               (4, 1, 7), (6, 3, 9), (6, 0, None)]
    plain, parsed = _both(changes)
    assert _canonical(plain) == _canonical(parsed)
    assert plain.startswith(HEAD.encode()) and plain.endswith(TAIL.encode())  # not parsed: not a byte rewritten
    assert b'<c r="A1" s="7" t="inlineStr">' in plain and b'<c r="B1"><v>5</v></c>' in plain
    assert b'<c r="C1" s="7"/><c r="D1" s="8" t="s">' in plain  # a new cell before the later one
    assert b'<row r="1">' in plain and b'<row r="2" ht="20" customHeight="1">' in plain  # spans go, as parsed
    assert b'<row r="4"><c r="B4" s="7"/></row>' in plain
    assert b'<row r="6" x="a>b"><c r="A6" t="inlineStr">' in plain and b'<c r="D6" s="9"/></row>' in plain


def test_a_sheet_only_looked_at_or_given_its_own_styles_back_is_not_changed():
    part = SheetPart(SHEET, lambda style: 9)
    assert part.style_of(1, 1) == 2 and part.style_of(2, 1) == 4 and part.style_of(1, 2) is None
    part.restyle(1, 1, 2)
    part.restyle(3, 3, None)  # no row 3 and no style: nothing to add
    part.restyle(1, 2, None)
    assert not part.changed and part.to_bytes() is SHEET


def test_a_row_the_sheet_lacks_or_a_cell_without_its_reference_goes_to_the_parsed_writer():
    plain, parsed = _both([(1, 0, 7), (3, 1, 8), (5, 2, 9)])  # rows 3 (absent) and 5 (<row r="5"/>)
    assert _canonical(plain) == _canonical(parsed)
    unnumbered = SHEET.replace(b'<c r="C2">', b"<c>")
    part = SheetPart(unnumbered, lambda style: 9)
    part.restyle(1, 0, 7)
    part.restyle(2, 4, 8)  # a cell added beside one without its reference: the sheet is parsed
    assert part._plain is None
    plain, parsed = part.to_bytes(), _both([(1, 0, 7), (2, 4, 8)], unnumbered)[1]
    assert _canonical(plain) == _canonical(parsed)


def test_only_the_plain_form_is_read_as_bytes():
    assert SheetBytes.read(SHEET) is not None
    assert SheetBytes.read(SHEET.replace(b"</worksheet>", b"<!-- after the cells --></worksheet>")) is not None
    assert SheetBytes.read(SHEET.replace(b"<sheetData>", b"<sheetData><!-- a note -->")) is None
    assert SheetBytes.read(SHEET.replace(b"<v>5</v>", b"<v><![CDATA[5]]></v>")) is None
    assert SheetBytes.read(SHEET.replace(f'xmlns="{MAIN}"'.encode(), f'xmlns:x="{MAIN}"'.encode())) is None
    assert SheetBytes.read(SHEET.replace(b'<row r="4">', b'<row r="4" xmlns="urn:other">')) is None
    assert SheetBytes.read(SHEET.replace(b'<row r="4">', b"<row>")) is None
    assert SheetBytes.read(SHEET.replace(b'<row r="4">', b'<row r="1">')) is None  # out of order


CELL = st.tuples(st.sampled_from(["", ' s="3"', " s='4'"]), st.sampled_from(["", ' t="n"']),
                 st.sampled_from(["/>", "><v>1</v></c>", '><f>A1</f><v>2</v></c>']))


@settings(max_examples=150, deadline=None)
@given(rows=st.dictionaries(st.integers(1, 8), st.dictionaries(st.integers(0, 6), CELL, max_size=5), max_size=6),
       spans=st.booleans(),
       changes=st.lists(st.tuples(st.integers(1, 9), st.integers(0, 7), st.one_of(st.none(), st.integers(0, 20))),
                        max_size=12))
def test_any_styles_changed_in_any_plain_sheet_mean_what_the_parsed_writer_writes(rows, spans, changes):
    def cell(r: int, col: int, form: tuple[str, str, str]) -> str:
        return f'<c r="{chr(65 + col)}{r}"{form[0]}{form[1]}{form[2]}'

    span = ' spans="1:7"' if spans else ""
    body = "".join(f'<row r="{r}"{span}>' + "".join(cell(r, c, rows[r][c]) for c in sorted(rows[r])) + "</row>"
                   for r in sorted(rows))
    plain, parsed = _both(changes, (HEAD + body + TAIL).encode())
    assert _canonical(plain, hints=False) == _canonical(parsed, hints=False)
