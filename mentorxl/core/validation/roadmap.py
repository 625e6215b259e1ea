"""«Дорожная карта»: terms the program cannot understand, overdue events, «Выполнено» without a date.

Terms are read from the year of «Учебный год» in «Настройки» (or the school year of `today`).
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.problems import Problem, problem
from mentorxl.core.statuses import EVENT_CLOSED, EventStatus
from mentorxl.core.terms import Term, is_overdue, parse_term, school_year_start
from mentorxl.core.validation.context import Context, day


def _due(term: Term, status: EventStatus, ctx: Context) -> str:
    """The deadline the event missed: the first one when nothing was started, else the last one passed."""
    passed = [d for d in term.occurrences if d < ctx.today]
    if not passed:
        return day(term.first_due) if term.first_due else "—"
    return day(passed[0] if status in (EventStatus.NONE, EventStatus.PLANNED) else passed[-1])


def terms(ctx: Context) -> Iterator[Problem]:
    year_start = school_year_start(ctx.data.settings.get(k.SET_YEAR), ctx.today)
    sheet = ctx.sheet(k.ROADMAP)
    term_header = k.ROADMAP.column("term").header
    for event in ctx.data.roadmap:
        if event.state is EventStatus.DONE and event.done_on is None:
            yield problem("done_without_date", sheet, event.row, k.ROADMAP.column("done_on").header)
        if not event.term:
            continue
        term = parse_term(event.term, year_start)
        if not term.understood:
            yield problem("term_not_understood", sheet, event.row, term_header, event.term)
        elif event.state not in EVENT_CLOSED and is_overdue(term, event.status, ctx.today):
            yield problem("event_overdue", sheet, event.row, term_header, event.term,
                          due=_due(term, event.state, ctx), status=event.status or v.EVENT_PLANNED)


RULES = (terms,)
