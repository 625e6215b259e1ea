"""The readiness gate and the paperwork rules behind it (core/readiness.py, core/paperwork.py, core/workdays.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorxl.book.fake import FakeBook
from mentorxl.core import contract as k
from mentorxl.core import paperwork as w
from mentorxl.core.program import ProgramData
from mentorxl.core.readiness import readiness
from mentorxl.core.workdays import is_working_day, working_day_from
from tests.builders import Grid, mentee, mentor, minimal_book, settings_grid

ON = date(2025, 9, 1)
PAIR = {"number": "1", "mentor": "Иванова Мария Петровна", "mentees": "Петрова Анна Сергеевна",
        "status": "Утверждена", "start": "01.09.2025", "end": "31.05.2026"}


def school(pairs: list[dict[str, object]] | None = None, settings: Grid | None = None,
           mentees: list[dict[str, object]] | None = None,
           mentors: list[dict[str, object]] | None = None) -> ProgramData:
    mentees = mentees if mentees is not None else [
        mentee("Петрова Анна Сергеевна", position="учитель английского языка", status="В паре"),
        mentee("Бойко Нина Петровна", consent=None, status="Завершил"),
    ]
    mentors = mentors if mentors is not None else [
        mentor("Иванова Мария Петровна", position="учитель математики", reward="Благодарность")]
    sheets = {k.SETTINGS.name: settings} if settings is not None else {}
    return FakeBook(minimal_book(mentees=mentees, mentors=mentors, pairs=[PAIR] if pairs is None else pairs,
                                 **sheets)).read()


@pytest.mark.parametrize("kind", ["order", "programs", "agreements", "consents", "reward"])
def test_a_clean_book_is_ready_for_every_document(kind: str) -> None:
    assert readiness(school(), kind, today=ON).errors == []


def test_a_latin_letter_in_a_paired_name_stops_the_order_naming_sheet_row_and_column() -> None:
    data = school(mentees=[mentee("Петрoва Анна Сергеевна", status="В паре")],
                  pairs=[{**PAIR, "mentees": "Петрoва Анна Сергеевна"}])
    found = readiness(data, "order", today=ON)
    assert not found.ready
    where = {(p.sheet, p.row, p.column, p.code) for p in found.errors}
    assert ("Наставляемые", 2, "ФИО", "latin_in_name") in where
    assert ("Пары", 2, "Наставляемые", "latin_in_name") in where


def test_an_error_of_a_person_outside_the_document_does_not_stop_it() -> None:
    data = school(mentees=[mentee("Петрова Анна Сергеевна", status="В паре"),
                           mentee("Сидoров Иван Ильич")])  # Latin «o», waiting, in no pair
    assert readiness(data, "order", today=ON).ready


def test_a_mentor_without_the_consent_to_mentor_stops_the_agreement() -> None:
    data = school(mentors=[{**mentor("Иванова Мария Петровна"), "consent_mentoring": None}])
    codes = {p.code for p in readiness(data, "agreements", today=ON).errors}
    assert "consent_mentoring_missing" in codes


@pytest.mark.parametrize(("kind", "setting"), [("agreements", k.SET_MENTOR_PAY),
                                                ("agreements", k.SET_ORG_ADDRESS),
                                                ("consents", k.SET_ORG_ADDRESS)])
def test_an_empty_setting_the_document_prints_stops_it(kind: str, setting: str) -> None:
    found = readiness(school(settings=settings_grid({setting: None})), kind, today=ON)
    [error] = found.errors
    assert error.code == "document_setting_empty" and error.sheet == "Настройки" and error.column == "Значение"
    assert f"«{setting}»" in error.message


def test_the_pay_is_not_asked_of_a_program() -> None:
    assert readiness(school(settings=settings_grid({k.SET_MENTOR_PAY: None})), "programs", today=ON).ready


def test_a_start_before_the_order_date_stops_programs_and_agreements() -> None:
    data = school(pairs=[{**PAIR, "status": "Действует", "order_number": "5", "order_date": "10.09.2025"}])
    for kind in ("programs", "agreements"):
        [error] = readiness(data, kind, today=ON).errors
        assert (error.code, error.sheet, error.row, error.column) == ("start_before_order", "Пары", 2, "Дата начала")
        assert "раньше приказа № 5 от 10.09.2025" in error.message


def test_a_missing_consent_is_the_reason_for_a_consent_form_not_an_obstacle() -> None:
    data = school(mentees=[mentee("Петрова Анна Сергеевна", status="В паре", consent=None)])
    assert not readiness(data, "order", today=ON).ready
    assert readiness(data, "consents", today=ON).ready


def test_warnings_on_the_rows_are_listed_and_do_not_stop() -> None:
    data = school(mentees=[mentee("Петрова Анна Сергеевна", status="Ожидает пары")])  # status contradicts «Пары»
    found = readiness(data, "order", today=ON)
    assert found.ready and any(p.code == "status_contradicts_pairs" for p in found.warnings)


def test_agreements_and_consent_forms_already_issued_are_not_chosen_again() -> None:
    data = school(pairs=[{**PAIR, "agreement_date": "02.09.2025"}])
    assert w.pairs_for_agreements(data) == []
    assert [p.number for p in w.pairs_for_agreements(data, again=True)] == ["1"]
    issued = school(mentees=[mentee("Бойко Нина Петровна", consent=None, status="Завершил",
                                    consent_form_on="02.09.2025")])
    assert w.people_missing_consent(issued) == []
    assert [p.name for p, _ in w.people_missing_consent(issued, again=True)] == ["Бойко Нина Петровна"]


def test_a_term_never_starts_before_the_order_that_fixes_it() -> None:
    data = school(pairs=[{**PAIR, "start": "10.10.2026", "order_date": "04.12.2026"}])
    start, _ = w.term_of(data.pairs[0], data, ON)
    assert start == date(2026, 12, 4)
    assert w.start_on_order(school().pairs[0], school(), date(2025, 9, 5)) == date(2025, 9, 5)
    assert w.start_on_order(school().pairs[0], school(), date(2025, 8, 25)) is None


@given(st.lists(st.integers(min_value=1, max_value=999), min_size=1, max_size=6), st.sampled_from(["", "-о", "/к"]))
def test_the_next_order_number_is_one_above_the_largest_in_the_same_pattern(numbers: list[int], tail: str) -> None:
    assert w.next_order_number(f"{n}{tail}" for n in numbers) == f"{max(numbers) + 1}{tail}"


@pytest.mark.parametrize(("day", "working"), [
    (date(2027, 1, 4), False),  # New Year holidays
    (date(2026, 12, 31), False),  # a day off transferred from 4 January 2026
    (date(2026, 1, 9), False),  # transferred from 3 January 2026
    (date(2027, 2, 20), True),  # a Saturday made a working day (transfer to 22 February)
    (date(2027, 2, 22), False),
    (date(2025, 9, 1), True),
    (date(2025, 9, 6), False),  # a Saturday
])
def test_working_days_follow_the_russian_production_calendar(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_a_deadline_on_a_holiday_moves_to_the_next_working_day() -> None:
    assert working_day_from(date(2027, 1, 4)) == date(2027, 1, 11)
    assert working_day_from(date(2025, 9, 1)) == date(2025, 9, 1)


def test_the_working_days_are_those_of_the_holidays_package_for_russia_day_by_day() -> None:
    import holidays

    for year in range(2020, 2031):
        calendar = holidays.country_holidays("RU", years=[year], language="ru")
        day = date(year, 1, 1)
        while day.year == year:
            assert is_working_day(day) is bool(calendar.is_working_day(day)), day
            day += timedelta(days=1)


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)))
def test_a_deadline_is_never_moved_back_nor_more_than_two_weeks(day: date) -> None:
    moved = working_day_from(day)
    assert is_working_day(moved) and 0 <= (moved - day).days <= 14


def test_a_form_read_the_wrong_way_round_is_a_warning_that_does_not_stop() -> None:
    data = school(mentees=[mentee("Петрова Анна Сергеевна", position="заместитель директора по ВР", status="В паре")],
                  pairs=[{**PAIR, "form": "руководитель – педагог"}])
    found = readiness(data, "order", today=ON)
    assert found.ready
    [warning] = [p for p in found.warnings if p.code == "form_reversed"]
    assert (warning.sheet, warning.row, warning.column) == ("Пары", 2, "Форма")
    right_way = school(mentors=[mentor("Иванова Мария Петровна", position="директор")],
                       pairs=[{**PAIR, "form": "руководитель – педагог"}])
    assert not any(p.code == "form_reversed" for p in readiness(right_way, "order", today=ON).warnings)


def test_a_reward_before_any_pair_has_ended_is_warned_about_and_not_stopped() -> None:
    early = readiness(school(), "reward", today=ON)
    assert early.ready and [p.code for p in early.warnings] == ["reward_before_end"]
    late = readiness(school(), "reward", today=date(2026, 6, 1))  # the pair ended on 31.05.2026
    assert not any(p.code == "reward_before_end" for p in late.warnings)
