"""The Calc buttons: the Python macro embedded in the .ods (macros/mentorxl_buttons.py) calls `click` here.

Each button runs the same action as the command line on the open document through `CalcBook`;
LibreOffice itself saves the document; Word files are written next to it and opened in Writer. The
outcome is shown in a Russian message box; with MENTORXL_NO_DIALOGS set (tests, servers) messages
are appended to the file MENTORXL_MESSAGES instead, and nothing is opened.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

TITLE = "MentorXL"
LOG = Path(tempfile.gettempdir()) / "mentorxl-calc.log"


def _headless() -> bool:
    return bool(os.environ.get("MENTORXL_NO_DIALOGS"))


def say(ctx: Any, doc: Any, text: str, error: bool = False) -> None:
    """A message box over the document, or a line in MENTORXL_MESSAGES when there is no screen."""
    if _headless():
        target = os.environ.get("MENTORXL_MESSAGES")
        if target:
            with Path(target).open("a", encoding="utf-8") as f:
                f.write(text.replace("\n", " ") + "\n")
        return
    try:
        window = doc.getCurrentController().getFrame().getContainerWindow()
        toolkit = window.getToolkit()
        from com.sun.star.awt.MessageBoxType import ERRORBOX, INFOBOX

        box = toolkit.createMessageBox(window, ERRORBOX if error else INFOBOX, 1, TITLE, text)
        box.execute()
    except Exception:
        with LOG.open("a", encoding="utf-8") as log:
            log.write(text + "\n")


def _open(ctx: Any, path: Path) -> None:
    if _headless():
        return
    desktop = ctx.getServiceManager().createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    desktop.loadComponentFromURL(path.resolve().as_uri(), "_blank", 0, ())


def _pick_file(ctx: Any) -> Path | None:
    chosen = os.environ.get("MENTORXL_IMPORT_FILE")
    if chosen or _headless():
        return Path(chosen) if chosen else None
    picker = ctx.getServiceManager().createInstanceWithContext("com.sun.star.ui.dialogs.FilePicker", ctx)
    picker.appendFilter("Выгрузка анкет или дорожная карта", "*.xlsx;*.csv;*.docx;*.doc;*.odt")
    if picker.execute() != 1:
        return None
    from urllib.parse import unquote, urlparse

    return Path(unquote(urlparse(picker.getFiles()[0]).path))


def _actions(ctx: Any) -> dict[str, Callable[[Any], Any]]:
    from mentorxl.actions.base import today

    def check(port: Any) -> Any:
        from mentorxl.actions.check import check_book

        return check_book(port, today=today())

    def match(port: Any) -> Any:
        from mentorxl.actions.pairs import match_pairs

        return match_pairs(port)

    def approve(port: Any) -> Any:
        from mentorxl.actions.pairs import approve_pairs

        return approve_pairs(port, today=today())

    def order(port: Any) -> Any:
        from mentorxl.actions.documents import make_order

        return make_order(port, out_dir=None, number=None, on=None, today=today())

    def documents(port: Any) -> Any:
        from mentorxl.actions.documents import make_documents

        outcomes = [make_documents(port, kind=kind, out_dir=None, today=today())
                    for kind in ("programs", "agreements")]
        first = outcomes[0]
        first.message = "\n".join(o.message for o in outcomes)
        first.files = [f for o in outcomes for f in o.files]
        return first

    def report(port: Any) -> Any:
        from mentorxl.actions.monitoring import monitoring_report

        return monitoring_report(port, out_dir=None, today=today())

    def import_surveys(port: Any) -> Any:
        from mentorxl.actions.monitoring import import_export
        from mentorxl.errors import NothingToDo

        chosen = _pick_file(ctx)
        if chosen is None:
            raise NothingToDo("Файл выгрузки не выбран.", "Нажмите кнопку снова и выберите файл .xlsx или .csv.")
        if chosen.suffix.lower() in (".docx", ".doc", ".odt", ".rtf"):  # a roadmap in Word: «Дорожная карта»
            from mentorxl.actions.roadmap import import_roadmap

            return import_roadmap(port, chosen, overwrite=False, today=today())
        return import_export(port, chosen, as_="survey")

    def complete(port: Any) -> Any:
        from mentorxl.actions.completion import complete_pairs

        return complete_pairs(port, on=None, numbers=None, reason=None, out_dir=None, today=today())

    def roadmap(port: Any) -> Any:
        from mentorxl.actions.monitoring import roadmap_status

        return roadmap_status(port, today=today())

    return {
        "check_data": check, "match_pairs": match, "approve_pairs": approve, "make_order": order,
        "pair_documents": documents, "monitoring_report": report, "import_surveys": import_surveys,
        "update_roadmap": roadmap, "complete_pairs": complete,
    }


def click(ctx: Any, doc: Any, button: str) -> Any:
    """One button: run its action on the open document, save it, tell the user."""
    from mentorxl.book.calc import CalcBook
    from mentorxl.errors import MentorXLError

    port = CalcBook(doc)
    try:
        outcome = _actions(ctx)[button](port)
        port.save()
    except MentorXLError as error:
        say(ctx, doc, f"{error.message}\n\n{error.hint}".strip(), error=True)
        return None
    except Exception as error:
        with LOG.open("a", encoding="utf-8") as log:
            log.write(traceback.format_exc())
        say(ctx, doc, f"Внутренняя ошибка MentorXL: {type(error).__name__}: {error}.\n"
                      f"Подробности записаны в файл {LOG}.", error=True)
        return None
    text = outcome.message
    if outcome.files:
        text += "\n\n" + "\n".join(str(p) for p in outcome.files[:8])
    say(ctx, doc, text)
    if outcome.open_files:
        for path in outcome.files[:3]:
            if path.suffix == ".docx":
                _open(ctx, path)
    return outcome
