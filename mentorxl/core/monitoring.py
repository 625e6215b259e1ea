"""Monitoring of the program: the figures of the аналитическая справка, the «Мониторинг» sheet and the
municipal summary, and conclusions in plain Russian drawn from them.

Definitions (the report states them too)
- Pairs of the year: rows of «Пары» with status «Утверждена», «Действует», «Завершена» or empty; in force:
  «Утверждена», «Действует» or empty (a new row usually has no status yet). «Проект» and «Расторгнута» are
  not counted. Mentors and mentees: the rows of the banks, those who left («Выбыл») not counted.
- Survey results: a question is a column of «Анкеты» whose answers are mostly numbers; its answers 1–10
  (others ignored) are averaged per questionnaire (Входная, Промежуточная, Итоговая) over all roles and per
  role. The change is the mean of the latest questionnaire minus that of the earliest one.
- Satisfaction: the mean of every 1–10 answer of a questionnaire. The satisfaction index is that mean for
  «Итоговая» (else the latest questionnaire with answers) scaled to 0–100 %: (mean − 1) / 9 × 100, so an
  answer of 1 is 0 % and 10 is 100 %.
- Meetings per pair: the rows of «Встречи» with the pair's number dated up to today (a later date is a
  plan); hours are «Часы» summed (empty = 0).
- Idle pairs: pairs in force whose last meeting on or before today — or their start or order date when that
  is later (a pair formed last week has had no time to meet) — is more than 30 days ago, or that have no
  meeting and no date at all.
- Coverage: mentees of the target group (`vocabulary.TARGET_GROUP`: young specialists, new staff, a change
  of position) who are in a pair in force, over all mentees of the group.
- Roadmap completion: events «Выполнено» over all events except «Отменено»; overdue as `terms.is_overdue`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.dates import parse_number
from mentorxl.core.models import Pair
from mentorxl.core.program import ProgramData
from mentorxl.core.roadmap_state import roadmap_states
from mentorxl.core.statuses import PAIR_OF_YEAR, MenteeStatus, MentorStatus, PairStatus
from mentorxl.core.terms import school_year_start
from mentorxl.core.text import clean, header_key, person_key, plural

IDLE_DAYS = 30
SET_STAFF = k.SET_STAFF  # shares of all teachers
SCALE = (1.0, 10.0)
NO_FORM = "не указана"
NO_KIND = "не указан"
CHANGE_NOTABLE = 0.2  # points: a smaller change of the mean is «unchanged»


def _key(text: str) -> str:
    return header_key(str(text).replace("—", "–").replace("-", "–"))


def pair_key(number: str) -> str:
    key = header_key(number).lstrip("№")
    return key[:-2] if key.endswith(".0") else key


_KINDS = {_key(s): s for s in v.SURVEY_KINDS}
_ROLES = {_key(s): s for s in v.ROLES}
_TARGET = {_key(s) for s in v.TARGET_GROUP}


# ---------------------------------------------------------------- Russian numbers


def number(x: float, digits: int = 1) -> str:
    """«6,8»: a decimal comma, as Russian documents write it."""
    return f"{x:.{digits}f}".replace(".", ",").replace("-", "−")


def percent(share: float) -> str:
    """«78 %» for a share 0.78."""
    return f"{round(share * 100)}\u00a0%"




def counted(n: int, one: str, few: str, many: str) -> str:
    return f"{n} {plural(n, one, few, many)}"


# ---------------------------------------------------------------- figures


@dataclass(slots=True)
class Scores:
    """Means of the 1–10 answers by questionnaire (those with answers only), for one question or role."""

    label: str
    means: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def first(self) -> float | None:
        return next(iter(self.means.values()), None)

    @property
    def last(self) -> float | None:
        return list(self.means.values())[-1] if self.means else None

    @property
    def change(self) -> float | None:
        if len(self.means) < 2 or self.first is None or self.last is None:
            return None
        return self.last - self.first

    @property
    def shown_change(self) -> float | None:
        """The change as a reader checks it: of the means rounded to one decimal (6,8 → 9,1 is +2,3)."""
        if self.change is None or self.first is None or self.last is None:
            return None
        return round(self.last, 1) - round(self.first, 1)


@dataclass(frozen=True, slots=True)
class Satisfaction:
    survey: str  # the questionnaire the index is of
    mean: float  # 1–10
    index: float  # 0–1 (shown as %)
    answers: int


@dataclass(frozen=True, slots=True)
class PairActivity:
    number: str
    mentor: str
    mentees: tuple[str, ...]
    form: str
    kind: str
    in_force: bool
    meetings: int
    hours: float
    last_meeting: date | None
    idle_days: int | None  # days since the last meeting (or the start) for pairs in force; None otherwise
    idle: bool


@dataclass(frozen=True, slots=True)
class Coverage:
    target: int
    covered: int
    by_category: dict[str, tuple[int, int]]  # category -> (in the group, in pairs in force)

    @property
    def share(self) -> float | None:
        return self.covered / self.target if self.target else None


@dataclass(frozen=True, slots=True)
class OverdueEvent:
    row: int
    event: str
    term: str
    due: date | None


@dataclass(frozen=True, slots=True)
class RoadmapProgress:
    total: int
    done: int
    cancelled: int
    in_progress: int
    planned: int
    overdue: int
    not_understood: int
    overdue_events: tuple[OverdueEvent, ...]

    @property
    def counted(self) -> int:
        return self.total - self.cancelled

    @property
    def share(self) -> float | None:
        return self.done / self.counted if self.counted else None


@dataclass(slots=True)
class Monitoring:
    org: str
    org_short: str
    place: str
    year: str
    curator: str
    curator_position: str
    period_start: date
    today: date
    mentors: int
    mentees: int
    mentors_in_pairs: int
    mentees_in_pairs: int
    pairs: int
    pairs_in_force: int
    groups: int
    by_form: dict[str, int]
    by_kind: dict[str, int]
    surveys: list[str]  # questionnaires with answers, in order
    respondents: dict[str, int]  # questionnaire -> filled questionnaires
    questions: list[Scores]
    roles: list[Scores]
    overall: Scores
    satisfaction: Satisfaction | None
    activity: list[PairActivity]
    meetings: int
    hours: float
    roadmap: RoadmapProgress
    coverage: Coverage
    conclusions: list[str] = field(default_factory=list)
    staff: int | None = None  # «Численность педагогов» of «Настройки», when set
    to_do: list[str] = field(default_factory=list)  # «Что сделать куратору»: outside the справка (issue 11)

    @property
    def participants(self) -> int:
        """People in the pairs in force: mentors and mentees, each once."""
        return self.mentors_in_pairs + self.mentees_in_pairs

    @property
    def staff_share(self) -> float | None:
        return self.participants / self.staff if self.staff else None

    @property
    def idle(self) -> list[PairActivity]:
        return [a for a in self.activity if a.idle]

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["idle"] = [a.number for a in self.idle]
        data["coverage"]["share"] = self.coverage.share
        data["roadmap"]["share"] = self.roadmap.share
        data["questions"] = [_scores_json(q) for q in self.questions]
        data["roles"] = [_scores_json(r) for r in self.roles]
        data["overall"] = _scores_json(self.overall)
        return _jsonable(data)


def _scores_json(s: Scores) -> dict[str, Any]:
    return {"label": s.label, "means": s.means, "counts": s.counts, "change": s.change}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k_): _jsonable(v_) for k_, v_ in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(x) for x in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


# ---------------------------------------------------------------- computing


def _score(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    n = parse_number(value) if isinstance(value, int | float | str) else None
    return n if n is not None and SCALE[0] <= n <= SCALE[1] else None


def numeric_questions(data: ProgramData) -> list[str]:
    """The questions of «Анкеты» whose answers are mostly numbers, in the order of the columns."""
    return _numeric_questions(data)


def _numeric_questions(data: ProgramData) -> list[str]:
    numeric: Counter[str] = Counter()
    text: Counter[str] = Counter()
    order: dict[str, None] = {}
    for answer in data.surveys:
        for question, value in answer.answers.items():
            order.setdefault(question)
            is_number = parse_number(value) is not None if isinstance(value, int | float | str) else False
            (numeric if is_number else text)[question] += 1
    return [q for q in order if numeric[q] > text[q]]


def _survey_of(text: str) -> str:
    return _KINDS.get(_key(text), clean(text))


def _kind_order(found: set[str]) -> list[str]:
    known = [s for s in v.SURVEY_KINDS if s in found]
    return known + sorted(found - set(known))


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _scores(label: str, answers: dict[str, list[float]], order: list[str]) -> Scores:
    s = Scores(label)
    for kind in order:
        if answers.get(kind):
            s.means[kind] = _mean(answers[kind])
            s.counts[kind] = len(answers[kind])
    return s


def survey_results(data: ProgramData) -> tuple[list[str], dict[str, int], list[Scores], list[Scores], Scores]:
    """Questionnaires in order, filled questionnaires of each, scores per question, per role and overall."""
    questions = _numeric_questions(data)
    by_question: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    by_role: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    overall: dict[str, list[float]] = defaultdict(list)
    respondents: Counter[str] = Counter()
    for answer in data.surveys:
        kind = _survey_of(answer.survey)
        if not kind:
            continue
        role = _ROLES.get(_key(answer.role), clean(answer.role) or "Роль не указана")
        counted_any = False
        for question in questions:
            score = _score(answer.answers.get(question))
            if score is None:
                continue
            counted_any = True
            by_question[question][kind].append(score)
            by_role[role][kind].append(score)
            overall[kind].append(score)
        respondents[kind] += counted_any
    order = _kind_order(set(overall))
    role_order = [r for r in v.ROLES if r in by_role] + sorted(set(by_role) - set(v.ROLES))
    return (order, {kind: respondents[kind] for kind in order},
            [_scores(q, by_question[q], order) for q in questions if by_question.get(q)],
            [_scores(r, by_role[r], order) for r in role_order],
            _scores("Все вопросы", overall, order))


def satisfaction_index(overall: Scores) -> Satisfaction | None:
    """The index of «Итоговая», else of the latest questionnaire with answers (see the module docstring)."""
    if not overall.means:
        return None
    survey = v.SURVEY_FINAL if v.SURVEY_FINAL in overall.means else list(overall.means)[-1]
    mean = overall.means[survey]
    return Satisfaction(survey, mean, (mean - SCALE[0]) / (SCALE[1] - SCALE[0]), overall.counts[survey])


def _of_year(pair: Pair) -> bool:
    return pair.state in PAIR_OF_YEAR


def _in_force(pair: Pair) -> bool:
    """In force for the report: «Утверждена», «Действует», or a row typed without a status yet."""
    return pair.in_force or pair.state is PairStatus.NONE


def pair_activity(data: ProgramData, today: date) -> list[PairActivity]:
    meetings: dict[str, list[tuple[date | None, float]]] = defaultdict(list)
    for m in data.meetings:
        if m.date is None or m.date <= today:  # a later date is a plan, not a meeting held
            meetings[pair_key(m.pair)].append((m.date, m.hours or 0.0))
    found: list[PairActivity] = []
    for pair in data.pairs:
        if not _of_year(pair):
            continue
        own = meetings.get(pair_key(pair.number), [])
        held = [d for d, _ in own if d is not None]
        last = max(held) if held else None
        formed = max((d for d in (pair.start, pair.order_date) if d is not None), default=None)
        since = max(last, formed) if last and formed else last or formed
        in_force = _in_force(pair)
        days = (today - since).days if in_force and since is not None else None
        idle = in_force and (days is None or days > IDLE_DAYS) and not (since and since > today)
        found.append(PairActivity(
            number=pair.number, mentor=pair.mentor, mentees=tuple(pair.mentees),
            form=clean(pair.form) or NO_FORM, kind=clean(pair.kind) or NO_KIND, in_force=in_force,
            meetings=len(own), hours=sum(h for _, h in own), last_meeting=last, idle_days=days, idle=idle,
        ))
    return found


def coverage(data: ProgramData) -> Coverage:
    in_pairs = {person_key(n) for p in data.pairs if _in_force(p) for n in p.mentees}
    by_category: dict[str, list[int]] = {}
    for mentee in data.mentees:
        if not mentee.name or mentee.state is MenteeStatus.LEFT or _key(mentee.category) not in _TARGET:
            continue
        category = next(c for c in v.TARGET_GROUP if _key(c) == _key(mentee.category))
        counts = by_category.setdefault(category, [0, 0])
        counts[0] += 1
        counts[1] += person_key(mentee.name) in in_pairs
    ordered = {c: (by_category[c][0], by_category[c][1]) for c in v.MENTEE_CATEGORIES if c in by_category}
    return Coverage(sum(a for a, _ in ordered.values()), sum(b for _, b in ordered.values()), ordered)


def roadmap_progress(data: ProgramData, today: date) -> RoadmapProgress:
    counts: Counter[str] = Counter()
    overdue: list[OverdueEvent] = []
    not_understood = 0
    for state in roadmap_states(data, today):
        event = state.event
        if not (event.event or event.stage):
            continue
        counts[state.status] += 1
        not_understood += not state.understood
        if state.overdue:
            overdue.append(OverdueEvent(event.row, event.event, event.term, state.due))
    return RoadmapProgress(
        total=sum(counts.values()), done=counts[v.EVENT_DONE], cancelled=counts[v.EVENT_CANCELLED],
        in_progress=counts[v.EVENT_IN_PROGRESS], planned=counts[v.EVENT_PLANNED], overdue=len(overdue),
        not_understood=not_understood, overdue_events=tuple(overdue),
    )


def _ordered_counts(values: list[str], known: tuple[str, ...], missing: str) -> dict[str, int]:
    counts = Counter(values)
    by_key = {_key(x): x for x in known}
    merged: Counter[str] = Counter()
    for value, n in counts.items():
        merged[by_key.get(_key(value), value)] += n
    order = [x for x in known if x in merged] + sorted(x for x in merged if x not in known and x != missing)
    if missing in merged:
        order.append(missing)
    return {x: merged[x] for x in order}


def monitor(data: ProgramData, today: date) -> Monitoring:
    """Every figure of the report (definitions in the module docstring) and the conclusions."""
    s = data.settings
    year_start = school_year_start(s.get(k.SET_YEAR), today)
    activity = pair_activity(data, today)
    kinds, respondents, questions, roles, overall = survey_results(data)
    in_force = [p for p in data.pairs if _in_force(p)]
    year_pairs = [p for p in data.pairs if _of_year(p)]
    m = Monitoring(
        org=s.get(k.SET_ORG_FULL) or s.get(k.SET_ORG_SHORT),
        org_short=s.get(k.SET_ORG_SHORT) or s.get(k.SET_ORG_FULL),
        place=s.get(k.SET_PLACE), year=s.get(k.SET_YEAR) or f"{year_start}/{year_start + 1}",
        curator=s.get(k.SET_CURATOR), curator_position=s.get(k.SET_CURATOR_POSITION),
        period_start=min(date(year_start, 9, 1), today), today=today,
        mentors=sum(1 for x in data.mentors if x.name and x.state is not MentorStatus.LEFT),
        mentees=sum(1 for x in data.mentees if x.name and x.state is not MenteeStatus.LEFT),
        mentors_in_pairs=len({person_key(p.mentor) for p in in_force if p.mentor}),
        mentees_in_pairs=len({person_key(n) for p in in_force for n in p.mentees}),
        pairs=len(year_pairs), pairs_in_force=len(in_force), groups=sum(1 for p in year_pairs if p.is_group),
        by_form=_ordered_counts([clean(p.form) or NO_FORM for p in year_pairs], v.FORMS, NO_FORM),
        by_kind=_ordered_counts([clean(p.kind) or NO_KIND for p in year_pairs], v.KINDS, NO_KIND),
        surveys=kinds, respondents=respondents, questions=questions, roles=roles, overall=overall,
        satisfaction=satisfaction_index(overall), activity=activity,
        meetings=sum(a.meetings for a in activity), hours=sum(a.hours for a in activity),
        roadmap=roadmap_progress(data, today), coverage=coverage(data),
    )
    staff = parse_number(s.get(SET_STAFF)) if s.get(SET_STAFF) else None
    m.staff = int(staff) if staff and staff >= 1 else None
    m.conclusions = conclusions(m)
    m.to_do = curator_to_do(m)
    return m


# ---------------------------------------------------------------- conclusions


def _points(x: float) -> str:
    return f"{number(x)} балла"


def _survey_words(kinds: list[str]) -> str:
    return " и ".join(k_.casefold() for k_ in kinds)


def satisfaction_question(m: Monitoring) -> Scores | None:
    """The question of the survey about satisfaction («Удовлетворённость …»), as its own table row shows it."""
    return next((q for q in m.questions if "удовлетвор" in _key(q.label)), None)


def conclusions(m: Monitoring) -> list[str]:
    """Plain-Russian findings, each following from a figure the справка prints in its tables: satisfaction
    (the satisfaction question's row, else the row «Все вопросы»), the strongest growth and the weakest question,
    mentees against mentors, meetings, idle pairs, participants and coverage, the roadmap. Nothing here tells the
    reader which button to press: that goes to `curator_to_do`."""
    out: list[str] = []
    o = m.overall
    if not o.means:
        out.append("Анкетирование участников в отчётном периоде не проводилось.")
    else:
        asked = satisfaction_question(m)
        row, what, verbs = ((asked, f"Оценка «{asked.label}»", ("выросла", "снизилась", "осталась"))
                            if asked is not None else
                            (o, "Средний балл по всем вопросам", ("вырос", "снизился", "остался")))
        if row.change is not None and row.first is not None and row.last is not None:
            first, last = next(iter(row.means)), list(row.means)[-1]
            where = f"(анкеты: {_survey_words([first, last])})"
            if row.change >= CHANGE_NOTABLE:
                out.append(f"{what} {verbs[0]} с {number(row.first)} до {_points(row.last)} {where}.")
            elif row.change <= -CHANGE_NOTABLE:
                out.append(f"{what} {verbs[1]} с {number(row.first)} до {_points(row.last)} {where}.")
            else:
                out.append(f"{what} {verbs[2]} на прежнем уровне: {_points(row.last)} {where}.")
        if m.satisfaction is not None:
            si = m.satisfaction
            level = ("высокий уровень" if si.index >= 0.8 else "средний уровень" if si.index >= 0.6
                     else "низкий уровень: программе нужна корректировка")
            filled = m.respondents.get(si.survey, 0)
            sheets = f"{counted(filled, 'анкета', 'анкеты', 'анкет')}, " if filled else ""
            out.append(f"Индекс удовлетворённости — {percent(si.index)} ({si.survey.casefold()} анкета: "
                       f"{sheets}{counted(si.answers, 'ответ', 'ответа', 'ответов')} на вопросы): {level}.")
        grown = [q for q in m.questions if q.change is not None and q.change >= 0.5]
        if grown:
            best = max(grown, key=lambda q: q.change or 0.0)
            out.append(f"Сильнее всего выросла оценка «{best.label}»: +{_points(best.shown_change or 0.0)}.")
        latest = [q for q in m.questions if q.last is not None]
        if latest:
            weak = min(latest, key=lambda q: q.last or 0.0)
            if weak.last is not None and weak.last < 7:
                out.append(f"Ниже всего оценено «{weak.label}» ({_points(weak.last)}).")
        roles = {r.label: r for r in m.roles}
        mentee, mentor = roles.get(v.ROLE_MENTEE), roles.get(v.ROLE_MENTOR)
        if mentee and mentor and mentee.last is not None and mentor.last is not None \
                and abs(mentee.last - mentor.last) >= 1:
            lower = "ниже" if mentee.last < mentor.last else "выше"
            out.append(f"Наставляемые оценивают программу {lower}, чем наставники "
                       f"({number(mentee.last)} против {_points(mentor.last)}).")
    if m.meetings:
        per_pair = m.meetings / m.pairs if m.pairs else 0.0
        out.append(f"Проведено {counted(m.meetings, 'встреча', 'встречи', 'встреч')} общей "
                   f"продолжительностью {number(m.hours)} ч; в среднем {number(per_pair)} встречи на пару.")
    elif m.pairs:
        out.append("Сведения о встречах наставнических пар в отчётном периоде отсутствуют.")
    idle = m.idle
    if idle:
        numbers = ", ".join(a.number or "?" for a in idle[:10]) + (" и др." if len(idle) > 10 else "")
        out.append(f"У {len(idle)} {plural(len(idle), 'пары', 'пар', 'пар')} (№ {numbers}) не было встреч "
                   f"больше {IDLE_DAYS} дней.")
    elif m.pairs_in_force:
        fresh = [a for a in m.activity if a.in_force and not a.meetings]
        if fresh:  # pairs fixed less than IDLE_DAYS ago that have not met yet: not «all met»
            one = len(fresh) % 10 == 1 and len(fresh) % 100 != 11
            out.append(f"Пар без встреч более {IDLE_DAYS} дней нет; {counted(len(fresh), 'пара', 'пары', 'пар')}, "
                       f"закреплённ{plural(len(fresh), 'ая', 'ые', 'ых')} менее {IDLE_DAYS} дней назад, "
                       f"ещё не встречал{'ась' if one else 'ись'}.")
        else:
            out.append(f"Все действующие пары встречались в последние {IDLE_DAYS} дней.")
    if m.staff_share is not None and m.staff:
        out.append(f"В наставнических парах (группах) состоят {m.participants} из {m.staff} педагогов "
                   f"организации ({percent(m.staff_share)}).")
    c = m.coverage
    if c.target and c.share is not None:
        teachers = plural(c.target, "педагога", "педагогов", "педагогов")
        out.append(f"Наставничеством охвачено {c.covered} из {c.target} {teachers} целевой группы "
                   f"({percent(c.share)}).")
    r = m.roadmap
    if r.share is not None:
        out.append(f"Дорожная карта выполнена на {percent(r.share)} ({r.done} из {r.counted} "
                   f"{plural(r.counted, 'мероприятия', 'мероприятий', 'мероприятий')}).")
        if r.overdue:
            out.append(f"Просрочено {counted(r.overdue, 'мероприятие', 'мероприятия', 'мероприятий')} "
                       "дорожной карты.")
        else:
            out.append("Просроченных мероприятий дорожной карты нет.")
    else:
        out.append("Дорожная карта программы не утверждена.")
    return out


def curator_to_do(m: Monitoring) -> list[str]:
    """«Что сделать куратору»: the steps in the workbook the figures call for. They are shown beside the справка
    (the message of the button, the «Мониторинг» sheet), never printed in it."""
    out: list[str] = []
    if not m.overall.means:
        out.append("Проведите входную анкету и внесите ответы на лист «Анкеты»: в конце года будет с чем сравнить.")
    else:
        latest = [q for q in m.questions if q.last is not None]
        weak = min(latest, key=lambda q: q.last or 0.0) if latest else None
        if weak is not None and weak.last is not None and weak.last < 7:
            out.append(f"Обсудите на встречах пар то, что оценено ниже всего: «{weak.label}».")
    if not m.meetings and m.pairs:
        out.append("Внесите встречи пар в журнал (лист «Встречи»): без него нельзя оценить работу пар.")
    if m.idle:
        out.append("Свяжитесь с наставниками пар без встреч больше "
                   f"{IDLE_DAYS} дней: № {', '.join(a.number or '?' for a in m.idle)}.")
    c = m.coverage
    if c.target and c.covered < c.target:
        rest = c.target - c.covered
        out.append(f"Подберите наставников ({counted(rest, 'педагог', 'педагога', 'педагогов')} целевой группы "
                   "без пары): кнопка «Подобрать пары».")
    elif not c.target and m.mentees:
        out.append("Заполните столбец «Категория» банка наставляемых, чтобы считать охват целевой группы.")
    if m.roadmap.overdue:
        out.append("Отметьте выполнение просроченных мероприятий дорожной карты или перенесите их сроки.")
    if not m.roadmap.total:
        out.append("Заполните лист «Дорожная карта».")
    return out
