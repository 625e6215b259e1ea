"""Written consents: to the processing of personal data (152-ФЗ) and to mentoring (ТК РФ ст. 351.8).

A missing consent is an error for whoever the program works with now: a person in a pair in force,
a mentee waiting for a pair (the matcher needs them), an active mentor. For the others (finished,
left, not ready) it is a warning. An empty status counts as waiting / active: a new row usually has none.
These rules replace the loader's «required_empty» for the consent cells (see `SUPERSEDED`).
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorxl.core import contract as k
from mentorxl.core.problems import Problem, problem
from mentorxl.core.validation.context import Context, numbers, person_key

SUPERSEDED = (
    (k.MENTEES, "consent_pd"),
    (k.MENTORS, "consent_pd"),
    (k.MENTORS, "consent_mentoring"),
)


def mentee_consents(ctx: Context) -> Iterator[Problem]:
    header = k.MENTEES.column("consent_pd").header
    sheet = ctx.sheet(k.MENTEES)
    for mentee in ctx.data.mentees:
        if mentee.consent_pd is not None or not mentee.name:
            continue
        if ctx.flagged(k.MENTEES, mentee.row, "consent_pd"):
            continue
        pairs = ctx.mentee_pairs.get(person_key(mentee.name))
        if pairs:
            why = f"состоит в действующей паре № {numbers(pairs)}"
        elif mentee.waiting:
            why = "ожидает подбора пары"
        else:
            yield problem("consent_pd_missing_waiting", sheet, mentee.row, header, person=mentee.name)
            continue
        yield problem("consent_pd_missing", sheet, mentee.row, header, person=mentee.name, why=why)


def mentor_consents(ctx: Context) -> Iterator[Problem]:
    pd_header = k.MENTORS.column("consent_pd").header
    mentoring_header = k.MENTORS.column("consent_mentoring").header
    for mentor in ctx.data.mentors:
        if not mentor.name:
            continue
        pairs = ctx.mentor_pairs.get(person_key(mentor.name))
        if pairs:
            why: str | None = f"ведёт действующую пару № {numbers(pairs)}"
        elif mentor.ready:
            why = "числится активным наставником"
        else:
            why = None
        sheet = ctx.sheet(k.MENTORS)
        if mentor.consent_pd is None and not ctx.flagged(k.MENTORS, mentor.row, "consent_pd"):
            if why:
                yield problem("consent_pd_missing", sheet, mentor.row, pd_header, person=mentor.name, why=why)
            else:
                yield problem("consent_pd_missing_waiting", sheet, mentor.row, pd_header, person=mentor.name)
        if mentor.consent_mentoring is None and not ctx.flagged(k.MENTORS, mentor.row, "consent_mentoring"):
            if why:
                yield problem("consent_mentoring_missing", sheet, mentor.row, mentoring_header,
                              person=mentor.name, why=why)
            else:
                yield problem("consent_mentoring_missing_idle", sheet, mentor.row, mentoring_header,
                              person=mentor.name)


RULES = (mentee_consents, mentor_consents)
