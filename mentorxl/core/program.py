"""The whole program of one organisation as read from its workbook: typed rows of every sheet."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mentorxl.core import contract as k
from mentorxl.core.models import (
    MODEL_OF_SHEET,
    Meeting,
    Mentee,
    Mentor,
    OrderRecord,
    Pair,
    RoadmapEvent,
    Row,
    Setting,
    Suggestion,
    SurveyAnswer,
    TagEntry,
)
from mentorxl.core.problems import Problem
from mentorxl.core.rows import load_rows, structure_problems
from mentorxl.core.settings import Settings
from mentorxl.core.table import Table
from mentorxl.core.tags import TagDictionary
from mentorxl.core.text import clean
from mentorxl.core.vocabulary import DEFAULT_LISTS, DEFAULT_TAGS


@dataclass(slots=True)
class ProgramData:
    settings: Settings = field(default_factory=Settings)
    roadmap: list[RoadmapEvent] = field(default_factory=list)
    mentees: list[Mentee] = field(default_factory=list)
    mentors: list[Mentor] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    surveys: list[SurveyAnswer] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    orders: list[OrderRecord] = field(default_factory=list)  # «Приказы»: the orders issued
    tags: TagDictionary = field(default_factory=lambda: TagDictionary(DEFAULT_TAGS))
    lists: dict[str, list[str]] = field(default_factory=lambda: {k: list(v) for k, v in DEFAULT_LISTS.items()})
    tables: dict[str, Table] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # structure and cell problems found while loading
    sheet_names: dict[str, str] = field(default_factory=dict)  # spec key -> the sheet's name in the book


def _tags_and_lists(table: Table, data: ProgramData, entries: list[TagEntry]) -> None:
    if entries:
        data.tags = TagDictionary({e.tag: e.synonyms for e in entries if e.tag})
    known = {name.casefold(): name for name in DEFAULT_LISTS}
    for header, index in table.extra.items():
        name = known.get(clean(header).casefold())
        if name is None:
            continue
        values = [clean(cells[index]) for _, cells in table.rows if index < len(cells) and clean(cells[index])]
        if values:
            data.lists[name] = values


def load_program(tables: Mapping[str, Table]) -> ProgramData:
    """Typed data from the located tables (keyed by contract sheet key); absent sheets stay empty."""
    data = ProgramData(tables=dict(tables))
    for key, table in tables.items():
        data.sheet_names[key] = table.sheet
        data.problems.extend(structure_problems(table))
        if not table.found or table.missing or key not in MODEL_OF_SHEET:
            continue
        rows: list[Row]
        rows, found = load_rows(table)
        data.problems.extend(found)
        if key == k.SETTINGS.key:
            data.settings = Settings.from_rows(r for r in rows if isinstance(r, Setting))
            data.problems.extend(data.settings.problems)
        elif key == k.TAGS.key:
            _tags_and_lists(table, data, [r for r in rows if isinstance(r, TagEntry)])
        else:
            setattr(data, _FIELD[key], rows)
    return data


_FIELD = {
    k.ROADMAP.key: "roadmap", k.MENTEES.key: "mentees", k.MENTORS.key: "mentors", k.PAIRS.key: "pairs",
    k.SURVEYS.key: "surveys", k.MEETINGS.key: "meetings", k.SUGGESTIONS.key: "suggestions",
    k.ORDERS.key: "orders",
}
