"""The Excel buttons of mentorxl.excel, clicked on a fake of the xlwings book filled with the demo school:
what each writes into the sheets, what the message box says, and that a user never sees a traceback."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

import mentorxl.excel as excel
from mentorxl.builder.demo import DOCS_FOLDER
from mentorxl.builder.workbook import build_workbook
from mentorxl.core import contract as k
from mentorxl.core.buttons import BY_NAME
from tests.fakes.xlwings_fake import FakeExcelBook

TODAY = date(2025, 11, 20)


@pytest.fixture(scope="module")
def demo_grids(tmp_path_factory) -> dict[str, list[list[object]]]:
    path = build_workbook(tmp_path_factory.mktemp("demo") / "school.xlsx", demo=True, today=TODAY)
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}


@pytest.fixture
def excel_book(demo_grids, tmp_path, monkeypatch):
    monkeypatch.setattr(excel, "_today", lambda: TODAY)
    monkeypatch.setattr(excel, "_open", lambda path: None)

    def make(**options: object) -> FakeExcelBook:
        return FakeExcelBook({name: [list(r) for r in rows] for name, rows in demo_grids.items()},
                             fullname=str(tmp_path / "Наставничество.xlsm"), **options)  # type: ignore[arg-type]
    return make


CONSENTS = ("Согласие на наставничество", "Согласие на обработку ПДн")


def _corrected(grids: dict[str, list[list[object]]]) -> dict[str, list[list[object]]]:
    """The demo school after the куратор fixed what «Проверить данные» found: names in Russian letters, every
    consent dated. The readiness gate lets documents through only then."""
    from mentorxl.core.text import fix_lookalikes, hidden_latin

    fixed = {name: [[fix_lookalikes(v) if isinstance(v, str) and hidden_latin(v) else v for v in row]
                    for row in rows] for name, rows in grids.items()}
    for sheet in (k.MENTEES.name, k.MENTORS.name):
        rows = fixed[sheet]
        columns = [i for i, h in enumerate(rows[0]) if h in CONSENTS]
        for row in rows[1:]:
            if row and row[0]:
                for i in columns:
                    row[i] = date(2025, 9, 1)
    return fixed


@pytest.fixture
def corrected_book(demo_grids, tmp_path, monkeypatch):
    monkeypatch.setattr(excel, "_today", lambda: TODAY)
    monkeypatch.setattr(excel, "_open", lambda path: None)

    def make(**options: object) -> FakeExcelBook:
        return FakeExcelBook(_corrected(demo_grids), fullname=str(tmp_path / "Наставничество.xlsm"),
                             **options)  # type: ignore[arg-type]
    return make


def _column(sheet, header: str) -> int:
    headers = {v: c for (r, c), v in sheet.cells.items() if r == 1}
    return headers[header]


def _rows(sheet) -> int:
    return max(r for r, _ in sheet.cells)


def test_check_data_lists_the_problems_with_links_and_colours_the_cell_of_each_error(excel_book):
    xl = excel_book()
    excel.check_data(xl)
    problems = xl.sheet(k.PROBLEMS.name)
    codes = [v for (r, c), v in problems.cells.items() if c == _column(problems, "Код") and r > 1]
    assert sorted(codes).count("latin_in_name") == 1 and "bad_date" in codes
    assert any(link.startswith("#") for link in problems.links.values())
    mentees = xl.sheet(k.MENTEES.name)
    assert mentees.colors, "the problem cells of «Наставляемые» are highlighted"
    (message,) = xl.app.alerts
    assert message.startswith("Проверка завершена") and "Traceback" not in message


def test_match_then_approve_fills_suggestions_and_adds_approved_pairs_to_the_pairs_sheet(excel_book):
    xl = excel_book()
    excel.match_pairs(xl)
    suggestions = xl.sheet(k.SUGGESTIONS.name)
    mentor_col, decision_col = _column(suggestions, "Наставник"), _column(suggestions, "Решение")
    rows = [r for (r, c), v in suggestions.cells.items() if c == mentor_col and r > 1 and v]
    assert rows and xl.app.alerts[-1].startswith("Подбор завершён")
    pairs = xl.sheet(k.PAIRS.name)
    before = _rows(pairs)
    for r in rows:
        suggestions.cells[(r, decision_col)] = "Утвердить"
    excel.approve_pairs(xl)
    assert _rows(pairs) > before
    assert "«Пары» добавлено" in xl.app.alerts[-1] or "В «Пары» добавлено" in xl.app.alerts[-1]


def test_make_order_asks_number_and_date_writes_the_order_beside_the_book_and_records_it(corrected_book, tmp_path):
    xl = corrected_book(answers=["", ""])
    excel.match_pairs(xl)
    suggestions = xl.sheet(k.SUGGESTIONS.name)
    mentor_col, decision_col = _column(suggestions, "Наставник"), _column(suggestions, "Решение")
    for r in [r for (r, c), v in suggestions.cells.items() if c == mentor_col and r > 1 and v]:
        suggestions.cells[(r, decision_col)] = "Утвердить"
    excel.approve_pairs(xl)
    excel.make_order(xl)
    orders = list((tmp_path / DOCS_FOLDER).glob("Приказ*.docx"))
    assert len(orders) == 1 and str(orders[0]) in xl.app.alerts[-1]
    assert len(xl.app.api.prompts) == 2
    pairs = xl.sheet(k.PAIRS.name)
    number_col = _column(pairs, "Номер приказа")
    assert any(v for (r, c), v in pairs.cells.items() if c == number_col and r > 1)


def test_the_demo_as_it_comes_gets_the_list_of_what_to_fix_instead_of_programs(excel_book, tmp_path):
    xl = excel_book()
    excel.pair_documents(xl)  # the demo keeps a mentor of a pair in force without the consent to mentor
    assert not list((tmp_path / DOCS_FOLDER).rglob("Программа*.docx"))
    message = xl.app.alerts[-1]
    assert "документ не составлен" in message and "лист «Наставники», строка" in message
    assert "Traceback" not in message


def test_cancelling_the_order_number_box_does_nothing_and_says_nothing(excel_book, tmp_path):
    xl = excel_book(answers=[False])
    assert excel.make_order(xl) is None
    assert xl.app.alerts == [] and not (tmp_path / DOCS_FOLDER).exists()


def test_a_date_that_cannot_be_read_is_a_message_before_anything_is_written(excel_book, tmp_path):
    xl = excel_book(answers=["15-о", "тридцатое февраля"])
    excel.make_order(xl)
    assert xl.app.alerts == ["«тридцатое февраля» не читается как дата. Введите, например, 01.09.2025."]
    assert not (tmp_path / DOCS_FOLDER).exists()


def test_a_user_error_is_a_russian_message_with_what_to_do_never_a_traceback(excel_book):
    xl = excel_book(answers=["", ""])
    excel.make_order(xl)  # the demo has no approved pair without an order yet
    (message,) = xl.app.alerts
    assert "Traceback" not in message and "приказ" in message.lower()


def test_a_bug_is_a_short_message_and_the_details_go_to_the_log_file(excel_book, tmp_path, monkeypatch):
    log = tmp_path / "mentorxl-excel.log"
    monkeypatch.setattr(excel, "LOG", log)

    def broken(port, today):
        raise KeyError("column")

    monkeypatch.setattr("mentorxl.actions.check.check_book", broken)
    xl = excel_book()
    excel.check_data(xl)
    (message,) = xl.app.alerts
    assert message.startswith("Внутренняя ошибка MentorXL: KeyError") and str(log) in message
    assert "Traceback" in log.read_text(encoding="utf-8") and "Traceback" not in message


def test_a_cancelled_file_picker_is_not_an_error_nothing_is_said_and_nothing_written(excel_book):
    xl = excel_book()
    surveys = xl.sheet(k.SURVEYS.name)
    before = dict(surveys.cells)
    assert excel.import_surveys(xl) is None
    assert xl.app.alerts == [] and surveys.cells == before


def test_the_file_picker_opens_in_the_folder_of_the_book(excel_book, tmp_path):
    xl = excel_book()
    dialogs: list[FakeFileDialog] = []
    xl.app.api.FileDialog = lambda kind: dialogs.append(FakeFileDialog(kind)) or dialogs[-1]
    excel.import_surveys(xl)
    (dialog,) = dialogs
    assert dialog.kind == 3 and dialog.InitialFileName == str(tmp_path) + os.sep
    assert dialog.filters == [("Выгрузка анкет или дорожная карта (*.xlsx, *.csv, *.docx, *.doc, *.odt)",
                               "*.xlsx;*.csv;*.docx;*.doc;*.odt")] and xl.app.alerts == []


class FakeFileDialog:
    """Excel's FileDialog(msoFileDialogFilePicker) as far as the picker uses it; the user cancels."""

    def __init__(self, kind: int):
        self.kind, self.filters, self.InitialFileName = kind, [], ""
        self.Filters = self

    def Clear(self) -> None:
        self.filters.clear()

    def Add(self, title: str, pattern: str) -> None:
        self.filters.append((title, pattern))

    def Show(self) -> int:
        return 0  # «Отмена»


def test_update_roadmap_reports_the_overdue_events(excel_book):
    xl = excel_book()
    excel.update_roadmap(xl)
    assert xl.app.alerts[-1].startswith("Дорожная карта: мероприятий")



def test_pair_documents_writes_programs_and_agreements_beside_the_book_and_lists_them(corrected_book, tmp_path):
    xl = corrected_book()
    excel.pair_documents(xl)
    folder = tmp_path / DOCS_FOLDER
    programs = list(folder.rglob("Программа*.docx"))
    agreements = list(folder.rglob("*соглашение*.docx")) + list(folder.rglob("*Соглашение*.docx"))
    assert programs and agreements
    (message,) = xl.app.alerts
    assert message.startswith("Персонализированные программы наставничества")
    assert "Дополнительные соглашения" in message and str(programs[0].parent) in message


def test_the_monitoring_report_is_written_and_opened_for_the_user(excel_book, tmp_path, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(excel, "_open", opened.append)
    xl = excel_book()
    excel.monitoring_report(xl)
    (message,) = xl.app.alerts
    assert message.startswith("Аналитическая справка готова")
    assert opened and opened[0].suffix == ".docx" and opened[0].exists()
    assert opened[0].is_relative_to(tmp_path / DOCS_FOLDER)


def test_import_surveys_appends_the_answers_of_the_chosen_export_to_the_surveys_sheet(excel_book, tmp_path):
    mentee = _first_name(excel_book(), k.MENTEES.name)
    export = tmp_path / "Итоговая анкета (Ответы).csv"
    export.write_text("Отметка времени;ФИО;Ваша роль в программе;Оцените полезность встреч (от 1 до 10)\n"
                      f"20.05.2026 10:00;{mentee};Наставляемый;9\n", encoding="utf-8-sig")
    xl = excel_book(open_file=str(export))
    surveys = xl.sheet(k.SURVEYS.name)
    before = _rows(surveys)
    excel.import_surveys(xl)
    assert _rows(surveys) == before + 1
    respondent = _column(surveys, "Респондент")
    assert surveys.cells[(before + 1, respondent)] == mentee
    assert "Traceback" not in xl.app.alerts[-1] and _russian(xl.app.alerts[-1])


def test_the_problems_sheet_links_each_problem_to_the_very_cell_it_names(excel_book):
    xl = excel_book()
    excel.check_data(xl)
    problems = xl.sheet(k.PROBLEMS.name)
    sheet_col, row_col = _column(problems, "Лист"), _column(problems, "Строка")
    linked = {r: address for (r, c), address in problems.links.items() if c == sheet_col}
    assert linked
    for r, address in linked.items():
        sheet, cell = address.removeprefix("#").rsplit("!", 1)
        assert sheet.strip("'") == problems.cells[(r, sheet_col)]
        assert int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) == problems.cells[(r, row_col)]


def test_every_button_speaks_russian_to_the_user(excel_book, tmp_path):
    export = tmp_path / "Анкета.csv"
    export.write_text("Отметка времени;ФИО;Ваша роль в программе\n", encoding="utf-8-sig")
    for name in BY_NAME:
        xl = excel_book(answers=["", ""], open_file=str(export))
        getattr(excel, name)(xl)
        assert xl.app.alerts, name
        assert all(_russian(text) and "Traceback" not in text for text in xl.app.alerts), (name, xl.app.alerts)


def test_the_users_own_columns_and_colours_survive_every_button(excel_book):
    xl = excel_book(answers=["", ""])
    mentees = xl.sheet(k.MENTEES.name)
    sheets = [mentees, xl.sheet(k.SUGGESTIONS.name), xl.sheet(k.PAIRS.name), xl.sheet(k.ROADMAP.name)]
    own: dict[str, tuple[int, dict[tuple[int, int], object]]] = {}
    for sheet in sheets:
        right = max(c for _, c in sheet.cells) + 2  # a gap, then the user's own column with notes
        sheet.cells[(1, right)] = "Мои заметки"
        for row in (2, 3, 40):
            sheet.cells[(row, right)] = f"заметка {row}"
            sheet.colors[(row, right)] = (198, 239, 206)
        own[sheet.name] = (right, {cell: v for cell, v in sheet.cells.items() if cell[1] == right})
    name_col = _column(mentees, "ФИО")
    mentees.colors[(3, name_col)] = (221, 235, 247)  # the user's blue on a cell without problems
    for name in ("check_data", "match_pairs", "approve_pairs", "make_order", "update_roadmap", "check_data"):
        getattr(excel, name)(xl)
    for sheet in sheets:
        right, cells = own[sheet.name]
        assert {cell: v for cell, v in sheet.cells.items() if cell[1] == right} == cells, sheet.name
        assert all(sheet.colors.get((row, right)) == (198, 239, 206) for row in (2, 3, 40)), sheet.name
        assert not any(c == right for _, c in sheet.written), sheet.name
    assert mentees.colors[(3, name_col)] == (221, 235, 247)


def _first_name(xl: FakeExcelBook, sheet_name: str) -> str:
    sheet = xl.sheet(sheet_name)
    return str(sheet.cells[(2, _column(sheet, "ФИО"))])


def _russian(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in letters) > len(letters) / 2


def test_import_surveys_of_a_word_document_loads_the_roadmap(excel_book, tmp_path):
    document = Path(__file__).resolve().parents[1] / "data" / "roadmaps" / "no_terms.docx"
    xl = excel_book(open_file=str(document))
    roadmap = xl.sheet(k.ROADMAP.name)
    before = _rows(roadmap)
    excel.import_surveys(xl)
    assert _rows(roadmap) == before + 3
    assert xl.app.alerts[-1].startswith("Дорожная карта из «no_terms.docx»")


def test_complete_pairs_ends_a_named_pair_early_with_the_reason_typed(excel_book):
    xl = excel_book(answers=["2", "Переезд наставника"])
    excel.complete_pairs(xl)
    pairs = xl.sheet(k.PAIRS.name)
    reason = _column(pairs, "Причина завершения")
    assert "Переезд наставника" in pairs.cells.values() and any(c == reason for (_, c) in pairs.cells)
    assert xl.app.alerts[-1].startswith("Завершение пар на 20.11.2025: расторгнуто досрочно — 1")


def test_complete_pairs_with_no_pair_due_says_so_in_russian(excel_book):
    xl = excel_book(answers=[""])
    excel.complete_pairs(xl)
    assert "Нет действующих пар, срок которых закончился" in xl.app.alerts[-1]


def test_import_surveys_adds_the_activities_of_a_word_roadmap_the_book_lacks(excel_book):
    document = Path(__file__).resolve().parents[1] / "data" / "roadmaps" / "no_terms.docx"
    xl = excel_book(open_file=str(document))
    excel.import_surveys(xl)
    assert "загружено мероприятий — 3" in xl.app.alerts[-1]
    roadmap = xl.sheet(k.ROADMAP.name)
    events = [v for (r, c), v in roadmap.cells.items() if c == _column(roadmap, "Мероприятие") and r > 1 and v]
    assert {"Изучение нормативной базы", "Создание рабочей группы",
            "Собеседования с опытными педагогами"} <= set(events)
