from datetime import date

from mentorxl.core import contract as k
from mentorxl.core.problems import Severity
from tests.builders import settings_grid
from tests.unit.validation_builder import book, problems, with_sheet

TODAY = date(2025, 11, 10)


def _roadmap(*events, year="2025/2026"):
    sheets = book()
    sheets[k.SETTINGS.name] = settings_grid({k.SET_YEAR: year})
    return with_sheet(
        sheets,
        k.ROADMAP,
        [
            {
                "number": i + 1,
                "stage": "Подготовительный",
                "event": f"Мероприятие {i + 1}",
                "responsible": "Куратор",
                **e,
            }
            for i, e in enumerate(events)
        ],
    )


def test_an_event_past_its_term_and_not_done_is_an_overdue_warning_with_the_due_date():
    found = problems(_roadmap({"term": "до 15 октября 2025 г.", "status": "В работе"}), today=TODAY)
    [p] = [p for p in found if p.code == "event_overdue"]
    assert (p.severity, p.sheet, p.row, p.column, p.value) == (
        Severity.WARNING,
        "Дорожная карта",
        2,
        "Срок",
        "до 15 октября 2025 г.",
    )
    assert "срок 15.10.2025 прошёл, статус «В работе»" in p.message


def test_an_event_without_a_status_is_overdue_as_planned():
    [p] = problems(_roadmap({"term": "до 15 октября 2025 г."}), "event_overdue", today=TODAY)
    assert "статус «Запланировано»" in p.message


def test_done_cancelled_and_future_events_are_not_overdue():
    sheets = _roadmap(
        {"term": "до 15 октября 2025 г.", "status": "Выполнено", "done_on": "14.10.2025"},
        {"term": "до 15 октября 2025 г.", "status": "Отменено"},
        {"term": "до 15 марта 2026 г."},
    )
    assert problems(sheets, today=TODAY) == []


def test_the_school_year_of_the_settings_dates_a_term_without_a_year():
    assert problems(_roadmap({"term": "сентябрь"}, year="2026/2027"), "event_overdue", today=TODAY) == []
    assert len(problems(_roadmap({"term": "сентябрь"}, year="2024/2025"), "event_overdue", today=TODAY)) == 1


def test_a_term_that_cannot_be_understood_is_a_warning_at_its_cell():
    [p] = problems(_roadmap({"term": "когда получится"}), "term_not_understood", today=TODAY)
    assert (p.severity, p.row, p.column, p.value) == (Severity.WARNING, 2, "Срок", "когда получится")
    assert "не удалось понять" in p.message


def test_done_without_a_date_is_a_warning_on_the_date_cell():
    [p] = problems(_roadmap({"term": "до 15 октября 2025 г.", "status": "Выполнено"}), today=TODAY)
    assert (p.code, p.severity, p.row, p.column) == (
        "done_without_date",
        Severity.WARNING,
        2,
        "Дата выполнения",
    )


def test_a_recurring_event_never_started_is_overdue_from_its_first_deadline():
    sheets = _roadmap({"term": "Сентябрь – октябрь 2025, далее – ежеквартально"})
    [p] = problems(sheets, "event_overdue", today=date(2026, 1, 20))
    assert "срок 31.10.2025 прошёл" in p.message


def test_an_ongoing_recurring_event_and_an_outside_schedule_are_not_overdue():
    sheets = _roadmap(
        {"term": "Сентябрь – октябрь 2025, далее – ежеквартально", "status": "В работе"},
        {"term": "по графику методического объединения"},
        {"term": "по мере необходимости"},
    )
    assert problems(sheets, today=date(2026, 1, 20)) == []
