"""`mentorxl check BOOK [--json]` as a script sees it (WORKBOOK.md): exit 0 without errors (warnings allowed),
1 with errors, 2 when the file cannot be read; `--json` prints one object and nothing else on stdout; the
list goes to the sheet «Ошибки» of the book itself, and nothing else in the book changes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import openpyxl
import pytest

from mentorxl.book.package import Package
from mentorxl.builder import demo
from mentorxl.cli import main
from mentorxl.core import contract as k
from mentorxl.core.validation.settings import NEEDED
from tests.conftest import TODAY

DAY = TODAY.strftime("%d.%m.%Y")
PROBLEM_KEYS = {"sheet", "row", "column", "value", "code", "severity", "message"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--today", DAY])
    out, err = capsys.readouterr()
    return code, out, err


def check_json(capsys: pytest.CaptureFixture[str], book: Path) -> tuple[int, dict]:
    code, out, _ = run(capsys, "check", str(book), "--json")
    return code, json.loads(out)  # the whole of stdout is one JSON object


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", ["Наставничество.xlsx", "Наставничество.xlsm"])
def test_a_new_book_checks_without_errors_and_warns_only_of_what_the_curator_still_has_to_do(
        tmp_path, capsys, name):
    book = tmp_path / name
    assert run(capsys, "new", str(book))[0] == 0
    code, report = check_json(capsys, book)
    assert (code, report["errors"]) == (0, 0)
    codes = {p["code"] for p in report["problems"]}
    assert codes <= {"setting_missing", "event_overdue"}  # the roadmap of this year: September is past
    assert {p["value"] for p in report["problems"] if p["code"] == "setting_missing"} == set(NEEDED) - {k.SET_YEAR}


def test_a_new_book_with_the_organisation_named_misses_only_the_head_and_the_curator(tmp_path, capsys):
    book = tmp_path / "Школа.xlsx"
    run(capsys, "new", str(book), "--org", "МБОУ «СОШ № 3»")
    _, report = check_json(capsys, book)
    assert {p["value"] for p in report["problems"] if p["code"] == "setting_missing"} == {k.SET_HEAD, k.SET_CURATOR}


def test_the_demo_has_exactly_its_three_intended_errors_and_exits_1(tmp_path, capsys):
    book = tmp_path / "Демо.xlsx"
    run(capsys, "new", str(book), "--demo")
    code, report = check_json(capsys, book)
    errors = {(p["sheet"], p["row"], p["column"], p["code"]) for p in report["problems"] if p["severity"] == "error"}
    assert (code, report["errors"], errors) == (1, 3, set(demo.DEMO_PROBLEMS))
    warnings = [p for p in report["problems"] if p["severity"] == "warning"]
    assert {p["code"] for p in warnings} <= {"unknown_tag", "event_overdue"}
    assert report["warnings"] == len(warnings)


def test_the_json_has_the_shape_of_the_contract_and_the_summary_goes_to_stderr(tmp_path, capsys):
    book = tmp_path / "Демо.xlsx"
    run(capsys, "new", str(book), "--demo")
    code, out, err = run(capsys, "check", str(book), "--json")
    report = json.loads(out)
    assert set(report) == {"problems", "errors", "warnings"} and code == 1
    for p in report["problems"]:
        assert set(p) >= PROBLEM_KEYS and p["severity"] in ("error", "warning") and isinstance(p["row"], int)
    assert "ошибок: 3" in err


def test_the_list_goes_to_the_errors_sheet_of_the_book_itself_and_every_other_part_stays_as_it_was(
        tmp_path, capsys):
    import zipfile

    book = tmp_path / "Демо.xlsx"
    run(capsys, "new", str(book), "--demo")
    code, out, _ = run(capsys, "check", str(book))
    assert code == 1 and "Список — на листе «Ошибки» книги «Демо.xlsx»" in out and "Кoвалёва" in out
    [backup] = (tmp_path / "Резервные копии").iterdir()
    ws = openpyxl.load_workbook(book)[k.PROBLEMS.name]
    header = [c.value for c in ws[1]]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2) if row[0].value]
    assert len(rows) == 6  # 3 errors and 3 warnings of the demo on TODAY
    assert any(r[header.index("Код")] == "latin_in_name" for r in rows)
    from tests.integration.test_lossless_writes import marked

    coloured, store = marked(book)
    assert coloured and store  # problem cells are coloured, their own styles kept on the hidden sheet
    before, after = zipfile.ZipFile(backup), zipfile.ZipFile(book)
    assert set(after.namelist()) - set(before.namelist()) == store
    changed = {n for n in before.namelist() if before.read(n) != after.read(n)}
    package = Package(book)
    sheet = package.sheets[k.PROBLEMS.name]
    assert sheet in changed and changed <= {sheet, *(part for part, _ in package.tables(k.PROBLEMS.name)), *coloured,
                                            "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                            "[Content_Types].xml"}


def test_a_book_with_warnings_only_exits_0_and_counts_them(tmp_path, capsys):
    book = tmp_path / "Школа.xlsx"
    run(capsys, "new", str(book), "--org", "МБОУ «СОШ № 3»")
    code, out, _ = run(capsys, "check", str(book))
    assert code == 0 and out.startswith("Проверка завершена, предупреждений: ")  # head, curator, overdue events


@pytest.mark.parametrize("content, words", [
    (b"", "пуст"),
    ("ФИО;Запросы\n".encode(), "не книга Excel"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "старого формата"),
])
def test_a_file_that_is_no_workbook_exits_2_with_one_message_and_json_on_stdout(tmp_path, capsys, content, words):
    book = tmp_path / "Книга.xlsx"
    book.write_bytes(content)
    code, out, err = run(capsys, "check", str(book), "--json")
    assert code == 2 and words in json.loads(out)["error"]
    assert words in err and "Traceback" not in err


def test_a_missing_sheet_exits_2_naming_it(tmp_path, capsys):
    book = tmp_path / "Школа.xlsx"
    run(capsys, "new", str(book))
    wb = openpyxl.load_workbook(book)
    del wb[k.MENTORS.name]
    wb.save(book)
    code, _, err = run(capsys, "check", str(book))
    assert code == 2 and f"нет листа «{k.MENTORS.name}»" in err


def test_a_book_open_in_excel_is_not_written_over_and_the_check_exits_2(tmp_path, capsys):
    book = tmp_path / "Демо.xlsx"
    run(capsys, "new", str(book), "--demo")
    (tmp_path / "~$Демо.xlsx").write_bytes(b"owner")  # Excel's owner file of the open book
    earlier = _sha(book)
    code, _, err = run(capsys, "check", str(book))
    assert code == 2 and "открыта" in err and "--out" in err and _sha(book) == earlier
    assert not (tmp_path / "Резервные копии").exists()
