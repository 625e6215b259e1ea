"""The book a куратор opens looks finished in Excel, checked through the built file: «Решение» right after the
names on «Подбор», highlighted, with its dropdown, approved rows marked; dates shown as dates on «Настройки»;
«Ошибки» ordered for a reader and coloured by importance, its links styled as links, its code last and narrow;
no word of a header broken; the document marked Russian."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from mentorxl.builder.layout import WORD_WIDTH, book_layout
from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v

TODAY = date(2025, 11, 20)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mentorxl.builder.workbook import build_workbook

    return build_workbook(tmp_path_factory.mktemp("finished") / "Наставничество.xlsx", demo=True, today=TODAY)


@pytest.fixture(scope="module")
def wb(demo: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(demo)


def _headers(ws) -> list[str]:
    return [c.value for c in ws[1] if c.value is not None]


def _fill(cell) -> str:
    return str(cell.fill.fgColor.rgb)[-6:]


def _rules(ws) -> list[tuple[str, str, object]]:
    """(range, formula, the differential style) of every conditional format of a sheet."""
    return [(str(cf.sqref), rule.formula[0], rule.dxf) for cf in ws.conditional_formatting for rule in cf.rules]


def test_decision_stands_right_after_the_two_names_and_the_long_explanation_is_last(wb):
    headers = _headers(wb[k.SUGGESTIONS.name])
    assert headers[:3] == ["Наставляемый", "Наставник", "Решение"] and headers[-1] == "Пояснение"


def test_the_decision_column_is_highlighted_and_has_its_dropdown(wb):
    ws = wb[k.SUGGESTIONS.name]
    columns = ws.column_dimensions  # the sheet is empty until «Подобрать пары»: the format is the column's
    assert _fill(ws["C1"]) == "FFD966" and _fill(columns["C"]) == "FFF2CC" and _fill(columns["B"]) == "000000"
    (dropdown,) = [dv for dv in ws.data_validations.dataValidation if "C2" in str(dv.sqref)]
    assert dropdown.type == "list" and dropdown.formula1 == "lstDecisions"


def test_a_row_approved_and_already_in_pairs_is_marked_green(wb):
    ((rng, formula, dxf),) = _rules(wb[k.SUGGESTIONS.name])
    assert rng.startswith("A2:") and f'"{v.DECISION_APPROVE}"' in formula and "SEARCH($A2,'Пары'!$C$2" in formula
    assert str(dxf.fill.bgColor.rgb).endswith("C6EFCE")


def test_the_start_date_on_the_settings_sheet_shows_as_a_date_not_a_serial_number(wb):
    ws = wb[k.SETTINGS.name]
    (row,) = [r for r in ws.iter_rows(min_row=2) if r[0].value == k.SET_START]
    assert isinstance(row[1].value, datetime) and row[1].number_format == "dd.mm.yyyy"


def test_the_problems_sheet_reads_where_what_how_to_fix_and_the_code_last_and_narrow(wb):
    ws = wb[k.PROBLEMS.name]
    assert _headers(ws) == ["Лист", "Строка", "Столбец", "Важность", "Проблема", "Как исправить", "Значение", "Код"]
    assert ws.column_dimensions["H"].width <= 12 < ws.column_dimensions["E"].width


def test_errors_are_red_warnings_yellow_and_the_links_look_like_links(wb):
    ws = wb[k.PROBLEMS.name]
    colours = {re.search(r'"(\w+)"', formula).group(1): str(dxf.fill.bgColor.rgb)[-6:]
               for _, formula, dxf in _rules(ws)}
    assert colours == {"Ошибка": "FFC7CE", "Предупреждение": "FFEB9C"}
    assert all(rng.startswith("B2:") for rng, _, _ in _rules(ws))  # the link column keeps its colour
    link = ws.column_dimensions["A"].font
    assert link.underline == "single" and str(link.color.rgb).endswith("0563C1")


def test_no_word_of_a_header_or_of_a_dropdown_value_is_broken_across_lines():
    layout = book_layout(org=None, year_start=2025, variant="school", today=TODAY)
    for sheet in layout.sheets:
        for table in sheet.tables:
            for column in table.columns:
                words = [*column.header.split(),
                         *(w for value in v.DEFAULT_LISTS.get(column.list_title, ()) for w in value.split())]
                assert column.width >= max(len(w) for w in words) * WORD_WIDTH + 1, (sheet.name, column.header)
    severity = next(c for c in layout.table(k.PROBLEMS.table).columns if c.key == "severity")
    assert severity.width >= len("Предупреждение") * WORD_WIDTH


@pytest.mark.parametrize("name", ["Наставничество.xlsx", "Наставничество.xlsm"])
def test_the_workbook_is_marked_russian(tmp_book, name):
    with zipfile.ZipFile(tmp_book(name)) as z:
        assert "<dc:language>ru-RU</dc:language>" in z.read("docProps/core.xml").decode("utf-8")


def test_the_monitoring_workbook_is_marked_russian(tmp_path, demo):
    from mentorxl.actions.monitoring import monitoring_report
    from mentorxl.book.headless import HeadlessBook

    outcome = monitoring_report(HeadlessBook(demo), out_dir=tmp_path, today=TODAY)
    (book,) = [f for f in outcome.files if f.suffix == ".xlsx"]
    with zipfile.ZipFile(book) as z:
        assert "<dc:language>ru-RU</dc:language>" in z.read("docProps/core.xml").decode("utf-8")
