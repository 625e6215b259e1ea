"""`mentorxl new-year`: next school year's book from this one; this one stays untouched as the archive."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorxl.actions.new_year import carry_over, new_year, new_year_name
from mentorxl.book.fake import FakeBook
from mentorxl.book.headless import HeadlessBook
from mentorxl.cli import main
from mentorxl.core import contract as k
from mentorxl.core.new_year import next_years, plan_new_year
from mentorxl.core.roadmaps import ROADMAP_VARIANTS, default_roadmap
from mentorxl.core.terms import parse_term
from tests.builders import grid, mentee, mentor, minimal_book, settings_grid, write_book

TODAY = date(2026, 8, 25)


def sheets() -> dict[str, list[list[object]]]:
    return minimal_book(
        mentees=[mentee("Петрова Анна Сергеевна", status="В паре"), mentee("Смирнов Илья Дмитриевич", status="В паре"),
                 mentee("Ершова Анастасия Игоревна", status="Выбыл"), mentee("Орлова Ксения Викторовна")],
        mentors=[mentor("Кузнецова Ольга Ивановна", trained_on="10.10.2025", reward="Благодарность"),
                 mentor("Орлов Игорь Петрович")],
        pairs=[{"number": "1", "mentor": "Кузнецова Ольга Ивановна", "mentees": "Петрова Анна Сергеевна",
                "start": "01.09.2025", "end": "31.12.2026", "order_number": "12-о", "order_date": "01.09.2025",
                "status": "Действует"},
               {"number": "2", "mentor": "Орлов Игорь Петрович", "mentees": "Смирнов Илья Дмитриевич",
                "start": "01.09.2025", "end": "31.05.2026", "status": "Завершена"}],
        **{k.ROADMAP.name: grid(k.ROADMAP, [
            {"stage": "Подготовка", "event": "Приказ", "term": "до 15 сентября 2025 г.", "responsible": "Директор",
             "result": "Приказ издан", "status": "Выполнено", "done_on": "10.09.2025", "comment": "вовремя"},
            {"stage": "Итоги", "event": "Анализ", "term": "Июнь 2026", "responsible": "Куратор", "result": "Справка"},
            {"stage": "Итоги", "event": "Сайт", "term": "В течение 2025/26 учебного года", "responsible": "Куратор"},
        ]),
           k.SURVEYS.name: grid(k.SURVEYS, [{"respondent": "Петрова Анна Сергеевна", "role": "Наставляемый",
                                             "survey": "Итоговая", "Польза": 9}], extra=["Польза"]),
           k.MEETINGS.name: grid(k.MEETINGS, [{"pair": "1", "date": "10.10.2025"}])},
    )


def test_every_year_in_a_term_moves_by_one_and_the_rest_stays_as_typed() -> None:
    assert next_years("до 15 марта 2026 г.") == "до 15 марта 2027 г."
    assert next_years("В течение 2025/26 учебного года") == "В течение 2026/27 учебного года"
    assert next_years("2025–2026 уч. г.") == "2026–2027 уч. г."
    assert next_years("Ежегодно сентябрь") == "Ежегодно сентябрь"


@pytest.mark.parametrize("variant", list(ROADMAP_VARIANTS))
def test_a_default_roadmap_moved_by_a_year_is_next_years_default_roadmap(variant: str) -> None:
    this, following = default_roadmap(variant, 2025), default_roadmap(variant, 2026)
    assert [next_years(i.term) for i in this] == [i.term for i in following]


@given(st.integers(2020, 2040), st.sampled_from(["до 15 марта {y1} г.", "Сентябрь – октябрь {y}, далее – ежеквартально",
                                                  "Декабрь {y}, май {y1}", "с 1 по 15 сентября {y}"]))
def test_a_moved_term_is_due_a_year_later(year: int, template: str) -> None:
    term = template.replace("{y1}", str(year + 1)).replace("{y}", str(year))
    before = parse_term(term, year).occurrences
    after = parse_term(next_years(term), year + 1).occurrences
    assert [d.replace(year=d.year + 1) for d in before] == list(after)


def test_the_plan_carries_the_year_the_roadmap_the_banks_and_the_pairs_in_force() -> None:
    book = FakeBook(sheets())
    plan = plan_new_year(book.read(), TODAY)
    carry_over(book, plan)
    data = book.read()
    assert data.settings.get(k.SET_YEAR) == "2026/2027"
    assert [(e.term, e.status, e.done_on, e.result, e.comment) for e in data.roadmap] == [
        ("до 15 сентября 2026 г.", "", None, "Приказ издан", "вовремя"),
        ("Июнь 2027", "", None, "Справка", ""),
        ("В течение 2026/27 учебного года", "", None, "", ""),
    ]
    assert [(p.number, p.order_number, p.status) for p in data.pairs] == [("1", "12-о", "Действует")]
    assert {m.name: m.status for m in data.mentees} == {
        "Петрова Анна Сергеевна": "В паре", "Смирнов Илья Дмитриевич": "Завершил",
        "Ершова Анастасия Игоревна": "Выбыл", "Орлова Ксения Викторовна": "Ожидает пары"}
    kuz = next(m for m in data.mentors if m.name.startswith("Кузнецова"))
    assert (kuz.trained_on, kuz.consent_mentoring, kuz.reward) == (date(2025, 10, 10), date(2025, 9, 1), "")
    assert plan.load == {"Кузнецова Ольга Ивановна": 1, "Орлов Игорь Петрович": 0}
    assert data.surveys == [] and data.meetings == []


def test_new_year_writes_a_new_book_and_leaves_the_old_one_byte_for_byte(tmp_path: Path) -> None:
    old = write_book(tmp_path / "Наставничество 2025-2026.xlsx", sheets())
    digest = hashlib.sha256(old.read_bytes()).hexdigest()
    outcome = new_year(old, out=None, today=TODAY)
    assert hashlib.sha256(old.read_bytes()).hexdigest() == digest
    new = tmp_path / "Наставничество 2026-2027.xlsx"
    assert outcome.files == [new]
    data = HeadlessBook(new).read()
    assert data.settings.get(k.SET_YEAR) == "2026/2027" and len(data.pairs) == 1 and not data.surveys
    assert "анкеты — 1; встречи — 1" in "\n".join(outcome.lines)


def test_survey_answers_in_the_questions_columns_do_not_reach_the_new_book(tmp_path: Path) -> None:
    import openpyxl

    old = write_book(tmp_path / "книга.xlsx", sheets())
    new_year(old, out=tmp_path / "новая.xlsx", today=TODAY)
    ws = openpyxl.load_workbook(tmp_path / "новая.xlsx")[k.SURVEYS.name]
    assert [c.value for c in ws[1]][-1] == "Польза"
    assert all(c.value is None for row in ws.iter_rows(min_row=2) for c in row)


def test_an_existing_target_or_the_book_itself_is_refused(tmp_path: Path, capsys) -> None:
    old = write_book(tmp_path / "книга.xlsx", sheets())
    (tmp_path / "занято.xlsx").write_bytes(b"x")
    assert main(["new-year", str(old), "--out", str(tmp_path / "занято.xlsx")]) == 2
    assert "уже есть" in capsys.readouterr().err
    assert main(["new-year", str(old), "--out", str(old)]) == 2
    assert (tmp_path / "занято.xlsx").read_bytes() == b"x"


def test_the_new_books_name_carries_the_new_year() -> None:
    assert new_year_name(Path("Наставничество 2025-2026.xlsm"), "2026/2027").name == "Наставничество 2026-2027.xlsm"
    assert new_year_name(Path("Наставничество.xlsx"), "2026/2027").name == "Наставничество 2026-2027.xlsx"


def test_an_empty_school_year_setting_becomes_the_year_after_today() -> None:
    book = sheets()
    book[k.SETTINGS.name] = settings_grid({k.SET_YEAR: ""})
    assert plan_new_year(FakeBook(book).read(), TODAY).year == "2026/2027"


def test_the_highlight_dates_of_the_roadmap_move_to_the_new_year(tmp_book, tmp_path: Path) -> None:
    from datetime import datetime

    import openpyxl

    from mentorxl.core.roadmap_state import FIRST_DUE

    master = tmp_book(demo=True)
    new_year(master, out=tmp_path / "новый.xlsx", today=TODAY)
    ws = openpyxl.load_workbook(tmp_path / "новый.xlsx")[k.ROADMAP.name]
    header = [c.value for c in ws[1]]
    first = ws.cell(row=2, column=header.index(FIRST_DUE) + 1).value
    assert ws.cell(row=2, column=header.index("Срок") + 1).value == "до 15 сентября 2026 г."
    assert first == datetime(2026, 9, 15)


def test_new_year_with_json_prints_one_object_of_what_was_carried_and_what_was_left(tmp_path: Path, capsys) -> None:
    import json

    old = write_book(tmp_path / "книга.xlsx", sheets())
    code = main(["new-year", str(old), "--out", str(tmp_path / "новая.xlsx"), "--today", "25.08.2026", "--json"])
    captured = capsys.readouterr()
    found = json.loads(captured.out)
    assert code == 0 and "2026/2027" in captured.err
    assert found["year"] == "2026/2027" and found["file"] == str(tmp_path / "новая.xlsx")
    assert found["archive"] == str(old)
    assert found["carried"] == {"roadmap": 3, "mentors": 2, "mentees": 4, "mentees_finished": 1, "mentees_left": 1,
                                "pairs": 1}
    assert found["left"] == {"pairs": 1, "surveys": 1, "meetings": 1}
    assert found["load"] == {"Кузнецова Ольга Ивановна": 1, "Орлов Игорь Петрович": 0}
