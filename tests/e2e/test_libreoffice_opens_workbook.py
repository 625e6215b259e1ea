"""A real LibreOffice opens the demo workbook: converted headless to .ods, every sheet and row is still
there for our reader, the dropdowns and highlights come through, and Calc's own recalculation of the
«Панель» formulas agrees with the program."""

from __future__ import annotations

import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
import python_calamine as pc

from mentorxl.book.reader import read_program
from mentorxl.builder.layout import FIRST_DUE, LAST_DUE, overdue_by_formula
from mentorxl.core import contract as k

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def converted(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from mentorxl.builder.workbook import build_workbook
    from tests.conftest import TODAY

    folder = tmp_path_factory.mktemp("lo")
    xlsx = build_workbook(folder / "demo.xlsx", demo=True, today=TODAY)
    profile = (folder / "profile").as_uri()  # a profile of its own: a running LibreOffice is not disturbed
    done = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                           "--convert-to", "ods", "--outdir", str(folder / "out"), str(xlsx)],
                          capture_output=True, text=True, timeout=240, check=False)
    ods = folder / "out" / "demo.ods"
    assert ods.exists(), done.stderr
    return xlsx, ods


def test_every_sheet_survives_the_conversion_in_order(converted):
    _, ods = converted
    assert pc.CalamineWorkbook.from_path(str(ods)).sheet_names == list(k.SHEET_ORDER)


def test_every_row_of_every_contract_sheet_reads_the_same_from_the_ods(converted):
    xlsx, ods = converted
    before, after = read_program(xlsx), read_program(ods)
    for field in ("roadmap", "mentees", "mentors", "pairs", "surveys", "meetings"):
        assert getattr(after, field) == getattr(before, field), field
    assert after.settings.values == before.settings.values
    assert after.tags.tags == before.tags.tags and after.lists == before.lists
    assert sorted(p.code for p in after.problems) == sorted(p.code for p in before.problems)


def test_dropdowns_and_highlights_come_through_to_calc(converted):
    _, ods = converted
    content = zipfile.ZipFile(ods).read("content.xml").decode()
    assert "cell-content-is-in-list(lstForms)" in content
    assert content.count("<calcext:conditional-format ") >= 4
    assert 'table:name="tblMentees"' in content  # the table became a database range


def test_calc_recalculates_the_overdue_count_of_the_panel_as_the_program_computes_it(converted):
    _, ods = converted
    book = pc.CalamineWorkbook.from_path(str(ods))
    panel = {row[0]: row[1] for row in book.get_sheet_by_name(k.PANEL_NAME).to_python() if row and row[0]}
    grid = book.get_sheet_by_name(k.ROADMAP.name).to_python()
    header = list(grid[0])
    s, f, last = header.index("Статус"), header.index(FIRST_DUE), header.index(LAST_DUE)
    today = date.today()  # TODAY() is volatile: Calc recomputed it on load

    def day(value: object) -> date | None:
        if isinstance(value, datetime):
            return value.date()
        return value if isinstance(value, date) else None

    expected = sum(overdue_by_formula(str(r[s]), day(r[f]), day(r[last]), today) for r in grid[1:] if any(r))
    assert panel["Мероприятий дорожной карты просрочено"] == expected
    assert panel["Наставляемых ожидают пары"] == 10
