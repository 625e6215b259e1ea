"""A book read without «Справочники», «Анкеты» or «Встречи» still checks; each absent sheet is one warning
saying what goes unchecked. Essential sheets stop the reading instead (tests/integration/test_reader.py)."""

from __future__ import annotations

from mentorxl.core import contract as k
from mentorxl.core.models import Mentee
from mentorxl.core.problems import Severity
from mentorxl.core.program import ProgramData
from mentorxl.core.validation import check
from tests.unit.validation_builder import TODAY, book, grid, mentee, program

MARIA = "Иванова Мария Петровна"


def test_each_optional_sheet_absent_from_a_book_is_one_warning_naming_it():
    report = check(program(book(mentees=[mentee(MARIA)]), optional_sheets=False), today=TODAY)
    missing = [p for p in report.problems if p.code == "sheet_missing"]
    assert sorted(p.sheet for p in missing) == sorted([k.TAGS.name, k.SURVEYS.name, k.MEETINGS.name])
    assert all(p.severity is Severity.WARNING and p.row is None for p in missing)
    tags = next(p for p in missing if p.sheet == k.TAGS.name)
    assert "словарём тегов" in tags.message


def test_a_present_optional_sheet_even_empty_is_no_problem():
    sheets = {**book(), k.TAGS.name: grid(k.TAGS, []), k.SURVEYS.name: grid(k.SURVEYS, [])}
    report = check(program(sheets, optional_sheets=False), today=TODAY)
    assert [p.sheet for p in report.problems if p.code == "sheet_missing"] == [k.MEETINGS.name]


def test_data_built_without_a_book_says_nothing_of_sheets():
    data = ProgramData(mentees=[Mentee(row=2, name=MARIA, requests=["ИКТ"], status="В паре")])
    assert not [p for p in check(data, today=TODAY).problems if p.code == "sheet_missing"]
