"""One function gives each roadmap activity its status and due date; the roadmap action and the report agree."""

from __future__ import annotations

from datetime import date

from mentorxl.actions.monitoring import roadmap_status
from mentorxl.book.fake import FakeBook
from mentorxl.core import contract as k
from mentorxl.core.models import RoadmapEvent
from mentorxl.core.monitoring import roadmap_progress
from mentorxl.core.roadmap_state import event_state
from tests.builders import grid, minimal_book

TODAY = date(2025, 11, 20)


def test_an_activity_gets_its_listed_status_and_its_next_deadline() -> None:
    state = event_state(RoadmapEvent(event="Анкетирование", term="Сентябрь – октябрь 2025, далее – ежеквартально",
                                     status="в работе"), 2025, TODAY)
    assert (state.status, state.due, state.overdue) == ("В работе", date(2025, 12, 31), False)


def test_an_empty_status_counts_as_planned_and_a_missed_deadline_is_overdue() -> None:
    state = event_state(RoadmapEvent(event="Приказ", term="до 15 сентября 2025 г."), 2025, TODAY)
    assert (state.status, state.due, state.overdue) == ("Запланировано", date(2025, 9, 15), True)


def test_an_unreadable_term_is_not_understood_but_an_empty_one_is_no_problem() -> None:
    assert not event_state(RoadmapEvent(event="x", term="когда получится"), 2025, TODAY).understood
    assert event_state(RoadmapEvent(event="x", term=""), 2025, TODAY).understood


def test_the_roadmap_button_and_the_report_count_the_same_overdue_activities() -> None:
    rows = [{"stage": "Этап", "event": f"Дело {i}", "term": term, "responsible": "Куратор", "status": status}
            for i, (term, status) in enumerate([("до 15 сентября 2025 г.", ""), ("Май 2026", ""),
                                                ("Октябрь 2025", "Выполнено"), ("Декабрь 2025, май 2026", ""),
                                                ("Сентябрь 2025", "В работе")])]
    book = FakeBook(minimal_book(**{k.ROADMAP.name: grid(k.ROADMAP, rows)}))
    shown = roadmap_status(book, today=TODAY).data["events"]
    progress = roadmap_progress(book.read(), TODAY)
    assert [e["row"] for e in shown if e["overdue"]] == [o.row for o in progress.overdue_events] == [2, 6]
