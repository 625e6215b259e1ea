"""Makes the messy workbooks of tests/data (run once; the files are committed). See tests/data/README.md."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def messy_school(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "НАСТАВЛЯЕМЫЕ"  # capital letters: sheets are found ignoring case
    ws["A1"] = "Банк наставляемых МБОУ «Школа № 3» на 2025/2026 учебный год"
    ws.merge_cells("A1:H1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Заполняет куратор; не удалять строку заголовков"
    # a two-row header: «ФИО» and «Запросы*» merged down, «Согласие» split into a group and its column
    ws["A4"], ws["B4"], ws["C4"], ws["D4"], ws["E4"] = "ФИО", "Запросы*", "Согласия", None, "Стаж,\nлет"
    ws["C5"], ws["D5"], ws["F4"] = "Согласие на обработку ПДн", "Дата беседы", "Моя пометка"
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    ws.merge_cells("C4:D4")
    ws.merge_cells("E4:E5")
    for cell in ws[4] + ws[5]:
        cell.alignment = Alignment(wrap_text=True)
    rows = [
        ("Иванова Мария Петровна", "ИКТ; ФГОС", "01.09.2025", None, "2", "своя заметка"),  # date as text
        (None, None, None, None, None, None),  # empty row
        ("Петров  Пётр Петрович", "дисциплина на уроке\nработа с родителями", 45901, None, 3.5, None),  # serial
        ("Сидорова Анна Ивановна", "классное руководство", datetime(2025, 9, 2), None, "1,5", None),  # real date
        ("Орлова Елена Сергеевна", "аттестация", "1 сентября 2025 г.", None, "нет", None),  # words; bad number
    ]
    for r, row in enumerate(rows, start=6):
        for c, value in enumerate(row, start=1):
            ws.cell(row=r, column=c, value=value)
    ws["A6"].fill = PatternFill("solid", start_color="C6EFCE")  # the user's own colour
    wb.save(path)


def main() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    messy_school(DATA / "messy_mentees.xlsx")
    (DATA / "not_a_workbook.xlsx").write_text("ФИО;Запросы\nИванова;ИКТ\n", encoding="utf-8")
    (DATA / "old_format.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    good = (DATA / "messy_mentees.xlsx").read_bytes()
    (DATA / "truncated.xlsx").write_bytes(good[: len(good) // 3])


if __name__ == "__main__":
    main()
