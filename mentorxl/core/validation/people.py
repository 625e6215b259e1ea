"""People: Latin letters hidden in Cyrillic names, duplicates in a bank, one person in both banks,
incomplete ФИО, negative numbers in the banks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from mentorxl.core import contract as k
from mentorxl.core.contract import SheetSpec
from mentorxl.core.models import Person
from mentorxl.core.problems import Problem, problem
from mentorxl.core.text import hidden_latin
from mentorxl.core.validation.context import LATIN, Context


def _latin(ctx: Context, spec: SheetSpec, key: str, row: int, names: Sequence[str]) -> Iterator[Problem]:
    for name in names:
        if LATIN.search(name) and (letters := hidden_latin(name)):
            yield problem("latin_in_name", ctx.sheet(spec), row, spec.column(key).header, name,
                          letters=", ".join(letters))


def latin_letters(ctx: Context) -> Iterator[Problem]:
    """Latin look-alikes in names of the banks, preferences, «Пары» and «Анкеты»."""
    data = ctx.data
    banks: tuple[tuple[SheetSpec, Sequence[Person]], ...] = (
        (k.MENTEES, data.mentees), (k.MENTORS, data.mentors))
    for spec, people in banks:
        for person in people:
            yield from _latin(ctx, spec, "name", person.row, [person.name])
            yield from _latin(ctx, spec, "preferred", person.row, person.preferred)
    for pair in data.pairs:
        yield from _latin(ctx, k.PAIRS, "mentor", pair.row, [pair.mentor])
        yield from _latin(ctx, k.PAIRS, "mentees", pair.row, pair.mentees)
    for answer in data.surveys:
        yield from _latin(ctx, k.SURVEYS, "respondent", answer.row, [answer.respondent])


def duplicates(ctx: Context) -> Iterator[Problem]:
    """The same person twice in one bank: reported on every row after the first."""
    banks: tuple[tuple[SheetSpec, Mapping[str, Sequence[Person]]], ...] = (
        (k.MENTEES, ctx.mentees), (k.MENTORS, ctx.mentors))
    for spec, index in banks:
        for people in index.values():
            if len(people) < 2:
                continue
            rows = ", ".join(str(p.row) for p in people)
            for person in people[1:]:
                yield problem("duplicate_person", ctx.sheet(spec), person.row, spec.column("name").header,
                              person.name, rows=rows)


def in_both_banks(ctx: Context) -> Iterator[Problem]:
    """A person in both banks: one warning, on their row of «Наставляемые»."""
    for key, mentees in ctx.mentees.items():
        if key in ctx.mentors:
            first = mentees[0]
            yield problem("in_both_banks", ctx.sheet(k.MENTEES), first.row, k.MENTEES.column("name").header,
                          first.name)


def incomplete_names(ctx: Context) -> Iterator[Problem]:
    """A ФИО in a bank without at least a surname and a name."""
    banks: tuple[tuple[SheetSpec, Sequence[Person]], ...] = (
        (k.MENTEES, ctx.data.mentees), (k.MENTORS, ctx.data.mentors))
    for spec, people in banks:
        for person in people:
            words = [w for w in person.name.split() if w.isalpha() or any(ch.isalpha() for ch in w)]  # a letter
            if person.name and len(words) < 2:
                yield problem("name_incomplete", ctx.sheet(spec), person.row, spec.column("name").header,
                              person.name)


def negative_numbers(ctx: Context) -> Iterator[Problem]:
    """Experience and capacity below zero."""
    for spec, people in ((k.MENTEES, ctx.data.mentees), (k.MENTORS, ctx.data.mentors)):
        for person in people:
            if person.experience is not None and person.experience < 0:
                yield problem("negative_number", ctx.sheet(spec), person.row,
                              spec.column("experience").header, person.experience)
    for mentor in ctx.data.mentors:
        if mentor.capacity is not None and mentor.capacity < 0:
            yield problem("negative_number", ctx.sheet(k.MENTORS), mentor.row,
                          k.MENTORS.column("capacity").header, mentor.capacity)


RULES = (latin_letters, duplicates, in_both_banks, incomplete_names, negative_numbers)
