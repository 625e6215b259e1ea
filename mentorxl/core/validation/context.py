"""What every rule needs, computed once per run: sheet names, people by name, pairs in force.

Names are indexed once (by `person_key`: look-alike Latin letters fixed, then `name_key`), so the rules
stay linear in the number of rows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import cached_property
from typing import TypeVar

from mentorxl.core import vocabulary as v
from mentorxl.core.contract import SheetSpec
from mentorxl.core.models import Mentee, Mentor, Pair, Person
from mentorxl.core.program import ProgramData
from mentorxl.core.text import header_key, person_key, status_key

P = TypeVar("P", bound=Person)
LATIN = re.compile(r"[A-Za-z]")


def pair_key(number: str) -> str:
    """A pair number as compared: «№ 5», «5» and «5.0» are the same pair."""
    key = header_key(number).lstrip("№")
    return key[:-2] if key.endswith(".0") else key


def day(d: date) -> str:
    return d.strftime("%d.%m.%Y")


IN_FORCE = frozenset(status_key(s) for s in v.PAIRS_IN_FORCE)
WAITING = status_key(v.MENTEE_WAITING)
PAIRED = status_key(v.MENTEE_PAIRED)
MENTOR_ACTIVE = status_key(v.MENTOR_ACTIVE)
MENTOR_LEFT = status_key(v.MENTOR_LEFT)


def _index(people: list[P]) -> dict[str, list[P]]:
    found: dict[str, list[P]] = defaultdict(list)
    for person in people:
        if key := person_key(person.name):
            found[key].append(person)
    return dict(found)


class Context:
    """One run of `check`: the data, today's date and the indexes built from them."""

    def __init__(self, data: ProgramData, today: date):
        self.data = data
        self.today = today

    def sheet(self, spec: SheetSpec) -> str:
        """The sheet's name as the book spells it."""
        return self.data.sheet_names.get(spec.key, spec.name)

    def loaded(self, spec: SheetSpec) -> bool:
        """The sheet's rows were read (or the data was built without tables): cross-sheet rules trust it."""
        table = self.data.tables.get(spec.key)
        return table is None or (table.found and not table.missing)

    @cached_property
    def _flagged(self) -> set[tuple[str, int | None, str | None]]:
        return {(p.sheet, p.row, p.column) for p in self.data.problems if p.code != "required_empty"}

    def flagged(self, spec: SheetSpec, row: int, key: str) -> bool:
        """The loader already reported what this cell holds (e.g. a date it could not read)."""
        return (self.sheet(spec), row, spec.column(key).header) in self._flagged

    @cached_property
    def mentees(self) -> dict[str, list[Mentee]]:
        return _index(self.data.mentees)

    @cached_property
    def mentors(self) -> dict[str, list[Mentor]]:
        return _index(self.data.mentors)

    @cached_property
    def pairs_in_force(self) -> list[Pair]:
        return [p for p in self.data.pairs if p.in_force]

    @cached_property
    def mentee_pairs(self) -> dict[str, list[Pair]]:
        """Mentee key -> the pairs in force naming them (each pair once)."""
        found: dict[str, list[Pair]] = defaultdict(list)
        for pair in self.pairs_in_force:
            for key in dict.fromkeys(person_key(n) for n in pair.mentees):
                if key:
                    found[key].append(pair)
        return dict(found)

    @cached_property
    def mentor_pairs(self) -> dict[str, list[Pair]]:
        """Mentor key -> the pairs in force they lead."""
        found: dict[str, list[Pair]] = defaultdict(list)
        for pair in self.pairs_in_force:
            if key := person_key(pair.mentor):
                found[key].append(pair)
        return dict(found)

    @cached_property
    def pair_numbers(self) -> set[str]:
        return {pair_key(p.number) for p in self.data.pairs if p.number}

    def capacity_of(self, mentor: Mentor) -> int:
        """How many mentees a mentor may have: their own number, else the setting."""
        if mentor.capacity is not None and mentor.capacity > 0:
            return mentor.capacity
        return self.data.settings.capacity


def numbers(pairs: list[Pair]) -> str:
    """«1, 4» — the numbers of pairs as a user reads them."""
    return ", ".join(p.number or f"(строка {p.row})" for p in pairs)

