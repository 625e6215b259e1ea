"""Importing an online-form export (Yandex Forms, Google Forms) into a bank or into «Анкеты»: pure planning.

Mapping. Every export header is compared with the contract columns of the target sheet and their known
aliases («Отметка времени» / «Timestamp» / «Время создания» -> the timestamp, «Фамилия, имя, отчество»
-> ФИО, «Ваши профессиональные затруднения» -> Запросы…): first exactly (as `header_key`), then by
rapidfuzz similarity of the words and of their six-letter stems (Russian word forms), a little less for each
word the header has beyond the alias. A candidate must also fit the column's values (a name column holds
names, a role column roles…). The best pairs win, one header per column. A mapping saved in the workbook
(«Настройки», parameter «Сопоставление импорта: <kind>», JSON {header: target}) wins over the guess.
Targets: a contract column key, `timestamp`, `surname` / `first_name` / `patronymic` (put together into
ФИО), `skip`, and for surveys `question:<header on «Анкеты»>`.

Plan. People are matched by name (`person_key`: case, spaces, ё/е and Latin look-alikes ignored): a known
person gets the cells the export fills, but a filled cell keeps its value unless `overwrite`; a new person is
a new row; a name that is only similar to a known one («Иванова Марья Петровна» beside «Иванова Мария
Петровна») is reported and NOT loaded, so nobody is silently entered twice. A person who answered twice is
loaded once, from the latest answer. Free-text requests and competences become dictionary tags (the whole
fragment, then every run of its words, then a fuzzy look at the tag names); the fragments left over are
reported and kept in «Комментарий». Survey answers become one row per questionnaire; answers already in the
book (same person, questionnaire and date) are not loaded twice. A text beginning with = + - @ stays a plain
string: the workbook writers store strings as text, never as formulas.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from rapidfuzz import fuzz, process

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.contract import Column, Kind, SheetSpec
from mentorxl.core.dates import EXCEL_EPOCH, parse_date, parse_number
from mentorxl.core.models import Person
from mentorxl.core.problems import Problem, problem
from mentorxl.core.program import ProgramData
from mentorxl.core.tags import TagDictionary, tag_key
from mentorxl.core.text import clean, header_key, hidden_latin, person_key
from mentorxl.errors import ColumnMissing

MENTEES, MENTORS, SURVEY = "mentees", "mentors", "survey"
IMPORT_KINDS = (MENTEES, MENTORS, SURVEY)
SPEC_OF: dict[str, SheetSpec] = {MENTEES: k.MENTEES, MENTORS: k.MENTORS, SURVEY: k.SURVEYS}
KIND_LABEL = {MENTEES: "наставляемые", MENTORS: "наставники", SURVEY: "анкеты"}

TIMESTAMP, SURNAME, FIRST_NAME, PATRONYMIC, SKIP = "timestamp", "surname", "first_name", "patronymic", "skip"
QUESTION = "question:"
THRESHOLD = 82.0  # the least similarity a guessed header needs
NEAR_NAME = 88.0  # names at least this similar (and not equal) are near misses
EXTRA_WORD_PENALTY = 6.0
QUESTION_PENALTY = 3.0  # a question says more than its short column header
_FORMULA_LIKE = re.compile(r"\s*(?:[=@]|[+-]\s*[A-Za-z(])")

_STOP = frozenset((
    "в", "во", "и", "на", "с", "со", "к", "по", "о", "об", "от", "до", "для", "из", "за", "у", "а", "ли",
    "как", "вы", "ваш", "ваша", "ваше", "ваши", "вашем", "вашей", "вашего", "вас", "вам", "это",
    "что", "при", "или", "же", "не", "бы", "какой", "какая", "какие", "каких", "свой", "своя", "свои",
    "укажите",
))
_WORD = re.compile(r"[0-9a-zа-я]+")


def mapping_parameter(kind: str) -> str:
    """The «Настройки» parameter that remembers the mapping of one kind of import."""
    return f"Сопоставление импорта: {kind}"


# ---------------------------------------------------------------- aliases

_PERSON: dict[str, tuple[str, ...]] = {
    TIMESTAMP: ("Отметка времени", "Timestamp", "Время создания", "Время заполнения", "Дата заполнения",
                "Дата и время заполнения", "Время отправки", "Дата отправки", "Время ответа", "Submitted at"),
    "name": ("ФИО", "Фамилия Имя Отчество", "Фамилия, имя, отчество", "Ваши ФИО", "Ваше ФИО", "ФИО полностью",
             "Фамилия, имя, отчество (полностью)", "ФИО педагога", "ФИО участника", "Full name"),
    SURNAME: ("Фамилия", "Ваша фамилия"),
    FIRST_NAME: ("Имя", "Ваше имя"),
    PATRONYMIC: ("Отчество", "Ваше отчество", "Отчество (при наличии)"),
    "position": ("Должность", "Ваша должность", "Занимаемая должность",
                 "Должность по основному месту работы"),
    "subject": ("Предмет", "Преподаваемый предмет", "Какой предмет вы преподаёте", "Предметная область",
                "Преподаваемые предметы"),
    "experience": ("Стаж, лет", "Педагогический стаж", "Стаж работы", "Стаж педагогической работы",
                   "Стаж работы в должности", "Сколько лет вы работаете в школе", "Общий стаж"),
    "consent_pd": ("Согласие на обработку ПДн", "Согласие на обработку персональных данных",
                   "Я даю согласие на обработку моих персональных данных",
                   "Даю согласие на обработку персональных данных"),
    "comment": ("Комментарий", "Примечание", "Дополнительная информация", "Что ещё вы хотели бы сообщить"),
}
_MENTEE: dict[str, tuple[str, ...]] = {
    "category": ("Категория", "Категория наставляемого", "Вы являетесь", "К какой категории вы относитесь"),
    "requests": ("Запросы", "Ваши профессиональные затруднения", "Профессиональные затруднения",
                 "Профессиональные дефициты", "С какими трудностями вы сталкиваетесь",
                 "В чём вам нужна помощь наставника", "Какая помощь вам нужна",
                 "Темы, которые вы хотели бы проработать с наставником", "Профессиональные запросы"),
    "form": ("Форма наставничества", "Предпочитаемая форма наставничества"),
    "preferred": ("Предпочитаемые наставники", "Кого вы хотели бы видеть своим наставником",
                  "Желаемый наставник"),
}
_MENTOR: dict[str, tuple[str, ...]] = {
    "category": ("Квалификационная категория", "Категория", "Ваша квалификационная категория"),
    "competences": ("Компетенции", "В чём вы можете помочь коллегам", "Ваши профессиональные компетенции",
                    "Чем вы можете поделиться с молодыми педагогами", "Ваши сильные стороны",
                    "Темы, по которым вы готовы консультировать"),
    "capacity": ("Наставляемых, не более", "Сколько наставляемых вы готовы взять",
                 "Скольких наставляемых вы готовы сопровождать"),
    "consent_mentoring": ("Согласие на наставничество", "Согласие на выполнение обязанностей наставника",
                          "Готовы ли вы стать наставником"),
    "trained_on": ("Обучение пройдено", "Дата прохождения обучения", "Обучение наставников пройдено"),
    "preferred": ("Предпочитаемые наставляемые",),
}
_SURVEY: dict[str, tuple[str, ...]] = {
    TIMESTAMP: _PERSON[TIMESTAMP],
    "date": ("Дата", "Дата анкетирования"),
    "respondent": (*_PERSON["name"], "Респондент", "ФИО респондента"),
    SURNAME: _PERSON[SURNAME], FIRST_NAME: _PERSON[FIRST_NAME], PATRONYMIC: _PERSON[PATRONYMIC],
    "role": ("Роль", "Ваша роль", "Ваша роль в программе наставничества", "Вы участвуете в программе как",
             "Вы являетесь", "Участник программы"),
    "pair": ("№ пары", "Номер пары", "Номер наставнической пары", "Номер вашей пары"),
    "survey": ("Анкета", "Вид анкеты", "Этап анкетирования", "Какую анкету вы заполняете"),
    SKIP: ("Адрес электронной почты", "Электронная почта", "Email", "E-mail", "ID", "IP", "Баллы",
           "Всего баллов", "Score", "Ссылка на ответ", "Время начала", "Время окончания", "Номер ответа"),
}
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    MENTEES: {**_PERSON, **_MENTEE, SKIP: _SURVEY[SKIP]},
    MENTORS: {**_PERSON, **_MENTOR, SKIP: _SURVEY[SKIP]},
    SURVEY: _SURVEY,
}


def _words(text: str) -> list[str]:
    """The words that carry meaning: no asides in brackets, no numbers, no little words."""
    s = re.sub(r"\([^)]*\)|\[[^]]*\]", " ", str(text)).casefold().replace("ё", "е")
    return [w for w in _WORD.findall(s) if w not in _STOP and not w.isdigit()]


def similarity(header: str, alias: str, penalty: float = EXTRA_WORD_PENALTY) -> float:
    """0–100 (101 for the same header): how well an export header fits a contract header or alias."""
    if header_key(header) == header_key(alias):
        return 101.0
    a, b = _words(header), _words(alias)
    if not a or not b:
        return 0.0
    plain = fuzz.token_set_ratio(" ".join(a), " ".join(b))
    stems = fuzz.token_set_ratio(" ".join(w[:6] for w in a), " ".join(w[:6] for w in b))
    extra = max(0, len(a) - len(b))
    return max(plain, stems) - penalty * extra


# ---------------------------------------------------------------- values

_AFFIRMATIVE = re.compile(
    r"^(да\b|согласен|согласна|даю\b|я согласен|я согласна|я даю|подтверждаю|yes\b|true\b|\+|✓)",
    re.IGNORECASE)
_NEGATIVE = re.compile(r"^(нет\b|не\s|no\b|false|0$)", re.IGNORECASE)
_DMY = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_MDY = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_TIME = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?")


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_timestamp(value: object) -> datetime | None:
    """A form's timestamp: a real datetime, an Excel serial with a time, or text as the services write it
    («12.09.2025 10:15:33», «2025-09-12 10:15:33», «2025/09/12 10:15:33 AM GMT+3», «9/12/2025 10:15:33»)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, bool) or is_empty(value):
        return None
    if isinstance(value, int | float):
        if not 1 <= value <= 2958465:
            return None
        return datetime.combine(EXCEL_EPOCH, datetime.min.time()) + timedelta(days=float(value))
    text = str(value)
    day: date | None = None
    for pattern, order in ((_YMD, "ymd"), (_DMY, "dmy"), (_MDY, "mdy")):
        if m := pattern.search(text):
            a, b, c = (int(x) for x in m.groups())
            y, mo, d = {"ymd": (a, b, c), "dmy": (c, b, a), "mdy": (c, a, b)}[order]
            if order == "mdy" and mo > 12 >= d:
                mo, d = d, mo
            y = y + 2000 if y < 100 else y
            try:
                day = date(y, mo, d)
            except ValueError:
                return None
            break
    if day is None:
        parsed = parse_date(text)
        return datetime(parsed.year, parsed.month, parsed.day) if parsed else None
    hour = minute = second = 0
    if t := _TIME.search(text):
        hour, minute, second = int(t[1]), int(t[2]), int(t[3] or 0)
        if t[4]:
            hour = hour % 12 + (12 if t[4].casefold() == "pm" else 0)
    try:
        return datetime(day.year, day.month, day.day, hour, minute, second)
    except ValueError:
        return datetime(day.year, day.month, day.day)


def answer_value(value: object) -> float | str | None:
    """A survey answer: a number on the scale («8», 8.0, «8 баллов») or text as typed."""
    if is_empty(value):
        return None
    if isinstance(value, bool):
        return "Да" if value else "Нет"
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else float(value)
    text = clean(value)
    if re.fullmatch(r"\d{1,2}(?:[.,]\d+)?(?:\s*(?:балл\w*|из\s+10))?", text):
        number = parse_number(re.sub(r"[^\d.,]", "", text))
        if number is not None:
            return int(number) if number.is_integer() else number
    return text


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y")
    return clean(value)


def _role(value: object) -> str | None:
    s = header_key(value)
    if "наставляем" in s or "молодойспециалист" in s or "mentee" in s:
        return v.ROLE_MENTEE
    if "наставник" in s or "mentor" in s:
        return v.ROLE_MENTOR
    if "куратор" in s:
        return v.ROLE_CURATOR
    return None


def _survey_kind(value: object) -> str | None:
    s = header_key(value)
    for stem, kind in _SURVEY_STEMS:
        if stem in s:
            return kind
    return None


_SURVEY_STEMS = (
    ("входн", v.SURVEY_ENTRY), ("стартов", v.SURVEY_ENTRY), ("промежуточ", v.SURVEY_MIDDLE),
    ("итогов", v.SURVEY_FINAL), ("заключител", v.SURVEY_FINAL), ("финальн", v.SURVEY_FINAL),
)


def _looks_like_name(value: object) -> bool:
    words = clean(value).split(" ")
    return 1 <= len(words) <= 5 and all(re.fullmatch(r"[A-Za-zА-Яа-яЁё'’()-]+\.?", w) for w in words if w)


def _fits(target: str, values: Sequence[object]) -> bool:
    """Whether a column's values suit a target (at least half of the filled ones)."""
    filled = [x for x in values if not is_empty(x)][:50]
    if not filled:
        return True
    checks = {
        "name": _looks_like_name, "respondent": _looks_like_name, SURNAME: _looks_like_name,
        TIMESTAMP: lambda x: parse_timestamp(x) is not None,
        "role": lambda x: _role(x) is not None,
        "survey": lambda x: _survey_kind(x) is not None,
        "pair": lambda x: len(_text(x)) <= 12 and bool(re.search(r"\d", _text(x))),
    }
    check = checks.get(target)
    if check is None:
        return True
    return sum(1 for x in filled if check(x)) * 2 >= len(filled)


# ---------------------------------------------------------------- the export and the mapping


@dataclass(slots=True)
class Export:
    """An export as read from its file: headers and rows with the line number the user sees."""

    name: str  # the file's name, for messages
    headers: list[str]
    rows: list[tuple[int, list[object]]]

    def column(self, index: int) -> list[object]:
        return [cells[index] if index < len(cells) else None for _, cells in self.rows]


def unique_headers(headers: Iterable[object]) -> list[str]:
    """Headers as typed, made distinct («Комментарий», «Комментарий (2)»); empty ones named by position."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for i, raw in enumerate(headers):
        text = clean(raw) or f"Столбец {i + 1}"
        key = header_key(text)
        seen[key] = seen.get(key, 0) + 1
        out.append(text if seen[key] == 1 else f"{text} ({seen[key]})")
    return out


def _valid_target(target: str, kind: str) -> bool:
    if target.startswith(QUESTION):
        return kind == SURVEY and bool(target[len(QUESTION):].strip())
    spec = SPEC_OF[kind]
    return target in ALIASES[kind] or target in {c.key for c in spec.columns}


def map_headers(export: Export, kind: str, *, saved: Mapping[str, str] | None = None,
                questions: Sequence[str] = ()) -> dict[str, str]:
    """Export header -> target for every header (rules in the module docstring). `questions`: the question
    headers already on «Анкеты»."""
    spec = SPEC_OF[kind]
    mapping: dict[str, str] = {}
    saved_keys = {header_key(h): t for h, t in (saved or {}).items()}
    for header in export.headers:
        target = saved_keys.get(header_key(header))
        if target and _valid_target(target, kind):
            mapping[header] = target
    taken = {t for t in mapping.values() if t not in (SKIP,) and not t.startswith(QUESTION)}
    aliases: dict[str, list[str]] = {t: list(a) for t, a in ALIASES[kind].items()}
    for column in spec.columns:
        aliases.setdefault(column.key, []).insert(0, column.header)
    candidates: list[tuple[float, int, str]] = []
    for i, header in enumerate(export.headers):
        if header in mapping:
            continue
        values = export.column(i)
        for target, names in aliases.items():
            if target in taken:
                continue
            score = max(similarity(header, name) for name in names)
            if score >= THRESHOLD and _fits(target, values):
                candidates.append((score, -i, target))
    for _, neg_i, target in sorted(candidates, reverse=True):
        header = export.headers[-neg_i]
        if header in mapping or (target in taken and target != SKIP):
            continue
        mapping[header] = target
        if target != SKIP:
            taken.add(target)
    rest = [h for h in export.headers if h not in mapping]
    if kind == SURVEY:
        mapping.update(_map_questions(rest, questions, mapping))
    else:
        mapping.update(dict.fromkeys(rest, SKIP))
    return {h: mapping[h] for h in export.headers}


def _map_questions(headers: Sequence[str], questions: Sequence[str],
                   mapping: Mapping[str, str]) -> dict[str, str]:
    """Survey questions: to the question columns already on «Анкеты» when similar enough, else new ones."""
    used = {t[len(QUESTION):] for t in mapping.values() if t.startswith(QUESTION)}
    free = [q for q in questions if q not in used]
    pairs = sorted(((similarity(h, q, QUESTION_PENALTY), -i, q) for i, h in enumerate(headers)
                    for q in free), reverse=True)
    found: dict[str, str] = {}
    for score, neg_i, question in pairs:
        header = headers[-neg_i]
        if score < THRESHOLD or header in found or question in used:
            continue
        found[header] = QUESTION + question
        used.add(question)
    for header in headers:
        found.setdefault(header, QUESTION + header)
    return found


# ---------------------------------------------------------------- tags


_SHORT_OK = re.compile(r"^[A-ZА-ЯЁ]{2,}$")  # abbreviations («ИКТ», «ОВЗ») count even when short


def text_to_tags(text: object, tags: TagDictionary) -> tuple[list[str], list[str]]:
    """Dictionary tags in a free-text answer, and the fragments that gave none."""
    found: dict[str, None] = {}
    left: list[str] = []
    for fragment in re.split(r"[;,\n\r]+|\s+\d+[.)]\s+|^\d+[.)]\s+|•", _text(text)):
        fragment = clean(fragment).strip(" .-–—:")
        if not fragment:
            continue
        tags_here = _fragment_tags(fragment, tags)
        if tags_here:
            found.update(dict.fromkeys(tags_here))
        else:
            left.append(fragment)
    return list(found), left


def _fragment_tags(fragment: str, tags: TagDictionary) -> list[str]:
    whole = tags.canonical(fragment)
    if whole:
        return [whole]
    words = re.findall(r"[0-9A-Za-zА-Яа-яЁё-]+", fragment)
    used = [False] * len(words)
    hits: list[tuple[int, str]] = []
    for size in range(min(6, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            if any(used[start:start + size]):
                continue
            window = words[start:start + size]
            if size == 1 and (len(window[0]) < 4 and not _SHORT_OK.match(window[0])):
                continue
            if size == 1 and window[0].casefold() in _STOP:
                continue
            tag = tags.canonical(" ".join(window))
            if tag:
                hits.append((start, tag))
                used[start:start + size] = [True] * size
    if hits:
        return [tag for _, tag in sorted(hits)]
    names = {tag_key(t): t for t in tags.tags}
    best = process.extractOne(tag_key(fragment), list(names), scorer=fuzz.ratio, score_cutoff=85)
    return [names[best[0]]] if best else []


# ---------------------------------------------------------------- the plan


@dataclass(slots=True)
class ImportPlan:
    kind: str
    spec: SheetSpec
    mapping: dict[str, str]  # export header -> target (what was used; saved in the workbook)
    new_rows: list[dict[str, object]] = field(default_factory=list)  # column key (or question) -> value
    updates: list[tuple[int, str, object]] = field(default_factory=list)  # (Excel row, column key, value)
    problems: list[Problem] = field(default_factory=list)
    matched: int = 0  # rows about people already in the book
    skipped: int = 0  # rows not loaded
    new_questions: list[str] = field(default_factory=list)  # survey questions not yet on «Анкеты»

    @property
    def changed(self) -> bool:
        return bool(self.new_rows or self.updates)


@dataclass(slots=True)
class _Record:
    line: int
    values: dict[str, object]  # target -> raw cell
    when: datetime | None


def _records(export: Export, mapping: Mapping[str, str]) -> list[_Record]:
    index = {h: i for i, h in enumerate(export.headers)}
    records: list[_Record] = []
    for line, cells in export.rows:
        values: dict[str, object] = {}
        for header, target in mapping.items():
            i = index[header]
            cell = cells[i] if i < len(cells) else None
            if target != SKIP and not is_empty(cell):
                values[target] = cell
        if not any(not is_empty(c) for c in cells):
            continue
        if "name" not in values and "respondent" not in values:
            parts = [_text(values.get(p)) for p in (SURNAME, FIRST_NAME, PATRONYMIC)]
            if any(parts):
                values["name"] = " ".join(p for p in parts if p)
        if "respondent" in values:
            values["name"] = values.pop("respondent")
        when = parse_timestamp(values.get(TIMESTAMP)) if TIMESTAMP in values else None
        records.append(_Record(line, values, when))
    return records


class _Planner:
    def __init__(self, export: Export, kind: str, data: ProgramData, mapping: dict[str, str], *,
                 overwrite: bool, today: date):
        self.export, self.kind, self.data, self.today = export, kind, data, today
        self.overwrite = overwrite
        self.plan = ImportPlan(kind, SPEC_OF[kind], mapping)

    def report(self, code: str, line: int | None, column: str | None = None, value: object = "",
               *, sheet: str | None = None, **params: object) -> None:
        """A problem at a line of the export (or, with `sheet`, at a row of the book)."""
        self.plan.problems.append(problem(code, sheet or self.export.name, line, column, value, **params))

    def header_of(self, target: str) -> str:
        """The export header mapped to a target («name» also finds a survey's «respondent»)."""
        wanted = {target, "respondent"} if target == "name" else {target}
        return next((h for h, t in self.plan.mapping.items() if t in wanted), target)

    def latest(self, records: list[_Record]) -> list[_Record]:
        """One record per person: the latest answer; repeats are reported."""
        groups: dict[str, list[_Record]] = {}
        for r in records:
            name = _text(r.values.get("name"))
            if not name:
                self.report("import_name_empty", r.line)
                self.plan.skipped += 1
                continue
            groups.setdefault(person_key(name), []).append(r)
        chosen: list[_Record] = []
        for group in groups.values():
            best = max(group, key=lambda r: (r.when or datetime.min, r.line))
            if len(group) > 1:
                self.report("import_repeated", best.line, self.header_of("name"), best.values["name"],
                            rows=", ".join(str(r.line) for r in group), used=best.line)
                self.plan.skipped += len(group) - 1
            chosen.append(best)
        return sorted(chosen, key=lambda r: r.line)

    def check_text(self, r: _Record, target: str, value: object) -> None:
        """Reports a text Excel would take for a formula if it were typed: «=…», «@…», «+f(…)», «-cmd|…».
        (It is stored as text anyway; «- пункт списка» or «+7 900…» are not worth a warning.)"""
        if isinstance(value, str) and _FORMULA_LIKE.match(value):
            self.report("import_formula_text", r.line, self.header_of(target), value, sign=value.lstrip()[0])

    def convert(self, r: _Record, column: Column, raw: object) -> tuple[object, list[str]]:
        """The value to store, and the request fragments no tag covers. None: nothing to store."""
        header = self.header_of(column.key)
        if column.kind is Kind.DATE:
            day = parse_date(raw) if not isinstance(raw, datetime) else raw.date()
            stamp = None if isinstance(raw, int | float) else parse_timestamp(raw)
            if day is None and stamp is not None:
                day = stamp.date()
            if day is None and column.key.startswith("consent"):
                text = _text(raw)
                if _NEGATIVE.match(text):
                    return None, []
                if _AFFIRMATIVE.match(text) or "соглас" in text.casefold():
                    return (r.when.date() if r.when else self.today), []
            if day is None:
                self.report("import_bad_value", r.line, header, raw, what="дата")
            return day, []
        if column.kind in (Kind.NUMBER, Kind.INT):
            number = parse_number(raw)
            if number is None:
                self.report("import_bad_value", r.line, header, raw, what="число")
                return None, []
            return (round(number) if column.kind is Kind.INT or number.is_integer() else number), []
        if column.kind is Kind.TAGS:
            found, left = text_to_tags(raw, self.data.tags)
            for fragment in left:
                nearest = self.data.tags.nearest(fragment)
                self.report("import_tag_unknown", r.line, header, fragment,
                            nearest=f" Похожий тег: «{nearest}»." if nearest else "")
            return ("; ".join(found) if found else None), left
        text = _text(raw)
        self.check_text(r, column.key, text)
        if column.kind is Kind.CHOICE and column.choices:
            text = _choice(text, self.data.lists.get(column.choices, []))
        return text or None, []


def _choice(text: str, allowed: Sequence[str]) -> str:
    """The list's own spelling of a value when it is the same or very close; else the value as typed."""
    by_key = {header_key(a): a for a in allowed}
    if found := by_key.get(header_key(text)):
        return found
    best = process.extractOne(text.casefold(), [a.casefold() for a in allowed], scorer=fuzz.ratio,
                              score_cutoff=88)
    return allowed[best[2]] if best else text


def _same(old: object, new: object, column: Column, tags: TagDictionary) -> bool:
    if column.kind is Kind.TAGS:
        olds = old if isinstance(old, list) else [str(old)]
        return set(tags.normalize_all(olds)) == set(tags.normalize_all(str(new).split("; ")))
    if isinstance(old, float | int) and isinstance(new, float | int):
        return float(old) == float(new)
    if isinstance(old, date) or isinstance(new, date):
        return old == new
    return header_key(_text(old)) == header_key(_text(new))


def _filled(value: object) -> bool:
    return not (value is None or value == "" or value == [])


def _shown(value: object) -> str:
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return _text(value)


def _near(key: str, known: Mapping[str, Person]) -> Person | None:
    if not known:
        return None
    scorer = lambda a, b, **kw: max(fuzz.ratio(a, b, **kw), fuzz.token_sort_ratio(a, b, **kw))  # noqa: E731
    found = process.extractOne(key, list(known), scorer=scorer, score_cutoff=NEAR_NAME)
    return known[found[0]] if found else None


def _plan_people(p: _Planner, records: list[_Record]) -> None:
    spec = p.plan.spec
    bank: list[Person] = list(p.data.mentees if p.kind == MENTEES else p.data.mentors)
    known = {person_key(x.name): x for x in bank if x.name}
    columns = [c for c in spec.columns if c.key != "name"]
    for r in p.latest(records):
        name = _text(r.values["name"])
        name_header = p.header_of("name")
        p.check_text(r, "name", name)
        if letters := hidden_latin(name):
            p.report("latin_in_name", r.line, name_header, name, letters=letters)
        key = person_key(name)
        person = known.get(key)
        if person is None and (near := _near(key, known)) is not None:
            p.report("import_near_name", r.line, name_header, name, known=near.name, bank=spec.name,
                     known_row=near.row)
            p.plan.skipped += 1
            continue
        values: dict[str, object] = {}
        leftovers: list[str] = []
        for column in columns:
            if column.key in r.values:
                value, left = p.convert(r, column, r.values[column.key])
                leftovers += left
                if value is not None:
                    values[column.key] = value
        if leftovers:
            note = "Из анкеты, без тега: " + "; ".join(leftovers)
            values["comment"] = f"{values['comment']}. {note}" if values.get("comment") else note
        if person is None:
            _new_person(p, name, values)
        else:
            _update_person(p, person, values)


def _new_person(p: _Planner, name: str, values: dict[str, object]) -> None:
    row: dict[str, object] = {"name": name, **values}
    if "status" not in row:
        if p.kind == MENTEES:
            row["status"] = v.MENTEE_WAITING
        else:
            row["status"] = v.MENTOR_ACTIVE if row.get("consent_mentoring") else v.MENTOR_NOT_READY
    p.plan.new_rows.append(row)


def _update_person(p: _Planner, person: Person, values: dict[str, object]) -> None:
    p.plan.matched += 1
    spec = p.plan.spec
    for key, value in values.items():
        column = spec.column(key)
        old = getattr(person, key, None)
        if _filled(old) and _same(old, value, column, p.data.tags):
            continue
        if _filled(old) and not p.overwrite:
            if key != "comment":
                p.report("import_kept", person.row, column.header, _shown(value), sheet=spec.name,
                         person=person.name, old=_shown(old))
            continue
        p.plan.updates.append((person.row, key, value))


def _guess_survey(p: _Planner, records: list[_Record]) -> tuple[str, str]:
    """The questionnaire of an export without an «Анкета» column: from the file name, else from the month."""
    if kind := _survey_kind(p.export.name):
        return kind, f"названию файла «{p.export.name}»"
    months = [r.when.month for r in records if r.when]
    month = max(set(months), key=months.count) if months else p.today.month
    if month in (9, 10, 11):
        return v.SURVEY_ENTRY, "месяцу заполнения (сентябрь – ноябрь)"
    if month in (12, 1, 2, 3):
        return v.SURVEY_MIDDLE, "месяцу заполнения (декабрь – март)"
    return v.SURVEY_FINAL, "месяцу заполнения (апрель – август)"


def _pairs_of(data: ProgramData) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Mentee key -> pair number, mentor key -> pair numbers, over pairs in force (else all pairs)."""
    mentees: dict[str, str] = {}
    mentors: dict[str, list[str]] = {}
    for pair in sorted(data.pairs, key=lambda x: x.in_force):
        for name in pair.mentees:
            mentees[person_key(name)] = pair.number
        mentors.setdefault(person_key(pair.mentor), [])
        if pair.in_force:
            mentors[person_key(pair.mentor)].append(pair.number)
    return mentees, mentors


def _plan_survey(p: _Planner, records: list[_Record]) -> None:
    data = p.data
    mentees = {person_key(x.name): x for x in data.mentees if x.name}
    mentors = {person_key(x.name): x for x in data.mentors if x.name}
    curator = person_key(data.settings.get(k.SET_CURATOR))
    mentee_pair, mentor_pairs = _pairs_of(data)
    have = {(person_key(s.respondent), header_key(s.survey), s.date) for s in data.surveys}
    guessed: tuple[str, str] | None = None
    if "survey" not in p.plan.mapping.values():
        guessed = _guess_survey(p, records)
        p.report("import_survey_guessed", None, None, "", survey=guessed[0], why=guessed[1])
    known_questions = set(_questions(data))
    for target in p.plan.mapping.values():
        question = target[len(QUESTION):]
        if target.startswith(QUESTION) and question not in known_questions | set(p.plan.new_questions):
            p.plan.new_questions.append(question)
    name_header = p.header_of("name")
    for r in records:
        name = _text(r.values.get("name"))
        if not name:
            p.report("import_name_empty", r.line)
            p.plan.skipped += 1
            continue
        key = person_key(name)
        person = mentors.get(key) or mentees.get(key)
        if person is not None:
            name = person.name
        elif key != curator:
            near = _near(key, {**mentees, **mentors})
            p.report("import_unknown_respondent", r.line, name_header, name,
                     nearest=f" Похоже на «{near.name}»." if near else "")
        role = _role(r.values["role"]) if "role" in r.values else None
        role = role or (v.ROLE_MENTOR if key in mentors else v.ROLE_MENTEE if key in mentees
                        else v.ROLE_CURATOR if key == curator else None)
        if role is None:
            p.report("import_role_unknown", r.line, p.header_of("role"), name)
        survey = (_survey_kind(r.values["survey"]) if "survey" in r.values else None) or \
            (guessed[0] if guessed else _text(r.values.get("survey")))
        day = _survey_date(r)
        if (key, header_key(survey), day) in have:
            p.plan.skipped += 1
            continue
        have.add((key, header_key(survey), day))
        pair = _text(r.values.get("pair")) or mentee_pair.get(key, "") or \
            (mentor_pairs[key][0] if len(mentor_pairs.get(key, [])) == 1 else "")
        row: dict[str, object] = {"date": day, "respondent": name, "role": role, "pair": pair or None,
                                  "survey": survey}  # None: the cell stays empty, not an empty string
        for target, raw in r.values.items():
            if target.startswith(QUESTION) and (answer := answer_value(raw)) is not None:
                p.check_text(r, target, answer)
                row[target[len(QUESTION):]] = answer
        p.plan.new_rows.append(row)
        p.plan.matched += person is not None


def _survey_date(r: _Record) -> date | None:
    if "date" in r.values:
        day = parse_date(r.values["date"])
        if day is None and (stamp := parse_timestamp(r.values["date"])):
            day = stamp.date()
        if day is not None:
            return day
    return r.when.date() if r.when else None


def _questions(data: ProgramData) -> list[str]:
    table = data.tables.get(k.SURVEYS.key)
    if table is not None and table.found:
        return list(table.extra)
    return list(dict.fromkeys(q for s in data.surveys for q in s.answers))


def plan_import(export: Export, kind: str, data: ProgramData, *, overwrite: bool = False,
                saved: Mapping[str, str] | None = None, today: date | None = None) -> ImportPlan:
    """What importing `export` as `kind` would change in the book (rules in the module docstring).
    Raises ColumnMissing when no column of the export holds the name."""
    if kind not in IMPORT_KINDS:
        raise ValueError(kind)
    mapping = map_headers(export, kind, saved=saved, questions=_questions(data))
    targets = set(mapping.values())
    name_target = "respondent" if kind == SURVEY else "name"
    if name_target not in targets and not {SURNAME, FIRST_NAME} <= targets:
        raise ColumnMissing(
            f"В выгрузке «{export.name}» не найден столбец с ФИО.",
            "Назовите столбец «ФИО» (или «Фамилия», «Имя», «Отчество») и загрузите снова, либо укажите его в "
            f"«Настройках», параметр «{mapping_parameter(kind)}».")
    planner = _Planner(export, kind, data, mapping, overwrite=overwrite, today=today or date.today())
    ignored = ALIASES[kind].get(SKIP, ())
    for header, target in mapping.items():
        if target == SKIP and not any(similarity(header, a) >= THRESHOLD for a in ignored):
            planner.report("import_unmapped_column", None, header, header, target=SPEC_OF[kind].name,
                           param=mapping_parameter(kind))
    records = _records(export, mapping)
    if kind == SURVEY:
        _plan_survey(planner, records)
    else:
        _plan_people(planner, records)
    return planner.plan
