"""The school's roadmap in and out of Word: `import --as roadmap` on the sample documents of tests/data/roadmaps
and the round trip through `docs --kind roadmap`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from mentorxl.actions.roadmap import import_roadmap, roadmap_documents
from mentorxl.book.fake import FakeBook
from mentorxl.book.headless import HeadlessBook
from mentorxl.book.reader import read_program
from mentorxl.cli import main
from mentorxl.core import contract as k
from mentorxl.documents.render import read_docx
from mentorxl.errors import NotReady
from tests.builders import grid, minimal_book, settings_grid, write_book

DATA = Path(__file__).resolve().parents[1] / "data" / "roadmaps"
TODAY = date(2025, 9, 20)


def fake(roadmap: list[dict[str, object]] | None = None) -> FakeBook:
    return FakeBook(minimal_book(**{k.ROADMAP.name: grid(k.ROADMAP, roadmap or [])}))


def events(book: FakeBook) -> list[tuple[str, str, str, str, str]]:
    return [(e.stage, e.event, e.term, e.responsible, e.result) for e in book.read().roadmap if e.event]


def test_merged_stages_and_listed_items_load_one_activity_per_item() -> None:
    book = fake()
    outcome = import_roadmap(book, DATA / "merged_stages.docx", overwrite=False, today=TODAY)
    loaded = events(book)
    assert len(loaded) == 11
    assert loaded[1] == ("Подготовка условий для реализации системы наставничества",
                         "приказ об утверждении Положения о наставничестве", "август – сентябрь 2025",
                         "Директор, заместитель директора по УВР", "")
    assert loaded[4][1:4] == ("Педагогический совет о целях и формах наставничества", "август – сентябрь 2025",
                              "Директор")
    assert "повтор строки заголовков" in "\n".join(outcome.lines)
    assert outcome.exit_code == 0


def test_section_rows_name_stages_and_an_unreadable_term_is_reported_with_its_line() -> None:
    book = fake()
    outcome = import_roadmap(book, DATA / "sections.docx", overwrite=False, today=TODAY)
    stages = {e[0] for e in events(book)}
    assert stages == {"I. Подготовка условий для запуска программы наставничества",
                      "II. Формирование базы наставляемых"}
    assert any("«когда появится время» не удалось понять" in line and "строка 7" in line for line in outcome.lines)


def test_a_table_without_terms_loads_with_a_warning() -> None:
    book = fake()
    outcome = import_roadmap(book, DATA / "no_terms.docx", overwrite=False, today=TODAY)
    assert [e[1] for e in events(book)] == ["Изучение нормативной базы", "Создание рабочей группы",
                                            "Собеседования с опытными педагогами"]
    assert any("нет столбца сроков" in line for line in outcome.lines)


def test_continuation_rows_take_the_term_of_the_activity_above() -> None:
    book = fake()
    import_roadmap(book, DATA / "two_activity_columns.docx", overwrite=False, today=TODAY)
    rows = events(book)
    assert rows[1][1:3] == ("Совещание при директоре о наставничестве", "сентябрь")
    assert rows[2][3] == "Куратор, наставники"
    assert rows[3][2] == "Ежегодно сентябрь (дополнительно по запросу)"


def test_existing_activities_stay_and_overwrite_replaces_the_roadmap() -> None:
    mine = {"stage": "Мой этап", "event": "Моё мероприятие", "term": "май 2026", "responsible": "Я"}
    book = fake([mine])
    import_roadmap(book, DATA / "no_terms.docx", overwrite=False, today=TODAY)
    assert events(book)[0][1] == "Моё мероприятие" and len(events(book)) == 4
    again = import_roadmap(book, DATA / "no_terms.docx", overwrite=False, today=TODAY)
    assert again.exit_code == 1 and len(events(book)) == 4
    import_roadmap(book, DATA / "no_terms.docx", overwrite=True, today=TODAY)
    assert events(book)[0][1] == "Изучение нормативной базы" and len(events(book)) == 3


def test_an_odt_roadmap_is_read_through_libreoffice(soffice: str) -> None:
    book = fake()
    import_roadmap(book, DATA / "merged_stages.odt", overwrite=False, today=TODAY)
    assert len(events(book)) == 11


def test_the_roadmap_document_imports_back_to_the_same_activities(tmp_book, tmp_path: Path) -> None:
    master = tmp_book(demo=True)
    out = tmp_path / "docs"
    made = roadmap_documents(HeadlessBook(master), out_dir=out, today=TODAY)
    document = next(f for f in made.files if f.name.startswith("Дорожная карта"))
    before = [(e.stage, e.event, e.term, e.responsible, e.result) for e in HeadlessBook(master).read().roadmap
              if e.event]
    result = tmp_path / "back.xlsx"
    import_roadmap(HeadlessBook(master, result=result), document, overwrite=True, today=TODAY)
    after = [(e.stage, e.event, e.term, e.responsible, e.result) for e in HeadlessBook(result).read().roadmap
             if e.event]
    assert after == before and len(after) > 20


def test_the_roadmap_document_is_landscape_with_the_approval_and_stages_merged(tmp_book, tmp_path: Path) -> None:
    master = tmp_book(demo=True)
    made = roadmap_documents(HeadlessBook(master), out_dir=tmp_path, today=TODAY)
    names = [f.name for f in made.files]
    assert any(n.startswith("Приказ об утверждении дорожной карты") for n in names)
    assert any(n.startswith("Приказ о назначении куратора") for n in names)
    document = docx.Document(str(next(f for f in made.files if f.name.startswith("Дорожная карта"))))
    section = document.sections[0]
    assert section.page_width > section.page_height
    text = read_docx(Path(made.files[0]).read_bytes()).text
    assert "УТВЕРЖДЕНО" in text and "План мероприятий (дорожная карта)" in text
    merges = document.element.body.xpath(".//w:tc/w:tcPr/w:vMerge/@w:val")
    assert merges.count("restart") == 2 * 7  # № and stage of each of the seven stages
    order = read_docx(next(f for f in made.files if f.name.startswith("Приказ об")).read_bytes()).text
    assert "Об утверждении дорожной карты" in order


def test_import_on_the_command_line_reports_and_writes_a_result_book(tmp_path: Path, capsys) -> None:
    master = write_book(tmp_path / "книга.xlsx", minimal_book())
    code = main(["import", str(master), str(DATA / "sections.docx"), "--as", "roadmap", "--today", "20.09.2025"])
    out = capsys.readouterr().out
    assert code == 0 and "загружено мероприятий — 4" in out
    assert len(read_program(master).roadmap) == 4  # into the book itself, a backup copy kept
    assert list((tmp_path / "Резервные копии").iterdir())


def test_a_missing_document_is_exit_2_with_a_message(tmp_path: Path, capsys) -> None:
    master = write_book(tmp_path / "книга.xlsx", minimal_book())
    code = main(["import", str(master), str(tmp_path / "нет.docx"), "--as", "roadmap"])
    assert code == 2 and "не найден" in capsys.readouterr().err


def test_a_broken_document_is_exit_2_with_a_message(tmp_path: Path, capsys) -> None:
    master = write_book(tmp_path / "книга.xlsx", minimal_book())
    broken = tmp_path / "карта.docx"
    broken.write_text("не документ")
    code = main(["import", str(master), str(broken), "--as", "roadmap"])
    assert code == 2 and "не читается" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["merged_stages.docx", "sections.docx", "no_terms.docx",
                                  "two_activity_columns.docx"])
def test_every_text_of_the_activity_cells_is_in_the_book(name: str) -> None:
    import re

    book = fake()
    import_roadmap(book, DATA / name, overwrite=False, today=TODAY)
    loaded = " ".join(" ".join(e) for e in events(book)) + " " + " ".join(
        e.comment for e in book.read().roadmap)
    document = docx.Document(str(DATA / name))
    table = document.tables[0]
    headers = {c.text for c in table.rows[0].cells}
    for row in table.rows[1:]:
        for cell in row.cells:
            if cell.text in headers:
                continue
            for word in re.findall(r"[А-Яа-яЁё]{3,}", cell.text):
                assert word in loaded, (word, cell.text)


def _due_columns(path: Path) -> list[tuple[object, object, object]]:
    import openpyxl

    from mentorxl.core.roadmap_state import FIRST_DUE, LAST_DUE

    ws = openpyxl.load_workbook(path)[k.ROADMAP.name]
    header = [c.value for c in ws[1]]
    term, first, last = header.index("Срок"), header.index(FIRST_DUE), header.index(LAST_DUE)
    return [(r[term].value, r[first].value, r[last].value) for r in ws.iter_rows(min_row=2) if r[term].value]


@pytest.mark.parametrize("overwrite", [False, True])
def test_the_dates_of_each_imported_term_go_to_the_highlight_columns(tmp_book, tmp_path: Path,
                                                                     overwrite: bool) -> None:
    from datetime import datetime

    master = tmp_book(demo=True)
    result = tmp_path / "с картой.xlsx"
    import_roadmap(HeadlessBook(master, result=result), DATA / "merged_stages.docx", overwrite=overwrite,
                   today=TODAY)
    rows = _due_columns(result)
    last = rows[-1]
    assert last == ("до 20 мая 2026 г.", datetime(2026, 5, 20), datetime(2026, 5, 20))
    quarterly = next(r for r in rows if r[0] == "Сентябрь – октябрь 2025, далее – ежеквартально")
    assert quarterly[1:] == (datetime(2025, 10, 31), None)
    assert len(rows) == (11 if overwrite else 27 + 11)


def test_docs_roadmap_takes_the_number_and_date_of_the_approving_order(tmp_book, tmp_path: Path, capsys) -> None:
    master = tmp_book(demo=True)
    code = main(["docs", str(master), "--kind", "roadmap", "--number", "57-о", "--date", "01.09.2025",
                 "--out", str(tmp_path / "docs"), "--today", "20.09.2025"])
    assert code == 0, capsys.readouterr()
    files = {f.name: f for f in (tmp_path / "docs").iterdir()}
    order = next(f for n, f in files.items() if n.startswith("Приказ об утверждении"))
    assert order.name == "Приказ об утверждении дорожной карты № 57-о от 01.09.2025.docx"
    roadmap = read_docx(next(f for n, f in files.items() if n.startswith("Дорожная карта")).read_bytes()).text
    assert "от 1\u00a0сентября 2025\u00a0г. №\u00a057-о" in roadmap and "________" not in roadmap
    order_text = read_docx(order.read_bytes()).text
    assert "1\u00a0сентября 2025\u00a0г." in order_text and "57-о" in order_text and "________" not in order_text


def test_number_and_date_are_refused_for_documents_that_are_not_orders(tmp_book, tmp_path: Path, capsys) -> None:
    master = tmp_book(demo=True)
    code = main(["docs", str(master), "--kind", "programs", "--number", "5", "--out", str(tmp_path / "docs")])
    said = capsys.readouterr()
    assert code != 0 and "--kind roadmap" in said.out + said.err
    assert not (tmp_path / "docs").exists()


def test_the_roadmap_documents_are_not_made_without_the_head_of_the_organisation(tmp_path: Path) -> None:
    sheets = minimal_book(**{k.ROADMAP.name: grid(k.ROADMAP, [{"stage": "Подготовка", "event": "Педсовет",
                                                               "term": "сентябрь 2025"}])})
    sheets[k.SETTINGS.name] = settings_grid({k.SET_HEAD: ""})
    with pytest.raises(NotReady) as caught:
        roadmap_documents(FakeBook(sheets), out_dir=tmp_path / "docs", today=TODAY)
    assert caught.value.message.startswith("Дорожная карта и приказ о её утверждении: документ не составлен")
    assert f"«{k.SET_HEAD}»" in caught.value.message and "лист «Настройки»" in caught.value.message
    assert not (tmp_path / "docs").exists()
