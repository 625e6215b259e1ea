"""The workbook contract: sheets, their tables and column headers (WORKBOOK.md).

One table drives the reader (how a column is found and typed), the builder (what a new workbook holds),
the validators (what is required) and the README (a test holds them together). Headers are what users
see; `key` is the attribute name in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a cell is read and how its column is formatted."""

    TEXT = "text"
    NAME = "name"  # a person's ФИО
    NAMES = "names"  # several ФИО in one cell
    TAGS = "tags"  # a list of request / competence tags
    DATE = "date"
    INT = "int"
    NUMBER = "number"
    CHOICE = "choice"  # a value from a list of «Справочники»


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: str | None = None  # the list of «Справочники» behind the dropdown
    width: int = 16
    note: str = ""  # a cell comment on the header in new workbooks


@dataclass(frozen=True, slots=True)
class SheetSpec:
    key: str
    name: str
    table: str  # the Excel table (ListObject) name in new workbooks: ASCII, no spaces
    columns: tuple[Column, ...]
    owned: bool = False  # rewritten by the program (Подбор, Ошибки); users' sheets are only read
    purpose: str = ""

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


# Lists of «Справочники» that feed dropdowns. Their defaults live in core/dictionary.py.
LIST_FORMS = "Формы наставничества"
LIST_KINDS = "Виды наставничества"
LIST_CATEGORIES = "Квалификационные категории"
LIST_MENTEE_CATEGORIES = "Категории наставляемых"
LIST_MENTEE_STATUS = "Статусы наставляемых"
LIST_MENTOR_STATUS = "Статусы наставников"
LIST_PAIR_STATUS = "Статусы пар"
LIST_EVENT_STATUS = "Статусы мероприятий"
LIST_DECISIONS = "Решения"
LIST_ROLES = "Роли"
LIST_SURVEYS = "Анкеты"
LIST_MEETING_FORMATS = "Форматы встреч"
LIST_REWARDS = "Поощрения"

C = Column

SETTINGS = SheetSpec(
    "settings", "Настройки", "tblSettings",
    (
        C("parameter", "Параметр", required=True, width=44),
        C("value", "Значение", required=True, width=60),
        C("note", "Пояснение", width=60),
    ),
    purpose="параметры организации и программы: руководитель, куратор, учебный год, веса подбора",
)

ROADMAP = SheetSpec(
    "roadmap", "Дорожная карта", "tblRoadmap",
    (
        C("number", "№", width=6),
        C("stage", "Этап", required=True, width=30),
        C("event", "Мероприятие", required=True, width=60),
        C("term", "Срок", required=True, width=26),
        C("responsible", "Ответственный", required=True, width=24),
        C("result", "Результат", width=40),
        C("status", "Статус", Kind.CHOICE, choices=LIST_EVENT_STATUS, width=16),
        C("done_on", "Дата выполнения", Kind.DATE, width=14),
        C("comment", "Комментарий", width=30),
    ),
    purpose="мероприятия семи этапов программы со сроками, ответственными и отметками о выполнении",
)

MENTEES = SheetSpec(
    "mentees", "Наставляемые", "tblMentees",
    (
        C("name", "ФИО", Kind.NAME, required=True, width=32),
        C("position", "Должность", width=26),
        C("subject", "Предмет", width=20),
        C("experience", "Стаж, лет", Kind.NUMBER, width=9),
        C("category", "Категория", Kind.CHOICE, choices=LIST_MENTEE_CATEGORIES, width=22,
          note="Молодой специалист, новый сотрудник, смена должности…"),
        C("requests", "Запросы", Kind.TAGS, required=True, width=44,
          note="Профессиональные запросы через «;» — теги из «Справочников»"),
        C("form", "Форма наставничества", Kind.CHOICE, choices=LIST_FORMS, width=22),
        C("consent_pd", "Согласие на обработку ПДн", Kind.DATE, required=True, width=14,
          note="Дата письменного согласия (152-ФЗ)"),
        C("status", "Статус", Kind.CHOICE, choices=LIST_MENTEE_STATUS, width=16),
        C("preferred", "Предпочитаемые наставники", Kind.NAMES, width=30,
          note="Заполняется после общей встречи наставников и наставляемых"),
        C("comment", "Комментарий", width=30),
        # issue 14 (municipality): indicators and network pairs
        C("birth_date", "Дата рождения", Kind.DATE, width=13, note="Для показателя «молодые специалисты до 35 лет»"),
        C("young", "Молодой специалист", width=12, note="«да» или «нет»; пусто — по возрасту и стажу"),
        C("network_consent", "Согласие на сетевое наставничество", width=16,
          note="Дата или «да»: можно подобрать наставника из другой организации"),
        C("consent_form_on", "Бланк согласия выдан", Kind.DATE, width=14,  # issue 11: what was issued
          note="Пишет «Согласия на ПДн»: бланк уже напечатан"),
    ),
    purpose="банк наставляемых: их профессиональные запросы и согласия",
)

MENTORS = SheetSpec(
    "mentors", "Наставники", "tblMentors",
    (
        C("name", "ФИО", Kind.NAME, required=True, width=32),
        C("position", "Должность", width=26),
        C("subject", "Предмет", width=20),
        C("experience", "Стаж, лет", Kind.NUMBER, width=9),
        C("category", "Квалификационная категория", Kind.CHOICE, choices=LIST_CATEGORIES, width=18),
        C("competences", "Компетенции", Kind.TAGS, required=True, width=44,
          note="Чем наставник может помочь, через «;» — теги из «Справочников»"),
        C("capacity", "Наставляемых, не более", Kind.INT, width=12,
          note="Пусто — значение из «Настроек»"),
        C("consent_mentoring", "Согласие на наставничество", Kind.DATE, required=True, width=14,
          note="Дата письменного согласия (ТК РФ ст. 351.8)"),
        C("consent_pd", "Согласие на обработку ПДн", Kind.DATE, required=True, width=14,
          note="Дата письменного согласия (152-ФЗ)"),
        C("trained_on", "Обучение пройдено", Kind.DATE, width=14),
        C("status", "Статус", Kind.CHOICE, choices=LIST_MENTOR_STATUS, width=12),
        C("preferred", "Предпочитаемые наставляемые", Kind.NAMES, width=30),
        C("reward", "Поощрение", Kind.CHOICE, choices=LIST_REWARDS, width=18,
          note="Благодарность, грамота, премия — для приказа о поощрении"),
        C("comment", "Комментарий", width=30),
        # issue 14 (municipality): indicators and the municipal bank of mentors
        C("birth_date", "Дата рождения", Kind.DATE, width=13),
        C("network_consent", "Согласие на сетевое наставничество", width=16,
          note="Дата или «да»: войти в муниципальный банк наставников"),
        C("consent_form_on", "Бланк согласия выдан", Kind.DATE, width=14,  # issue 11: what was issued
          note="Пишет «Согласия на ПДн»: бланк уже напечатан"),
    ),
    purpose="банк наставников: компетенции, нагрузка, согласия, обучение",
)

SUGGESTIONS = SheetSpec(
    "suggestions", "Подбор", "tblSuggestions",
    (
        # «Решение», the one column the куратор fills, right after the two names; the long explanation last
        C("mentee", "Наставляемый", Kind.NAME, width=30),
        C("mentor", "Наставник", Kind.NAME, width=30),
        C("decision", "Решение", Kind.CHOICE, choices=LIST_DECISIONS, width=14),
        C("score", "Оценка", Kind.NUMBER, width=9),
        C("matched", "Совпало", Kind.TAGS, width=30),
        C("missing", "Не покрыто", Kind.TAGS, width=26),
        C("alternatives", "Альтернативы", Kind.NAMES, width=34),
        C("mentor_org", "Организация наставника", width=30),  # issue 14: a network pair's mentor
        C("reason", "Пояснение", width=60),
    ),
    owned=True,
    purpose="предложения «Подобрать пары»; куратор ставит «Утвердить» или «Отклонить»",
)

PAIRS = SheetSpec(
    "pairs", "Пары", "tblPairs",
    (
        C("number", "№ пары", required=True, width=8),
        C("mentor", "Наставник", Kind.NAME, required=True, width=30),
        C("mentees", "Наставляемые", Kind.NAMES, required=True, width=40),
        C("form", "Форма", Kind.CHOICE, choices=LIST_FORMS, width=20),
        C("kind", "Вид", Kind.CHOICE, choices=LIST_KINDS, width=18),
        C("start", "Дата начала", Kind.DATE, width=13),
        C("end", "Дата окончания", Kind.DATE, width=13),
        C("goal", "Цель", width=40),
        C("order_number", "Номер приказа", width=12),
        C("order_date", "Дата приказа", Kind.DATE, width=13),
        C("status", "Статус", Kind.CHOICE, choices=LIST_PAIR_STATUS, width=14),
        C("end_reason", "Причина завершения", width=30, note="Заполняется при досрочном завершении пары"),
        C("mentor_org", "Организация наставника", width=30),  # issue 14: a network pair's mentor
        C("agreement_date", "Дата доп. соглашения", Kind.DATE, width=14,  # issue 11: what was issued
          note="Пишет «Доп. соглашения»: с этой парой соглашение уже составлено"),
    ),
    purpose="наставнические пары и группы; одна строка — одна пара или группа",
)

ORDERS = SheetSpec(  # issues 10 and 11: one register of the orders MentorXL issues
    "orders", "Приказы", "tblOrders",
    (
        C("number", "№ приказа", width=12),
        C("date", "Дата", Kind.DATE, width=13),
        C("kind", "Вид", width=50),
        C("pairs", "Пары", width=24, note="Номера пар, которых касается приказ"),
        C("file", "Файл", width=60),
    ),
    owned=True,
    purpose="реестр приказов, выпущенных программой: номер следующего берётся после всех номеров здесь и в «Пары»",
)

SURVEYS = SheetSpec(
    "surveys", "Анкеты", "tblSurveys",
    (
        C("date", "Дата", Kind.DATE, width=12),
        C("respondent", "Респондент", Kind.NAME, required=True, width=30),
        C("role", "Роль", Kind.CHOICE, required=True, choices=LIST_ROLES, width=14),
        C("pair", "№ пары", width=8),
        C("survey", "Анкета", Kind.CHOICE, required=True, choices=LIST_SURVEYS, width=14),
    ),
    purpose="ответы анкет (входная, промежуточная, итоговая); далее по столбцу на вопрос",
)

MEETINGS = SheetSpec(
    "meetings", "Встречи", "tblMeetings",
    (
        C("pair", "№ пары", required=True, width=8),
        C("date", "Дата", Kind.DATE, required=True, width=12),
        C("topic", "Тема", width=44),
        C("format", "Формат", Kind.CHOICE, choices=LIST_MEETING_FORMATS, width=16),
        C("hours", "Часы", Kind.NUMBER, width=8),
        C("mark", "Отметка", width=20),
    ),
    purpose="журнал встреч пар и групп",
)

TAGS = SheetSpec(
    "tags", "Справочники", "tblTags",
    (
        C("tag", "Тег", required=True, width=34),
        C("synonyms", "Синонимы", required=True, width=60),
    ),
    purpose="словарь тегов запросов и компетенций с синонимами; списки для выпадающих меню",
)

PROBLEMS = SheetSpec(
    "problems", "Ошибки", "tblProblems",
    (
        # for a reader: where, how serious, what, how to fix, the value; the code for developers last, narrow
        C("sheet", "Лист", width=16),
        C("row", "Строка", Kind.INT, width=8),
        C("column", "Столбец", width=24),
        C("severity", "Важность", width=17),
        C("message", "Проблема", width=60),
        C("hint", "Как исправить", width=60),
        C("value", "Значение", width=26),
        C("code", "Код", width=10),
    ),
    owned=True,
    purpose="итог «Проверить данные»: каждая проблема со ссылкой на ячейку",
)

PANEL_NAME = "Панель"
LISTS_HEADER_ROW_NOTE = "Списки для выпадающих меню"

SHEETS: tuple[SheetSpec, ...] = (
    SETTINGS, ROADMAP, MENTEES, MENTORS, SUGGESTIONS, PAIRS, ORDERS, SURVEYS, MEETINGS, TAGS, PROBLEMS,
)
SHEET_ORDER: tuple[str, ...] = (PANEL_NAME, *(s.name for s in SHEETS))

BY_KEY: dict[str, SheetSpec] = {s.key: s for s in SHEETS}

# «Настройки»: parameter names users see. Defaults for the ones that have them.
SET_ORG_FULL = "Полное наименование организации"
SET_ORG_SHORT = "Сокращённое наименование"
SET_PLACE = "Населённый пункт"
SET_HEAD = "Руководитель"
SET_HEAD_POSITION = "Должность руководителя"
SET_CURATOR = "Куратор наставничества"
SET_CURATOR_POSITION = "Должность куратора"
SET_YEAR = "Учебный год"
SET_CAPACITY = "Наставляемых на наставника, не более"
SET_TERM_MONTHS = "Срок наставничества, месяцев"
SET_DOCS_FOLDER = "Папка документов"
SET_START = "Дата начала наставничества"
SET_ORG_ADDRESS = "Адрес организации"  # issue 11: consents and agreements
SET_ORG_INN = "ИНН"
SET_ORG_OGRN = "ОГРН"
SET_MENTOR_PAY = "Доплата наставнику"  # required for agreements (ТК РФ ст. 351.8)
SET_EDU_AUTHORITY = "Орган управления образованием"  # the recipient the consent form names
SET_W_COVERAGE = "Вес: покрытие запросов"
SET_W_SUBJECT = "Вес: тот же предмет"
SET_W_EXPERIENCE = "Вес: опыт наставника"
SET_W_CATEGORY = "Вес: квалификационная категория"
SET_W_TRAINING = "Вес: обучение наставника"
SET_W_PREFERENCE = "Вес: взаимный выбор"
SET_STAFF = "Численность педагогов"  # shares of all teachers (report, municipal indicators)

SETTING_DEFAULTS: dict[str, str] = {
    SET_CAPACITY: "2",
    SET_TERM_MONTHS: "9",
    SET_W_COVERAGE: "50",
    SET_W_SUBJECT: "15",
    SET_W_EXPERIENCE: "10",
    SET_W_CATEGORY: "10",
    SET_W_TRAINING: "5",
    SET_W_PREFERENCE: "10",
}

SETTING_NOTES: dict[str, str] = {
    SET_ORG_FULL: "Как в уставе: для шапки приказа",
    SET_ORG_SHORT: "Например, МБОУ «СОШ № 5»",
    SET_HEAD: "ФИО руководителя: подпись приказа",
    SET_CURATOR: "ФИО куратора: контроль исполнения приказа",
    SET_YEAR: "Например, 2025/2026",
    SET_CAPACITY: "Если у наставника не указано своё число",
    SET_TERM_MONTHS: "От 3 месяцев до 1 года (Положение о системе наставничества)",
    SET_DOCS_FOLDER: "Куда сохранять приказы и программы; пусто — рядом с книгой",
    SET_START: "Пусто — дата утверждения пар",
    SET_ORG_ADDRESS: "Юридический адрес: для согласий на обработку ПДн и доп. соглашений",
    SET_ORG_INN: "10 цифр: для согласий и доп. соглашений; по нему муниципальная сводка узнаёт организацию",
    SET_ORG_OGRN: "Для согласий и доп. соглашений",
    SET_EDU_AUTHORITY: "Кому передаются данные мониторинга, например «Управление образования …»; пусто — никому",
    SET_MENTOR_PAY: "Размер и условия доплаты, например «3000 рублей» (обязательно для доп. соглашений)",
    SET_W_COVERAGE: "Веса оценки подбора, сумма любая: важна доля каждого",
}

SETTING_ORDER: tuple[str, ...] = (
    SET_ORG_FULL, SET_ORG_SHORT, SET_PLACE, SET_HEAD, SET_HEAD_POSITION, SET_CURATOR, SET_CURATOR_POSITION,
    SET_YEAR, SET_CAPACITY, SET_TERM_MONTHS, SET_START, SET_DOCS_FOLDER,
    SET_ORG_ADDRESS, SET_ORG_INN, SET_ORG_OGRN, SET_MENTOR_PAY, SET_EDU_AUTHORITY,
    SET_W_COVERAGE, SET_W_SUBJECT, SET_W_EXPERIENCE, SET_W_CATEGORY, SET_W_TRAINING, SET_W_PREFERENCE,
)
