"""What a status, a decision or a name typed in a cell means: parsed once, here, for every rule.

Statuses and decisions are compared with case, spaces, ё/е, the kind of dash and Latin look-alike letters
ignored («утвердить», «Утвердить », «Утвержденa» with a Latin «a» mean what the dropdown says). An empty cell
is `NONE`, a text no list holds is `UNKNOWN`: each rule says what those mean for it, in one place below.
People are compared by `person_key` (core/text.py): trimmed, spaces collapsed, invisible marks dropped,
ё→е, case folded, look-alike Latin letters read as Cyrillic.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from typing import TypeVar

from mentorxl.core import vocabulary as v
from mentorxl.core.text import clean, fix_lookalikes, status_key


class MenteeStatus(Enum):
    WAITING = v.MENTEE_WAITING
    PAIRED = v.MENTEE_PAIRED
    DONE = v.MENTEE_DONE
    LEFT = v.MENTEE_LEFT
    NONE = ""
    UNKNOWN = "?"


class MentorStatus(Enum):
    ACTIVE = v.MENTOR_ACTIVE
    NOT_READY = v.MENTOR_NOT_READY
    LEFT = v.MENTOR_LEFT
    NONE = ""
    UNKNOWN = "?"


class PairStatus(Enum):
    DRAFT = v.PAIR_DRAFT
    APPROVED = v.PAIR_APPROVED
    ACTIVE = v.PAIR_ACTIVE
    FINISHED = v.PAIR_FINISHED
    CANCELLED = v.PAIR_CANCELLED
    NONE = ""
    UNKNOWN = "?"


class EventStatus(Enum):
    PLANNED = v.EVENT_PLANNED
    IN_PROGRESS = v.EVENT_IN_PROGRESS
    DONE = v.EVENT_DONE
    CANCELLED = v.EVENT_CANCELLED
    NONE = ""
    UNKNOWN = "?"


class Decision(Enum):
    APPROVE = v.DECISION_APPROVE
    REJECT = v.DECISION_REJECT
    NONE = ""
    UNKNOWN = "?"  # something else typed in «Решение» («подумать»): kept as typed, decides nothing


E = TypeVar("E", MenteeStatus, MentorStatus, PairStatus, EventStatus, Decision)


def value_key(text: object) -> str:
    """A status or a list value as compared (look-alike Latin letters read as Cyrillic)."""
    typed = clean(text)
    return status_key(fix_lookalikes(typed)) if typed else ""


@lru_cache(maxsize=8192)
def _parse(kind: type[E], typed: str) -> E:
    key = value_key(typed)
    if not key:
        return kind("")
    for member in kind:
        if member.value not in ("", "?") and value_key(member.value) == key:
            return member
    return kind("?")


def parse(kind: type[E], text: object) -> E:
    """The member of `kind` a cell means: `NONE` when empty, `UNKNOWN` when no list value matches."""
    return _parse(kind, "" if text is None else str(text))


# The rules: what each status means for the program.
WAITING_MENTEE = frozenset({MenteeStatus.WAITING, MenteeStatus.NONE})  # a new row usually has no status yet
READY_MENTOR = frozenset({MentorStatus.ACTIVE, MentorStatus.NONE})
PAIR_IN_FORCE = frozenset({PairStatus.APPROVED, PairStatus.ACTIVE})
PAIR_CLOSED = frozenset({PairStatus.FINISHED, PairStatus.CANCELLED})  # every other row is a pair that exists
PAIR_OF_YEAR = frozenset({PairStatus.APPROVED, PairStatus.ACTIVE, PairStatus.FINISHED, PairStatus.NONE})
EVENT_CLOSED = frozenset({EventStatus.DONE, EventStatus.CANCELLED})
DECISIONS_TAKEN = frozenset({Decision.APPROVE, Decision.REJECT})
