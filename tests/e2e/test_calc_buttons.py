"""The Calc buttons clicked in a real LibreOffice: the one place in CI where a real click is tested."""

from __future__ import annotations

import ast
import zipfile
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from mentorxl.builder.demo import DOCS_FOLDER
from mentorxl.builder.ods import CALC_BUTTONS, MACRO_FILE, SCRIPT_PATH, build_ods
from mentorxl.core import contract as k

pytestmark = pytest.mark.libreoffice
TODAY = date(2025, 11, 20)


def _sheet(path: Path, name: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


@pytest.fixture(scope="module")
def demo_ods(tmp_path_factory) -> Path:
    return build_ods(tmp_path_factory.mktemp("calc") / "Наставничество.ods", demo=True, today=TODAY)


def test_the_ods_has_every_sheet_and_a_button_for_every_action_bound_to_an_embedded_macro(demo_ods, office):
    seen = office("inspect", demo_ods)
    assert set(k.SHEET_ORDER) <= set(seen["sheets"])
    with zipfile.ZipFile(demo_ods) as ods:  # the embedded macro: the file of macros/ and a function per button
        macro = ast.parse(ods.read(SCRIPT_PATH).decode("utf-8"))
    functions = {node.name for node in macro.body if isinstance(node, ast.FunctionDef)}
    buttons = {b["label"]: b for b in seen["buttons"] if b["sheet"] == k.PANEL_NAME}
    assert set(buttons) == {caption for _, caption in CALC_BUTTONS}
    for function, caption in CALC_BUTTONS:
        (event,) = buttons[caption]["events"]
        assert event["script"] == f"vnd.sun.star.script:{MACRO_FILE}${function}?language=Python&location=document"
        assert function in functions
    assert seen["properties"]["MentorXL.path"]


def test_clicking_check_writes_the_problems_into_the_document_and_libreoffice_saves_it(demo_ods, office, tmp_path):
    doc = tmp_path / demo_ods.name
    doc.write_bytes(demo_ods.read_bytes())
    office("click", doc, "Проверить данные")
    problems = _sheet(doc, k.PROBLEMS.name)
    header = problems[0]
    codes = [row[header.index("Код")] for row in problems[1:] if row[0]]
    assert "latin_in_name" in codes
    assert "Проверка завершена" in office.messages.read_text(encoding="utf-8")


def test_match_then_approve_then_order_runs_the_whole_pairing_in_the_open_document(demo_ods, office, tmp_path):
    from tests.e2e.test_calc_paperwork import corrections

    doc = tmp_path / demo_ods.name
    doc.write_bytes(demo_ods.read_bytes())
    office("set", doc, *corrections(doc))  # what «Проверить данные» asks to fix: the gate passes the order
    office("click", doc, "Подобрать пары")
    suggestions = _sheet(doc, k.SUGGESTIONS.name)
    header = suggestions[0]
    rows = [r for r in suggestions[1:] if r[header.index("Наставник")]]
    assert rows, "no suggestion was written"
    decision = chr(ord("A") + header.index("Решение"))
    office("set", doc, *(f"{k.SUGGESTIONS.name}!{decision}{i + 2}=Утвердить" for i in range(len(rows))))
    before = len([r for r in _sheet(doc, k.PAIRS.name)[1:] if r[0]])
    office("click", doc, "Утвердить пары")
    pairs = _sheet(doc, k.PAIRS.name)
    assert len([r for r in pairs[1:] if r[0]]) > before
    office("click", doc, "Сформировать приказ")
    orders = list((doc.parent / DOCS_FOLDER).glob("Приказ*.docx"))  # the folder the demo's «Настройки» name
    assert orders, office.messages.read_text(encoding="utf-8")


def test_the_buttons_stand_right_of_the_instruction_columns_of_the_panel(demo_ods):
    import re
    import zipfile

    content = zipfile.ZipFile(demo_ods).read("content.xml").decode("utf-8")
    widths = {name: float(value) * {"in": 2.54, "cm": 1.0}[unit] for name, value, unit in re.findall(
        r'style:name="(co\d+)" style:family="table-column"><style:table-column-properties[^>]*'
        r'style:column-width="([\d.]+)(in|cm)"', content)}
    panel = content[content.index(f'table:name="{k.PANEL_NAME}"'):]
    columns = []
    for style, repeated in re.findall(r'<table:table-column table:style-name="(co\d+)"'
                                      r'(?: table:number-columns-repeated="(\d+)")?', panel):
        columns += [widths[style]] * int(repeated or 1)
    text_width = sum(columns[:3])
    xs = [float(x) for x in re.findall(r'<draw:control [^>]*svg:x="([\d.]+)cm"', panel)]
    assert len(xs) == len(CALC_BUTTONS)
    assert all(text_width < x < text_width + 1 for x in xs)


def test_the_command_line_check_of_the_ods_finds_exactly_the_demo_errors(demo_ods, tmp_path):
    import shutil

    from mentorxl.actions.check import check_book
    from mentorxl.book.headless import HeadlessBook
    from mentorxl.builder.demo import DEMO_PROBLEMS

    copy = Path(shutil.copy(demo_ods, tmp_path / "Демо.ods"))
    before = copy.read_bytes()
    outcome = check_book(HeadlessBook(copy), today=TODAY)
    errors = {(p["sheet"], p["row"], p["column"], p["code"]) for p in outcome.data["problems"]
              if p["severity"] == "error"}
    assert errors == set(DEMO_PROBLEMS) and outcome.exit_code == 1
    assert outcome.files == [] and copy.read_bytes() == before  # a .ods is changed by its buttons only
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Демо.ods"]


def test_the_panel_of_the_ods_speaks_of_its_buttons_not_of_a_book_without_them(demo_ods):
    from mentorxl.builder.layout import PROBLEMS_COUNT_LABEL

    texts = [str(cell) for row in _sheet(demo_ods, k.PANEL_NAME) for cell in row if cell]
    assert "Кнопки и команды" in texts and PROBLEMS_COUNT_LABEL in texts
    assert not any("нет кнопок" in t for t in texts)


def test_a_document_whose_recorded_mentorxl_path_is_gone_says_in_russian_what_to_install(demo_ods, office, tmp_path):
    import re
    import zipfile

    doc = tmp_path / demo_ods.name
    with zipfile.ZipFile(demo_ods) as source, zipfile.ZipFile(doc, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "meta.xml":
                data = re.sub(rb'(meta:name="MentorXL.path"[^>]*>)[^<]*', rb"\1/nowhere/site-packages", data)
            target.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype"
                            else zipfile.ZIP_DEFLATED)
    office("click", doc, "Проверить данные")
    said = office.messages.read_text(encoding="utf-8")
    assert "Не найден MentorXL" in said and "pip install mentorxl-….whl" in said and "mentorxl new" in said
    assert _sheet(doc, k.PROBLEMS.name) == _sheet(demo_ods, k.PROBLEMS.name)  # nothing was written
