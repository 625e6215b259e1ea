"""«Импорт анкет» clicked in a real LibreOffice Calc: CalcBook appends survey rows under their question
headers, adding a new question after the last column of «Анкеты» and stretching its database range."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from mentorxl.builder.ods import build_ods
from mentorxl.core import contract as k

pytestmark = pytest.mark.libreoffice
TODAY = date(2026, 5, 25)
NEW_QUESTION = "Насколько понятны цели программы?"
FORMULA_LIKE = '=HYPERLINK("http://example.ru";"портфолио")'


def yandex_export(path: Path) -> Path:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    ws = wb.add_worksheet("Ответы")
    ws.write_row(0, 0, ["ID", "Время создания", "ФИО", "Ваша роль в программе наставничества",
                        "Полезность встреч", NEW_QUESTION, "Пожелания"])
    stamp = wb.add_format({"num_format": "dd.mm.yyyy hh:mm"})
    ws.write_number(1, 0, 1001)
    ws.write_datetime(1, 1, datetime(2026, 5, 20, 10, 5), stamp)
    ws.write_row(1, 2, ["Ершова Анастасия Игоревна", "Наставляемый", 9, 7])
    ws.write_string(1, 6, FORMULA_LIKE)
    wb.close()
    return path


def test_a_survey_import_clicked_in_calc_writes_answers_under_their_questions_and_a_new_question_column(
    office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = build_ods(tmp_path / "Наставничество.ods", demo=True, today=TODAY)
    before = CalamineWorkbook.from_path(str(doc)).get_sheet_by_name(k.SURVEYS.name).to_python()
    monkeypatch.setenv("MENTORXL_IMPORT_FILE", str(yandex_export(tmp_path / "Итоговая анкета.xlsx")))
    office("click", doc, "Импорт анкет")
    grid = CalamineWorkbook.from_path(str(doc)).get_sheet_by_name(k.SURVEYS.name).to_python()
    header = [str(c) for c in grid[0] if c != ""]
    assert header == [*[str(c) for c in before[0] if c != ""], NEW_QUESTION]
    rows = [r for r in grid[1:] if r[0] != ""]
    last = rows[-1]
    assert len(rows) == len([r for r in before[1:] if r[0] != ""]) + 1
    assert (last[header.index("Респондент")], last[header.index("Анкета")]) == ("Ершова Анастасия Игоревна",
                                                                                "Итоговая")
    assert last[header.index("Полезность встреч")] == 9
    assert last[header.index(NEW_QUESTION)] == 7
    assert last[header.index("Пожелания")] == FORMULA_LIKE  # text, never evaluated
    with zipfile.ZipFile(doc) as archive:
        content = archive.read("content.xml").decode("utf-8")
    assert "of:=HYPERLINK" not in content
    ranges = dict(re.findall(r'<table:database-range table:name="([^"]+)"[^>]*?table:target-range-address='
                             r'"([^"]+)"', content))
    surveys = next(address for name, address in ranges.items() if "Анкеты" in address)
    end_column = re.search(r"\.\$?([A-Z]+)\$?\d+$", surveys)
    assert end_column is not None and end_column[1] == chr(ord("A") + len(header) - 1)
