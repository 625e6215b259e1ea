"""What a Calc button does around its action (mentorxl.libreoffice.click), on fakes of the few UNO objects it
touches: Word files opened in Writer when a person sits at the screen, nothing opened and messages written
to a file when MENTORXL_NO_DIALOGS is set (tests, servers), the document saved only after a success."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from mentorxl import libreoffice
from mentorxl.actions.base import Outcome
from mentorxl.errors import NothingToDo


class Port:
    def __init__(self, doc: Any):
        self.doc = doc
        self.saves = 0

    def save(self) -> None:
        self.saves += 1


class Desktop:
    def __init__(self) -> None:
        self.opened: list[str] = []

    def loadComponentFromURL(self, url: str, frame: str, flags: int, args: tuple[Any, ...]) -> None:
        self.opened.append(url)


class Context:
    """The component context: its service manager makes the Desktop."""

    def __init__(self) -> None:
        self.desktop = Desktop()

    def getServiceManager(self) -> Context:
        return self

    def createInstanceWithContext(self, name: str, ctx: Any) -> Desktop:
        assert name == "com.sun.star.frame.Desktop"
        return self.desktop


class Box:
    def __init__(self, shown: list[tuple[int, str]], kind: int, text: str):
        self.shown, self.kind, self.text = shown, kind, text

    def execute(self) -> int:
        self.shown.append((self.kind, self.text))
        return 1


class Document:
    """The open document as far as a message box needs it: controller → frame → window → toolkit."""

    def __init__(self) -> None:
        self.boxes: list[tuple[int, str]] = []

    def getCurrentController(self) -> Document:
        return self

    def getFrame(self) -> Document:
        return self

    def getContainerWindow(self) -> Document:
        return self

    def getToolkit(self) -> Document:
        return self

    def createMessageBox(self, window: Any, kind: int, buttons: int, title: str, text: str) -> Box:
        assert title == "MentorXL"
        return Box(self.boxes, kind, text)


ERRORBOX, INFOBOX = 2, 1


@pytest.fixture
def calc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """A click's surroundings: the UNO message-box constants, CalcBook replaced by a port that counts saves,
    and an action per test."""
    names = ("com", "com.sun", "com.sun.star", "com.sun.star.awt", "com.sun.star.awt.MessageBoxType")
    for name in names:
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    box_types = sys.modules["com.sun.star.awt.MessageBoxType"]
    box_types.ERRORBOX, box_types.INFOBOX = ERRORBOX, INFOBOX  # type: ignore[attr-defined]
    ports: list[Port] = []

    def make_port(doc: Any) -> Port:
        ports.append(Port(doc))
        return ports[-1]

    import mentorxl.book.calc

    monkeypatch.setattr(mentorxl.book.calc, "CalcBook", make_port)
    monkeypatch.delenv("MENTORXL_NO_DIALOGS", raising=False)
    monkeypatch.delenv("MENTORXL_MESSAGES", raising=False)
    order = tmp_path / "Приказ № 1.docx"
    book = tmp_path / "Наставничество.ods"
    outcome = Outcome("Приказ № 1 готов.", files=[order, book], open_files=True)
    state: dict[str, Any] = {"ports": ports, "order": order, "book": book, "outcome": outcome}

    def action(port: Any) -> Outcome:
        if "error" in state:
            raise state["error"]
        return outcome

    monkeypatch.setattr(libreoffice, "_run", lambda port, name, answers: action(port))
    monkeypatch.setattr(libreoffice, "_answers", lambda ctx, doc, name: state.get("typed", {}))
    return state


def test_with_a_screen_the_word_file_opens_in_writer_and_the_result_is_shown_in_a_box(calc: dict[str, Any]) -> None:
    ctx, doc = Context(), Document()
    libreoffice.click(ctx, doc, "make_order")
    assert ctx.desktop.opened == [calc["order"].resolve().as_uri()]  # the Word file, not the book itself
    [(kind, text)] = doc.boxes
    assert kind == INFOBOX and text.startswith("Приказ № 1 готов.") and str(calc["order"]) in text
    assert calc["ports"][0].saves == 1


def test_headless_nothing_is_opened_and_the_message_goes_to_the_messages_file(
    calc: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    messages = tmp_path / "messages.txt"
    monkeypatch.setenv("MENTORXL_NO_DIALOGS", "1")
    monkeypatch.setenv("MENTORXL_MESSAGES", str(messages))
    ctx, doc = Context(), Document()
    libreoffice.click(ctx, doc, "make_order")
    assert ctx.desktop.opened == [] and doc.boxes == []
    assert messages.read_text(encoding="utf-8").startswith("Приказ № 1 готов.")
    assert calc["ports"][0].saves == 1


def test_a_result_not_meant_to_be_opened_is_not_opened(calc: dict[str, Any]) -> None:
    calc["outcome"].open_files = False  # programs and agreements: dozens of files, the folder is named instead
    ctx, doc = Context(), Document()
    libreoffice.click(ctx, doc, "make_order")
    assert ctx.desktop.opened == [] and len(doc.boxes) == 1


def test_a_problem_with_the_data_is_an_error_box_in_russian_and_the_document_is_not_saved(
    calc: dict[str, Any]
) -> None:
    calc["error"] = NothingToDo("Нет утверждённых пар без приказа.", "Сначала утвердите пары.")
    ctx, doc = Context(), Document()
    assert libreoffice.click(ctx, doc, "make_order") is None
    assert doc.boxes == [(ERRORBOX, "Нет утверждённых пар без приказа.\n\nСначала утвердите пары.")]
    assert ctx.desktop.opened == [] and calc["ports"][0].saves == 0


def test_the_import_button_loads_a_word_roadmap_and_complete_pairs_is_a_button(monkeypatch) -> None:
    from datetime import date

    from mentorxl.actions.buttons import ACTIONS, run_button
    from mentorxl.book.fake import FakeBook
    from mentorxl.core import contract as k
    from tests.builders import grid, minimal_book

    document = Path(__file__).resolve().parents[1] / "data" / "roadmaps" / "no_terms.docx"
    assert "complete_pairs" in ACTIONS
    book = FakeBook(minimal_book(**{k.ROADMAP.name: grid(k.ROADMAP, [])}))
    outcome = run_button("import_surveys", book, {"file": document}, today=date(2025, 9, 20))
    assert outcome.message.startswith("Дорожная карта из «no_terms.docx»")
    assert [e.event for e in book.read().roadmap][:1] == ["Изучение нормативной базы"]


def test_a_cancelled_question_is_not_an_error_nothing_runs_nothing_is_said_or_saved(calc: dict[str, Any]) -> None:
    calc["typed"] = None  # «Отмена» in the dialog of the order number
    ctx, doc = Context(), Document()
    assert libreoffice.click(ctx, doc, "make_order") is None
    assert doc.boxes == [] and calc["ports"] == [] and ctx.desktop.opened == []


def test_a_date_that_cannot_be_read_is_an_error_box_before_the_document_is_touched(calc: dict[str, Any]) -> None:
    calc["typed"] = {"number": "15-о", "date": "тридцатое февраля"}
    ctx, doc = Context(), Document()
    assert libreoffice.click(ctx, doc, "make_order") is None
    assert doc.boxes == [(ERRORBOX, "«тридцатое февраля» не читается как дата. Введите, например, 01.09.2025.")]
    assert calc["ports"] == []


def test_calc_asks_the_same_questions_as_excel_and_headless_answers_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MENTORXL_NO_DIALOGS", "1")
    monkeypatch.setenv("MENTORXL_ANSWER_NUMBER", "15-о")
    monkeypatch.setenv("MENTORXL_ANSWER_DATE", "01.10.2025")
    assert libreoffice._answers(Context(), Document(), "make_order") == {"number": "15-о", "date": "01.10.2025"}
    monkeypatch.delenv("MENTORXL_IMPORT_FILE", raising=False)
    assert libreoffice._answers(Context(), Document(), "import_surveys") is None  # no file: as a cancel


class Picker:
    def __init__(self) -> None:
        self.folder, self.filters = "", []

    def appendFilter(self, title: str, pattern: str) -> None:
        self.filters.append((title, pattern))

    def setDisplayDirectory(self, url: str) -> None:
        self.folder = url

    def execute(self) -> int:
        return 0  # «Отмена»


def test_the_calc_file_picker_opens_in_the_folder_of_the_book(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MENTORXL_NO_DIALOGS", raising=False)
    picker = Picker()

    class PickerContext(Context):
        def createInstanceWithContext(self, name: str, ctx: Any) -> Any:
            assert name == "com.sun.star.ui.dialogs.FilePicker"
            return picker

    doc = Document()
    doc.getURL = lambda: "file:///home/kurator/%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0/book.ods"  # type: ignore[attr-defined]
    assert libreoffice._answers(PickerContext(), doc, "import_surveys") is None
    assert picker.folder == "file:///home/kurator/%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0/"
    assert picker.filters == [("Выгрузка анкет или дорожная карта (*.xlsx, *.csv, *.docx, *.doc, *.odt)",
                               "*.xlsx;*.csv;*.docx;*.doc;*.odt")]
