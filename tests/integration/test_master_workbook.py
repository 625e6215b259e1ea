"""The master workbook committed in workbook/ is exactly what the sources build, and `mentorxl new` makes
the same kind of book: olevba reads back every module as written in macros/ and in the installed xlwings,
every sheet has its document module, every button runs a Sub of ours that runs a function of mentorxl.excel."""

from __future__ import annotations

import importlib.metadata
import re
import warnings
import zipfile
from datetime import date
from pathlib import Path

import pytest

import mentorxl.excel as excel
from mentorxl.actions.workbook import new_workbook
from mentorxl.assets import asset_dir
from mentorxl.builder.vba import BUTTONS
from mentorxl.builder.vba.project import macro_calls, sub_names
from scripts.build_master_workbook import MASTER, build_master

XLWINGS = Path(str(importlib.metadata.distribution("xlwings").locate_file("xlwings")))


@pytest.fixture(scope="module")
def new_book(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("new") / "Школа.xlsm"
    new_workbook(book, today=date(2026, 11, 23))
    return book


@pytest.fixture(params=["committed master", "mentorxl new"])
def built(request, new_book) -> Path:
    return MASTER if request.param == "committed master" else new_book


def _modules(book: Path) -> dict[str, str]:
    """Module name -> source, as olevba (oletools) extracts them from the .xlsm."""
    with warnings.catch_warnings():  # oletools' pyparsing grammar warns about deprecated names on import
        warnings.simplefilter("ignore")
        from oletools.olevba import VBA_Parser
    parser = VBA_Parser(str(book))
    try:
        return {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def _code_names(book: Path) -> list[str]:
    """The code names of the workbook and of its sheets in sheet order, from xl/workbook.xml and the sheets."""
    with zipfile.ZipFile(book) as archive:
        workbook = archive.read("xl/workbook.xml").decode("utf-8")
        count = len(re.findall(r"<sheet ", workbook))
        sheets = [archive.read(f"xl/worksheets/sheet{i}.xml").decode("utf-8") for i in range(1, count + 1)]
    return [re.findall(r'codeName="(\w+)"', xml)[0] for xml in [workbook, *sheets]]


def _panel_buttons(book: Path) -> list[tuple[str, str]]:
    """(caption, macro) of each form button of «Панель» (the first sheet), from its VML drawing."""
    with zipfile.ZipFile(book) as archive:
        rels = archive.read("xl/worksheets/_rels/sheet1.xml.rels").decode("utf-8")
        (target,) = re.findall(r'Target="\.\./drawings/(vmlDrawing\d+\.vml)"', rels)
        vml = archive.read(f"xl/drawings/{target}").decode("utf-8")
    shapes = re.findall(r'<x:ClientData ObjectType="Button">.*?</x:ClientData>', vml, re.DOTALL)
    captions = re.findall(r"<font [^>]*>([^<]+)</font>", vml)
    macros = [re.findall(r"<x:FmlaMacro>\[0\]!(\w+)</x:FmlaMacro>", shape)[0] for shape in shapes]
    return list(zip(captions, macros, strict=True))


def test_the_committed_master_workbook_is_byte_for_byte_a_fresh_build(tmp_path):
    fresh = build_master(tmp_path / MASTER.name)
    assert MASTER.exists(), "workbook/Наставничество.xlsm is missing: run `make workbook` and commit it"
    assert MASTER.read_bytes() == fresh.read_bytes(), (
        "workbook/Наставничество.xlsm differs from what the sources build: run `make workbook` and commit it")


def test_the_master_workbook_names_no_interpreter_or_path_of_the_machine_that_built_it():
    with zipfile.ZipFile(MASTER) as book:
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    for machine_specific in ("/work/", "site-packages", ".venv", "python3"):
        assert machine_specific not in strings


def test_olevba_recovers_our_module_exactly_as_committed_in_macros(built):
    committed = (asset_dir("macros") / "MentorXL.bas").read_bytes().decode("ascii")
    assert _modules(built)["MentorXL"] == committed


def test_olevba_recovers_the_xlwings_module_of_the_installed_xlwings(built):
    modules = _modules(built)
    shipped = (XLWINGS / "xlwings.bas").read_bytes().decode("cp1252").replace("\r\n", "\n")
    assert modules["xlwings"].replace("\r\n", "\n").rstrip("\n") == shipped.rstrip("\n")
    assert f'XLWINGS_VERSION As String = "{importlib.metadata.version("xlwings")}"' in modules["xlwings"]
    dictionary = (XLWINGS / "addin" / "Dictionary.cls").read_bytes().decode("cp1252")
    body = dictionary.replace("\r\n", "\n").split("Option Explicit", 1)[1]
    assert modules["Dictionary"].replace("\r\n", "\n").endswith(body)


def test_every_sheet_and_the_workbook_have_their_document_module_and_nothing_else_is_in_the_project(built):
    names = _code_names(built)
    assert names[0] == "ThisWorkbook" and names[1:] == [f"Sheet{i}" for i in range(1, len(names))]
    assert set(_modules(built)) == {*names, "xlwings", "Dictionary", "MentorXL"}


def test_every_button_of_the_panel_is_bound_to_a_sub_that_exists_in_our_module(built):
    buttons = _panel_buttons(built)
    assert buttons == [(caption, sub) for sub, (caption, _) in BUTTONS.items()]
    subs = sub_names(_modules(built)["MentorXL"])
    assert all(sub in subs for _, sub in buttons)


def test_every_runpython_of_the_built_project_runs_a_function_that_exists_in_mentorxl_excel(built):
    calls = macro_calls(_modules(built)["MentorXL"])
    assert calls == {sub: function for sub, (_, function) in BUTTONS.items()}
    for function in calls.values():
        assert callable(getattr(excel, function, None)), f"mentorxl.excel has no {function}()"


def test_the_hidden_xlwings_sheet_of_a_new_book_names_this_machines_interpreter_only_for_its_system(new_book):
    import sys

    import openpyxl

    conf = openpyxl.load_workbook(new_book, keep_vba=True)["xlwings.conf"]
    values = {row[0].value: row[1].value for row in conf.iter_rows(max_col=2)}
    assert conf.sheet_state == "hidden"
    own = "Interpreter_Win" if sys.platform.startswith("win") else "Interpreter_Mac" \
        if sys.platform == "darwin" else None
    for key in ("Interpreter_Win", "Interpreter_Mac"):
        assert (key in values) == (key == own), key
    assert all(values.values()), "no empty key: it would hide the user's ~/.xlwings/xlwings.conf"


@pytest.mark.libreoffice
def test_libreoffice_opens_the_master_workbook_with_every_sheet_table_and_button_bound_to_its_macro(
        soffice, tmp_path):
    import re

    from mentorxl.builder.ods import convert
    from mentorxl.core import contract as k

    ods = convert(MASTER, "ods", tmp_path)
    with zipfile.ZipFile(ods) as book:
        content = book.read("content.xml").decode("utf-8")
        basic = [n for n in book.namelist() if n.startswith("Basic/MentorXLProject/")]
    sheets = re.findall(r'<table:table table:name="([^"]+)"', content)
    assert sheets[: len(k.SHEET_ORDER)] == list(k.SHEET_ORDER)
    ranges = set(re.findall(r'<table:database-range table:name="([^"]+)"', content))
    assert {spec.table for spec in k.SHEETS} <= ranges
    bound = re.findall(r"vnd\.sun\.star\.script:MentorXLProject\.MentorXL\.(\w+)\?", content)
    assert sorted(bound) == sorted(BUTTONS)
    assert any(n.endswith("MentorXL.xml") for n in basic)
