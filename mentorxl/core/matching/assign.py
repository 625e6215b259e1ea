"""The optimal assignment over a candidate graph: most mentees first, then the largest total score.

A mentor with capacity c becomes c identical slots; each mentee also gets a private «no mentor» slot,
so a full matching of the mentees always exists. Weights: BIG + points for a real pair, 1 for «no
mentor», where BIG exceeds any possible total of points — so one more matched mentee outweighs every
score difference (the lexicographic objective), and among assignments of that size the total score is
the largest. scipy's LAPJVsp (`min_weight_full_bipartite_matching`) solves it on the sparse graph;
all weights are integers below 2⁵³, so float64 sums are exact.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from mentorxl.core.matching.score import IntArray, run_starts

MAX_POINTS = 10_000
DENSE_LIMIT = 40_000  # rows × columns: below it a small dense solver, which spares importing scipy (~0.4 s)


def solve(n: int, capacity: list[int], mentees: IntArray, mentors: IntArray, points: IntArray) -> list[int]:
    """The best assignment (mentee -> mentor or -1) using only the given pairs and capacities."""
    assignment = [-1] * n
    cap = np.asarray(capacity, dtype=np.int64)
    keep = cap[mentors] > 0 if len(mentors) else np.zeros(0, dtype=np.bool_)
    mentees, mentors, points = mentees[keep], mentors[keep], points[keep]
    if not len(mentees):
        return assignment
    keys = mentees * len(cap) + mentors
    order = np.argsort(keys, kind="stable")
    keys, points = keys[order], points[order]
    first = run_starts(keys)
    mentees, mentors, points = keys[first] // len(cap), keys[first] % len(cap), points[first]
    starts = run_starts(mentees)  # mentees are sorted: only those with pairs are rows
    people = mentees[starts]
    rows_of = np.cumsum(starts) - 1
    size = len(people)
    # a mentor needs no more slots than it has candidate mentees
    slots = np.minimum(cap, np.bincount(mentors, minlength=len(cap)))
    offset = np.r_[0, np.cumsum(slots)]
    total_slots = int(offset[-1])
    per_edge = slots[mentors]
    rows = np.repeat(rows_of, per_edge)
    step = np.arange(len(rows), dtype=np.int64) - np.repeat(np.cumsum(per_edge) - per_edge, per_edge)
    cols = np.repeat(offset[mentors], per_edge) + step
    big = float(MAX_POINTS) * (size + 1) + 1.0
    weights = big + np.repeat(points, per_edge).astype(np.float64)
    columns = total_slots + size
    if size * columns <= DENSE_LIMIT:
        dense = np.full((size, columns), -1.0e15)
        dense[rows, cols] = weights
        dense[np.arange(size), total_slots + np.arange(size)] = 1.0
        matched_rows, matched_cols = np.arange(size), hungarian_max(dense)
    else:
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import min_weight_full_bipartite_matching

        rows = np.r_[rows, np.arange(size, dtype=np.int64)]
        cols = np.r_[cols, total_slots + np.arange(size, dtype=np.int64)]
        weights = np.r_[weights, np.ones(size)]
        graph = csr_matrix((weights, (rows, cols)), shape=(size, columns))
        matched_rows, matched_cols = min_weight_full_bipartite_matching(graph, maximize=True)
    owner = np.repeat(np.arange(len(cap), dtype=np.int64), slots)
    for r, c in zip(matched_rows.tolist(), matched_cols.tolist(), strict=True):
        if c < total_slots:
            assignment[int(people[r])] = int(owner[c])
    return assignment


def hungarian_max(weights: NDArray[np.float64]) -> IntArray:
    """The column of each row in a maximum-weight assignment of every row (rows ≤ columns): the Hungarian
    method with shortest augmenting paths and potentials, vectorised over the columns."""
    cost = -weights
    n, m = cost.shape
    u = np.zeros(n + 1)
    v = np.zeros(m + 1)
    owner = np.zeros(m + 1, dtype=np.int64)  # owner[j]: the row (1-based) holding column j; 0 = free
    way = np.zeros(m + 1, dtype=np.int64)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        reach = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=np.bool_)
        while True:
            used[j0] = True
            i0 = owner[j0]
            current = cost[i0 - 1] - u[i0] - v[1:]
            better = ~used[1:] & (current < reach[1:])
            reach[1:][better] = current[better]
            way[1:][better] = j0
            masked = np.where(used[1:], np.inf, reach[1:])
            j1 = int(np.argmin(masked)) + 1
            delta = masked[j1 - 1]
            u[owner[used]] += delta
            v[used] -= delta
            reach[~used] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = int(way[j0])
            owner[j0] = owner[j1]
            j0 = j1
    result = np.zeros(n, dtype=np.int64)
    taken = np.flatnonzero(owner[1:]) + 1
    result[owner[taken] - 1] = taken - 1
    return result
