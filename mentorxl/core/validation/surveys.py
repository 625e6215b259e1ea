"""«Анкеты»: answers outside the 1–10 scale in question columns that hold numbers.

A question column is numeric when most of its answers read as numbers; text columns (comments,
open questions) are not checked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from mentorxl.core import contract as k
from mentorxl.core.dates import parse_number
from mentorxl.core.problems import Problem, problem
from mentorxl.core.validation.context import Context

SCALE = (1, 10)


def _number(value: object) -> float | None:
    return parse_number(value) if isinstance(value, int | float | str) else None


def scores(ctx: Context) -> Iterator[Problem]:
    numeric: Counter[str] = Counter()
    text: Counter[str] = Counter()
    for answer in ctx.data.surveys:
        for question, value in answer.answers.items():
            (numeric if _number(value) is not None else text)[question] += 1
    questions = {q for q, n in numeric.items() if n > text[q]}
    low, high = SCALE
    for answer in ctx.data.surveys:
        for question, value in answer.answers.items():
            if question in questions and (n := _number(value)) is not None and not low <= n <= high:
                yield problem("survey_bad_score", ctx.sheet(k.SURVEYS), answer.row, question, value)


RULES = (scores,)
