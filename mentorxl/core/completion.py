"""Completing pairs at the end of their term, or ending them early with a replacement mentor: pure planning.

- Which pairs: the ones named (their «№ пары»), else every pair in force («Утверждена», «Действует») whose term
  has ended by the date: its «Дата окончания», else «Дата начала» plus «Срок наставничества, месяцев».
- A completed pair becomes «Завершена» (an empty «Дата окончания» gets the date); its mentees «Завершил»
  unless they are still in another pair in force. The mentor's places are free again: the load counts pairs
  in force only, so nothing else is written; the plan says how many places each mentor got back.
- With a reason (only for pairs named): the pair is ended early, «Расторгнута», «Дата окончания» the date and
  «Причина завершения» the reason; the row stays in «Пары» as the history. Each of its mentees gets a
  replacement mentor, matched for that one person by the same engine as «Подобрать пары» (the previous mentor
  excluded, places taken by earlier replacements counted): a new row in «Пары» with a new number, the old
  pair's form, kind and goal, from the date to the old pair's planned end, «Утверждена» (the action writes the
  order's number). A mentee with no mentor free goes back to «Ожидает пары» and is reported.
- Final surveys: every participant of a completed or ended pair with no «Итоговая» questionnaire on «Анкеты»
  is reported, so the куратор can still collect them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.dates import add_months
from mentorxl.core.models import Pair
from mentorxl.core.program import ProgramData
from mentorxl.core.text import clean, header_key, person_key
from mentorxl.errors import MentorXLError, NothingToDo

_IN_FORCE = {header_key(s) for s in v.PAIRS_IN_FORCE}
_FINAL = header_key(v.SURVEY_FINAL)


@dataclass(frozen=True, slots=True)
class Replacement:
    mentee: str
    old_pair: str
    mentor: str | None  # None: nobody free
    number: str | None  # the new pair's number
    why: str  # the matcher's explanation, or why there is no one


@dataclass(slots=True)
class CompletionPlan:
    on: date
    finished: list[Pair] = field(default_factory=list)
    ended: list[tuple[Pair, str]] = field(default_factory=list)  # (pair, reason)
    pair_updates: list[tuple[int, str, object]] = field(default_factory=list)
    mentee_updates: list[tuple[int, str, object]] = field(default_factory=list)
    new_pairs: list[dict[str, object]] = field(default_factory=list)  # rows for «Пары», by column key
    assigned: list[Pair] = field(default_factory=list)  # the same new pairs, for the matcher
    replacements: list[Replacement] = field(default_factory=list)
    freed: dict[str, int] = field(default_factory=dict)  # mentor -> places given back
    missing_final: list[tuple[str, str]] = field(default_factory=list)  # (pair number, person)
    notes: list[str] = field(default_factory=list)


def in_force(pair: Pair) -> bool:
    return header_key(pair.status) in _IN_FORCE


def planned_end(pair: Pair, months: int) -> date | None:
    """«Дата окончания», else the start plus the term of mentoring."""
    if pair.end is not None:
        return pair.end
    return add_months(pair.start, months) if pair.start is not None else None


def _term_months(data: ProgramData) -> int:
    found = re.search(r"\d+", clean(data.settings.get(k.SET_TERM_MONTHS)) or k.SETTING_DEFAULTS[k.SET_TERM_MONTHS])
    return int(found[0]) if found else 9


def _next_number(pairs: Sequence[Pair], taken: Sequence[str]) -> str:
    numbers = [int(n) for n in [*(p.number for p in pairs), *taken] if re.fullmatch(r"\d+", clean(n))]
    return str(max(numbers, default=0) + 1)


def _chosen(data: ProgramData, numbers: Sequence[str] | None, on: date, months: int) -> list[Pair]:
    if numbers:
        by_number = {header_key(p.number): p for p in data.pairs if p.number}
        unknown = [n for n in numbers if header_key(n) not in by_number]
        if unknown:
            raise MentorXLError(f"На листе «Пары» нет пар № {', '.join(unknown)}.",
                                "Проверьте номера в столбце «№ пары» и укажите их через запятую: --pairs 3,5.")
        return [by_number[header_key(n)] for n in numbers]
    return [p for p in data.pairs if in_force(p) and (end := planned_end(p, months)) is not None and end <= on]


def plan_completion(data: ProgramData, *, on: date, numbers: Sequence[str] | None = None,
                    reason: str | None = None) -> CompletionPlan:
    """What «Завершить пары» changes (rules in the module docstring). NothingToDo when no pair is due."""
    reason = clean(reason)
    if reason and not numbers:
        raise MentorXLError("Досрочно завершить можно только названные пары.",
                            "Укажите их номера: mentorxl complete КНИГА --pairs 3 --reason \"причина\".")
    months = _term_months(data)
    plan = CompletionPlan(on)
    chosen = []
    for pair in _chosen(data, numbers, on, months):
        if in_force(pair):
            chosen.append(pair)
        else:
            plan.notes.append(f"Пара № {pair.number} не действует (статус «{pair.status or 'пусто'}»): "
                              "она не изменена.")
    if not chosen:
        raise NothingToDo(
            f"Нет действующих пар, срок которых закончился к {on:%d.%m.%Y}." if not numbers else
            "Названные пары уже не действуют.",
            "Завершаются пары со статусом «Утверждена» или «Действует»; срок — «Дата окончания» или «Дата "
            "начала» плюс «Срок наставничества, месяцев». Чтобы завершить пару раньше, назовите её: --pairs N.")
    closing = {p.row for p in chosen}
    for pair in chosen:
        if reason:
            plan.ended.append((pair, reason))
            plan.pair_updates += [(pair.row, "status", v.PAIR_CANCELLED), (pair.row, "end", on),
                                  (pair.row, "end_reason", reason)]
        else:
            plan.finished.append(pair)
            plan.pair_updates.append((pair.row, "status", v.PAIR_FINISHED))
            if pair.end is None:
                plan.pair_updates.append((pair.row, "end", on))
        plan.freed[pair.mentor] = plan.freed.get(pair.mentor, 0) + len(pair.mentees)
    still = {person_key(n) for p in data.pairs if in_force(p) and p.row not in closing for n in p.mentees}
    mentees = {person_key(m.name): m for m in data.mentees if m.name}
    for pair in plan.finished:
        for name in pair.mentees:
            if (m := mentees.get(person_key(name))) is not None and person_key(name) not in still:
                plan.mentee_updates.append((m.row, "status", v.MENTEE_DONE))
    for pair, _ in plan.ended:
        for name in pair.mentees:
            _replace(data, plan, pair, name, months)
    _final_surveys(data, plan)
    return plan


def _replace(data: ProgramData, plan: CompletionPlan, pair: Pair, name: str, months: int) -> None:
    """A new mentor for one mentee of a pair ended early: matching for that person only."""
    from mentorxl.core.matching.engine import match

    mentee = next((m for m in data.mentees if person_key(m.name) == person_key(name)), None)
    if mentee is None:
        plan.replacements.append(Replacement(name, pair.number, None, None,
                                             "наставляемого нет на листе «Наставляемые»"))
        return
    ended = {p.row for p, _ in plan.ended}
    pairs = [p.model_copy(update={"status": v.PAIR_CANCELLED}) if p.row in ended else p for p in data.pairs]
    pairs += plan.assigned
    alone = ProgramData(settings=data.settings, mentees=[mentee.model_copy(update={"status": v.MENTEE_WAITING})],
                        mentors=[m for m in data.mentors if person_key(m.name) != person_key(pair.mentor)],
                        pairs=pairs, tags=data.tags, lists=data.lists)
    found = match(alone)
    chosen = next((s for s in found.suggestions if person_key(s.mentee) == person_key(name)), None)
    if chosen is None:
        why = found.unmatched[0].reason if found.unmatched else "нет наставника со свободным местом"
        plan.replacements.append(Replacement(mentee.name, pair.number, None, None, why))
        plan.mentee_updates.append((mentee.row, "status", v.MENTEE_WAITING))
        return
    number = _next_number(data.pairs, [p.number for p in plan.assigned])
    end = planned_end(pair, months)
    plan.new_pairs.append({
        "number": number, "mentor": chosen.mentor, "mentees": [mentee.name], "form": pair.form or None,
        "kind": pair.kind or None, "start": plan.on, "end": end if end and end > plan.on else None,
        "goal": pair.goal or None, "status": v.PAIR_APPROVED,
    })
    plan.assigned.append(Pair(number=number, mentor=chosen.mentor, mentees=[mentee.name], status=v.PAIR_APPROVED))
    plan.replacements.append(Replacement(mentee.name, pair.number, chosen.mentor, number, chosen.reason))
    plan.mentee_updates.append((mentee.row, "status", v.MENTEE_PAIRED))


def _final_surveys(data: ProgramData, plan: CompletionPlan) -> None:
    answered = {person_key(s.respondent) for s in data.surveys if _FINAL in header_key(s.survey)}
    for pair in [*plan.finished, *(p for p, _ in plan.ended)]:
        for name in (pair.mentor, *pair.mentees):
            if name and person_key(name) not in answered:
                plan.missing_final.append((pair.number, name))
