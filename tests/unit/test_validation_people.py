from mentorxl.core import contract as k
from mentorxl.core.problems import Severity
from tests.unit.validation_builder import book, mentee, mentor, problems, with_sheet

MARIA = "Иванова Мария Петровна"
ANNA = "Кузнецова Анна Сергеевна"


def test_clean_banks_and_pairs_give_no_problems_at_all():
    sheets = book(
        mentees=[mentee(MARIA, status="В паре")],
        mentors=[mentor(ANNA)],
        pairs=[
            {
                "number": 1,
                "mentor": ANNA,
                "mentees": MARIA,
                "status": "Действует",
                "start": "01.09.2025",
                "end": "31.05.2026",
            }
        ],
    )
    assert problems(sheets) == []


def test_a_latin_letter_inside_a_cyrillic_name_is_an_error_naming_the_letter():
    [p] = problems(book(mentees=[mentee("Ивaнова Мария Петровна")]), "latin_in_name")
    assert (p.severity, p.sheet, p.row, p.column, p.value) == (
        Severity.ERROR,
        "Наставляемые",
        2,
        "ФИО",
        "Ивaнова Мария Петровна",
    )
    assert "латинские буквы (a)" in p.message


def test_latin_letters_are_found_in_pairs_preferences_and_surveys_too():
    sheets = book(
        mentees=[mentee(MARIA, preferred="Кузнецовa Анна Сергеевна")],
        mentors=[mentor(ANNA)],
        pairs=[
            {
                "number": 1,
                "mentor": "Kузнецова Анна Сергеевна",
                "mentees": "Иванова Mария Петровна",
                "status": "Проект",
            }
        ],
    )
    with_sheet(
        sheets,
        k.SURVEYS,
        [{"respondent": "Иванова Мария Петрoвна", "role": "Наставляемый", "survey": "Входная"}],
    )
    found = {(p.sheet, p.row, p.column) for p in problems(sheets, "latin_in_name")}
    assert found == {
        ("Наставляемые", 2, "Предпочитаемые наставники"),
        ("Пары", 2, "Наставник"),
        ("Пары", 2, "Наставляемые"),
        ("Анкеты", 2, "Респондент"),
    }


def test_a_pair_naming_a_person_with_a_look_alike_letter_still_finds_them_in_the_bank():
    sheets = book(
        mentees=[mentee(MARIA)],
        mentors=[mentor(ANNA)],
        pairs=[{"number": 1, "mentor": ANNA, "mentees": "Иванова Mария Петровна", "status": "Проект"}],
    )
    assert problems(sheets, "pair_unknown_person") == []


def test_the_same_person_twice_in_a_bank_is_reported_on_the_second_row_with_both_rows_named():
    sheets = book(mentors=[mentor(ANNA), mentor("Петров Олег Ильич"), mentor("кузнецова  анна сергеевна")])
    [p] = problems(sheets, "duplicate_person")
    assert (p.severity, p.sheet, p.row, p.column) == (Severity.ERROR, "Наставники", 4, "ФИО")
    assert "строки 2, 4" in p.message


def test_a_duplicate_hidden_by_a_latin_letter_is_still_a_duplicate():
    sheets = book(mentees=[mentee(MARIA), mentee("Ивaнова Мария Петровна")])
    [p] = problems(sheets, "duplicate_person")
    assert p.row == 3


def test_a_person_in_both_banks_is_a_warning_on_the_mentee_row():
    sheets = book(mentees=[mentee("Петров Олег Ильич"), mentee(ANNA)], mentors=[mentor(ANNA)])
    [p] = problems(sheets, "in_both_banks")
    assert (p.severity, p.sheet, p.row, p.column, p.value) == (
        Severity.WARNING,
        "Наставляемые",
        3,
        "ФИО",
        ANNA,
    )
    assert "и среди наставляемых, и среди наставников" in p.message


def test_a_name_without_surname_and_first_name_is_a_warning():
    sheets = book(mentees=[mentee("Иванова"), mentee("Иванова М. П.")], mentors=[mentor("Анна 2")])
    found = [(p.severity, p.sheet, p.row, p.value) for p in problems(sheets, "name_incomplete")]
    assert found == [
        (Severity.WARNING, "Наставляемые", 2, "Иванова"),
        (Severity.WARNING, "Наставники", 2, "Анна 2"),
    ]
    assert "записано не полностью" in problems(sheets, "name_incomplete")[0].message


def test_negative_experience_and_capacity_are_errors():
    sheets = book(mentees=[mentee(MARIA, experience=-1)], mentors=[mentor(ANNA, capacity=-2)])
    found = [(p.sheet, p.row, p.column, p.value) for p in problems(sheets, "negative_number")]
    assert found == [
        ("Наставляемые", 2, "Стаж, лет", "-1"),
        ("Наставники", 2, "Наставляемых, не более", "-2"),
    ]
