"""The Excel buttons: each VBA Sub of macros/MentorXL.bas calls RunPython on one function here.

The functions are the names of the button registry (core/buttons.py), served by `__getattr__` as
`click(name)`: it takes the calling book (`xw.Book.caller()`, or a book passed by tests), asks the
button's questions in Excel's own boxes («Отмена» ends the click quietly), runs the action through the
runner both suites share (actions/buttons.py) on the live book, and tells the user the outcome in a
Russian message box. A user error is a message,
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


def _pick_file(book: Any, title: str, pattern: str) -> str | None:
    """Excel's file dialog opened in the book's folder; None when the user cancels."""
    folder = str(Path(str(getattr(book, "fullname", ""))).parent)
    try:
        dialog = book.app.api.FileDialog(3)  # msoFileDialogFilePicker
        dialog.Title = title
        dialog.AllowMultiSelect = False
        dialog.InitialFileName = folder.rstrip("\\/") + os.sep
        dialog.Filters.Clear()
        dialog.Filters.Add(title, pattern)
        return str(dialog.SelectedItems(1)) if dialog.Show() == -1 else None
    except Exception:  # no FileDialog (an old Excel, a fake in tests): the plain Open dialog
        try:
            chosen = book.app.api.GetOpenFilename(f"{title},{pattern}")
        except Exception:
            return None
        return str(chosen) if chosen else None


def _answers(book: Any, name: str) -> dict[str, str] | None:
    """The questions of the button (core/buttons.py) in Excel's own boxes; None when one is cancelled."""
    from mentorxl.core.buttons import FILE, button

    typed: dict[str, str] = {}
    for question in button(name).asks:
        answer = (_pick_file(book, *question.file_filter) if question.kind == FILE
                  else _ask(book, question.prompt))
        if answer is None:
            return None
        typed[question.key] = answer
    return typed


def click(name: str, book: Any | None = None) -> Any:
    """One button of «Панель» (core/buttons.py): ask its questions, run its action, tell the user.
    A cancelled question ends the click quietly: nothing is written and nothing is said."""
    from mentorxl.actions.buttons import read_answers, run_button
    from mentorxl.errors import MentorXLError

    caller = _caller(book)
    typed = _answers(caller, name)
    if typed is None:
        return None
    try:
        answers = read_answers(name, typed)
    except MentorXLError as error:
        _alert(caller, f"{error.message}\n\n{error.hint}".strip())
        return None
    return _run(caller, lambda port: run_button(name, port, answers, today=_today()))


def __getattr__(name: str) -> Callable[..., Any]:
    """`mentorxl.excel.check_data()` and the other button names (the VBA Subs call them through RunPython)."""
    from mentorxl.core.buttons import BY_NAME

    if name in BY_NAME:
        return lambda book=None: click(name, book)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
