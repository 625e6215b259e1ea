"""Typed rows of the workbook and the forgiving cell types behind them.

A cell type accepts what users really type (dates as text or serials, numbers stored as text, lists
in one cell) and raises ValueError on what it cannot read; `rows.py` turns such errors into problems.

A row type is a dataclass whose fields name their cell type (`Text`, `LooseDate`, …: the type and the
function that reads a cell into it). Building a row reads every field given through its cell type, leaves the
others at their defaults, ignores keys no field has, and raises one `RowError` naming every field that could not
be read. (These rows were pydantic models; pydantic built their schemas again in every process — 0,1 s of each
command, a quarter of a school's `check` — for what these few lines do.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from typing import Annotated, Any, ClassVar, TypeVar, get_args, get_origin, get_type_hints

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


def whole_number(value: object) -> int:
    """The row number: a whole number, as the reader gives it (or typed as a whole float or as digits)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        return int(value)
    raise ValueError("")


def own_columns(value: object) -> dict[str, Any]:
    """The user's own columns, by header (a copy: the row's own dictionary)."""
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        raise ValueError("")
    return dict(value)


def answers(value: object) -> dict[str, float | str]:
    """A questionnaire's answers by question: a number (as a float) or a text."""
    out: dict[str, float | str] = {}
    for key, answer in own_columns(value).items():
        if isinstance(answer, int | float) and not isinstance(answer, bool):
            out[key] = float(answer)
        elif isinstance(answer, str):
            out[key] = answer
        else:
            raise ValueError("")
    return out


Text = Annotated[str, loose_text]
LooseDate = Annotated[date | None, loose_date]
LooseNumber = Annotated[float | None, loose_number]
LooseInt = Annotated[int | None, loose_int]
TagList = Annotated[list[str], loose_list]
NameList = Annotated[list[str], loose_names]
RowNumber = Annotated[int, whole_number]
OwnColumns = Annotated[dict[str, Any], own_columns]
Answers = Annotated[dict[str, float | str], answers]

R = TypeVar("R", bound="Row")
_Plan = tuple[tuple[str, Callable[[object], object], object, Callable[[], object] | None], ...]


class RowError(ValueError):
    """The fields a row could not read: (field, reason) each, the reason being the cell type's ValueError text
    («bad_date», «number_too_large», …; empty for a value of the wrong kind)."""

    def __init__(self, errors: list[tuple[str, str]]):
        super().__init__(", ".join(f"{name}: {reason}" for name, reason in errors))
        self.errors = errors


@dataclass(init=False, slots=True)
class Row:
    _plans: ClassVar[dict[type, _Plan]] = {}
    row: RowNumber = 0  # the Excel row number the user sees

    def __init__(self, **values: Any) -> None:
        errors: list[tuple[str, str]] = []
        for name, read, default, factory in self._plan():
            if name in values:
                try:
                    value = read(values[name])
                except (ValueError, AssertionError) as error:
                    errors.append((name, str(error)))
                    continue
            else:
                value = factory() if factory is not None else default
            setattr(self, name, value)
        if errors:
            raise RowError(errors)

    @classmethod
    def model_validate(cls: type[R], values: Mapping[str, object]) -> R:
        """The row of these values by field name (`RowError` when a field cannot read its value)."""
        return cls(**values)

    def model_copy(self: R, *, update: Mapping[str, object] | None = None) -> R:
        """A copy with some fields replaced, as given (not read again)."""
        copy = object.__new__(type(self))
        for name, *_ in self._plan():
            setattr(copy, name, getattr(self, name))
        for name, value in (update or {}).items():
            setattr(copy, name, value)
        return copy

    @classmethod
    def _plan(cls) -> _Plan:
        """Each field's name, the function its cell type reads a value with, and its default (or factory)."""
        plan = Row._plans.get(cls)
        if plan is None:
            hints = get_type_hints(cls, include_extras=True)
            steps = []
            for f in fields(cls):
                hint = hints[f.name]
                read = get_args(hint)[1] if get_origin(hint) is Annotated else None
                if not callable(read):
                    raise TypeError(f"{cls.__name__}.{f.name}: a field names its cell type (Text, LooseDate, …)")
                factory = None if f.default_factory is MISSING else f.default_factory
                steps.append((f.name, read, None if f.default is MISSING else f.default, factory))
            plan = Row._plans[cls] = tuple(steps)
        return plan


@dataclass(init=False, slots=True)
class Person(Row):
    name: Text = ""
    position: Text = ""
    subject: Text = ""
    experience: LooseNumber = None
    consent_pd: LooseDate = None
    status: Text = ""
    preferred: NameList = field(default_factory=list)
    comment: Text = ""
    consent_form_on: LooseDate = None  # «Бланк согласия выдан»
    extra: OwnColumns = field(default_factory=dict)  # the user's own columns, by header
    birth_date: LooseDate = None
    network_consent: Text = ""

    @property
    def key(self) -> str:
        """The person as compared across sheets and files (core/statuses.py)."""
        return person_key(self.name)


@dataclass(init=False, slots=True)
class Mentee(Person):
    category: Text = ""
    requests: TagList = field(default_factory=list)
    form: Text = ""
    young: Text = ""

    @property
    def state(self) -> MenteeStatus:
        return parse(MenteeStatus, self.status)

    @property
    def waiting(self) -> bool:
        """Waiting for a pair: «Ожидает пары», or no status yet."""
        return self.state in WAITING_MENTEE


@dataclass(init=False, slots=True)
class Mentor(Person):
    category: Text = ""
    competences: TagList = field(default_factory=list)
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


@dataclass(init=False, slots=True)
class Pair(Row):
    number: Text = ""
    mentor: Text = ""
    mentees: NameList = field(default_factory=list)
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


@dataclass(init=False, slots=True)
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


@dataclass(init=False, slots=True)
class SurveyAnswer(Row):
    date: LooseDate = None
    respondent: Text = ""
    role: Text = ""
    pair: Text = ""
    survey: Text = ""
    answers: Answers = field(default_factory=dict)  # question header -> 1..10 or text


@dataclass(init=False, slots=True)
class Meeting(Row):
    pair: Text = ""
    date: LooseDate = None
    topic: Text = ""
    format: Text = ""
    hours: LooseNumber = None
    mark: Text = ""


@dataclass(init=False, slots=True)
class OrderRecord(Row):
    """A row of «Приказы»: an order MentorXL issued (number, date, kind, the pairs, the file)."""

    number: Text = ""
    date: LooseDate = None
    kind: Text = ""
    pairs: Text = ""
    file: Text = ""


@dataclass(init=False, slots=True)
class Suggestion(Row):
    mentee: Text = ""
    mentor: Text = ""
    score: LooseNumber = None
    matched: TagList = field(default_factory=list)
    missing: TagList = field(default_factory=list)
    alternatives: NameList = field(default_factory=list)
    reason: Text = ""
    decision: Text = ""
    mentor_org: Text = ""
    extra: OwnColumns = field(default_factory=dict)  # the user's own columns beside a suggestion, by header

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


@dataclass(init=False, slots=True)
class Setting(Row):
    parameter: Text = ""
    value: Text = ""
    note: Text = ""


@dataclass(init=False, slots=True)
class TagEntry(Row):
    tag: Text = ""
    synonyms: TagList = field(default_factory=list)


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
