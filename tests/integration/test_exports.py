"""Reading online-form exports from files: xlsx, CSV in UTF-8 (with and without a BOM) and in cp1251."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest

from mentorxl.book.exports import read_export, sniff_delimiter
from mentorxl.errors import BookUnreadable

HEADERS = [
    "Отметка времени",
    "Фамилия, имя, отчество (полностью)",
    "Ваши профессиональные затруднения (перечислите через запятую)",
    "Комментарий",
]
ROWS = [
    [
        "12.09.2025 10:15:33",
        "Петрова Анна Сергеевна",
        "ИКТ, работа с родителями",
        '=HYPERLINK("http://x","y")',
    ],
    ["13.09.2025 09:01:02", "Ёлкина Мария Юрьевна", "ВПР; «трудный» класс", ""],
]


def write_csv(path: Path, rows: list[list[str]], *, encoding: str, delimiter: str = ";") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8-sig", ","),
        ("utf-8", ";"),
        ("cp1251", ";"),
        ("cp1251", "\t"),
        ("utf-8", ","),
    ],
)
def test_a_csv_export_is_read_in_its_encoding_and_delimiter(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = write_csv(tmp_path / "ответы.csv", [HEADERS, *ROWS], encoding=encoding, delimiter=delimiter)
    export = read_export(path)
    assert export.name == "ответы.csv"
    assert export.headers == HEADERS
    assert export.rows == [(2, ROWS[0]), (3, ROWS[1])]


def test_an_xlsx_export_keeps_dates_numbers_and_formula_like_text(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "Анкета наставляемого.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    ws = wb.add_worksheet("Ответы")
    ws.write_row(0, 0, [*HEADERS, "Стаж"])
    ws.write_datetime(
        1, 0, datetime(2025, 9, 12, 10, 15, 33), wb.add_format({"num_format": "dd.mm.yyyy hh:mm:ss"})
    )
    ws.write_string(1, 1, "Петрова Анна Сергеевна")
    ws.write_string(1, 2, "ИКТ")
    ws.write_string(1, 3, '=HYPERLINK("http://x","y")')
    ws.write_number(1, 4, 3)
    wb.close()
    export = read_export(path)
    assert export.headers == [*HEADERS, "Стаж"]
    ((line, cells),) = export.rows
    assert line == 2
    assert cells[0] == datetime(2025, 9, 12, 10, 15, 33)
    assert cells[3] == '=HYPERLINK("http://x","y")'
    assert cells[4] == 3


def test_title_rows_and_empty_lines_are_skipped_and_line_numbers_stay_as_in_excel(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [[], HEADERS, ROWS[0], ["", "", "", ""], ROWS[1]], encoding="utf-8")
    export = read_export(path)
    assert [n for n, _ in export.rows] == [3, 5]


def test_a_comma_inside_quoted_answers_does_not_fool_the_delimiter() -> None:
    text = 'ФИО;Запросы\r\n"Петрова Анна Сергеевна";"ИКТ, родители, ВПР"\r\n"Ёлкина Мария";"ОГЭ, ЕГЭ"\r\n'
    assert sniff_delimiter(text) == ";"


def test_repeated_and_empty_headers_get_names_of_their_own(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "a.csv",
        [["ФИО", "Комментарий", "", "Комментарий"], ["А Б В", "1", "2", "3"]],
        encoding="utf-8",
    )
    assert read_export(path).headers == ["ФИО", "Комментарий", "Столбец 3", "Комментарий (2)"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("пусто.csv", b"", "пуст"),
        ("старая.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "старого формата"),
        ("ответы.pdf", b"%PDF-1.4", "не похож на выгрузку"),
        ("битая.xlsx", b"not a zip at all", "не книга Excel"),
        ("пробелы.csv", b"\r\n  \r\n", "нет строки заголовков"),
    ],
)
def test_an_unreadable_export_is_one_clear_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BookUnreadable, match=message):
        read_export(path)
