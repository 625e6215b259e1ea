"""Tables to typed rows: every row loads; what a cell cannot hold becomes a problem, never a crash."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from pydantic import ValidationError

from mentorxl.core.contract import Column, Kind
from mentorxl.core.models import MODEL_OF_SHEET, Row, SurveyAnswer, loose_text
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
    keys = [c.key for c, _ in columns]
    indices = [i for _, i in columns]
    width = max(indices, default=-1) + 1
    required = [(c.key, c.header) for c, _ in columns if c.required]
    own = "answers" if cls is SurveyAnswer else "extra"
    rows: list[M] = []
    found: list[Problem] = []
    for number, cells in table.rows:
        values = [cells[i] for i in indices] if len(cells) >= width else \
            [cells[i] if i < len(cells) else None for i in indices]
        data: dict[str, object] = dict(zip(keys, values, strict=True))
        data["row"] = number
        if table.extra:
            data[own] = {h: _scalar(v) for h, i in table.extra.items() if i < len(cells) and not _empty(v := cells[i])}
        if CellError in map(type, values):
            _cell_problems(table, columns, data, number, found)
        else:  # the usual row: only its required cells to look at
            found += [problem("required_empty", table.sheet, number, header)
                      for key, header in required if _empty(data[key])]
        rows.append(_validate(cls, data, table, number, found))  # type: ignore[arg-type]
    return rows, found


def _cell_problems(table: Table, columns: list[tuple[Column, int]], data: dict[str, object], number: int,
                   found: list[Problem]) -> None:
    """An error value (#N/A) is a problem and reads as empty; an empty required cell is a problem."""
    for column, _ in columns:
        if isinstance(data[column.key], CellError):
            found.append(problem("error_value", table.sheet, number, column.header, str(data[column.key])))
            data[column.key] = None
        elif column.required and _empty(data[column.key]):
            found.append(problem("required_empty", table.sheet, number, column.header))


def _scalar(value: object) -> object:
    """A user's own column keeps numbers and text; a date, a time or a tick becomes the text it shows."""
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        return value
    return loose_text(value)


def _validate(cls: type[M], data: dict[str, object], table: Table, number: int, found: list[Problem]) -> M:
    try:
        return cls.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            key = str(item["loc"][0])
            column = _column(table, key)
            value = data.get(key)
            code = _CODE_OF_KIND.get(column.kind, "bad_number") if column else "bad_number"
            reason = str((item.get("ctx") or {}).get("error", ""))
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
