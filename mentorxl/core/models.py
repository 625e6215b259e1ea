"""Typed rows of the workbook (pydantic v2) and the forgiving cell types behind them.

A cell type accepts what users really type (dates as text or serials, numbers stored as text, lists
in one cell) and raises ValueError on what it cannot read; `rows.py` turns such errors into problems.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from mentorxl.core.dates import parse_date, parse_number
from mentorxl.core.statuses import (
    DECISIONS_TAKEN,
    PAIR_CLOSED,
    PAIR_IN_FORCE,
    READY_MENTOR,
    WAITING_MENTEE,
    Decision,
    EventStatus,
    MenteeStatus,
    MentorStatus,
    PairStatus,
    parse,
)
from mentorxl.core.text import clean, person_key, split_list, split_names


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def loose_text(value: object) -> str:
    if type(value) is str and value.isprintable() and "  " not in value:  # fast: nothing to clean but the ends
        return value.strip(" ")
    if _empty(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return clean(value)


def loose_date(value: object) -> date | None:
    if _empty(value):
        return None
    result = parse_date(value)
    if result is None:
        raise ValueError("bad_date")
    return result


def loose_number(value: object) -> float | None:
    if _empty(value):
        return None
    result = parse_number(value)
    if result is None:
        raise ValueError("bad_number")
    return result


LARGEST_COUNT = 1_000_000  # a count (mentees, years, hours) beyond this is a typo, not a number to compute with


def loose_int(value: object) -> int | None:
    number = loose_number(value)
    if number is not None and abs(number) > LARGEST_COUNT:
        raise ValueError("number_too_large")
    return None if number is None else round(number)


def loose_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [clean(v) for v in value if clean(v)]
    return split_list(value if isinstance(value, str) else loose_text(value))


def loose_names(value: object) -> list[str]:
    if isinstance(value, list):
        return [clean(v) for v in value if clean(v)]
    return split_names(value if isinstance(value, str) else loose_text(value))


Text = Annotated[str, BeforeValidator(loose_text)]
LooseDate = Annotated[date | None, BeforeValidator(loose_date)]
LooseNumber = Annotated[float | None, BeforeValidator(loose_number)]
LooseInt = Annotated[int | None, BeforeValidator(loose_int)]
TagList = Annotated[list[str], BeforeValidator(loose_list)]
NameList = Annotated[list[str], BeforeValidator(loose_names)]


class Row(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=False)
    row: int = 0  # the Excel row number the user sees


class Person(Row):
    name: Text = ""
    position: Text = ""
    subject: Text = ""
    experience: LooseNumber = None
    consent_pd: LooseDate = None
    status: Text = ""
    preferred: NameList = Field(default_factory=list)
    comment: Text = ""
    consent_form_on: LooseDate = None  # «Бланк согласия выдан»
    extra: dict[str, Any] = Field(default_factory=dict)  # the user's own columns, by header
    birth_date: LooseDate = None
    network_consent: Text = ""

    @property
    def key(self) -> str:
        """The person as compared across sheets and files (core/statuses.py)."""
        return person_key(self.name)


class Mentee(Person):
    category: Text = ""
    requests: TagList = Field(default_factory=list)
    form: Text = ""
    young: Text = ""

    @property
    def state(self) -> MenteeStatus:
        return parse(MenteeStatus, self.status)

    @property
    def waiting(self) -> bool:
        """Waiting for a pair: «Ожидает пары», or no status yet."""
        return self.state in WAITING_MENTEE


class Mentor(Person):
    category: Text = ""
    competences: TagList = Field(default_factory=list)
    capacity: LooseInt = None
    consent_mentoring: LooseDate = None
    trained_on: LooseDate = None
    reward: Text = ""

    @property
    def state(self) -> MentorStatus:
        return parse(MentorStatus, self.status)

    @property
    def ready(self) -> bool:
        """May take mentees as far as the status goes: «Активен», or no status yet."""
        return self.state in READY_MENTOR


class Pair(Row):
    number: Text = ""
    mentor: Text = ""
    mentees: NameList = Field(default_factory=list)
    form: Text = ""
    kind: Text = ""
    start: LooseDate = None
    end: LooseDate = None
    goal: Text = ""
    order_number: Text = ""
    order_date: LooseDate = None
    status: Text = ""
    end_reason: Text = ""
    mentor_org: Text = ""
    agreement_date: LooseDate = None  # «Дата доп. соглашения»

    @property
    def is_group(self) -> bool:
        return len(self.mentees) > 1

    @property
    def state(self) -> PairStatus:
        return parse(PairStatus, self.status)

    @property
    def in_force(self) -> bool:
        """«Утверждена» or «Действует»: the pair works, its mentees are taken, its mentor is loaded."""
        return self.state in PAIR_IN_FORCE

    @property
    def exists(self) -> bool:
        """Any row but a finished or cancelled one (a draft too): the same pair is never created again."""
        return self.state not in PAIR_CLOSED

    @property
    def mentor_key(self) -> str:
        return person_key(self.mentor)

    @property
    def mentee_keys(self) -> list[str]:
        return [key for key in dict.fromkeys(person_key(n) for n in self.mentees) if key]


class RoadmapEvent(Row):
    number: Text = ""
    stage: Text = ""
    event: Text = ""
    term: Text = ""
    responsible: Text = ""
    result: Text = ""
    status: Text = ""
    done_on: LooseDate = None
    comment: Text = ""

    @property
    def state(self) -> EventStatus:
        return parse(EventStatus, self.status)


class SurveyAnswer(Row):
    date: LooseDate = None
    respondent: Text = ""
    role: Text = ""
    pair: Text = ""
    survey: Text = ""
    answers: dict[str, float | str] = Field(default_factory=dict)  # question header -> 1..10 or text


class Meeting(Row):
    pair: Text = ""
    date: LooseDate = None
    topic: Text = ""
    format: Text = ""
    hours: LooseNumber = None
    mark: Text = ""


class OrderRecord(Row):
    """A row of «Приказы»: an order MentorXL issued (number, date, kind, the pairs, the file)."""

    number: Text = ""
    date: LooseDate = None
    kind: Text = ""
    pairs: Text = ""
    file: Text = ""


class Suggestion(Row):
    mentee: Text = ""
    mentor: Text = ""
    score: LooseNumber = None
    matched: TagList = Field(default_factory=list)
    missing: TagList = Field(default_factory=list)
    alternatives: NameList = Field(default_factory=list)
    reason: Text = ""
    decision: Text = ""
    mentor_org: Text = ""
    extra: dict[str, Any] = Field(default_factory=dict)  # the user's own columns beside a suggestion, by header

    @property
    def choice(self) -> Decision:
        return parse(Decision, self.decision)

    @property
    def decided(self) -> bool:
        """«Утвердить» or «Отклонить», in any case or spelling the list allows."""
        return self.choice in DECISIONS_TAKEN

    @property
    def key(self) -> tuple[str, str]:
        """(mentee, mentor) as compared."""
        return person_key(self.mentee), person_key(self.mentor)


class Setting(Row):
    parameter: Text = ""
    value: Text = ""
    note: Text = ""


class TagEntry(Row):
    tag: Text = ""
    synonyms: TagList = Field(default_factory=list)


MODEL_OF_SHEET: dict[str, type[Row]] = {
    "settings": Setting,
    "roadmap": RoadmapEvent,
    "mentees": Mentee,
    "mentors": Mentor,
    "suggestions": Suggestion,
    "pairs": Pair,
    "surveys": SurveyAnswer,
    "meetings": Meeting,
    "orders": OrderRecord,
    "tags": TagEntry,
}
