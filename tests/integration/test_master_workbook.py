"""The master workbook committed in workbook/ is exactly what the sources build, and `mentorxl new` makes
the same kind of book: every sheet with its document module, every button on a Sub of ours."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest
from oletools.olevba import VBA_Parser

from mentorxl.actions.workbook import new_workbook
from mentorxl.builder.vba import BUTTONS
from scripts.build_master_workbook import MASTER, build_master


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


def test_a_new_xlsm_has_a_document_module_for_the_workbook_and_each_sheet_and_our_module(tmp_path):
    book = tmp_path / "Школа.xlsm"
    new_workbook(book, today=date(2026, 11, 23))
    with zipfile.ZipFile(book) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        workbook_xml = archive.read("xl/workbook.xml").decode("utf-8")
    parser = VBA_Parser(str(book))
    try:
        modules = {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()
    assert 'codeName="ThisWorkbook"' in workbook_xml
    assert {f"Sheet{i}" for i in range(1, len(sheets) + 1)} | {"ThisWorkbook", "xlwings", "MentorXL"} <= set(modules)
    assert all(f"Sub {sub}()" in modules["MentorXL"] for sub in BUTTONS)


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
