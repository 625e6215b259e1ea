"""Export headers and the contract columns: known aliases, similarity, the guessed mapping."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from mentorxl.core import contract as k
from mentorxl.core.contract import SheetSpec
from mentorxl.core.imports.values import _STOP, _looks_like_name, _role, _survey_kind, _text, is_empty, parse_timestamp
from mentorxl.core.text import clean, header_key

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
