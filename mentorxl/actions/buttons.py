"""One runner for the buttons of both suites: Excel (mentorxl.excel) and LibreOffice Calc (mentorxl.libreoffice).

An entry point asks the questions of the button (core/buttons.py) in its own dialogs, hands the raw answers
here, and shows the outcome. `read_answers` turns what the user typed into values (a date that cannot be read
is one Russian message, before anything is written); `run_button` runs the action of the button on the open
book. A cancelled dialog never reaches this module: the entry point stops quietly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from mentorxl.actions.base import Outcome
from mentorxl.book.port import WorkbookPort
from mentorxl.core.buttons import DATE, FILE, button
from mentorxl.core.dates import parse_date
from mentorxl.errors import MentorXLError

Answers = Mapping[str, Any]
ROADMAP_DOCUMENTS = (".docx", ".doc", ".odt", ".rtf")  # «Импорт анкет» of these: a school's roadmap in Word


def read_answers(name: str, typed: Mapping[str, str]) -> dict[str, Any]:
    """The typed answers of button `name` as values: "" → None, a date question → a date, a file → a Path."""
    values: dict[str, Any] = {}
    for question in button(name).asks:
        text = str(typed.get(question.key) or "").strip()
        if not text:
            values[question.key] = None
        elif question.kind == DATE:
            on = parse_date(text)
            if on is None:
                raise MentorXLError(f"«{text}» не читается как дата. Введите, например, 01.09.2025.")
            values[question.key] = on
        elif question.kind == FILE:
            values[question.key] = Path(text)
        else:
            values[question.key] = text
    return values


def _check(port: WorkbookPort, answers: Answers, today: date) -> Outcome:
    from mentorxl.actions.check import check_book

    return check_book(port, today=today)


def _match(port: WorkbookPort, answers: Answers, today: date) -> Outcome:
    from mentorxl.actions.pairs import match_pairs

    return match_pairs(port)


def _approve(port: WorkbookPort, answers: Answers, today: date) -> Outcome:
    from mentorxl.actions.pairs import approve_pairs

    return approve_pairs(port, today=today)


def _order(port: WorkbookPort, answers: Answers, today: date) -> Outcome:
    from mentorxl.actions.documents import make_order

    return make_order(port, out_dir=None, number=answers.get("number"), on=answers.get("date"), today=today)


def _documents(port: WorkbookPort, answers: Answers, today: date) -> Outcome:
    from mentorxl.actions.documents import make_documents

    outcomes = [make_documents(port, kind=kind, out_dir=None, today=today) for kind in ("programs", "agreements")]
    first = outcomes[0]
    first.message = "\n".join(o.message for o in outcomes)
    first.files = [f for o in outcomes for f in o.files]
    return first


def _report(port: WorkbookPort, answers: Answers, today: date) -> Outcome:
    from mentorxl.actions.monitoring import monitoring_report

    return monitoring_report(port, out_dir=None, today=today)


def _import_surveys(port: WorkbookPort, answers: Answers, today: date) -> Outcome:
    from mentorxl.actions.monitoring import import_export

    chosen = answers.get("file")
    if chosen is None:
        raise MentorXLError("Файл выгрузки не выбран.", "Нажмите кнопку снова и выберите файл .xlsx или .csv.")
    if Path(chosen).suffix.lower() in ROADMAP_DOCUMENTS:  # a school's roadmap in Word: «Дорожная карта»
        from mentorxl.actions.roadmap import import_roadmap

        return import_roadmap(port, Path(chosen), overwrite=False, today=today)
    return import_export(port, Path(chosen), as_="survey")


def _roadmap(port: WorkbookPort, answers: Answers, today: date) -> Outcome:
    from mentorxl.actions.monitoring import roadmap_status

    return roadmap_status(port, today=today)


def _complete(port: WorkbookPort, answers: Answers, today: date) -> Outcome:
    from mentorxl.actions.completion import complete_pairs, parse_numbers

    numbers = parse_numbers(answers.get("pairs") or "")
    return complete_pairs(port, on=None, numbers=numbers, reason=answers.get("reason") if numbers else None,
                          out_dir=None, today=today)


Runner = Callable[[WorkbookPort, Answers, date], Outcome]

# button name (core/buttons.py) -> the action it runs; a test holds the two together
ACTIONS: dict[str, Runner] = {
    "check_data": _check,
    "match_pairs": _match,
    "approve_pairs": _approve,
    "make_order": _order,
    "pair_documents": _documents,
    "monitoring_report": _report,
    "import_surveys": _import_surveys,
    "update_roadmap": _roadmap,
    "complete_pairs": _complete,
}


def run_button(name: str, port: WorkbookPort, answers: Answers, *, today: date) -> Outcome:
    """The action of button `name` on the open book `port`, with the answers `read_answers` made."""
    return ACTIONS[name](port, answers, today)
