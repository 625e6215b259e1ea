"""Approved suggestions become pairs and groups of «Пары» (pure: the plan of what to write).

A mentor approved for several mentees who share a request gets one group row; mentees with nothing in
common stay separate pairs. Every approved row is checked again against the hard rules, since the
куратор may have typed another name into «Подбор».
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from mentorxl.core import vocabulary as v
from mentorxl.core.dates import add_months
from mentorxl.core.models import Mentee, Mentor, Pair, Suggestion
from mentorxl.core.program import ProgramData
from mentorxl.core.statuses import Decision

KIND_PAIR = "традиционное"
KIND_GROUP = "групповое"
DEFAULT_FORM = "педагог – педагог"


@dataclass(slots=True)
class ApprovalPlan:
    pairs: list[dict[str, object]] = field(default_factory=list)  # rows for «Пары», by column key
    mentee_updates: list[tuple[int, str, object]] = field(default_factory=list)  # (row, key, value) on «Наставляемые»
    skipped: list[str] = field(default_factory=list)  # Russian reasons, one per refused suggestion


def next_pair_number(numbers: list[str]) -> int:
    """One more than the largest number in «№ пары» («7», «№ 7», 7.0): a new pair's number is a number."""
    found = [int(m.group()) for n in numbers if (m := re.search(r"\d+", n))]
    return max(found, default=0) + 1


def existing_pairs(data: ProgramData) -> dict[str, Pair]:
    """Mentee key -> the pair (any status but «Завершена» and «Расторгнута») that already holds them."""
    found: dict[str, Pair] = {}
    for pair in data.pairs:
        if pair.exists:
            for key in pair.mentee_keys:
                found.setdefault(key, pair)
    return found


def _refusal(mentee: Mentee | None, mentor: Mentor | None, s: Suggestion, taken: dict[str, Pair | None]) -> str | None:
    if mentee is None:
        return f"«{s.mentee}» нет в банке наставляемых"
    if mentor is None:
        return f"«{s.mentor}» нет в банке наставников"
    if mentee.key == mentor.key:
        return f"«{s.mentee}»: наставник и наставляемый — одно лицо"
    if mentee.consent_pd is None:
        return f"«{mentee.name}»: нет согласия на обработку ПДн"
    if mentor.consent_pd is None or mentor.consent_mentoring is None:
        return f"«{mentor.name}»: нет согласия на обработку ПДн или на наставничество"
    if mentee.key in taken:
        pair = taken[mentee.key]
        if pair is None:
            return f"«{mentee.name}» уже утверждён(а) выше в этом же списке"
        number = f"№ {pair.number}" if pair.number else f"в строке {pair.row}"
        return (f"«{mentee.name}» уже состоит в паре {number} (статус «{pair.status or 'не указан'}»): "
                "вторая пара не создаётся")
    return None


def plan_approval(data: ProgramData, *, today: date, approve_all: bool = False) -> ApprovalPlan:
    plan = ApprovalPlan()
    mentees = {m.key: m for m in reversed(data.mentees) if m.key}  # the first row of a repeated ФИО
    mentors = {m.key: m for m in reversed(data.mentors) if m.key}
    taken: dict[str, Pair | None] = dict(existing_pairs(data))
    network_org: dict[str, str] = {}
    wanted = [s for s in data.suggestions if s.mentor and s.mentee and (
        s.choice is Decision.APPROVE or (approve_all and s.choice is not Decision.REJECT))]

    by_mentor: dict[str, list[tuple[Mentee, Suggestion]]] = {}
    for s in wanted:
        mentee, mentor = mentees.get(s.key[0]), mentors.get(s.key[1])
        if s.mentor_org and mentor is None:  # issue 14: a network mentor, of the bank of their own school
            mentor = Mentor(name=s.mentor, consent_pd=today, consent_mentoring=today)
            mentors[mentor.key] = mentor
            network_org[mentor.key] = s.mentor_org
        refusal = _refusal(mentee, mentor, s, taken)
        if refusal:
            plan.skipped.append(refusal)
            continue
        assert mentee is not None and mentor is not None
        taken[mentee.key] = None
        by_mentor.setdefault(mentor.key, []).append((mentee, s))

    start = data.settings.start_date or today
    end = add_months(start, data.settings.term_months)
    number = next_pair_number([p.number for p in data.pairs])
    for mentor_key, items in by_mentor.items():
        for group in _groups(items):
            names = [m.name for m, _ in group]
            tags = _shared(group) or sorted({t for _, s in group for t in s.matched})
            form = next((m.form for m, _ in group if m.form), DEFAULT_FORM)
            plan.pairs.append({
                "number": number, "mentor": mentors[mentor_key].name, "mentees": names, "form": form,
                "kind": KIND_GROUP if len(group) > 1 else KIND_PAIR, "start": start, "end": end,
                "goal": ("Профессиональное развитие: " + ", ".join(tags)) if tags else "Адаптация и профессиональное "
                                                                                       "развитие",
                "status": v.PAIR_APPROVED,
                **({"mentor_org": network_org[mentor_key]} if mentor_key in network_org else {}),
            })
            number += 1
            plan.mentee_updates += [(m.row, "status", v.MENTEE_PAIRED) for m, _ in group]
    return plan


def _shared(group: list[tuple[Mentee, Suggestion]]) -> list[str]:
    common = set(group[0][1].matched)
    for _, s in group[1:]:
        common &= set(s.matched)
    return sorted(common)


def _groups(items: list[tuple[Mentee, Suggestion]]) -> list[list[tuple[Mentee, Suggestion]]]:
    """Mentees of one mentor who share a matched request form a group; the others stay alone."""
    groups: list[list[tuple[Mentee, Suggestion]]] = []
    for item in items:
        for group in groups:
            shared = set(group[0][1].matched).intersection(*(s.matched for _, s in group[1:]))
            if set(item[1].matched) & shared:
                group.append(item)
                break
        else:
            groups.append([item])
    return groups
