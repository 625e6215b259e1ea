"""Sheets of the contract a book may lack without stopping the work («Справочники», «Анкеты», «Встречи»):
absent from a book that was read, each is one warning saying what goes unchecked. The essential sheets stop
the reading instead (book/reader.py: ESSENTIAL), and the program writes its own sheets («Подбор», «Ошибки»)."""

from __future__ import annotations

from collections.abc import Iterator

from mentorxl.core import contract as k
from mentorxl.core.problems import Problem, problem
from mentorxl.core.validation.context import Context

OPTIONAL: dict[str, str] = {
    k.TAGS.key: "запросы и компетенции не сверяются со словарём тегов, а выпадающие списки пусты",
    k.SURVEYS.key: "ответы анкет не проверяются и не попадут в справку по мониторингу",
    k.MEETINGS.key: "встречи пар не проверяются и не попадут в справку по мониторингу",
}


def missing_sheets(ctx: Context) -> Iterator[Problem]:
    if not ctx.data.tables:  # the data was built without a book (tests, a fake): nothing to say of sheets
        return
    for key, without in OPTIONAL.items():
        if key not in ctx.data.tables:
            yield problem("sheet_missing", k.BY_KEY[key].name, without=without)


RULES = (missing_sheets,)
