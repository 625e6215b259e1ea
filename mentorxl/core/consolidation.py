"""The municipal summary: one row of figures per organisation, totals, and the files that could not be read.

A row carries counts and shares only — never a name of a person: the summary leaves the school. Figures are
those of `core.monitoring` (same definitions). Totals add the counts up and recompute the shares from the
sums; the satisfaction index of the totals is the mean of the schools' indexes weighted by their answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.indicators import Indicators, indicators
from mentorxl.core.monitoring import monitor
from mentorxl.core.program import ProgramData
from mentorxl.core.retention import YearPeople, retention_across, year_people
from mentorxl.core.terms import school_year_start

TOTAL = "Итого"


@dataclass(frozen=True, slots=True)
class SchoolRow:
    organisation: str
    place: str
    mentors: int
    mentees: int
    pairs: int
    pairs_in_force: int
    groups: int
    by_form: dict[str, int]
    by_kind: dict[str, int]
    target: int  # mentees of the target group
    covered: int  # of them in pairs in force
    satisfaction: float | None  # index 0–1
    answers: int  # the answers the index is of
    events: int  # roadmap events except cancelled ones
    events_done: int
    overdue: int
    meetings: int
    hours: float
    file: str = ""  # the workbook the row is of (relative to the folder), to find it again
    # issue 14: who the organisation is, which year and version the book is, the operator's indicators
    full_name: str = ""
    inn: str = ""
    year: int = 0  # the first year of «Учебный год» (the school year of the day of the count when empty)
    modified: str = ""  # when the book was last saved (ISO), as the book itself says; "" unknown
    indicators: Indicators | None = None
    people: YearPeople | None = None  # tokens, not names: retention across years (core/retention.py)

    @property
    def coverage(self) -> float | None:
        return self.covered / self.target if self.target else None

    @property
    def completion(self) -> float | None:
        return self.events_done / self.events if self.events else None


@dataclass(frozen=True, slots=True)
class Failure:
    file: str
    reason: str


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A book of an organisation already counted from another (newer) book: reported, not counted."""

    row: SchoolRow
    kept: SchoolRow


@dataclass(slots=True)
class Consolidation:
    rows: list[SchoolRow] = field(default_factory=list)  # counted: one per organisation, of the year
    failures: list[Failure] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)  # issue 14
    other_year: list[SchoolRow] = field(default_factory=list)  # issue 14: reported apart, not in the totals
    year: int = 0  # the school year counted

    @property
    def total(self) -> SchoolRow:
        return totals(self.rows)


def school_row(data: ProgramData, today: date, fallback_name: str) -> SchoolRow:
    """The figures of one organisation's workbook (no names of people)."""
    m = monitor(data, today)
    s = data.settings
    si = m.satisfaction
    return SchoolRow(
        full_name=s.get(k.SET_ORG_FULL), inn=s.get(k.SET_ORG_INN).strip(),
        year=school_year_start(s.get(k.SET_YEAR), today),
        indicators=indicators(data, today, m.roles), people=year_people(data, today),
        organisation=s.get(k.SET_ORG_SHORT) or s.get(k.SET_ORG_FULL) or fallback_name,
        place=s.get(k.SET_PLACE),
        mentors=m.mentors, mentees=m.mentees, pairs=m.pairs, pairs_in_force=m.pairs_in_force, groups=m.groups,
        by_form=dict(m.by_form), by_kind=dict(m.by_kind),
        target=m.coverage.target, covered=m.coverage.covered,
        satisfaction=si.index if si else None, answers=si.answers if si else 0,
        events=m.roadmap.counted, events_done=m.roadmap.done, overdue=m.roadmap.overdue,
        meetings=m.meetings, hours=m.hours,
    )


def _add(maps: Iterable[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for one in maps:
        for key, n in one.items():
            out[key] = out.get(key, 0) + n
    return out


def totals(rows: Sequence[SchoolRow]) -> SchoolRow:
    rated = [(r.satisfaction, r.answers) for r in rows if r.satisfaction is not None and r.answers]
    weight = sum(n for _, n in rated)
    return SchoolRow(
        organisation=TOTAL, place="",
        mentors=sum(r.mentors for r in rows), mentees=sum(r.mentees for r in rows),
        pairs=sum(r.pairs for r in rows), pairs_in_force=sum(r.pairs_in_force for r in rows),
        groups=sum(r.groups for r in rows),
        by_form=_add(r.by_form for r in rows), by_kind=_add(r.by_kind for r in rows),
        target=sum(r.target for r in rows), covered=sum(r.covered for r in rows),
        satisfaction=sum(s * n for s, n in rated) / weight if weight else None, answers=weight,
        events=sum(r.events for r in rows), events_done=sum(r.events_done for r in rows),
        overdue=sum(r.overdue for r in rows), meetings=sum(r.meetings for r in rows),
        hours=sum(r.hours for r in rows),
    )


def _ordered(found: set[str], known: Sequence[str]) -> list[str]:
    return [x for x in known if x in found] + sorted(found - set(known))


def summary_columns(rows: Sequence[SchoolRow]) -> tuple[list[str], list[str]]:
    """The forms and the kinds of mentoring any school has, in the order of the vocabulary."""
    forms = _ordered({f for r in rows for f in r.by_form}, v.FORMS)
    kinds = _ordered({x for r in rows for x in r.by_kind}, v.KINDS)
    return forms, kinds


# (header, format) of the cells of a summary line; formats: "text", "int", "dec", "pct"
Cell = tuple[str, str]


def summary_header(forms: Sequence[str], kinds: Sequence[str]) -> list[Cell]:
    return [
        ("Организация", "text"), ("Населённый пункт", "text"), ("Наставников", "int"),
        ("Наставляемых", "int"),
        ("Пар и групп", "int"), ("Действующих", "int"), ("Групп", "int"),
        *((f"Форма: {f}", "int") for f in forms), *((f"Вид: {x}", "int") for x in kinds),
        ("Целевая группа", "int"), ("Охвачено", "int"), ("Охват", "pct"),
        ("Индекс удовлетворённости", "pct"), ("Ответов анкет", "int"),
        ("Мероприятий дорожной карты", "int"), ("Выполнено", "int"), ("Выполнение дорожной карты", "pct"),
        ("Просрочено", "int"), ("Встреч", "int"), ("Часов встреч", "dec"), ("Файл", "text"),
    ]


def summary_line(r: SchoolRow, forms: Sequence[str], kinds: Sequence[str]) -> list[object]:
    """The values of one row, in the order of `summary_header`."""
    return [
        r.organisation, r.place, r.mentors, r.mentees, r.pairs, r.pairs_in_force, r.groups,
        *(r.by_form.get(f, 0) for f in forms), *(r.by_kind.get(x, 0) for x in kinds),
        r.target, r.covered, r.coverage, r.satisfaction, r.answers,
        r.events, r.events_done, r.completion, r.overdue, r.meetings, r.hours, r.file,
    ]


def row_json(r: SchoolRow) -> dict[str, object]:
    return {
        "organisation": r.organisation, "place": r.place, "mentors": r.mentors, "mentees": r.mentees,
        "pairs": r.pairs, "pairs_in_force": r.pairs_in_force, "groups": r.groups, "by_form": r.by_form,
        "by_kind": r.by_kind, "target": r.target, "covered": r.covered, "coverage": r.coverage,
        "satisfaction": r.satisfaction, "answers": r.answers, "events": r.events,
        "events_done": r.events_done,
        "completion": r.completion, "overdue": r.overdue, "meetings": r.meetings, "hours": r.hours,
        "file": r.file, "full_name": r.full_name, "inn": r.inn, "year": r.year,
        "indicators": r.indicators.as_json() if r.indicators else None,
    }


# ---------------------------------------------------------------- issue 14: one organisation once, one year


def _words(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").replace("«", '"').replace("»", '"').split())


def identity(r: SchoolRow) -> str:
    """Who a book is of: its ИНН when it has one (10 or 12 digits); else its full name together with the name
    shown (the short one), so that two schools whose books differ in one of the names stay two."""
    digits = "".join(ch for ch in r.inn if ch.isdigit())
    if len(digits) in (10, 12):
        return "инн " + digits
    return "имя " + _words(r.full_name) + " | " + _words(r.organisation)


def settle(result: Consolidation, year: int) -> Consolidation:
    """Books of another school year apart; of one organisation's books of the year the newest counted (by the
    book's own «saved» time, then the later path), the others listed as duplicates. Order of the rows kept."""
    of_year = [r for r in result.rows if r.year == year]
    other = [r for r in result.rows if r.year != year]
    newest: dict[str, SchoolRow] = {}
    for r in of_year:
        key = identity(r)
        if key not in newest or r.modified >= newest[key].modified:
            newest[key] = r
    kept = {id(r) for r in newest.values()}
    previous = _newest_by_year(result.rows)
    return Consolidation(
        rows=[_with_retention(r, previous) for r in of_year if id(r) in kept], failures=list(result.failures),
        duplicates=[Duplicate(r, newest[identity(r)]) for r in of_year if id(r) not in kept],
        other_year=[_with_retention(r, previous) for r in other], year=year,
    )


def _newest_by_year(rows: Sequence[SchoolRow]) -> dict[tuple[str, int], SchoolRow]:
    found: dict[tuple[str, int], SchoolRow] = {}
    for r in rows:
        key = (identity(r), r.year)
        if key not in found or r.modified >= found[key].modified:
            found[key] = r
    return found


def _with_retention(r: SchoolRow, books: dict[tuple[str, int], SchoolRow]) -> SchoolRow:
    """The row with retention across years: the organisation's newest book of the year before, if any."""
    if r.indicators is None or r.people is None:
        return r
    before = books.get((identity(r), r.year - 1))
    across = retention_across(before.people if before is not None else None, r.people)
    return replace(r, indicators=replace(r.indicators, across=[across]))
