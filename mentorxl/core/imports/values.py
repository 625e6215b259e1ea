"""Values of an export cell: empty, timestamps, survey answers, roles, questionnaires, names."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from rapidfuzz import fuzz, process

from mentorxl.core import vocabulary as v
from mentorxl.core.dates import EXCEL_EPOCH, parse_date, parse_number
from mentorxl.core.tags import TagDictionary, tag_key
from mentorxl.core.text import clean, header_key

# ---------------------------------------------------------------- values
_STOP = frozenset((
    "в", "во", "и", "на", "с", "со", "к", "по", "о", "об", "от", "до", "для", "из", "за", "у", "а", "ли",
    "как", "вы", "ваш", "ваша", "ваше", "ваши", "вашем", "вашей", "вашего", "вас", "вам", "это",
    "что", "при", "или", "же", "не", "бы", "какой", "какая", "какие", "каких", "свой", "своя", "свои",
    "укажите",
))


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
