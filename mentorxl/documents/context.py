"""What each document says, as plain dicts for the templates: ProgramData in, contexts out.

No files here. The templates decline names themselves (filters of env.py), so a context holds the
names as typed, positions from the banks, dates as dates. The keys of each kind are declared
(`*_KEYS`): a template is checked against them when it is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from mentorxl.core import contract as k
from mentorxl.core import orders
from mentorxl.core import vocabulary as v
from mentorxl.core.dates import add_months
from mentorxl.core.models import Mentee, Mentor, Pair, Person
from mentorxl.core.program import ProgramData
from mentorxl.core.statuses import MenteeStatus, PairStatus, parse
from mentorxl.core.text import clean, fix_lookalikes, header_key, person_key
from mentorxl.documents.declension import detect_gender
from mentorxl.errors import SettingMissing

SET_MENTOR_PAY = "Доплата наставнику"  # optional: the pay clause of the supplementary agreement

BASE_KEYS = frozenset({"org", "head", "curator", "year", "today"})
ORDER_KEYS = BASE_KEYS | {"order", "pairs", "term", "participants"}
REWARD_KEYS = BASE_KEYS | {"order", "groups", "participants"}
PROGRAM_KEYS = BASE_KEYS | {"pair", "mentor", "mentees", "goal", "tasks", "plan", "results"}
AGREEMENT_KEYS = BASE_KEYS | {"agreement", "mentor", "pairs", "start", "end", "pay"}
CONSENT_KEYS = BASE_KEYS | {"person"}

_FEMALE_PATRONYMIC = re.compile(r"(вна|чна|кызы|гызы|qizi)$", re.IGNORECASE)
_MALE_PATRONYMIC = re.compile(r"(ич|оглы|огли|улы|уулу)$", re.IGNORECASE)
_FEMALE_SURNAME = re.compile(r"(ова|ева|ёва|ина|ына|ая|яя|ска|цка)$", re.IGNORECASE)


def is_female(name: str) -> bool:
    """Whether a ФИО is a woman's (for «действующей», «именуемая»): the declension's reading of the name,
    else the patronymic or the surname's ending."""
    words = clean(name).replace(".", " ").split()
    if not words:
        return False
    gender = detect_gender(clean(name))
    if gender is not None:
        return gender == "female"
    for word in reversed(words):
        if _FEMALE_PATRONYMIC.search(word):
            return True
        if _MALE_PATRONYMIC.search(word):
            return False
    return bool(_FEMALE_SURNAME.search(words[0]))


class Name(str):
    """A ФИО in a document's context, with the forms the school wrote by hand for the cases the rules get
    wrong (columns «ФИО в дательном падеже» … of the banks); the declension filters use them first."""

    forms: dict[str, str]

    def __new__(cls, text: str, forms: Mapping[str, str] | None = None) -> Name:
        made = super().__new__(cls, text)
        made.forms = dict(forms or {})
        return made

    def __reduce__(self) -> tuple[Any, ...]:  # the programs are rendered in worker processes
        return (Name, (str(self), self.forms))


# «ФИО в дательном падеже» (any case of letters, spacing, ё) -> the case it gives
_FORM_HEADERS = {header_key(f"ФИО в {where} падеже"): case for where, case in (
    ("родительном", "родительный"), ("дательном", "дательный"), ("винительном", "винительный"),
    ("творительном", "творительный"), ("предложном", "предложный"))}


def name_forms(row: object) -> dict[str, str]:
    """The hand-written case forms of a bank row: its own columns «ФИО в … падеже» that are filled."""
    extra: Mapping[str, object] = getattr(row, "extra", None) or {}
    return {case: clean(value) for header, value in extra.items()
            if (case := _FORM_HEADERS.get(header_key(header))) and clean(value)}


def person(name: str, position: str = "", *, forms: Mapping[str, str] | None = None, **more: Any) -> dict[str, Any]:
    """A person of a document. A Latin letter that looks Russian inside a Russian name («Кoвалёва» with a
    Latin o) is printed as the Russian letter: the paper is right, and the action warns the user to fix the
    book (the checker reports the cell as latin_in_name)."""
    printed = fix_lookalikes(name)
    return {"name": Name(printed, forms), "position": clean(position), "female": is_female(printed), **more}


def _need(data: ProgramData, setting: str, what: str) -> str:
    value = clean(data.settings.get(setting))
    if not value:
        raise SettingMissing(
            f"В «Настройках» не заполнен параметр «{setting}»: без него не составить {what}.",
            f"Откройте лист «{k.SETTINGS.name}» и впишите значение в строку «{setting}», затем повторите.",
        )
    return value


def base(data: ProgramData, today: date, what: str, *, need_head: bool = True) -> dict[str, Any]:
    """The organisation, its head and the curator; a missing organisation or head is SettingMissing."""
    full = _need(data, k.SET_ORG_FULL, what)
    head = _need(data, k.SET_HEAD, what) if need_head else clean(data.settings.get(k.SET_HEAD))
    return {
        "org": {"full_name": full, "short_name": clean(data.settings.get(k.SET_ORG_SHORT)) or full,
                "place": clean(data.settings.get(k.SET_PLACE))},
        "head": person(head, clean(data.settings.get(k.SET_HEAD_POSITION)) or "Директор"),
        "curator": person(clean(data.settings.get(k.SET_CURATOR)),
                          clean(data.settings.get(k.SET_CURATOR_POSITION))),
        "year": clean(data.settings.get(k.SET_YEAR)),
        "today": today,
    }


# ---------------------------------------------------------------- selection


def status_is(pair: Pair, *statuses: str) -> bool:
    """The pair's status is one of these, as core/statuses.py reads a status."""
    return pair.state in {parse(PairStatus, s) for s in statuses}


def pairs_to_order(data: ProgramData) -> list[Pair]:
    """Pairs of «Пары» approved and not yet in an order (the rule: core/orders.py)."""
    return orders.pairs_to_order(data.pairs)


def pairs_in_force(data: ProgramData) -> list[Pair]:
    """Pairs and groups approved or at work («Утверждена», «Действует»)."""
    return [p for p in data.pairs if p.in_force and p.mentor and p.mentees]


next_order_number = orders.next_order_number


def people_missing_consent(data: ProgramData) -> list[tuple[Person, str]]:
    """(person, role) of the banks with no date of the personal-data consent, each person once."""
    seen: set[str] = set()
    out: list[tuple[Person, str]] = []
    for people, role in ((data.mentors, v.ROLE_MENTOR), (data.mentees, v.ROLE_MENTEE)):
        for p in people:
            left = parse(MenteeStatus, p.status) is MenteeStatus.LEFT  # «Выбыл» in both banks
            if p.name and p.consent_pd is None and p.key not in seen and not left:
                seen.add(person_key(p.name))
                out.append((p, role))
    return out


# ---------------------------------------------------------------- pieces


class People:
    """Positions and requests of the banks by name, as people are matched across sheets (look-alike Latin
    letters read as Russian ones)."""

    def __init__(self, data: ProgramData):
        self.mentors: dict[str, Mentor] = {person_key(m.name): m for m in data.mentors}
        self.mentees: dict[str, Mentee] = {person_key(m.name): m for m in data.mentees}

    def mentor(self, name: str) -> dict[str, Any]:
        found = self.mentors.get(person_key(name))
        return person(name, found.position if found else "", forms=name_forms(found))

    def mentee(self, name: str) -> dict[str, Any]:
        found = self.mentees.get(person_key(name))
        return person(name, found.position if found else "", forms=name_forms(found),
                      requests=list(found.requests) if found else [],
                      category=found.category if found else "")


def term_of(pair: Pair, data: ProgramData, fallback: date) -> tuple[date, date]:
    start = pair.start or data.settings.start_date or pair.order_date or fallback
    end = pair.end if pair.end and pair.end > start else add_months(start, data.settings.term_months)
    return start, end


def pair_row(pair: Pair, data: ProgramData, people: People, fallback: date) -> dict[str, Any]:
    start, end = term_of(pair, data, fallback)
    return {
        "number": pair.number, "mentor": people.mentor(pair.mentor),
        "mentees": [people.mentee(n) for n in pair.mentees], "is_group": pair.is_group,
        "form": pair.form, "kind": pair.kind, "start": start, "end": end, "goal": pair.goal,
        "order_number": pair.order_number, "order_date": pair.order_date,
    }


def participants(rows: Iterable[dict[str, Any]], first: Iterable[str] = ()) -> list[str]:
    """Everyone who signs «С приказом ознакомлены», each once, in the order of the table."""
    seen: dict[str, str] = {}
    names = [*first]
    for r in rows:
        names.append(r["mentor"]["name"])
        names.extend(m["name"] for m in r["mentees"])
    for name in names:
        if name and person_key(name) not in seen:
            seen[person_key(name)] = name
    return list(seen.values())


# ---------------------------------------------------------------- documents


def order_context(data: ProgramData, pairs: list[Pair], *, number: str, on: date,
                  today: date) -> dict[str, Any]:
    ctx = base(data, today, "приказ")
    people = People(data)
    rows = [pair_row(p, data, people, on) for p in pairs]
    spans = {(r["start"], r["end"]) for r in rows}
    ctx.update({
        "order": {"number": number, "date": on, "programs_due": add_months(on, 1)},
        "pairs": rows,
        "term": {"start": min(r["start"] for r in rows), "end": max(r["end"] for r in rows),
                 "same": len(spans) == 1},
        "participants": participants(rows, [ctx["curator"]["name"]]),
    })
    return ctx


REWARD_CLAUSES: tuple[tuple[str, str, str], ...] = (
    # (stem of the kind as typed, the clause's verb, the case of the names after it)
    ("благодарств", "Вручить благодарственное письмо", "дательный"),
    ("благодарн", "Объявить благодарность", "дательный"),
    ("грамот", "Наградить почётной грамотой", "винительный"),
    ("прем", "Выплатить премию за эффективную наставническую деятельность", "дательный"),
)


def reward_clause(kind: str) -> tuple[str, str]:
    key = clean(kind).casefold().replace("ё", "е")
    for stem, verb, case in REWARD_CLAUSES:
        if stem.replace("ё", "е") in key:
            return verb, case
    return f"Поощрить ({clean(kind).lower()})", "винительный"


def reward_context(data: ProgramData, *, today: date) -> dict[str, Any]:
    ctx = base(data, today, "приказ о поощрении")
    groups: dict[str, dict[str, Any]] = {}
    for m in data.mentors:
        if not (m.name and m.reward):
            continue
        verb, case = reward_clause(m.reward)
        group = groups.setdefault(verb, {"kind": m.reward, "verb": verb, "case": case, "people": []})
        group["people"].append(person(m.name, m.position, forms=name_forms(m)))
    order = [verb for _, verb, _ in REWARD_CLAUSES]
    ranked = sorted(groups.values(),
                    key=lambda g: order.index(g["verb"]) if g["verb"] in order else len(order))
    ctx.update({
        "order": {"number": "", "date": today},
        "groups": ranked,
        "participants": [p["name"] for g in ranked for p in g["people"]],
    })
    return ctx


def plan_months(start: date, end: date) -> list[date]:
    """The first day of every month of the term; a last month with under two weeks left is dropped."""
    months: list[date] = []
    current = date(start.year, start.month, 1)
    while current <= end:
        if not months or (end - current).days >= 14:
            months.append(current)
        current = add_months(current, 1)
    return months


def meeting_plan(months: list[date], tags: list[str], is_group: bool) -> list[dict[str, Any]]:
    """A month-by-month plan: acquaintance and diagnostics, the requests' topics in turn, a midterm review
    and a final meeting."""
    who = "наставляемых" if is_group else "наставляемого"
    first = (f"Знакомство, диагностика профессиональных затруднений {who}, входное анкетирование, "
             "согласование персонализированной программы", "встреча, анкетирование")
    middle = ("Промежуточная встреча: анализ выполнения программы, промежуточное анкетирование, "
              "корректировка плана", "встреча, анкетирование")
    last = (f"Итоговая встреча: самоанализ {who}, итоговое анкетирование, отчёт о реализации программы",
            "встреча, отчёт")
    rounds = zip(*(activities_for(t) for t in tags), strict=True) if tags else iter([activities_for("")])
    topics = [a for round_ in rounds for a in round_]
    plan: list[tuple[str, str]] = []
    for i in range(len(months)):
        if i == 0:
            plan.append(first)
        elif i == len(months) - 1:
            plan.append(last)
        elif len(months) >= 5 and i == len(months) // 2:
            plan.append(middle)
        else:
            plan.append(topics[(i - 1) % len(topics)])
    return [{"month": m, "activity": a, "form": f} for m, (a, f) in zip(months, plan, strict=True)]


def lower_first(text: str) -> str:
    """«Методика урока» → «методика урока»; «ИКТ и …», «ФГОС …» stay."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def requests_of(mentees: list[dict[str, Any]], data: ProgramData) -> list[str]:
    tags: dict[str, None] = {}
    for m in mentees:
        for raw in m["requests"]:
            tags.setdefault(data.tags.canonical(raw) or clean(raw), None)
    return list(tags)


def program_context(data: ProgramData, pair: Pair, *, today: date, common: dict[str, Any] | None = None,
                    people: People | None = None) -> dict[str, Any]:
    ctx = dict(common or base(data, today, "программу наставничества"))
    people = people or People(data)
    row = pair_row(pair, data, people, today)
    tags = requests_of(row["mentees"], data)
    who = "наставляемых" if row["is_group"] else "наставляемого"
    topics = ", ".join(lower_first(t) for t in tags)
    goal = row["goal"] or (
        f"Создание условий для профессионального становления и развития {who}, "
        "оказание помощи в решении профессиональных затруднений"
        + (f" по направлениям: {topics}." if tags else ".")
    )
    results = [result_for(t) for t in tags] or [result_for("")]
    results.append("персонализированная программа выполнена; "
                   + ("наставляемые дали" if row["is_group"] else "наставляемый дал")
                   + " положительную самооценку профессионального роста в итоговой анкете")
    ctx.update({
        "pair": {key: row[key] for key in ("number", "form", "kind", "start", "end", "order_number",
                                           "order_date", "is_group")},
        "mentor": row["mentor"], "mentees": row["mentees"], "goal": goal,
        "tasks": [task_for(t) for t in tags] or [task_for("")],
        "plan": meeting_plan(plan_months(row["start"], row["end"]), tags, row["is_group"]),
        "results": results,
    })
    return ctx


def agreement_contexts(data: ProgramData, *, today: date) -> list[dict[str, Any]]:
    """One supplementary agreement per mentor of the pairs in force, listing all their pairs."""
    common = base(data, today, "дополнительное соглашение")
    people = People(data)
    by_mentor: dict[str, list[dict[str, Any]]] = {}
    for p in pairs_in_force(data):
        by_mentor.setdefault(person_key(p.mentor), []).append(pair_row(p, data, people, today))
    pay = clean(data.settings.get(SET_MENTOR_PAY))
    out = []
    for rows in by_mentor.values():
        ctx = dict(common)
        ctx.update({
            "agreement": {"date": today},
            "mentor": rows[0]["mentor"],
            "pairs": [{"number": r["number"], "mentees": [m["name"] for m in r["mentees"]],
                       "is_group": r["is_group"], "form": r["form"], "kind": r["kind"],
                       "start": r["start"], "end": r["end"]} for r in rows],
            "start": min(r["start"] for r in rows), "end": max(r["end"] for r in rows), "pay": pay,
        })
        out.append(ctx)
    return out


def consent_context(data: ProgramData, who: Person, role: str, *, today: date,
                    common: dict[str, Any] | None = None) -> dict[str, Any]:
    ctx = dict(common or base(data, today, "согласие на обработку персональных данных", need_head=False))
    role_genitive = "наставника" if role == v.ROLE_MENTOR else "наставляемого"
    ctx["person"] = person(who.name, who.position, forms=name_forms(who), role=role, role_genitive=role_genitive)
    return ctx



# ---------------------------------------------------------------- phrases of a personal program

Activity = tuple[str, str]  # (what is done at the meeting, the form of work)

# canonical request tag -> (task, first activity, second activity, expected result)
PHRASES: dict[str, tuple[str, Activity, Activity, str]] = {
    "ИКТ и цифровые ресурсы": (
        "освоить цифровые образовательные ресурсы и сервисы (ФГИС «Моя школа», электронный журнал, "
        "интерактивное оборудование) и применять их на уроках",
        ("Практикум: цифровые образовательные ресурсы и сервисы на уроке", "практикум"),
        ("Посещение урока наставляемого с применением ЦОР, анализ", "посещение урока"),
        "наставляемый уверенно применяет цифровые ресурсы при подготовке и проведении уроков"),
    "ФГОС и рабочие программы": (
        "освоить требования обновлённых ФГОС и ФОП, научиться составлять рабочую программу и "
        "тематическое планирование",
        ("Консультация: рабочая программа и тематическое планирование по ФГОС и ФОП", "консультация"),
        ("Совместная проверка рабочей программы и КТП наставляемого", "консультация"),
        "рабочая программа и тематическое планирование составлены в соответствии с ФГОС и ФОП"),
    "Методика урока": (
        "освоить проектирование современного урока: цели, структура, технологическая карта, самоанализ",
        ("Открытый урок наставника, разбор его структуры", "открытый урок"),
        ("Посещение урока наставляемого, совместный анализ и самоанализ", "посещение урока"),
        "наставляемый проектирует и проводит уроки в соответствии с требованиями ФГОС, владеет самоанализом"),
    "Классное руководство": (
        "освоить функции классного руководителя и планирование воспитательной работы",
        ("Консультация: план воспитательной работы классного руководителя", "консультация"),
        ("Совместная подготовка и проведение классного часа", "практикум"),
        "составлен план воспитательной работы, проведены классные часы"),
    "Работа с родителями": (
        "выстроить конструктивное взаимодействие с родителями (законными представителями) обучающихся",
        ("Консультация: подготовка родительского собрания и индивидуальной беседы", "консультация"),
        ("Разбор случаев общения с родителями, ролевая игра", "практикум"),
        "наставляемый проводит родительские собрания и беседы без конфликтов"),
    "Дисциплина на уроке": (
        "освоить приёмы управления классом, поддержания дисциплины и мотивации обучающихся",
        ("Посещение урока наставляемого: управление классом, рекомендации", "посещение урока"),
        ("Практикум: приёмы мотивации и поддержания дисциплины", "практикум"),
        "на уроках наставляемого сохраняется рабочая дисциплина, обучающиеся включены в работу"),
    "Проектная деятельность": (
        "освоить организацию проектной и исследовательской деятельности обучающихся",
        ("Консультация: этапы учебного проекта и критерии оценивания", "консультация"),
        ("Совместное руководство проектом обучающихся", "практикум"),
        "наставляемый руководит проектами обучающихся"),
    "Подготовка к аттестации": (
        "подготовиться к аттестации: портфолио, самоанализ профессиональной деятельности",
        ("Консультация: требования к аттестации, структура портфолио", "консультация"),
        ("Проверка портфолио и самоанализа наставляемого", "консультация"),
        "портфолио для аттестации собрано, заявление подано"),
    "Инклюзивное образование": (
        "освоить работу с обучающимися с ОВЗ по адаптированным программам",
        ("Консультация: адаптированная программа, маршрут обучающегося с ОВЗ", "консультация"),
        ("Посещение урока с обучающимися с ОВЗ, анализ приёмов", "посещение урока"),
        "наставляемый применяет адаптированные материалы для обучающихся с ОВЗ"),
    "Оценивание и ВПР": (
        "освоить критериальное и формирующее оценивание, подготовку обучающихся к ВПР",
        ("Практикум: критерии оценивания и контрольно-измерительные материалы", "практикум"),
        ("Совместный анализ результатов контрольной работы (ВПР)", "консультация"),
        "наставляемый применяет объективные критерии оценивания, анализирует результаты ВПР"),
    "Подготовка к ОГЭ и ЕГЭ": (
        "освоить методику подготовки обучающихся к государственной итоговой аттестации",
        ("Консультация: кодификатор, спецификация и демоверсия ОГЭ (ЕГЭ)", "консультация"),
        ("Совместный анализ пробного экзамена, план подготовки", "практикум"),
        "составлен и выполняется план подготовки обучающихся к ГИА"),
    "Функциональная грамотность": (
        "освоить задания и приёмы формирования функциональной грамотности обучающихся",
        ("Практикум: задания на функциональную грамотность в предмете", "практикум"),
        ("Посещение урока наставляемого: приёмы формирования функциональной грамотности", "посещение урока"),
        "наставляемый включает задания на функциональную грамотность в уроки"),
    "Работа с одарёнными детьми": (
        "освоить подготовку обучающихся к олимпиадам и конкурсам",
        ("Консультация: олимпиадные задания и индивидуальная работа с обучающимися", "консультация"),
        ("Совместная подготовка обучающихся к олимпиаде (конкурсу)", "практикум"),
        "обучающиеся наставляемого участвуют в олимпиадах и конкурсах"),
    "Школьная документация": (
        "освоить ведение школьной документации и электронного журнала",
        ("Консультация: электронный журнал и отчётность учителя", "консультация"),
        ("Проверка документации наставляемого, рекомендации", "консультация"),
        "документация наставляемого ведётся своевременно и без замечаний"),
    "Внеурочная деятельность": (
        "освоить организацию внеурочной деятельности обучающихся",
        ("Консультация: программа курса внеурочной деятельности", "консультация"),
        ("Посещение занятия внеурочной деятельности, анализ", "посещение урока"),
        "наставляемый ведёт курс внеурочной деятельности по программе"),
    "Профессиональное выгорание": (
        "освоить приёмы профилактики профессионального выгорания и планирования рабочего времени",
        ("Беседа: тайм-менеджмент и распределение нагрузки", "консультация"),
        ("Тренинг саморегуляции и стрессоустойчивости", "практикум"),
        "наставляемый планирует нагрузку и владеет приёмами саморегуляции"),
    "Адаптация в коллективе": (
        "адаптироваться в коллективе, познакомиться с традициями и локальными актами организации",
        ("Знакомство с локальными актами, традициями и коллективом организации", "встреча"),
        ("Участие наставляемого в работе методического объединения", "встреча"),
        "наставляемый адаптирован в коллективе, включён в работу методического объединения"),
    "Самообразование и конкурсы": (
        "определить тему самообразования и подготовиться к профессиональному конкурсу",
        ("Консультация: тема самообразования и план профессионального развития", "консультация"),
        ("Подготовка к профессиональному конкурсу (публикации) наставляемого", "практикум"),
        "определена тема самообразования, наставляемый участвует в профессиональном конкурсе"),
    "Дошкольное образование: режимные моменты": (
        "освоить организацию режимных моментов и образовательной деятельности в группе",
        ("Посещение режимных моментов в группе наставника, разбор", "посещение занятия"),
        ("Посещение образовательной деятельности наставляемого, анализ", "посещение занятия"),
        "наставляемый организует режимные моменты и образовательную деятельность в соответствии с ФОП ДО"),
    "Развивающая предметно-пространственная среда": (
        "освоить построение развивающей предметно-пространственной среды группы",
        ("Консультация: центры активности и требования к РППС", "консультация"),
        ("Совместное оформление центра активности группы", "практикум"),
        "развивающая среда группы наставляемого соответствует требованиям ФОП ДО"),
    "Профориентация": (
        "освоить профориентационную работу с обучающимися (профминимум)",
        ("Консультация: профориентационный минимум и «Билет в будущее»", "консультация"),
        ("Совместная подготовка профориентационного занятия", "практикум"),
        "наставляемый проводит профориентационные занятия"),
    "Здоровьесбережение": (
        "освоить здоровьесберегающие технологии и требования безопасности на уроке",
        ("Консультация: здоровьесберегающие технологии и требования безопасности", "консультация"),
        ("Посещение урока наставляемого: здоровьесбережение, рекомендации", "посещение урока"),
        "на уроках наставляемого соблюдаются требования здоровьесбережения и безопасности"),
    "Логопедическая работа": (
        "освоить приёмы развития речи и коррекции речевых нарушений",
        ("Консультация: приёмы развития речи обучающихся (воспитанников)", "консультация"),
        ("Посещение занятия наставляемого по развитию речи, анализ", "посещение занятия"),
        "наставляемый применяет приёмы развития речи в работе"),
    "Психолого-педагогическое сопровождение": (
        "освоить психолого-педагогическое сопровождение обучающихся и работу с ИОМ",
        ("Консультация: индивидуальный образовательный маршрут и работа ППк", "консультация"),
        ("Совместная разработка индивидуального образовательного маршрута", "практикум"),
        "наставляемый разрабатывает индивидуальные образовательные маршруты"),
}
GENERIC_ACTIVITIES: tuple[Activity, Activity] = (
    ("Посещение урока (занятия) наставляемого, анализ и рекомендации", "посещение урока"),
    ("Открытый урок (занятие) наставника, разбор методических приёмов", "открытый урок"),
)


def _phrases(tag: str) -> tuple[str, Activity, Activity, str] | None:
    return PHRASES.get(clean(tag))


def task_for(tag: str) -> str:
    found = _phrases(tag)
    if found:
        return found[0]
    if not clean(tag):
        return "оказать наставляемому помощь в освоении профессиональных функций и адаптации в организации"
    return f"развить профессиональные компетенции по теме «{clean(tag)}»"


def activities_for(tag: str) -> tuple[Activity, Activity]:
    found = _phrases(tag)
    if found:
        return found[1], found[2]
    if not clean(tag):
        return GENERIC_ACTIVITIES
    return ((f"Консультация по теме «{clean(tag)}»", "консультация"),
            (f"Практикум по теме «{clean(tag)}», посещение урока наставляемого", "практикум"))


def result_for(tag: str) -> str:
    found = _phrases(tag)
    if found:
        return found[3]
    if not clean(tag):
        return "наставляемый освоил профессиональные функции и адаптирован в организации"
    return f"повышена профессиональная компетентность наставляемого по теме «{clean(tag)}»"
