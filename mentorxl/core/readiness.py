"""The readiness gate: before a document is written, the rows it prints are checked with the checker's own rules.

An error of the checker on a person, pair or setting the document uses stops that document, with the list of
what to fix (sheet, row, column, in Russian); warnings on the same rows are listed and do not stop it. The gate
adds the checks only paper needs: the settings each document prints («Адрес организации» for consents and
agreements, «Доплата наставнику» for agreements), and a term that starts before the order fixing the pair.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from mentorxl.core import contract as k
from mentorxl.core import paperwork as w
from mentorxl.core.models import Pair, Person
from mentorxl.core.problems import Problem, Report, Severity, problem
from mentorxl.core.program import ProgramData
from mentorxl.core.text import clean, person_key

# the document, as the gate names it
TITLES: dict[str, str] = {
    "order": "Приказ о закреплении наставнических пар (групп)",
    "programs": "Персонализированные программы наставничества",
    "agreements": "Дополнительные соглашения",
    "consents": "Бланки согласия на обработку персональных данных",
    "reward": "Приказ о поощрении наставников",
    "roadmap": "Дорожная карта и приказ о её утверждении",
    "completion": "Приказ об итогах реализации программ наставничества",
    "change": "Приказ о внесении изменений в состав наставнических пар (групп)",
}
# the settings each document prints and cannot do without
NEEDED: dict[str, tuple[str, ...]] = {
    "order": (k.SET_ORG_FULL, k.SET_HEAD),
    "programs": (k.SET_ORG_FULL, k.SET_HEAD),
    "agreements": (k.SET_ORG_FULL, k.SET_HEAD, k.SET_ORG_ADDRESS, k.SET_MENTOR_PAY),
    "consents": (k.SET_ORG_FULL, k.SET_ORG_ADDRESS),
    "reward": (k.SET_ORG_FULL, k.SET_HEAD),
    "roadmap": (k.SET_ORG_FULL, k.SET_HEAD),
    "completion": (k.SET_ORG_FULL, k.SET_HEAD),
    "change": (k.SET_ORG_FULL, k.SET_HEAD),
}
# what a missing setting is for, in the gate's message
NEEDED_FOR: dict[str, str] = {
    k.SET_ORG_ADDRESS: "адрес оператора персональных данных (152-ФЗ ст. 9 ч. 4) и реквизиты работодателя",
    k.SET_MENTOR_PAY: "размер и условия оплаты работы наставника (ТК РФ ст. 351.8)",
    k.SET_ORG_FULL: "полное наименование организации в шапке документа",
    k.SET_HEAD: "подпись руководителя",
}
# problems that are the very reason for a document, not an obstacle to it
# ending a pair is how a missing consent, an overloaded mentor or a mentee in two pairs gets resolved: the orders
# on completion and on a change of mentors print names, terms and reasons, and are stopped by those only
_ENDING_RESOLVES = frozenset({"consent_pd_missing", "consent_pd_missing_waiting", "consent_mentoring_missing",
                              "mentor_overloaded", "mentee_in_two_pairs", "pair_repeated",
                              "mentee_draft_and_in_force"})
NOT_OBSTACLES: dict[str, frozenset[str]] = {
    "consents": frozenset({"consent_pd_missing", "consent_pd_missing_waiting"}),
    "completion": _ENDING_RESOLVES,
    "change": _ENDING_RESOLVES,
}


@dataclass(frozen=True, slots=True)
class Readiness:
    kind: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.errors

    @property
    def title(self) -> str:
        return TITLES.get(self.kind, self.kind)


@dataclass(frozen=True, slots=True)
class Scope:
    """The rows a document prints."""

    pairs: list[Pair]
    people: list[Person]


def scope(data: ProgramData, kind: str, *, again: bool = False, pairs: Iterable[Pair] | None = None) -> Scope:
    """The pairs and people of one kind of document, by the rules of paperwork.py; `pairs`: the pairs an order
    on completion or on a change of mentors lists (chosen by core/completion.py)."""
    chosen: list[Pair]
    if pairs is not None:
        chosen = list(pairs)
    elif kind == "order":
        chosen = w.pairs_to_order(data)
    elif kind == "agreements":
        chosen = w.pairs_for_agreements(data, again=again)
    elif kind == "programs":
        chosen = w.pairs_in_force(data)
    else:
        chosen = []
    if kind == "consents":
        return Scope([], [who for who, _ in w.people_missing_consent(data, again=again)])
    if kind == "reward":
        return Scope([], list(w.rewarded_mentors(data)))
    if kind == "roadmap":  # the roadmap prints the settings only (organisation, head, curator)
        return Scope([], [])
    names = {person_key(n) for p in chosen for n in (p.mentor, *p.mentees)}
    people = [p for p in (*data.mentors, *data.mentees) if p.name and person_key(p.name) in names]
    return Scope(chosen, people)


def _rows(spec_name: str, rows: Iterable[int]) -> set[tuple[str, int]]:
    return {(spec_name, r) for r in rows if r}


def settings_problems(data: ProgramData, kind: str) -> list[Problem]:
    out = []
    for name in NEEDED.get(kind, ()):
        if not clean(data.settings.get(name)):
            out.append(problem("document_setting_empty", k.SETTINGS.name, data.settings.rows.get(_key(name)),
                               "Значение", "", param=name, document=TITLES[kind].lower(),
                               why=NEEDED_FOR.get(name, "текст документа")))
    return out


def _key(name: str) -> str:
    from mentorxl.core.text import header_key

    return header_key(name)


def term_problems(data: ProgramData, pairs: Iterable[Pair]) -> list[Problem]:
    """A pair whose term starts before the order that fixes it: the papers would be backdated."""
    header = k.PAIRS.column("start").header
    return [problem("start_before_order", k.PAIRS.name, p.row, header, p.start.strftime("%d.%m.%Y"),
                    number=p.number, order=p.order_number, order_date=p.order_date.strftime("%d.%m.%Y"))
            for p in pairs if p.start and p.order_date and p.start < p.order_date]


def form_problems(data: ProgramData, pairs: Iterable[Pair]) -> list[Problem]:
    """A form that reads the wrong way round for the people of the pair (a warning: the school decides)."""
    positions = {person_key(p.name): p.position for p in (*data.mentors, *data.mentees) if p.name}
    header = k.PAIRS.column("form").header
    return [problem("form_reversed", k.PAIRS.name, p.row, header, p.form, number=p.number)
            for p in pairs if w.form_reversed(p, positions)]


def reward_problems(data: ProgramData, today: date) -> list[Problem]:
    """A reward before any pair of the rewarded mentors has ended: the order can only speak of the work so far."""
    keys = {person_key(m.name) for m in w.rewarded_mentors(data)}
    ends = [w.term_of(p, data, today)[1] for p in data.pairs if person_key(p.mentor) in keys]
    if any(end <= today for end in ends):
        return []
    return [problem("reward_before_end", k.MENTORS.name, None, k.MENTORS.column("reward").header, "",
                    today=today.strftime("%d.%m.%Y"))]


def moved_starts(data: ProgramData, pairs: Iterable[Pair], on: date) -> list[tuple[Pair, date]]:
    """(pair, new start) for the pairs an order of date `on` moves: no term begins before its order."""
    return [(p, on) for p in pairs if w.start_on_order(p, data, on) is not None]


def readiness(data: ProgramData, kind: str, *, today: date, report: Report | None = None,
              again: bool = False, pairs: Iterable[Pair] | None = None) -> Readiness:
    """Check the rows `kind` prints; `report` is the checker's report when the caller already has it; `pairs`:
    the pairs the document lists when the caller chose them (completion, change of mentors)."""
    from mentorxl.core.validation import check

    report = report or check(data, today=today)
    used = scope(data, kind, again=again, pairs=pairs)
    rows = _rows(k.PAIRS.name, (p.row for p in used.pairs))
    mentor_rows = {id(m) for m in data.mentors}
    for person in used.people:
        sheet = k.MENTORS.name if id(person) in mentor_rows else k.MENTEES.name
        rows |= _rows(sheet, [person.row])
    skip = NOT_OBSTACLES.get(kind, frozenset())
    found = [p for p in report.problems
             if p.code not in skip and (p.sheet == k.SETTINGS.name or (p.sheet, p.row or 0) in rows)]
    found += settings_problems(data, kind)
    if kind in ("programs", "agreements"):
        found += term_problems(data, used.pairs)
    found += form_problems(data, used.pairs)
    if kind == "reward":
        found += reward_problems(data, today)
    errors = [p for p in found if p.severity is Severity.ERROR]
    warnings = [p for p in found if p.severity is Severity.WARNING]
    return Readiness(kind, errors, warnings)


def listing(problems: Iterable[Problem]) -> list[str]:
    """One line per problem: where it is, what is wrong, what to do."""
    return [f"{p.where}: {p.message} {p.hint}".strip() for p in problems]
