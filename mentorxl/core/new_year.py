"""Next school year's book from this one: what is carried, what changes, what stays in the archive. Pure.

- «Настройки»: every parameter carried; «Учебный год» advanced by one («2025/2026» -> «2026/2027», every year
  in it moved by one; empty: the school year after the one of `today`); «Дата начала наставничества», when it
  is a date, moved by a year.
- «Дорожная карта»: every activity carried with its stage, text, responsible, result and comment; in its срок
  every year moved by one («до 15 марта 2026 г.» -> «до 15 марта 2027 г.», «2025/26» -> «2026/27»); «Статус» and
  «Дата выполнения» cleared; the helper dates of the overdue highlight (roadmap_state.FIRST_DUE, LAST_DUE)
  recomputed in the new school year.
- «Наставники»: carried with consents and training; «Поощрение» (a decision of the year gone) cleared; their
  load in the new year (mentees in the pairs carried) is in the summary.
- «Наставляемые»: carried; a mentee with no pair in force who was «В паре» is marked «Завершил»; «Завершил» and
  «Выбыл» stay as they are, so the bank keeps its history.
- «Пары»: only the pairs in force («Утверждена», «Действует») are carried, with their numbers, orders and
  dates; completed, ended and draft pairs stay in the archive.
- «Анкеты» and «Встречи» start empty: the year's answers and meetings stay in the archive book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.dates import parse_date
from mentorxl.core.models import Pair
from mentorxl.core.program import ProgramData
from mentorxl.core.roadmap_state import due_updates
from mentorxl.core.terms import school_year_start
from mentorxl.core.text import clean, header_key, person_key

_YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20)\d\d)(\s*[/–—-]\s*)(\d\d)(?!\d)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_IN_FORCE = {header_key(s) for s in v.PAIRS_IN_FORCE}


def next_years(text: str) -> str:
    """Every year of a text moved by one: «2025/2026» -> «2026/2027», «2025/26» -> «2026/27», «май 2026» ->
    «май 2027»; the rest as typed."""
    def span(m: re.Match[str]) -> str:
        return f"{int(m[1]) + 1}{m[2]}{(int(m[3]) + 1) % 100:02d}"

    marked = _YEAR_SPAN.sub(lambda m: "\x00" + span(m) + "\x01", text)
    parts = re.split(r"(\x00[^\x01]*\x01)", marked)
    return "".join(p[1:-1] if p.startswith("\x00") else _YEAR.sub(lambda m: str(int(m[1]) + 1), p) for p in parts)


def _next_school_year(text: str, today: date) -> str:
    if _YEAR.search(text):
        return next_years(text)
    start = school_year_start(text, today) + 1
    return f"{start}/{start + 1}"


@dataclass(slots=True)
class NewYearPlan:
    year: str  # the new «Учебный год»
    settings: list[tuple[int, str, object]] = field(default_factory=list)
    roadmap: list[tuple[int, str, object]] = field(default_factory=list)
    mentees: list[tuple[int, str, object]] = field(default_factory=list)
    mentors: list[tuple[int, str, object]] = field(default_factory=list)
    pairs: list[dict[str, object]] = field(default_factory=list)  # the pairs carried, as rows
    left_pairs: list[Pair] = field(default_factory=list)
    load: dict[str, int] = field(default_factory=dict)  # mentor -> mentees in the pairs carried
    ended_term: list[str] = field(default_factory=list)  # pairs carried whose term ended before the new year
    counts: dict[str, int] = field(default_factory=dict)  # what was carried and left, for the summary


def plan_new_year(data: ProgramData, today: date) -> NewYearPlan:
    year_row = data.settings.rows.get(header_key(k.SET_YEAR))
    old_year = clean(data.settings.get(k.SET_YEAR))
    plan = NewYearPlan(_next_school_year(old_year, today))
    if year_row:
        plan.settings.append((year_row, "value", plan.year))
    start_row = data.settings.rows.get(header_key(k.SET_START))
    start = parse_date(data.settings.get(k.SET_START)) if start_row else None
    if start_row and start is not None:
        try:
            moved = start.replace(year=start.year + 1)
        except ValueError:  # 29 February
            moved = start.replace(year=start.year + 1, day=28)
        plan.settings.append((start_row, "value", moved))
    new_start = school_year_start(plan.year, today)
    for e in data.roadmap:
        if not (e.event or e.stage or e.term):
            continue
        if e.term and (moved_term := next_years(e.term)) != e.term:
            plan.roadmap.append((e.row, "term", moved_term))
        if e.term:  # the helper dates of the overdue highlight, when the sheet has them
            plan.roadmap += due_updates(e.row, next_years(e.term), new_start)
        if e.status:
            plan.roadmap.append((e.row, "status", None))
        if e.done_on is not None:
            plan.roadmap.append((e.row, "done_on", None))
    carried = [p for p in data.pairs if header_key(p.status) in _IN_FORCE]
    plan.left_pairs = [p for p in data.pairs if (p.number or p.mentor) and header_key(p.status) not in _IN_FORCE]
    plan.pairs = [{"number": p.number, "mentor": p.mentor, "mentees": "; ".join(p.mentees), "form": p.form or None,
                   "kind": p.kind or None, "start": p.start, "end": p.end, "goal": p.goal or None,
                   "order_number": p.order_number or None, "order_date": p.order_date, "status": p.status,
                   "end_reason": p.end_reason or None} for p in carried]
    plan.ended_term = [p.number for p in carried if p.end is not None and p.end < date(new_start, 9, 1)]
    paired = {person_key(n) for p in carried for n in p.mentees}
    finished = 0
    for m in data.mentees:
        if m.name and header_key(m.status) == header_key(v.MENTEE_PAIRED) and person_key(m.name) not in paired:
            plan.mentees.append((m.row, "status", v.MENTEE_DONE))
            finished += 1
    for mentor in data.mentors:
        if mentor.reward:
            plan.mentors.append((mentor.row, "reward", None))
        if mentor.name:
            plan.load[mentor.name] = sum(len(p.mentees) for p in carried
                                         if person_key(p.mentor) == person_key(mentor.name))
    done = header_key(v.MENTEE_DONE)
    left = header_key(v.MENTEE_LEFT)
    plan.counts = {
        "roadmap": sum(1 for e in data.roadmap if e.event or e.stage or e.term),
        "mentees": sum(1 for m in data.mentees if m.name),
        "mentees_finished": finished + sum(1 for m in data.mentees if m.name and header_key(m.status) == done),
        "mentees_left": sum(1 for m in data.mentees if m.name and header_key(m.status) == left),
        "mentors": sum(1 for m in data.mentors if m.name),
        "pairs": len(carried), "pairs_left": len(plan.left_pairs),
        "surveys_left": len(data.surveys), "meetings_left": len(data.meetings),
    }
    return plan
