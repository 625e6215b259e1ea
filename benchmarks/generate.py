"""Workbooks for benchmarks: regional books of N mentees and M mentors in the contract layout, written with
XlsxWriter; and a school of 200 people with its paperwork (`write_school_book`).

The data imitate a municipal consolidation: Russian ФИО (unique), request and competence tags typed as
users type them (canonical tags, synonyms, other case, ё as е, a few tags the dictionary does not know),
popular and rare requests, missing consents, mentors already in pairs in force, stated preferences with
some mutual first choices, and a few suggestions the куратор already marked «Утвердить» or «Отклонить».
The same seed gives the same book.

    from benchmarks.generate import write_regional_book
    write_regional_book(Path("region.xlsx"), mentees=10_000, mentors=5_000, seed=1)

    from benchmarks.generate import write_school_book
    write_school_book(Path("school.xlsx"), today=date(2025, 11, 20))

Run: .venv/bin/python benchmarks/generate.py OUT.xlsx MENTEES MENTORS [SEED]
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mentorxl.core import contract as k  # noqa: E402
from mentorxl.core import vocabulary as v  # noqa: E402

SURNAMES = (
    "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
    "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
    "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
    "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
    "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов",
    "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров",
    "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов",
    "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов",
    "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Чернышёв", "Быков", "Маслов",
    "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов", "Пономарёв", "Голубев", "Кудрявцев",
    "Прохоров", "Наумов", "Потапов", "Журавлёв", "Овчинников", "Трофимов", "Леонов", "Соболев", "Ермаков",
    "Колесников", "Гончаров", "Емельянов", "Никифоров", "Грачёв", "Котов", "Гришин", "Ефремов", "Архипов",
    "Громов", "Кириллов", "Малышев", "Панов", "Моисеев", "Румянцев", "Акимов", "Кондратьев", "Бирюков",
    "Горбунов", "Анисимов", "Ерёмин", "Тихомиров", "Галкин", "Лукьянов", "Михеев", "Скворцов", "Юдин",
    "Белоусов", "Нестеров", "Симонов", "Прокофьев", "Харитонов", "Князев", "Цветков", "Левин", "Митрофанов",
    "Воронов", "Аксёнов", "Софронов", "Мальцев", "Логинов", "Горшков", "Савин", "Краснов", "Майоров", "Демидов",
    "Елисеев", "Рыбаков", "Сафонов", "Плотников", "Дёмин", "Хохлов", "Жданов", "Носков", "Блинов", "Тетерин",
)
MALE = ("Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим", "Валерий", "Виктор", "Виталий",
        "Владимир", "Вячеслав", "Геннадий", "Георгий", "Денис", "Дмитрий", "Евгений", "Егор", "Иван", "Игорь",
        "Илья", "Кирилл", "Константин", "Леонид", "Максим", "Михаил", "Никита", "Николай", "Олег", "Павел",
        "Пётр", "Роман", "Сергей", "Станислав", "Степан", "Тимур", "Фёдор", "Юрий", "Ярослав", "Григорий")
FEMALE = ("Александра", "Алина", "Алла", "Анастасия", "Анна", "Валентина", "Валерия", "Вера", "Виктория",
          "Галина", "Дарья", "Диана", "Евгения", "Екатерина", "Елена", "Елизавета", "Жанна", "Зоя", "Инна",
          "Ирина", "Кристина", "Ксения", "Лариса", "Любовь", "Людмила", "Маргарита", "Марина", "Мария",
          "Надежда", "Наталья", "Нина", "Оксана", "Ольга", "Полина", "Светлана", "Софья", "Татьяна", "Юлия",
          "Яна", "Эльвира")
FATHERS = ("Александр", "Алексей", "Анатолий", "Андрей", "Борис", "Валентин", "Василий", "Виктор", "Владимир",
           "Геннадий", "Георгий", "Григорий", "Дмитрий", "Евгений", "Иван", "Игорь", "Константин", "Леонид",
           "Михаил", "Николай", "Олег", "Павел", "Пётр", "Роман", "Сергей", "Степан", "Фёдор", "Юрий", "Яков",
           "Аркадий", "Борислав", "Вячеслав", "Семён", "Тимофей", "Эдуард", "Максим", "Матвей", "Денис",
           "Станислав", "Кирилл")
SUBJECTS = (("начальные классы", 14), ("русский язык и литература", 12), ("математика", 12), ("английский язык", 9),
            ("история и обществознание", 7), ("биология", 5), ("химия", 4), ("физика", 5), ("информатика", 5),
            ("география", 4), ("физическая культура", 6), ("музыка", 2), ("изобразительное искусство", 2),
            ("технология", 3), ("ОБЗР", 2), ("дошкольное образование", 8), ("педагог-психолог", 2),
            ("учитель-логопед", 2))
# Tags nobody put in the dictionary: they still meet each other, and `check` reports them.
UNKNOWN_TAGS = ("нейросети на уроке", "смысловое чтение", "геймификация", "наставничество в ЦНППМ",
                "сетевое взаимодействие", "медиация")
PAIR_FORM = "педагог – педагог"
# The shape of the regional book: 1–3 requests per mentee, 1–4 competences per mentor, all from the
# same 12 distinct tags of the dictionary, capacities 1–3.
DISTINCT_TAGS = 12
REQUESTS = (1, 3, (40, 40, 20))
COMPETENCES = (1, 4, (25, 35, 25, 15))
CAPACITIES = (1, 2, 3)


def _female(surname: str) -> str:
    for male, female in (("ский", "ская"), ("цкий", "цкая"), ("ов", "ова"), ("ев", "ева"), ("ёв", "ёва"),
                         ("ин", "ина"), ("ын", "ына")):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    return surname


# Patronymic stems that do not follow «name + ович/овна».
_PATRONYMIC_STEMS = {"Яков": "Яковлев", "Пётр": "Петров", "Павел": "Павлов", "Дмитрий": "Дмитриев",
                     "Георгий": "Георгиев", "Семён": "Семёнов", "Фёдор": "Фёдоров",
                     "Игорь": "Игорев", "Михаил": "Михайлов", "Лев": "Львов"}


def _patronymic(father: str, female: bool) -> str:
    if father in _PATRONYMIC_STEMS:
        stem = _PATRONYMIC_STEMS[father]
    elif father.endswith("ий"):
        stem = father[:-2] + "ьев"
    elif father.endswith("й"):
        stem = father[:-1] + "ев"
    else:
        stem = father + "ов"
    return stem + ("на" if female else "ич")


def unique_names(count: int, rng: random.Random) -> list[str]:
    """`count` different ФИО; four in five are women, as in schools."""
    per_gender = len(SURNAMES) * len(MALE) * len(FATHERS)
    women = min(per_gender, round(count * 0.8))
    if count - women > per_gender:
        raise ValueError(f"не больше {2 * per_gender} разных ФИО")
    picks = [(p, True) for p in rng.sample(range(per_gender), women)]
    picks += [(p, False) for p in rng.sample(range(per_gender), count - women)]
    rng.shuffle(picks)
    names = []
    for index, female in picks:
        s, rest = divmod(index, len(MALE) * len(FATHERS))
        f, father = divmod(rest, len(FATHERS))
        surname = _female(SURNAMES[s]) if female else SURNAMES[s]
        first = FEMALE[f] if female else MALE[f]
        names.append(f"{surname} {first} {_patronymic(FATHERS[father], female)}")
    return names


def _tag_forms(rng: random.Random) -> tuple[list[list[str]], list[float]]:
    """Per canonical tag (the first DISTINCT_TAGS of the dictionary): the ways people type it; and a popularity
    skew (a few requests are very common)."""
    forms = []
    for tag, synonyms in list(v.DEFAULT_TAGS.items())[:DISTINCT_TAGS]:
        spelled = [tag, *synonyms]
        variants = spelled + [s.lower() for s in spelled] + [s.replace("ё", "е") for s in spelled if "ё" in s]
        forms.append(variants)
    order = list(range(len(forms)))
    rng.shuffle(order)
    weights = [0.0] * len(forms)
    for rank, index in enumerate(order):
        weights[index] = 1.0 / (rank + 1) ** 0.8
    return forms, weights


def _tags(rng: random.Random, forms: list[list[str]], weights: list[float], low: int, high: int,
          sizes: Sequence[float]) -> str:
    count = rng.choices(range(low, high + 1), weights=sizes)[0]
    chosen: set[int] = set()
    while len(chosen) < count:
        chosen.add(rng.choices(range(len(forms)), weights=weights)[0])
    typed = []
    for index in chosen:
        spelled = forms[index]
        typed.append(spelled[0] if rng.random() < 0.5 else rng.choice(spelled))
    if rng.random() < 0.03:
        typed.append(rng.choice(UNKNOWN_TAGS))
    separator = rng.choice(("; ", "; ", ", ", "\n"))
    return separator.join(typed)


def _maybe_date(rng: random.Random, share: float, base: date) -> date | None:
    return base + timedelta(days=rng.randrange(0, 120)) if rng.random() < share else None


def _people(mentees: int, mentors: int, seed: int) -> tuple[list[dict[str, object]], list[dict[str, object]],
                                                              list[dict[str, object]], list[dict[str, object]]]:
    rng = random.Random(seed)
    forms, weights = _tag_forms(rng)
    names = unique_names(mentees + mentors, rng)
    subjects = [s for s, _ in SUBJECTS]
    subject_weights = [w for _, w in SUBJECTS]
    start = date(2025, 5, 15)
    mentee_rows: list[dict[str, object]] = []
    for name in names[:mentees]:
        status = rng.choices((v.MENTEE_WAITING, "", v.MENTEE_PAIRED, v.MENTEE_DONE, v.MENTEE_LEFT),
                             weights=(80, 5, 10, 3, 2))[0]
        mentee_rows.append({
            "name": name, "position": "учитель", "subject": rng.choices(subjects, subject_weights)[0],
            "experience": rng.choice((0, 0, 1, 1, 2, 3, 4, 5, 7, 12)),
            "category": rng.choice(v.MENTEE_CATEGORIES[:5]),
            "requests": _tags(rng, forms, weights, *REQUESTS),
            "form": PAIR_FORM, "consent_pd": _maybe_date(rng, 0.95, start), "status": status,
        })
    mentor_rows: list[dict[str, object]] = []
    for name in names[mentees:]:
        status = rng.choices((v.MENTOR_ACTIVE, "", v.MENTOR_NOT_READY, v.MENTOR_LEFT), weights=(85, 5, 7, 3))[0]
        consent = _maybe_date(rng, 0.95, start)
        mentor_rows.append({
            "name": name, "position": "учитель", "subject": rng.choices(subjects, subject_weights)[0],
            "experience": rng.randrange(4, 36), "category": rng.choices(v.QUALIFICATION_CATEGORIES,
                                                                       weights=(3, 8, 30, 45, 8, 6))[0],
            "competences": _tags(rng, forms, weights, *COMPETENCES),
            "capacity": rng.choice(CAPACITIES),
            "consent_mentoring": consent if rng.random() < 0.97 else None,
            "consent_pd": consent, "trained_on": _maybe_date(rng, 0.6, date(2024, 10, 1)), "status": status,
        })
    pairs = _pairs_in_force(rng, mentee_rows, mentor_rows)
    _preferences(rng, mentee_rows, mentor_rows)
    suggestions = _decisions(rng, mentee_rows, mentor_rows)
    return mentee_rows, mentor_rows, pairs, suggestions


def _pairs_in_force(rng: random.Random, mentees: list[dict[str, object]],
                    mentors: list[dict[str, object]]) -> list[dict[str, object]]:
    """Mentees «В паре» get a mentor in a pair in force (a tenth of them in groups of two)."""
    active = [m for m in mentors if m["status"] == v.MENTOR_ACTIVE and m["consent_mentoring"]]
    paired = [m for m in mentees if m["status"] == v.MENTEE_PAIRED]
    pairs: list[dict[str, object]] = []
    i = 0
    while i < len(paired) and active:
        mentor = rng.choice(active)
        size = 2 if rng.random() < 0.1 and i + 1 < len(paired) else 1
        group = paired[i:i + size]
        i += size
        pairs.append({
            "number": str(len(pairs) + 1), "mentor": mentor["name"],
            "mentees": "; ".join(str(m["name"]) for m in group),
            "form": PAIR_FORM, "kind": "групповое" if size > 1 else "традиционное", "start": date(2025, 1, 15),
            "end": date(2025, 10, 15), "status": rng.choice((v.PAIR_ACTIVE, v.PAIR_APPROVED)),
        })
    return pairs


def _preferences(rng: random.Random, mentees: list[dict[str, object]], mentors: list[dict[str, object]]) -> None:
    """After the joint meeting: a few mentees and mentors name whom they prefer; some choices are mutual."""
    for mentee in mentees:
        if mentee["status"] != v.MENTEE_WAITING or rng.random() > 0.06:
            continue
        chosen = rng.sample(mentors, min(2, len(mentors)))
        mentee["preferred"] = "; ".join(str(m["name"]) for m in chosen)
        if rng.random() < 0.5:
            mentor = chosen[0]
            before = str(mentor.get("preferred") or "")
            mentor["preferred"] = str(mentee["name"]) if not before else before + "; " + str(mentee["name"])


def _decisions(rng: random.Random, mentees: list[dict[str, object]],
               mentors: list[dict[str, object]]) -> list[dict[str, object]]:
    """A previous run's «Подбор»: most rows undecided, a few approved or rejected."""
    rows: list[dict[str, object]] = []
    waiting = [m for m in mentees if m["status"] == v.MENTEE_WAITING]
    for mentee in rng.sample(waiting, min(len(waiting), max(1, len(mentees) // 50))):
        mentor = rng.choice(mentors)
        decision = rng.choice((v.DECISION_REJECT, v.DECISION_REJECT, v.DECISION_APPROVE, ""))
        rows.append({"mentee": mentee["name"], "mentor": mentor["name"], "score": rng.randrange(30, 90),
                     "decision": decision})
    return rows


def _settings_rows() -> list[dict[str, object]]:
    values = {
        k.SET_ORG_FULL: "Управление образования администрации муниципального округа",
        k.SET_ORG_SHORT: "УО МО", k.SET_PLACE: "г. Энск", k.SET_HEAD: "Орлова Татьяна Николаевна",
        k.SET_HEAD_POSITION: "Начальник управления", k.SET_CURATOR: "Смирнова Ольга Викторовна",
        k.SET_YEAR: "2025/2026", **k.SETTING_DEFAULTS,
    }
    return [{"parameter": p, "value": val} for p, val in values.items()]


def _roadmap_rows() -> list[dict[str, object]]:
    return [
        {"number": 1, "stage": "Подготовка условий", "event": "Приказ о внедрении программы наставничества",
         "term": "Сентябрь 2025", "responsible": "Руководитель", "status": v.EVENT_DONE},
        {"number": 2, "stage": "Формирование пар", "event": "Общая встреча наставников и наставляемых",
         "term": "Сентябрь – октябрь 2025", "responsible": "Куратор", "status": v.EVENT_PLANNED},
    ]


def _tag_rows() -> list[dict[str, object]]:
    return [{"tag": tag, "synonyms": "; ".join(synonyms)} for tag, synonyms in v.DEFAULT_TAGS.items()]


def write_regional_book(path: Path, mentees: int, mentors: int, seed: int = 1) -> Path:
    """A master workbook (.xlsx, no macros) of `mentees` and `mentors` people in the contract layout."""
    import xlsxwriter

    mentee_rows, mentor_rows, pairs, suggestions = _people(mentees, mentors, seed)
    path = Path(path)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                           "strings_to_formulas": False, "strings_to_urls": False})
    date_format = book.add_format({"num_format": "dd.mm.yyyy"})
    sheets: tuple[tuple[k.SheetSpec, list[dict[str, object]]], ...] = (
        (k.SETTINGS, _settings_rows()), (k.ROADMAP, _roadmap_rows()), (k.MENTEES, mentee_rows),
        (k.MENTORS, mentor_rows), (k.SUGGESTIONS, suggestions), (k.PAIRS, pairs), (k.SURVEYS, []),
        (k.MEETINGS, []), (k.TAGS, _tag_rows()),
    )
    for spec, rows in sheets:
        sheet = book.add_worksheet(spec.name)
        for c, column in enumerate(spec.columns):
            sheet.write_string(0, c, column.header)
            sheet.set_column(c, c, column.width, date_format if column.kind == k.Kind.DATE else None)
        for r, row in enumerate(rows, start=1):
            for c, column in enumerate(spec.columns):
                value = row.get(column.key)
                if value is None or value == "":
                    continue
                if isinstance(value, date):
                    sheet.write_datetime(r, c, value, date_format)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value)
                else:
                    sheet.write_string(r, c, str(value))
    book.close()
    return path


def _school_people(mentees: int, mentors: int, taken: set[str], today: date,
                   seed: int) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The teachers a school adds to the demo's: mentees waiting for a pair and active mentors, all with their
    consents signed this school year, except three mentors not ready yet, who have not signed the consent to the
    processing of personal data (their forms are what «Бланки согласия» prints; for «Проверить данные» it is a
    warning); every tenth mentor is to be rewarded."""
    from mentorxl.core.terms import school_year_start

    rng = random.Random(seed)
    forms, weights = _tag_forms(rng)
    names = [n for n in unique_names(mentees + mentors + len(taken), rng) if n not in taken][:mentees + mentors]
    subjects = [s for s, _ in SUBJECTS]
    subject_weights = [w for _, w in SUBJECTS]
    first = date(school_year_start(None, today), 9, 1)

    def signed() -> date:
        return min(first + timedelta(days=rng.randrange(0, 40)), today - timedelta(days=1))

    def common(name: str) -> dict[str, object]:
        return {"name": name, "position": "Учитель", "subject": rng.choices(subjects, subject_weights)[0]}

    mentee_rows = [{**common(name), "experience": rng.choice((0, 0, 1, 1, 2, 3, 5)),
                    "category": rng.choice(v.MENTEE_CATEGORIES[:5]), "form": PAIR_FORM, "consent_pd": signed(),
                    "requests": _tags(rng, forms, weights, *REQUESTS), "status": v.MENTEE_WAITING}
                   for name in names[:mentees]]
    mentor_rows: list[dict[str, object]] = []
    for i, name in enumerate(names[mentees:]):
        ready = i >= 3
        consent = signed()
        mentor_rows.append({
            **common(name), "experience": rng.randrange(8, 36),
            "category": rng.choice(v.QUALIFICATION_CATEGORIES[2:4]),
            "competences": _tags(rng, forms, weights, *COMPETENCES), "capacity": rng.choice(CAPACITIES),
            "consent_mentoring": consent if ready else None, "consent_pd": consent if ready else None,
            "trained_on": signed() if ready else None,
            "status": v.MENTOR_ACTIVE if ready else v.MENTOR_NOT_READY,
            "reward": rng.choice(v.REWARDS) if i % 10 == 9 else "",
        })
    return mentee_rows, mentor_rows


def write_school_book(path: Path, *, today: date, mentees: int = 130, mentors: int = 70, seed: int = 1) -> Path:
    """The demo school of `mentorxl new --demo` (its pairs in force and their meetings and surveys, its roadmap
    done up to `today`, its three deliberate errors) grown to `mentees` + `mentors` people by teachers of
    `_school_people`: a school of 200 people at work, for the commands a school uses (benchmarks/process.py)."""
    from dataclasses import replace

    from mentorxl.book.language import mark_russian
    from mentorxl.builder.demo import demo_school
    from mentorxl.builder.layout import book_layout
    from mentorxl.builder.workbook import write_layout
    from mentorxl.core.terms import school_year_start

    school = demo_school(today)
    taken = {str(row["name"]) for row in (*school.mentees, *school.mentors)}
    more_mentees, more_mentors = _school_people(mentees - len(school.mentees), mentors - len(school.mentors),
                                                taken, today, seed)
    school = replace(school, mentees=[*school.mentees, *more_mentees], mentors=[*school.mentors, *more_mentors])
    layout = book_layout(org=None, year_start=school_year_start(None, today), variant="school", today=today,
                         school=school)
    write_layout(layout, Path(path))
    mark_russian(Path(path))
    return Path(path)


def main(argv: Sequence[str]) -> None:
    if len(argv) < 3:
        print(__doc__)
        raise SystemExit(2)
    seed = int(argv[3]) if len(argv) > 3 else 1
    path = write_regional_book(Path(argv[0]), int(argv[1]), int(argv[2]), seed)
    print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
