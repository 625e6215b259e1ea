"""The Calc buttons: the Python macro embedded in the .ods (macros/mentorxl_buttons.py) calls `click` here.

A click asks the questions of its button (core/buttons.py: the order's number and date in a UNO dialog, the
survey export in LibreOffice's file picker opened in the book's folder; «Отмена» ends it quietly) and runs
the action through the runner both suites share (actions/buttons.py) on the open document (`CalcBook`);
LibreOffice itself saves the document; Word files are written next to it and opened in Writer. The
outcome is shown in a Russian message box; with MENTORXL_NO_DIALOGS set (tests, servers) messages
are appended to the file MENTORXL_MESSAGES instead, and nothing is opened.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import traceback
from collections.abc import Sequence
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


def _book_folder(doc: Any) -> str:
    """The URL of the folder of the open document ("" for a document never saved)."""
    url = str(getattr(doc, "getURL", lambda: "")() or "")
    return url.rsplit("/", 1)[0] + "/" if "/" in url else ""


def _pick_file(ctx: Any, doc: Any, title: str, pattern: str) -> str | None:
    """LibreOffice's file picker, opened in the book's folder; None when the user cancels.
    Headless: the file named by MENTORXL_IMPORT_FILE, else none."""
    if _headless():
        return os.environ.get("MENTORXL_IMPORT_FILE") or None
    picker = ctx.getServiceManager().createInstanceWithContext("com.sun.star.ui.dialogs.FilePicker", ctx)
    picker.appendFilter(title, pattern)
    folder = _book_folder(doc)
    if folder:
        picker.setDisplayDirectory(folder)
    if picker.execute() != 1:
        return None
    from urllib.parse import unquote, urlparse

    return unquote(urlparse(picker.getFiles()[0]).path)


def _ask(ctx: Any, doc: Any, questions: Sequence[Any]) -> dict[str, str] | None:
    """The text questions of a button in one UNO dialog (a label and a field each, «ОК» and «Отмена»);
    None when the user cancels. Headless: MENTORXL_ANSWER_<KEY> (NUMBER, DATE...), else empty."""
    if _headless():
        return {q.key: os.environ.get(f"MENTORXL_ANSWER_{q.key.upper()}", "") for q in questions}
    smgr = ctx.getServiceManager()
    model = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", ctx)
    width, row = 220, 30
    model.Width, model.Height, model.Title = width, 20 + row * len(questions) + 24, TITLE

    def add(kind: str, name: str, x: int, y: int, w: int, h: int, **props: Any) -> None:
        control = model.createInstance(f"com.sun.star.awt.UnoControl{kind}Model")
        control.PositionX, control.PositionY, control.Width, control.Height = x, y, w, h
        for key, value in props.items():
            setattr(control, key, value)
        model.insertByName(name, control)

    for i, question in enumerate(questions):
        add("FixedText", f"label_{question.key}", 8, 8 + i * row, width - 16, 10, Label=question.prompt)
        add("Edit", question.key, 8, 19 + i * row, width - 16, 12)
    bottom = 12 + row * len(questions)
    add("Button", "ok", width - 116, bottom, 50, 14, Label="ОК", PushButtonType=1, DefaultButton=True)
    add("Button", "cancel", width - 58, bottom, 50, 14, Label="Отмена", PushButtonType=2)
    dialog = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialog", ctx)
    dialog.setModel(model)
    toolkit = smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    parent = doc.getCurrentController().getFrame().getContainerWindow()
    dialog.createPeer(toolkit, parent)
    with contextlib.suppress(Exception):  # over the middle of the book's window, not in a corner of the screen
        outer, size = parent.getPosSize(), dialog.getPosSize()
        dialog.setPosSize(outer.X + (outer.Width - size.Width) // 2, outer.Y + (outer.Height - size.Height) // 3,
                          0, 0, 3)  # PosSize.POS
    try:
        if dialog.execute() != 1:
            return None
        return {q.key: str(dialog.getControl(q.key).getText()) for q in questions}
    finally:
        dialog.dispose()


def _answers(ctx: Any, doc: Any, name: str) -> dict[str, str] | None:
    """The questions of the button (core/buttons.py), as Excel asks them; None when one is cancelled."""
    from mentorxl.core.buttons import FILE, button

    asks = button(name).asks
    typed: dict[str, str] = {}
    texts = [q for q in asks if q.kind != FILE]
    if texts:
        answered = _ask(ctx, doc, texts)
        if answered is None:
            return None
        typed.update(answered)
    for question in (q for q in asks if q.kind == FILE):
        chosen = _pick_file(ctx, doc, *question.file_filter)
        if chosen is None:
            return None
        typed[question.key] = chosen
    return typed


def _run(port: Any, name: str, answers: Any) -> Any:
    from mentorxl.actions.base import today
    from mentorxl.actions.buttons import run_button

    return run_button(name, port, answers, today=today())


def click(ctx: Any, doc: Any, button: str) -> Any:
    """One button: ask its questions, run its action on the open document, save it, tell the user.
    A cancelled question ends the click quietly: nothing is written, nothing is said."""
    from mentorxl.actions.buttons import read_answers
    from mentorxl.book.calc import CalcBook
    from mentorxl.errors import MentorXLError

    typed = _answers(ctx, doc, button)
    if typed is None:
        return None
    try:
        answers = read_answers(button, typed)
        port = CalcBook(doc)
        outcome = _run(port, button, answers)
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
