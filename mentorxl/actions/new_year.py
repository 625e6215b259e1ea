"""`mentorxl new-year`: next school year's book made from this one, which stays untouched as the archive."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from mentorxl.actions.base import Outcome
from mentorxl.book.port import WorkbookPort
from mentorxl.book.targets import ready_folder
from mentorxl.core import contract as k
from mentorxl.core.new_year import NewYearPlan, plan_new_year
from mentorxl.errors import BookUnreadable, MentorXLError

# what the new book gets (mentees_left: those marked «Выбыл», carried with the mark); the rest stays in the archive
ARCHIVE_KEEPS_NOT = ("roadmap", "mentors", "mentees", "mentees_finished", "mentees_left", "pairs")


def new_year_name(book: Path, year: str) -> Path:
    """«Наставничество 2025-2026.xlsx» -> «Наставничество 2026-2027.xlsx»; a name without a year gets the new one."""
    shown = year.replace("/", "-")
    stem = book.stem
    span = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–—_ ]\s*(?:(?:19|20)\d\d|\d\d)(?!\d)")
    stem = span.sub(shown, stem) if span.search(stem) else f"{stem} {shown}"
    return book.with_name(stem + (book.suffix if book.suffix.lower() in (".xlsx", ".xlsm") else ".xlsx"))


def carry_over(book: WorkbookPort, plan: NewYearPlan) -> None:
    """Write the plan into the new book through the port (the port's book is the new one)."""
    for spec, updates in ((k.SETTINGS, plan.settings), (k.ROADMAP, plan.roadmap), (k.MENTEES, plan.mentees),
                          (k.MENTORS, plan.mentors)):
        if updates:
            book.update_cells(spec, updates)
    book.replace_rows(k.PAIRS, plan.pairs)
    book.replace_rows(k.SURVEYS, [], own_columns_too=True)  # the answers under the questions' own columns too
    book.replace_rows(k.MEETINGS, [], own_columns_too=True)
    book.replace_rows(k.ORDERS, [])  # orders are per school year: the new register starts empty, the archive keeps its


def new_year(path: Path, *, out: Path | None, today: date) -> Outcome:
    from mentorxl.book.headless import HeadlessBook

    path = Path(path)
    if not path.is_file():
        raise BookUnreadable(f"Книга «{path.name}» не найдена.", "Укажите путь к книге этого учебного года.")
    data = HeadlessBook(path).read()
    plan = plan_new_year(data, today)
    target = Path(out) if out else new_year_name(path, plan.year)
    if target.suffix.lower() not in (".xlsx", ".xlsm"):
        raise MentorXLError(f"Новая книга записывается как .xlsx или .xlsm, а указано «{target.name}».",
                            "Укажите имя файла с расширением .xlsx или .xlsm.")
    if target.resolve() == path.resolve():
        raise MentorXLError("Новая книга не может заменить книгу этого года: та остаётся архивом.",
                            "Укажите другое имя в --out.")
    if target.exists():
        raise MentorXLError(f"Файл «{target}» уже есть: MentorXL его не перезаписывает.",
                            "Укажите другое имя в --out или переименуйте прежний файл.")
    ready_folder(target.parent)
    book = HeadlessBook(path, result=target)
    book.read()
    carry_over(book, plan)
    written = book.save()
    c = plan.counts
    message = (f"Книга {plan.year} учебного года готова: «{target.name}». Книга «{path.name}» не изменена и "
               "остаётся архивом года.")
    lines = [
        f"Перенесено: настройки (учебный год — {plan.year}); дорожная карта — {c['roadmap']} мероприятий "
        "(годы в сроках сдвинуты на один, статусы и даты выполнения очищены, результаты сохранены); "
        f"наставники — {c['mentors']} (согласия и обучение сохранены, поощрения очищены); наставляемые — "
        f"{c['mentees']} (завершили — {c['mentees_finished']}, выбыли — {c['mentees_left']}); действующие пары — "
        f"{c['pairs']} (с номерами и приказами).",
        f"Осталось в архиве: пары завершённые, расторгнутые и проекты — {c['pairs_left']}; анкеты — "
        f"{c['surveys_left']}; встречи — {c['meetings_left']}; реестр приказов «{k.ORDERS.name}» (в новой книге он "
        "начинается пустым).",
    ]
    if plan.ended_term:
        lines.append(f"Внимание: у перенесённых пар № {', '.join(plan.ended_term)} срок закончился в прошлом году, "
                     "а они не завершены. Завершите их в архивной книге (mentorxl complete или кнопка «Завершить "
                     "пары») и создайте новую книгу снова, либо поправьте статусы в новой.")
    busy = {name: n for name, n in plan.load.items() if n}
    if busy:
        lines.append("Нагрузка наставников в новом году: " + "; ".join(f"{name} — {n}" for name, n in busy.items())
                     + ".")
    return Outcome(message, files=[written] if written else [], lines=lines,
                   data={"year": plan.year, "file": str(target), "archive": str(path),
                         "carried": {key: c[key] for key in ARCHIVE_KEEPS_NOT},
                         "left": {key.removesuffix("_left"): c[key] for key in ("pairs_left", "surveys_left",
                                                                               "meetings_left")},
                         "load": plan.load, "ended_term": list(plan.ended_term)})
