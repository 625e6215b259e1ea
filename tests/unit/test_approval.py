from datetime import date

from mentorxl.book.fake import FakeBook
from mentorxl.core import contract as k
from mentorxl.core.approval import next_pair_number, plan_approval
from tests.builders import grid, mentee, mentor, minimal_book

TODAY = date(2025, 9, 15)


def _book(suggestions, pairs=(), mentees=None, mentors=None, settings=None):
    sheets = minimal_book(
        mentees=mentees or [mentee("Иванова Мария Петровна", "ИКТ; ФГОС"), mentee("Петров Пётр Петрович", "ИКТ"),
                            mentee("Орлов Олег Олегович", "Работа с родителями")],
        mentors=mentors or [mentor("Кузнецова Анна Сергеевна", "ИКТ; ФГОС; Работа с родителями", capacity=3)],
        pairs=pairs,
    )
    sheets[k.SUGGESTIONS.name] = grid(k.SUGGESTIONS, suggestions)
    if settings:
        from tests.builders import settings_grid

        sheets[k.SETTINGS.name] = settings_grid(settings)
    return FakeBook(sheets)


def test_only_suggestions_marked_approve_become_pairs_with_dates_from_the_settings():
    book = _book([
        {"mentee": "Иванова Мария Петровна", "mentor": "Кузнецова Анна Сергеевна", "matched": "ИКТ",
         "decision": "Утвердить"},
        {"mentee": "Орлов Олег Олегович", "mentor": "Кузнецова Анна Сергеевна", "matched": "Работа с родителями",
         "decision": ""},
    ], settings={k.SET_START: "01.10.2025", k.SET_TERM_MONTHS: "6"})
    plan = plan_approval(book.read(), today=TODAY)
    assert [(p["mentor"], p["mentees"], p["start"], p["end"], p["status"]) for p in plan.pairs] == [
        ("Кузнецова Анна Сергеевна", ["Иванова Мария Петровна"], date(2025, 10, 1), date(2026, 4, 1), "Утверждена")]
    assert plan.mentee_updates == [(2, "status", "В паре")]


def test_mentees_of_one_mentor_with_a_shared_request_become_one_group():
    book = _book([
        {"mentee": "Иванова Мария Петровна", "mentor": "Кузнецова Анна Сергеевна", "matched": "ИКТ; ФГОС",
         "decision": "Утвердить"},
        {"mentee": "Петров Пётр Петрович", "mentor": "Кузнецова Анна Сергеевна", "matched": "ИКТ",
         "decision": "Утвердить"},
        {"mentee": "Орлов Олег Олегович", "mentor": "Кузнецова Анна Сергеевна", "matched": "Работа с родителями",
         "decision": "Утвердить"},
    ])
    plan = plan_approval(book.read(), today=TODAY)
    assert [(p["mentees"], p["kind"]) for p in plan.pairs] == [
        (["Иванова Мария Петровна", "Петров Пётр Петрович"], "групповое"),
        (["Орлов Олег Олегович"], "традиционное"),
    ]
    assert plan.pairs[0]["goal"] == "Профессиональное развитие: ИКТ"


def test_approve_all_takes_everything_not_rejected_and_numbers_continue_after_existing_pairs():
    book = _book([
        {"mentee": "Иванова Мария Петровна", "mentor": "Кузнецова Анна Сергеевна", "matched": "ИКТ"},
        {"mentee": "Орлов Олег Олегович", "mentor": "Кузнецова Анна Сергеевна", "matched": "Работа с родителями",
         "decision": "Отклонить"},
    ], pairs=[{"number": "7", "mentor": "Кто-то Другой Иванович", "mentees": "Петров Пётр Петрович",
               "status": "Действует"}])
    plan = plan_approval(book.read(), today=TODAY, approve_all=True)
    assert [(p["number"], p["mentees"]) for p in plan.pairs] == [(8, ["Иванова Мария Петровна"])]


def test_an_approved_row_that_breaks_a_hard_rule_is_refused_with_the_reason():
    book = _book([
        {"mentee": "Иванова Мария Петровна", "mentor": "Сидоров Сидор Сидорович", "decision": "Утвердить"},
        {"mentee": "Петров Пётр Петрович", "mentor": "Кузнецова Анна Сергеевна", "decision": "Утвердить"},
    ], mentees=[mentee("Иванова Мария Петровна"), mentee("Петров Пётр Петрович", consent=None)])
    plan = plan_approval(book.read(), today=TODAY)
    assert plan.pairs == []
    assert plan.skipped == ["«Сидоров Сидор Сидорович» нет в банке наставников",
                            "«Петров Пётр Петрович»: нет согласия на обработку ПДн"]


def test_a_mentee_already_in_a_pair_in_force_is_not_paired_twice():
    book = _book([{"mentee": "Петров Пётр Петрович", "mentor": "Кузнецова Анна Сергеевна", "decision": "Утвердить"}],
                 pairs=[{"number": "1", "mentor": "Кузнецова Анна Сергеевна", "mentees": "Петров Пётр Петрович",
                         "status": "Действует"}])
    plan = plan_approval(book.read(), today=TODAY)
    assert plan.pairs == [] and "уже состоит" in plan.skipped[0]


def test_pair_numbers_continue_from_the_largest_number_typed():
    assert next_pair_number(["1", "2", "П-10", "", "abc"]) == 11
    assert next_pair_number([]) == 1
