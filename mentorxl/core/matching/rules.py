"""Hard rules of «Подобрать пары»: who may be matched, how many more mentees each mentor may take,
which pairs may never be suggested and which ones are fixed before optimising.

Decisions the contract leaves open, taken here:
- an empty mentee status counts as «Ожидает пары», an empty mentor status as «Активен» (new rows are
  often left without a status); any other status keeps the person out of the run;
- a mentee who already is in a pair in force («Утверждена», «Действует») is not matched again, whatever
  the status cell says (the reason tells the куратор to correct the status); nor is one whose pair exists but
  is not in force yet («Проект», no status): approving a second pair for them is what issue 10 forbids;
- a mentor's remaining capacity is their own «Наставляемых, не более» (else the setting) minus the
  mentees of their pairs in force; a mentor may be suggested only while it is above zero;
- a suggestion marked «Отклонить» (same mentee and mentor) is never suggested again; one marked
  «Утвердить» is kept as it is when the hard rules still allow it, even if it covers no request;
- a mutual first choice («Предпочитаемые наставники» / «…наставляемые», first name on each side) is
  kept whenever the hard rules allow it;
- fixed pairs take capacity first: approved ones in the order of «Подбор», then mutual choices;
- the second row of a duplicated ФИО is left out (`check` reports the duplicate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mentorxl.core.models import Mentee, Mentor, Pair
from mentorxl.core.program import ProgramData
from mentorxl.core.statuses import Decision
from mentorxl.core.tags import TagDictionary
from mentorxl.core.text import person_key

_LATIN = re.compile(r"[A-Za-z]")

FIXED_APPROVED = "approved"
FIXED_MUTUAL = "mutual"


def is_waiting(mentee: Mentee) -> bool:
    return mentee.waiting


def is_active(mentor: Mentor) -> bool:
    return mentor.ready


def mentor_unready(mentor: Mentor) -> str:
    """Why a mentor cannot be matched at all (Russian, short), or '' when the mentor is ready."""
    if mentor.consent_pd is None:
        return "нет согласия на обработку ПДн"
    if mentor.consent_mentoring is None:
        return "нет согласия на наставничество"
    if not is_active(mentor):
        return f"статус «{mentor.status}»"
    return ""


@dataclass(slots=True)
class TagSpace:
    """Request and competence tags as numbers; the name a user reads for each."""

    dictionary: TagDictionary
    ids: dict[str, int] = field(default_factory=dict)  # normalised tag -> id
    names: list[str] = field(default_factory=list)  # id -> the dictionary's tag, or the first spelling seen

    def encode(self, typed: list[str]) -> tuple[int, ...]:
        found: dict[int, None] = {}
        for tag in typed:
            canonical = self.dictionary.canonical(tag)
            norm = canonical or self.dictionary.normalize(tag)
            if not norm:
                continue
            tid = self.ids.get(norm)
            if tid is None:
                tid = self.ids[norm] = len(self.names)
                self.names.append(canonical or tag)
            found[tid] = None
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Fixed:
    mentee: int
    mentor: int
    kind: str  # FIXED_APPROVED | FIXED_MUTUAL


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A mentee of the bank the run cannot match, and why (code and the parameters of the reason)."""

    mentee: Mentee
    code: str
    detail: str = ""


@dataclass(slots=True)
class Pool:
    """Everything the optimiser sees: eligible people as numbers, capacities, forbidden and fixed pairs."""

    mentees: list[Mentee]  # waiting, with consent, not in a pair in force
    mentors: list[Mentor]  # active, with both consents (capacity may be 0)
    mentee_tags: list[tuple[int, ...]]
    mentor_tags: list[tuple[int, ...]]
    tags: TagSpace
    capacity: list[int]  # remaining after the pairs in force
    in_force: list[int]  # mentees of pairs in force, per mentor
    rejected: set[tuple[int, int]]  # (mentee, mentor) marked «Отклонить»
    selves: set[tuple[int, int]]  # (mentee, mentor): the same person in both banks
    fixed: list[Fixed]
    left_out: list[LeftOut]
    unready: list[tuple[Mentor, tuple[int, ...], str]]  # mentors out of the run, their tags and why
    skipped: int = 0  # mentees not waiting (in pairs, finished, left) and duplicate rows
    forbidden: set[tuple[int, int]] = field(default_factory=set)  # never suggested: rejected ∪ selves

    def __post_init__(self) -> None:
        self.forbidden = self.rejected | self.selves

    def free_after_fixed(self) -> list[int]:
        free = list(self.capacity)
        for f in self.fixed:
            free[f.mentor] -= 1
        return free


def _draft_pairs(data: ProgramData) -> dict[str, Pair]:
    """Mentee key -> a pair that exists for them but is not in force yet («Проект», no status): the mentee is
    not matched again (approving a second pair for them is what issue 10 forbids)."""
    found: dict[str, Pair] = {}
    for pair in data.pairs:
        if pair.exists and not pair.in_force:
            for key in pair.mentee_keys:
                found.setdefault(key, pair)
    return found


def _in_force_pairs(data: ProgramData) -> tuple[dict[str, str], dict[str, int]]:
    """Mentee key -> pair number; mentor key -> mentees in pairs in force."""
    mentee_pair: dict[str, str] = {}
    mentor_load: dict[str, int] = {}
    for pair in data.pairs:
        if not pair.in_force:
            continue
        names = [person_key(n) for n in pair.mentees if person_key(n)]
        for n in names:
            mentee_pair.setdefault(n, pair.number)
        if key := pair.mentor_key:
            mentor_load[key] = mentor_load.get(key, 0) + len(names)
    return mentee_pair, mentor_load


def prepare(data: ProgramData) -> Pool:
    """Apply the hard rules to the banks: the pool of the run."""
    tags = TagSpace(data.tags)
    mentee_pair, mentor_load = _in_force_pairs(data)
    drafts = _draft_pairs(data)
    default_capacity = data.settings.capacity

    # mentees first: an unknown tag is shown as the first mentee typed it
    mentees: list[Mentee] = []
    mentee_tags: list[tuple[int, ...]] = []
    left_out: list[LeftOut] = []
    mentee_index: dict[str, int] = {}
    skipped = 0
    seen: set[str] = set()
    for mentee in data.mentees:
        key = person_key(mentee.name)
        if not key or key in seen or not is_waiting(mentee):
            skipped += 1
            continue
        seen.add(key)
        if key in mentee_pair:
            left_out.append(LeftOut(mentee, "in_pair", mentee_pair[key]))
        elif key in drafts:
            draft = drafts[key]
            left_out.append(LeftOut(mentee, "in_draft", f"{draft.number}\t{draft.status or 'не указан'}"))
        elif mentee.consent_pd is None:
            left_out.append(LeftOut(mentee, "no_consent"))
        else:
            mentee_index[key] = len(mentees)
            mentees.append(mentee)
            mentee_tags.append(tags.encode(mentee.requests))

    mentors: list[Mentor] = []
    mentor_tags: list[tuple[int, ...]] = []
    capacity: list[int] = []
    in_force: list[int] = []
    unready: list[tuple[Mentor, tuple[int, ...], str]] = []
    mentor_index: dict[str, int] = {}
    seen = set()
    for mentor in data.mentors:
        key = person_key(mentor.name)
        if not key or key in seen:
            continue
        seen.add(key)
        encoded = tags.encode(mentor.competences)
        why = mentor_unready(mentor)
        if why:
            unready.append((mentor, encoded, why))
            continue
        own = mentor.capacity if mentor.capacity is not None else default_capacity
        load = mentor_load.get(key, 0)
        mentor_index[key] = len(mentors)
        mentors.append(mentor)
        mentor_tags.append(encoded)
        capacity.append(max(0, own - load))
        in_force.append(load)

    selves = {(i, mentor_index[key]) for key, i in mentee_index.items() if key in mentor_index}
    rejected: set[tuple[int, int]] = set()
    approved: list[tuple[int, int]] = []
    for s in data.suggestions:
        pair = (mentee_index.get(person_key(s.mentee)), mentor_index.get(person_key(s.mentor)))
        if pair[0] is None or pair[1] is None:
            continue
        if s.choice is Decision.REJECT:
            rejected.add((pair[0], pair[1]))
        elif s.choice is Decision.APPROVE:
            approved.append((pair[0], pair[1]))

    pool = Pool(mentees, mentors, mentee_tags, mentor_tags, tags, capacity, in_force, rejected, selves, [],
                left_out, unready, skipped)
    pool.fixed = _fixed(pool, approved, mentor_index)
    return pool


def _fixed(pool: Pool, approved: list[tuple[int, int]], mentor_index: dict[str, int]) -> list[Fixed]:
    free = list(pool.capacity)
    taken: set[int] = set()
    fixed: list[Fixed] = []

    def take(i: int, j: int, kind: str) -> None:
        if i in taken or free[j] <= 0 or (i, j) in pool.forbidden:
            return
        taken.add(i)
        free[j] -= 1
        fixed.append(Fixed(i, j, kind))

    for i, j in approved:
        take(i, j, FIXED_APPROVED)
    first_choice = {j: person_key(m.preferred[0]) for j, m in enumerate(pool.mentors) if m.preferred}
    for i, mentee in enumerate(pool.mentees):
        if not mentee.preferred:
            continue
        chosen = mentor_index.get(person_key(mentee.preferred[0]))
        if chosen is not None and first_choice.get(chosen) == person_key(mentee.name):
            take(i, chosen, FIXED_MUTUAL)
    return fixed
