"""The buttons are defined once (core/buttons.py): the runner, both macro suites, «Панель» and README follow it."""

from __future__ import annotations

import ast
from pathlib import Path

from mentorxl.actions.buttons import ACTIONS, read_answers
from mentorxl.builder.ods import CALC_BUTTONS, macro_source
from mentorxl.builder.vba.project import BUTTONS as VBA_BUTTONS
from mentorxl.builder.vba.project import macro_calls, mentorxl_source
from mentorxl.core.buttons import BUTTONS, DATE, FILE, button

ROOT = Path(__file__).resolve().parents[2]


def test_every_button_of_the_registry_has_exactly_one_action_in_the_runner():
    assert list(ACTIONS) == [b.name for b in BUTTONS]


def test_the_vba_module_has_one_sub_per_button_running_its_function_and_is_the_committed_bas():
    assert macro_calls(mentorxl_source()) == {b.sub: b.name for b in BUTTONS}
    assert {b.sub: (b.caption, b.name) for b in BUTTONS} == VBA_BUTTONS
    committed = (ROOT / "macros" / "MentorXL.bas").read_bytes().decode("ascii")
    assert committed == mentorxl_source().replace("\n", "\r\n"), "run `make workbook`"


def test_the_calc_macro_exports_one_function_per_button_that_clicks_it():
    tree = ast.parse(macro_source().decode("utf-8"))
    functions = {node.name: ast.unparse(node.body[0]) for node in tree.body if isinstance(node, ast.FunctionDef)}
    for b in BUTTONS:
        assert functions[b.name] == f"_click({b.name!r})"
    exported = next(node for node in tree.body if isinstance(node, ast.Assign)
                    and ast.unparse(node.targets[0]) == "g_exportedScripts")
    assert isinstance(exported.value, ast.Tuple)
    assert [ast.unparse(e) for e in exported.value.elts] == [b.name for b in BUTTONS]
    assert tuple((b.name, b.caption) for b in BUTTONS) == CALC_BUTTONS


def test_the_readme_table_of_the_buttons_is_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("| кнопка | что делает в открытой книге |")
    rows = readme[start:].split("\n\n")[0].splitlines()[2:]
    assert rows == [f"| {b.caption} | {b.does} |" for b in BUTTONS]


def test_the_order_asks_number_and_date_and_the_import_a_file():
    assert [(q.key, q.kind) for q in button("make_order").asks] == [("number", "text"), ("date", DATE)]
    assert [(q.key, q.kind) for q in button("import_surveys").asks] == [("file", FILE)]


def test_answers_become_values_and_empty_means_the_default():
    from datetime import date

    assert read_answers("make_order", {"number": " 15-о ", "date": "1 октября 2025"}) == {
        "number": "15-о", "date": date(2025, 10, 1)}
    assert read_answers("make_order", {"number": "", "date": ""}) == {"number": None, "date": None}
    assert read_answers("import_surveys", {"file": "/tmp/a.csv"}) == {"file": Path("/tmp/a.csv")}
