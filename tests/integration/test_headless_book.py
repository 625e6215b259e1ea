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


def _pair_and_status(book, data):
    book.append_rows(k.PAIRS, [{"number": 1, "mentor": "Кузнецова Анна Сергеевна",
                                "mentees": ["Иванова Мария Петровна"], "start": date(2025, 9, 1),
                                "status": "Утверждена"}])
    book.update_cells(k.MENTEES, [(data.mentees[0].row, "status", "В паре")])


def test_changes_go_into_the_book_itself_after_a_backup_copy_of_it(tmp_path):
    master = write_book(tmp_path / "Книга.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")]))
    before = _sha(master)
    book = HeadlessBook(master)
    _pair_and_status(book, book.read())
    assert book.save() == master
    again = read_program(master)
    assert again.pairs[0].mentees == ["Иванова Мария Петровна"] and again.pairs[0].start == date(2025, 9, 1)
    assert again.mentees[0].status == "В паре"
    assert openpyxl.load_workbook(master)[k.PAIRS.name]["A2"].value == 1  # a number stays a number
    assert book.backup is not None and book.backup.parent.name == "Резервные копии"
    assert _sha(book.backup) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Книга.xlsx", "Резервные копии"]


def test_with_out_the_book_stays_byte_for_byte_and_the_copy_has_the_changes(tmp_path):
    master = write_book(tmp_path / "Книга.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")]))
    before = _sha(master)
    book = HeadlessBook(master, out=tmp_path / "Копия.xlsx")
    _pair_and_status(book, book.read())
    assert book.save() == tmp_path / "Копия.xlsx"
    assert _sha(master) == before and book.backup is None
    assert read_program(tmp_path / "Копия.xlsx").mentees[0].status == "В паре"


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path):
    master = write_book(tmp_path / "b.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")]))
    book = HeadlessBook(master)
    data = book.read()
    book.update_cells(k.MENTEES, [(data.mentees[0].row, "comment", "=HYPERLINK(\"http://x\")")])
    result = book.save()
    ws = openpyxl.load_workbook(result)[k.MENTEES.name]
    cell = ws.cell(row=data.mentees[0].row, column=k.MENTEES.headers.index("Комментарий") + 1)
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://x\")"
    values = CalamineWorkbook.from_path(str(result)).get_sheet_by_name(k.MENTEES.name).to_python()
    assert values[1][k.MENTEES.headers.index("Комментарий")] == "=HYPERLINK(\"http://x\")"


def test_a_list_sheet_the_book_lacks_is_added_to_it_with_the_contract_headers(tmp_path):
    master = write_book(tmp_path / "b.xlsx", minimal_book())
    book = HeadlessBook(master)
    book.read()
    book.replace_rows(k.PROBLEMS, [{"sheet": "Наставляемые", "row": 5, "column": "ФИО", "message": "нет"}])
    assert book.save() == master
    wb = openpyxl.load_workbook(master)
    assert wb.sheetnames[-1] == k.PROBLEMS.name
    ws = wb[k.PROBLEMS.name]
    assert [c.value for c in ws[1]][:3] == ["Лист", "Строка", "Столбец"]
    assert [c.value for c in ws[2]][:3] == ["Наставляемые", 5, "ФИО"]


def test_a_second_list_replaces_the_first_and_leaves_no_old_rows_below(tmp_path):
    master = write_book(tmp_path / "b.xlsx", minimal_book())
    for count in (5, 2):
        book = HeadlessBook(master)
        book.read()
        book.replace_rows(k.PROBLEMS, [{"sheet": "Пары", "row": r, "message": f"№{r}"} for r in range(count)])
        book.save()
    rows = [r for r in openpyxl.load_workbook(master)[k.PROBLEMS.name].iter_rows(values_only=True) if any(r)]
    assert [r[0] for r in rows] == ["Лист", "Пары", "Пары"]


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


def test_each_problem_on_the_errors_sheet_links_to_its_cell_and_a_second_check_does_not_pile_links(tmp_path):
    from mentorxl.actions.check import check_book

    master = write_book(tmp_path / "b.xlsx", minimal_book(mentees=[mentee("Иванoва Мария Петровна")]))  # Latin o
    for _ in range(2):
        check_book(HeadlessBook(master), today=date(2025, 10, 1))
    ws = openpyxl.load_workbook(master)[k.PROBLEMS.name]
    links = [(c.coordinate, c.hyperlink.location) for row in ws.iter_rows() for c in row if c.hyperlink]
    assert ("A2", f"'{k.MENTEES.name}'!A2") in links
    assert len(links) == len({c for c, _ in links})  # one link per cell, however many checks ran


def test_overwriting_a_formula_drops_the_stale_calc_chain_and_keeps_the_package_consistent(tmp_path):
    import zipfile

    master = write_book(tmp_path / "b.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")]))
    wb = openpyxl.load_workbook(master)
    wb[k.MENTEES.name].cell(row=2, column=k.MENTEES.headers.index("Статус") + 1).value = '=IF(1,"Ожидает пары","")'
    wb.save(master)
    chain = b'<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/' \
            b'spreadsheetml/2006/main"><c r="J2" i="3"/></calcChain>'
    source = master.read_bytes()
    import io

    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(master, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/calcChain.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>')
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdChain" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/calcChain" '
                                    b'Target="calcChain.xml"/></Relationships>')
            zout.writestr(info, data)
        zout.writestr("xl/calcChain.xml", chain)
    book = HeadlessBook(master)
    data = book.read()
    book.update_cells(k.MENTEES, [(data.mentees[0].row, "status", "В паре")])
    book.save()
    with zipfile.ZipFile(master) as z:
        assert "xl/calcChain.xml" not in z.namelist()
        assert b"calcChain" not in z.read("[Content_Types].xml") + z.read("xl/_rels/workbook.xml.rels")
    assert read_program(master).mentees[0].status == "В паре"


def test_the_command_line_colours_problem_cells_and_gives_their_own_style_back_when_fixed(tmp_path):
    from mentorxl.actions.check import check_book
    from mentorxl.book.headless import MARKS_SHEET

    master = write_book(tmp_path / "b.xlsx", minimal_book(mentees=[mentee("Иванoва Мария Петровна")]))  # Latin o
    own = openpyxl.load_workbook(master)[k.MENTEES.name]["A2"].style_id
    check_book(HeadlessBook(master), today=date(2025, 10, 1))
    wb = openpyxl.load_workbook(master)
    cell = wb[k.MENTEES.name]["A2"]
    assert cell.fill.fgColor.rgb == "FFFFC7CE" and cell.value == "Иванoва Мария Петровна"
    assert wb[MARKS_SHEET].sheet_state == "hidden"
    book = HeadlessBook(master)
    data = book.read()
    book.update_cells(k.MENTEES, [(data.mentees[0].row, "name", "Иванова Мария Петровна")])
    book.save()
    check_book(HeadlessBook(master), today=date(2025, 10, 1))
    cell = openpyxl.load_workbook(master)[k.MENTEES.name]["A2"]
    assert cell.style_id == own and cell.fill.fgColor.rgb != "FFFFC7CE"
