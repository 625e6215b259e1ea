"""Values of dropdown columns that are not in their list of «Справочники» (a warning: the program may
not understand them). Compared with case, spaces, ё/е and the kind of dash ignored; empty is fine."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import zip_longest

from mentorxl.core import contract as k
from mentorxl.core.contract import Kind, SheetSpec
from mentorxl.core.models import Row
from mentorxl.core.problems import Problem, problem
from mentorxl.core.table import Table
from mentorxl.core.text import odd_characters
from mentorxl.core.validation.context import Context, status_key
from mentorxl.core.vocabulary import DEFAULT_LISTS

SHOWN_CHOICES = 12


def _sheets(ctx: Context) -> tuple[tuple[SheetSpec, Sequence[Row]], ...]:
    d = ctx.data
    return ((k.ROADMAP, d.roadmap), (k.MENTEES, d.mentees), (k.MENTORS, d.mentors),
            (k.SUGGESTIONS, d.suggestions), (k.PAIRS, d.pairs), (k.SURVEYS, d.surveys),
            (k.MEETINGS, d.meetings))


def _allowed(choices: Sequence[str]) -> str:
    shown = ", ".join(f"«{c}»" for c in choices[:SHOWN_CHOICES])
    return shown + (", …" if len(choices) > SHOWN_CHOICES else "")


def bad_choices(ctx: Context) -> Iterator[Problem]:
    for spec, rows in _sheets(ctx):
        columns = [c for c in spec.columns if c.kind is Kind.CHOICE and c.choices]
        for column in columns:
            assert column.choices is not None
            choices = ctx.data.lists.get(column.choices) or list(DEFAULT_LISTS.get(column.choices, ()))
            if not choices:
                continue
            keys = {status_key(c) for c in choices}
            for row in rows:
                value = getattr(row, column.key, "")
                if isinstance(value, str) and value and status_key(value) not in keys:
                    yield problem("bad_choice", ctx.sheet(spec), row.row, column.header, value,
                                  list=column.choices, allowed=_allowed(choices))


# Columns holding a ФИО: there an emoji is as odd as a control character.
NAME_COLUMNS = {(k.MENTEES.key, "name"), (k.MENTORS.key, "name"), (k.PAIRS.key, "mentor"), (k.PAIRS.key, "mentees"),
                (k.SUGGESTIONS.key, "mentee"), (k.SUGGESTIONS.key, "mentor"), (k.SURVEYS.key, "respondent")}


def odd_text(ctx: Context) -> Iterator[Problem]:
    """Control characters, invisible marks (right-to-left, zero width) anywhere, emoji in a ФИО: the value is
    read without them, and the cell is shown so the куратор can retype it."""
    for key, table in ctx.data.tables.items():
        columns = [(c.header, table.columns[c.key], (key, c.key) in NAME_COLUMNS)
                   for c in table.spec.columns if c.key in table.columns]
        odd = _odd_columns(table, columns)
        columns = [column for column in columns if column[1] in odd]
        if not columns:
            continue
        for number, cells in table.rows:
            for header, index, is_name in columns:
                value = cells[index] if index < len(cells) else None
                if isinstance(value, str) and value and (what := odd_characters(value, name=is_name)):
                    yield problem("odd_characters", table.sheet, number, header, value, what=what)


def _odd_columns(table: Table, columns: list[tuple[str, int, bool]]) -> set[int]:
    """The columns (by index) where some text may hold something odd, found with one look at each column's texts
    together: what is odd is a character of its own, wherever it stands (so a sheet of 10 000 plain rows costs a
    pass over each column, not a look at every cell)."""
    values = list(zip_longest(*(cells for _, cells in table.rows)))  # column by column
    return {index for _, index, name in columns if index < len(values) and
            odd_characters("".join([v for v in values[index] if isinstance(v, str)]), name=name)}


RULES = (bad_choices, odd_text)
