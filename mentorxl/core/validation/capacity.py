"""Mentors' load: their own limit against the setting, and the mentees they really lead in «Пары».

An overloaded mentor is reported once, on their row of «Наставники» at «Наставляемых, не более»
(the cell to raise, or the row to look at): a mentor may lead several pair rows, and one problem per
mentor reads better than one per pair. Mentors absent from the bank are reported by `pairs.unknown_people`.
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorxl.core import contract as k
from mentorxl.core.problems import Problem, problem
from mentorxl.core.validation.context import Context, person_key


def capacity_above_setting(ctx: Context) -> Iterator[Problem]:
    limit = ctx.data.settings.capacity
    header = k.MENTORS.column("capacity").header
    for mentor in ctx.data.mentors:
        if mentor.capacity is not None and mentor.capacity > limit:
            yield problem("capacity_above_setting", ctx.sheet(k.MENTORS), mentor.row, header, mentor.capacity,
                          limit=limit)


def overloaded_mentors(ctx: Context) -> Iterator[Problem]:
    header = k.MENTORS.column("capacity").header
    for key, pairs in ctx.mentor_pairs.items():
        mentors = ctx.mentors.get(key)
        if not mentors:
            continue
        mentor = mentors[0]
        mentees = {m for p in pairs for n in p.mentees if (m := person_key(n))}
        limit = ctx.capacity_of(mentor)
        if len(mentees) > limit:
            yield problem("mentor_overloaded", ctx.sheet(k.MENTORS), mentor.row, header, len(mentees),
                          person=mentor.name, count=len(mentees), limit=limit)


RULES = (capacity_above_setting, overloaded_mentors)
