"""A sheet part written a column at a time (the 10 000-row lists) gives the very bytes of the cell-by-cell
writes, beside untouched rows, over a merged range kept apart, and a refusal where a cell cannot be written."""

from __future__ import annotations

from datetime import date

import pytest

from mentorxl.book.sheet_xml import MAIN, SheetPart, Unkeepable

SHEET = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}">'
         '<dimension ref="A1:C3"/><sheetData>'
         '<row r="1"><c r="A1" t="inlineStr"><is><t>ФИО</t></is></c><c r="B1" s="2"><v>5</v></c></row>'
         '<row r="3" ht="20" customHeight="1"><c r="C3" s="4"><v>7</v></c></row>'
         '</sheetData>{merges}</worksheet>')
VALUES = ["Иванова Мария", 3, None, "", date(2025, 9, 1), ["а", "б"], True, 2.5, "  пробел", "<&>"]


def _part(merges: str = "") -> SheetPart:
    return SheetPart(SHEET.format(merges=merges).encode(), lambda style: 9)


def test_a_column_written_at_once_is_byte_for_byte_the_cells_written_one_by_one():
    one_by_one, at_once = _part(), _part()
    for r, value in enumerate(VALUES, 2):
        one_by_one.set(r, 2, value, style=4)
    at_once.set_column(2, 2, VALUES, style=4)
    written = at_once.to_bytes()
    assert written == one_by_one.to_bytes()
    assert b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xd0\xa4\xd0\x98\xd0\x9e</t></is></c>' in written
    assert b'<row r="3" ht="20" customHeight="1"><c r="C3" s="4"><v>3</v></c></row>' in written
    assert b'<dimension ref="A1:C11"/>' in written


def test_a_column_beside_a_merged_range_is_written_and_one_across_it_is_refused():
    merged = '<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>'
    one_by_one, at_once = _part(merged), _part(merged)
    for r, value in enumerate(VALUES, 2):
        one_by_one.set(r, 2, value)
    at_once.set_column(2, 2, VALUES)
    assert at_once.to_bytes() == one_by_one.to_bytes()
    with pytest.raises(Unkeepable):
        _part(merged).set_column(2, 1, VALUES)
