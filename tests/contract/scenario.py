"""The one contract every workbook adapter passes (issue 10, point 8): the same steps through `WorkbookPort`,
observed the same way, must give the same observations on the fake, the file, the xlwings book and Calc.

Plain functions (no pytest): the Calc run imports this module inside LibreOffice's Python (calc_runner.py).
`open_book()` gives a fresh adapter over the book as the last `save()` left it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from mentorxl.core import contract as k
from mentorxl.errors import SheetMissing

MENTEE_A, MENTEE_B = "Иванова Мария Петровна", "Петров Пётр Петрович"
MENTOR = "Кузнецова Анна Сергеевна"
REQUIRED = [k.SETTINGS, k.MENTEES, k.MENTORS, k.PAIRS]
NOTE = "Заметки куратора"
QUESTION = "Насколько полезны встречи?"


def grids() -> dict[str, list[list[object]]]:
    """The book the scenario starts from: no «Дорожная карта», no «Ошибки», a user's column in «Подбор»."""
    def sheet(spec: k.SheetSpec, rows: list[dict[str, object]], extra: list[str] = ()) -> list[list[object]]:
        return [[*spec.headers, *extra], *([r.get(c.key) for c in spec.columns] + [r.get(e) for e in extra]
                                           for r in rows)]

    return {
        k.SETTINGS.name: sheet(k.SETTINGS, [{"parameter": "Учебный год", "value": "2025/2026"}]),
        k.MENTEES.name: sheet(k.MENTEES, [{"name": n, "requests": "ИКТ", "consent_pd": "01.09.2025",
                                           "status": "Ожидает пары"} for n in (MENTEE_A, MENTEE_B)]),
        k.MENTORS.name: sheet(k.MENTORS, [{"name": MENTOR, "competences": "ИКТ", "status": "Активен"}]),
        k.PAIRS.name: sheet(k.PAIRS, []),
        k.SUGGESTIONS.name: sheet(k.SUGGESTIONS, [{"mentee": "Старый Старик Старикович", "mentor": MENTOR,
                                                   NOTE: "позвонить"}], [NOTE]),
        k.SURVEYS.name: sheet(k.SURVEYS, []),
    }


def run(open_book: Callable[[], Any]) -> dict[str, object]:
    seen: dict[str, object] = {}
    try:
        open_book().read()
        seen["without the roadmap"] = "read"
    except SheetMissing:
        seen["without the roadmap"] = "SheetMissing"

    for rows in ([{"mentee": MENTEE_A, "mentor": MENTOR, "score": 90, "matched": ["ИКТ", "ФГОС"]},
                  {"mentee": MENTEE_B, "mentor": MENTOR, "score": 80},
                  {"mentee": "Третий Тест Тестович", "mentor": "", "reason": "нет согласия"}],
                 [{"mentee": MENTEE_A, "mentor": MENTOR, "score": 95, "decision": "Утвердить"}]):
        book = open_book()
        book.read(required=REQUIRED)
        book.replace_rows(k.SUGGESTIONS, rows)
        book.save()

    book = open_book()
    data = book.read(required=REQUIRED)
    book.append_rows(k.PAIRS, [{"number": 1, "mentor": MENTOR, "mentees": [MENTEE_A, MENTEE_B],
                                "start": date(2025, 9, 1), "goal": "=СУММ(A1:A2)", "status": "Утверждена"}])
    book.update_cells(k.MENTEES, [(data.mentees[1].row, "status", "В паре")])
    book.save()

    book = open_book()
    book.read(required=REQUIRED)
    book.replace_rows(k.PROBLEMS, [{"sheet": "Пары", "row": 2, "column": "Цель", "message": "проверьте"}])
    book.save()

    book = open_book()
    book.read(required=REQUIRED)
    book.append_rows(k.SURVEYS, [{"respondent": MENTEE_A, "role": "Наставляемый", "survey": "Входная",
                                  QUESTION: 7}], own_columns=True)
    book.save()

    data = open_book().read(required=REQUIRED)
    suggestions = data.tables[k.SUGGESTIONS.key]
    seen["suggestions"] = [(s.mentee, s.mentor, s.score, s.matched, s.decision) for s in data.suggestions]
    seen["user's column kept"] = [
        suggestions.extra_value(cells, NOTE) or None for _, cells in suggestions.rows if NOTE in suggestions.extra]
    seen["pairs"] = [(int(float(str(p.number))), p.mentor, p.mentees, p.start.isoformat() if p.start else None,
                      p.goal, p.status) for p in data.pairs]
    seen["mentee statuses"] = [(m.name, m.status) for m in data.mentees]
    problems = data.tables.get(k.PROBLEMS.key)
    seen["problems"] = ([[problems.value(cells, key) for key in ("sheet", "column", "message")]
                         for _, cells in problems.rows] if problems else "no sheet")
    seen["surveys"] = [(s.respondent, s.answers) for s in data.surveys]
    return seen


EXPECTED: dict[str, object] = {
    "without the roadmap": "SheetMissing",
    "suggestions": [(MENTEE_A, MENTOR, 95, [], "Утвердить")],
    "user's column kept": ["позвонить"],
    "pairs": [(1, MENTOR, [MENTEE_A, MENTEE_B], "2025-09-01", "=СУММ(A1:A2)", "Утверждена")],
    "mentee statuses": [(MENTEE_A, "Ожидает пары"), (MENTEE_B, "В паре")],
    "problems": [["Пары", "Цель", "проверьте"]],
    "surveys": [(MENTEE_A, {QUESTION: 7})],
}
