"""Books and exports a user may really hand over, broken in ways the issue 10 lists: each one is a Russian
problem at its cell or a clear exit 2, never an internal error (exit 3) and never a killed process."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from mentorxl.book.exports import read_export
from mentorxl.book.reader import read_program
from mentorxl.cli import main
from mentorxl.core import contract as k
from mentorxl.errors import BookUnreadable
from tests.builders import grid, mentee, mentor, minimal_book, write_book


def _book(tmp_path: Path, **mentor_fields: object) -> Path:
    return write_book(tmp_path / "b.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")],
                                                         mentors=[mentor("Петрова Анна Ивановна", **mentor_fields)]))


def _json(capsys, *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    out, _ = capsys.readouterr()
    return code, json.loads(out)


@pytest.mark.parametrize("capacity", ["inf", "1e309", 1e19])
def test_an_impossible_capacity_gives_json_and_a_problem_under_check_and_match(tmp_path, capsys, capacity):
    path = _book(tmp_path, capacity=capacity)
    code, report = _json(capsys, "check", str(path), "--json")
    assert code == 1
    assert {(p["code"], p["row"], p["column"]) for p in report["problems"]} >= {
        ("bad_number" if capacity != 1e19 else "number_too_large", 2, "Наставляемых, не более")}
    code, result = _json(capsys, "match", str(path), "--json")
    assert code == 0 and [s["mentor"] for s in result["suggestions"]] == ["Петрова Анна Ивановна"]


def test_control_characters_in_a_name_pass_through_order_and_report(tmp_path, capsys):
    name = "Иванова\x07 Мария\x1b Петровна"
    sheets = minimal_book(mentees=[mentee(name)], mentors=[mentor("Петрова Анна Ивановна")],
                          pairs=[{"number": 1, "mentor": "Петрова Анна Ивановна", "mentees": name,
                                  "status": "Утверждена"}])
    path = write_book(tmp_path / "b.xlsx", sheets)
    _, report = _json(capsys, "check", str(path), "--json")
    assert {(p["code"], p["sheet"], p["row"]) for p in report["problems"]} >= {
        ("odd_characters", "Наставляемые", 2), ("odd_characters", "Пары", 2)}
    for command in ("order", "report"):
        assert main([command, str(path), "--out", str(tmp_path / command)]) == 0, command
    capsys.readouterr()


def test_an_excel_error_value_in_a_file_is_read_as_that_error(tmp_path):
    path = tmp_path / "e.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    for name, rows in minimal_book(mentees=[mentee("Иванова Мария Петровна")]).items():
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
    wb.get_worksheet_by_name(k.MENTEES.name).write_formula("A3", "=NA()", None, "#N/A")
    wb.get_worksheet_by_name(k.MENTEES.name).write_string("B3", "ИКТ")
    wb.close()
    data = read_program(path)
    assert ("error_value", 3, "ФИО", "#N/A") in {(p.code, p.row, p.column, p.value) for p in data.problems}


def test_a_chartsheet_in_place_of_a_bank_is_a_problem_not_a_crash(tmp_path, capsys):
    path = _book(tmp_path)
    wb = openpyxl.load_workbook(path)
    del wb[k.MENTORS.name]
    wb.create_chartsheet(k.MENTORS.name)
    wb.save(path)
    code, report = _json(capsys, "check", str(path), "--json")
    assert code == 1 and ("sheet_is_chart", "Наставники") in {(p["code"], p["sheet"]) for p in report["problems"]}


def test_a_book_without_styles_is_read(tmp_path):
    path = _book(tmp_path)
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist() if "styles" not in i.filename}
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert [m.name for m in read_program(path).mentees] == ["Иванова Мария Петровна"]


def test_a_truncated_utf16_export_is_one_clear_message_and_exit_2(tmp_path, capsys):
    export = tmp_path / "x.csv"
    export.write_bytes("ФИО;Запросы\nИванов Иван Иванович;ИКТ\n".encode("utf-16")[:-1])
    with pytest.raises(BookUnreadable, match="UTF-16 обрезан"):
        read_export(export)
    assert main(["import", str(_book(tmp_path)), str(export), "--as", "mentees"]) == 2
    assert "обрезан" in capsys.readouterr().err


def test_a_value_in_the_last_row_costs_no_million_empty_rows(tmp_path):
    path = write_book(tmp_path / "far.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")]))
    wb = openpyxl.load_workbook(path)
    wb[k.MENTEES.name]["A1048576"] = "забыли тут"
    wb.save(path)
    started = time.perf_counter()
    data = read_program(path)
    assert [m.row for m in data.mentees] == [2, 1_048_576]
    assert time.perf_counter() - started < 30  # a loose bound: the figure is in README (about 1 s)


CALAMINE_ALONE = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    import python_calamine as pc
    pc.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name(sys.argv[2]).to_python()
""")


def test_calamine_alone_dies_on_the_far_corner_cell_which_is_why_the_reader_measures_first(tmp_path):
    """The upstream bug the guard (book/extent.py) exists for: when this starts passing, calamine reads far cells
    sparsely and the guard may go."""
    path = write_book(tmp_path / "far.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")]))
    wb = openpyxl.load_workbook(path)
    wb[k.MENTEES.name]["XFD1048576"] = "забыли тут"
    wb.save(path)
    alone = subprocess.run([sys.executable, "-c", CALAMINE_ALONE, str(path), k.MENTEES.name],
                           capture_output=True, text=True, timeout=120)
    assert alone.returncode != 0  # SIGABRT (-6) from a Rust allocation failure, or MemoryError
    with pytest.raises(BookUnreadable, match="XFD1048576"):
        read_program(path)


def test_the_demo_draft_pair_is_not_approved_again_after_match_and_approve_all(tmp_path, capsys):
    """Issue 10: pair 6 «Проект» (Новиков – Зайцев) of the demo came back as pair 7 and went into the order."""
    from mentorxl.core.models import Pair

    book = tmp_path / "demo.xlsx"
    assert main(["new", str(book), "--demo"]) == 0
    assert main(["match", str(book), "--json"]) == 0
    assert main(["approve", str(book), "--all"]) == 0
    capsys.readouterr()
    pairs: list[Pair] = read_program(book).pairs  # the command line changes the book itself
    zaitsev = [p for p in pairs if any(n.startswith("Зайцев") for n in p.mentees)]
    assert [(p.number, p.status) for p in zaitsev] == [("6", "Проект")]
    numbers = [c.value for c in openpyxl.load_workbook(book)[k.PAIRS.name]["A"] if c.value is not None]
    assert all(isinstance(n, int) for n in numbers[-3:])  # new pair numbers are numbers, not text


def test_a_rejection_and_a_note_on_the_file_survive_three_matches_from_the_command_line(tmp_path, capsys):
    from mentorxl.book.headless import HeadlessBook

    sheets = minimal_book(mentees=[mentee("Иванова Мария Петровна")],
                          mentors=[mentor("Кузнецова Анна Сергеевна"), mentor("Орлов Олег Олегович")])
    sheets[k.SUGGESTIONS.name] = grid(k.SUGGESTIONS, [  # by header: the columns may move
        {"mentee": "Иванова Мария Петровна", "mentor": "Кузнецова Анна Сергеевна", "score": 95, "decision": "Отклонить",
         "Заметка": "не та смена"},
    ], extra=["Заметка"])
    book = write_book(tmp_path / "b.xlsx", sheets)
    for _ in range(3):
        assert main(["match", str(book), "--json"]) == 0
        suggested = json.loads(capsys.readouterr().out)["suggestions"]
        assert [s["mentor"] for s in suggested] == ["Орлов Олег Олегович"]  # the rejected pair never comes back
        rows = HeadlessBook(book).read().suggestions
        kept = [r for r in rows if r.mentor == "Кузнецова Анна Сергеевна"]
        assert [(r.decision, r.extra) for r in kept] == [("Отклонить", {"Заметка": "не та смена"})]
