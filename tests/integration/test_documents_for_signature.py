"""Documents a director signs without retyping a word (issue 11): each defect found on the demo's papers is held
here on the text and structure of the generated .docx."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from mentorxl.actions.documents import make_documents, make_order
from mentorxl.book.fake import FakeBook
from mentorxl.core import contract as k
from mentorxl.documents.render import DocxText, read_docx
from mentorxl.errors import NothingToDo
from tests.builders import mentee, mentor, minimal_book, settings_grid

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ON = date(2026, 12, 4)  # the demo's day: a Friday a month before the New Year holidays

MENTEES = [
    mentee("Киселёва Дарья Андреевна", "ИКТ; внеурочная деятельность", position="учитель информатики",
           status="В паре"),
    mentee("Андреев Максим Олегович", "классное руководство", position="заместитель директора по ВР",
           status="В паре"),
    mentee("Лаптева Вероника Юрьевна", "ИКТ", position="учитель музыки", status="В паре"),
    mentee("Орлова Софья Ильинична", "ИКТ", position="учитель музыки", status="В паре"),
    mentee("Титов Глеб Романович", "ИКТ", position="учитель музыки", status="В паре"),
]
MENTORS = [
    mentor("Лебедева Ольга Ивановна", position="учитель информатики"),
    mentor("Кузнецов Андрей Павлович", position="учитель истории"),
    mentor("Волкова Светлана Геннадьевна", position="учитель музыки", capacity=3),
]
PAIRS = [
    {"number": "7", "mentor": "Лебедева Ольга Ивановна", "mentees": "Киселёва Дарья Андреевна",
     "form": "педагог – педагог", "kind": "традиционное", "start": "10.10.2026", "status": "Утверждена"},
    {"number": "8", "mentor": "Кузнецов Андрей Павлович", "mentees": "Андреев Максим Олегович",
     "form": "педагог – педагог", "kind": "традиционное", "start": "04.12.2026", "end": "03.12.2027",
     "status": "Утверждена"},
    {"number": "9", "mentor": "Волкова Светлана Геннадьевна",
     "mentees": "Лаптева Вероника Юрьевна; Орлова Софья Ильинична; Титов Глеб Романович",
     "form": "педагог – педагог", "kind": "групповое", "start": "04.12.2026", "status": "Утверждена"},
]


def book(tmp_path: Path, pairs: list[dict[str, object]] = PAIRS) -> FakeBook:
    sheets = minimal_book(mentees=MENTEES, mentors=MENTORS, pairs=pairs)
    sheets[k.SETTINGS.name] = settings_grid({k.SET_ORG_INN: "6600000000", k.SET_ORG_OGRN: "1026600000000",
                                             k.SET_START: "10.10.2026"})
    return FakeBook(sheets, path=tmp_path / "Наставничество.xlsx")


def text(path: Path) -> DocxText:
    doc = read_docx(path.read_bytes())
    return DocxText([line.replace("\u00a0", " ") for line in doc.body], doc.headers, doc.footers)


def xml(path: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(part))


def ordered(tmp_path: Path) -> tuple[FakeBook, Path]:
    b = book(tmp_path)
    outcome = make_order(b, out_dir=None, number=None, on=ON, today=ON)
    return b, outcome.files[0]


# ---- the order


def test_the_order_numbers_its_rows_one_to_n_not_by_internal_pair_numbers(tmp_path: Path) -> None:
    _, path = ordered(tmp_path)
    rows = [line for line in text(path).body if re.match(r"\d+ \| .+ \| с ", line, re.DOTALL)]
    assert [row.split(" | ")[0] for row in rows] == ["1", "2", "3"]


def test_a_term_starting_before_the_order_is_moved_to_the_order_date_and_the_user_is_told(tmp_path: Path) -> None:
    b = book(tmp_path)
    outcome = make_order(b, out_dir=None, number=None, on=ON, today=ON)
    first = next(line for line in text(outcome.files[0]).body if line.startswith("1 | "))
    assert first.endswith("с 04.12.2026\nпо 04.09.2027")
    assert b.rows_of(k.PAIRS)[0]["start"] == ON  # the book holds the term the order sets
    assert any("Пара № 7: дата начала 10.10.2026 раньше даты приказа" in w for w in outcome.data["warnings"])
    assert any("Пара № 7" in line for line in outcome.lines)


def test_the_programs_deadline_of_the_order_falls_on_a_working_day(tmp_path: Path) -> None:
    _, path = ordered(tmp_path)
    clause = next(line for line in text(path).body if line.startswith("3. Наставникам"))
    assert "(до 11 января 2027 г.)" in clause  # 4 January is a New Year holiday


def test_the_preamble_cites_the_current_federal_basis(tmp_path: Path) -> None:
    _, path = ordered(tmp_path)
    preamble = next(line for line in text(path).body if line.startswith("В соответствии со статьёй 351.8"))
    assert "распоряжением Правительства Российской Федерации от 21.05.2025 № 1264-р" in preamble


# ---- layout by ГОСТ Р 7.0.97-2016, in every document


def every_document(tmp_path: Path) -> list[Path]:
    b, order = ordered(tmp_path)
    consents = make_documents(FakeBook(minimal_book(mentees=[mentee("Бойко Нина Петровна", consent=None)]),
                                       path=tmp_path / "b.xlsx"), kind="consents", out_dir=None, today=ON)
    rewarded = [{**m, "reward": "Благодарность"} for m in MENTORS]
    reward = make_documents(FakeBook(minimal_book(mentees=MENTEES, mentors=rewarded, pairs=PAIRS),
                                     path=tmp_path / "c.xlsx"), kind="reward", out_dir=None, today=ON)
    made = [order, consents.files[0], reward.files[0]]
    for kind in ("programs", "agreements"):
        made.extend(f for f in make_documents(b, kind=kind, out_dir=None, today=ON).files if f.suffix == ".docx")
    return made


def test_every_table_row_of_every_document_stays_on_one_page_and_headers_repeat(tmp_path: Path) -> None:
    for path in every_document(tmp_path):
        body = xml(path, "word/document.xml")
        for row in body.iter(f"{W}tr"):
            assert row.find(f"{W}trPr/{W}cantSplit") is not None, path.name
        for table in body.iter(f"{W}tbl"):
            first = table.find(f"{W}tr")
            cells = [t.text or "" for t in first.iter(f"{W}t")]
            if first is not None and cells and cells[0] == "№":  # a table with a header row
                assert first.find(f"{W}trPr/{W}tblHeader") is not None, path.name


def test_every_document_is_marked_russian_and_numbers_pages_from_the_second_at_the_top(tmp_path: Path) -> None:
    for path in every_document(tmp_path):
        styles = xml(path, "word/styles.xml")
        langs = {el.get(f"{W}val") for el in styles.iter(f"{W}lang")}
        assert langs == {"ru-RU"}, path.name
        section = xml(path, "word/document.xml").find(f"{W}body/{W}sectPr")
        assert section.find(f"{W}titlePg") is not None, path.name  # the first page has its own (empty) header
        doc = text(path)
        assert doc.headers[0] == "" and doc.headers[1] == "2", path.name  # the PAGE field, centred at the top


# ---- programs: gender, number, goals, plans


def programs(tmp_path: Path) -> list[DocxText]:
    b, _ = ordered(tmp_path)
    return [text(f) for f in make_documents(b, kind="programs", out_dir=None, today=ON).files]


def test_a_woman_mentee_is_written_as_she_is(tmp_path: Path) -> None:
    doc = programs(tmp_path)[0]
    assert "Наставляемая | Киселёва Дарья Андреевна, учитель информатики" in doc.body
    assert "Наставляемая\t____________ Д. А. Киселёва" in doc.body
    assert any("наставляемая дала положительную самооценку" in line for line in doc.body)
    assert not any(re.search(r"\bнаставляемый\b|\bдал\b", line) for line in doc.body)


def test_a_group_program_speaks_of_the_mentees_in_the_plural(tmp_path: Path) -> None:
    doc = programs(tmp_path)[2]
    assert any("наставляемые дали положительную самооценку" in line for line in doc.body)
    assert not any(re.search(r"\bнаставляемого\b|\bнаставляемый\b", line) for line in doc.body)


def test_the_goal_is_a_sentence_built_from_the_requests(tmp_path: Path) -> None:
    doc = programs(tmp_path)[0]
    goal = doc.body[doc.body.index("1. Цель программы") + 1]
    assert goal.startswith("Развитие профессиональных компетенций наставляемой в области цифровых "
                           "образовательных ресурсов и организации внеурочной деятельности")
    assert not re.search(r"[,:] [А-Я][а-я]", goal)  # no capital mid-sentence


def test_the_plan_starts_in_the_terms_first_month_and_never_repeats(tmp_path: Path) -> None:
    for doc in programs(tmp_path):
        plan = [line.split(" | ") for line in doc.body if re.match(r"\d+ \| [А-Я][а-я]+ \d{4} \| ", line)]
        assert plan[0][1] == "Декабрь 2026"
        activities = [row[2] for row in plan]
        assert len(activities) == len(set(activities)), activities


def test_a_deputy_director_is_not_set_a_class_teachers_task(tmp_path: Path) -> None:
    doc = programs(tmp_path)[1]
    assert not any("освоить функции классного руководителя" in line for line in doc.body)
    assert any("методическое сопровождение классных руководителей" in line for line in doc.body)
    assert not any("классного часа" in line or "классные часы" in line for line in doc.body)


# ---- agreements and consent forms: what was issued is recorded


def test_an_agreement_is_dated_no_earlier_than_signed_and_recorded_in_the_book(tmp_path: Path) -> None:
    b, _ = ordered(tmp_path)
    outcome = make_documents(b, kind="agreements", out_dir=None, today=ON)
    doc = text(outcome.files[0])
    assert "6. Соглашение вступает в силу с 4 декабря 2026 г." in " ".join(doc.body)
    assert any("с её письменного согласия" in line for line in doc.body)
    assert any("123456, г. Энск, ул. Школьная, д. 1, ИНН 6600000000, ОГРН 1026600000000" in line
               for line in doc.body)
    assert [r["agreement_date"] for r in b.rows_of(k.PAIRS)] == [ON, ON, ON]
    again = FakeBook({name: [list(row) for row in grid] for name, grid in b.grids.items()}, path=b.path)
    with pytest.raises(NothingToDo) as caught:
        make_documents(again, kind="agreements", out_dir=None, today=ON)
    assert "--again" in caught.value.hint
    assert len(make_documents(again, kind="agreements", out_dir=None, today=ON, again=True).files) == 3


def test_a_consent_form_names_the_operator_in_the_dative_its_address_and_who_receives_data(tmp_path: Path) -> None:
    sheets = minimal_book(mentees=[mentee("Бойко Нина Петровна", consent=None)])
    sheets[k.SETTINGS.name] = settings_grid({k.SET_EDU_AUTHORITY: "Управление образования города Энска"})
    b = FakeBook(sheets, path=tmp_path / "b.xlsx")
    outcome = make_documents(b, kind="consents", out_dir=None, today=ON)
    body = " ".join(text(outcome.files[0]).body)
    assert ("даю согласие Муниципальному бюджетному общеобразовательному учреждению «Средняя школа № 1» "
            "(далее — оператор), адрес: 123456, г. Энск, ул. Школьная, д. 1") in body
    assert "передача (предоставление, доступ) Управлению образования города Энска" in body
    assert "органам управления образованием" not in body
    assert [r["consent_form_on"] for r in b.rows_of(k.MENTEES)] == [ON]


def test_the_label_the_approval_writes_into_the_goal_column_becomes_a_sentence(tmp_path: Path) -> None:
    pairs = [{**PAIRS[0], "goal": "Профессиональное развитие: ИКТ и цифровые ресурсы, Внеурочная деятельность"},
             {**PAIRS[1], "goal": "Освоение управленческих компетенций заместителя директора."}]
    b = book(tmp_path, pairs)
    make_order(b, out_dir=None, number=None, on=ON, today=ON)
    first, second = (text(f) for f in make_documents(b, kind="programs", out_dir=None, today=ON).files)
    assert first.body[first.body.index("1. Цель программы") + 1].startswith("Развитие профессиональных компетенций")
    assert second.body[second.body.index("1. Цель программы") + 1] == (
        "Освоение управленческих компетенций заместителя директора.")  # the school's own words stay


def test_an_end_the_moved_start_left_behind_moves_by_a_full_term_and_programs_follow(tmp_path: Path) -> None:
    pairs = [{**PAIRS[0], "start": "10.10.2025", "end": "10.07.2026"}]  # a pair approved a year before its order
    b = book(tmp_path, pairs)
    make_order(b, out_dir=None, number=None, on=ON, today=ON)
    row = b.rows_of(k.PAIRS)[0]
    assert (row["start"], row["end"]) == (ON, date(2027, 9, 4))  # 9 months, the default term
    [program] = make_documents(b, kind="programs", out_dir=None, today=ON).files
    assert "Срок реализации | с 4 декабря 2026 г. по 4 сентября 2027 г." in text(program).body


def test_the_demo_shows_the_gate_stopping_the_order_then_issues_every_document_once_corrected(tmp_path: Path) -> None:
    from mentorxl.actions.demo import run_demo

    outcome = run_demo(tmp_path / "demo", today=ON)
    stopped = next(line for line in outcome.lines if line.startswith("Сформировать приказ (данные с ошибками"))
    assert "документ не составлен" in stopped and "латинские буквы (o)" in stopped
    said = "\n".join(outcome.lines)
    for done in ("Сформировать приказ: Приказ №", "Персонализированные программы: Персонализированные",
                 "Дополнительные соглашения: Дополнительные соглашения к трудовым", "Согласия на обработку ПДн: Бланки",
                 "Приказ о поощрении: Приказ №"):
        assert done in said, done
    texts = [read_docx(f.read_bytes()).text for f in outcome.files if f.suffix == ".docx"]
    assert texts and not any(re.search(r"[A-Za-z]", t.replace("MentorXL", "")) for t in texts)


def test_a_book_without_the_issued_columns_gets_its_documents_and_is_told_to_add_them(tmp_path: Path) -> None:
    b, _ = ordered(tmp_path)
    pairs = b.grids[k.PAIRS.name]
    column = pairs[0].index("Дата доп. соглашения")
    for row in pairs:  # an older book: no «Дата доп. соглашения»
        del row[column:column + 1]
    older = FakeBook(b.grids, path=b.path)
    outcome = make_documents(older, kind="agreements", out_dir=None, today=ON)
    assert len([f for f in outcome.files if f.suffix == ".docx"]) == 3
    assert any("добавьте столбец «Дата доп. соглашения» на лист «Пары»" in w for w in outcome.data["warnings"])
