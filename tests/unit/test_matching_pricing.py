"""Column generation: the mentors' prices prove an assignment optimal over every covering pair, the
`--exact` mode reaches the optimum of the full graph without building it, and the default sparse result
keeps the count of the exact one and at least 99,8 % of its total score."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorxl.core.matching import engine, match, pricing
from mentorxl.core.matching.candidates import all_covering
from mentorxl.core.matching.rules import prepare
from mentorxl.core.matching.score import Scorer
from tests.unit.matching_builder import random_program
from tests.unit.test_matching_assign import dense_optimum, objective


def _setup(data):
    pool = prepare(data)
    scorer = Scorer(pool, data.settings.weights)
    free = pool.free_after_fixed()
    fixed = {f.mentee for f in pool.fixed}
    graph = np.array([i for i in range(len(pool.mentees)) if i not in fixed and pool.mentee_tags[i]], dtype=np.int64)
    return pool, scorer, graph, np.array(free, dtype=np.int64) > 0


def _violations_of(data, assignment: list[int]):
    """Prices of the full covering graph for `assignment`, and the covering pairs that beat them."""
    pool, scorer, graph, mask = _setup(data)
    n, m = len(pool.mentees), len(pool.mentors)
    a = np.array(assignment, dtype=np.int64)
    rows, cols, points = all_covering(scorer, graph, mask, pool.forbidden)
    price = pricing.prices(n, m, a, np.array(pool.free_after_fixed(), dtype=np.int64), rows, cols, points)
    if price is None:
        return None
    limit = pricing.thresholds(n, a, price, scorer)
    return pricing.every_violation(scorer, graph, mask, price, limit, 10, pool.forbidden)


def test_the_prices_of_the_exact_optimum_leave_no_covering_pair_that_would_improve_it():
    data = random_program(150, 60, 21)
    pool, scorer, _, _ = _setup(data)
    assignment, stats = engine.optimise(pool, scorer, exact=True)
    assert stats["mode"] == "exact"
    found = _violations_of(data, assignment)
    assert found is not None
    assert len(found[0]) == 0


def test_a_worse_assignment_is_caught_by_its_prices():
    data = random_program(150, 60, 21)
    pool, scorer, _, _ = _setup(data)
    assignment, _ = engine.optimise(pool, scorer, exact=True)
    # give one matched mentee no mentor: now a covering pair improves the assignment (or no prices settle)
    worse = list(assignment)
    worse[next(i for i, j in enumerate(worse) if j >= 0)] = -1
    found = _violations_of(data, worse)
    assert found is None or len(found[0]) > 0


def test_column_generation_reaches_the_optimum_of_the_full_graph_on_a_pool_above_the_exact_limit(monkeypatch):
    data = random_program(400, 160, 22)
    full = match(data, exact=True)  # small pool: every covering pair, one solve
    monkeypatch.setattr(engine, "EXACT_LIMIT", 0)  # now `exact` prices every covering pair instead
    priced = match(data, exact=True)
    assert priced.stats["no_better_pair_found"]
    assert priced.stats["candidate_pairs"] < full.stats["candidate_pairs"]
    assert objective(data, priced) == objective(data, full) == dense_optimum(data)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mentees=st.integers(200, 700), mentors=st.integers(60, 400), seed=st.integers(0, 10_000),
       capacity=st.integers(1, 3))
def test_the_default_sparse_result_keeps_the_exact_count_and_99_8_percent_of_its_score(mentees, mentors, seed,
                                                                                       capacity):
    data = random_program(mentees, mentors, seed, capacity=capacity)
    exact, sparse = match(data, exact=True), match(data, exact=False)
    assert sparse.stats["mode"] == "sparse"
    best_count, best_points = objective(data, exact)
    count, points = objective(data, sparse)
    assert count == best_count
    assert points >= 0.998 * best_points


@pytest.mark.parametrize(("mentees", "mentors", "seed"), [(1500, 700, 11), (2000, 600, 13)])
def test_on_larger_books_the_sparse_result_is_within_0_2_percent_of_the_exact_one(mentees, mentors, seed):
    data = random_program(mentees, mentors, seed)
    exact, sparse = match(data, exact=True), match(data, exact=False)
    best_count, best_points = objective(data, exact)
    count, points = objective(data, sparse)
    assert count == best_count
    assert points >= 0.998 * best_points
