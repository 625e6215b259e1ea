import hashlib
from datetime import date

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from mentorxl.book.files import atomic_path
from mentorxl.book.headless import HeadlessBook
from mentorxl.book.reader import read_program
from mentorxl.core import contract as k
from mentorxl.errors import FileBusy
from tests.builders import mentee, minimal_book, write_book


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_changes_go_to_a_new_file_and_the_master_stays_byte_for_byte(tmp_path):
    master = write_book(tmp_path / "Книга.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")]))
    before = _sha(master)
    book = HeadlessBook(master, suffix="пары")
    data = book.read()
    book.append_rows(k.PAIRS, [{"number": "1", "mentor": "Кузнецова Анна Сергеевна",
                                "mentees": ["Иванова Мария Петровна"], "start": date(2025, 9, 1),
                                "status": "Утверждена"}])
    book.update_cells(k.MENTEES, [(data.mentees[0].row, "status", "В паре")])
    result = book.save()
    assert _sha(master) == before
    assert result == tmp_path / "Книга — пары.xlsx"
    again = read_program(result)
    assert again.pairs[0].mentees == ["Иванова Мария Петровна"] and again.pairs[0].start == date(2025, 9, 1)
    assert again.mentees[0].status == "В паре"


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path):
    master = write_book(tmp_path / "b.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")]))
    book = HeadlessBook(master)
    data = book.read()
    book.update_cells(k.MENTEES, [(data.mentees[0].row, "comment", "=HYPERLINK(\"http://x\")")])
    result = book.save()
    ws = openpyxl.load_workbook(result)[k.MENTEES.name]
    cell = ws.cell(row=data.mentees[0].row, column=k.MENTEES.headers.index("Комментарий") + 1)
    assert cell.data_type == "s"
    values = CalamineWorkbook.from_path(str(result)).get_sheet_by_name(k.MENTEES.name).to_python()
    assert values[1][k.MENTEES.headers.index("Комментарий")] == "=HYPERLINK(\"http://x\")"


def test_the_programs_own_sheets_are_written_as_small_books_beside_the_master(tmp_path):
    master = write_book(tmp_path / "b.xlsx", minimal_book())
    book = HeadlessBook(master)
    book.read()
    book.replace_rows(k.PROBLEMS, [{"sheet": "Наставляемые", "row": 5, "column": "ФИО", "message": "нет",
                                    "link": "'Наставляемые'!A5"}])
    result = book.save()
    assert result == tmp_path / "b — ошибки.xlsx"
    ws = openpyxl.load_workbook(result)[k.PROBLEMS.name]
    assert [c.value for c in ws[3]][:3] == ["Лист", "Строка", "Столбец"]
    link = ws.cell(row=4, column=1).hyperlink
    assert (link.target, link.location) == ("b.xlsx", "'Наставляемые'!A5")
    assert k.PROBLEMS.table in openpyxl.load_workbook(result)[k.PROBLEMS.name].tables


def test_a_file_open_in_excel_is_never_written_over(tmp_path):
    target = tmp_path / "b — ошибки.xlsx"
    target.write_bytes(b"old")
    (tmp_path / "~$b — ошибки.xlsx").write_bytes(b"owner")
    with pytest.raises(FileBusy, match="открыт"), atomic_path(target) as tmp:
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"old"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("boom")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_a_written_file_gets_the_usual_permissions_not_those_of_a_temporary_file(tmp_path):
    import os
    import stat

    target = tmp_path / "out.xlsx"
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_update_cells_names_a_users_own_column_by_its_header_and_skips_a_missing_one(tmp_path):
    from mentorxl.book.fake import FakeBook
    from tests.builders import grid

    sheets = minimal_book(mentees=[mentee("Иванова Мария Петровна")])
    sheets[k.MENTEES.name] = grid(k.MENTEES, [{**mentee("Иванова Мария Петровна"), "Телефон": "1"}],
                                  extra=["Телефон"])
    master = write_book(tmp_path / "b.xlsx", sheets)
    for book in (HeadlessBook(master, result=tmp_path / "r.xlsx"), FakeBook(sheets)):
        row = book.read().mentees[0].row
        book.update_cells(k.MENTEES, [(row, "ТЕЛЕФОН ", "2"), (row, "Нет такого столбца", "x")])
        book.save()
        again = (HeadlessBook(tmp_path / "r.xlsx") if isinstance(book, HeadlessBook) else book).read()
        assert again.tables[k.MENTEES.key].extra_value(again.tables[k.MENTEES.key].rows[0][1], "Телефон") == "2"
