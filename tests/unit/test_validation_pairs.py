from mentorxl.core import contract as k
from mentorxl.core.problems import Severity
from tests.unit.validation_builder import book, mentee, mentor, problems, with_sheet

MARIA, PETR = "Иванова Мария Петровна", "Петров Пётр Петрович"
ANNA, OLEG = "Кузнецова Анна Сергеевна", "Орлов Олег Олегович"


def _book(*pairs, mentees=None, mentors=None):
    return book(
        mentees=mentees or [mentee(MARIA, status="В паре"), mentee(PETR, status="В паре")],
        mentors=mentors or [mentor(ANNA), mentor(OLEG)],
        pairs=pairs,
    )


def _pair(number, mentor_name, mentees, status="Действует", **more):
    return {"number": number, "mentor": mentor_name, "mentees": mentees, "status": status, **more}


def test_a_pair_naming_someone_absent_from_the_bank_suggests_the_nearest_name():
    sheets = _book(_pair(1, "Кузнецова Ана Сергеевна", MARIA), _pair(2, OLEG, f"{PETR}; Сидоров Сидор"))
    found = problems(sheets, "pair_unknown_person")
    assert [(p.severity, p.sheet, p.row, p.column, p.value) for p in found] == [
        (Severity.ERROR, "Пары", 2, "Наставник", "Кузнецова Ана Сергеевна"),
        (Severity.ERROR, "Пары", 3, "Наставляемые", "Сидоров Сидор"),
    ]
    assert "нет в банке «Наставники»" in found[0].message
    assert f"Возможно, имелся в виду «{ANNA}»" in found[0].hint
    assert "Возможно" not in found[1].hint


def test_a_network_pairs_mentor_of_another_organisation_is_not_looked_for_in_this_bank():
    sheets = _book(_pair(1, "Ближняя Мария Петровна", MARIA, mentor_org="МКОУ «Берёзовская СОШ»"),
                   _pair(2, "Дальняя Ирина Олеговна", PETR))
    found = problems(sheets, "pair_unknown_person")
    assert [(p.row, p.value) for p in found] == [(3, "Дальняя Ирина Олеговна")]


def test_an_end_date_before_the_start_is_an_error_on_the_end_date():
    [p] = problems(
        _book(_pair(1, ANNA, MARIA, start="01.09.2025", end="01.06.2025")), "pair_end_before_start"
    )
    assert (p.severity, p.row, p.column, p.value) == (Severity.ERROR, 2, "Дата окончания", "01.06.2025")
    assert "раньше даты начала 01.09.2025" in p.message


def test_a_term_outside_three_to_twelve_months_is_a_warning_except_for_a_cancelled_pair():
    sheets = _book(
        _pair(1, ANNA, MARIA, start="01.09.2025", end="30.11.2025"),
        _pair(2, OLEG, PETR, start="01.09.2025", end="31.10.2026"),
        _pair(3, OLEG, "Сидорова Анна Ивановна", "Расторгнута", start="01.09.2025", end="01.10.2025"),
        mentees=[
            mentee(MARIA, status="В паре"),
            mentee(PETR, status="В паре"),
            mentee("Сидорова Анна Ивановна", status="Выбыл"),
        ],
    )
    [p] = problems(sheets, "pair_term_too_long")
    assert (p.severity, p.row, p.column) == (Severity.WARNING, 3, "Дата окончания")
    assert "Срок пары 14 мес." in p.message


def test_the_same_person_as_mentor_and_mentee_is_an_error():
    sheets = _book(
        _pair(1, ANNA, f"{MARIA}; кузнецова анна сергеевна"),
        mentees=[mentee(MARIA, status="В паре"), mentee(ANNA)],
    )
    [p] = problems(sheets, "pair_self")
    assert (p.severity, p.row, p.column, p.value) == (Severity.ERROR, 2, "Наставляемые", ANNA)


def test_a_repeated_pair_number_is_reported_on_the_later_row():
    [p] = problems(_book(_pair("1", ANNA, MARIA), _pair(1, OLEG, PETR)), "pair_duplicate_number")
    assert (p.severity, p.row, p.column) == (Severity.ERROR, 3, "№ пары")
    assert "строки 2, 3" in p.message


def test_a_mentee_in_two_pairs_in_force_is_an_error_but_a_finished_pair_does_not_count():
    sheets = _book(
        _pair(1, ANNA, MARIA),
        _pair(2, OLEG, MARIA, "Утверждена"),
        _pair(3, OLEG, MARIA, "Завершена"),
        _pair(4, OLEG, PETR),
    )
    [p] = problems(sheets, "mentee_in_two_pairs")
    assert (p.severity, p.row, p.column, p.value) == (Severity.ERROR, 3, "Наставляемые", MARIA)
    assert "№ 1, 2" in p.message


def test_a_pair_in_force_led_by_a_mentor_who_is_not_ready_is_a_warning():
    sheets = _book(
        _pair(1, ANNA, MARIA),
        _pair(2, OLEG, PETR, "Проект"),
        mentors=[mentor(ANNA, status="Не готов"), mentor(OLEG, status="Не готов")],
    )
    [p] = problems(sheets, "pair_mentor_inactive")
    assert (p.severity, p.row, p.column, p.value) == (Severity.WARNING, 2, "Наставник", ANNA)
    assert "статус «Не готов»" in p.message


def test_meetings_and_surveys_naming_an_unknown_pair_are_errors_and_number_formats_agree():
    sheets = _book(_pair("№ 1", ANNA, MARIA), _pair(2, OLEG, PETR))
    with_sheet(
        sheets,
        k.MEETINGS,
        [
            {"pair": 1, "date": "10.09.2025"},
            {"pair": "2", "date": "11.09.2025"},
            {"pair": 5, "date": "12.09.2025"},
        ],
    )
    with_sheet(
        sheets, k.SURVEYS, [{"respondent": MARIA, "role": "Наставляемый", "survey": "Входная", "pair": 9}]
    )
    found = [
        (p.severity, p.sheet, p.row, p.column, p.value) for p in problems(sheets, "meeting_unknown_pair")
    ]
    assert found == [
        (Severity.ERROR, "Встречи", 4, "№ пары", "5"),
        (Severity.ERROR, "Анкеты", 2, "№ пары", "9"),
    ]
    assert "Пары № 5 нет на листе «Пары»" in problems(sheets, "meeting_unknown_pair")[0].message


def test_clean_pairs_meetings_and_surveys_give_no_problems():
    sheets = _book(
        _pair(1, ANNA, MARIA, start="01.09.2025", end="31.05.2026"),
        _pair(2, OLEG, PETR, "Утверждена", start="01.10.2025", end="30.06.2026"),
    )
    with_sheet(sheets, k.MEETINGS, [{"pair": 1, "date": "10.09.2025", "format": "Очно", "hours": 1}])
    assert problems(sheets) == []
