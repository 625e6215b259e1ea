"""Column generation for the sparse graph: the prices that prove an assignment optimal, and the pairs
outside the graph that would still improve it.

The assignment (mentee i → mentor j) solved over a graph of candidate pairs maximises Σ (BIG + points)
with a mentee taking at most one mentor and a mentor at most its free places (BIG: one more matched mentee
outweighs every score; assign.py). Its linear programme has a dual: a price vⱼ ≥ 0 per mentor and a
value uᵢ ≥ 0 per mentee with uᵢ + vⱼ ≥ BIG + pointsᵢⱼ for every pair. The smallest market-clearing prices
of the solved graph are found as longest paths from the unassigned mentees:
    vₖ ≥ BIG + pointsᵢₖ                    for an unassigned mentee i and its candidate k,
    vₖ ≥ vⱼ + pointsᵢₖ − pointsᵢⱼ          for a mentee i on j and another candidate k of i,
and uᵢ = BIG + pointsᵢⱼ − vⱼ (assigned) or 0. A pair (i, k) of all the covering pairs, in the graph or
not, can improve the assignment only if BIG + pointsᵢₖ − vₖ > uᵢ, i.e. its reduced value pointsᵢₖ − vₖ
exceeds the mentee's threshold (pointsᵢⱼ − vⱼ, or −BIG when unassigned). No such pair among every covering
pair = the assignment is the optimum over all of them (LP duality; the bipartite programme is integral).

Finding the violating pairs without listing all pairs: pointsᵢₖ − vₖ = tier(covered requests, same
subject) + (qualityₖ − vₖ) + preference, so the mentor index of candidates.py ordered by qualityₖ − vₖ
instead of quality gives each mentee's best reduced values (`sparse_violations`); `every_violation`
checks every covering pair in chunks (the proof behind `--exact`).
"""

from __future__ import annotations

import numpy as np

from mentorxl.core.matching.candidates import BATCH, SubsetIndex, _requested, _scored, best_reduced, covering_chunks
from mentorxl.core.matching.score import FloatArray, IntArray, Scorer

MAX_POINTS = 10_000


def big(n: int) -> int:
    """More than any total of points: one more matched mentee outweighs every score difference."""
    return MAX_POINTS * (n + 1)


def prices(n: int, m: int, assignment: IntArray, capacity: IntArray, mentees: IntArray, mentors: IntArray,
           points: IntArray) -> IntArray | None:
    """The smallest mentor prices proving `assignment` optimal over the graph (mentees, mentors, points);
    None when there are none (the assignment is not optimal over the graph: the prices do not settle, a
    mentor with a free place would need a price, or a mentee would do better with no mentor)."""
    price = _longest(n, m, assignment, mentees, mentors, points)
    if price is None:
        return None
    taken = assignment[assignment >= 0]
    room = np.bincount(taken, minlength=m) < capacity
    if (price[room] > 0).any() or (price[taken] > big(n) + _own_points(n, assignment, mentees, mentors, points)[
            np.flatnonzero(assignment >= 0)]).any():
        return None
    return price


def _own_points(n: int, assignment: IntArray, mentees: IntArray, mentors: IntArray, points: IntArray) -> IntArray:
    on_own = mentors == assignment[mentees]
    own_points = np.zeros(n, dtype=np.int64)
    own_points[mentees[on_own]] = points[on_own]
    return own_points


def _longest(n: int, m: int, assignment: IntArray, mentees: IntArray, mentors: IntArray, points: IntArray
             ) -> IntArray | None:
    a = assignment
    own = a[mentees]
    price = np.zeros(m, dtype=np.int64)
    loose = own < 0
    np.maximum.at(price, mentors[loose], big(n) + points[loose])
    own_points = _own_points(n, a, mentees, mentors, points)
    arcs = (own >= 0) & (mentors != own)
    source, target = own[arcs], mentors[arcs]
    gain = points[arcs] - own_points[mentees[arcs]]
    if not len(target):
        return price
    order = np.argsort(target, kind="stable")
    source, target, gain = source[order], target[order], gain[order]
    starts = np.flatnonzero(np.r_[True, target[1:] != target[:-1]])
    heads = target[starts]
    for _ in range(n + m + 1):
        best = np.maximum.reduceat(price[source] + gain, starts)
        raised = best > price[heads]
        if not raised.any():
            return price
        price[heads[raised]] = best[raised]
    return None


def thresholds(n: int, assignment: IntArray, price: IntArray, scorer: Scorer) -> IntArray:
    """Per mentee: the reduced value a pair must exceed to improve the assignment."""
    out = np.full(n, -big(n), dtype=np.int64)
    on = np.flatnonzero(assignment >= 0)
    if len(on):
        out[on] = scorer.points(on, assignment[on]) - price[assignment[on]]
    return out


def sparse_violations(scorer: Scorer, mentees: IntArray, mask: np.ndarray, price: IntArray, limit: IntArray,
                      per_list: int, per_mentee: int, rng: np.random.Generator, forbidden: set[tuple[int, int]]
                      ) -> tuple[IntArray, IntArray, IntArray]:
    """Pairs whose reduced value beats the mentee's threshold, found through the mentor index ordered by
    quality − price (the best `per_list` of each list a mentee's requests point to); at most `per_mentee`
    per mentee, the best first."""
    pool = scorer.pool
    values: FloatArray = scorer.quality - price.astype(np.float64)
    index = SubsetIndex(pool.mentor_tags, scorer.mentor_subject, values, mask, _requested(scorer), rng)
    chosen: dict[int, list[int]] = {}
    for i, j in scorer.preferred_pairs:
        if mask[j]:
            chosen.setdefault(i, []).append(j)
    found: list[tuple[IntArray, IntArray, IntArray]] = []
    for a in range(0, len(mentees), BATCH):
        batch = mentees[a:a + BATCH]
        rows, cols = index.query(pool.mentee_tags, scorer.mentee_subject, batch, per_list, rng)
        extra = [(i, j) for i in batch.tolist() for j in chosen.get(i, ())]
        if extra:
            pairs = np.array(extra, dtype=np.int64)
            rows, cols = np.r_[rows, pairs[:, 0]], np.r_[cols, pairs[:, 1]]
        found.append(_violating(*_scored(scorer, rows, cols, forbidden), price, limit, per_mentee))
    return _joined(found)


def every_violation(scorer: Scorer, mentees: IntArray, mask: np.ndarray, price: IntArray, limit: IntArray,
                    per_mentee: int, forbidden: set[tuple[int, int]]) -> tuple[IntArray, IntArray, IntArray]:
    """The same over every covering pair (n × m work in chunks, little memory): none found is the proof."""
    found = [_violating(rows, cols, points, price, limit, per_mentee)
             for rows, cols, points in covering_chunks(scorer, mentees, mask, forbidden)]
    return _joined(found)


def _violating(rows: IntArray, cols: IntArray, points: IntArray, price: IntArray, limit: IntArray,
               per_mentee: int) -> tuple[IntArray, IntArray, IntArray]:
    reduced = points - price[cols]
    bad = reduced > limit[rows]
    return best_reduced(rows[bad], cols[bad], points[bad], reduced[bad], per_mentee)


def _joined(found: list[tuple[IntArray, IntArray, IntArray]]) -> tuple[IntArray, IntArray, IntArray]:
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    return (np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found]),
            np.concatenate([f[2] for f in found]))
