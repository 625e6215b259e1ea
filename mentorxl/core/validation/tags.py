"""Request and competence tags: ones the dictionary of «Справочники» does not know, rows without any.

A row without tags is an error only for people the matcher works with (not for mentees who finished
or left, nor for mentors who left); the rule replaces the loader's «required_empty» for tag cells.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from mentorxl.core import contract as k
from mentorxl.core.contract import SheetSpec
from mentorxl.core.problems import Problem, problem
from mentorxl.core.statuses import MenteeStatus, MentorStatus
from mentorxl.core.tags import TagDictionary
from mentorxl.core.validation.context import Context

SUPERSEDED = ((k.MENTEES, "requests"), (k.MENTORS, "competences"))


class _Nearest:
    """The hint for an unknown tag, computed once per distinct tag."""

    def __init__(self, tags: TagDictionary):
        self.tags = tags
        self.cache: dict[str, str] = {}

    def __call__(self, tag: str) -> str:
        if tag not in self.cache:
            near = self.tags.nearest(tag)
            self.cache[tag] = f" Возможно, имелся в виду «{near}»." if near else ""
        return self.cache[tag]


def _tags(ctx: Context, spec: SheetSpec, key: str, row: int, tags: Sequence[str], needed: bool,
          nearest: _Nearest) -> Iterator[Problem]:
    header = spec.column(key).header
    if not tags:
        if needed:
            yield problem("no_tags", ctx.sheet(spec), row, header)
        return
    if not len(ctx.data.tags):
        return
    for tag in tags:
        if ctx.data.tags.canonical(tag) is None:
            yield problem("unknown_tag", ctx.sheet(spec), row, header, tag, nearest=nearest(tag))


def unknown_tags(ctx: Context) -> Iterator[Problem]:
    nearest = _Nearest(ctx.data.tags)
    for mentee in ctx.data.mentees:
        if mentee.name:
            needed = mentee.state not in (MenteeStatus.DONE, MenteeStatus.LEFT)
            yield from _tags(ctx, k.MENTEES, "requests", mentee.row, mentee.requests, needed, nearest)
    for mentor in ctx.data.mentors:
        if mentor.name:
            needed = mentor.state is not MentorStatus.LEFT
            yield from _tags(ctx, k.MENTORS, "competences", mentor.row, mentor.competences, needed, nearest)


RULES = (unknown_tags,)
