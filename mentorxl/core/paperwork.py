"""Which rows each document takes: the pairs an order fixes, the pairs in force, the next free order number,
who still needs a personal-data consent form, and the term of a pair. The documents layer only renders what
these rules choose; the readiness gate (readiness.py) checks the same rows before anything is written."""

from __future__ import annotations

from datetime import date

from mentorxl.core import orders
from mentorxl.core import vocabulary as v
from mentorxl.core.dates import add_months
from mentorxl.core.models import Mentor, Pair, Person
from mentorxl.core.program import ProgramData
from mentorxl.core.statuses import MenteeStatus, PairStatus, parse
from mentorxl.core.text import clean, person_key


def is_executive(position: str) -> bool:
    """A director, deputy or head of a unit: the tasks of a class teacher are not theirs."""
    key = clean(position).casefold()
    return any(word in key for word in ("заместител", "директор", "заведующ", "руководитель структурн"))


def form_reversed(pair: Pair, positions: dict[str, str]) -> bool:
    """The form «руководитель – педагог» (mentor – mentee) written for a teacher mentoring a head: read the
    wrong way round. `positions`: person_key(name) -> position."""
    form = clean(pair.form).casefold().replace("—", "–").replace("-", "–")
    if not form.startswith("руководитель"):
        return False
    mentor_head = is_executive(positions.get(person_key(pair.mentor), ""))
    mentees_head = any(is_executive(positions.get(person_key(n), "")) for n in pair.mentees)
    return mentees_head and not mentor_head


def status_is(pair: Pair, *statuses: str) -> bool:
    """The pair's status is one of these, as core/statuses.py reads a status (case, ё, look-alikes)."""
    return pair.state in {parse(PairStatus, s) for s in statuses}


def pairs_to_order(data: ProgramData) -> list[Pair]:
    """Pairs of «Пары» approved and not yet in an order (the rule: core/orders.py)."""
    return orders.pairs_to_order(data.pairs)


def pairs_in_force(data: ProgramData) -> list[Pair]:
    """Pairs and groups approved or at work («Утверждена», «Действует»)."""
    return [p for p in data.pairs if p.in_force and p.mentor and p.mentees]


def pairs_for_agreements(data: ProgramData, *, again: bool = False) -> list[Pair]:
    """Pairs in force whose supplementary agreement is not yet recorded («Дата доп. соглашения» empty);
    `again` takes them all (a lost copy is printed anew on purpose)."""
    return [p for p in pairs_in_force(data) if again or p.agreement_date is None]


next_order_number = orders.next_order_number


def order_numbers(data: ProgramData) -> list[str]:
    """Every order number the book records: «Приказы» and «Номер приказа» of «Пары» (core/orders.py)."""
    return orders.issued(data.pairs, data.orders)


def people_missing_consent(data: ProgramData, *, again: bool = False) -> list[tuple[Person, str]]:
    """(person, role) of the banks with no date of the personal-data consent, each person once; a person whose
    form was already issued («Бланк согласия выдан») is left out unless `again`."""
    seen: set[str] = set()
    out: list[tuple[Person, str]] = []
    for people, role in ((data.mentors, v.ROLE_MENTOR), (data.mentees, v.ROLE_MENTEE)):
        for p in people:
            left = parse(MenteeStatus, p.status) is MenteeStatus.LEFT  # «Выбыл» in both banks
            if (p.name and p.consent_pd is None and person_key(p.name) not in seen and not left
                    and (again or p.consent_form_on is None)):
                seen.add(person_key(p.name))
                out.append((p, role))
    return out


def rewarded_mentors(data: ProgramData) -> list[Mentor]:
    return [m for m in data.mentors if m.name and m.reward]


def term_of(pair: Pair, data: ProgramData, fallback: date) -> tuple[date, date]:
    """The pair's term: its start (else the setting, the order's date, `fallback`), never earlier than the order
    that fixes the pair; the end as typed, else the start plus the term of the settings."""
    start = pair.start or data.settings.start_date or pair.order_date or fallback
    if pair.order_date and start < pair.order_date:
        start = pair.order_date
    end = pair.end if pair.end and pair.end > start else add_months(start, data.settings.term_months)
    return start, end


def start_on_order(pair: Pair, data: ProgramData, on: date) -> date | None:
    """The start an order of date `on` gives the pair when its own start is earlier than the order (a term
    cannot begin before the order that fixes it); None when the start needs no move."""
    start = pair.start or data.settings.start_date
    return on if start is not None and start < on else None
