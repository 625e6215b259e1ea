"""Whatever an action writes into a sheet's XML reads back the same (hypothesis): any text — control
characters, emoji, right-to-left marks, leading spaces, line breaks, «_x0041_», text that looks like a formula —
numbers, booleans and dates, written over a sheet that already holds values, styles and a user's column."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from mentorxl.book.headless import HeadlessBook
from mentorxl.core import contract as k
from tests.builders import grid, minimal_book, write_book

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
VALUES = st.one_of(
    TEXT,
    st.integers(-10**15, 10**15),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
    st.dates(date(1900, 3, 1), date(2099, 12, 31)),
    st.booleans(),
)
COLUMNS = [c.key for c in k.SUGGESTIONS.columns]


def _read_back(cell: object) -> object:
    if isinstance(cell, datetime):
        return cell.date()
    return cell


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.fixed_dictionaries({}, optional=dict.fromkeys(COLUMNS, VALUES)), min_size=1, max_size=6),
       old=st.integers(0, 8))
def test_any_values_written_into_a_sheet_read_back_as_they_were(rows, old):
    with tempfile.TemporaryDirectory() as folder:
        sheets = minimal_book()
        sheets[k.SUGGESTIONS.name] = grid(k.SUGGESTIONS, [{"mentee": f"Старый {i}", "score": i} for i in range(old)],
                                          extra=["Своё"])
        for i in range(old):
            sheets[k.SUGGESTIONS.name][1 + i][-1] = f"заметка {i}"
        path = write_book(Path(folder) / "b.xlsx", sheets)
        book = HeadlessBook(path)
        book.read()
        book.replace_rows(k.SUGGESTIONS, rows)
        book.save()
        cells = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(k.SUGGESTIONS.name).to_python()
        for r, row in enumerate(rows, start=1):
            line = cells[r] if r < len(cells) else []
            for key, value in row.items():
                index = COLUMNS.index(key)
                got = _read_back(line[index] if index < len(line) else "")
                if isinstance(value, str) and value == "":
                    assert got == ""
                else:
                    assert got == value, (key, value, got)
        for r in range(len(rows) + 1, old + 1):  # old rows below the new ones: our columns emptied
            assert all(v == "" for v in cells[r][:len(COLUMNS)])
        notes = [line[len(COLUMNS)] if len(line) > len(COLUMNS) else "" for line in cells[1:old + 1]]
        assert notes == [f"заметка {i}" for i in range(old)]  # the user's column is never touched
        openpyxl.load_workbook(path)  # and the package stays a valid workbook
