"""«Подобрать пары» from start to end: rules → candidates → optimal assignment → explained result.

Exact when the pool is small (every covering pair is a candidate: the school case). At regional size
the candidates are each mentee's best K mentors (candidates.py); then
1. augmenting paths over the tags make the number of matched mentees the largest possible, and prove it
   (augment.py; no path left = maximum);
2. column generation (pricing.py): the assignment solved over the graph gives each mentor a price; the
   pairs outside the graph that would improve it at those prices are added and the assignment solved again.
   By default one such round, the pairs found through the candidate index (99,9 % of the exact total on the
   benchmark books); with `exact=True` rounds go on over every covering pair until none would improve it,
   which proves the optimum without ever holding all the covering pairs.
The benchmark and the tests compare the score with the exact optimum.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from mentorxl.core import vocabulary as v
from mentorxl.core.matching import explain as x
from mentorxl.core.matching import pricing
from mentorxl.core.matching.assign import solve
from mentorxl.core.matching.augment import Augmenter
from mentorxl.core.matching.candidates import all_covering, top_candidates
from mentorxl.core.matching.result import MatchResult, MatchSuggestion, Unmatched
from mentorxl.core.matching.rules import FIXED_APPROVED, Pool, prepare
from mentorxl.core.matching.score import IntArray, Scorer, run_starts, shown_score
from mentorxl.core.program import ProgramData

EXACT_LIMIT = 1_000_000  # mentees × mentors with a free place: below it every covering pair is a candidate
CANDIDATES = 10  # best mentors per mentee in the sparse graph
PRICING = 5  # per mentee and round: the best pairs by the mentors' prices (per list of the index, and added)
PRICING_ROUNDS = 1  # one more solve: 99,9 % of the exact total on the benchmark books (3k, 10k)
EXACT_PER_MENTEE = 10  # `--exact`: improving pairs added per mentee and round
ALTERNATIVES = 2
GREEDY_SHORTLIST = 20
SEED = 20_250_901


class _Edges:
    """The candidate graph, growing: pairs and their points."""

    def __init__(self, m: int, mentees: IntArray, mentors: IntArray, points: IntArray):
        self.m = m
        self.mentees, self.mentors, self.points = mentees, mentors, points

    def add(self, mentees: IntArray, mentors: IntArray, points: IntArray) -> int:
        before = len(self.mentees)
        keys = np.r_[self.mentees * self.m + self.mentors, mentees * self.m + mentors]
        order = np.argsort(keys, kind="stable")
        keys, allp = keys[order], np.r_[self.points, points][order]
        first = run_starts(keys)
        self.mentees, self.mentors, self.points = keys[first] // self.m, keys[first] % self.m, allp[first]
        return len(self.mentees) - before


def _load(assignment: list[int], m: int) -> IntArray:
    taken = np.array([j for j in assignment if j >= 0], dtype=np.int64)
    return np.bincount(taken, minlength=m).astype(np.int64)


def optimise(pool: Pool, scorer: Scorer, exact: bool | None = None, *, candidates: int = CANDIDATES
             ) -> tuple[list[int], dict[str, Any]]:
    """mentee -> mentor (-1: none) for the mentees not fixed, and the figures of the run."""
    n, m = len(pool.mentees), len(pool.mentors)
    rng = np.random.default_rng(SEED)
    free = pool.free_after_fixed()
    fixed = {f.mentee for f in pool.fixed}
    graph = np.array([i for i in range(n) if i not in fixed and pool.mentee_tags[i]], dtype=np.int64)
    mask = np.array(free, dtype=np.int64) > 0
    small = len(graph) * int(mask.sum()) <= EXACT_LIMIT
    if exact is None:
        exact = small
    stats: dict[str, Any] = {"mode": "exact" if exact else "sparse"}
    clock = time.perf_counter()
    if exact and small:
        edges = _Edges(m, *all_covering(scorer, graph, mask, pool.forbidden))
    else:
        edges = _Edges(m, *top_candidates(scorer, graph, mask, candidates, rng, pool.forbidden, both_sides=True))
    stats["seconds_candidates"] = round(time.perf_counter() - clock, 3)
    clock = time.perf_counter()
    classes = _classes(pool, scorer)

    def solved() -> list[int]:
        found = solve(n, free, edges.mentees, edges.mentors, edges.points, classes)
        mine = [(i, j) for i, j in enumerate(found) if j >= 0]
        if mine:  # a mentee of a class may have got a mentor of its class's pairs: the graph now holds it
            edges.add(*_scored_pairs(scorer, mine))
        return found

    assignment = solved()
    solves = 1
    if not (exact and small):
        # 1. the largest count, proven: augment until no augmenting path is left
        augmented = list(assignment)
        used = Augmenter(pool.mentee_tags, pool.mentor_tags, free, pool.forbidden).run(augmented, graph.tolist())
        stats["augmenting_paths"] = len({i for i, _ in used})
        largest = sum(1 for j in augmented if j >= 0)
        # 2. column generation: the pairs that the mentors' prices say would improve the result (priced on the
        # graph just solved), with those of the augmenting paths (the graph then holds an assignment of the
        # largest size), solved again; until no such pair is found
        found_paths = _scored_pairs(scorer, used) if used else None
        added, rounds, proven = 0, 0, False
        while exact or rounds < max(1, PRICING_ROUNDS):
            rounds += 1
            found = _violations(scorer, pool, graph, mask, assignment, edges, rng, exact)
            fresh = edges.add(*found_paths) if found_paths is not None else 0
            found_paths = None
            if found is not None and len(found[0]):
                fresh += edges.add(*found)
            added += fresh
            if not fresh:
                proven = found is not None
                break
            assignment = solved()
            solves += 1
        if exact and not proven:  # the prices did not settle (never seen): the full graph, as for a small pool
            added += edges.add(*all_covering(scorer, graph, mask, pool.forbidden))
            assignment = solved()
            solves += 1
        stats["pairs_added"] = added
        stats["pricing_rounds"] = rounds
        stats["no_better_pair_found"] = proven
        stats["count_is_largest"] = sum(1 for j in assignment if j >= 0) == largest
    stats["solves"] = solves
    stats["seconds_assignment"] = round(time.perf_counter() - clock, 3)
    stats["candidate_pairs"] = len(edges.mentees)
    return assignment, stats


def _classes(pool: Pool, scorer: Scorer) -> IntArray:
    """Mentees that score alike with every mentor (the same requests and subject, no preference, no rejected
    pair, not in both banks) share a class number; the others get −1."""
    special = {i for i, _ in scorer.preferred_pairs} | {i for i, _ in pool.forbidden}
    out = np.full(len(pool.mentees), -1, dtype=np.int64)
    seen: dict[tuple[bytes, int, int], int] = {}
    for i in range(len(pool.mentees)):
        if i not in special:
            key = (scorer.mentee_bits[i].tobytes(), int(scorer.mentee_subject[i]), int(scorer.requests[i]))
            out[i] = seen.setdefault(key, len(seen))
    return out


def _scored_pairs(scorer: Scorer, pairs: list[tuple[int, int]]) -> tuple[IntArray, IntArray, IntArray]:
    arr = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    return arr[:, 0], arr[:, 1], scorer.points(arr[:, 0], arr[:, 1])


def _violations(scorer: Scorer, pool: Pool, graph: IntArray, mask: np.ndarray, assignment: list[int],
                edges: _Edges, rng: np.random.Generator, every: bool) -> tuple[IntArray, IntArray, IntArray] | None:
    """Pairs outside the graph that would improve the assignment by the mentors' prices (pricing.py): through
    the mentor index, or over every covering pair (`every`: none found proves the optimum)."""
    n, m = len(pool.mentees), len(pool.mentors)
    a = np.array(assignment, dtype=np.int64)
    price = pricing.prices(n, m, a, np.array(pool.free_after_fixed(), dtype=np.int64), edges.mentees,
                           edges.mentors, edges.points)
    if price is None:
        return None
    limit = pricing.thresholds(n, a, price, scorer)
    if every:
        return pricing.every_violation(scorer, graph, mask, price, limit, EXACT_PER_MENTEE, pool.forbidden)
    return pricing.sparse_violations(scorer, graph, mask, price, limit, PRICING, PRICING, rng, pool.forbidden)


def match(data: ProgramData, *, exact: bool | None = None) -> MatchResult:
    """Suggest mentors for the mentees waiting for a pair (see the package docstring)."""
    started = time.perf_counter()
    pool = prepare(data)
    scorer = Scorer(pool, data.settings.weights)
    assignment, stats = optimise(pool, scorer, exact)
    for f in pool.fixed:
        assignment[f.mentee] = f.mentor
    result = build_result(pool, scorer, assignment)
    result.stats.update(stats)
    result.stats["seconds"] = round(time.perf_counter() - started, 3)
    return result


def greedy_baseline(data: ProgramData) -> MatchResult:
    """For the benchmark only: mentees in bank order each take the best-scoring mentor with a free place."""
    pool = prepare(data)
    scorer = Scorer(pool, data.settings.weights)
    assignment = [-1] * len(pool.mentees)
    for f in pool.fixed:
        assignment[f.mentee] = f.mentor
    free = np.array(pool.free_after_fixed(), dtype=np.int64)
    graph = np.array([i for i, tags in enumerate(pool.mentee_tags) if tags and assignment[i] < 0], dtype=np.int64)
    rng = np.random.default_rng(SEED)
    # each mentee's best mentors at the start; when all of them are taken, every covering mentor is scanned
    rows, cols, points = top_candidates(scorer, graph, free > 0, GREEDY_SHORTLIST, rng, pool.forbidden)
    order = np.lexsort((-points, rows))
    shortlist: dict[int, list[int]] = {}
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        shortlist.setdefault(i, []).append(j)
    lists: dict[int, list[int]] = {}
    for j, tags in enumerate(pool.mentor_tags):
        for t in tags:
            lists.setdefault(t, []).append(j)
    by_tag = {t: np.array(js, dtype=np.int64) for t, js in lists.items()}
    for step, i in enumerate(graph.tolist()):
        best = next((j for j in shortlist.get(i, ()) if free[j] > 0), -1)
        if best < 0:
            if step % 1000 == 0:
                by_tag = {t: js[free[js] > 0] for t, js in by_tag.items()}
            found = [by_tag[t] for t in pool.mentee_tags[i] if t in by_tag]
            mentors = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
            mentors = mentors[free[mentors] > 0]
            if pool.forbidden:
                mentors = np.array([j for j in mentors.tolist() if (i, j) not in pool.forbidden], dtype=np.int64)
            if not len(mentors):
                continue
            best = int(mentors[int(np.argmax(scorer.points(np.full(len(mentors), i, dtype=np.int64), mentors)))])
        assignment[i] = best
        free[best] -= 1
    result = build_result(pool, scorer, assignment, alternatives=False)
    result.stats["mode"] = "greedy"
    return result


def build_result(pool: Pool, scorer: Scorer, assignment: list[int], *, alternatives: bool = True) -> MatchResult:
    """Suggestions (fixed and optimised) with reasons, groups and alternatives; the unmatched with reasons."""
    n, m = len(pool.mentees), len(pool.mentors)
    names = pool.tags.names
    fixed_kind = {f.mentee: f.kind for f in pool.fixed}
    matched = [i for i in range(n) if assignment[i] >= 0]
    members: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
    parts = {i: scorer.parts(i, assignment[i]) for i in matched}
    for i in matched:
        members.setdefault(assignment[i], []).append((i, parts[i].matched))
    grouped = x.groups(members)
    mentees_arr = np.array(matched, dtype=np.int64)
    points = scorer.points(mentees_arr, np.array([assignment[i] for i in matched], dtype=np.int64))
    others = _alternatives(scorer, pool, assignment, matched) if alternatives else {}

    suggestions: list[MatchSuggestion] = []
    for k, i in enumerate(matched):
        mentee, j = pool.mentees[i], assignment[i]
        mentor = pool.mentors[j]
        group = grouped.get(i)
        with_whom: list[str] = []
        if group:
            with_whom = [pool.mentees[o].name for o, _ in members[j] if o != i and grouped.get(o, (0,))[0] == group[0]]
        reason = x.suggestion_reason(mentee, mentor, parts[i], names, fixed_kind.get(i, ""), with_whom,
                                     [names[t] for t in group[1]] if group else [])
        suggestions.append(MatchSuggestion(
            mentee=mentee.name, mentor=mentor.name, score=shown_score(int(points[k])),
            matched=[names[t] for t in parts[i].matched], missing=[names[t] for t in parts[i].missing],
            alternatives=[pool.mentors[o].name for o in others.get(i, [])], reason=reason,
            decision=v.DECISION_APPROVE if fixed_kind.get(i) == FIXED_APPROVED else "",
            group=x.group_label(group[0]) if group else None,
        ))

    unmatched = _unmatched(pool, scorer, assignment)
    stats: dict[str, Any] = {
        "mentees": len(pool.mentees) + len(pool.left_out) + pool.skipped, "mentees_waiting": n,
        "mentors_ready": m, "suggested": len(suggestions), "unmatched": len(unmatched),
        "fixed_approved": sum(1 for f in pool.fixed if f.kind == FIXED_APPROVED),
        "fixed_mutual": sum(1 for f in pool.fixed if f.kind != FIXED_APPROVED),
        "groups": len({g for g, _ in grouped.values()}), "total_points": int(points.sum()),
        "covering": int(sum(1 for i in matched if parts[i].matched)),
    }
    return MatchResult(suggestions, unmatched, stats)


def _alternatives(scorer: Scorer, pool: Pool, assignment: list[int], matched: list[int]) -> dict[int, list[int]]:
    left = np.array(pool.capacity, dtype=np.int64) - _load(assignment, len(pool.mentors))
    if not matched or not (left > 0).any():
        return {}
    rng = np.random.default_rng(SEED + 1)
    rows, cols, points = top_candidates(scorer, np.array(matched, dtype=np.int64), left > 0, ALTERNATIVES + 1,
                                        rng, pool.forbidden)
    order = np.lexsort((cols, -points, rows))
    found: dict[int, list[int]] = {}
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        chosen = found.setdefault(i, [])
        if j != assignment[i] and len(chosen) < ALTERNATIVES:
            chosen.append(j)
    return found


def _unmatched(pool: Pool, scorer: Scorer, assignment: list[int]) -> list[Unmatched]:
    names = pool.tags.names
    out: list[tuple[int, Unmatched]] = []
    for item in pool.left_out:
        code, reason = x.left_out_reason(item)
        out.append((item.mentee.row, Unmatched(item.mentee.name, reason, code)))
    waiting = [i for i in range(len(pool.mentees)) if assignment[i] < 0]
    unready = x.unready_by_tag(pool) if waiting else {}
    best, total = _covering(scorer, pool, [i for i in waiting if pool.mentee_tags[i]])
    rejected_of: dict[int, list[int]] = {}
    for i, j in sorted(pool.rejected):
        if assignment[i] < 0 and set(pool.mentee_tags[i]) & set(pool.mentor_tags[j]):
            rejected_of.setdefault(i, []).append(j)
    for i in waiting:
        mentee = pool.mentees[i]
        rejected = rejected_of.get(i, [])
        if not pool.mentee_tags[i]:
            code, reason = x.no_requests_reason()
        elif not best.get(i):
            seen: dict[str, str] = {}
            for t in pool.mentee_tags[i]:
                for name, why in unready.get(t, ()):
                    seen.setdefault(name, why)
            code, reason = x.no_mentor_reason([names[t] for t in pool.mentee_tags[i]], list(seen.items()))
        elif total[i] <= len(rejected):
            code, reason = x.rejected_reason([pool.mentors[j].name for j in rejected])
        else:
            full = [pool.mentors[j].name for j in best[i] if (i, j) not in pool.rejected]
            code, reason = x.full_reason(full, total[i] - len(rejected))
        out.append((mentee.row, Unmatched(mentee.name, reason, code)))
    out.sort(key=lambda item: item[0])
    return [u for _, u in out]


def _covering(scorer: Scorer, pool: Pool, mentees: list[int]) -> tuple[dict[int, list[int]], dict[int, int]]:
    """For each mentee: the best ready mentors covering one of its requests (with or without a free place;
    the same person excepted), and how many such mentors there are."""
    rows = np.array(mentees, dtype=np.int64)
    if not len(rows) or not pool.mentors:
        return {}, {}
    mask = np.ones(len(pool.mentors), dtype=np.bool_)
    rng = np.random.default_rng(SEED + 2)
    top_i, top_j, points = top_candidates(scorer, rows, mask, x.SHOWN_NAMES + 2, rng, pool.selves)
    order = np.lexsort((top_j, -points, top_i))
    best: dict[int, list[int]] = {}
    for i, j in zip(top_i[order].tolist(), top_j[order].tolist(), strict=True):
        best.setdefault(i, []).append(j)
    total: dict[int, int] = {}
    self_of = dict(pool.selves)
    bits = scorer.mentor_bits
    chunk = max(1, 4_000_000 // max(1, len(pool.mentors)))
    for a in range(0, len(rows), chunk):
        part = rows[a:a + chunk]
        hits = np.bitwise_count(scorer.mentee_bits[part][:, None, :] & bits[None, :, :]).sum(axis=2) > 0
        for r, (i, count) in enumerate(zip(part.tolist(), hits.sum(axis=1).tolist(), strict=True)):
            total[i] = count - int(i in self_of and bool(hits[r, self_of[i]]))
    return best, total
