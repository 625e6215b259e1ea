"""Tables to typed rows: every row loads; what a cell cannot hold becomes a problem, never a crash."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from mentorxl.core.contract import Column, Kind
from mentorxl.core.models import MODEL_OF_SHEET, Row, RowError, SurveyAnswer, loose_text
from mentorxl.core.problems import Problem, problem
from mentorxl.core.table import CellError, Table, column_letter

M = TypeVar("M", bound=Row)

_OWN_CODES = ("number_too_large", "error_value")  # a cell type's ValueError naming its own problem
_CODE_OF_KIND = {Kind.DATE: "bad_date", Kind.NUMBER: "bad_number", Kind.INT: "bad_number"}


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def structure_problems(table: Table) -> list[Problem]:
    """A header row not found, or required columns missing: one problem each, naming the sheet and column."""
    if table.chart:
        return [problem("sheet_is_chart", table.sheet)]
    if not table.found:
        expected = ", ".join(f"«{c.header}»" for c in table.spec.required)
        return [problem("header_not_found", table.sheet, expected=expected)]
    found = [problem("column_missing", table.sheet, table.header_row, c.header) for c in table.missing]
    for column, index in table.repeated:
        first = table.columns.get(column.key, index)
        found.append(problem("column_repeated", table.sheet, table.header_row, column.header, column.header,
                             first=column_letter(first), again=column_letter(index)))
    found += [problem("header_repeated", table.sheet, row, None, table.spec.required[0].header if
                      table.spec.required else "") for row in table.headers_again]
    return found


def load_rows(table: Table, model: type[M] | None = None) -> tuple[list[M], list[Problem]]:
    """Typed rows of a table and the problems of its cells (unreadable values, empty required ones)."""
    cls = model or MODEL_OF_SHEET[table.spec.key]
    columns = [(c, table.columns[c.key]) for c in table.spec.columns if c.key in table.columns]
    is_survey = cls is SurveyAnswer
    rows: list[M] = []
    found: list[Problem] = []
    for number, cells in table.rows:
        data: dict[str, object] = {"row": number}
        for column, index in columns:
            data[column.key] = cells[index] if index < len(cells) else None
        if table.extra:
            extra = {h: _scalar(v) for h, i in table.extra.items() if i < len(cells) and not _empty(v := cells[i])}
            data["answers" if is_survey else "extra"] = extra
        for column, _ in columns:
            if isinstance(data[column.key], CellError):
                found.append(problem("error_value", table.sheet, number, column.header, str(data[column.key])))
                data[column.key] = None
            elif column.required and _empty(data[column.key]):
                found.append(problem("required_empty", table.sheet, number, column.header))
        rows.append(_validate(cls, data, table, number, found))  # type: ignore[arg-type]
    return rows, found


def _scalar(value: object) -> object:
    """A user's own column keeps numbers and text; a date, a time or a tick becomes the text it shows."""
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        return value
    return loose_text(value)


def _validate(cls: type[M], data: dict[str, object], table: Table, number: int, found: list[Problem]) -> M:
    try:
        return cls.model_validate(data)
    except RowError as error:
        for key, reason in error.errors:
            column = _column(table, key)
            value = data.get(key)
            code = _CODE_OF_KIND.get(column.kind, "bad_number") if column else "bad_number"
            code = reason if reason in _OWN_CODES else code
            found.append(problem(code, table.sheet, number, column.header if column else key, value))
            data[key] = {} if key in ("answers", "extra") else None
        return cls.model_validate(data)


def _column(table: Table, key: str) -> Column | None:
    try:
        return table.spec.column(key)
    except KeyError:
        return None


def cells_of(table: Table, key: str) -> Sequence[tuple[int, object]]:
    """(row, raw value) of one column: for checks that need what was typed, not what was read."""
    index = table.columns.get(key)
    if index is None:
        return []
    return [(n, cells[index] if index < len(cells) else None) for n, cells in table.rows]
