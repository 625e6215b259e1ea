"""Candidate mentors per mentee: every covering pair (exact), or the best K by score (sparse).

Sparse search without scoring all pairs. A mentor's score for a mentee depends on the pair only through
how many requests the mentor covers and whether the subject is the same; the rest is the mentor's own
quality (experience, category, training). So mentors are indexed in lists keyed by (a set U of one to
three tags, a subject or «any»), each list ordered by quality. Every mentor in list (U, s) scores at least
tier(|U| covered, same subject s) + quality for a mentee who asked for all of U. A mentor of the true
top K, covering the set I of the mentee's requests (|I| ≤ 3), sits in list (I, subject or any) below at
most K-1 mentors that score at least as much; so the union of the first K of each list the mentee's
requests give holds the top K (up to ties; a mentor covering four or more requests is found through
its three-tag subsets, and preferences — rare — are added as explicit pairs).

Ties are spread: where the K-th place of a list falls inside a block of equal quality, each mentee takes
a different run of that block, so that a thousand mentees with the same requests do not all get the
same ten mentors as candidates.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from mentorxl.core.matching.score import IntArray, Scorer, run_starts

MAX_SUBSET = 3
MAX_POINTS = 10_000
_TAG_BITS = 15  # a key packs three tag numbers and a subject: 3 × 15 + 18 bits
_MAX_TAGS = (1 << _TAG_BITS) - 2
BoolArray = NDArray[np.bool_]


def _pack(tags: IntArray, subjects: IntArray) -> IntArray:
    """Keys of (tag set, subject): `tags` is (rows, k) sorted per row, k ≤ 3; subject -1 means «any».
    Bits: the set's size (2), subject + 1 (16), then three tag numbers + 1 (15 each)."""
    size = tags.shape[1]
    key = np.zeros(len(tags), dtype=np.int64)
    for c in range(size):
        key = (key << _TAG_BITS) | (tags[:, c].astype(np.int64) + 1)
    key <<= _TAG_BITS * (MAX_SUBSET - size)
    head = (np.int64(size) << 16) | (subjects.astype(np.int64) + 1)
    return (head << (_TAG_BITS * MAX_SUBSET)) | key


def _subset_keys(tag_lists: list[tuple[int, ...]], rows: IntArray, subjects: IntArray,
                 keep: BoolArray) -> tuple[IntArray, IntArray]:
    """(row, key) for every subset of one to three of each row's tags (those in `keep`), with the row's
    subject and with «any» subject."""
    by_length: dict[int, list[tuple[int, list[int]]]] = {}
    for r in rows.tolist():
        tags = sorted(t for t in tag_lists[r] if keep[t])
        if tags:
            by_length.setdefault(len(tags), []).append((r, tags))
    out_rows: list[IntArray] = []
    out_keys: list[IntArray] = []
    for length, items in by_length.items():
        ids = np.array([r for r, _ in items], dtype=np.int64)
        table = np.array([t for _, t in items], dtype=np.int64)
        subject = subjects[ids]
        for size in range(1, min(MAX_SUBSET, length) + 1):
            for cols in combinations(range(length), size):
                sub = table[:, list(cols)]
                out_rows.append(ids)
                out_keys.append(_pack(sub, np.full(len(ids), -1, dtype=np.int64)))
                own = subject >= 0
                out_rows.append(ids[own])
                out_keys.append(_pack(sub[own], subject[own]))
    if not out_rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(out_rows), np.concatenate(out_keys)


class SubsetIndex:
    """Items (mentors, or mentees) allowed by `mask`, in lists keyed by (tag subset, subject), the best
    `value` first; `query` gives, for each querying row, the first k items of every list its tags point to."""

    def __init__(self, tag_lists: list[tuple[int, ...]], subjects: IntArray, values: NDArray[np.float64],
                 mask: BoolArray, useful: BoolArray, rng: np.random.Generator):
        self.useful = useful
        # rank: value descending, ties in random order; qclass: equal value, equal class
        rank = np.empty(len(values), dtype=np.int64)
        order = np.lexsort((rng.random(len(values)), -values))
        rank[order] = np.arange(len(values))
        _, qclass = np.unique(-values, return_inverse=True)
        items = np.flatnonzero(mask).astype(np.int64)
        rows, keys = _subset_keys(tag_lists, items, subjects, useful)
        order = np.lexsort((rank[rows], keys))
        self.entries = rows[order]
        keys = keys[order]
        starts = np.flatnonzero(run_starts(keys))
        self.keys = keys[starts]
        self.starts = starts
        self.lengths = np.diff(np.r_[starts, len(keys)]).astype(np.int64)
        self.classes = int(qclass.max()) + 2 if len(qclass) else 1
        segment = np.repeat(np.arange(len(starts), dtype=np.int64), self.lengths)
        self.qclass = qclass.astype(np.int64)
        self.combined = segment * self.classes + self.qclass[self.entries]

    def query(self, tag_lists: list[tuple[int, ...]], subjects: IntArray, rows: IntArray, k: int,
              rng: np.random.Generator) -> tuple[IntArray, IntArray]:
        """(row, item) pairs: the first k items of every list the rows' tag subsets point to."""
        rows, keys = _subset_keys(tag_lists, rows, subjects, self.useful)
        if not len(self.keys) or not len(keys):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        at = np.searchsorted(self.keys, keys)
        at[at >= len(self.keys)] = 0
        hit = self.keys[at] == keys
        rows, seg = rows[hit], at[hit]
        start, length = self.starts[seg], self.lengths[seg]
        take = np.minimum(length, k)
        # where the k-th place falls in a block of equal value: [lo, hi) of that block in the list
        last = start + take - 1
        code = seg * self.classes + self.qclass[self.entries[last]]
        lo = np.searchsorted(self.combined, code, side="left") - start
        hi = np.searchsorted(self.combined, code, side="right") - start
        block = np.maximum(hi - lo, 1)
        turn = rng.integers(0, 1 << 30, size=len(rows)) % block
        total = int(take.sum())
        query = np.repeat(np.arange(len(rows), dtype=np.int64), take)
        place = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(take) - take, take)
        lo_q = lo[query]
        shifted = lo_q + (turn[query] + place - lo_q) % block[query]
        place = np.where(place >= lo_q, shifted, place)
        return rows[query], self.entries[start[query] + place]


def _requested(scorer: Scorer) -> BoolArray:
    requested = np.zeros(len(scorer.pool.tags.names) + 1, dtype=np.bool_)
    for tags in scorer.pool.mentee_tags:
        requested[list(tags)] = True
    return requested


def _check_size(scorer: Scorer) -> None:
    if len(scorer.pool.tags.names) > _MAX_TAGS or len(scorer.subjects) >= 1 << 16:
        raise ValueError("too many distinct tags or subjects for the sparse index")


def mentor_index(scorer: Scorer, mask: BoolArray, rng: np.random.Generator) -> SubsetIndex:
    """Mentors among `mask`, best quality first."""
    _check_size(scorer)
    return SubsetIndex(scorer.pool.mentor_tags, scorer.mentor_subject, scorer.quality, mask, _requested(scorer), rng)


def mentee_index(scorer: Scorer, mentees: IntArray, rng: np.random.Generator) -> SubsetIndex:
    """Mentees among `mentees`, fewer requests first: a mentor covering U of them covers a larger share of a
    shorter list, so within a list (U, subject) a mentee scores at least as much as those below it."""
    _check_size(scorer)
    pool = scorer.pool
    mask = np.zeros(len(pool.mentees), dtype=np.bool_)
    mask[mentees] = True
    value = -np.array([len(t) for t in pool.mentee_tags], dtype=np.float64)
    everything = np.ones(len(pool.tags.names) + 1, dtype=np.bool_)
    return SubsetIndex(pool.mentee_tags, scorer.mentee_subject, value, mask, everything, rng)


def unique_keys(keys: IntArray) -> IntArray:
    """Sorted distinct values (a sort, faster here than numpy's hash-based unique)."""
    keys = np.sort(keys)
    return keys[run_starts(keys)]


def unique_pairs(mentees: IntArray, mentors: IntArray, m: int) -> tuple[IntArray, IntArray]:
    keys = unique_keys(mentees * m + mentors)
    return keys // m, keys % m


def without(mentees: IntArray, mentors: IntArray, pairs: set[tuple[int, int]], m: int
            ) -> tuple[IntArray, IntArray]:
    """The pairs except the given ones (rejected, same person)."""
    if not pairs or not len(mentees):
        return mentees, mentors
    banned = np.array(sorted(i * m + j for i, j in pairs), dtype=np.int64)
    keep = ~np.isin(mentees * m + mentors, banned)
    return mentees[keep], mentors[keep]


def best_k(mentees: IntArray, mentors: IntArray, points: IntArray, k: int, rng: np.random.Generator
           ) -> tuple[IntArray, IntArray, IntArray]:
    """For each mentee, its k best pairs by points (equal points in random order)."""
    if not len(mentees):
        return mentees, mentors, points
    noise = rng.integers(0, 1 << 20, size=len(mentees))
    order = np.argsort((mentees << 35) | ((MAX_POINTS - points) << 20) | noise)
    mentees, mentors, points = mentees[order], mentors[order], points[order]
    starts = np.flatnonzero(run_starts(mentees))
    group_start = np.repeat(starts, np.diff(np.r_[starts, len(mentees)]))
    keep = np.arange(len(mentees)) - group_start < k
    return mentees[keep], mentors[keep], points[keep]


def _scored(scorer: Scorer, rows: IntArray, cols: IntArray, forbidden: set[tuple[int, int]]
            ) -> tuple[IntArray, IntArray, IntArray]:
    """Unique, allowed, covering pairs with their points."""
    m = scorer.m
    rows, cols = unique_pairs(rows, cols, m)
    rows, cols = without(rows, cols, forbidden, m)
    overlap = scorer.overlap(rows, cols)
    covering = overlap > 0
    rows, cols, overlap = rows[covering], cols[covering], overlap[covering]
    return rows, cols, scorer.points(rows, cols, overlap)


BATCH = 4096


def top_candidates(scorer: Scorer, mentees: IntArray, mask: BoolArray, k: int, rng: np.random.Generator,
                   forbidden: set[tuple[int, int]], *, both_sides: bool = False
                   ) -> tuple[IntArray, IntArray, IntArray]:
    """The k best covering, allowed mentors of each mentee (sparse): mentees, mentors, points. With
    `both_sides`, also the k best of these mentees for each allowed mentor (so that no mentor is left out
    of the graph when everybody's favourites are the same). Work goes in batches to bound memory."""
    pool = scorer.pool
    found: list[tuple[IntArray, IntArray, IntArray]] = []
    index = mentor_index(scorer, mask, rng)
    chosen: dict[int, list[int]] = {}
    for i, j in scorer.preferred_pairs:
        if mask[j]:
            chosen.setdefault(i, []).append(j)
    for a in range(0, len(mentees), BATCH):
        batch = mentees[a:a + BATCH]
        rows, cols = index.query(pool.mentee_tags, scorer.mentee_subject, batch, k, rng)
        extra = [(i, j) for i in batch.tolist() for j in chosen.get(i, ())]
        if extra:
            pairs = np.array(extra, dtype=np.int64)
            rows, cols = np.r_[rows, pairs[:, 0]], np.r_[cols, pairs[:, 1]]
        found.append(best_k(*_scored(scorer, rows, cols, forbidden), k, rng))
    if both_sides:
        back = mentee_index(scorer, mentees, rng)
        mentors = np.flatnonzero(mask).astype(np.int64)
        for a in range(0, len(mentors), BATCH):
            rows, items = back.query(pool.mentor_tags, scorer.mentor_subject, mentors[a:a + BATCH], k, rng)
            found.append(_flip(*best_k(*_flip(*_scored(scorer, items, rows, forbidden)), k, rng)))
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    m = scorer.m
    keys = np.concatenate([r * m + c for r, c, _ in found])
    points = np.concatenate([p for _, _, p in found])
    order = np.argsort(keys, kind="stable")
    keys, points = keys[order], points[order]
    first = run_starts(keys)
    return keys[first] // m, keys[first] % m, points[first]


def _flip(rows: IntArray, cols: IntArray, points: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    return cols, rows, points


def covering_chunks(scorer: Scorer, mentees: IntArray, mask: BoolArray, forbidden: set[tuple[int, int]],
                    size: int = 2_000_000) -> Iterator[tuple[IntArray, IntArray, IntArray]]:
    """Every allowed pair that covers at least one request, with its points, about `size` pairs checked at a
    time (n × m work, little memory)."""
    mentors = np.flatnonzero(mask).astype(np.int64)
    chunk = max(1, size // max(1, len(mentors)))
    for a in range(0, len(mentees), chunk):
        rows = mentees[a:a + chunk]
        both = scorer.mentee_bits[rows][:, None, :] & scorer.mentor_bits[mentors][None, :, :]
        hit = np.bitwise_count(both).sum(axis=2) > 0
        r, c = np.nonzero(hit)
        i, j = without(rows[r], mentors[c], forbidden, scorer.m)
        yield i, j, scorer.points(i, j)


def all_covering(scorer: Scorer, mentees: IntArray, mask: BoolArray,
                 forbidden: set[tuple[int, int]]) -> tuple[IntArray, IntArray, IntArray]:
    """Every allowed pair that covers at least one request (exact; n × m work, for small pools)."""
    found = list(covering_chunks(scorer, mentees, mask, forbidden))
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    return (np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found]),
            np.concatenate([f[2] for f in found]))


def best_reduced(mentees: IntArray, mentors: IntArray, points: IntArray, reduced: IntArray, k: int
                 ) -> tuple[IntArray, IntArray, IntArray]:
    """For each mentee, its k pairs of the largest `reduced` value (ties: the lower mentor number)."""
    if not len(mentees):
        return mentees, mentors, points
    order = np.lexsort((mentors, -reduced, mentees))
    mentees, mentors, points = mentees[order], mentors[order], points[order]
    starts = np.flatnonzero(run_starts(mentees))
    group_start = np.repeat(starts, np.diff(np.r_[starts, len(mentees)]))
    keep = np.arange(len(mentees)) - group_start < k
    return mentees[keep], mentors[keep], points[keep]
