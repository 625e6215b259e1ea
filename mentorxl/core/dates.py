"""Dates as users type them: «01.09.2025», «1 сентября 2025 г.», 45901 (Excel serial), a real date."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

EXCEL_EPOCH = date(1899, 12, 30)
MIN_SERIAL, MAX_SERIAL = 1, 2958465  # 1900-01-01 .. 9999-12-31

MONTH_STEMS: tuple[tuple[str, int], ...] = (
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6),
    ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
)
MONTH_GENITIVE = (
    "", "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)

_NUMERIC = re.compile(r"^\s*(\d{1,2})[./\-](\d{1,2})[./\-](\d{2}|\d{4})\s*(?:г\.?|года)?\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*$")
_WORDS = re.compile(r"^\s*«?(\d{1,2})»?\s+([а-яё]+)\.?\s+(\d{4})\s*(?:г\.?|года)?\s*$", re.IGNORECASE)
_SERIAL_TEXT = re.compile(r"^\s*\d{5}(?:[.,]0+)?\s*$")


def month_number(word: str) -> int | None:
    """The month a Russian month word names, in any case («мая», «Май», «сентябре»); None if none."""
    w = word.casefold().replace("ё", "е").strip(". ")
    if w in ("май", "мая", "мае", "маю", "маем"):
        return 5
    for stem, number in MONTH_STEMS:
        if stem != "ма" and w.startswith(stem):
            return number
    if w.startswith("сент") or w == "сен":
        return 9
    short = {"янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
             "окт": 10, "ноя": 11, "дек": 12}
    return short.get(w[:3]) if len(w) >= 3 and w[:3] in short and len(w) <= 4 else None


def from_serial(serial: float) -> date | None:
    if not (MIN_SERIAL <= serial <= MAX_SERIAL):
        return None
    return EXCEL_EPOCH + timedelta(days=int(serial))


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(value: object) -> date | None:
    """The date a cell holds, or None when it holds no date we can read. Empty cells are None too:
    callers tell «empty» from «unreadable» by the cell itself."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return from_serial(float(value))
    text = str(value).strip()
    if m := _NUMERIC.match(text):
        return _safe(_year(m[3]), int(m[2]), int(m[1]))
    if m := _ISO.match(text):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    if m := _WORDS.match(text):
        month = month_number(m[2])
        return _safe(int(m[3]), month, int(m[1])) if month else None
    if _SERIAL_TEXT.match(text):
        return from_serial(float(text.replace(",", ".")))
    return None


def parse_number(value: object) -> float | None:
    """A number typed as a number or as text («3,5», « 12 », «7 лет»); None when unreadable."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            number = float(value)
        else:
            text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
            number = float(re.sub(r"(лет|год[аы]?|г\.?)$", "", text))
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None  # «inf», «1e309», «nan» are no numbers a user means


def russian_date(d: date) -> str:
    """«1 сентября 2025 г.» — the form documents use."""
    return f"{d.day} {MONTH_GENITIVE[d.month]} {d.year} г."


def add_months(d: date, months: int) -> date:
    """The same day `months` later (the last day of a shorter month)."""
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    for day in (d.day, 30, 29, 28):
        if result := _safe(year, month, day):
            return result
    raise ValueError(d)  # unreachable: day 28 exists in every month
