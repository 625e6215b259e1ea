"""After a day of command-line work written into the master (.xlsm), LibreOffice still opens it with every sheet,
table, button and Basic module it had (and the one hidden sheet of the marks): the in-place writes keep what
the file held."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mentorxl.cli import main

pytestmark = pytest.mark.libreoffice
TODAY = "01.10.2025"


def test_the_master_after_check_match_approve_and_order_opens_with_the_same_buttons(office, tmp_path: Path, capsys):
    book = tmp_path / "Наставничество.xlsm"
    assert main(["new", str(book), "--demo", "--today", TODAY]) == 0
    original = Path(shutil.copy(book, tmp_path / "Исходная.xlsm"))
    for argv in (["check", str(book)], ["match", str(book)], ["approve", str(book), "--all"],
                 ["order", str(book), "--out", str(tmp_path / "Документы")]):
        assert main([*argv, "--today", TODAY]) in (0, 1), argv
    capsys.readouterr()
    before, after = office("inspect", original), office("inspect", book)
    from mentorxl.book.headless import MARKS_SHEET

    assert after["sheets"] == [*before["sheets"], MARKS_SHEET] and after["tables"] == before["tables"]
    assert after["hidden"] == [*before["hidden"], MARKS_SHEET]  # the styles the marks took, out of sight
    assert after["buttons"] == before["buttons"] and after["basic"] == before["basic"]
    assert after["properties"] == before["properties"]
