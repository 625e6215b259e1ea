"""Statuses of the banks that contradict «Пары»: waiting but paired, «В паре» but in no pair in force,
a mentor who left yet leads a pair in force. Warnings on the status cell of the person's row."""

from __future__ import annotations

from collections.abc import Iterator

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.problems import Problem, problem
from mentorxl.core.statuses import MenteeStatus, MentorStatus
from mentorxl.core.validation.context import Context, numbers


def mentee_statuses(ctx: Context) -> Iterator[Problem]:
    if not ctx.loaded(k.PAIRS):
        return
    header = k.MENTEES.column("status").header
    for mentee in ctx.data.mentees:
        status = mentee.state
        if status not in (MenteeStatus.WAITING, MenteeStatus.PAIRED):
            continue
        pairs = ctx.mentee_pairs.get(mentee.key)
        if status is MenteeStatus.WAITING and pairs:
            yield problem("status_contradicts_pairs", ctx.sheet(k.MENTEES), mentee.row, header, mentee.status,
                          person=mentee.name, why=f"он(а) состоит в действующей паре № {numbers(pairs)}",
                          expected=v.MENTEE_PAIRED)
        elif status is MenteeStatus.PAIRED and not pairs:
            yield problem("status_contradicts_pairs", ctx.sheet(k.MENTEES), mentee.row, header, mentee.status,
                          person=mentee.name, expected=v.MENTEE_WAITING,
                          why="он(а) не состоит ни в одной утверждённой или действующей паре")


def mentor_statuses(ctx: Context) -> Iterator[Problem]:
    header = k.MENTORS.column("status").header
    for mentor in ctx.data.mentors:
        if mentor.state is not MentorStatus.LEFT:
            continue
        pairs = ctx.mentor_pairs.get(mentor.key)
        if pairs:
            yield problem("status_contradicts_pairs", ctx.sheet(k.MENTORS), mentor.row, header, mentor.status,
                          person=mentor.name, why=f"он(а) ведёт действующую пару № {numbers(pairs)}",
                          expected=v.MENTOR_ACTIVE)


RULES = (mentee_statuses, mentor_statuses)
