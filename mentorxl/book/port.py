"""The small workbook interface every action uses: read the program, write back what it owns.

Implementations: `headless.HeadlessBook` (a file: reads with calamine, writes a NEW result workbook),
`fake.FakeBook` (in memory, for tests), the live Excel book (xlwings) and the LibreOffice one (UNO).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from mentorxl.core.contract import SheetSpec
from mentorxl.core.program import ProgramData


@dataclass(frozen=True, slots=True)
class CellMark:
    """A cell to highlight (a problem at it), with a note shown on hover."""

    sheet: str
    row: int
    column: str  # header text as in the contract
    note: str
    error: bool = True


class WorkbookPort(Protocol):
    @property
    def path(self) -> Path | None: ...

    def read(self, specs: Iterable[SheetSpec] | None = None,
             required: Iterable[SheetSpec] | None = None) -> ProgramData: ...

    def replace_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                     own_columns_too: bool = False) -> None:
        """Replace the data rows of a sheet the program owns («Ошибки», «Подбор»); keys are column keys, a user's
        own column by its header (it then moves with its row). The user's other columns stay, unless
        `own_columns_too` (the rows go whole: the survey questions of a new year's book)."""

    def append_rows(self, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                    own_columns: bool = False) -> None:
        """Add rows at the end of a table («Пары», imports), keeping everything else. With `own_columns`
        a row key that is no contract column is the header of a user's own column (a survey question):
        written under that header, which is added after the last column when the sheet lacks it."""

    def update_cells(self, spec: SheetSpec, updates: Sequence[tuple[int, str, object]]) -> None:
        """Set cells by (Excel row, column key, value) — statuses, order numbers — and nothing else. A key that
        is no contract column names a user's own column by its header; a column the sheet lacks is skipped."""

    def mark_cells(self, marks: Sequence[CellMark]) -> None:
        """Highlight problem cells (and clear the marks of the previous check)."""

    def save(self) -> Path | None:
        """Headless: write the result workbook beside the master and return its path; live: nothing to do."""
