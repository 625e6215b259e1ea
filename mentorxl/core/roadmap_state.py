"""Where each roadmap activity stands: ONE function gives its status and due date, for «Обновить дорожную
карту» (actions/monitoring.roadmap_status), the monitoring report (core/monitoring.roadmap_progress) and the
completion of the year.

- The status is the list's spelling of what the cell says («выполнено» -> «Выполнено»); an empty or unknown
  status counts as «Запланировано» (`status`), while `typed` keeps what the cell holds.
- The term is read by `terms.parse_term` in the school year of «Учебный год» (or of `today`); `due` is the next
  deadline on or after `today` (the last one when all have passed), `overdue` as `terms.is_overdue`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.models import RoadmapEvent
from mentorxl.core.program import ProgramData
from mentorxl.core.statuses import EventStatus
from mentorxl.core.terms import Term, is_overdue, next_due, parse_term, school_year_start

# The two helper columns a MentorXL workbook has after the contract ones of «Дорожная карта»: the dates the
# overdue highlight of the sheet counts from (builder/layout.py), refilled whenever a «Срок» is written.
FIRST_DUE = "Первый срок (дата)"
LAST_DUE = "Крайний срок (дата)"


def due_dates(term: str, year_start: int) -> tuple[date | None, date | None]:
    """(first deadline, last deadline) of a «Срок»; no last one for a recurring event."""
    parsed = parse_term(term, year_start)
    if not parsed.understood or parsed.first_due is None:
        return None, None
    return parsed.first_due, (None if parsed.recurring else parsed.occurrences[-1])


def due_updates(row: int, term: str, year_start: int) -> list[tuple[int, str, object]]:
    """The cells of the helper columns for a row whose «Срок» is (re)written."""
    first, last = due_dates(term, year_start)
    return [(row, FIRST_DUE, first), (row, LAST_DUE, last)]


@dataclass(frozen=True, slots=True)
class EventState:
    event: RoadmapEvent
    term: Term
    status: str  # one of vocabulary.EVENT_STATUSES
    due: date | None
    overdue: bool

    @property
    def understood(self) -> bool:
        """False only for a typed term the program cannot read (an empty term is no problem of reading)."""
        return not self.event.term or self.term.understood


def event_state(event: RoadmapEvent, year_start: int, today: date) -> EventState:
    """The status and due date of one activity."""
    term = parse_term(event.term, year_start)
    state = event.state  # core/statuses.py: case, ё and look-alikes read once
    status = state.value if state not in (EventStatus.NONE, EventStatus.UNKNOWN) else v.EVENT_PLANNED
    return EventState(event, term, status, next_due(term, today), is_overdue(term, event.status, today))


def roadmap_states(data: ProgramData, today: date) -> list[EventState]:
    """Every filled activity of «Дорожная карта», in the sheet's order."""
    year_start = school_year_start(data.settings.get(k.SET_YEAR), today)
    return [event_state(e, year_start, today) for e in data.roadmap if e.event or e.stage or e.term]
