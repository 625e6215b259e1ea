"""The indicators a municipal or regional operator asks for (ИМЦ, ЦНППМ), each a numerator over a
denominator so that anyone can check it, per school and in total (pure).

Definitions (written on the «Определения показателей» sheet of the summary and in the report; README):
- Teachers in the program: different people in the banks of mentors and mentees (those «Выбыл» not counted;
  a person in both banks counted once) over «Численность педагогов» of «Настройки».
- Mentors: mentors of the bank (not «Выбыл») over «Численность педагогов».
- Young specialists with a mentor: mentees (not «Выбыл») who are young specialists, and of them those in a
  pair of the year (status «Утверждена», «Действует», «Завершена» or empty). A mentee is a young specialist
  when «Молодой специалист» says «да» (and is not one when it says «нет»); when it is empty — when younger
  than 35 on the day of the count by «Дата рождения», or «Стаж, лет» is under 3, or «Категория» is
  «Молодой специалист».
- Pairs and groups by form and by kind: pairs of the year (one mentee) and groups (several) by «Форма» and
  «Вид», over all pairs and groups of the year.
- Satisfaction of mentors / of mentees: the sum of the 1–10 answers of «Итоговая» anketa of the role over
  the number of those answers (the mean, 1–10).
- Retention of young specialists: young specialists whose pair ended («Завершена», or «Дата окончания»)
  at least a year before the day of the count, and of them those the bank does not mark «Выбыл». A book
  holds the year it was started for and what `new-year` carried over: who left is marked «Выбыл» there, so
  a book that does not reach a year past the end of a pair has no denominator (shown as «—»).
- Retention across years (`core.retention`, the summary only): young specialists whose program ended in the
  organisation's book of the previous school year («Завершил», or in a pair «Завершена»), and of them those in
  a bank of this year's book not marked «Выбыл». One book alone has no denominator (shown «—»).
- Mentor pay committed: «Доплата наставнику» read as roubles a month (a percentage of the salary cannot be
  summed: no figure then) times the months of the terms of the pairs and groups in force; the denominator
  is those pair-months, so the share is the monthly pay.
Totals add numerators and denominators and divide again: the total of a mean is the mean of all answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.dates import add_months, parse_number
from mentorxl.core.models import Mentee, Pair
from mentorxl.core.monitoring import SCALE, Scores, numeric_questions
from mentorxl.core.program import ProgramData
from mentorxl.core.text import header_key, person_key

YOUNG_AGE = 35
YOUNG_YEARS = 3  # «Стаж, лет» under this: the first three years of work
RETENTION_DAYS = 365
DAYS_IN_MONTH = 365.25 / 12

TEACHERS = "teachers"
MENTORS = "mentors"
YOUNG = "young"
SATISFACTION_MENTORS = "satisfaction_mentors"
SATISFACTION_MENTEES = "satisfaction_mentees"
RETENTION = "retention"
PAY = "pay"


@dataclass(frozen=True, slots=True)
class Definition:
    key: str
    title: str  # what users read
    numerator: str
    denominator: str
    kind: str = "pct"  # how the value is shown: "pct" share, "mean" 1–10, "money" roubles


DEFINITIONS: tuple[Definition, ...] = (
    Definition(TEACHERS, "Педагоги в банках наставников и наставляемых",
               "разные люди в банках наставников и наставляемых, кроме выбывших",
               "«Численность педагогов» в «Настройках»"),
    Definition(MENTORS, "Наставники среди педагогов", "наставники банка, кроме выбывших",
               "«Численность педагогов» в «Настройках»"),
    Definition(YOUNG, "Молодые специалисты с наставником",
               "молодые специалисты в парах и группах учебного года (утверждена, действует, завершена)",
               "молодые специалисты банка наставляемых, кроме выбывших: «Молодой специалист» = да, а если "
               "пусто — моложе 35 лет по «Дате рождения», стаж меньше 3 лет или категория «Молодой специалист»"),
    Definition(SATISFACTION_MENTORS, "Удовлетворённость наставников (итоговая анкета, 1–10)",
               "сумма ответов 1–10 наставников в итоговой анкете", "число этих ответов", "mean"),
    Definition(SATISFACTION_MENTEES, "Удовлетворённость наставляемых (итоговая анкета, 1–10)",
               "сумма ответов 1–10 наставляемых в итоговой анкете", "число этих ответов", "mean"),
    Definition(RETENTION, "Молодые специалисты, оставшиеся через год после наставничества",
               "из них те, кто не отмечен в банке «Выбыл»",
               "молодые специалисты, чья пара завершилась не позже чем за год до даты сводки"),
    Definition(PAY, "Доплата наставникам за срок действующих пар, руб.",
               "«Доплата наставнику» (руб. в месяц) × месяцы сроков действующих пар и групп",
               "месяцы сроков действующих пар и групп (значение — доплата в месяц)", "money"),
)
RETENTION_ACROSS = Definition(
    "retention_years", "Молодые специалисты, оставшиеся в следующем учебном году",
    "из них те, кто есть в банке наставляемых или наставников книги этого учебного года той же организации "
    "(тот же ИНН) и не отмечен «Выбыл»",
    "молодые специалисты, чья программа завершилась в книге прошлого учебного года той же организации "
    "(«Завершил» в банке или пара «Завершена»)")
BY_KEY = {d.key: d for d in (*DEFINITIONS, RETENTION_ACROSS)}
FORM_PREFIX = "Форма: "
KIND_PREFIX = "Вид: "


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str
    title: str
    numerator: float
    denominator: float
    kind: str = "pct"

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


@dataclass(slots=True)
class Indicators:
    main: list[Indicator] = field(default_factory=list)  # DEFINITIONS' order
    pairs: list[Indicator] = field(default_factory=list)  # pairs by form and by kind over all pairs
    groups: list[Indicator] = field(default_factory=list)  # groups by form and by kind over all groups
    pay_readable: bool = True  # False: «Доплата наставнику» is filled but is no sum of roubles
    pair_count: int = 0  # pairs of the year (one mentee): the denominator of `pairs`
    group_count: int = 0  # groups of the year: the denominator of `groups`
    across: list[Indicator] = field(default_factory=list)  # from two years' books: the summary sets it

    def get(self, key: str) -> Indicator:
        return next(i for i in [*self.main, *self.across] if i.key == key)

    def all(self) -> list[Indicator]:
        return [*self.main, *self.across, *self.pairs, *self.groups]

    def as_json(self) -> list[dict[str, object]]:
        return [{"key": i.key, "title": i.title, "numerator": i.numerator, "denominator": i.denominator,
                 "value": i.value} for i in self.all()]


def _key(text: str) -> str:
    return header_key(str(text).replace("—", "–").replace("-", "–"))


_OF_YEAR = {_key(s) for s in (*v.PAIRS_IN_FORCE, v.PAIR_FINISHED)} | {""}
_IN_FORCE = {_key(s) for s in v.PAIRS_IN_FORCE} | {""}
_YES = {"да", "+", "1", "true", "истина", "x", "х", "v", "✓"}
_NO = {"нет", "-", "0", "false", "ложь"}


def agreed(value: object) -> bool:
    """A consent cell: a date or «да» is consent; empty or «нет» is none."""
    text = str(value or "").strip().casefold()
    return bool(text) and text not in _NO and not text.startswith("нет")


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def is_young(mentee: Mentee, today: date) -> bool:
    """A young specialist (see the module docstring)."""
    said = str(mentee.young).strip().casefold()
    if said in _YES or said.startswith("да"):
        return True
    if said in _NO or said.startswith("нет"):
        return False
    if mentee.birth_date is not None and age_on(mentee.birth_date, today) < YOUNG_AGE:
        return True
    if mentee.experience is not None and mentee.experience < YOUNG_YEARS:
        return True
    return _key(mentee.category) == _key(v.MENTEE_CATEGORIES[0])


def monthly_pay(text: str) -> float | None:
    """«3 000 рублей», «2500 руб. в месяц» → roubles a month; a percentage or no number → None."""
    if not text or "%" in text or "процент" in text.casefold():
        return None
    found = re.search(r"\d[\d\s\u00a0]*(?:[.,]\d+)?", text)
    if not found:
        return None
    return parse_number(re.sub(r"[\s\u00a0]", "", found[0]))


def term_months(pair: Pair, data: ProgramData) -> int:
    start = pair.start or data.settings.start_date or pair.order_date
    if start is None:
        return data.settings.term_months
    end = pair.end if pair.end and pair.end > start else add_months(start, data.settings.term_months)
    return max(1, round((end - start).days / DAYS_IN_MONTH))


def _share_by(pairs: Sequence[Pair], attr: str, prefix: str, known: Sequence[str], what: str) -> list[Indicator]:
    counts: dict[str, int] = {}
    names = {_key(x): x for x in known}
    for p in pairs:
        raw = str(getattr(p, attr)).strip()
        name = names.get(_key(raw), raw) or ("не указана" if attr == "form" else "не указан")
        counts[name] = counts.get(name, 0) + 1
    order = [x for x in known if x in counts] + sorted(x for x in counts if x not in known)
    return [Indicator(f"{what}:{prefix}{x}", f"{'Пары' if what == 'pairs' else 'Группы'}: {prefix.lower()}{x}",
                      counts[x], len(pairs), "pct") for x in order]


def _final_answers(data: ProgramData, role: str) -> tuple[float, int]:
    questions = numeric_questions(data)
    total, count = 0.0, 0
    for answer in data.surveys:
        if _key(answer.survey) != _key(v.SURVEY_FINAL) or _key(answer.role) != _key(role):
            continue
        for q in questions:
            value = answer.answers.get(q)
            n = parse_number(value) if isinstance(value, int | float | str) and not isinstance(value, bool) else None
            if n is not None and SCALE[0] <= n <= SCALE[1]:
                total += n
                count += 1
    return total, count


def _from_roles(roles: Sequence[Scores], role: str) -> tuple[float, int]:
    found = next((r for r in roles if r.label == role), None)
    if found is None or v.SURVEY_FINAL not in found.means:
        return 0.0, 0
    n = found.counts[v.SURVEY_FINAL]
    return found.means[v.SURVEY_FINAL] * n, n


def indicators(data: ProgramData, today: date, roles: Sequence[Scores] | None = None) -> Indicators:
    """Every indicator of one organisation's book on `today` (definitions in the module docstring). `roles`:
    the per-role survey scores of `monitoring.survey_results`, when already computed (the summary has them)."""
    left_mentee, left_mentor = _key(v.MENTEE_LEFT), _key(v.MENTOR_LEFT)
    mentees = [m for m in data.mentees if m.name and _key(m.status) != left_mentee]
    mentors = [m for m in data.mentors if m.name and _key(m.status) != left_mentor]
    staff = parse_number(data.settings.get(k.SET_STAFF)) or 0.0
    people = {person_key(m.name) for m in mentees} | {person_key(m.name) for m in mentors}
    year_pairs = [p for p in data.pairs if _key(p.status) in _OF_YEAR and (p.mentor or p.mentees)]
    in_pairs = {person_key(n) for p in year_pairs for n in p.mentees}
    young = [m for m in mentees if is_young(m, today)]

    ended: dict[str, date] = {}
    for p in data.pairs:
        finished = _key(p.status) == _key(v.PAIR_FINISHED)
        if p.end is not None and (finished or p.end <= today):
            for n in p.mentees:
                key = person_key(n)
                ended[key] = max(ended.get(key, p.end), p.end)
    all_young = [m for m in data.mentees if m.name and is_young(m, today)]
    due = [m for m in all_young if person_key(m.name) in ended
           and (today - ended[person_key(m.name)]).days >= RETENTION_DAYS]
    stayed = [m for m in due if _key(m.status) != left_mentee]

    pay_text = data.settings.get(k.SET_MENTOR_PAY)
    rate = monthly_pay(pay_text)
    in_force = [p for p in data.pairs if _key(p.status) in _IN_FORCE and p.mentor and p.mentees]
    months = sum(term_months(p, data) for p in in_force) if rate is not None else 0
    if roles is None:
        mentors_sum, mentors_n = _final_answers(data, v.ROLE_MENTOR)
        mentees_sum, mentees_n = _final_answers(data, v.ROLE_MENTEE)
    else:
        mentors_sum, mentors_n = _from_roles(roles, v.ROLE_MENTOR)
        mentees_sum, mentees_n = _from_roles(roles, v.ROLE_MENTEE)
    values = {
        TEACHERS: (len(people), staff),
        MENTORS: (len(mentors), staff),
        YOUNG: (sum(1 for m in young if person_key(m.name) in in_pairs), len(young)),
        SATISFACTION_MENTORS: (mentors_sum, mentors_n),
        SATISFACTION_MENTEES: (mentees_sum, mentees_n),
        RETENTION: (len(stayed), len(due)),
        PAY: ((rate or 0.0) * months, months),
    }
    single = [p for p in year_pairs if not p.is_group]
    groups = [p for p in year_pairs if p.is_group]
    return Indicators(
        main=[Indicator(d.key, d.title, values[d.key][0], values[d.key][1], d.kind) for d in DEFINITIONS],
        pairs=_share_by(single, "form", FORM_PREFIX, v.FORMS, "pairs") + _share_by(single, "kind", KIND_PREFIX,
                                                                                   v.KINDS, "pairs"),
        groups=_share_by(groups, "form", FORM_PREFIX, v.FORMS, "groups") + _share_by(groups, "kind", KIND_PREFIX,
                                                                                     v.KINDS, "groups"),
        pay_readable=rate is not None or not pay_text, pair_count=len(single), group_count=len(groups),
    )


def total(many: Iterable[Indicators]) -> Indicators:
    """Numerators and denominators added up; the by-form and by-kind lines over all pairs of all books."""
    many = list(many)
    main = [Indicator(d.key, d.title, sum(x.get(d.key).numerator for x in many),
                      sum(x.get(d.key).denominator for x in many), d.kind) for d in DEFINITIONS]

    def merged(lists: Iterable[list[Indicator]], count: int) -> list[Indicator]:
        found: dict[str, Indicator] = {}
        for one in lists:
            for i in one:
                old = found.get(i.key)
                found[i.key] = replace(old, numerator=old.numerator + i.numerator) if old else i
        return [replace(i, denominator=count) for i in found.values()]

    across = [Indicator(d.key, d.title, sum(i.numerator for x in many for i in x.across if i.key == d.key),
                        sum(i.denominator for x in many for i in x.across if i.key == d.key), d.kind)
              for d in (RETENTION_ACROSS,) if any(i.key == d.key for x in many for i in x.across)]
    pairs, groups = sum(x.pair_count for x in many), sum(x.group_count for x in many)
    return Indicators(main=main, across=across, pairs=merged([x.pairs for x in many], pairs),
                      groups=merged([x.groups for x in many], groups),
                      pay_readable=all(x.pay_readable for x in many), pair_count=pairs, group_count=groups)


def shown(i: Indicator) -> str:
    """The value as a reader sees it: «45 %», «8,6», «27 000 руб.», «—» without a denominator."""
    value = i.value
    if value is None:
        return "—"
    if i.kind == "mean":
        return f"{value:.1f}".replace(".", ",")
    if i.kind == "money":
        return f"{i.numerator:,.0f}".replace(",", "\u00a0") + " руб."
    return f"{round(value * 100)}\u00a0%"


def fraction(i: Indicator) -> str:
    """«12 из 80»: the numerator and the denominator; the pay as the reader counts it, «2 000 руб. × 8 мес.»
    (a sum of roubles «из» months reads as nonsense)."""
    def n(x: float) -> str:
        return (f"{x:,.0f}" if float(x).is_integer() else f"{x:,.1f}").replace(",", "\u00a0").replace(".", ",")
    if i.kind == "money" and i.denominator:
        return f"{n(i.numerator / i.denominator)}\u00a0руб. × {n(i.denominator)}\u00a0мес."
    return f"{n(i.numerator)} из {n(i.denominator)}"
