"""The demo school (`mentorxl new --demo`): a realistic mentoring program, the same for the same `today`.

МБОУ «СОШ № 7» г. Заречный: 80 teachers («Численность педагогов» in «Настройки»), of whom 17 are mentees
(young specialists, new staff, staff who changed position, one preparing for attestation) and 12 mentors
with competences that answer their requests. Tags are typed the way people type them: canonical names,
synonyms, other word forms, and two typos (`DEMO_TAG_TYPOS`). Five pairs are in force by one order
(four pairs and one group of three), one more pair is a draft without an order. Entry surveys for everyone in
a pair in force, middle surveys for two of them, a journal of meetings since the order, the roadmap done up
to `today`, preferences of a few people, rewards of three mentors.

For the municipality (issue 14) every person has a «Дата рождения» (the young specialists under 35, the
mentors older); «Молодой специалист» says «да» for the young specialists by category and «нет» for the
teacher preparing for attestation (the others are left to the age and «Стаж»); a few mentors with free places
and the mentees no mentor of the school covers agree to network mentoring («Согласие на сетевое
наставничество»). `NETWORK_SCHOOLS` are three more schools of the district for `make demo`: `new --demo --org`
with one of their names gives that school's ИНН, ОГРН, settlement and address and leaves out the mentors it does
not have (a small rural school has no mentor for some requests); any other name gets an ИНН of its own.

Dates follow the school year of `today` (September–August): a date the school year would put after
`today` moves back so that it is in the past (a demo built on 5 September still shows pairs at work).
Random choices come from a fixed seed: the same `today` gives the same book.

Exactly three errors for «Проверить данные» (`DEMO_PROBLEMS`, rows as Excel shows them):
1. «Наставляемые», «ФИО» of Ковалёва Полина Артёмовна: the first «о» is Latin (latin_in_name);
2. «Наставники», «Согласие на наставничество» of Кузнецов Андрей Павлович, who leads pair № 2: empty
   (consent_mentoring_missing);
3. «Наставляемые», «Согласие на обработку ПДн» of Никитина Ольга Сергеевна: «31.09.<год>», a day September
   does not have (bad_date).
Besides them the checker warns about the two typo'd tags (unknown_tag, with the tag meant) and about one
roadmap event left «В работе» after its deadline (event_overdue), when `today` is past one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from mentorxl.builder.layout import (
    SET_STAFF,
    SURVEY_FREE_TEXT,
    SURVEY_QUESTIONS,
    RowData,
    SchoolData,
    roadmap_rows,
)
from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.dates import add_months
from mentorxl.core.terms import parse_term, school_year_start

SEED = 7
STAFF = 80
ORG_FULL = ("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7» "
            "города Заречного")
SETTINGS: dict[str, object] = {
    k.SET_ORG_FULL: ORG_FULL,
    k.SET_ORG_SHORT: "МБОУ «СОШ № 7»",
    k.SET_PLACE: "г. Заречный",
    k.SET_HEAD: "Воронцова Елена Николаевна",
    k.SET_HEAD_POSITION: "Директор",
    k.SET_CURATOR: "Белова Ирина Владимировна",
    k.SET_CURATOR_POSITION: "Заместитель директора по учебно-воспитательной работе",
    k.SET_CAPACITY: 3,
    SET_STAFF: STAFF,
    k.SET_ORG_ADDRESS: "624130, Свердловская область, г. Заречный, ул. Школьная, д. 7",  # issue 11: the papers
    k.SET_ORG_INN: "6639009999",
    k.SET_ORG_OGRN: "1026600000007",
    k.SET_MENTOR_PAY: "3 000 (три тысячи) рублей в месяц",
    k.SET_EDU_AUTHORITY: "Управление образования администрации городского округа Заречный",
}
DOCS_FOLDER = "Документы наставничества"  # beside the book
TEACHER_FORM = "педагог – педагог"
ORDER_NUMBER = "148-о"
LATIN_O = "o"  # U+006F, looks like the Cyrillic «о»


@dataclass(frozen=True, slots=True)
class NetworkSchool:
    """Another demo school of the district: its settings, and the mentors of `MENTORS` it does not have."""

    full_name: str
    short_name: str
    inn: str
    ogrn: str
    place: str
    address: str
    staff: int
    without: frozenset[str]  # names of the demo mentors this school has not got


NETWORK_SCHOOLS: tuple[NetworkSchool, ...] = (
    NetworkSchool("Муниципальное казённое общеобразовательное учреждение «Основная общеобразовательная школа» "
                  "села Мезенское", "МКОУ «ООШ с. Мезенское»", "6639010010", "1026600000118", "с. Мезенское",
                  "624136, Свердловская область, с. Мезенское, ул. Трактовая, д. 12", 34,
                  frozenset({"Лебедева Ольга Ивановна", "Волкова Светлана Геннадьевна",
                             "Захарова Ирина Николаевна", "Егорова Людмила Петровна"})),
    NetworkSchool("Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа» "
                  "деревни Боярка", "МКОУ «СОШ д. Боярка»", "6639010028", "1026600000129", "д. Боярка",
                  "624137, Свердловская область, д. Боярка, ул. Лесная, д. 3", 41,
                  frozenset({"Лебедева Ольга Ивановна", "Волкова Светлана Геннадьевна",
                             "Захарова Ирина Николаевна", "Григорьев Алексей Викторович"})),
    NetworkSchool("Муниципальное автономное общеобразовательное учреждение «Гимназия № 2» города Заречного",
                  "МАОУ «Гимназия № 2»", "6639010035", "1026600000130", "г. Заречный",
                  "624130, Свердловская область, г. Заречный, ул. Ленина, д. 2", 95,
                  frozenset({"Волкова Светлана Геннадьевна"})),
)
NETWORK_BY_NAME = {name: school for school in NETWORK_SCHOOLS for name in (school.full_name, school.short_name)}


@dataclass(frozen=True, slots=True)
class _Mentee:
    name: str
    position: str
    subject: str
    experience: float
    category: str
    requests: str
    form: str = TEACHER_FORM
    preferred: str = ""
    comment: str = ""


@dataclass(frozen=True, slots=True)
class _Mentor:
    name: str
    position: str
    subject: str
    experience: float
    category: str
    competences: str
    capacity: int | None = None
    trained: bool = True
    status: str = v.MENTOR_ACTIVE
    preferred: str = ""
    reward: str = ""
    comment: str = ""


YOUNG, NEW, MOVED, ATTESTATION = (v.MENTEE_CATEGORIES[0], v.MENTEE_CATEGORIES[1], v.MENTEE_CATEGORIES[2],
                                  v.MENTEE_CATEGORIES[4])
PRIMARY = "Начальные классы"

MENTEES: tuple[_Mentee, ...] = (
    _Mentee("Ершова Анастасия Игоревна", "Учитель начальных классов", PRIMARY, 0.5, YOUNG,
            "современный урок; работа с родителями; дисциплина"),
    _Mentee("Киселёва Дарья Андреевна", "Учитель начальных классов", PRIMARY, 1, YOUNG,
            "классное руководство; родительское собрание; технологическая карта"),
    _Mentee("Макарова Валерия Олеговна", "Учитель начальных классов", PRIMARY, 0, YOUNG,
            "структура урока, поведение обучающихся, электронный журнал"),
    _Mentee("Смирнов Илья Дмитриевич", "Учитель математики", "Математика", 1, YOUNG,
            "ОГЭ; олимпиадная подготовка; управление классом"),
    _Mentee("Орлова Ксения Викторовна", "Учитель русского языка и литературы", "Русский язык и литература", 2,
            YOUNG, "ОГЭ; читательская грамотность; рабочая программа"),
    _Mentee("Белоусова Алина Романовна", "Учитель английского языка", "Английский язык", 1, YOUNG,
            "ВПР; критериальное оценивание; конфликты на уроке"),
    _Mentee("Романова Екатерина Павловна", "Педагог-организатор", "", 5, NEW,
            "Разговоры о важном; традиции школы; работа с родителми",
            comment="Перешла из МБОУ «СОШ № 3»"),
    _Mentee("Зайцев Никита Сергеевич", "Учитель физической культуры", "Физическая культура", 0, YOUNG,
            "физкультминутки; внеурочка; документация", preferred="Новиков Сергей Александрович"),
    _Mentee(f"К{LATIN_O}валёва Полина Артёмовна", "Учитель истории и обществознания", "История", 0, YOUNG,
            "рабочие программы; проекты; ФОП"),
    _Mentee("Степанова Юлия Викторовна", "Учитель информатики", "Информатика", 6, NEW,
            "ФГИС Моя школа; конструктор рабочих программ; интерактивная доска",
            preferred="Лебедева Ольга Ивановна"),
    _Mentee("Фролова Мария Алексеевна", "Учитель-дефектолог", "", 4, NEW, "дети с ОВЗ; АООП; ИОМ",
            preferred="Волкова Светлана Геннадьевна"),
    _Mentee("Никитина Ольга Сергеевна", "Учитель химии", "Химия", 3, MOVED,
            "исследовательская деятельность; естественнонаучная грамотность; ЕГЭ",
            comment="До сентября — лаборант кабинета химии"),
    _Mentee("Андреев Максим Олегович", "Заместитель директора по воспитательной работе", "", 8, MOVED,
            "воспитательная работа; план воспитательной работы; отчётность", form=TEACHER_FORM,
            comment="Назначен с 1 сентября, ранее учитель истории"),
    _Mentee("Васильева Татьяна Игоревна", "Учитель биологии", "Биология", 9, ATTESTATION,
            "аттестация; портфолио педагога; обобщение опыта"),
    _Mentee("Герасимова Анна Вадимовна", "Учитель начальных классов", PRIMARY, 3, NEW,
            "обновлённые ФГОС; формирующее оценивание; родители"),
    _Mentee("Медведева Софья Андреевна", "Социальный педагог", "", 0, YOUNG,
            "взаимодействие с родителями; стрессоустойчивость; конфликт с родителями"),
    _Mentee("Лаптева Вероника Юрьевна", "Учитель музыки", "Музыка", 1, YOUNG,
            "внеурочная деятельность; конкурсы обучающихся; проэктная деятельность"),
)

MENTORS: tuple[_Mentor, ...] = (
    _Mentor("Соколова Татьяна Викторовна", "Учитель начальных классов", PRIMARY, 28, "педагог-наставник",
            "методика урока; технологическая карта; классный руководитель; работа с родителями; "
            "дисциплина на уроке; электронный журнал", capacity=3, reward="Почётная грамота"),
    _Mentor("Кузнецов Андрей Павлович", "Учитель математики", "Математика", 22, "высшая",
            "ОГЭ; ЕГЭ; олимпиады; функциональная грамотность; управление классом", capacity=2),
    _Mentor("Морозова Наталья Сергеевна", "Учитель русского языка и литературы", "Русский язык и литература",
            25, "педагог-методист", "ОГЭ; читательская грамотность; рабочие программы; аттестация",
            reward="Благодарность"),
    _Mentor("Лебедева Ольга Ивановна", "Учитель информатики", "Информатика", 15, "первая",
            "ИКТ; электронный журнал; ФГИС «Моя школа»; дистанционное обучение; интерактивная доска",
            preferred="Степанова Юлия Викторовна"),
    _Mentor("Новиков Сергей Александрович", "Учитель физической культуры", "Физическая культура", 19,
            "высшая",
            "здоровьесберегающие технологии; физкультминутки; внеурочная деятельность; школьная документация",
            capacity=1),
    _Mentor("Павлова Елена Михайловна", "Педагог-психолог", "", 17, "высшая",
            "эмоциональное выгорание; адаптация; конфликт с родителями; психологическое сопровождение; "
            "традиции школы; Разговоры о важном", reward="Благодарственное письмо"),
    _Mentor("Федорова Марина Юрьевна", "Учитель английского языка", "Английский язык", 20, "высшая",
            "формирующее оценивание; ВПР; конфликты на уроке; профессиональные конкурсы"),
    _Mentor("Волкова Светлана Геннадьевна", "Учитель-логопед", "", 24, "высшая",
            "ОВЗ; АООП; логопедия; инклюзия; индивидуальный образовательный маршрут", trained=False),
    _Mentor("Егорова Людмила Петровна", "Учитель истории и обществознания", "История", 30, "высшая",
            "рабочие программы; КТП; проекты; ФОП; аттестация педагогов; портфолио", capacity=2),
    _Mentor("Захарова Ирина Николаевна", "Учитель химии и биологии", "Химия", 18, "первая",
            "естественнонаучная грамотность; исследовательская деятельность; подготовка к экзаменам; ЕГЭ"),
    _Mentor("Григорьев Алексей Викторович", "Учитель технологии", "Технология", 12, "первая",
            "профориентация; Билет в будущее; проектная работа; воспитательная работа", capacity=1,
            trained=False),
    _Mentor("Тихонова Галина Алексеевна", "Учитель музыки", "Музыка", 27, "высшая",
            "внеурочка; конкурсы обучающихся; классный час", status=v.MENTOR_NOT_READY,
            comment="Большая нагрузка в этом году, готова со следующего учебного года"),
)

# Ages on 1 September of the school year (the «Дата рождения» is made from them, day and month fixed per person);
# young specialists by category are under 35, Романова and Герасимова (new staff) are young by age only.
AGES: dict[str, int] = {
    "Ершова Анастасия Игоревна": 23, "Киселёва Дарья Андреевна": 24, "Макарова Валерия Олеговна": 22,
    "Смирнов Илья Дмитриевич": 25, "Орлова Ксения Викторовна": 26, "Белоусова Алина Романовна": 24,
    "Романова Екатерина Павловна": 29, "Зайцев Никита Сергеевич": 22, f"К{LATIN_O}валёва Полина Артёмовна": 23,
    "Степанова Юлия Викторовна": 36, "Фролова Мария Алексеевна": 38, "Никитина Ольга Сергеевна": 41,
    "Андреев Максим Олегович": 37, "Васильева Татьяна Игоревна": 34, "Герасимова Анна Вадимовна": 27,
    "Медведева Софья Андреевна": 23, "Лаптева Вероника Юрьевна": 24,
    "Соколова Татьяна Викторовна": 51, "Кузнецов Андрей Павлович": 46, "Морозова Наталья Сергеевна": 49,
    "Лебедева Ольга Ивановна": 39, "Новиков Сергей Александрович": 43, "Павлова Елена Михайловна": 42,
    "Федорова Марина Юрьевна": 44, "Волкова Светлана Геннадьевна": 48, "Егорова Людмила Петровна": 55,
    "Захарова Ирина Николаевна": 41, "Григорьев Алексей Викторович": 36, "Тихонова Галина Алексеевна": 52,
}
# «Молодой специалист» as a куратор types it: «да» for the young specialists by category, «нет» for a teacher of
# nine years who is 34 (the age alone would count her), empty for the others (the age and «Стаж» decide).
YOUNG_SAID: dict[str, str] = {"Васильева Татьяна Игоревна": "нет"}
# Network mentoring (issue 14): mentees whose requests no free mentor of a small school covers, and mentors of
# subjects a small school lacks, with places left after the school's own pairs.
NETWORK_MENTEES = frozenset({"Степанова Юлия Викторовна", "Фролова Мария Алексеевна", "Никитина Ольга Сергеевна",
                             "Лаптева Вероника Юрьевна"})
NETWORK_MENTORS = frozenset({"Лебедева Ольга Ивановна", "Волкова Светлана Геннадьевна", "Захарова Ирина Николаевна",
                             "Егорова Людмила Петровна", "Тихонова Галина Алексеевна"})
# In the district's schools these requests are narrower: only the mentors such a school lacks answer them, so its own
# matching leaves the mentees without a mentor and the network finds one (a school of the same town first).
DISTRICT_REQUESTS: dict[str, str] = {
    "Степанова Юлия Викторовна": "ФГИС «Моя школа»; интерактивная доска; дистанционное обучение",
    "Фролова Мария Алексеевна": "дети с ОВЗ; АООП; логопедия",
}

# (№, mentor, mentees, kind, goal); the last one is a draft after matching, without an order yet.
PAIRS: tuple[tuple[int, int, tuple[int, ...], str, str], ...] = (
    (1, 0, (0, 1, 2), "групповое", "Адаптация молодых учителей начальных классов: современный урок, классное "
                                   "руководство, работа с родителями"),
    (2, 1, (3,), "традиционное", "Методика подготовки к ОГЭ по математике и управление классом"),
    (3, 2, (4,), "традиционное", "Подготовка к ОГЭ по русскому языку, рабочая программа"),
    (4, 6, (5,), "традиционное", "Оценивание и подготовка к ВПР, дисциплина на уроке"),
    (5, 5, (6,), "ситуационное", "Адаптация в коллективе и воспитательная работа"),
)
DRAFT_PAIR: tuple[int, int, tuple[int, ...], str, str] = (
    6, 4, (7,), "традиционное", "Здоровьесбережение и внеурочная деятельность")

NAME_ROW = 2  # the Excel row of the first data row
LATIN_MENTEE = next(i for i, m in enumerate(MENTEES) if LATIN_O in m.name)
BAD_DATE_MENTEE = next(i for i, m in enumerate(MENTEES) if m.name == "Никитина Ольга Сергеевна")
NO_CONSENT_MENTOR = next(i for i, m in enumerate(MENTORS) if m.name == "Кузнецов Андрей Павлович")
DEMO_PROBLEMS: list[tuple[str, int, str, str]] = [
    (k.MENTEES.name, NAME_ROW + LATIN_MENTEE, k.MENTEES.column("name").header, "latin_in_name"),
    (k.MENTORS.name, NAME_ROW + NO_CONSENT_MENTOR, k.MENTORS.column("consent_mentoring").header,
     "consent_mentoring_missing"),
    (k.MENTEES.name, NAME_ROW + BAD_DATE_MENTEE, k.MENTEES.column("consent_pd").header, "bad_date"),
]
DEMO_TAG_TYPOS: frozenset[str] = frozenset({"работа с родителми", "проэктная деятельность"})

MEETING_TOPICS = (
    "Знакомство, уточнение запросов, план работы пары",
    "Посещение урока наставляемого, анализ урока",
    "Открытый урок наставника, обсуждение приёмов",
    "Технологическая карта урока: разбор и доработка",
    "Работа с электронным журналом и отчётностью",
    "Подготовка к родительскому собранию",
    "Приёмы управления классом и мотивации обучающихся",
    "Формирующее оценивание на уроке",
    "Разбор заданий ОГЭ и ВПР",
    "Итоги месяца, корректировка плана",
)
WISHES = ("Больше посещений уроков наставника", "Чаще встречаться очно", "", "",
          "Нужна помощь с документацией", "", "Всё устраивает")


class _Clock:
    """Dates of the school year of `today`, moved back into the past when the school year puts them later."""

    def __init__(self, today: date):
        self.today = today
        self.year = school_year_start(None, today)

    def on(self, month: int, day: int, *, margin: int = 0) -> date:
        natural = date(self.year if month >= 9 else self.year + 1, month, day)
        return min(natural, self.today - timedelta(days=margin))


def born(name: str, year: int) -> date:
    """A «Дата рождения» that makes `name` `AGES[name]` years old on 1 September of `year` (day and month from
    the letters of the name: the same every time, no draw from the demo's random sequence)."""
    code = sum(ord(ch) for ch in name)
    month, day = 1 + code % 12, 1 + code % 28
    return date(year - AGES[name] - (1 if (month, day) > (9, 1) else 0), month, day)


def organisation_inn(name: str) -> str:
    """A 10-digit ИНН of a legal entity (control digit right) made from an organisation's name: `new --demo --org`
    with different names gives different organisations to the municipal summary."""
    import hashlib

    digits = "66" + str(int(hashlib.sha256(name.encode()).hexdigest(), 16) % 10**7).zfill(7)
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return digits + str(sum(int(c) * w for c, w in zip(digits, weights, strict=True)) % 11 % 10)


def _mentor_rows(clock: _Clock, rng: random.Random, without: frozenset[str] = frozenset()) -> list[RowData]:
    rows = []
    for i, m in enumerate(MENTORS):
        consent = clock.on(9, 12, margin=70) + timedelta(days=rng.randint(0, 12))
        if m.name in without:
            continue
        rows.append({
            "name": m.name, "position": m.position, "subject": m.subject, "experience": m.experience,
            "category": m.category, "competences": m.competences, "capacity": m.capacity,
            "consent_mentoring": None if i == NO_CONSENT_MENTOR else consent, "consent_pd": consent,
            "trained_on": clock.on(10, 3, margin=30) if m.trained else None, "status": m.status,
            "preferred": m.preferred, "reward": m.reward, "comment": m.comment,
            "birth_date": born(m.name, clock.year), "network_consent": consent if m.name in NETWORK_MENTORS else None,
        })
    return rows


def _mentee_rows(clock: _Clock, rng: random.Random, paired: set[int], finished: bool,
                 district: bool = False) -> list[RowData]:
    rows = []
    in_pair = v.MENTEE_DONE if finished else v.MENTEE_PAIRED
    for i, m in enumerate(MENTEES):
        consent: object = clock.on(9, 10, margin=70) + timedelta(days=rng.randint(0, 14))
        if i == BAD_DATE_MENTEE:
            consent = f"31.09.{clock.year}"
        rows.append({
            "name": m.name, "position": m.position, "subject": m.subject, "experience": m.experience,
            "category": m.category, "form": m.form, "consent_pd": consent,
            "requests": DISTRICT_REQUESTS.get(m.name, m.requests) if district else m.requests,
            "status": in_pair if i in paired else v.MENTEE_WAITING, "preferred": m.preferred,
            "comment": m.comment, "birth_date": born(m.name, clock.year),
            "young": YOUNG_SAID.get(m.name, "да" if m.category == YOUNG else ""),
            "network_consent": (consent if isinstance(consent, date) else "да") if m.name in NETWORK_MENTEES else None,
        })
    return rows


def _pair_rows(order: date, end: date, active: bool) -> list[RowData]:
    rows = []
    for number, mentor, mentees, kind, goal in (*PAIRS, DRAFT_PAIR):
        draft = number == DRAFT_PAIR[0]
        rows.append({
            "number": number, "mentor": MENTORS[mentor].name,
            "mentees": "; ".join(MENTEES[i].name for i in mentees), "form": TEACHER_FORM, "kind": kind,
            "start": None if draft else order, "end": None if draft else end, "goal": goal,
            "order_number": None if draft else ORDER_NUMBER, "order_date": None if draft else order,
            "status": v.PAIR_DRAFT if draft else (v.PAIR_ACTIVE if active else v.PAIR_FINISHED),
        })
    return rows


def _meeting_rows(order: date, end: date, today: date, rng: random.Random) -> list[RowData]:
    found: list[tuple[date, int, RowData]] = []
    last = min(today - timedelta(days=1), end)
    for number, _, _, _, _ in PAIRS:
        day = order + timedelta(days=rng.randint(3, 7))
        first = True
        while day <= last:
            topic = MEETING_TOPICS[0] if first else rng.choice(MEETING_TOPICS[1:])
            fmt = v.MEETING_FORMATS[0] if first else rng.choice(v.MEETING_FORMATS)
            found.append((day, number, {"pair": number, "date": day, "topic": topic, "format": fmt,
                                        "hours": rng.choice((1, 1, 1.5, 2)), "mark": "проведена"}))
            day += timedelta(days=rng.randint(9, 16))
            first = False
    return [row for _, _, row in sorted(found, key=lambda f: (f[0], f[1]))]


def _answers(rng: random.Random, low: int) -> dict[str, object]:
    answers: dict[str, object] = {q: rng.randint(low, 10) for q in SURVEY_QUESTIONS}
    wish = rng.choice(WISHES)
    if wish:
        answers[SURVEY_FREE_TEXT] = wish
    return answers


def _survey_rows(order: date, today: date, rng: random.Random) -> list[RowData]:
    rows: list[RowData] = []
    entry = min(order + timedelta(days=5), today - timedelta(days=1))
    middle = max(min(date(school_year_start(None, order) + 1, 1, 20), today - timedelta(days=2)), entry)
    rounds = ((v.SURVEY_ENTRY, entry, PAIRS, 4), (v.SURVEY_MIDDLE, middle, PAIRS[::2], 6))
    for kind, when, pairs, low in rounds:
        for number, mentor, mentees, _, _ in pairs:
            people = [(MENTORS[mentor].name, v.ROLE_MENTOR)]
            people += [(MENTEES[i].name, v.ROLE_MENTEE) for i in mentees]
            for name, role in people:
                if LATIN_O in name:
                    continue
                rows.append({"date": when, "respondent": name, "role": role, "pair": number, "survey": kind,
                             **_answers(rng, low + (2 if role == v.ROLE_MENTOR else 0))})
    return rows


def _roadmap(variant: str, clock: _Clock, rng: random.Random) -> list[RowData]:
    """The default roadmap, done up to `today`; one event whose deadline passed is left overdue: one about
    methodical materials when there is one, else the one whose deadline passed last (never an order: the
    pairs have theirs)."""
    rows = roadmap_rows(variant, clock.year)
    today = clock.today
    late: tuple[tuple[bool, date], dict[str, object]] | None = None
    for row in rows:
        term = parse_term(str(row["term"]), clock.year)
        if not term.understood or term.first_due is None:
            continue
        if term.recurring:
            if term.first_due < today or term.recurring in ("постоянно", "в течение года"):
                row["status"] = v.EVENT_IN_PROGRESS
            continue
        last = term.occurrences[-1]
        if last < today:
            row["status"] = v.EVENT_DONE
            row["done_on"] = min(last, today) - timedelta(days=rng.randint(0, 4))
            event = str(row["event"]).casefold()
            rank = ("методическ" in event, last)
            if "приказ" not in event and (late is None or rank > late[0]):
                late = (rank, row)
        elif term.first_due < today:
            row["status"] = v.EVENT_IN_PROGRESS
    if late is not None:
        row = late[1]
        row["status"], row["done_on"] = v.EVENT_IN_PROGRESS, None
        row["comment"] = "Перенесено, срок продлён до конца месяца"
    return rows


def demo_school(today: date, *, variant: str = "school", org: str | None = None) -> SchoolData:
    """The demo school's rows for a book built on `today` (see the module docstring)."""
    rng = random.Random(SEED)
    clock = _Clock(today)
    order = clock.on(10, 10, margin=25)
    end = date(clock.year + 1, 5, 31) if order >= date(clock.year, 9, 1) else add_months(order, 9)
    active = end >= today
    paired = {i for _, _, mentees, _, _ in PAIRS for i in mentees}
    settings: dict[str, object] = {**SETTINGS, k.SET_START: order, k.SET_DOCS_FOLDER: DOCS_FOLDER}
    network = NETWORK_BY_NAME.get(org or "")
    if network is not None:  # one of the district's schools of `make demo`
        settings.update({k.SET_ORG_FULL: network.full_name, k.SET_ORG_SHORT: network.short_name,
                         k.SET_ORG_INN: network.inn, k.SET_ORG_OGRN: network.ogrn, k.SET_PLACE: network.place,
                         k.SET_ORG_ADDRESS: network.address, SET_STAFF: network.staff})
    elif org:  # both names and an ИНН of its own: eight demo schools with eight names are eight organisations
        settings[k.SET_ORG_FULL] = settings[k.SET_ORG_SHORT] = org
        settings[k.SET_ORG_INN] = organisation_inn(org)
    return SchoolData(
        settings=settings,
        roadmap=_roadmap(variant, clock, rng),
        mentors=_mentor_rows(clock, rng, network.without if network else frozenset()),
        mentees=_mentee_rows(clock, rng, paired, not active, district=network is not None),
        pairs=_pair_rows(order, end, active),
        surveys=_survey_rows(order, today, rng),
        meetings=_meeting_rows(order, end, today, rng),
    )
