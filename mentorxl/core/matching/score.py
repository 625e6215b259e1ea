"""The score of a mentee–mentor pair, 0–100, with the weights of «Настройки».

    score = 100 × Σ weightₖ · valueₖ / Σ weightₖ, every value between 0 and 1:
    coverage    the share of the mentee's requests the mentor covers (2 of 3 → 0.67)
    subject     1 when both teach the same subject («Предмет», case and word form ignored)
    experience  the mentor's «Стаж, лет» up to 15 years (15 and more → 1; empty → 0)
    category    высшая, педагог-методист, педагог-наставник → 1; первая → 0.6; соответствие → 0.2
    training    1 when «Обучение пройдено» holds a date
    preference  0.5 for each side that named the other in «Предпочитаемые …» (mutual → 1)

Only coverage and subject depend on both people; the rest is the mentor's own «quality» (plus the
rare preferences), which is what makes the sparse candidate search exact (see candidates.py).
Scores are computed in whole hundredths of a point (`points`, 0–10 000) so that the optimiser sums
integers; the score users read is `round(points / 100)`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from mentorxl.core.matching.rules import Pool, person_key
from mentorxl.core.models import Mentor
from mentorxl.core.settings import Weights
from mentorxl.core.tags import tag_key

EXPERIENCE_FULL = 15.0
PREFERENCE_SIDE = 0.5

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


def run_starts(values: IntArray) -> NDArray[np.bool_]:
    """In a sorted array, True where a run of equal values starts."""
    if not len(values):
        return np.zeros(0, dtype=np.bool_)
    return np.r_[True, values[1:] != values[:-1]]


def shown_score(points: int) -> int:
    """The 0–100 score users read: hundredths of a point rounded half up."""
    return (int(points) + 50) // 100


def category_value(category: str) -> float:
    key = tag_key(category)
    if not key or "без" in key:
        return 0.0
    if "высш" in key or "методист" in key or "наставник" in key:
        return 1.0
    if "перв" in key:
        return 0.6
    if "соответств" in key:
        return 0.2
    return 0.0


def experience_value(years: float | None) -> float:
    if years is None or years <= 0:
        return 0.0
    return min(years, EXPERIENCE_FULL) / EXPERIENCE_FULL


def _weights(w: Weights) -> Weights:
    total = w.coverage + w.subject + w.experience + w.category + w.training + w.preference
    return w if total > 0 else Weights()


@dataclass(frozen=True, slots=True)
class Parts:
    """What a pair's score is made of, for the explanation."""

    matched: tuple[int, ...]
    missing: tuple[int, ...]
    same_subject: bool
    preference: float  # 0, 0.5 (one side chose) or 1 (mutual)
    mentee_chose: bool
    mentor_chose: bool


class Scorer:
    """Pair scores over the pool, vectorised: `points(I, J)` for arrays of mentee and mentor numbers."""

    def __init__(self, pool: Pool, weights: Weights):
        w = _weights(weights)
        self.weights = w
        self.pool = pool
        n, m = len(pool.mentees), len(pool.mentors)
        self.n, self.m = n, m
        words = max(1, (len(pool.tags.names) + 63) // 64)
        self.mentee_bits = _bits(pool.mentee_tags, words)
        self.mentor_bits = _bits(pool.mentor_tags, words)
        self.requests = np.array([len(t) for t in pool.mentee_tags], dtype=np.int64)
        subjects: dict[str, int] = {}
        self.subjects = subjects

        def subject_id(text: str) -> int:
            key = tag_key(text)
            return subjects.setdefault(key, len(subjects)) if key else -1

        self.mentee_subject = np.array([subject_id(p.subject) for p in pool.mentees], dtype=np.int64)
        self.mentor_subject = np.array([subject_id(p.subject) for p in pool.mentors], dtype=np.int64)
        total = w.coverage + w.subject + w.experience + w.category + w.training + w.preference
        # hundredths of a point per unit of each value
        self.unit = 10_000.0 / total
        self.quality = np.array([self._quality(p) for p in pool.mentors], dtype=np.float64) * self.unit
        self.mentee_chose, self.mentor_chose = self._choices()
        pref: dict[int, float] = {}
        for i, j in (*self.mentee_chose, *self.mentor_chose):
            pref[i * m + j] = pref.get(i * m + j, 0.0) + PREFERENCE_SIDE
        self._pref_keys = np.array(sorted(pref), dtype=np.int64)
        self._pref_value = np.array([pref[key] for key in sorted(pref)], dtype=np.float64) * w.preference * self.unit

    def _quality(self, mentor: Mentor) -> float:
        w = self.weights
        return (w.experience * experience_value(mentor.experience) + w.category * category_value(mentor.category)
                + w.training * (mentor.trained_on is not None))

    def _choices(self) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
        pool = self.pool
        mentee_of = {person_key(p.name): i for i, p in enumerate(pool.mentees)}
        mentor_of = {person_key(p.name): j for j, p in enumerate(pool.mentors)}
        mentee_chose = {(i, mentor_of[k]) for i, p in enumerate(pool.mentees) for name in p.preferred
                        if (k := person_key(name)) in mentor_of}
        mentor_chose = {(mentee_of[k], j) for j, p in enumerate(pool.mentors) for name in p.preferred
                        if (k := person_key(name)) in mentee_of}
        return mentee_chose, mentor_chose

    @property
    def preferred_pairs(self) -> set[tuple[int, int]]:
        return self.mentee_chose | self.mentor_chose

    def overlap(self, mentees: IntArray, mentors: IntArray) -> IntArray:
        both = self.mentee_bits[mentees] & self.mentor_bits[mentors]
        return np.bitwise_count(both).sum(axis=1, dtype=np.int64)

    def points(self, mentees: IntArray, mentors: IntArray, overlap: IntArray | None = None) -> IntArray:
        """Scores in hundredths of a point (0–10 000) of the pairs (mentees[k], mentors[k])."""
        mentees = np.asarray(mentees, dtype=np.int64)
        mentors = np.asarray(mentors, dtype=np.int64)
        if overlap is None:
            overlap = self.overlap(mentees, mentors)
        w = self.weights
        requests = np.maximum(self.requests[mentees], 1)
        value = overlap * (w.coverage * self.unit) / requests
        ms = self.mentee_subject[mentees]
        value += ((ms >= 0) & (ms == self.mentor_subject[mentors])) * (w.subject * self.unit)
        value += self.quality[mentors]
        if len(self._pref_keys):
            keys = mentees * self.m + mentors
            at = np.searchsorted(self._pref_keys, keys)
            at[at >= len(self._pref_keys)] = 0
            hit = self._pref_keys[at] == keys
            value[hit] += self._pref_value[at[hit]]
        return np.rint(value).astype(np.int64)

    def point(self, i: int, j: int) -> int:
        return int(self.points(np.array([i]), np.array([j]))[0])

    def parts(self, i: int, j: int) -> Parts:
        requests = self.pool.mentee_tags[i]
        offered = set(self.pool.mentor_tags[j])
        ms = int(self.mentee_subject[i])
        mentee_chose, mentor_chose = (i, j) in self.mentee_chose, (i, j) in self.mentor_chose
        return Parts(
            matched=tuple(t for t in requests if t in offered),
            missing=tuple(t for t in requests if t not in offered),
            same_subject=ms >= 0 and ms == int(self.mentor_subject[j]),
            preference=PREFERENCE_SIDE * (mentee_chose + mentor_chose),
            mentee_chose=mentee_chose, mentor_chose=mentor_chose,
        )


def _bits(tag_lists: list[tuple[int, ...]], words: int) -> NDArray[np.uint64]:
    """Each row's tags as a bit set over `words` 64-bit words."""
    out = np.zeros((len(tag_lists), words), dtype=np.uint64)
    lengths = np.fromiter((len(t) for t in tag_lists), dtype=np.int64, count=len(tag_lists))
    tags = np.fromiter((t for ts in tag_lists for t in ts), dtype=np.int64, count=int(lengths.sum()))
    rows = np.repeat(np.arange(len(tag_lists), dtype=np.int64), lengths)
    bits = np.left_shift(np.uint64(1), (tags & 63).astype(np.uint64))
    np.bitwise_or.at(out, (rows, tags >> 6), bits)
    return out
