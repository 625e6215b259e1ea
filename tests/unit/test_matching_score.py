"""The 0–100 score with the weights of «Настройки», and the reason that explains it."""

from __future__ import annotations

import numpy as np

from mentorxl.core import contract as k
from mentorxl.core.matching import match
from mentorxl.core.matching.rules import prepare
from mentorxl.core.matching.score import Scorer, category_value, experience_value, shown_score
from tests.unit.matching_builder import mentee, mentor, program


def score_of(data, mentee_index: int = 0, mentor_index: int = 0) -> float:
    scorer = Scorer(prepare(data), data.settings.weights)
    return scorer.point(mentee_index, mentor_index) / 100


def test_a_perfect_pair_scores_one_hundred():
    data = program([mentee("Иванова Анна Петровна", "ИКТ; ФГОС", subject="Математика",
                           preferred="Кузнецова Ольга Ивановна")],
                   [mentor("Кузнецова Ольга Ивановна", "цифровые ресурсы; рабочие программы", subject="математика",
                           experience=20, category="высшая", trained_on="10.10.2024",
                           preferred="Иванова Анна Петровна")])
    assert score_of(data) == 100


def test_each_part_counts_with_its_default_weight():
    # coverage 1 of 2 → 50 × 0.5; same subject 15; 6 years → 10 × 6/15; «первая» → 10 × 0.6; trained 5
    data = program([mentee("Иванова Анна Петровна", "ИКТ; Работа с родителями", subject="история")],
                   [mentor("Кузнецова Ольга Ивановна", "ИКТ", subject="История", experience=6, category="первая",
                           trained_on="01.06.2025")])
    assert score_of(data) == 25 + 15 + 4 + 6 + 5


def test_weights_come_from_the_settings_and_only_their_shares_matter():
    people = ([mentee("Иванова Анна Петровна", "ИКТ; Работа с родителями", subject="история")],
              [mentor("Кузнецова Ольга Ивановна", "ИКТ", subject="история")])
    only_subject = {k.SET_W_COVERAGE: 0, k.SET_W_SUBJECT: 3, k.SET_W_EXPERIENCE: 0, k.SET_W_CATEGORY: 0,
                    k.SET_W_TRAINING: 0, k.SET_W_PREFERENCE: 0}
    assert score_of(program(*people, settings=only_subject)) == 100
    coverage_and_subject = {**only_subject, k.SET_W_COVERAGE: 3}
    assert score_of(program(*people, settings=coverage_and_subject)) == 75


def test_all_weights_zero_fall_back_to_the_defaults():
    weights = (k.SET_W_COVERAGE, k.SET_W_SUBJECT, k.SET_W_EXPERIENCE, k.SET_W_CATEGORY, k.SET_W_TRAINING,
               k.SET_W_PREFERENCE)
    zero = dict.fromkeys(weights, 0)
    people = ([mentee("Иванова Анна Петровна", "ИКТ")], [mentor("Кузнецова Ольга Ивановна", "ИКТ")])
    assert score_of(program(*people, settings=zero)) == score_of(program(*people)) == 50


def test_a_one_sided_preference_gives_half_the_preference_weight():
    people = [mentor("Кузнецова Ольга Ивановна", "ИКТ", preferred="Иванова Анна Петровна")]
    assert score_of(program([mentee("Иванова Анна Петровна", "ИКТ")], people)) == 55


def test_categories_and_experience_read_as_users_type_them():
    assert [category_value(c) for c in ("Высшая", "высшая квалификационная категория", "Первая", "педагог-методист",
                                         "Соответствие занимаемой должности", "без категории", "", "иное")] == [
        1, 1, 0.6, 1, 0.2, 0, 0, 0]
    assert [experience_value(y) for y in (None, 0, 7.5, 15, 40)] == [0, 0, 0.5, 1, 1]


def test_the_score_users_read_rounds_half_up():
    assert [shown_score(p) for p in (0, 49, 50, 6250, 10_000)] == [0, 0, 1, 63, 100]


def test_vector_and_single_scores_agree():
    data = program([mentee(f"Наставляемая {i}", ["ИКТ", "ФГОС", "Методика урока"][: i % 3 + 1]) for i in range(6)],
                   [mentor(f"Наставник {j}", ["ИКТ", "ФГОС", "Методика урока"][j % 3:], experience=j * 4)
                    for j in range(4)])
    scorer = Scorer(prepare(data), data.settings.weights)
    rows, cols = np.meshgrid(np.arange(6), np.arange(4), indexing="ij")
    together = scorer.points(rows.ravel(), cols.ravel())
    assert together.tolist() == [scorer.point(i, j) for i in range(6) for j in range(4)]


def test_the_reason_names_matched_and_missing_requests_subject_experience_and_preference():
    data = program([mentee("Иванова Анна Петровна", "ИКТ; Работа с родителями", subject="история", experience=1,
                           preferred="Кузнецова Ольга Ивановна; Второй Выбор")],
                   [mentor("Кузнецова Ольга Ивановна", "ИКТ", subject="История", experience=21, category="высшая",
                           trained_on="01.06.2025")])
    s = match(data).suggestions[0]
    assert (s.matched, s.missing) == (["ИКТ и цифровые ресурсы"], ["Работа с родителями"])
    for part in ("Совпало: «ИКТ и цифровые ресурсы».", "Не покрыто: «Работа с родителями».",
                 "Тот же предмет: История.", "стаж 21 год", "категория «высшая»", "обучение наставников пройдено",
                 "Наставляемый назвал этого наставника"):
        assert part in s.reason


def test_the_reason_warns_when_the_mentor_has_no_more_experience_than_the_mentee():
    data = program([mentee("Иванова Анна Петровна", "ИКТ", subject="физика", experience=12)],
                   [mentor("Кузнецова Ольга Ивановна", "ИКТ", subject="химия", experience=5)])
    reason = match(data).suggestions[0].reason
    assert "Предметы разные: физика и химия." in reason
    assert "стаж 5 лет" in reason and "Стаж наставника не больше стажа наставляемого." in reason
