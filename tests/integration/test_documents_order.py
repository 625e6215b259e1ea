"""«Сформировать приказ»: the Word order read back as text, and what the book records."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from mentorxl.actions.documents import make_order
from mentorxl.book.fake import FakeBook
from mentorxl.core import contract as k
from mentorxl.documents.render import DocxText, read_docx
from mentorxl.errors import FileBusy, NothingToDo, NotReady
from tests.builders import Grid, grid, mentee, mentor, minimal_book, settings_grid, write_book

ON = date(2025, 9, 1)
ORDER_NAME = "Приказ о закреплении наставнических пар № 1 от 01.09.2025.docx"

MENTEES: list[dict[str, object]] = [
    mentee("Петрова Анна Сергеевна", "ИКТ", position="учитель английского языка"),
    mentee("Сидоров Иван Ильич", "родители", position="учитель истории"),
    mentee("Алиева Айгюль Рашид кызы", "урок", position="учитель начальных классов"),
    mentee("Фёдорова Алёна Игоревна", "ОГЭ", position="учитель химии"),
]
MENTORS: list[dict[str, object]] = [
    mentor("Иванова Мария Петровна", position="учитель математики"),
    mentor("Кузнецов Олег Игоревич", position="учитель физики"),
    mentor("Ким Ольга Вадимовна", position="педагог-психолог"),
]
PAIRS: list[dict[str, object]] = [
    {"number": "1", "mentor": "Иванова Мария Петровна",
     "mentees": "Петрова Анна Сергеевна; Сидоров Иван Ильич", "form": "педагог – педагог",
     "kind": "групповое", "start": "01.09.2025", "end": "31.05.2026", "status": "Утверждена"},
    {"number": "2", "mentor": "Кузнецов Олег Игоревич", "mentees": "Алиева Айгюль Рашид кызы",
     "form": "педагог – педагог", "kind": "традиционное", "start": "01.09.2025", "end": "31.05.2026",
     "status": "Утверждена"},
    {"number": "3", "mentor": "Ким Ольга Вадимовна", "mentees": "Фёдорова Алёна Игоревна",
     "status": "Проект"},
]


def fake_book(tmp_path: Path, pairs: Sequence[Mapping[str, object]] = PAIRS,
              settings: Grid | None = None) -> FakeBook:
    sheets = {k.SETTINGS.name: settings} if settings is not None else {}
    return FakeBook(minimal_book(mentees=MENTEES, mentors=MENTORS, pairs=pairs, **sheets),
                    path=tmp_path / "Наставничество.xlsx")


def assert_sound(path: Path) -> None:
    """A real .docx: a zip whose every XML part parses, with no template tag left anywhere."""
    assert path.stat().st_size > 5000
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert "word/document.xml" in names
        for name in names:
            if name.endswith((".xml", ".rels")):
                text = archive.read(name).decode("utf-8")
                etree.fromstring(text.encode("utf-8"))  # well-formed, or lxml raises
                assert "{{" not in text and "{%" not in text and "{#" not in text, name


def read(path: Path) -> DocxText:
    assert_sound(path)
    return plain(read_docx(path.read_bytes()))


def plain(doc: DocxText) -> DocxText:
    """The text with no-break spaces read as spaces (dates and numbers keep them so as not to wrap)."""
    def fix(lines: list[str]) -> list[str]:
        return [line.replace("\u00a0", " ") for line in lines]

    return DocxText(fix(doc.body), fix(doc.headers), fix(doc.footers))


def position_of(lines: list[str], text: str) -> int:
    return next(i for i, line in enumerate(lines) if text in line)


def test_the_order_is_laid_out_as_an_order_with_every_approved_pair(tmp_path: Path) -> None:
    outcome = make_order(fake_book(tmp_path), out_dir=None, number=None, on=None, today=ON)
    path = tmp_path / "Документы" / ORDER_NAME
    assert outcome.files == [path]
    doc = read(path)
    body = doc.body
    steps = ["Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»", "ПРИКАЗ",
             "1 сентября 2025 г.\t№ 1", "О закреплении наставнических пар (групп)",
             "статьёй 351.8 Трудового кодекса", "ПРИКАЗЫВАЮ:",
             "1. Закрепить наставнические пары (группы) на 2025/2026 учебный год",
             "№ | Наставник, должность | Наставляемые, должность", "2. Установить срок наставничества",
             "3. Наставникам в течение месяца", "5. Контроль за исполнением приказа",
             "Директор\tТ. Н. Орлова",
             "С приказом ознакомлены:", "№ | Фамилия, имя, отчество | Подпись | Дата"]
    places = [position_of(body, s) for s in steps]
    assert places == sorted(places)
    assert ("1 | Иванова Мария Петровна\nучитель математики | "
            "Петрова Анна Сергеевна, учитель английского языка\nСидоров Иван Ильич, учитель истории | "
            "педагог – педагог; групповое | с 01.09.2025\nпо 31.05.2026") in body
    assert ("2 | Кузнецов Олег Игоревич\nучитель физики | "
            "Алиева Айгюль Рашид кызы, учитель начальных классов | "
            "педагог – педагог; традиционное | с 01.09.2025\nпо 31.05.2026") in body
    assert not any("Ким Ольга" in line for line in body)  # a draft pair stays out
    assert "2. Установить срок наставничества с 1 сентября 2025 г. по 31 мая 2026 г." in body
    assert "None" not in doc.text
    signers = body[position_of(body, "С приказом ознакомлены:") + 2:]
    assert signers == ["1 | Смирнова Ольга Викторовна |  | ", "2 | Иванова Мария Петровна |  | ",
                       "3 | Петрова Анна Сергеевна |  | ", "4 | Сидоров Иван Ильич |  | ",
                       "5 | Кузнецов Олег Игоревич |  | ", "6 | Алиева Айгюль Рашид кызы |  | "]


def test_the_order_declines_the_curator_in_every_clause_that_names_her(tmp_path: Path) -> None:
    make_order(fake_book(tmp_path), out_dir=None, number=None, on=None, today=ON)
    body = read(tmp_path / "Документы" / ORDER_NAME).body
    assert ("5. Контроль за исполнением приказа возложить на заместителя директора по УВР Смирнову Ольгу "
            "Викторовну.") in body
    clause3 = body[position_of(body, "3. Наставникам")]
    assert clause3.endswith("(до 1 октября 2025 г.) разработать совместно с наставляемыми "
                            "персонализированные программы наставничества и согласовать их "
                            "с заместителем директора по УВР Смирновой Ольгой Викторовной.")
    assert body[position_of(body, "4. Наставникам")].endswith(
        "отчёт о выполнении персонализированной программы заместителю директора по УВР "
        "Смирновой Ольге Викторовне.")


def test_without_a_curator_the_director_keeps_control(tmp_path: Path) -> None:
    settings = settings_grid({k.SET_CURATOR: "", k.SET_CURATOR_POSITION: ""})
    make_order(fake_book(tmp_path, settings=settings), out_dir=None, number=None, on=None, today=ON)
    body = read(tmp_path / "Документы" / ORDER_NAME).body
    assert "5. Контроль за исполнением приказа оставляю за собой." in body
    assert body[position_of(body, "3. Наставникам")].endswith("персонализированные программы наставничества.")


def test_pages_are_numbered_at_the_top_from_the_second_page_as_the_standard_asks(tmp_path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    make_order(fake_book(tmp_path), out_dir=None, number=None, on=None, today=ON)
    path = tmp_path / "Документы" / ORDER_NAME
    doc = read(path)
    assert doc.headers == ["", "2"]  # the first page's own header is empty; the others hold the number
    assert doc.footers == []
    section = Document(str(path)).sections[0]
    assert section.different_first_page_header_footer
    [number] = section.header.paragraphs
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in section.header._element.xml and "fldChar" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_the_pairs_get_the_order_number_and_date_and_the_book_is_saved(tmp_path: Path) -> None:
    book = fake_book(tmp_path)
    outcome = make_order(book, out_dir=None, number=None, on=None, today=ON)
    rows = book.rows_of(k.PAIRS)
    assert [(r["order_number"], r["order_date"], r["status"]) for r in rows] == [
        ("1", ON, "Утверждена"), ("1", ON, "Утверждена"), (None, None, "Проект")]
    assert book.saves == 1
    assert "Приказ № 1 от 01.09.2025" in outcome.message
    assert "пар и групп — 2, из них групп — 1" in outcome.message
    assert outcome.data["order"] == {"number": "1", "date": "2025-09-01", "pairs": ["1", "2"],
                                     "file": str(tmp_path / "Документы" / ORDER_NAME)}
    assert outcome.open_files is True


def test_a_second_click_has_nothing_to_do_and_names_the_order_already_made(tmp_path: Path) -> None:
    book = fake_book(tmp_path)
    make_order(book, out_dir=None, number="12", on=None, today=ON)
    with pytest.raises(NothingToDo) as caught:
        make_order(book, out_dir=None, number=None, on=None, today=ON)
    assert "№ 12" in caught.value.message
    assert "Утвердить пары" in caught.value.hint


def test_the_next_free_number_follows_the_orders_already_in_the_book(tmp_path: Path) -> None:
    earlier: dict[str, object] = {"number": "4", "mentor": "Ким Ольга Вадимовна",
                                  "mentees": "Фёдорова Алёна Игоревна", "status": "Действует",
                                  "order_number": "45-н", "order_date": "15.01.2025"}
    pairs = [*PAIRS, earlier]
    book = fake_book(tmp_path, pairs)
    outcome = make_order(book, out_dir=None, number=None, on=date(2025, 9, 3), today=ON)
    assert outcome.files[0].name == "Приказ о закреплении наставнических пар № 46-н от 03.09.2025.docx"
    assert "3 сентября 2025 г.\t№ 46-н" in read(outcome.files[0]).body


def test_without_approved_pairs_the_message_says_to_approve_first(tmp_path: Path) -> None:
    pairs = [{**p, "status": "Проект"} for p in PAIRS]
    book = fake_book(tmp_path, pairs)
    with pytest.raises(NothingToDo) as caught:
        make_order(book, out_dir=None, number=None, on=None, today=ON)
    assert "Нет утверждённых пар" in caught.value.message
    assert "«Утвердить пары»" in caught.value.hint and "«Номер приказа»" in caught.value.hint
    assert not (tmp_path / "Документы").exists()
    assert book.saves == 0 and book.log == []


@pytest.mark.parametrize(("setting", "what"), [(k.SET_ORG_FULL, "Полное наименование организации"),
                                               (k.SET_HEAD, "Руководитель")])
def test_a_missing_setting_is_named_and_nothing_is_written(tmp_path: Path, setting: str, what: str) -> None:
    book = fake_book(tmp_path, settings=settings_grid({setting: None}))
    with pytest.raises(NotReady) as caught:  # the readiness gate names the setting before anything is written
        make_order(book, out_dir=None, number=None, on=None, today=ON)
    assert f"«{what}»" in caught.value.message
    assert not (tmp_path / "Документы").exists()
    assert book.log == []


def test_names_with_quotes_ampersands_angle_brackets_and_yo_come_out_as_typed(tmp_path: Path) -> None:
    org = "МБОУ «Школа & Лицей <№ 1>» им. Ю. А. Гагарина"
    settings = settings_grid({k.SET_ORG_FULL: org, k.SET_ORG_SHORT: "МБОУ «Ш&Л <1>»",
                              k.SET_PLACE: "г. Орёл", k.SET_HEAD: "Семёнов Пётр Фёдорович"})
    pairs = [{"number": "1", "mentor": "Иванова Мария Петровна", "mentees": "Фёдорова Алёна Игоревна",
              "form": "педагог – педагог & «ученик»", "status": "Утверждена"}]
    outcome = make_order(fake_book(tmp_path, pairs, settings),
                         out_dir=None, number="5<о>", on=None, today=ON)
    assert outcome.files[0].name == "Приказ о закреплении наставнических пар № 5_о_ от 01.09.2025.docx"
    body = read(outcome.files[0]).body
    assert body[0] == org
    assert "г. Орёл" in body
    assert "1 сентября 2025 г.\t№ 5<о>" in body
    grounds = "Положением о системе наставничества педагогических работников МБОУ «Ш&Л <1>»,"
    assert any(grounds in line for line in body)
    assert any("Фёдорова Алёна Игоревна" in b and "педагог – педагог & «ученик»" in b for b in body)
    assert "Директор\tП. Ф. Семёнов" in body


def test_a_latin_look_alike_letter_stops_the_order_with_the_cell_to_fix(tmp_path: Path) -> None:
    latin_o = "Фёдoрова Алёна Игоревна"  # the «o» of the surname is Latin, as in the demo's «Кoвалёва»
    assert latin_o != "Фёдорова Алёна Игоревна"
    pairs = [{"number": "1", "mentor": "Иванова Мария Петровна", "mentees": latin_o, "status": "Утверждена"}]
    book = fake_book(tmp_path, pairs)
    with pytest.raises(NotReady) as caught:
        make_order(book, out_dir=None, number=None, on=None, today=ON)
    assert caught.value.exit_code == 1
    assert (f"• лист «Пары», строка 2, столбец «Наставляемые»: В ФИО «{latin_o}» есть латинские буквы (o)"
            in caught.value.message)
    assert not (tmp_path / "Документы").exists()
    assert [r["mentees"] for r in book.rows_of(k.PAIRS)] == [latin_o]  # the book is not changed behind her back
    assert book.saves == 0


def test_an_order_with_names_in_russian_letters_carries_no_warning_about_letters(tmp_path: Path) -> None:
    outcome = make_order(fake_book(tmp_path), out_dir=None, number=None, on=None, today=ON)
    assert "латинские" not in outcome.message
    assert not any("латинские" in w for w in outcome.data.get("warnings", []))


def test_a_control_character_pasted_into_a_name_does_not_corrupt_the_order(tmp_path: Path) -> None:
    pairs = [{"number": "1", "mentor": "Иванова Мария Петровна", "mentees": "Фёдорова Алёна\x0b Игоревна",
              "status": "Утверждена"}]
    outcome = make_order(fake_book(tmp_path, pairs), out_dir=None, number=None, on=None, today=ON)
    assert any("Фёдорова Алёна Игоревна" in line for line in read(outcome.files[0]).body)


def test_the_folder_comes_from_the_setting_relative_to_the_book(tmp_path: Path) -> None:
    settings = settings_grid({k.SET_DOCS_FOLDER: "Приказы/2025"})
    outcome = make_order(fake_book(tmp_path, settings=settings), out_dir=None, number=None, on=None,
                         today=ON)
    assert outcome.files == [tmp_path / "Приказы" / "2025" / ORDER_NAME]
    out = tmp_path / "сюда"
    outcome = make_order(fake_book(tmp_path), out_dir=out, number=None, on=None, today=ON)
    assert outcome.files == [out / ORDER_NAME]


def test_an_earlier_order_with_the_same_name_is_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "Документы"
    folder.mkdir()
    (folder / ORDER_NAME).write_bytes(b"earlier")
    outcome = make_order(fake_book(tmp_path), out_dir=None, number=None, on=None, today=ON)
    assert (folder / ORDER_NAME).read_bytes() == b"earlier"
    assert outcome.files[0].name == "Приказ о закреплении наставнических пар № 1 от 01.09.2025 (2).docx"
    assert_sound(outcome.files[0])


def test_an_order_file_open_in_word_stops_before_the_book_changes(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import mentorxl.actions.documents as actions

    monkeypatch.setattr(actions, "next_free", lambda path: path)  # the same name again, while Word holds it
    folder = tmp_path / "Документы"
    folder.mkdir()
    (folder / ORDER_NAME).write_bytes(b"open")
    (folder / ("~$" + ORDER_NAME[2:])).write_bytes(b"lock")
    book = fake_book(tmp_path)
    with pytest.raises(FileBusy):
        make_order(book, out_dir=None, number=None, on=None, today=ON)
    assert (folder / ORDER_NAME).read_bytes() == b"open"
    assert book.log == [] and book.saves == 0


def test_a_large_order_holds_every_pair(tmp_path: Path) -> None:
    mentees = [mentee(f"Наставляемая{i} Анна Сергеевна", "ИКТ") for i in range(120)]
    mentors = [mentor(f"Наставник{i} Олег Игоревич", position="учитель") for i in range(120)]
    pairs = [{"number": str(i + 1), "mentor": f"Наставник{i} Олег Игоревич",
              "mentees": f"Наставляемая{i} Анна Сергеевна", "status": "Утверждена"} for i in range(120)]
    book = FakeBook(minimal_book(mentees=mentees, mentors=mentors, pairs=pairs), path=tmp_path / "b.xlsx")
    outcome = make_order(book, out_dir=None, number=None, on=None, today=ON)
    body = read(outcome.files[0]).body
    for i in range(120):
        assert any(line.startswith(f"{i + 1} | Наставник{i} Олег Игоревич") for line in body)


def test_headless_the_order_numbers_land_in_the_book_itself(tmp_path: Path) -> None:
    from mentorxl.book.headless import HeadlessBook
    from mentorxl.book.reader import read_program

    master = write_book(tmp_path / "Наставничество.xlsx", {
        k.SETTINGS.name: settings_grid(), k.ROADMAP.name: grid(k.ROADMAP, []),
        k.MENTEES.name: grid(k.MENTEES, MENTEES), k.MENTORS.name: grid(k.MENTORS, MENTORS),
        k.PAIRS.name: grid(k.PAIRS, PAIRS),
    })
    outcome = make_order(HeadlessBook(master), out_dir=None, number="7", on=None, today=ON)
    docx, result = outcome.files
    assert docx.suffix == ".docx" and result == master
    pairs = read_program(master).pairs
    assert [(p.order_number, p.order_date) for p in pairs] == [("7", ON), ("7", ON), ("", None)]


def test_the_command_line_makes_the_order_and_says_when_there_is_nothing_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mentorxl.cli import main

    master = write_book(tmp_path / "Наставничество.xlsx", {
        k.SETTINGS.name: settings_grid(), k.ROADMAP.name: grid(k.ROADMAP, []),
        k.MENTEES.name: grid(k.MENTEES, MENTEES), k.MENTORS.name: grid(k.MENTORS, MENTORS),
        k.PAIRS.name: grid(k.PAIRS, PAIRS),
    })
    out = tmp_path / "out"
    assert main(["order", str(master), "--out", str(out), "--number", "3", "--today", "01.09.2025"]) == 0
    printed = capsys.readouterr().out
    assert "Приказ № 3 от 01.09.2025" in printed
    assert (out / "Приказ о закреплении наставнических пар № 3 от 01.09.2025.docx").exists()
    assert main(["docs", str(master), "--kind", "reward", "--out", str(out), "--today", "01.09.2025"]) == 1
    assert "«Поощрение»" in capsys.readouterr().err
