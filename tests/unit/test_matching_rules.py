"""Hard rules of «Подобрать пары»: each one on the smallest book that shows it."""

from __future__ import annotations

from mentorxl.core import contract as k
from mentorxl.core.matching import match
from tests.unit.matching_builder import mentee, mentor, pair, program, suggestion


def pairs_of(result) -> set[tuple[str, str]]:
    return {(s.mentee, s.mentor) for s in result.suggestions}


def codes_of(result) -> dict[str, str]:
    return {u.mentee: u.code for u in result.unmatched}


def test_a_mentee_without_personal_data_consent_is_not_matched_and_told_why():
    result = match(program([mentee("Иванова Анна Петровна", consent_pd=None)], [mentor("Кузнецова Ольга Ивановна")]))
    assert not result.suggestions
    assert codes_of(result) == {"Иванова Анна Петровна": "no_consent"}
    assert "согласия на обработку персональных данных" in result.unmatched[0].reason


def test_a_mentor_without_either_consent_is_never_suggested():
    data = program([mentee("Иванова Анна Петровна")], [
        mentor("Без Согласия Пдн", consent_pd=None),
        mentor("Без Согласия Наставничества", consent_mentoring=None),
    ])
    result = match(data)
    assert not result.suggestions
    assert codes_of(result) == {"Иванова Анна Петровна": "no_mentor"}
    assert "нет согласия на наставничество" in result.unmatched[0].reason


def test_only_active_mentors_and_waiting_mentees_take_part_and_empty_status_counts_as_both():
    data = program(
        [mentee("Ждёт Пары", status="Ожидает пары"), mentee("Пустой Статус", status=""),
         mentee("Уже В Паре", status="В паре"), mentee("Завершила Программу", status="Завершил")],
        [mentor("Активный Наставник", status="Активен", capacity=5), mentor("Пустой Наставник", status="", capacity=5),
         mentor("Не Готов", status="Не готов", capacity=5), mentor("Выбыл Совсем", status="Выбыл", capacity=5)],
    )
    result = match(data)
    assert {s.mentee for s in result.suggestions} == {"Ждёт Пары", "Пустой Статус"}
    assert {s.mentor for s in result.suggestions} <= {"Активный Наставник", "Пустой Наставник"}
    assert not result.unmatched  # people not waiting are not listed as left without a mentor


def test_a_status_is_compared_without_case_spaces_or_yo():
    data = program([mentee("Ждёт Пары", status="ожидает  ПАРЫ")], [mentor("Активный Наставник", status=" активен ")])
    assert pairs_of(match(data)) == {("Ждёт Пары", "Активный Наставник")}


def test_nobody_is_paired_with_themselves():
    same = "Петрова Мария Сергеевна"
    data = program([mentee(same), mentee("Другая Наставляемая Ивановна")], [mentor("петрова  мария сергеевна")])
    result = match(data)
    assert pairs_of(result) == {("Другая Наставляемая Ивановна", "петрова мария сергеевна")}
    assert codes_of(result) == {same: "no_mentor"}


def test_a_mentor_takes_no_more_than_own_capacity_minus_pairs_in_force():
    data = program(
        [mentee(f"Наставляемая Номер {i}") for i in range(5)],
        [mentor("Кузнецова Ольга Ивановна", capacity=3)],
        pairs=[pair("1", "Кузнецова Ольга Ивановна", ["Старая Наставляемая Одна"]),
               pair("2", "Кузнецова Ольга Ивановна", ["Старая Наставляемая Две"], status="Завершена")],
    )
    result = match(data)
    assert len(result.suggestions) == 2  # 3 - one pair in force; the finished pair does not count
    assert sum(1 for u in result.unmatched if u.code == "mentors_full") == 3


def test_an_empty_capacity_takes_the_setting():
    data = program([mentee(f"Наставляемая Номер {i}") for i in range(5)], [mentor("Кузнецова Ольга Ивановна")],
                   settings={k.SET_CAPACITY: 4})
    assert len(match(data).suggestions) == 4


def test_a_mentee_already_in_a_pair_in_force_is_not_matched_again_whatever_the_status_says():
    data = program([mentee("Иванова Анна Петровна", status="Ожидает пары")], [mentor("Кузнецова Ольга Ивановна")],
                   pairs=[pair("7", "Другой Наставник Петрович", ["Иванова Анна Петровна"], status="Утверждена")])
    result = match(data)
    assert not result.suggestions
    assert codes_of(result) == {"Иванова Анна Петровна": "in_pair"}
    assert "№ 7" in result.unmatched[0].reason


def test_a_rejected_suggestion_never_comes_back():
    data = program([mentee("Иванова Анна Петровна")],
                   [mentor("Лучший Наставник Иванович", category="высшая"), mentor("Второй Наставник Петрович")],
                   suggestions=[suggestion("Иванова Анна Петровна", "Лучший Наставник Иванович", "Отклонить")])
    assert pairs_of(match(data)) == {("Иванова Анна Петровна", "Второй Наставник Петрович")}


def test_when_every_suitable_mentor_was_rejected_the_reason_says_so():
    data = program([mentee("Иванова Анна Петровна")], [mentor("Единственный Наставник Иванович")],
                   suggestions=[suggestion("Иванова Анна Петровна", "Единственный Наставник Иванович", "отклонить")])
    result = match(data)
    assert not result.suggestions
    assert codes_of(result) == {"Иванова Анна Петровна": "rejected"}
    assert "Единственный Наставник Иванович" in result.unmatched[0].reason


def test_an_approved_suggestion_is_kept_as_it_is_and_takes_capacity_first():
    data = program(
        [mentee("Одобренная Наставляемая", "Работа с родителями"), mentee("Другая Наставляемая", "ИКТ")],
        [mentor("Кузнецова Ольга Ивановна", "ИКТ", capacity=1), mentor("Запасной Наставник", "ФГОС", capacity=1)],
        suggestions=[suggestion("Одобренная Наставляемая", "Кузнецова Ольга Ивановна", "Утвердить")],
    )
    result = match(data)
    kept = next(s for s in result.suggestions if s.mentee == "Одобренная Наставляемая")
    assert (kept.mentor, kept.decision, kept.matched) == ("Кузнецова Ольга Ивановна", "Утвердить", [])
    assert "Утверждено куратором" in kept.reason
    assert codes_of(result) == {"Другая Наставляемая": "mentors_full"}


def test_an_approved_suggestion_that_breaks_a_hard_rule_is_not_kept():
    data = program([mentee("Иванова Анна Петровна")],
                   [mentor("Без Согласия Наставник", consent_mentoring=None), mentor("Готовый Наставник Петрович")],
                   suggestions=[suggestion("Иванова Анна Петровна", "Без Согласия Наставник", "Утвердить")])
    result = match(data)
    assert pairs_of(result) == {("Иванова Анна Петровна", "Готовый Наставник Петрович")}
    assert result.suggestions[0].decision == ""


def test_a_mutual_first_choice_is_kept_even_when_another_mentor_scores_more():
    data = program(
        [mentee("Иванова Анна Петровна", "ИКТ; Работа с родителями", preferred="Скромный Наставник Иванович; Другой")],
        [mentor("Скромный Наставник Иванович", "ИКТ", preferred="Иванова Анна Петровна"),
         mentor("Сильный Наставник Петрович", "ИКТ; Работа с родителями", category="высшая", experience=30,
                trained_on="01.09.2024")],
    )
    result = match(data)
    assert pairs_of(result) == {("Иванова Анна Петровна", "Скромный Наставник Иванович")}
    assert "Взаимный выбор" in result.suggestions[0].reason


def test_a_one_sided_choice_is_not_fixed_but_raises_the_score():
    data = program([mentee("Иванова Анна Петровна", preferred="Второй Наставник Петрович")],
                   [mentor("Первый Наставник Иванович"), mentor("Второй Наставник Петрович")])
    result = match(data)
    assert pairs_of(result) == {("Иванова Анна Петровна", "Второй Наставник Петрович")}
    assert "назвал этого наставника" in result.suggestions[0].reason


def test_a_duplicated_name_is_matched_once():
    data = program([mentee("Иванова Анна Петровна"), mentee("иванова анна петровна")],
                   [mentor("Кузнецова Ольга Ивановна", capacity=3)])
    assert len(match(data).suggestions) == 1
