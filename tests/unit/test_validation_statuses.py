from mentorxl.core.problems import Severity
from tests.unit.validation_builder import book, mentee, mentor, problems

MARIA, PETR = "Иванова Мария Петровна", "Петров Пётр Петрович"
ANNA = "Кузнецова Анна Сергеевна"


def test_a_mentee_waiting_for_a_pair_while_in_a_pair_in_force_is_a_warning_on_the_status():
    sheets = book(
        mentees=[mentee(MARIA, status="ожидает пары")],
        mentors=[mentor(ANNA)],
        pairs=[{"number": 3, "mentor": ANNA, "mentees": MARIA, "status": "Действует"}],
    )
    [p] = problems(sheets, "status_contradicts_pairs")
    assert (p.severity, p.sheet, p.row, p.column, p.value) == (
        Severity.WARNING,
        "Наставляемые",
        2,
        "Статус",
        "ожидает пары",
    )
    assert "состоит в действующей паре № 3" in p.message and "«В паре»" in p.hint


def test_a_mentee_in_a_pair_by_status_but_in_no_pair_in_force_is_a_warning():
    sheets = book(
        mentees=[mentee(MARIA, status="В паре"), mentee(PETR, status="В паре")],
        mentors=[mentor(ANNA)],
        pairs=[
            {"number": 1, "mentor": ANNA, "mentees": PETR, "status": "Утверждена"},
            {"number": 2, "mentor": ANNA, "mentees": MARIA, "status": "Завершена"},
        ],
    )
    [p] = problems(sheets, "status_contradicts_pairs")
    assert (p.row, p.value) == (2, "В паре")
    assert "не состоит ни в одной" in p.message and "«Ожидает пары»" in p.hint


def test_a_mentor_who_left_but_leads_a_pair_in_force_is_a_warning_on_the_mentor_row():
    sheets = book(
        mentees=[mentee(MARIA, status="В паре")],
        mentors=[mentor(ANNA, status="Выбыл")],
        pairs=[{"number": 4, "mentor": ANNA, "mentees": MARIA, "status": "Действует"}],
    )
    found = problems(sheets)
    assert [(p.code, p.sheet, p.row, p.column) for p in found] == [
        ("status_contradicts_pairs", "Наставники", 2, "Статус")
    ]
    assert "ведёт действующую пару № 4" in found[0].message


def test_statuses_in_line_with_the_pairs_give_no_problems():
    sheets = book(
        mentees=[mentee(MARIA, status="Завершил"), mentee(PETR)],
        mentors=[mentor(ANNA, status="Выбыл")],
        pairs=[{"number": 1, "mentor": ANNA, "mentees": MARIA, "status": "Завершена"}],
    )
    assert problems(sheets) == []
