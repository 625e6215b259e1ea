"""The Excel buttons of mentorxl.excel, clicked on a fake of the xlwings book filled with the demo school:
what each writes into the sheets, what the message box says, and that a user never sees a traceback."""

from __future__ import annotations

from datetime import date

import pytest
from python_calamine import CalamineWorkbook

import mentorxl.excel as excel
from mentorxl.builder.demo import DOCS_FOLDER
from mentorxl.builder.workbook import build_workbook
from mentorxl.core import contract as k
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


def test_make_order_asks_number_and_date_writes_the_order_beside_the_book_and_records_it(excel_book, tmp_path):
    xl = excel_book(answers=["", ""])
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


def test_import_without_a_chosen_file_says_so(excel_book):
    xl = excel_book()
    excel.import_surveys(xl)
    assert xl.app.alerts == ["Файл выгрузки не выбран."]


def test_update_roadmap_reports_the_overdue_events(excel_book):
    xl = excel_book()
    excel.update_roadmap(xl)
    assert xl.app.alerts[-1].startswith("Дорожная карта: мероприятий")

