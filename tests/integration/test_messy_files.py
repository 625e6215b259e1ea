from datetime import date
from pathlib import Path

import pytest

from mentorxl.book.reader import read_tables
from mentorxl.core import contract as k
from mentorxl.core.program import load_program
from mentorxl.errors import BookUnreadable

DATA = Path(__file__).parents[1] / "data"


def test_a_hand_made_messy_sheet_reads_every_row_and_reports_the_one_bad_number():
    data = load_program(read_tables(DATA / "messy_mentees.xlsx", [k.MENTEES], []))
    assert [(m.row, m.name) for m in data.mentees] == [
        (6, "Иванова Мария Петровна"), (8, "Петров Пётр Петрович"), (9, "Сидорова Анна Ивановна"),
        (10, "Орлова Елена Сергеевна")]
    assert {m.consent_pd for m in data.mentees} == {date(2025, 9, 1), date(2025, 9, 2)}
    assert [m.experience for m in data.mentees] == [2.0, 3.5, 1.5, None]
    assert data.mentees[1].requests == ["дисциплина на уроке", "работа с родителями"]
    assert data.mentees[0].extra == {"Моя пометка": "своя заметка"}
    assert [(p.code, p.row, p.column, p.value) for p in data.problems] == [("bad_number", 10, "Стаж, лет", "нет")]


@pytest.mark.parametrize("name", ["not_a_workbook.xlsx", "old_format.xls", "truncated.xlsx"])
def test_a_broken_file_from_tests_data_gets_one_clear_message(name):
    with pytest.raises(BookUnreadable) as caught:
        read_tables(DATA / name)
    assert caught.value.hint
    assert name in caught.value.message
