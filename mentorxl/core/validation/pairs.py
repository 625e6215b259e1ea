"""«Пары» and «Встречи»: people absent from the banks, dates, numbers, one mentee in two pairs, a draft beside
a pair in force and the same pair on two rows, inactive mentors, the term of a pair, meetings and surveys
naming an unknown pair."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from datetime import timedelta

from rapidfuzz import fuzz, process

from mentorxl.core import contract as k
from mentorxl.core.dates import add_months
from mentorxl.core.models import Pair, Person
from mentorxl.core.problems import Problem, problem
from mentorxl.core.statuses import MentorStatus, PairStatus
from mentorxl.core.validation.context import (
    Context,
    day,
    numbers,
    pair_key,
    person_key,
)

TERM_MONTHS = (3, 12)  # Положение о системе наставничества: от 3 месяцев до 1 года


def _sorted_words(key: str) -> str:
    return " ".join(sorted(key.split(" ")))


class _Bank:
    """Names of one bank for look-ups; the fuzzy hint runs only for the few names not found."""

    def __init__(self, people: Mapping[str, Sequence[Person]]):
        self.people = people
        self._choices: list[str] | None = None
        self._keys: list[str] = []
        self._hints: dict[str, str] = {}

    def __contains__(self, key: str) -> bool:
        return key in self.people

    def hint(self, key: str) -> str:
        if key not in self._hints:
            if self._choices is None:  # words sorted once: plain ratio then scores like token_sort_ratio
                self._keys = list(self.people)
                self._choices = [_sorted_words(k) for k in self._keys]
            found = process.extractOne(_sorted_words(key), self._choices, scorer=fuzz.ratio, score_cutoff=75)
            name = self.people[self._keys[found[2]]][0].name if found else ""
            self._hints[key] = f" Возможно, имелся в виду «{name}»." if found else ""
        return self._hints[key]


def unknown_people(ctx: Context) -> Iterator[Problem]:
    """Mentors and mentees of «Пары» that their bank does not hold, with the nearest name as a hint."""
    sheet = ctx.sheet(k.PAIRS)
    checks = []
    if ctx.loaded(k.MENTORS):
        checks.append(("mentor", _Bank(ctx.mentors), ctx.sheet(k.MENTORS)))
    if ctx.loaded(k.MENTEES):
        checks.append(("mentees", _Bank(ctx.mentees), ctx.sheet(k.MENTEES)))
    for pair in ctx.data.pairs:
        for key, bank, bank_sheet in checks:
            names = [pair.mentor] if key == "mentor" else pair.mentees
            if key == "mentor" and pair.mentor_org:  # a network mentor: in the bank of their own organisation
                names = []
            for name in names:
                name_id = person_key(name)
                if name_id and name_id not in bank:
                    yield problem("pair_unknown_person", sheet, pair.row, k.PAIRS.column(key).header, name,
                                  bank=bank_sheet, nearest=bank.hint(name_id))


def dates(ctx: Context) -> Iterator[Problem]:
    """End before start; a term outside 3–12 months (not for cancelled pairs: they end early by design)."""
    header = k.PAIRS.column("end").header
    low, high = TERM_MONTHS
    for pair in ctx.data.pairs:
        if pair.start is None or pair.end is None:
            continue
        if pair.end < pair.start:
            yield problem("pair_end_before_start", ctx.sheet(k.PAIRS), pair.row, header, day(pair.end),
                          start=day(pair.start))
        elif pair.state is not PairStatus.CANCELLED and not (
                add_months(pair.start, low) - timedelta(days=1) <= pair.end <= add_months(pair.start, high)):
            months = round((pair.end - pair.start).days / 30.44)
            yield problem("pair_term_too_long", ctx.sheet(k.PAIRS), pair.row, header, day(pair.end),
                          months=months)


def same_person(ctx: Context) -> Iterator[Problem]:
    for pair in ctx.data.pairs:
        mentor = person_key(pair.mentor)
        if mentor and mentor in {person_key(n) for n in pair.mentees}:
            yield problem("pair_self", ctx.sheet(k.PAIRS), pair.row, k.PAIRS.column("mentees").header,
                          pair.mentor)


def duplicate_numbers(ctx: Context) -> Iterator[Problem]:
    """A № пары used twice: reported on every row after the first."""
    by_number: dict[str, list[Pair]] = defaultdict(list)
    for pair in ctx.data.pairs:
        if pair.number:
            by_number[pair_key(pair.number)].append(pair)
    for pairs in by_number.values():
        if len(pairs) > 1:
            rows = ", ".join(str(p.row) for p in pairs)
            for pair in pairs[1:]:
                yield problem("pair_duplicate_number", ctx.sheet(k.PAIRS), pair.row,
                              k.PAIRS.column("number").header, pair.number, rows=rows)


def mentee_in_two_pairs(ctx: Context) -> Iterator[Problem]:
    """A mentee in several pairs in force: reported on every such pair after the first."""
    for key, pairs in ctx.mentee_pairs.items():
        if len(pairs) < 2:
            continue
        for pair in pairs[1:]:
            name = next(n for n in pair.mentees if person_key(n) == key)
            yield problem("mentee_in_two_pairs", ctx.sheet(k.PAIRS), pair.row,
                          k.PAIRS.column("mentees").header, name, numbers=numbers(pairs))


def repeated_pairs(ctx: Context) -> Iterator[Problem]:
    """A draft («Проект») holding a mentee who is already in a pair in force (approving it would pair them
    twice), and the same mentor and mentee on two rows that both still exist (any status but «Завершена» and
    «Расторгнута»): at the later row."""
    header = k.PAIRS.column("mentees").header
    drafts: set[int] = set()
    for pair in ctx.data.pairs:
        if pair.state is not PairStatus.DRAFT:
            continue
        for name in dict.fromkeys(pair.mentees):
            in_force = [p for p in ctx.mentee_pairs.get(person_key(name), []) if p.row != pair.row]
            if in_force:
                drafts.add(pair.row)
                yield problem("mentee_draft_and_in_force", ctx.sheet(k.PAIRS), pair.row, header, name,
                              draft=pair.number or f"(строка {pair.row})", numbers=numbers(in_force))
    seen: dict[tuple[str, str], list[Pair]] = defaultdict(list)
    for pair in ctx.data.pairs:
        if not pair.exists or not pair.mentor_key:
            continue
        for name in dict.fromkeys(pair.mentees):
            earlier = seen[(pair.mentor_key, person_key(name))]
            both_in_force = pair.in_force and any(e.in_force for e in earlier)  # mentee_in_two_pairs says it
            if earlier and pair.row not in drafts and not both_in_force:
                yield problem("pair_repeated", ctx.sheet(k.PAIRS), pair.row, header, name, mentor=pair.mentor,
                              numbers=numbers([*earlier, pair]))
            earlier.append(pair)


def inactive_mentors(ctx: Context) -> Iterator[Problem]:
    """A pair in force led by a mentor who is «Не готов» (one who left is a status problem of the mentor)."""
    for key, pairs in ctx.mentor_pairs.items():
        mentors = ctx.mentors.get(key)
        if not mentors:
            continue
        if mentors[0].state in (MentorStatus.NONE, MentorStatus.ACTIVE, MentorStatus.LEFT):
            continue
        for pair in pairs:
            yield problem("pair_mentor_inactive", ctx.sheet(k.PAIRS), pair.row,
                          k.PAIRS.column("mentor").header, pair.mentor, status=mentors[0].status)


def unknown_pair_numbers(ctx: Context) -> Iterator[Problem]:
    """Meetings and survey answers naming a pair that «Пары» does not hold."""
    if not ctx.loaded(k.PAIRS):
        return
    known = ctx.pair_numbers
    for meeting in ctx.data.meetings:
        if meeting.pair and pair_key(meeting.pair) not in known:
            yield problem("meeting_unknown_pair", ctx.sheet(k.MEETINGS), meeting.row,
                          k.MEETINGS.column("pair").header, meeting.pair)
    for answer in ctx.data.surveys:
        if answer.pair and pair_key(answer.pair) not in known:
            yield problem("meeting_unknown_pair", ctx.sheet(k.SURVEYS), answer.row,
                          k.SURVEYS.column("pair").header, answer.pair)


RULES = (unknown_people, dates, same_person, duplicate_numbers, mentee_in_two_pairs, repeated_pairs, inactive_mentors,
         unknown_pair_numbers)
