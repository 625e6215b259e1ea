"""The plan an import makes and the planner shared by the people and the survey imports."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from rapidfuzz import fuzz, process

from mentorxl.core.contract import Column, Kind, SheetSpec
from mentorxl.core.dates import parse_date, parse_number
from mentorxl.core.imports.aliases import FIRST_NAME, NEAR_NAME, PATRONYMIC, SKIP, SPEC_OF, SURNAME, TIMESTAMP, Export
from mentorxl.core.imports.values import _AFFIRMATIVE, _NEGATIVE, _text, is_empty, parse_timestamp, text_to_tags
from mentorxl.core.models import Person
from mentorxl.core.problems import Problem, problem
from mentorxl.core.program import ProgramData
from mentorxl.core.tags import TagDictionary
from mentorxl.core.text import header_key, person_key

# ---------------------------------------------------------------- the plan

_FORMULA_LIKE = re.compile(r"\s*(?:[=@]|[+-]\s*[A-Za-z(])")


@dataclass(slots=True)
class ImportPlan:
    kind: str
    spec: SheetSpec
    mapping: dict[str, str]  # export header -> target (what was used; saved in the workbook)
    new_rows: list[dict[str, object]] = field(default_factory=list)  # column key (or question) -> value
    updates: list[tuple[int, str, object]] = field(default_factory=list)  # (Excel row, column key, value)
    problems: list[Problem] = field(default_factory=list)
    matched: int = 0  # rows about people already in the book
    skipped: int = 0  # rows not loaded
    new_questions: list[str] = field(default_factory=list)  # survey questions not yet on «Анкеты»

    @property
    def changed(self) -> bool:
        return bool(self.new_rows or self.updates)


@dataclass(slots=True)
class _Record:
    line: int
    values: dict[str, object]  # target -> raw cell
    when: datetime | None


def _records(export: Export, mapping: Mapping[str, str]) -> list[_Record]:
    index = {h: i for i, h in enumerate(export.headers)}
    records: list[_Record] = []
    for line, cells in export.rows:
        values: dict[str, object] = {}
        for header, target in mapping.items():
            i = index[header]
            cell = cells[i] if i < len(cells) else None
            if target != SKIP and not is_empty(cell):
                values[target] = cell
        if not any(not is_empty(c) for c in cells):
            continue
        if "name" not in values and "respondent" not in values:
            parts = [_text(values.get(p)) for p in (SURNAME, FIRST_NAME, PATRONYMIC)]
            if any(parts):
                values["name"] = " ".join(p for p in parts if p)
        if "respondent" in values:
            values["name"] = values.pop("respondent")
        when = parse_timestamp(values.get(TIMESTAMP)) if TIMESTAMP in values else None
        records.append(_Record(line, values, when))
    return records


class _Planner:
    def __init__(self, export: Export, kind: str, data: ProgramData, mapping: dict[str, str], *,
                 overwrite: bool, today: date):
        self.export, self.kind, self.data, self.today = export, kind, data, today
        self.overwrite = overwrite
        self.plan = ImportPlan(kind, SPEC_OF[kind], mapping)

    def report(self, code: str, line: int | None, column: str | None = None, value: object = "",
               *, sheet: str | None = None, **params: object) -> None:
        """A problem at a line of the export (or, with `sheet`, at a row of the book)."""
        self.plan.problems.append(problem(code, sheet or self.export.name, line, column, value, **params))

    def header_of(self, target: str) -> str:
        """The export header mapped to a target («name» also finds a survey's «respondent»)."""
        wanted = {target, "respondent"} if target == "name" else {target}
        return next((h for h, t in self.plan.mapping.items() if t in wanted), target)

    def latest(self, records: list[_Record]) -> list[_Record]:
        """One record per person: the latest answer; repeats are reported."""
        groups: dict[str, list[_Record]] = {}
        for r in records:
            name = _text(r.values.get("name"))
            if not name:
                self.report("import_name_empty", r.line)
                self.plan.skipped += 1
                continue
            groups.setdefault(person_key(name), []).append(r)
        chosen: list[_Record] = []
        for group in groups.values():
            best = max(group, key=lambda r: (r.when or datetime.min, r.line))
            if len(group) > 1:
                self.report("import_repeated", best.line, self.header_of("name"), best.values["name"],
                            rows=", ".join(str(r.line) for r in group), used=best.line)
                self.plan.skipped += len(group) - 1
            chosen.append(best)
        return sorted(chosen, key=lambda r: r.line)

    def check_text(self, r: _Record, target: str, value: object) -> None:
        """Reports a text Excel would take for a formula if it were typed: «=…», «@…», «+f(…)», «-cmd|…».
        (It is stored as text anyway; «- пункт списка» or «+7 900…» are not worth a warning.)"""
        if isinstance(value, str) and _FORMULA_LIKE.match(value):
            self.report("import_formula_text", r.line, self.header_of(target), value, sign=value.lstrip()[0])

    def convert(self, r: _Record, column: Column, raw: object) -> tuple[object, list[str]]:
        """The value to store, and the request fragments no tag covers. None: nothing to store."""
        header = self.header_of(column.key)
        if column.kind is Kind.DATE:
            day = parse_date(raw) if not isinstance(raw, datetime) else raw.date()
            stamp = None if isinstance(raw, int | float) else parse_timestamp(raw)
            if day is None and stamp is not None:
                day = stamp.date()
            if day is None and column.key.startswith("consent"):
                text = _text(raw)
                if _NEGATIVE.match(text):
                    return None, []
                if _AFFIRMATIVE.match(text) or "соглас" in text.casefold():
                    return (r.when.date() if r.when else self.today), []
            if day is None:
                self.report("import_bad_value", r.line, header, raw, what="дата")
            return day, []
        if column.kind in (Kind.NUMBER, Kind.INT):
            number = parse_number(raw)
            if number is None:
                self.report("import_bad_value", r.line, header, raw, what="число")
                return None, []
            return (round(number) if column.kind is Kind.INT or number.is_integer() else number), []
        if column.kind is Kind.TAGS:
            found, left = text_to_tags(raw, self.data.tags)
            for fragment in left:
                nearest = self.data.tags.nearest(fragment)
                self.report("import_tag_unknown", r.line, header, fragment,
                            nearest=f" Похожий тег: «{nearest}»." if nearest else "")
            return ("; ".join(found) if found else None), left
        text = _text(raw)
        self.check_text(r, column.key, text)
        if column.kind is Kind.CHOICE and column.choices:
            text = _choice(text, self.data.lists.get(column.choices, []))
        return text or None, []


def _choice(text: str, allowed: Sequence[str]) -> str:
    """The list's own spelling of a value when it is the same or very close; else the value as typed."""
    by_key = {header_key(a): a for a in allowed}
    if found := by_key.get(header_key(text)):
        return found
    best = process.extractOne(text.casefold(), [a.casefold() for a in allowed], scorer=fuzz.ratio,
                              score_cutoff=88)
    return allowed[best[2]] if best else text


def _same(old: object, new: object, column: Column, tags: TagDictionary) -> bool:
    if column.kind is Kind.TAGS:
        olds = old if isinstance(old, list) else [str(old)]
        return set(tags.normalize_all(olds)) == set(tags.normalize_all(str(new).split("; ")))
    if isinstance(old, float | int) and isinstance(new, float | int):
        return float(old) == float(new)
    if isinstance(old, date) or isinstance(new, date):
        return old == new
    return header_key(_text(old)) == header_key(_text(new))


def _filled(value: object) -> bool:
    return not (value is None or value == "" or value == [])


def _shown(value: object) -> str:
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return _text(value)


def _near(key: str, known: Mapping[str, Person]) -> Person | None:
    if not known:
        return None
    scorer = lambda a, b, **kw: max(fuzz.ratio(a, b, **kw), fuzz.token_sort_ratio(a, b, **kw))  # noqa: E731
    found = process.extractOne(key, list(known), scorer=scorer, score_cutoff=NEAR_NAME)
    return known[found[0]] if found else None
