"""Retention of young specialists across school years (issue 14), from two books of one organisation (pure).

A book of year N names the young specialists whose program ended in it; the book of year N+1 of the same
organisation (the same ИНН, else the same names) tells who is still in the bank. The summary needs only these
two sets, so a book's row carries them as opaque tokens (a hash of the normalised name), never as names: the
summary leaves the school, and a token matches only the same person in the other book.

- Finished: mentees who are young specialists (`indicators.is_young` on the day of the count) and whose program
  ended — «Завершил» in the bank, or in a pair «Завершена».
- Stayed: of them, those in the bank of mentees or of mentors of the next year's book not marked «Выбыл».
The school's own report finds last year's book beside its own (`same_organisation`, the year before).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.indicators import RETENTION_ACROSS, Indicator, is_young
from mentorxl.core.program import ProgramData
from mentorxl.core.terms import school_year_start
from mentorxl.core.text import header_key, person_key


@dataclass(frozen=True, slots=True)
class YearPeople:
    """What retention across years needs of one book: tokens, not names."""

    finished_young: frozenset[str] = frozenset()  # young specialists whose program ended in this book
    present: frozenset[str] = frozenset()  # people of both banks not marked «Выбыл»


def token(name: str) -> str:
    """The same for the same person however the name is typed (case, spaces, ё), and not the name itself."""
    return hashlib.sha256(person_key(name).encode()).hexdigest()[:20]


def year_people(data: ProgramData, today: date) -> YearPeople:
    done, finished_pair = header_key(v.MENTEE_DONE), header_key(v.PAIR_FINISHED)
    left = {header_key(v.MENTEE_LEFT), header_key(v.MENTOR_LEFT)}
    in_finished = {person_key(n) for p in data.pairs if header_key(p.status) == finished_pair for n in p.mentees}
    finished = frozenset(token(m.name) for m in data.mentees if m.name and is_young(m, today)
                         and (header_key(m.status) == done or person_key(m.name) in in_finished))
    present = frozenset(token(m.name) for m in (*data.mentees, *data.mentors)
                        if m.name and header_key(m.status) not in left)
    return YearPeople(finished, present)


def retention_across(previous: YearPeople | None, this: YearPeople) -> Indicator:
    """The indicator of the book of year N+1: of the young specialists who finished in year N, those still here;
    0 of 0 (shown «—») without the book of year N."""
    finished = previous.finished_young if previous is not None else frozenset()
    title = RETENTION_ACROSS.title
    return Indicator(RETENTION_ACROSS.key, title, len(finished & this.present), len(finished))


def _identity(data: ProgramData) -> str:
    s = data.settings
    digits = "".join(ch for ch in s.get(k.SET_ORG_INN) if ch.isdigit())
    if len(digits) in (10, 12):
        return "инн " + digits
    names = f"{s.get(k.SET_ORG_FULL)} | {s.get(k.SET_ORG_SHORT)}"
    return "имя " + " ".join(names.casefold().replace("ё", "е").split())


def is_previous_year(candidate: ProgramData, data: ProgramData, today: date) -> bool:
    """`candidate` is the book of the same organisation (ИНН, else both names) for the school year before."""
    year = school_year_start(data.settings.get(k.SET_YEAR), today)
    return (_identity(candidate) == _identity(data) and _identity(data) != "имя |"
            and school_year_start(candidate.settings.get(k.SET_YEAR), today) == year - 1)
