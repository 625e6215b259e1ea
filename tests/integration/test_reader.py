import hashlib
import zipfile
from datetime import date

import pytest

from mentorxl.book.reader import read_program
from mentorxl.core import contract as k
from mentorxl.errors import BookUnreadable, SheetMissing
from tests.builders import grid, mentee, mentor, minimal_book, write_book


def test_a_book_built_from_the_contract_reads_back_as_typed_rows(tmp_path):
    path = write_book(tmp_path / "b.xlsx", minimal_book(
        mentees=[mentee("Иванова Мария Петровна", "ИКТ; ФГОС", date(2025, 9, 1), experience="2,5")],
        mentors=[mentor("Кузнецова Анна Сергеевна", "ИКТ\nФГОС", 45901, capacity="3")],
    ))
    data = read_program(path)
    assert data.problems == []
    assert data.mentees[0].requests == ["ИКТ", "ФГОС"]
    assert data.mentees[0].experience == 2.5
    assert data.mentees[0].consent_pd == date(2025, 9, 1)
    assert data.mentors[0].competences == ["ИКТ", "ФГОС"]
    assert data.mentors[0].capacity == 3
    assert data.mentors[0].consent_mentoring == date(2025, 9, 1)
    assert data.settings.get(k.SET_HEAD) == "Орлова Татьяна Николаевна"


def test_sheets_are_found_ignoring_case_spaces_and_yo(tmp_path):
    sheets = minimal_book(mentees=[mentee("Иванова Мария Петровна")])
    sheets["  наставляемые "] = sheets.pop(k.MENTEES.name)
    data = read_program(write_book(tmp_path / "b.xlsx", sheets))
    assert data.sheet_names["mentees"] == "  наставляемые "
    assert len(data.mentees) == 1


def test_title_rows_merged_headers_and_extra_columns_in_a_real_file(tmp_path):
    sheets = minimal_book()
    sheets[k.MENTEES.name] = [["Банк наставляемых на 2025/2026 учебный год"], [],
                              ["ФИО", "Запросы", "Согласие", "Мой столбец"],
                              [None, None, "Согласие на обработку ПДн", None],
                              ["Иванова Мария Петровна", "ИКТ", "01.09.2025", "x"], [], [None, None, None, None],
                              ["Петров Пётр Петрович", "ФГОС", 45901, None]]
    path = write_book(tmp_path / "b.xlsx", sheets, merges=[(k.MENTEES.name, "A3:A4"), (k.MENTEES.name, "B3:B4")])
    data = read_program(path)
    assert [(m.row, m.name) for m in data.mentees] == [(5, "Иванова Мария Петровна"), (8, "Петров Пётр Петрович")]
    assert data.mentees[1].consent_pd == date(2025, 9, 1)


def test_a_missing_essential_sheet_stops_the_run_with_its_name(tmp_path):
    sheets = minimal_book()
    del sheets[k.MENTORS.name]
    with pytest.raises(SheetMissing, match="«Наставники»"):
        read_program(write_book(tmp_path / "b.xlsx", sheets))


@pytest.mark.parametrize("name, content, words", [
    ("empty.xlsx", b"", "пуст"),
    ("text.xlsx", "ФИО;Запросы\n".encode(), "не книга Excel"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "старого формата"),
    ("renamed.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "старого формата"),
])
def test_files_that_are_no_workbook_get_one_clear_russian_message(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BookUnreadable, match=words):
        read_program(path)


def test_a_workbook_with_a_password_to_open_is_named_as_such_and_not_as_an_old_xls(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_book(tmp_path / "plain.xlsx", minimal_book())
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("пароль", target)
    with pytest.raises(BookUnreadable, match="защищена паролем на открытие") as caught:
        read_program(locked)
    assert "старого формата" not in caught.value.message and "снимите пароль" in caught.value.hint


def test_a_truncated_workbook_is_reported_as_damaged(tmp_path):
    good = write_book(tmp_path / "good.xlsx", minimal_book())
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(BookUnreadable, match="повреждён или обрезан"):
        read_program(cut)


def test_a_zip_that_is_no_workbook_is_reported_as_damaged(tmp_path):
    path = tmp_path / "z.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "привет")
    with pytest.raises(BookUnreadable):
        read_program(path)


def test_reading_never_changes_the_file(tmp_path):
    path = write_book(tmp_path / "b.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")]))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    read_program(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert grid(k.MENTEES, [])  # the builder itself stays usable
