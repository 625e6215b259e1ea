from mentorxl.core import contract as k
from mentorxl.core.problems import Severity
from tests.builders import settings_grid
from tests.unit.validation_builder import book, mentee, mentor, problems

ANNA = "Кузнецова Анна Сергеевна"
MENTEES = ["Иванова Мария Петровна", "Петров Пётр Петрович", "Сидорова Анна Ивановна"]


def _book(capacity, *groups, setting=None):
    sheets = book(
        mentees=[mentee(n, status="В паре") for n in MENTEES],
        mentors=[mentor("Орлов Олег Олегович"), mentor(ANNA, capacity=capacity)],
        pairs=[{"number": i, "mentor": ANNA, "mentees": g, "status": s} for i, (g, s) in enumerate(groups)],
    )
    if setting is not None:
        sheets[k.SETTINGS.name] = settings_grid({k.SET_CAPACITY: setting})
    return sheets


def test_a_capacity_above_the_setting_is_a_warning_on_the_mentor_row():
    [p] = problems(_book(4), "capacity_above_setting")
    assert (p.severity, p.sheet, p.row, p.column, p.value) == (
        Severity.WARNING,
        "Наставники",
        3,
        "Наставляемых, не более",
        "4",
    )
    assert "при норме 2" in p.message


def test_an_overloaded_mentor_is_one_error_on_their_capacity_cell_counting_every_pair_in_force():
    sheets = _book(1, (MENTEES[0], "Действует"), (f"{MENTEES[1]}; {MENTEES[2]}", "Утверждена"))
    [p] = problems(sheets, "mentor_overloaded")
    assert (p.severity, p.sheet, p.row, p.column, p.value) == (
        Severity.ERROR,
        "Наставники",
        3,
        "Наставляемых, не более",
        "3",
    )
    assert f"У наставника «{ANNA}» 3 наставляемых в действующих парах при допустимых 1" in p.message


def test_without_an_own_capacity_the_setting_is_the_limit_and_draft_pairs_do_not_count():
    within = _book(
        None, (MENTEES[0], "Действует"), (MENTEES[1], "Действует"), (MENTEES[2], "Проект"), setting=2
    )
    assert problems(within, "mentor_overloaded") == []
    over = _book(None, (MENTEES[0], "Действует"), (f"{MENTEES[1]}; {MENTEES[2]}", "Действует"), setting=2)
    [p] = problems(over, "mentor_overloaded")
    assert "при допустимых 2" in p.message
