"""New master workbooks as files: read back by our reader, by openpyxl (tables, dropdowns, highlights) and by
calamine (the cached values of «Панель»)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import python_calamine as pc

from mentorxl.book.reader import read_program, read_tables
from mentorxl.builder import demo
from mentorxl.builder.layout import (
    FIRST_DUE,
    LAST_DUE,
    LIST_NAMES,
    SURVEY_QUESTIONS,
    overdue_by_formula,
    xlwings_config,
)
from mentorxl.builder.workbook import build_workbook
from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.contract import Kind
from mentorxl.core.problems import Severity
from mentorxl.core.roadmaps import default_roadmap
from mentorxl.core.validation import check
from tests.conftest import TODAY

XLWINGS_VBA = "xl/vbaProject.bin"


def vba_project() -> bytes:
    """A real VBA project to embed: the one of xlwings' quickstart workbook, installed with xlwings."""
    import xlwings

    with zipfile.ZipFile(Path(xlwings.__file__).parent / "quickstart.xlsm") as z:
        return z.read(XLWINGS_VBA)


@pytest.fixture(scope="module")
def blank(tmp_path_factory) -> Path:
    return build_workbook(tmp_path_factory.mktemp("blank") / "Наставничество.xlsx", org="МБОУ «СОШ № 1»",
                          today=TODAY)


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory) -> Path:
    return build_workbook(tmp_path_factory.mktemp("demo") / "Демо.xlsx", demo=True, today=TODAY)


def panel_values(path: Path) -> dict[str, object]:
    book = pc.CalamineWorkbook.from_path(str(path))
    return {str(row[0]): row[1] for row in book.get_sheet_by_name(k.PANEL_NAME).to_python() if row and row[0]}


# ---------------------------------------------------------------- a new book
def test_a_new_book_has_the_sheets_in_contract_order_and_every_table_found(blank):
    assert pc.CalamineWorkbook.from_path(str(blank)).sheet_names == list(k.SHEET_ORDER)
    tables = read_tables(blank, k.SHEETS, k.SHEETS)
    for spec in k.SHEETS:
        table = tables[spec.key]
        assert table.header_row == 1 and not table.missing, spec.name
        assert list(table.columns) == [c.key for c in spec.columns], spec.name


def test_a_new_book_reads_without_problems_other_than_empty_settings(blank):
    data = read_program(blank)
    assert {(p.code, p.sheet) for p in data.problems} <= {("required_empty", k.SETTINGS.name)}
    assert data.settings.get(k.SET_ORG_FULL) == "МБОУ «СОШ № 1»"
    assert data.settings.get(k.SET_YEAR) == "2025/2026"
    assert data.settings.capacity == 2 and data.settings.term_months == 9
    assert data.mentees == [] and data.pairs == [] and data.surveys == []


def test_settings_hold_every_parameter_of_the_contract_in_order_with_defaults_and_notes(blank):
    ws = openpyxl.load_workbook(blank)[k.SETTINGS.name]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == [*k.SETTING_ORDER, "Численность педагогов"]
    by_name = {r[0]: r for r in rows}
    for name, default in k.SETTING_DEFAULTS.items():
        assert str(by_name[name][1]) == default
    for name, note in k.SETTING_NOTES.items():
        assert by_name[name][2] == note


def test_the_roadmap_is_the_default_one_of_the_school_year_numbered_and_planned(blank):
    data = read_program(blank)
    items = default_roadmap("school", 2025)
    assert [(e.stage, e.event, e.term) for e in data.roadmap] == [(i.stage, i.event, i.term) for i in items]
    assert [e.number for e in data.roadmap] == [str(n) for n in range(1, len(items) + 1)]
    assert {e.status for e in data.roadmap} == {v.EVENT_PLANNED}


def test_another_roadmap_variant_is_pre_filled_when_asked(tmp_book):
    data = read_program(tmp_book("ДОУ.xlsx", variant="kindergarten"))
    assert [e.event for e in data.roadmap] == [i.event for i in default_roadmap("kindergarten", 2025)]


def test_the_dictionary_sheet_holds_the_tags_and_every_list_the_reader_finds(blank):
    data = read_program(blank)
    assert data.tags.tags == list(v.DEFAULT_TAGS)
    assert data.lists == {name: list(values) for name, values in v.DEFAULT_LISTS.items()}


def test_surveys_have_the_question_columns_after_the_contract_ones(blank):
    table = read_tables(blank, [k.SURVEYS], [k.SURVEYS])[k.SURVEYS.key]
    assert list(table.extra)[: len(SURVEY_QUESTIONS)] == list(SURVEY_QUESTIONS)


def test_openpyxl_sees_every_contract_table_by_its_name(blank):
    wb = openpyxl.load_workbook(blank)
    for spec in k.SHEETS:
        assert spec.table in wb[spec.name].tables, spec.name
    assert "tblLists" in wb[k.TAGS.name].tables
    assert wb[k.PANEL_NAME].tables == {}


def test_choice_columns_have_dropdowns_from_named_lists_of_the_dictionary_sheet(blank):
    wb = openpyxl.load_workbook(blank)
    lists = wb[k.TAGS.name]
    for spec in k.SHEETS:
        ws = wb[spec.name]
        header = {c.value: c.column_letter for c in ws[1]}
        validations = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
        for column in spec.columns:
            if column.kind is not Kind.CHOICE:
                continue
            dv = validations[f"{header[column.header]}2"]
            assert column.choices is not None
            name = LIST_NAMES[column.choices]
            assert dv.type == "list" and dv.formula1 == name
            reference = wb.defined_names[name].attr_text
            cells = [c.value for row in lists[reference.split("!")[1].replace("$", "")] for c in row]
            assert cells == list(v.DEFAULT_LISTS[column.choices]), name


def test_tag_columns_show_an_input_message_with_example_tags(blank):
    ws = openpyxl.load_workbook(blank)[k.MENTEES.name]
    messages = [dv.prompt for dv in ws.data_validations.dataValidation if dv.prompt]
    assert any(next(iter(v.DEFAULT_TAGS)) in m for m in messages)


def test_headers_carry_the_notes_of_the_contract_as_comments_and_stay_frozen(blank):
    wb = openpyxl.load_workbook(blank)
    ws = wb[k.MENTORS.name]
    comments = {c.value: c.comment.text for c in ws[1] if c.comment}
    assert comments == {c.header: c.note for c in k.MENTORS.columns if c.note}
    assert ws.freeze_panes == "B2" and wb[k.ROADMAP.name].freeze_panes == "A2"


def test_date_columns_are_formatted_day_month_year(demo_book):
    ws = openpyxl.load_workbook(demo_book)[k.PAIRS.name]
    assert ws["F1"].value == "Дата начала"
    assert ws["F2"].number_format == "dd.mm.yyyy"
    assert ws["F2"].value.date() == demo.demo_school(TODAY).pairs[0]["start"]
    assert ws.column_dimensions["F"].width > 10


def test_highlights_cover_consents_overdue_events_and_pairs_without_an_order(blank):
    wb = openpyxl.load_workbook(blank)

    def rules(sheet: str) -> dict[str, str]:
        formats = wb[sheet].conditional_formatting
        return {str(cf.sqref): rule.formula[0] for cf in formats for rule in cf.rules}

    mentors = rules(k.MENTORS.name)
    assert mentors == {"H2:H1001": "AND(LEN($A2)>0,LEN(H2)=0)", "I2:I1001": "AND(LEN($A2)>0,LEN(I2)=0)"}
    assert rules(k.MENTEES.name) == {"H2:H1001": "AND(LEN($A2)>0,LEN(H2)=0)"}
    assert rules(k.PAIRS.name) == {"I2:I1001": "AND(LEN($A2)>0,LEN(I2)=0)"}
    (overdue,) = rules(k.ROADMAP.name).values()
    assert "TODAY()" in overdue and "$J2" in overdue and "$K2" in overdue


def test_the_panel_shows_the_organisation_and_zero_counts_in_a_new_book(blank):
    values = panel_values(blank)
    assert "МБОУ «СОШ № 1»" in values
    assert values["Наставляемых ожидают пары"] == 0
    assert "Учебный год: 2025/2026" in values


# ---------------------------------------------------------------- the demo school
def test_the_demo_reads_back_with_the_counts_of_the_demo_school(demo_book):
    data = read_program(demo_book)
    school = demo.demo_school(TODAY)
    assert (len(data.mentees), len(data.mentors), len(data.pairs)) == (17, 12, 6)
    assert len(data.surveys) == len(school.surveys) and len(data.meetings) == len(school.meetings)
    assert data.settings.get("Численность педагогов") == "80"
    assert data.settings.get(k.SET_ORG_SHORT) == "МБОУ «СОШ № 7»"
    assert sum(p.status == v.PAIR_ACTIVE for p in data.pairs) == 5
    assert all(set(a.answers) >= set(SURVEY_QUESTIONS) for a in data.surveys)


@pytest.mark.parametrize("today", [TODAY, date(2025, 9, 5), date(2026, 3, 16), date(2026, 7, 1)])
def test_the_checker_finds_exactly_the_three_demo_problems_as_errors(tmp_path, today):
    book = build_workbook(tmp_path / "demo.xlsx", demo=True, today=today)
    report = check(read_program(book), today=today)
    errors = {(p.sheet, p.row, p.column, p.code) for p in report.problems if p.severity is Severity.ERROR}
    assert errors == set(demo.DEMO_PROBLEMS)
    warnings = [p for p in report.problems if p.severity is Severity.WARNING]
    assert {p.code for p in warnings} <= {"unknown_tag", "event_overdue"}
    assert {p.value for p in warnings if p.code == "unknown_tag"} == demo.DEMO_TAG_TYPOS
    assert sum(p.code == "event_overdue" for p in warnings) <= 1


def test_the_panel_of_the_demo_caches_the_counts_its_formulas_compute(demo_book):
    values = panel_values(demo_book)
    data = read_program(demo_book)
    waiting = sum(m.status == v.MENTEE_WAITING for m in data.mentees)
    assert values["Наставляемых ожидают пары"] == waiting == 10
    assert values["Наставников активны"] == sum(m.status == v.MENTOR_ACTIVE for m in data.mentors)
    assert values["Пар и групп действует (утверждены и действуют)"] == 5
    ws = openpyxl.load_workbook(demo_book)[k.ROADMAP.name]
    header = [c.value for c in ws[1]]
    s, f, last = header.index("Статус"), header.index(FIRST_DUE), header.index(LAST_DUE)
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    expected = sum(overdue_by_formula(r[s], r[f] and r[f].date(), r[last] and r[last].date(), TODAY)
                   for r in rows)
    assert values["Мероприятий дорожной карты просрочено"] == expected == 1


def test_the_demo_is_the_same_file_content_for_the_same_day(tmp_path):
    first = read_program(build_workbook(tmp_path / "a.xlsx", demo=True, today=TODAY))
    second = read_program(build_workbook(tmp_path / "b.xlsx", demo=True, today=TODAY))
    assert first.mentees == second.mentees and first.meetings == second.meetings


# ---------------------------------------------------------------- .xlsm and writing
def test_an_xlsm_book_carries_the_vba_project_the_buttons_and_a_hidden_xlwings_sheet(tmp_book):
    vba = vba_project()
    book = tmp_book("Наставничество.xlsm", vba_project=vba,
                    buttons={"CheckData": "Проверить данные", "MatchPairs": "Подобрать пары"})
    with zipfile.ZipFile(book) as z:
        assert z.read(XLWINGS_VBA) == vba
        vml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/drawings/vml"))
    assert re.findall(r"<x:FmlaMacro>([^<]+)</x:FmlaMacro>", vml) == ["[0]!CheckData", "[0]!MatchPairs"]
    assert "Проверить данные" in vml and "Подобрать пары" in vml
    wb = openpyxl.load_workbook(book, keep_vba=True)
    conf = wb["xlwings.conf"]
    assert wb.sheetnames[-1] == "xlwings.conf" and conf.sheet_state == "hidden"
    rows = {row[0].value: row[1].value for row in conf.iter_rows()}
    assert rows == dict(xlwings_config()) and all(rows.values())  # this machine's keys, none of them empty
    assert read_program(book).tables[k.MENTEES.key].found


def test_an_xlsx_book_has_no_xlwings_sheet_and_no_macros(blank):
    with zipfile.ZipFile(blank) as z:
        assert XLWINGS_VBA not in z.namelist()
    assert "xlwings.conf" not in openpyxl.load_workbook(blank).sheetnames


@pytest.mark.parametrize(("name", "options"), [
    ("b.xlsx", {"buttons": {"CheckData": "Проверить данные"}}),
    ("b.xlsx", {"vba_project": b"vba"}),
    ("b.ods", {}),
])
def test_wrong_combinations_of_format_and_macros_are_refused(tmp_path, name, options):
    with pytest.raises(ValueError):
        build_workbook(tmp_path / name, today=TODAY, **options)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_build_leaves_an_existing_file_untouched_and_no_temporary_files(tmp_path, monkeypatch):
    from mentorxl.builder import workbook

    target = tmp_path / "book.xlsx"
    target.write_bytes(b"old")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(workbook, "write_layout", broken)
    with pytest.raises(RuntimeError):
        build_workbook(target, today=TODAY)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]


def test_a_book_saved_again_by_openpyxl_keeps_its_tables_and_dropdowns(demo_book, tmp_path):
    """The headless writer saves results through openpyxl: what the builder made must survive it."""
    wb = openpyxl.load_workbook(demo_book)
    copy = io.BytesIO()
    wb.save(copy)
    again = openpyxl.load_workbook(io.BytesIO(copy.getvalue()))
    assert k.PAIRS.table in again[k.PAIRS.name].tables
    assert len(again[k.PAIRS.name].data_validations.dataValidation) == 3
    assert len(again[k.PAIRS.name].conditional_formatting) == 1


def test_an_xlsm_without_a_given_project_gets_the_one_built_from_macros_for_its_own_sheets(tmp_path):
    from oletools.olevba import VBA_Parser

    book = build_workbook(tmp_path / "b.xlsm", today=TODAY)
    parser = VBA_Parser(str(book))
    try:
        names = [name for _, _, name, _ in parser.extract_macros()]
    finally:
        parser.close()
    assert "MentorXL.bas" in names and "Sheet1.cls" in names
