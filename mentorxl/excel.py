"""The Excel buttons: each VBA Sub of macros/MentorXL.bas calls RunPython on one function here.

A function takes the calling book (`xw.Book.caller()`, or a book passed by tests), runs one action on
the live book, and tells the user the outcome in a Russian message box. A user error is a message,
never a traceback dialog. Imports are lazy so that a click starts fast.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

TITLE = "MentorXL"
LOG = Path(tempfile.gettempdir()) / "mentorxl-excel.log"
# xlwings imports these at once, if installed, for pictures, plots and DataFrames, which the buttons never hand
# it; matplotlib.pyplot alone took 0.4–0.6 s of every click (benchmarks/click.py). Every use of them inside
# xlwings checks for None first, and our own later imports (the report's charts) load them normally.
NOT_FOR_XLWINGS = ("matplotlib", "numpy", "pandas", "plotly", "PIL")


ROADMAP_DOCUMENTS = (".docx", ".doc", ".odt", ".rtf")  # «Импорт анкет» of these: a roadmap in Word

def _xlwings() -> Any:
    """`import xlwings` without the optional libraries it would load for features the buttons do not use."""
    blocked = [name for name in NOT_FOR_XLWINGS if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # an import of it raises ImportError
    try:
        import xlwings
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return xlwings


def _caller(book: Any | None) -> Any:
    if book is not None:
        return book
    return _xlwings().Book.caller()


def _alert(book: Any, text: str) -> None:
    try:
        book.app.alert(text, title=TITLE)
    except Exception:  # no UI (tests, a server): the message goes to the log
        logging.getLogger("mentorxl").info(text)


def _ask(book: Any, prompt: str, default: str = "") -> str | None:
    """A question in an Excel input box; None when the user cancels. Without Excel: the default."""
    try:
        answer = book.app.api.InputBox(prompt, TITLE, default)
    except Exception:
        return default
    if answer is False or answer is None:
        return None
    return str(answer).strip()


def _open(path: Path) -> None:
    """Open a produced document for the user (Word, or the system's viewer)."""
    with contextlib.suppress(Exception):
        if sys.platform.startswith("win"):
            os.startfile(str(path))  # type: ignore[attr-defined]
        elif sys.platform == "darwin":
            import subprocess

            subprocess.Popen(["open", str(path)])


def _run(book: Any | None, action: Callable[[Any], Any]) -> Any:
    from mentorxl.book.live import LiveBook
    from mentorxl.errors import MentorXLError

    book = _caller(book)
    try:
        outcome = action(LiveBook(book))
    except MentorXLError as error:
        _alert(book, f"{error.message}\n\n{error.hint}".strip())
        return None
    except Exception as error:  # a bug: a short message, the details in a log file
        with contextlib.suppress(OSError), LOG.open("a", encoding="utf-8") as log:
            log.write(traceback.format_exc())
        _alert(book, f"Внутренняя ошибка MentorXL: {type(error).__name__}: {error}.\n"
                     f"Подробности записаны в файл {LOG}. Сообщите разработчикам.")
        return None
    text = outcome.message
    if outcome.files:
        text += "\n\n" + "\n".join(str(p) for p in outcome.files[:8])
        if len(outcome.files) > 8:
            text += f"\n… и ещё {len(outcome.files) - 8}"
    _alert(book, text)
    if outcome.open_files:
        for path in outcome.files[:3]:
            _open(path)
    return outcome


def _today() -> Any:
    from mentorxl.actions.base import today

    return today()


def check_data(book: Any | None = None) -> Any:
    from mentorxl.actions.check import check_book

    return _run(book, lambda port: check_book(port, today=_today()))


def match_pairs(book: Any | None = None) -> Any:
    from mentorxl.actions.pairs import match_pairs as run

    return _run(book, run)


def approve_pairs(book: Any | None = None) -> Any:
    from mentorxl.actions.pairs import approve_pairs as run

    return _run(book, lambda port: run(port, today=_today()))


def make_order(book: Any | None = None) -> Any:
    from mentorxl.actions.documents import make_order as run
    from mentorxl.core.dates import parse_date

    caller = _caller(book)
    number = _ask(caller, "Номер приказа (пусто — следующий свободный):")
    if number is None:
        return None
    typed = _ask(caller, "Дата приказа (пусто — сегодня):")
    if typed is None:
        return None
    on = parse_date(typed) if typed else None
    if typed and on is None:
        _alert(caller, f"«{typed}» не читается как дата. Введите, например, 01.09.2025.")
        return None
    return _run(caller, lambda port: run(port, out_dir=None, number=number or None, on=on, today=_today()))


def pair_documents(book: Any | None = None) -> Any:
    from mentorxl.actions.documents import make_documents

    def run(port: Any) -> Any:
        outcomes = [make_documents(port, kind=kind, out_dir=None, today=_today())
                    for kind in ("programs", "agreements")]
        first = outcomes[0]
        first.message = "\n".join(o.message for o in outcomes)
        first.files = [f for o in outcomes for f in o.files]
        return first

    return _run(book, run)


def monitoring_report(book: Any | None = None) -> Any:
    from mentorxl.actions.monitoring import monitoring_report as run

    return _run(book, lambda port: run(port, out_dir=None, today=_today()))


def import_surveys(book: Any | None = None) -> Any:
    from mentorxl.actions.monitoring import import_export

    caller = _caller(book)
    try:
        chosen = caller.app.api.GetOpenFilename("Выгрузка анкет или дорожная карта (*.xlsx;*.csv;*.docx;*.doc;*.odt),"
                                                "*.xlsx;*.csv;*.docx;*.doc;*.odt")
    except Exception:
        chosen = None
    if not chosen:
        _alert(caller, "Файл выгрузки не выбран.")
        return None
    if Path(str(chosen)).suffix.lower() in ROADMAP_DOCUMENTS:  # a roadmap in Word goes to «Дорожная карта»
        from mentorxl.actions.roadmap import import_roadmap

        answer = _ask(caller, "Заменить дорожную карту книги таблицей документа? «да» — заменить, пусто — "
                              "добавить мероприятия, которых в книге нет:")
        if answer is None:
            return None
        overwrite = answer.casefold().startswith(("д", "y"))
        return _run(caller, lambda port: import_roadmap(port, Path(str(chosen)), overwrite=overwrite,
                                                        today=_today()))
    return _run(caller, lambda port: import_export(port, Path(str(chosen)), as_="survey"))


def complete_pairs(book: Any | None = None) -> Any:
    from mentorxl.actions.completion import complete_pairs as run
    from mentorxl.actions.completion import parse_numbers

    caller = _caller(book)
    numbers = _ask(caller, "Номера пар через запятую (пусто — все, чей срок закончился):")
    if numbers is None:
        return None
    reason = _ask(caller, "Причина досрочного завершения (пусто — пары завершаются по сроку):") if numbers else ""
    if reason is None:
        return None
    return _run(caller, lambda port: run(port, on=None, numbers=parse_numbers(numbers), reason=reason or None,
                                         out_dir=None, today=_today()))


def update_roadmap(book: Any | None = None) -> Any:
    from mentorxl.actions.monitoring import roadmap_status

    return _run(book, lambda port: roadmap_status(port, today=_today()))
