"""The municipal bank of mentors and network pairs, on three small schools built in the test.

School 1 (с. Берёзовка) has two mentees whom no mentor of its own covers («ОГЭ»): one agreed to network
mentoring, one did not. School 2 (the same village) and school 3 (a town) each have a mentor for «ОГЭ» who
agreed, and one who did not; school 3's scores higher (the same subject), school 2's is nearer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from mentorxl.actions.documents import make_order
from mentorxl.actions.network import import_suggestions, network_suggestions
from mentorxl.actions.pairs import approve_pairs
from mentorxl.book.fake import FakeBook
from mentorxl.core import contract as k
from mentorxl.documents.render import read_docx
from mentorxl.errors import MentorXLError
from tests.builders import grid, mentee, mentor, minimal_book, settings_grid, write_book

TODAY = date(2025, 10, 1)
AGREED = "01.09.2025"
SCHOOL_1 = {k.SET_ORG_SHORT: "МКОУ «Берёзовская ООШ»", k.SET_ORG_FULL: "Муниципальное казённое общеобразовательное "
            "учреждение «Берёзовская основная общеобразовательная школа»", k.SET_ORG_INN: "6601000001",
            k.SET_PLACE: "с. Берёзовка"}
SCHOOL_2 = {k.SET_ORG_SHORT: "МКОУ «Берёзовская СОШ»", k.SET_ORG_FULL: "МКОУ «Берёзовская СОШ»",
            k.SET_ORG_INN: "6601000002", k.SET_PLACE: "с. Берёзовка"}
SCHOOL_3 = {k.SET_ORG_SHORT: "МБОУ «СОШ № 7»", k.SET_ORG_FULL: "МБОУ «СОШ № 7» г. Заречного",
            k.SET_ORG_INN: "6601000003", k.SET_PLACE: "г. Заречный"}

WANTS = "Лесная Анна Сергеевна"  # school 1, agreed, no mentor at home
SHY = "Тихая Вера Павловна"  # school 1, did not agree, no mentor at home
AT_HOME = "Домашний Илья Петрович"  # school 1, agreed, has a mentor at home
HOME_MENTOR = "Своя Ольга Ивановна"  # school 1, did not agree
NEAR = "Ближняя Мария Петровна"  # school 2, agreed
NEAR_SHY = "Скромная Елена Викторовна"  # school 2, did not agree
FAR = "Дальняя Ирина Олеговна"  # school 3, agreed, the same subject
FAR_SHY = "Закрытая Нина Андреевна"  # school 3, did not agree
ALONE = "Одинокий Пётр Ильич"  # school 3, agreed, nobody anywhere covers «робототехника»
PRIVATE = {SHY, AT_HOME, HOME_MENTOR, NEAR_SHY, FAR_SHY}


def books(consent: str = AGREED) -> dict[str, dict[str, list[list[object]]]]:
    one = minimal_book(
        mentees=[mentee(WANTS, "ОГЭ", subject="Математика", network_consent=consent),
                 mentee(SHY, "ОГЭ"),
                 mentee(AT_HOME, "ИКТ", network_consent=consent)],
        mentors=[mentor(HOME_MENTOR, "ИКТ")],
    )
    one[k.SETTINGS.name] = settings_grid(SCHOOL_1)
    two = minimal_book(mentors=[mentor(NEAR, "ОГЭ", subject="Физика", capacity=1, network_consent=consent),
                                mentor(NEAR_SHY, "ОГЭ")])
    two[k.SETTINGS.name] = settings_grid(SCHOOL_2)
    three = minimal_book(
        mentees=[mentee(ALONE, "робототехника", network_consent=consent)],
        mentors=[mentor(FAR, "ОГЭ", subject="Математика", experience=25, category="высшая",
                        network_consent=consent), mentor(FAR_SHY, "ОГЭ; робототехника")],
        pairs=[{"number": "1", "mentor": FAR_SHY, "mentees": "Занятой Олег Олегович", "status": "Действует"}],
    )
    three[k.MENTEES.name] = grid(k.MENTEES, [mentee(ALONE, "робототехника", network_consent=consent),
                                             mentee("Занятой Олег Олегович", "ОГЭ", status="В паре")])
    three[k.MENTORS.name] = grid(k.MENTORS, [
        mentor(FAR, "ОГЭ", subject="Математика", experience=25, category="высшая", network_consent=consent),
        mentor(FAR_SHY, "ОГЭ; робототехника", capacity=1)])
    three[k.SETTINGS.name] = settings_grid(SCHOOL_3)
    return {"школа_1.xlsx": one, "школа_2.xlsx": two, "школа_3.xlsx": three}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    where = tmp_path / "район"
    where.mkdir()
    for name, sheets in books().items():
        write_book(where / name, sheets)
    return where


def cells(path: Path) -> list[str]:
    return [str(c) for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows(values_only=True)
            for c in row if c is not None]


def test_a_mentee_without_a_mentor_at_home_gets_one_from_a_school_of_the_same_village(folder: Path,
                                                                                     tmp_path: Path) -> None:
    out = tmp_path / "Сеть.xlsx"
    outcome = network_suggestions(folder, out=out)
    assert outcome.exit_code == 0 and outcome.data["stats"]["suggested"] == 1
    wb = openpyxl.load_workbook(out)
    sheet = next(ws for ws in wb.worksheets if ws.title.startswith("001"))
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]]
    assert [(r[0], r[1]) for r in rows] == [(WANTS, NEAR)]  # nearer beats the better score in the town
    header = [c.value for c in sheet[3]]
    line = dict(zip(header, rows[0], strict=True))
    assert line["Организация наставника"] == "МКОУ «Берёзовская СОШ»"
    assert "тот же населённый пункт" in line["Пояснение"] and "Совпало: «Подготовка к ОГЭ и ЕГЭ»" in line["Пояснение"]
    bank = [r[0] for r in wb["Банк наставников"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert sorted(bank) == sorted([NEAR, FAR])
    lonely = next(ws for ws in wb.worksheets if ws.title.startswith("003"))
    left = [r for r in lonely.iter_rows(min_row=4, values_only=True) if r[0]]
    assert [(r[0], r[1]) for r in left] == [(ALONE, None)]
    why = dict(zip([c.value for c in lonely[3]], left[0], strict=True))["Пояснение"]  # by header: columns move
    assert "нет свободного наставника" in why or "робототехника" in why


def test_no_name_of_anyone_who_did_not_agree_leaves_their_school(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "Сеть.xlsx"
    network_suggestions(folder, out=out)
    text = "\n".join(cells(out)).casefold()
    leaked = [name for name in PRIVATE | {"Занятой Олег Олегович"} if name.split()[0].casefold() in text]
    assert leaked == []
    assert WANTS.split()[0].casefold() in text and NEAR.split()[0].casefold() in text


def test_without_consent_no_person_appears_and_nothing_is_suggested(tmp_path: Path) -> None:
    where = tmp_path / "район"
    where.mkdir()
    for name, sheets in books(consent="").items():
        write_book(where / name, sheets)
    out = tmp_path / "Сеть.xlsx"
    outcome = network_suggestions(where, out=out)
    assert outcome.data["stats"]["suggested"] == 0 and outcome.data["stats"]["mentors"] == 0
    text = "\n".join(cells(out)).casefold()
    everyone = PRIVATE | {WANTS, NEAR, FAR, ALONE}
    assert [n for n in everyone if n.split()[0].casefold() in text] == []


def test_a_school_imports_its_sheet_approves_it_and_the_order_names_the_mentors_organisation(
        folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "Сеть.xlsx"
    network_suggestions(folder, out=out)
    own = books()["школа_1.xlsx"]
    own[k.SUGGESTIONS.name] = grid(k.SUGGESTIONS, [{"mentee": AT_HOME, "mentor": HOME_MENTOR, "score": 80,
                                                    "decision": "Утвердить"}])
    book = FakeBook(own, path=tmp_path / "Наставничество.xlsx")
    outcome = import_suggestions(book, out)
    assert outcome.exit_code == 0 and outcome.data["suggested"] == 1
    rows = book.rows_of(k.SUGGESTIONS)
    assert [(r["mentee"], r["mentor"], r["mentor_org"]) for r in rows] == [
        (AT_HOME, HOME_MENTOR, ""), (WANTS, NEAR, "МКОУ «Берёзовская СОШ»")]
    book.update_cells(k.SUGGESTIONS, [(3, "decision", "Утвердить")])
    approve_pairs(book, today=TODAY)
    pairs = {r["mentor"]: r for r in book.rows_of(k.PAIRS)}
    assert pairs[NEAR]["mentor_org"] == "МКОУ «Берёзовская СОШ»" and pairs[HOME_MENTOR]["mentor_org"] is None
    order = make_order(book, out_dir=tmp_path, number="5", on=TODAY, today=TODAY)
    text = " ".join(read_docx(order.files[0].read_bytes()).body).replace("\u00a0", " ")
    assert f"{NEAR}" in text and "МКОУ «Берёзовская СОШ» (сетевое наставничество)" in text


def test_importing_again_replaces_the_network_rows_and_keeps_a_decision(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "Сеть.xlsx"
    network_suggestions(folder, out=out)
    book = FakeBook(books()["школа_1.xlsx"])
    import_suggestions(book, out)
    book.update_cells(k.SUGGESTIONS, [(2, "decision", "Отклонить")])
    import_suggestions(book, out)
    rows = book.rows_of(k.SUGGESTIONS)
    assert [(r["mentee"], r["decision"]) for r in rows] == [(WANTS, "Отклонить")]


def test_a_book_of_a_school_the_file_does_not_know_is_told_so(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "Сеть.xlsx"
    network_suggestions(folder, out=out)
    other = minimal_book()
    other[k.SETTINGS.name] = settings_grid({k.SET_ORG_INN: "6601999999"})
    with pytest.raises(MentorXLError, match="нет сетевых предложений"):
        import_suggestions(FakeBook(other), out)


def test_from_the_command_line_a_school_loads_its_sheet_and_approves_the_network_pair(folder: Path,
                                                                                    tmp_path: Path) -> None:
    from mentorxl.cli import main

    out = tmp_path / "Сеть.xlsx"
    assert main(["network", str(folder), "--out", str(out)]) == 0
    book = write_book(tmp_path / "Наставничество.xlsx", books()["школа_1.xlsx"])
    assert main(["import", str(book), str(out), "--as", "suggestions"]) == 0
    chosen = book  # the suggestions go into the school's own «Подбор»
    wb = openpyxl.load_workbook(chosen)
    ws = wb[k.SUGGESTIONS.name]
    header_row = next(r for r in range(1, 6) if ws.cell(r, 1).value == "Наставляемый")
    decision = [c.value for c in ws[header_row]].index("Решение") + 1
    ws.cell(header_row + 1, decision).value = "Утвердить"
    wb.save(chosen)
    approved = tmp_path / "пары.xlsx"
    assert main(["approve", str(book), "--out", str(approved)]) == 0
    ws = openpyxl.load_workbook(approved)[k.PAIRS.name]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header = next(r for r in rows if "Наставник" in r)
    line = next(r for r in rows if NEAR in r)
    assert line[header.index("Организация наставника")] == "МКОУ «Берёзовская СОШ»"


def test_a_network_file_that_cannot_be_written_is_exit_2_with_a_message(folder: Path, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from mentorxl.cli import main

    (tmp_path / "файл").write_text("не папка")
    assert main(["network", str(folder), "--out", str(tmp_path / "файл" / "Сеть.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "это файл, а здесь нужна папка" in err and "Что сделать:" in err


def test_a_book_made_before_the_column_gets_the_mentors_organisation_as_a_new_column(folder: Path,
                                                                                      tmp_path: Path) -> None:
    out = tmp_path / "Сеть.xlsx"
    network_suggestions(folder, out=out)
    own = books()["школа_1.xlsx"]
    old = [h for h in k.PAIRS.headers if h != "Организация наставника"]
    own[k.PAIRS.name] = [old]
    book = FakeBook(own)
    import_suggestions(book, out)
    book.update_cells(k.SUGGESTIONS, [(2, "decision", "Утвердить")])
    approve_pairs(book, today=TODAY)
    header = book.grids[k.PAIRS.name][0]
    assert header[-1] == "Организация наставника" and header[:-1] == old
    assert [r["mentor_org"] for r in book.rows_of(k.PAIRS)] == ["МКОУ «Берёзовская СОШ»"]


def test_of_one_schools_archive_and_new_years_book_only_the_latest_year_goes_to_the_network(
    folder: Path, tmp_path: Path
) -> None:
    from datetime import datetime

    archive = books()["школа_2.xlsx"]
    archive[k.SETTINGS.name] = settings_grid({**SCHOOL_2, k.SET_YEAR: "2024/2025"})
    write_book(folder / "школа_2 архив 2024-2025.xlsx", archive, saved=datetime(2026, 1, 1, 9, 0))
    outcome = network_suggestions(folder, out=tmp_path / "Сеть.xlsx")
    assert outcome.data["not_used"] == [{"file": "школа_2 архив 2024-2025.xlsx", "used": "школа_2.xlsx"}]
    assert "Не учтено книг — 1" in outcome.message
    bank = [r[0] for r in openpyxl.load_workbook(tmp_path / "Сеть.xlsx")["Банк наставников"]
            .iter_rows(min_row=4, values_only=True) if r[0]]
    assert sorted(bank) == sorted([NEAR, FAR])  # the mentor of school 2 once, not once per book
    assert outcome.data["stats"]["suggested"] == 1
