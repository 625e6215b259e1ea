"""«Завершить пары» (`mentorxl complete`): completion at the end of the term, early end with a replacement mentor,
the orders and the reminder of missing final surveys."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentorxl.actions.completion import complete_pairs, parse_numbers
from mentorxl.book.fake import FakeBook
from mentorxl.cli import main
from mentorxl.core import contract as k
from mentorxl.core.completion import plan_completion
from mentorxl.documents.render import read_docx
from mentorxl.errors import MentorXLError, NothingToDo, NotReady
from tests.builders import grid, mentee, mentor, minimal_book, settings_grid, write_book

ON = date(2026, 6, 1)


def pair(number: str, who: str, mentees: str, *, end: str | None = "31.05.2026", status: str = "Действует",
         start: str = "01.09.2025") -> dict[str, object]:
    return {"number": number, "mentor": who, "mentees": mentees, "form": "педагог – педагог",
            "kind": "традиционное", "start": start, "end": end, "goal": "Освоить методику урока",
            "order_number": "12-о", "order_date": "01.09.2025", "status": status}


def book(settings: dict[str, object] | None = None, **more: object) -> FakeBook:
    sheets = minimal_book(
        mentees=[mentee("Петрова Анна Сергеевна", "ИКТ", status="В паре"),
                 mentee("Смирнов Илья Дмитриевич", "ВПР", status="В паре"),
                 mentee("Ершова Анастасия Игоревна", "ИКТ", status="В паре")],
        mentors=[mentor("Кузнецова Ольга Ивановна", "ИКТ"), mentor("Орлов Игорь Петрович", "ВПР"),
                 mentor("Белова Ирина Владимировна", "ВПР; ИКТ")],
        pairs=[pair("1", "Кузнецова Ольга Ивановна", "Петрова Анна Сергеевна"),
               pair("2", "Орлов Игорь Петрович", "Смирнов Илья Дмитриевич", end="31.12.2026"),
               pair("3", "Кузнецова Ольга Ивановна", "Ершова Анастасия Игоревна", end=None, start="01.08.2025")],
        **{k.SURVEYS.name: grid(k.SURVEYS, [{"date": "20.05.2026", "respondent": "Петрова Анна Сергеевна",
                                              "role": "Наставляемый", "pair": "1", "survey": "Итоговая"}]),
           k.SETTINGS.name: settings_grid(settings)},
    )
    return FakeBook(sheets, **more)  # type: ignore[arg-type]


def statuses(b: FakeBook) -> tuple[dict[str, str], dict[str, str]]:
    data = b.read()
    return ({p.number: p.status for p in data.pairs}, {m.name: m.status for m in data.mentees})


def test_pairs_whose_term_ended_are_completed_and_their_mentees_finished(tmp_path: Path) -> None:
    b = book()
    outcome = complete_pairs(b, on=ON, numbers=None, reason=None, out_dir=tmp_path, today=ON)
    pairs, mentees = statuses(b)
    assert pairs == {"1": "Завершена", "2": "Действует", "3": "Завершена"}  # 3: start + 9 months
    assert mentees["Петрова Анна Сергеевна"] == "Завершил" and mentees["Смирнов Илья Дмитриевич"] == "В паре"
    assert next(p for p in b.read().pairs if p.number == "3").end == ON
    assert outcome.data["freed"] == {"Кузнецова Ольга Ивановна": 2}


def test_the_completion_order_lists_the_completed_pairs(tmp_path: Path) -> None:
    outcome = complete_pairs(book(), on=ON, numbers=None, reason=None, out_dir=tmp_path, today=ON)
    text = read_docx(outcome.files[0].read_bytes()).text
    assert "Об итогах реализации персонализированных программ наставничества" in text
    assert "Петрова Анна Сергеевна" in text and "Ершова Анастасия Игоревна" in text
    assert "Смирнов Илья Дмитриевич" not in text


def test_missing_final_surveys_are_listed_for_the_completed_pairs(tmp_path: Path) -> None:
    outcome = complete_pairs(book(), on=ON, numbers=None, reason=None, out_dir=tmp_path, today=ON)
    missing = {(m["pair"], m["person"]) for m in outcome.data["missing_final_surveys"]}
    assert missing == {("1", "Кузнецова Ольга Ивановна"), ("3", "Кузнецова Ольга Ивановна"),
                       ("3", "Ершова Анастасия Игоревна")}


def test_an_early_end_cancels_the_pair_keeps_the_reason_and_finds_another_mentor(tmp_path: Path) -> None:
    b = book()
    early = date(2026, 1, 15)
    outcome = complete_pairs(b, on=early, numbers=["2"], reason="Длительная болезнь наставника",
                             out_dir=tmp_path, today=early)
    data = b.read()
    old = next(p for p in data.pairs if p.number == "2")
    assert (old.status, old.end, old.end_reason) == ("Расторгнута", early, "Длительная болезнь наставника")
    new = next(p for p in data.pairs if p.number == "4")
    assert (new.mentor, new.mentees, new.start, new.end, new.status) == (
        "Белова Ирина Владимировна", ["Смирнов Илья Дмитриевич"], early, date(2026, 12, 31), "Утверждена")
    assert new.order_number == "13-о" and new.goal == "Освоить методику урока"
    assert statuses(b)[1]["Смирнов Илья Дмитриевич"] == "В паре"
    text = read_docx(outcome.files[0].read_bytes()).text
    assert "О внесении изменений в состав наставнических пар" in text and "Белова Ирина Владимировна" in text


def test_a_replacement_never_goes_back_to_the_same_mentor_and_waits_when_nobody_is_free(tmp_path: Path) -> None:
    sheets = minimal_book(mentees=[mentee("Смирнов Илья Дмитриевич", "ВПР", status="В паре")],
                          mentors=[mentor("Орлов Игорь Петрович", "ВПР")],
                          pairs=[pair("1", "Орлов Игорь Петрович", "Смирнов Илья Дмитриевич")])
    b = FakeBook(sheets)
    outcome = complete_pairs(b, on=ON, numbers=["1"], reason="Увольнение", out_dir=tmp_path, today=ON)
    assert outcome.data["replacements"] == [{"mentee": "Смирнов Илья Дмитриевич", "old_pair": "1", "mentor": None,
                                             "pair": None}]
    assert statuses(b)[1]["Смирнов Илья Дмитриевич"] == "Ожидает пары"
    assert len(b.read().pairs) == 1


def test_a_reason_without_named_pairs_and_an_unknown_number_are_clear_errors() -> None:
    data = book().read()
    with pytest.raises(MentorXLError, match="только названные пары"):
        plan_completion(data, on=ON, reason="Причина")
    with pytest.raises(MentorXLError, match="нет пар № 9"):
        plan_completion(data, on=ON, numbers=["9"])


def test_nothing_due_is_nothing_to_do() -> None:
    with pytest.raises(NothingToDo):
        plan_completion(book().read(), on=date(2025, 12, 1))


def test_an_old_book_without_the_reason_column_is_not_changed(tmp_path: Path) -> None:
    b = book()
    name = next(n for n in b.grids if n == k.PAIRS.name)
    header = b.grids[name][0]
    column = header.index("Причина завершения")
    for row in b.grids[name]:
        del row[column]
    before = [list(r) for r in b.grids[name]]
    with pytest.raises(MentorXLError, match="Причина завершения"):
        complete_pairs(b, on=ON, numbers=["2"], reason="Болезнь", out_dir=tmp_path, today=ON)
    assert b.grids[name] == before


def test_pair_numbers_are_read_as_people_type_them() -> None:
    assert parse_numbers("3, №5; 7") == ["3", "5", "7"]
    assert parse_numbers("") is None


def test_complete_on_the_command_line_writes_a_result_book_and_the_order(tmp_path: Path, capsys) -> None:
    master = write_book(tmp_path / "книга.xlsx", book().grids)
    code = main(["complete", str(master), "--date", "01.06.2026", "--out", str(tmp_path / "docs"),
                 "--today", "01.06.2026"])
    out = capsys.readouterr().out
    assert code == 0 and "завершено пар и групп — 2" in out
    assert list((tmp_path / "Резервные копии").iterdir())  # the book itself changed, a backup copy kept
    assert list((tmp_path / "docs").glob("Приказ об итогах*.docx"))


def test_complete_with_json_prints_one_object_naming_what_was_completed_and_replaced(tmp_path: Path, capsys) -> None:
    import json

    master = write_book(tmp_path / "книга.xlsx", book().grids)
    code = main(["complete", str(master), "--date", "01.06.2026", "--pairs", "2", "--reason", "Болезнь наставника",
                 "--out", str(tmp_path / "docs"), "--today", "01.06.2026", "--json"])
    captured = capsys.readouterr()
    found = json.loads(captured.out)
    assert code == 0 and "расторгнуто досрочно — 1" in captured.err
    assert found["completed"] == [] and found["ended"] == [{"pair": "2", "reason": "Болезнь наставника"}]
    assert [r["mentee"] for r in found["replacements"]] == ["Смирнов Илья Дмитриевич"]
    assert found["replacements"][0]["mentor"] == "Белова Ирина Владимировна"
    assert found["book"] == str(master) and any(f.endswith(".docx") for f in found["files"])


def test_complete_with_json_lists_the_pairs_completed_by_term_with_their_people(tmp_path: Path, capsys) -> None:
    import json

    master = write_book(tmp_path / "книга.xlsx", book().grids)
    assert main(["complete", str(master), "--date", "01.06.2026", "--out", str(tmp_path / "docs"),
                 "--today", "01.06.2026", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {p["pair"]: p["mentees"] for p in found["completed"]} == {
        "1": ["Петрова Анна Сергеевна"], "3": ["Ершова Анастасия Игоревна"]}
    assert found["finished"] == ["1", "3"]
def test_the_completion_order_numbers_its_rows_from_one_not_by_the_pairs_internal_numbers(tmp_path: Path) -> None:
    outcome = complete_pairs(book(), on=ON, numbers=None, reason=None, out_dir=tmp_path, today=ON)
    body = read_docx(outcome.files[0].read_bytes()).body
    rows = [line for line in body if "Кузнецова Ольга Ивановна |" in line and " по " in line]
    assert [row.split(" | ")[0] for row in rows] == ["1", "2"]  # pairs № 1 and № 3 of «Пары»


def test_a_latin_letter_in_a_completed_pair_stops_the_completion_and_leaves_the_book_as_it_was(
        tmp_path: Path) -> None:
    b = book()
    b.update_cells(k.PAIRS, [(next(p.row for p in b.read().pairs if p.number == "1"), "mentor",
                              "Кузнецoва Ольга Ивановна")])  # a Latin «o»
    before = statuses(b)
    with pytest.raises(NotReady) as caught:
        complete_pairs(b, on=ON, numbers=None, reason=None, out_dir=tmp_path / "docs", today=ON)
    assert "Приказ об итогах реализации программ наставничества: документ не составлен" in caught.value.message
    assert "латинские буквы" in caught.value.message and "«Пары»" in caught.value.message
    assert statuses(b) == before and not (tmp_path / "docs").exists()


def test_an_empty_head_of_the_organisation_stops_the_change_of_mentors_order(tmp_path: Path) -> None:
    b = book(settings={k.SET_HEAD: ""})
    with pytest.raises(NotReady) as caught:
        complete_pairs(b, on=ON, numbers=["2"], reason="Перевод наставника", out_dir=tmp_path, today=ON)
    assert "О внесении изменений" in caught.value.message or "состав наставнических пар" in caught.value.message
    assert f"«{k.SET_HEAD}»" in caught.value.message
    assert statuses(b)[0]["2"] == "Действует"


def test_the_change_order_names_each_ended_pair_by_its_number_and_the_order_that_fixed_it(tmp_path: Path) -> None:
    outcome = complete_pairs(book(), on=ON, numbers=["2"], reason="Перевод наставника", out_dir=tmp_path, today=ON)
    order = next(f for f in outcome.files if f.name.startswith("Приказ о внесении изменений"))
    body = [line.replace("\u00a0", " ") for line in read_docx(order.read_bytes()).body]
    assert "№ пары | Наставник | Наставляемые | Причина" in body
    assert "приказ №\u00a012-о от\u00a001.09.2025" in read_docx(order.read_bytes()).text  # never split by a line
    assert "2 (приказ № 12-о от 01.09.2025) | Орлов Игорь Петрович | Смирнов Илья Дмитриевич | Перевод наставника" \
        in body


def test_a_mentor_without_a_consent_can_still_have_the_pair_ended_early(tmp_path: Path) -> None:
    b = book()
    row = next(m.row for m in b.read().mentors if m.name == "Орлов Игорь Петрович")
    b.update_cells(k.MENTORS, [(row, "consent_mentoring", None)])  # the very reason to end the pair
    outcome = complete_pairs(b, on=ON, numbers=["2"], reason="Нет согласия наставника", out_dir=tmp_path, today=ON)
    assert statuses(b)[0]["2"] == "Расторгнута"
    assert any(f.name.startswith("Приказ о внесении изменений") for f in outcome.files)
