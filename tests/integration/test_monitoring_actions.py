"""«Импорт анкет», «Обновить дорожную карту» and the analytic report, through the workbook port."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl

from mentorxl.actions.monitoring import import_export, monitoring_report, roadmap_status
from mentorxl.book.fake import FakeBook
from mentorxl.book.headless import HeadlessBook
from mentorxl.core import contract as k
from mentorxl.core.imports import mapping_parameter
from mentorxl.documents.render import read_docx
from tests.builders import grid, mentee, mentor, minimal_book, write_book

TODAY = date(2026, 5, 25)
QUESTIONS = ["Удовлетворённость программой наставничества", "Полезность встреч", "Пожелания"]
GOOGLE = [
    "Отметка времени",
    "Адрес электронной почты",
    "Фамилия, имя, отчество (полностью)",
    "Ваша должность",
    "Педагогический стаж (полных лет)",
    "Вы являетесь",
    "Ваши профессиональные затруднения (перечислите через запятую)",
    "Согласие на обработку персональных данных",
    "Какой формат встреч вам удобен?",
]
HYPERLINK = '=HYPERLINK("http://example.ru/x","Моё портфолио")'


def sheets() -> dict[str, list[list[object]]]:
    book = minimal_book(
        mentees=[
            mentee("Петрова Анна Сергеевна", "Методика урока", consent=None, category="Молодой специалист"),
            mentee("Смирнов Илья Дмитриевич", "ВПР", category="Новый сотрудник"),
        ],
        mentors=[mentor("Кузнецова Ольга Ивановна", "ИКТ; урок"), mentor("Орлов Игорь Петрович", "ВПР")],
        pairs=[
            {
                "number": "1",
                "mentor": "Кузнецова Ольга Ивановна",
                "mentees": "Петрова Анна Сергеевна",
                "form": "педагог – педагог",
                "kind": "традиционное",
                "start": "01.10.2025",
                "status": "Действует",
            },
            {
                "number": "2",
                "mentor": "Орлов Игорь Петрович",
                "mentees": "Смирнов Илья Дмитриевич",
                "form": "педагог – педагог",
                "kind": "традиционное",
                "start": "01.10.2025",
                "status": "Действует",
            },
        ],
    )
    book[k.SURVEYS.name] = grid(
        k.SURVEYS,
        [
            {
                "date": "20.09.2025",
                "respondent": "Петрова Анна Сергеевна",
                "role": "Наставляемый",
                "pair": "1",
                "survey": "Входная",
                QUESTIONS[0]: 6,
                QUESTIONS[1]: 7,
            },
            {
                "date": "20.09.2025",
                "respondent": "Кузнецова Ольга Ивановна",
                "role": "Наставник",
                "pair": "1",
                "survey": "Входная",
                QUESTIONS[0]: 8,
                QUESTIONS[1]: 7,
            },
        ],
        extra=QUESTIONS,
    )
    book[k.MEETINGS.name] = grid(
        k.MEETINGS,
        [
            {"pair": "1", "date": date(2026, 5, 12), "topic": "Анализ урока", "hours": 1.5},
            {"pair": "2", "date": date(2026, 2, 2), "topic": "ВПР", "hours": 1},
        ],
    )
    book[k.ROADMAP.name] = grid(
        k.ROADMAP,
        [
            {
                "number": 1,
                "stage": "Подготовка",
                "event": "Положение о наставничестве",
                "term": "до 15 сентября 2025 г.",
                "responsible": "Директор",
                "status": "Выполнено",
                "done_on": "12.09.2025",
            },
            {
                "number": 2,
                "stage": "Подготовка",
                "event": "Методические материалы",
                "term": "Сентябрь – октябрь 2025",
                "responsible": "Куратор",
                "status": "Запланировано",
            },
            {
                "number": 3,
                "stage": "Работа пар",
                "event": "Мониторинг встреч",
                "term": "ежеквартально",
                "responsible": "Куратор",
                "status": "В работе",
            },
            {
                "number": 4,
                "stage": "Итоги",
                "event": "Итоговая конференция",
                "term": "Май – июнь 2026",
                "responsible": "Куратор",
            },
            {
                "number": 5,
                "stage": "Итоги",
                "event": "Отчёт",
                "term": "когда получится",
                "responsible": "Куратор",
            },
        ],
    )
    return book


def fake(tmp_path: Path) -> FakeBook:
    return FakeBook(sheets(), path=tmp_path / "Наставничество.xlsx")


def google_csv(path: Path, *rows: list[str], encoding: str = "cp1251") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([GOOGLE, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def answer(name: str, requests: str, when: str = "12.09.2025 10:15:33") -> list[str]:
    return [
        when,
        "x@example.ru",
        name,
        "учитель",
        "1",
        "молодой специалист",
        requests,
        "Да, согласна",
        "очно",
    ]


# ---------------------------------------------------------------- import


def test_a_mentee_export_adds_new_people_fills_known_ones_and_reports_a_near_miss(tmp_path: Path) -> None:
    book = fake(tmp_path)
    export = google_csv(
        tmp_path / "Анкета наставляемого (Ответы).csv",
        answer("Ёлкина Мария Юрьевна", "обновлённые ФГОС, родители; публичные выступления"),
        answer("Петрова Анна Сергеевна", "ИКТ"),
        answer("Смирнов Илья Дмитриевич ", "ВПР"),
        answer("Смирнов Илья Дмитревич", "ОГЭ"),
    )
    outcome = import_export(book, export, as_="mentees")
    rows = {str(r["name"]): r for r in book.rows_of(k.MENTEES)}
    assert sorted(rows) == ["Ёлкина Мария Юрьевна", "Петрова Анна Сергеевна", "Смирнов Илья Дмитриевич"]
    new = rows["Ёлкина Мария Юрьевна"]
    assert new["requests"] == "ФГОС и рабочие программы; Работа с родителями"
    assert new["consent_pd"] == date(2025, 9, 12) and new["status"] == "Ожидает пары"
    assert new["comment"] == "Из анкеты, без тега: публичные выступления"
    assert rows["Петрова Анна Сергеевна"]["consent_pd"] == date(2025, 9, 12)  # empty before: filled
    assert rows["Петрова Анна Сергеевна"]["requests"] == "Методика урока"  # filled before: kept
    codes = [p["code"] for p in outcome.data["problems"]]
    assert codes.count("import_near_name") == 1 and "import_kept" in codes and "import_tag_unknown" in codes
    assert outcome.data["added"] == 1 and outcome.exit_code == 0 and book.saves == 1
    assert "добавлено человек — 1" in outcome.message
    assert "«Фамилия, имя, отчество (полностью)» → «ФИО»" in outcome.lines


def test_each_remark_says_whether_it_is_at_a_line_of_the_export_or_at_a_row_of_the_book(tmp_path: Path) -> None:
    export = google_csv(
        tmp_path / "Ответы.csv",
        answer("Петрова Анна Сергеевна", "ИКТ"),
        answer("Смирнов Илья Дмитревич", "ОГЭ"),
    )
    lines = import_export(fake(tmp_path), export, as_="mentees").lines
    near = next(line for line in lines if "похоже на" in line)
    kept = next(line for line in lines if "уже заполнено" in line)
    assert near.startswith("Предупреждение: файл «Ответы.csv», строка 3, столбец «Фамилия, имя, отчество (полностью)»")
    assert kept.startswith("Предупреждение: лист «Наставляемые», строка 2, столбец «Запросы»")


def test_the_mapping_is_remembered_on_settings_and_used_next_time(tmp_path: Path) -> None:
    book = fake(tmp_path)
    export = google_csv(tmp_path / "a.csv", answer("Ёлкина Мария Юрьевна", "ИКТ"), encoding="utf-8-sig")
    import_export(book, export, as_="mentees")
    settings = {r["parameter"]: r["value"] for r in book.rows_of(k.SETTINGS)}
    saved = json.loads(str(settings[mapping_parameter("mentees")]))
    assert saved["Отметка времени"] == "timestamp" and saved["Какой формат встреч вам удобен?"] == "skip"
    row = next(
        i
        for i, line in enumerate(book.grids[k.SETTINGS.name], start=1)
        if line[0] == mapping_parameter("mentees")
    )
    saved["Какой формат встреч вам удобен?"] = "comment"
    book.grids[k.SETTINGS.name][row - 1][1] = json.dumps(saved, ensure_ascii=False)
    again = google_csv(tmp_path / "b.csv", answer("Ким Ольга Вадимовна", "ИКТ"))
    outcome = import_export(book, again, as_="mentees")
    assert outcome.data["mapping"]["Какой формат встреч вам удобен?"] == "comment"
    assert {r["name"]: r["comment"] for r in book.rows_of(k.MENTEES)}["Ким Ольга Вадимовна"] == "очно"
    parameters = [r["parameter"] for r in book.rows_of(k.SETTINGS)]
    assert parameters.count(mapping_parameter("mentees")) == 1  # updated in place, not added twice


def test_the_result_workbook_of_the_command_line_remembers_the_mapping_for_the_next_import(tmp_path: Path) -> None:
    master = write_book(tmp_path / "Наставничество.xlsx", sheets())
    first = import_export(HeadlessBook(master, suffix="импорт"),
                          google_csv(tmp_path / "a.csv", answer("Ёлкина Мария Юрьевна", "ИКТ")), as_="mentees")
    (result,) = first.files
    wb = openpyxl.load_workbook(result)
    ws = wb[k.SETTINGS.name]
    row = next(r for r in ws.iter_rows() if r[0].value == mapping_parameter("mentees"))
    saved = json.loads(str(row[1].value))
    assert saved["Фамилия, имя, отчество (полностью)"] == "name" and saved["Какой формат встреч вам удобен?"] == "skip"
    saved["Какой формат встреч вам удобен?"] = "comment"  # the user corrects the mapping in the workbook
    row[1].value = json.dumps(saved, ensure_ascii=False)
    wb.save(result)
    second = import_export(HeadlessBook(result, suffix="импорт"),
                           google_csv(tmp_path / "b.csv", answer("Ким Ольга Вадимовна", "ИКТ")), as_="mentees")
    assert second.data["mapping"]["Какой формат встреч вам удобен?"] == "comment"
    (again,) = second.files
    mentees = {r[0].value: r for r in openpyxl.load_workbook(again)[k.MENTEES.name].iter_rows(min_row=2)}
    assert set(mentees) >= {"Ёлкина Мария Юрьевна", "Ким Ольга Вадимовна"}
    header = [c.value for c in openpyxl.load_workbook(again)[k.MENTEES.name][1]]
    assert mentees["Ким Ольга Вадимовна"][header.index("Комментарий")].value == "очно"


def test_importing_the_same_export_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    book = fake(tmp_path)
    export = google_csv(tmp_path / "a.csv", answer("Ёлкина Мария Юрьевна", "ИКТ"))
    import_export(book, export, as_="mentees")
    before = [list(r) for r in book.grids[k.MENTEES.name]]
    outcome = import_export(book, export, as_="mentees")
    assert book.grids[k.MENTEES.name] == before
    assert outcome.data["added"] == 0 and outcome.data["updated"] == 0
    assert "Нового в выгрузке нет" in outcome.message


def yandex_survey(path: Path) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    ws = wb.add_worksheet("Ответы")
    ws.write_row(
        0,
        0,
        [
            "ID",
            "Время создания",
            "ФИО",
            "Ваша роль в программе",
            "Насколько вы удовлетворены участием в программе наставничества? "
            "(1 — совсем нет, 10 — полностью)",
            "Оцените полезность встреч (от 1 до 10)",
            "Ваши пожелания",
        ],
    )
    stamp = wb.add_format({"num_format": "dd.mm.yyyy hh:mm"})
    answers = [
        ("Петрова Анна Сергеевна", "Наставляемый", 8, 9, HYPERLINK),
        ("Кузнецова Ольга Ивановна", "Наставник", 9, 9, "Всё хорошо"),
    ]
    for r, (name, role, q1, q2, wish) in enumerate(answers, start=1):
        ws.write_number(r, 0, 1000 + r)
        ws.write_datetime(r, 1, datetime(2026, 5, 20, 10, r), stamp)
        ws.write_string(r, 2, name)
        ws.write_string(r, 3, role)
        ws.write_number(r, 4, q1)
        ws.write_string(r, 5, str(q2))
        ws.write_string(r, 6, wish)
    wb.close()
    return path


def test_a_survey_export_becomes_rows_of_the_surveys_sheet(tmp_path: Path) -> None:
    book = fake(tmp_path)
    outcome = import_export(book, yandex_survey(tmp_path / "Итоговая анкета.xlsx"), as_="survey")
    rows = book.rows_of(k.SURVEYS)[2:]
    assert [(r["date"], r["respondent"], r["role"], r["pair"], r["survey"]) for r in rows] == [
        (date(2026, 5, 20), "Петрова Анна Сергеевна", "Наставляемый", "1", "Итоговая"),
        (date(2026, 5, 20), "Кузнецова Ольга Ивановна", "Наставник", "1", "Итоговая"),
    ]
    assert outcome.data["new_questions"] == []
    codes = [p["code"] for p in outcome.data["problems"]]
    assert "import_formula_text" in codes and "import_survey_guessed" in codes


def test_survey_answers_land_in_their_question_columns_as_text_or_numbers(tmp_path: Path) -> None:
    book = fake(tmp_path)
    import_export(book, yandex_survey(tmp_path / "Итоговая анкета.xlsx"), as_="survey")
    table = book.table(k.SURVEYS)
    last = book.grids[k.SURVEYS.name][-2]
    assert last[table.extra[QUESTIONS[0]]] == 8
    assert last[table.extra["Пожелания"]] == HYPERLINK


def test_a_formula_like_answer_reaches_the_result_workbook_as_text(tmp_path: Path) -> None:
    master = write_book(tmp_path / "Наставничество.xlsx", sheets())
    export = tmp_path / "mentees.csv"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([["ФИО", "Комментарий"], ["Ёлкина Мария Юрьевна", HYPERLINK]])
    export.write_text(buffer.getvalue(), encoding="utf-8")
    outcome = import_export(HeadlessBook(master, suffix="импорт"), export, as_="mentees")
    (result,) = outcome.files
    ws = openpyxl.load_workbook(result)[k.MENTEES.name]
    cells = [c for row in ws.iter_rows() for c in row if c.value == HYPERLINK]
    assert len(cells) == 1 and cells[0].data_type == "s"
    with zipfile.ZipFile(result) as archive:
        sheet_xml = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in sheet_xml  # no formula anywhere
    for cell in re.findall(rb"<c [^>]*>(?:(?!</c>).)*HYPERLINK(?:(?!</c>).)*</c>", sheet_xml):
        assert re.match(rb'<c [^>]*t="(?:inlineStr|s)"', cell), cell  # a string cell


# ---------------------------------------------------------------- roadmap


def test_roadmap_status_gives_every_event_with_its_due_date_and_overdue_flag(tmp_path: Path) -> None:
    book = fake(tmp_path)
    outcome = roadmap_status(book, today=date(2025, 11, 20))
    events = outcome.data["events"]
    assert [tuple(e) for e in events] == [("row", "stage", "event", "term", "due", "status", "overdue")] * 5
    assert [(e["row"], e["due"], e["status"], e["overdue"]) for e in events] == [
        (2, "2025-09-15", "Выполнено", False),
        (3, "2025-10-31", "Запланировано", True),
        (4, "2025-12-31", "В работе", False),
        (5, "2026-06-30", "", False),
        (6, None, "", False),
    ]
    assert [(m.row, m.column, m.error) for m in book.marks] == [(3, "Срок", True), (6, "Срок", False)]
    assert "просрочено — 1" in outcome.message
    json.dumps(outcome.data)


def test_the_roadmap_json_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    master = write_book(tmp_path / "Наставничество.xlsx", sheets())
    done = subprocess.run(
        f'"{sys.executable}" -m mentorxl.cli roadmap "{master}" --json --today 20.11.2025 | true',
        shell=True, capture_output=True, text=True, timeout=120, executable="/bin/bash",
    )  # `true` leaves before a byte is written: every write meets a closed pipe
    assert "Дорожная карта: мероприятий — 5" in done.stderr
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr


# ---------------------------------------------------------------- the report


def test_the_report_is_a_word_document_with_tables_charts_and_conclusions(tmp_path: Path) -> None:
    from docx import Document

    grids = sheets()
    grids[k.SURVEYS.name] += [
        [date(2026, 5, 20), "Петрова Анна Сергеевна", "Наставляемый", "1", "Итоговая", 8, 9, HYPERLINK],
        [date(2026, 5, 20), "Кузнецова Ольга Ивановна", "Наставник", "1", "Итоговая", 9, 9, "Всё хорошо"],
    ]
    book = FakeBook(grids, path=tmp_path / "Наставничество.xlsx")
    outcome = monitoring_report(book, out_dir=tmp_path / "out", today=TODAY)
    report, sheet = outcome.files
    assert report.name == "Аналитическая справка по мониторингу наставничества на 25.05.2026.docx"
    text = read_docx(report.read_bytes())
    body = "\n".join(text.body)
    for phrase in (
        "АНАЛИТИЧЕСКАЯ СПРАВКА",
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»",
        "за период с 1 сентября 2025 г. по 25 мая 2026 г.",
        "1. Участники программы наставничества",
        "Наставнические пары и группы учебного года | 2",
        "Молодой специалист | 1 | 1 | 100\u00a0%",
        "2 | Орлов Игорь Петрович | Смирнов Илья Дмитриевич | 1 | 1,0 | 02.02.2026",
        "Без встреч более 30 дней: № 2.",
        "6. Выводы",
        "1. Оценка «Удовлетворённость программой наставничества» выросла с 7,0 до 8,5 балла",
        "О.\u00a0В.\u00a0Смирнова",
    ):
        assert phrase in body, phrase
    assert len(Document(str(report)).inline_shapes) == 3  # surveys, meetings, roadmap
    assert outcome.open_files and outcome.data["satisfaction"]["survey"] == "Итоговая"
    ws = openpyxl.load_workbook(sheet)["Мониторинг"]
    assert len(ws._charts) == 3  # native Excel charts
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "Основные показатели" in values and "Полезность встреч" in values


def test_report_files_never_overwrite_earlier_ones(tmp_path: Path) -> None:
    book = fake(tmp_path)
    first = monitoring_report(book, out_dir=tmp_path, today=TODAY).files
    second = monitoring_report(book, out_dir=tmp_path, today=TODAY).files
    assert {p.name for p in second} == {p.stem + " (2)" + p.suffix for p in first}


def test_a_new_survey_question_becomes_a_column_of_the_excel_table_in_the_result_workbook(tmp_path: Path) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table

    book = sheets()
    book[k.SURVEYS.name] = [[*k.SURVEYS.headers, QUESTIONS[1]],
                            ["20.09.2025", "Петрова Анна Сергеевна", "Наставляемый", "1", "Входная", 7]]
    master = write_book(tmp_path / "Наставничество.xlsx", book)
    wb = openpyxl.load_workbook(master)
    ws = wb[k.SURVEYS.name]
    ws.add_table(Table(displayName="tblSurveys", ref=f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"))
    wb.save(master)
    outcome = import_export(HeadlessBook(master, suffix="анкеты"), yandex_survey(tmp_path / "Итоговая.xlsx"),
                            as_="survey")
    (result,) = outcome.files
    ws = openpyxl.load_workbook(result)[k.SURVEYS.name]
    header = [c.value for c in ws[1]]
    assert header.count(QUESTIONS[1]) == 1  # a known question is found, not added twice
    assert len(header) == len(k.SURVEYS.headers) + 3  # two new questions after the last column
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3)]
    assert [r[header.index(QUESTIONS[1])] for r in rows] == [9, 9]
    assert {r[-1] for r in rows} == {HYPERLINK, "Всё хорошо"}
    (table,) = ws.tables.values()
    assert table.ref == f"A1:{get_column_letter(len(header))}4"
    assert [c.name for c in table.tableColumns] == header
