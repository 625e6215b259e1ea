"""The optimal assignment over a candidate graph: most mentees first, then the largest total score.

A maximum flow of the least cost (OR-tools' min-cost flow: source → mentee, capacity 1; mentee → mentor,
cost MAX_POINTS − points; mentor → sink, capacity = its free places) is exactly that: the largest number of
matched mentees, and among assignments of that size the largest total score. No «no mentor» option is
needed and no weight has to outweigh a whole total, so the solver never searches the whole graph for a
mentee who stays without a mentor (which made scipy's LAPJVsp, used before, take a minute on 100k people).

Small graphs (the school) go to a dense Hungarian method instead, which spares importing the solver: a
mentor with capacity c becomes c identical slots, each mentee also gets a private «no mentor» slot; weights
BIG + points for a real pair and 1 for «no mentor», BIG exceeding any total of points.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from mentorxl.core.matching.score import IntArray, run_starts

MAX_POINTS = 10_000
DENSE_LIMIT = 40_000  # rows × columns: below it a small dense solver, which spares importing OR-tools


def solve(n: int, capacity: list[int], mentees: IntArray, mentors: IntArray, points: IntArray,
          classes: IntArray | None = None) -> list[int]:
    """The best assignment (mentee -> mentor or -1) using the given pairs and capacities. `classes` (optional,
    −1: none) names mentees that score alike with every mentor: each of them may then take any mentor that a
    mentee of its class has among its pairs (the graph solved is larger, the flow much smaller)."""
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
    size = len(people)
    # a mentor needs no more slots than it has candidate mentees
    slots = np.minimum(cap, np.bincount(mentors, minlength=len(cap)))
    if size * (int(slots.sum()) + size) > DENSE_LIMIT:
        for i, j in zip(*_flow(n, cap, mentees, mentors, points, classes), strict=True):
            assignment[i] = j
        return assignment
    rows_of = np.cumsum(starts) - 1
    offset = np.r_[0, np.cumsum(slots)]
    total_slots = int(offset[-1])
    per_edge = slots[mentors]
    rows = np.repeat(rows_of, per_edge)
    step = np.arange(len(rows), dtype=np.int64) - np.repeat(np.cumsum(per_edge) - per_edge, per_edge)
    cols = np.repeat(offset[mentors], per_edge) + step
    big = float(MAX_POINTS) * (size + 1) + 1.0
    weights = big + np.repeat(points, per_edge).astype(np.float64)
    dense = np.full((size, total_slots + size), -1.0e15)
    dense[rows, cols] = weights
    dense[np.arange(size), total_slots + np.arange(size)] = 1.0
    owner = np.repeat(np.arange(len(cap), dtype=np.int64), slots)
    for r, c in enumerate(hungarian_max(dense).tolist()):
        if c < total_slots:
            assignment[int(people[r])] = int(owner[c])
    return assignment


def _flow(n: int, cap: IntArray, mentees: IntArray, mentors: IntArray, points: IntArray,
          classes: IntArray | None) -> tuple[list[int], list[int]]:
    """(mentees, their mentors) of a maximum flow of the least cost over the pairs (unique, capacities > 0,
    sorted by mentee). Mentees of one class share one node: its supply is their number, its pairs the union
    of theirs, each with the capacity of the mentor; the flow of a class is then dealt out to its mentees."""
    from ortools.graph.python import min_cost_flow

    m = len(cap)
    klass = classes[mentees] if classes is not None else np.full(len(mentees), -1, dtype=np.int64)
    alone = klass < 0
    members = mentees[~alone]
    member_class = klass[~alone]
    # the class nodes: their mentees (distinct, in order) and their pairs (union, unique)
    taken = np.unique(member_class * n + members)
    class_of_member, member = taken // n, taken % n
    class_ids, supply = np.unique(class_of_member, return_counts=True)
    pair_keys, first = np.unique(member_class * m + mentors[~alone], return_index=True)
    class_pairs, class_mentors = np.searchsorted(class_ids, pair_keys // m), pair_keys % m
    class_points = points[~alone][first]
    single, single_mentors, single_points = mentees[alone], mentors[alone], points[alone]
    rows = single[run_starts(single)]
    cols = np.unique(mentors)
    source, sink, base = n + m, n + m + 1, n + m + 2  # nodes: mentees, mentors, source, sink, classes
    flow = min_cost_flow.SimpleMinCostFlow()
    heads_of = (rows, base + np.arange(len(class_ids), dtype=np.int64), n + single_mentors, n + class_mentors,
                np.full(len(cols), sink, dtype=np.int64))
    tails_of = (np.full(len(rows) + len(class_ids), source, dtype=np.int64), single, base + class_pairs, n + cols)
    caps_of = (np.ones(len(rows), dtype=np.int64), supply.astype(np.int64), np.ones(len(single), dtype=np.int64),
               cap[class_mentors], cap[cols])
    costs_of = (np.zeros(len(rows) + len(class_ids), dtype=np.int64), MAX_POINTS - single_points,
                MAX_POINTS - class_points, np.zeros(len(cols), dtype=np.int64))
    flow.add_arcs_with_capacity_and_unit_cost(np.concatenate(tails_of), np.concatenate(heads_of),
                                              np.concatenate(caps_of), np.concatenate(costs_of))
    total = len(rows) + int(supply.sum())
    flow.set_nodes_supplies(np.array([source, sink], dtype=np.int64), np.array([total, -total], dtype=np.int64))
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow: status {status}")
    start = len(rows) + len(class_ids)
    used = flow.flows(np.arange(start, start + len(single), dtype=np.int64)) > 0
    out_i, out_j = single[used].tolist(), single_mentors[used].tolist()
    start += len(single)
    sent = flow.flows(np.arange(start, start + len(class_pairs), dtype=np.int64))
    waiting: dict[int, list[int]] = {}
    for c, i in zip(np.searchsorted(class_ids, class_of_member).tolist(), member.tolist(), strict=True):
        waiting.setdefault(c, []).append(i)
    for c, j, count in zip(class_pairs.tolist(), class_mentors.tolist(), sent.tolist(), strict=True):
        for _ in range(count):
            out_i.append(waiting[c].pop())
            out_j.append(j)
    return out_i, out_j


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
