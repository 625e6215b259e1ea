"""«Проверить данные»: read every sheet, run every rule, show each problem at its cell and on «Ошибки»."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mentorxl.actions.base import Outcome
from mentorxl.book.grid_book import LINK_KEY
from mentorxl.book.port import CellMark, WorkbookPort
from mentorxl.core import contract as k
from mentorxl.core.problems import SEVERITY_LABEL, Problem, Report, Severity
from mentorxl.core.program import ProgramData
from mentorxl.core.table import column_letter
from mentorxl.core.validation import check


def cell_address(data: ProgramData, p: Problem, columns: dict[str, dict[str, int]] | None = None) -> str | None:
    """The cell a problem is about, as «'Лист'!C5», when the sheet and column are known. `columns`: each sheet's
    columns by header, worked out once for many problems (`sheet_columns`)."""
    if not p.row:
        return None
    known = columns if columns is not None else sheet_columns(data)
    if p.sheet not in known:
        return None
    index = known[p.sheet].get(p.column or "")
    letter = column_letter(index) if index is not None else "A"
    return f"'{p.sheet}'!{letter}{p.row}"


def sheet_columns(data: ProgramData) -> dict[str, dict[str, int]]:
    """Sheet -> header -> 0-based column, for the first table on each sheet."""
    found: dict[str, dict[str, int]] = {}
    for table in data.tables.values():
        if table.sheet not in found:
            found[table.sheet] = {table.header_of(key): i for key, i in table.columns.items()} | table.extra
    return found


def problem_rows(data: ProgramData, report: Report) -> list[dict[str, object]]:
    columns = sheet_columns(data)
    rows: list[dict[str, object]] = []
    for p in report.sorted():
        rows.append({
            "sheet": p.sheet, "row": p.row, "column": p.column or "", "value": p.value,
            "message": p.message, "hint": p.hint, "code": p.code, "severity": SEVERITY_LABEL[p.severity],
            LINK_KEY: cell_address(data, p, columns),
        })
    return rows


def summary(report: Report, written: Path | None = None) -> str:
    """The summary says where the list is: on «Ошибки» of the open book (a button), or of the file `written`
    (the command line writes the book itself, or the copy asked for with --out)."""
    if not report.problems:
        return "Проверка завершена: ошибок нет."
    parts = []
    if report.errors:
        parts.append(f"ошибок: {report.errors}")
    if report.warnings:
        parts.append(f"предупреждений: {report.warnings}")
    where = f"на листе «Ошибки» книги «{written.name}»" if written else "на листе «Ошибки»"
    return "Проверка завершена, " + ", ".join(parts) + f". Список — {where}."


def check_book(book: WorkbookPort, *, today: date) -> Outcome:
    data = book.read()
    report = check(data, today=today)
    book.replace_rows(k.PROBLEMS, problem_rows(data, report))
    book.mark_cells([
        CellMark(p.sheet, p.row, p.column, f"{p.message}\n{p.hint}", p.severity is Severity.ERROR)
        for p in report.problems if p.row and p.column
    ])
    saved = book.save()
    return Outcome(
        message=summary(report, saved),
        files=[saved] if saved else [],
        exit_code=1 if report.errors else 0,
        data=report.as_json(),
        lines=[f"{SEVERITY_LABEL[p.severity]}: {p.where}: {p.message} {p.hint}" for p in report.sorted()],
    )
