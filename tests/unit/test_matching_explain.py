"""Reasons in Russian: alternatives for each suggestion, the why of each mentee left without a mentor."""

from __future__ import annotations

from mentorxl.core.matching import MatchResult, match
from mentorxl.core.matching.explain import names_list, plural, years
from tests.unit.matching_builder import mentee, mentor, program


def test_alternatives_are_other_mentors_with_a_free_place_who_cover_a_request():
    data = program([mentee("Иванова Анна Петровна", "ИКТ")], [
        mentor("Лучший Наставник", "ИКТ", category="высшая", experience=20),
        mentor("Второй Наставник", "ИКТ", category="первая", experience=20),
        mentor("Третий Наставник", "ИКТ", experience=20),
        mentor("Четвёртый Наставник", "ИКТ"),
        mentor("Занятый Наставник", "ИКТ", category="высшая", experience=30, capacity=0),
        mentor("Чужой Наставник", "Работа с родителями", category="высшая", experience=30),
    ])
    s = match(data).suggestions[0]
    assert s.mentor == "Лучший Наставник"
    assert s.alternatives == ["Второй Наставник", "Третий Наставник"]


def test_a_mentor_filled_in_this_run_is_no_alternative():
    data = program([mentee("Первая Наставляемая", "ИКТ"), mentee("Вторая Наставляемая", "ИКТ")],
                   [mentor("Первый Наставник", "ИКТ", capacity=1), mentor("Второй Наставник", "ИКТ", capacity=1)])
    assert [s.alternatives for s in match(data).suggestions] == [[], []]


def test_a_mentee_without_requests_is_told_to_write_them():
    result = match(program([mentee("Иванова Анна Петровна", "")], [mentor("Кузнецова Ольга Ивановна")]))
    assert [(u.code, "«Запросы»" in u.reason) for u in result.unmatched] == [("no_requests", True)]


def test_no_covering_mentor_names_the_requests_and_the_mentors_who_are_not_ready():
    data = program([mentee("Иванова Анна Петровна", "Инклюзия; ОВЗ; Логопедия")],
                   [mentor("Кузнецова Ольга Ивановна", "ИКТ"),
                    mentor("Не Готовая Наставница", "дети с ОВЗ", status="Не готов")])
    unmatched = match(data).unmatched[0]
    assert unmatched.code == "no_mentor"
    assert "«Инклюзивное образование», «Логопедическая работа»" in unmatched.reason
    assert "Не Готовая Наставница (статус «Не готов»)" in unmatched.reason


def test_full_mentors_are_named_with_how_many_more():
    data = program(
        [mentee(f"Наставляемая {i}", "ИКТ") for i in range(6)],
        [mentor(f"Наставник {j}", "ИКТ", capacity=1, experience=10 + j) for j in range(5)],
    )
    result = match(data)
    assert len(result.suggestions) == 5
    [unmatched] = result.unmatched
    assert unmatched.code == "mentors_full"
    assert unmatched.reason.startswith("Все подходящие наставники заняты: Наставник 4, Наставник 3, Наставник 2 "
                                       "и ещё 2.")


def test_the_unmatched_keep_the_order_of_the_bank():
    data = program([mentee("Без Запросов", ""), mentee("Без Согласия", consent_pd=None), mentee("Не Покрыта", "ФГОС")],
                   [mentor("Кузнецова Ольга Ивановна", "ИКТ")])
    assert [u.mentee for u in match(data).unmatched] == ["Без Запросов", "Без Согласия", "Не Покрыта"]


def test_the_json_is_exactly_the_contract():
    data = program([mentee("Иванова Анна Петровна", "ИКТ; ФГОС"), mentee("Без Согласия", consent_pd=None)],
                   [mentor("Кузнецова Ольга Ивановна", "ИКТ")])
    out = match(data).as_json()
    assert out == {
        "suggestions": [{"mentee": "Иванова Анна Петровна", "mentor": "Кузнецова Ольга Ивановна", "score": out[
            "suggestions"][0]["score"], "matched": ["ИКТ и цифровые ресурсы"], "missing": ["ФГОС и рабочие программы"],
                         "alternatives": []}],
        "unmatched": [{"mentee": "Без Согласия", "reason": out["unmatched"][0]["reason"]}],
    }
    assert isinstance(out["suggestions"][0]["score"], int)


def test_an_empty_program_gives_an_empty_result():
    result = match(program())
    assert isinstance(result, MatchResult)
    assert result.as_json() == {"suggestions": [], "unmatched": []}


def test_russian_numbers_agree_with_their_nouns():
    assert [years(n) for n in (1, 2, 5, 11, 21, 22, 25, 2.5)] == [
        "1 год", "2 года", "5 лет", "11 лет", "21 год", "22 года", "25 лет", "2,5 года"]
    assert plural(14, "наставник", "наставника", "наставников") == "наставников"
    assert names_list(["А", "Б", "В", "Г"]) == "А, Б, В и ещё 1"
