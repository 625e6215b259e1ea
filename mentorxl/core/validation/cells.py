"""Values of dropdown columns that are not in their list of «Справочники» (a warning: the program may
not understand them). Compared with case, spaces, ё/е and the kind of dash ignored; empty is fine."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from mentorxl.core import contract as k
from mentorxl.core.contract import Kind, SheetSpec
from mentorxl.core.models import Row
from mentorxl.core.problems import Problem, problem
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


RULES = (bad_choices,)
