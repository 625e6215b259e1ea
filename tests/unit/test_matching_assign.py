"""The assignment is optimal, not greedy: most mentees first, then the largest total score."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from mentorxl.core.matching import assign, engine, greedy_baseline, match
from mentorxl.core.matching.candidates import all_covering
from mentorxl.core.matching.engine import optimise
from mentorxl.core.matching.rules import prepare
from mentorxl.core.matching.score import Scorer
from tests.unit.matching_builder import mentee, mentor, program, random_program


def objective(data, result) -> tuple[int, int]:
    """(mentees with a covering mentor, total points) of a result, scored by one scorer."""
    pool = prepare(data)
    scorer = Scorer(pool, data.settings.weights)
    mentees = {m.name: i for i, m in enumerate(pool.mentees)}
    mentors = {m.name: j for j, m in enumerate(pool.mentors)}
    pairs = [(mentees[s.mentee], mentors[s.mentor]) for s in result.suggestions if s.matched]
    return len(pairs), sum(scorer.point(i, j) for i, j in pairs)


def test_greedy_loses_a_mentee_where_the_optimum_keeps_everyone():
    data = program(
        [mentee("Первая Наставляемая", "ИКТ; Работа с родителями"), mentee("Вторая Наставляемая", "ИКТ")],
        [mentor("Сильный Наставник", "ИКТ; Работа с родителями", capacity=1, category="высшая", experience=25),
         mentor("Второй Наставник", "Работа с родителями", capacity=1)],
    )
    greedy, best = greedy_baseline(data), match(data)
    assert [u.mentee for u in greedy.unmatched] == ["Вторая Наставляемая"]
    assert {(s.mentee, s.mentor) for s in best.suggestions} == {
        ("Первая Наставляемая", "Второй Наставник"), ("Вторая Наставляемая", "Сильный Наставник")}
    assert not best.unmatched


def test_one_more_matched_mentee_outweighs_any_score():
    data = program(
        [mentee("Первая Наставляемая", "ИКТ; Методика урока; ФГОС", subject="математика"),
         mentee("Вторая Наставляемая", "ИКТ")],
        [mentor("Наставник Всего", "ИКТ; Методика урока; ФГОС", subject="математика", capacity=1, experience=30,
                category="высшая", trained_on="01.01.2025"),
         mentor("Наставник Методики", "Методика урока", capacity=1)],
    )
    assert objective(data, match(data))[0] == 2


def brute_force(data) -> tuple[int, int]:
    """The lexicographic optimum (count, points) by trying every assignment (tiny pools only)."""
    pool = prepare(data)
    scorer = Scorer(pool, data.settings.weights)
    free = pool.free_after_fixed()
    fixed = {f.mentee for f in pool.fixed}
    n, m = len(pool.mentees), len(pool.mentors)
    options = []
    for i in range(n):
        allowed = [j for j in range(m) if i not in fixed and (i, j) not in pool.forbidden
                   and set(pool.mentee_tags[i]) & set(pool.mentor_tags[j])]
        options.append([-1, *allowed])
    best = (0, 0)
    for choice in itertools.product(*options):
        load = [0] * m
        for j in choice:
            if j >= 0:
                load[j] += 1
        if any(load[j] > free[j] for j in range(m)):
            continue
        value = (sum(1 for j in choice if j >= 0), sum(scorer.point(i, j) for i, j in enumerate(choice) if j >= 0))
        best = max(best, value)
    return best


@pytest.mark.parametrize("seed", range(12))
def test_on_tiny_pools_the_result_equals_the_brute_force_optimum(seed):
    rng = random.Random(seed)
    tags = ["ИКТ", "Работа с родителями", "Методика урока", "ФГОС"]
    data = program(
        [mentee(f"Наставляемая {i}", rng.sample(tags, rng.randint(1, 2)), subject=rng.choice(["а", "б"]))
         for i in range(rng.randint(3, 6))],
        [mentor(f"Наставник {j}", rng.sample(tags, rng.randint(1, 3)), capacity=rng.randint(1, 2),
                experience=rng.randint(0, 30), subject=rng.choice(["а", "б"])) for j in range(rng.randint(1, 3))],
    )
    assert objective(data, match(data)) == brute_force(data)


def dense_optimum(data) -> tuple[int, int]:
    """The lexicographic optimum by scipy's dense linear_sum_assignment over mentor slots (independent path)."""
    pool = prepare(data)
    scorer = Scorer(pool, data.settings.weights)
    n, m = len(pool.mentees), len(pool.mentors)
    slots = [j for j in range(m) for _ in range(pool.capacity[j])]
    big = 10_000 * (n + 1) + 1
    weight = np.zeros((n, len(slots)))
    for c, j in enumerate(slots):
        for i in range(n):
            if set(pool.mentee_tags[i]) & set(pool.mentor_tags[j]) and (i, j) not in pool.forbidden:
                weight[i, c] = big + scorer.point(i, j)
    rows, cols = linear_sum_assignment(weight, maximize=True)
    chosen = [(i, slots[c]) for i, c in zip(rows, cols, strict=True) if weight[i, c] > 0]
    return len(chosen), sum(scorer.point(i, j) for i, j in chosen)


@pytest.mark.parametrize(("mentees", "mentors", "seed"), [(120, 50, 1), (80, 120, 2), (150, 40, 3)])
def test_the_exact_mode_reaches_the_dense_optimum(mentees, mentors, seed):
    data = random_program(mentees, mentors, seed)
    assert objective(data, match(data, exact=True)) == dense_optimum(data)


@pytest.mark.parametrize(("mentees", "mentors", "seed"), [(1500, 700, 11), (900, 1400, 12), (2000, 600, 13)])
def test_the_sparse_graph_keeps_the_count_and_stays_within_0_2_percent_of_the_exact_score(mentees, mentors, seed):
    data = random_program(mentees, mentors, seed)
    exact, sparse = match(data, exact=True), match(data, exact=False)
    assert (exact.stats["mode"], sparse.stats["mode"]) == ("exact", "sparse")
    best_count, best_points = objective(data, exact)
    count, points = objective(data, sparse)
    assert count == best_count
    assert points >= 0.998 * best_points


def test_augmenting_paths_restore_the_largest_count_from_a_poor_candidate_graph():
    data = random_program(400, 150, 5, capacity=1)
    pool = prepare(data)
    scorer = Scorer(pool, data.settings.weights)
    poor, stats = optimise(pool, scorer, exact=False, candidates=1)
    exact, _ = optimise(pool, scorer, exact=True)
    assert stats["augmenting_paths"] > 0
    assert stats["count_is_largest"]
    assert sum(j >= 0 for j in poor) == sum(j >= 0 for j in exact)


def test_the_small_dense_solver_and_scipy_find_the_same_total(monkeypatch):
    data = random_program(60, 30, 8)
    pool = prepare(data)
    scorer = Scorer(pool, data.settings.weights)
    dense, _ = optimise(pool, scorer, exact=True)
    monkeypatch.setattr(assign, "DENSE_LIMIT", 0)
    sparse, _ = optimise(pool, scorer, exact=True)

    def total(assignment: list[int]) -> tuple[int, int]:
        pairs = [(i, j) for i, j in enumerate(assignment) if j >= 0]
        return len(pairs), sum(scorer.point(i, j) for i, j in pairs)

    assert total(dense) == total(sparse)


def test_a_mentor_with_several_places_takes_mentees_with_a_shared_request_as_a_group():
    data = program([mentee("Первая Наставляемая", "ИКТ; ФГОС"), mentee("Вторая Наставляемая", "ИКТ"),
                    mentee("Третья Наставляемая", "Работа с родителями")],
                   [mentor("Кузнецова Ольга Ивановна", "ИКТ; ФГОС; Работа с родителями", capacity=3)])
    result = match(data)
    groups = {s.mentee: s.group for s in result.suggestions}
    assert groups["Первая Наставляемая"] == groups["Вторая Наставляемая"] == "Группа 1"
    assert groups["Третья Наставляемая"] is None
    first = next(s for s in result.suggestions if s.mentee == "Первая Наставляемая")
    assert "Группа вместе с: Вторая Наставляемая — общий запрос «ИКТ и цифровые ресурсы»." in first.reason


def test_mentees_that_score_alike_share_one_node_of_the_flow_and_the_optimum_stays_the_same():
    data = random_program(600, 200, 9, capacity=2)
    pool = prepare(data)
    scorer = Scorer(pool, data.settings.weights)
    rows, cols, points = all_covering(scorer, np.arange(len(pool.mentees), dtype=np.int64),
                                      np.array(pool.free_after_fixed()) > 0, pool.forbidden)
    classes = engine._classes(pool, scorer)
    assert (classes >= 0).sum() > len(set(classes[classes >= 0].tolist()))  # some classes hold several mentees
    free = pool.free_after_fixed()

    def total(assignment: list[int]) -> tuple[int, int]:
        pairs = [(i, j) for i, j in enumerate(assignment) if j >= 0]
        assert all(set(pool.mentee_tags[i]) & set(pool.mentor_tags[j]) for i, j in pairs)
        assert all(sum(1 for _, k in pairs if k == j) <= free[j] for j in {j for _, j in pairs})
        return len(pairs), sum(scorer.point(i, j) for i, j in pairs)

    with_classes = assign.solve(len(pool.mentees), free, rows, cols, points, classes)
    assert total(with_classes) == total(assign.solve(len(pool.mentees), free, rows, cols, points)) \
        == dense_optimum(data)
