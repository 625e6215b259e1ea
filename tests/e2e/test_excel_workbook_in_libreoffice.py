"""A real LibreOffice opens the .xlsm books for Excel headless (through UNO, tests/e2e/uno_driver.py inspect):
the committed master workbook and a demo book from `mentorxl new --demo`. It sees every sheet in order with
«xlwings.conf» hidden, every Excel table, every button of «Панель» bound to its Sub, and the VBA modules."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from mentorxl.actions.workbook import new_workbook
from mentorxl.builder.vba import BUTTONS, document_names
from mentorxl.core import contract as k
from scripts.build_master_workbook import MASTER

pytestmark = pytest.mark.libreoffice

SCRIPT = "vnd.sun.star.script:MentorXLProject.MentorXL.{sub}?language=Basic&location=document"


def _book(which: str, folder: Path) -> Path:
    if which == "committed master":
        return MASTER
    book = folder / "Демо.xlsm"
    new_workbook(book, demo=True, today=date(2025, 11, 20))
    return book


@pytest.mark.parametrize("which", ["committed master", "mentorxl new --demo"])
def test_libreoffice_opens_the_xlsm_and_sees_every_sheet_table_button_and_vba_module(which, office, tmp_path):
    seen = office("inspect", _book(which, tmp_path))
    conf = [] if which == "committed master" else ["xlwings.conf"]  # the master leaves the user's config alone
    assert seen["sheets"] == [*k.SHEET_ORDER, *conf]
    assert seen["hidden"] == conf
    assert {spec.table for spec in k.SHEETS} <= set(seen["tables"])

    panel = [b for b in seen["buttons"] if b["sheet"] == k.PANEL_NAME]
    assert [b["label"] for b in panel] == [caption for caption, _ in BUTTONS.values()]
    for button, sub in zip(panel, BUTTONS, strict=True):
        (event,) = [e for e in button["events"] if e["method"] == "actionPerformed"]
        assert event["script"] == SCRIPT.format(sub=sub), button["label"]
    assert all(b["sheet"] == k.PANEL_NAME for b in seen["buttons"])

    modules = seen["basic"]["MentorXLProject"]
    assert set(modules) == {*document_names(len(seen["sheets"])), "xlwings", "Dictionary", "MentorXL"}
    declared = set(re.findall(r"^Public Sub (\w+)\(\)", modules["MentorXL"], re.MULTILINE))
    assert set(BUTTONS) <= declared
    assert "Function RunPython(" in modules["xlwings"]
