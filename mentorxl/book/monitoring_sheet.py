"""The «Мониторинг» sheet: the figures of the справка as tables with native Excel charts (XlsxWriter),
in a workbook of its own written beside the master (the master is never rewritten headless).

Blocks from the top: key figures; survey means per question and questionnaire (a bar chart); meetings per
pair (a column chart); the roadmap by status (a pie chart); coverage of the target group; conclusions.
Every text is written as a string: a name or an answer beginning with «=» never becomes a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from mentorxl.book.files import atomic_path, xlsx_workbook
from mentorxl.book.language import mark_russian
from mentorxl.core import vocabulary as v
from mentorxl.core.monitoring import IDLE_DAYS, Monitoring

SHEET = "Мониторинг"
ROW_PIXELS = 20  # the default row height: a chart below its table takes height / 20 rows


class _Sheet:
    def __init__(self, wb: Any, ws: Any):
        self.wb, self.ws = wb, ws
        self.f = {
            "title": wb.add_format({"bold": True, "font_size": 14}),
            "head": wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                   "valign": "top"}),
            "text": wb.add_format({"border": 1, "text_wrap": True, "valign": "top"}),
            "num": wb.add_format({"border": 1, "num_format": "0", "valign": "top"}),
            "dec": wb.add_format({"border": 1, "num_format": "0.0", "valign": "top"}),
            "pct": wb.add_format({"border": 1, "num_format": "0%", "valign": "top"}),
            "date": wb.add_format({"border": 1, "num_format": "dd.mm.yyyy", "valign": "top"}),
            "bold": wb.add_format({"bold": True}),
            "wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
        }
        self.row = 0

    def cell(self, r: int, c: int, value: object, fmt: str = "text") -> None:
        ws, f = self.ws, self.f
        if value is None or value == "":
            ws.write_blank(r, c, None, f[fmt])
        elif isinstance(value, bool):
            ws.write_string(r, c, "Да" if value else "Нет", f["text"])
        elif isinstance(value, int | float):
            ws.write_number(r, c, value, f[fmt if fmt != "text" else "num"])
        elif isinstance(value, date):
            ws.write_datetime(r, c, value, f["date"])
        else:
            ws.write_string(r, c, str(value), f[fmt if fmt in ("text", "head") else "text"])

    def caption(self, text: str) -> None:
        self.ws.write_string(self.row, 0, text, self.f["bold"])
        self.row += 1

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]],
              formats: Sequence[str] | None = None) -> tuple[int, int]:
        """Writes a table at the current row; returns the first and last data rows (0-based)."""
        for c, text in enumerate(header):
            self.cell(self.row, c, text, "head")
        first = self.row + 1
        for r, values in enumerate(rows, start=first):
            for c, value in enumerate(values):
                self.cell(r, c, value, formats[c] if formats else "text")
        last = first + max(len(rows), 1) - 1
        self.row = first + len(rows) + 1
        return first, last

    def chart(self, chart: Any, width: int, height: int) -> None:
        """Places a chart under the current row and moves below it."""
        chart.set_size({"width": width, "height": height})
        self.ws.insert_chart(self.row, 0, chart, {"x_offset": 4, "y_offset": 2})
        self.row += -(-height // ROW_PIXELS) + 2


def _key_figures(s: _Sheet, m: Monitoring) -> None:
    si = m.satisfaction
    rows: list[tuple[str, object, str]] = [
        ("Наставники в банке", m.mentors, "num"), ("Наставляемые в банке", m.mentees, "num"),
        ("Пары и группы учебного года", m.pairs, "num"), ("Действующие пары", m.pairs_in_force, "num"),
        ("Группы", m.groups, "num"), ("Встреч проведено", m.meetings, "num"),
        ("Часов встреч", m.hours, "dec"),
        (f"Пары без встреч больше {IDLE_DAYS} дней", len(m.idle), "num"),
        ("Индекс удовлетворённости" + (f" ({si.survey.casefold()} анкета)" if si else ""),
         si.index if si else None, "pct"),
        ("Охват целевой группы", m.coverage.share, "pct"),
        ("Выполнение дорожной карты", m.roadmap.share, "pct"),
        ("Просроченные мероприятия", m.roadmap.overdue, "num"),
    ]
    s.caption("Основные показатели")
    s.cell(s.row, 0, "Показатель", "head")
    s.cell(s.row, 1, "Значение", "head")
    for i, (label, value, fmt) in enumerate(rows, start=s.row + 1):
        s.cell(i, 0, label)
        s.cell(i, 1, value if value is not None else "—", fmt)
    s.row += len(rows) + 2


def _surveys(s: _Sheet, m: Monitoring) -> None:
    if not m.questions:
        return
    s.caption("Анкетирование: средний балл (1–10)")
    rows = [(q.label, *(q.means.get(kind) for kind in m.surveys), q.change) for q in m.questions]
    rows.append(("Все вопросы", *(m.overall.means.get(kind) for kind in m.surveys), m.overall.change))
    formats = ["text", *(["dec"] * (len(m.surveys) + 1))]
    top = s.row
    first, last = s.table(("Вопрос", *m.surveys, "Изменение"), rows, formats)
    chart = s.wb.add_chart({"type": "bar"})
    for i in range(1, len(m.surveys) + 1):
        chart.add_series({
            "name": [SHEET, top, i],
            "categories": [SHEET, first, 0, last - 1, 0],
            "values": [SHEET, first, i, last - 1, i],
            "data_labels": {"value": True, "num_format": "0.0"},
        })
    chart.set_title({"name": "Результаты анкетирования по вопросам"})
    chart.set_x_axis({"min": 0, "max": 10, "major_unit": 2})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "bottom"})
    s.chart(chart, 720, 120 + 32 * len(m.questions) * max(1, len(m.surveys)))
    if m.roles:
        s.caption("Средний балл по ролям")
        rows = [(r.label, *(r.means.get(kind) for kind in m.surveys), r.change) for r in m.roles]
        s.table(("Роль", *m.surveys, "Изменение"), rows, formats)


def _pairs(s: _Sheet, m: Monitoring) -> None:
    if not m.activity:
        return
    s.caption("Встречи пар")
    rows = [(a.number, a.mentor, "; ".join(a.mentees), a.form, a.kind, a.meetings, a.hours, a.last_meeting,
             a.idle_days, a.idle) for a in m.activity]
    first, last = s.table(("№ пары", "Наставник", "Наставляемые", "Форма", "Вид", "Встреч", "Часов",
                           "Последняя встреча", "Дней без встреч", f"Без встреч > {IDLE_DAYS} дней"),
                          rows, ["text", "text", "text", "text", "text", "num", "dec", "date", "num", "text"])
    chart = s.wb.add_chart({"type": "column"})
    chart.add_series({"name": "Встреч", "categories": [SHEET, first, 0, last, 0],
                      "values": [SHEET, first, 5, last, 5], "data_labels": {"value": True}})
    chart.set_title({"name": "Встречи наставнических пар"})
    chart.set_legend({"none": True})
    chart.set_x_axis({"name": "№ пары"})
    s.chart(chart, 720, 300)


def _roadmap(s: _Sheet, m: Monitoring) -> None:
    r = m.roadmap
    if not r.total:
        return
    s.caption("Дорожная карта")
    rows = [(v.EVENT_DONE, r.done), (v.EVENT_IN_PROGRESS, r.in_progress), (v.EVENT_PLANNED, r.planned),
            (v.EVENT_CANCELLED, r.cancelled), ("Просрочено (из невыполненных)", r.overdue)]
    first, _ = s.table(("Статус", "Мероприятий"), rows, ["text", "num"])
    last = first + 3  # the pie shows the four statuses, not the overdue count
    chart = s.wb.add_chart({"type": "pie"})
    colours = ("#70AD47", "#FFC000", "#9DC3E6", "#BFBFBF")
    chart.add_series({"name": "Мероприятия дорожной карты", "categories": [SHEET, first, 0, last, 0],
                      "values": [SHEET, first, 1, last, 1], "data_labels": {"value": True},
                      "points": [{"fill": {"color": c}} for c in colours]})
    chart.set_title({"name": "Мероприятия дорожной карты"})
    s.chart(chart, 420, 260)
    if r.overdue_events:
        s.caption("Просроченные мероприятия")
        s.table(("Строка", "Мероприятие", "Срок", "Крайний срок"),
                [(e.row, e.event, e.term, e.due) for e in r.overdue_events], ["num", "text", "text", "date"])


def _coverage(s: _Sheet, m: Monitoring) -> None:
    c = m.coverage
    if not c.target:
        return
    s.caption("Охват целевой группы")
    rows: list[tuple[object, ...]] = [(cat, total, covered, covered / total if total else None)
                                      for cat, (total, covered) in c.by_category.items()]
    rows.append(("Итого", c.target, c.covered, c.share))
    s.table(("Категория", "В банке", "В действующих парах", "Охват"), rows, ["text", "num", "num", "pct"])


def write_monitoring_book(path: Path, m: Monitoring) -> Path:
    """A workbook with the «Мониторинг» sheet at `path` (written atomically)."""
    with atomic_path(path) as tmp:
        wb = xlsx_workbook(tmp)
        try:
            ws = wb.add_worksheet(SHEET)
            s = _Sheet(wb, ws)
            for c, width in enumerate((44, 30, 40, 18, 16, 10, 10, 14, 12, 14)):
                ws.set_column(c, c, width)
            ws.write_string(0, 0, f"Мониторинг программы наставничества: {m.org_short or m.org}".rstrip(": "),
                            s.f["title"])
            ws.write_string(1, 0, f"Учебный год {m.year}; период с {m.period_start:%d.%m.%Y} "
                                  f"по {m.today:%d.%m.%Y}")
            s.row = 3
            _key_figures(s, m)
            _surveys(s, m)
            _pairs(s, m)
            _roadmap(s, m)
            _coverage(s, m)
            s.caption("Выводы")
            for i, sentence in enumerate(m.conclusions, start=1):
                ws.write_string(s.row, 0, f"{i}. {sentence}")
                s.row += 1
            if m.to_do:  # the steps in the workbook stay here, outside the справка (issue 11)
                s.caption("Что сделать куратору")
                for step in m.to_do:
                    ws.write_string(s.row, 0, f"• {step}")
                    s.row += 1
            ws.freeze_panes(3, 0)
        finally:
            wb.close()
        mark_russian(tmp)
    return Path(path)
