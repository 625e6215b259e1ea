"""A tiny builder for validation tests: plain grids -> located tables -> ProgramData -> problems.

Going through `locate` and `load_program` tests the loader with every rule test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from mentorxl.core import contract as k
from mentorxl.core.problems import Problem
from mentorxl.core.program import ProgramData, load_program
from mentorxl.core.table import locate
from mentorxl.core.validation import check
from tests.builders import grid, mentee, mentor, minimal_book

TODAY = date(2025, 11, 10)
Grid = Sequence[Sequence[object]]

__all__ = ["TODAY", "book", "grid", "mentee", "mentor", "problems", "program", "with_sheet"]


# The sheets a book may lack (core/validation/sheets.py): a rule test's small book has them, empty unless
# given, so that only the rule under test speaks. tests/unit/test_validation_sheets.py leaves them out.
OPTIONAL_SHEETS = (k.TAGS, k.SURVEYS, k.MEETINGS)


def program(sheets: Mapping[str, Grid], *, optional_sheets: bool = True) -> ProgramData:
    """ProgramData from grids by sheet name (names as in the contract or spelt otherwise)."""
    from mentorxl.core.text import sheet_key

    if optional_sheets:
        given = {sheet_key(n) for n in sheets}
        sheets = {**{s.name: grid(s, []) for s in OPTIONAL_SHEETS if sheet_key(s.name) not in given}, **sheets}
    tables = {}
    for spec in k.SHEETS:
        name = next((n for n in sheets if sheet_key(n) == sheet_key(spec.name)), None)
        if name is not None:
            tables[spec.key] = locate(spec, name, sheets[name])
    return load_program(tables)


def book(mentees: Sequence[Mapping[str, object]] = (), mentors: Sequence[Mapping[str, object]] = (),
         pairs: Sequence[Mapping[str, object]] = ()) -> dict[str, Grid]:
    return dict(minimal_book(mentees=mentees, mentors=mentors, pairs=pairs))


def with_sheet(sheets: dict[str, Grid], spec: k.SheetSpec, rows: Sequence[Mapping[str, object]],
               extra: Sequence[str] = ()) -> dict[str, Grid]:
    sheets[spec.name] = grid(spec, rows, extra=extra)
    return sheets


def problems(sheets: Mapping[str, Grid], code: str | None = None, today: date = TODAY) -> list[Problem]:
    """The problems `check` finds (of one code, when given)."""
    found = check(program(sheets), today=today).problems
    return [p for p in found if code is None or p.code == code]
