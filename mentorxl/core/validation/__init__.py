"""«Проверить данные»: every rule over the whole program, all problems collected (lazy validation).

`check` starts from the problems the loader found (structure, unreadable and empty required cells)
and adds the problems of each rule module: optional sheets absent, people, consents, tags, pairs, capacity,
statuses, cells (dropdown values), roadmap, surveys, settings. Rules never raise on odd data and never change it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from mentorxl.core.problems import Problem, Report
from mentorxl.core.program import ProgramData
from mentorxl.core.validation import (
    capacity,
    cells,
    consents,
    pairs,
    people,
    roadmap,
    settings,
    sheets,
    statuses,
    surveys,
    tags,
)
from mentorxl.core.validation.context import Context

Rule = Callable[[Context], Iterable[Problem]]

RULES: tuple[Rule, ...] = (
    *sheets.RULES, *settings.RULES, *people.RULES, *consents.RULES, *tags.RULES, *cells.RULES, *pairs.RULES,
    *capacity.RULES, *statuses.RULES, *roadmap.RULES, *surveys.RULES,
)

# Loader problems a rule reports better: («required_empty» of consents, tags and settings, by sheet and column).
SUPERSEDED = (*consents.SUPERSEDED, *tags.SUPERSEDED, *settings.SUPERSEDED)

__all__ = ["RULES", "check"]


def _loader_problems(ctx: Context) -> list[Problem]:
    replaced = {(ctx.sheet(spec), spec.column(key).header) for spec, key in SUPERSEDED}
    return [p for p in ctx.data.problems
            if not (p.code == "required_empty" and (p.sheet, p.column) in replaced)]


def check(data: ProgramData, *, today: date) -> Report:
    """All problems of the program's data: the loader's and those of every rule."""
    ctx = Context(data, today)
    report = Report(_loader_problems(ctx))
    for rule in RULES:
        report.add(list(rule(ctx)))
    return report
