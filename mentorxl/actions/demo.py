"""`make demo`: build the demo school and run every action on it, leaving all results in one folder.

The demo deletes nothing: into a folder that already holds something it writes a new subfolder of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from mentorxl.actions.base import Outcome
from mentorxl.errors import MentorXLError

BOOK_NAME = "Наставничество (демо).xlsx"
SUBFOLDER = "Демонстрация MentorXL"


def demo_folder(folder: Path) -> Path:
    """`folder` when it is new or empty; else a new subfolder «Демонстрация MentorXL» («… (2)», …) in it."""
    if not folder.exists() or (folder.is_dir() and not any(folder.iterdir())):
        return folder
    if not folder.is_dir():
        raise MentorXLError(f"«{folder}» — файл, а не папка.", "Укажите папку для демонстрации.")
    candidate, n = folder / SUBFOLDER, 2
    while candidate.exists():
        candidate, n = folder / f"{SUBFOLDER} ({n})", n + 1
    return candidate


def run_demo(folder: Path, *, today: date, progress: Callable[[str], None] = lambda _: None) -> Outcome:
    from mentorxl.actions.check import check_book
    from mentorxl.actions.pairs import approve_pairs, match_pairs
    from mentorxl.actions.workbook import new_workbook
    from mentorxl.book.headless import HeadlessBook

    folder = demo_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / BOOK_NAME
    lines: list[str] = []
    files: list[Path] = []

    def step(title: str, run: Callable[[], Outcome]) -> Outcome | None:
        progress(f"• {title}…")
        try:
            outcome = run()
        except MentorXLError as error:
            lines.append(f"{title}: {error}")
            progress(f"  {error}")
            return None
        lines.append(f"{title}: {outcome.message}")
        files.extend(outcome.files)
        progress(f"  {outcome.message}")
        return outcome

    step("Новая книга с демонстрационной школой", lambda: new_workbook(book, demo=True, today=today))
    step("Проверить данные", lambda: check_book(HeadlessBook(book), today=today))
    step("Подобрать пары", lambda: match_pairs(HeadlessBook(book)))
    step("Утвердить пары (все предложения, как сделал бы куратор)",
         lambda: approve_pairs(HeadlessBook(book), today=today, approve_all=True))
    docs = folder / "Документы"
    for title, run in _later_steps(book, docs, today):
        step(title, run)
    message = f"Демонстрация готова: все результаты в папке «{folder}»."
    return Outcome(message, files=files, lines=lines)


def _later_steps(book: Path, docs: Path, today: date) -> list[tuple[str, Callable[[], Outcome]]]:
    """The paperwork and the monitoring, in the order of the roadmap."""
    from mentorxl.actions import documents as d
    from mentorxl.actions import monitoring as m
    from mentorxl.book.headless import HeadlessBook

    steps: list[tuple[str, Callable[[], Outcome]]] = [("Сформировать приказ", lambda: d.make_order(
        HeadlessBook(book), out_dir=docs, number=None, on=today, today=today))]

    def documents(kind: str) -> Callable[[], Outcome]:
        return lambda: d.make_documents(HeadlessBook(book), kind=kind, out_dir=docs, today=today)

    for kind, title in (("programs", "Персонализированные программы"),
                        ("agreements", "Дополнительные соглашения"),
                        ("consents", "Согласия на обработку ПДн"), ("reward", "Приказ о поощрении")):
        steps.append((title, documents(kind)))
    steps.append(("Дорожная карта", lambda: m.roadmap_status(HeadlessBook(book), today=today)))
    steps.append(("Отчёт по мониторингу", lambda: m.monitoring_report(HeadlessBook(book), out_dir=docs,
                                                                      today=today)))
    return steps
