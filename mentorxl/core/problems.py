"""Data problems are values, not exceptions.

Each check returns `Problem`s with a stable code, the sheet, the Excel row the user sees, the column
header, the offending value, a Russian message and a hint. The wording lives in `messages.CATALOG`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from mentorxl.core.messages import CATALOG
from mentorxl.core.text import shown


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


SEVERITY_LABEL = {Severity.ERROR: "Ошибка", Severity.WARNING: "Предупреждение"}


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    severity: Severity
    sheet: str
    row: int | None
    column: str | None
    value: str
    message: str
    hint: str

    def as_json(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in _FIELDS}  # dataclasses.asdict deep-copies: 30 times slower
        data["severity"] = str(self.severity)
        return data

    @property
    def where(self) -> str:
        parts = [f"лист «{self.sheet}»"]
        if self.row:
            parts.append(f"строка {self.row}")
        if self.column:
            parts.append(f"столбец «{self.column}»")
        return ", ".join(parts)


_FIELDS = tuple(f.name for f in fields(Problem))


def problem(code: str, sheet: str, row: int | None = None, column: str | None = None,
            value: object = "", **params: object) -> Problem:
    """A problem of a catalogued kind; `params` fill the message and hint templates."""
    entry = CATALOG[code]
    fill = {"value": shown(value), "sheet": sheet, "column": column or "", **params}
    return Problem(
        code=code,
        severity=Severity(entry.severity),
        sheet=sheet,
        row=row,
        column=column,
        value=shown(value),
        message=entry.message.format(**fill),
        hint=entry.hint.format(**fill),
    )


@dataclass(slots=True)
class Report:
    """All problems of a run, collected lazily: every check runs, then the report is read."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, found: Problem | Iterable[Problem] | None) -> None:
        if found is None:
            return
        if isinstance(found, Problem):
            self.problems.append(found)
        else:
            self.problems.extend(found)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.WARNING)

    def sorted(self) -> list[Problem]:
        order = {"Настройки": 0, "Дорожная карта": 1, "Наставляемые": 2, "Наставники": 3, "Пары": 4}
        return sorted(self.problems, key=lambda p: (order.get(p.sheet, 9), p.sheet, p.row or 0, p.column or "", p.code))

    def as_json(self) -> dict[str, Any]:
        return {
            "problems": [p.as_json() for p in self.sorted()],
            "errors": self.errors,
            "warnings": self.warnings,
        }
