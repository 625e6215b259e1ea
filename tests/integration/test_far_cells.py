"""A value typed far beyond the table is one clear message, never a process killed for lack of memory
(python-calamine would hold the sheet as a dense grid up to that cell)."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from mentorxl.book.extent import MAX_CELLS, ExtentGuard, column_number, sheet_extent, sheet_parts
from mentorxl.book.reader import read_program
from mentorxl.core import contract as k
from mentorxl.errors import BookUnreadable
from tests.builders import mentee, minimal_book, write_book


def _book_with(tmp_path, cell: str, *, value: bool = True):
    """The minimal book saved again by openpyxl (as Excel would: <dimension> covers every cell it wrote) with
    one more cell on «Наставляемые»: a value, or only a fill."""
    path = write_book(tmp_path / "b.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")]))
    wb = openpyxl.load_workbook(path)
    ws = wb[k.MENTEES.name]
    if value:
        ws[cell] = "забыли тут"
    else:
        ws[cell].fill = PatternFill("solid", fgColor="FFFF00")
    wb.save(path)
    return path


def _rewrite_part(path, sheet: str, change) -> None:
    with zipfile.ZipFile(path) as archive:
        part = sheet_parts(archive)[sheet]
        entries = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    entries[part] = change(entries[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


def test_a_value_in_the_far_corner_of_a_sheet_is_one_message_naming_the_sheet_and_the_cell(tmp_path):
    path = _book_with(tmp_path, "XFD1048576")
    with pytest.raises(BookUnreadable) as caught:
        read_program(path)
    assert f"«{k.MENTEES.name}»" in caught.value.message and "XFD1048576" in caught.value.message
    assert "Ctrl+End" in caught.value.hint


def test_a_value_in_the_last_row_of_a_narrow_sheet_still_reads_and_its_row_is_checked(tmp_path):
    path = _book_with(tmp_path, "K1048576")
    data = read_program(path)
    assert [(m.row, m.name) for m in data.mentees] == [(2, "Иванова Мария Петровна"), (1_048_576, "")]
    assert ("required_empty", 1_048_576) in {(p.code, p.row) for p in data.problems}


def test_formatting_far_away_without_a_value_does_not_stop_the_reading(tmp_path):
    path = _book_with(tmp_path, "XFD1048576", value=False)
    with zipfile.ZipFile(path) as archive:
        part = sheet_parts(archive)[k.MENTEES.name]
        assert b'ref="A1:XFD1048576"' in archive.read(part)  # the dimension counts the formatted cell
        assert sheet_extent(archive, part).cells < 100
    assert [m.name for m in read_program(path).mentees] == ["Иванова Мария Петровна"]


def test_a_sheet_without_a_dimension_is_measured_by_its_cells(tmp_path):
    path = _book_with(tmp_path, "XFD5000")
    _rewrite_part(path, k.MENTEES.name, lambda xml: re.sub(rb"<dimension [^>]*/>", b"", xml))
    with pytest.raises(BookUnreadable, match="XFD5000"):
        read_program(path)


def test_the_guard_names_every_sheet_by_its_part_and_leaves_other_formats_alone(tmp_path):
    path = write_book(tmp_path / "b.xlsx", minimal_book())
    with zipfile.ZipFile(path) as archive:
        assert set(sheet_parts(archive)) == set(minimal_book())
    guard = ExtentGuard(tmp_path / "b.ods")
    guard.check(k.MENTEES.name)  # no zip opened, nothing measured
    guard.close()


@pytest.mark.parametrize("letters, number", [("A", 1), ("Z", 26), ("AA", 27), ("XFD", 16_384)])
def test_column_letters_count_as_excel_counts_them(letters, number):
    assert column_number(letters) == number


def test_the_limit_lets_a_whole_column_of_a_bank_through_and_stops_a_full_width_block():
    assert 1_048_576 * len(k.MENTORS.columns) <= MAX_CELLS < 16_384 * 1_100
