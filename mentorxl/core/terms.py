"""«Срок» of a roadmap event, as schools type it, read into dates.

The school year runs from September to August; `year_start` is its first calendar year (2025 for 2025/2026).

Dates
- A month without a year belongs to the school year: September–December -> `year_start`, January–August ->
  `year_start + 1`. A year written beside one month of a list or a period dates its neighbours too:
  «май, август 2022 г.» -> 31.05.2022 and 31.08.2022; «декабрь, май 2024» -> 31.12.2023 and 31.05.2024.
  A school year written in the text («в течение 2025–2026 уч. года») replaces `year_start` for that term.
- A month is due at its last day; a period («сентябрь – октябрь 2025», «с 1 по 15 сентября») at the end of
  its last part; a date («01.09.2025», «до 15 марта 2026 г.», «к 1 сентября», «с 1 сентября») at that date;
  «до сентября» at 1 September. «3 неделя сентября» -> 21 September (week N ends on day 7·N, the last week
  at the month's end); «начало / середина / конец сентября» -> 10, 15 and 30 September.
- School quarters (четверти) end on 31.10, 31.12, 31.03 and 31.05; halves (полугодия) on 31.12 and 31.05.
  «Конец (учебного) года», «по итогам года», «в конце учебного года» -> 31 May; «начало учебного года» ->
  30 September. «По завершении наставнических отношений / программы» -> 31 May as well: pairs work for the
  school year, so its end is the latest the event can wait.
- A bare calendar year («2025 г.») is due on 31 December of it.

Recurrence (`recurring`, the strongest one wins in this order)
- «ежемесячно», «1 раз в месяц» -> «ежемесячно»: every month end from the first dated part (else September)
  to May.
- «ежеквартально», «1 раз в четверть», «по итогам четверти» -> «ежеквартально»: the dated part, then every
  quarter end after it inside its school year. «Сентябрь – октябрь 2025, далее – ежеквартально» -> 31.10.2025,
  31.12.2025, 31.03.2026, 31.05.2026.
- «раз в полугодие», «2 раза в год» -> «раз в полугодие»: the halves' ends after the dated part.
- «ежегодно» -> «ежегодно»: the dated parts of this school year (31 May when none).
- «в течение (учебного) года» -> «в течение года»; «постоянно», «регулярно», «систематически»,
  «еженедельно», «раз в две недели» -> «постоянно»: the dated parts, then the end of the school year (31 May).
  «В течение» a named month, quarter or half («в течение сентября», «в течение I полугодия») is that period.
- «по мере необходимости», «по запросу», «при необходимости» -> «по мере необходимости»: no date of its own;
  beside a date it is an aside («Ежегодно сентябрь (дополнительно по запросу)» is «ежегодно», 30 September).
- An outside schedule («по графику», «согласно плану», «в соответствии с дорожной картой / со сроками …»)
  is understood, has no due date and no recurrence: the program cannot know that schedule.
- Anything else («когда получится», «в течение месяца») is not understood: `understood` is False.

Overdue (`is_overdue`)
- Never when the status is «Выполнено» or «Отменено», the term is not understood or has no due date.
- One deadline: overdue when it has passed.
- A recurring term: overdue when nothing was started (status empty or «Запланировано») and the first deadline
  has passed; an ongoing activity in work is not overdue.
- Several deadlines without recurrence («Декабрь, май»): overdue when nothing was started and the first
  one has passed, or when the last one has passed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from mentorxl.core.statuses import EVENT_CLOSED, EventStatus, parse

MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY = "ежемесячно", "ежеквартально", "раз в полугодие", "ежегодно"
DURING_YEAR, ALWAYS, AS_NEEDED = "в течение года", "постоянно", "по мере необходимости"
_LAST = -1  # a day rule: the last day of the month

QUARTER_ENDS = ((10, _LAST), (12, _LAST), (3, _LAST), (5, _LAST))
HALF_ENDS = ((12, _LAST), (5, _LAST))
SCHOOL_YEAR_END = (5, _LAST)


@dataclass(frozen=True, slots=True)
class Term:
    text: str  # as typed
    understood: bool  # False when nothing could be understood
    first_due: date | None  # the end of the first (or only) period
    occurrences: tuple[date, ...]  # every deadline inside the school year, sorted
    recurring: str | None  # None or one of the Russian words above


# ---------------------------------------------------------------- the words
_MONTHS = (
    (r"январ[ьяюе]?|янв", 1), (r"феврал[ьяюе]?|февр?", 2), (r"март[аеу]?|мар", 3), (r"апрел[ьяюе]?|апр", 4),
    (r"ма[йяюе]", 5), (r"июн[ьяюе]?", 6), (r"июл[ьяюе]?", 7), (r"август[аеу]?|авг", 8),
    (r"сентябр[ьяюе]?|сент?", 9), (r"октябр[ьяюе]?|окт", 10), (r"ноябр[ьяюе]?|нояб?", 11),
    (r"декабр[ьяюе]?|дек", 12),
)
_MONTH_RES = [(re.compile(rf"(?:{pattern})(?:ем|ом)?"), number) for pattern, number in _MONTHS]
MONTH = r"(?:" + "|".join(p for p, _ in _MONTHS) + r")(?:ем|ом)?\b\.?"
YEAR = r"(?:19|20)\d\d(?!\d)(?:\s*(?:гг?\b\.?|года?\b|г\.))?"
_ORDINALS = {
    "перв": 1, "втор": 2, "трет": 3, "четв": 4, "пят": 5, "последн": 9,
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5,
}
ORD = (r"(?:[1-5]|iv|v|i{1,3}|перв\w*|втор\w*|трет\w*|четв[её]рт\w*|пят\w*|последн\w*)"
       r"(?:\s*-?\s*(?:ая|я|ой|е|й|ее))?")

_TOKENS = re.compile(
    rf"""
    (?P<iso>\b(?:19|20)\d\d-\d\d-\d\d(?!\d))
  | (?P<school>\b(?:19|20)\d\d\s*[-/]\s*(?:(?:19|20)\d\d|\d\d)(?!\d)
        (?:\s*(?:уч\w*\.?|учебн\w*)?\s*(?:гг?\b\.?|год\w*))?)
  | (?P<date>\b\d{{1,2}}[./]\d{{1,2}}(?:[./](?:\d{{4}}|\d\d))?(?!\d)(?:\s*(?:г\b\.?|года\b))?)
  | (?P<dashdate>\b\d{{1,2}}-\d{{1,2}}-(?:19|20)\d\d(?!\d))
  | (?P<week>\b(?P<w_ord>{ORD})\s+недел\w*\s+(?P<w_month>{MONTH})\s*(?P<w_year>{YEAR})?)
  | (?P<day>\b(?P<d_day>\d{{1,2}})(?:\s*(?:-|по|до)\s*(?P<d_day2>\d{{1,2}}))?\s+(?P<d_month>{MONTH})
        \s*(?P<d_year>{YEAR})?)
  | (?P<part>\b(?P<p_word>начал\w*|середин\w*|конец|конц\w*|окончани\w*)\s+(?P<p_month>{MONTH})
        \s*(?P<p_year>{YEAR})?)
  | (?P<quarter>\b(?P<q_ord>{ORD})\s+четверт\w*)
  | (?P<half>\b(?P<h_ord>{ORD})\s+полугод\w*)
  | (?P<calendarend>\b(?:конец|конц\w*|окончани\w*|итог\w*)\s+календарного\s+года\b)
  | (?P<yearend>\b(?:конец|конц\w*|окончани\w*|итог\w*|завершени\w*)\s+(?:учебного\s+)?года\b
        |\bпо\s+(?:завершени|окончани)\w*\s+(?:\w+\s+)?(?:наставни|программ|отношени)\w*)
  | (?P<yearstart>\b(?:начал\w*)\s+(?:учебного\s+)?года\b)
  | (?P<before>\b(?:до|к)\s+(?P<b_month>{MONTH})\s*(?P<b_year>{YEAR})?)
  | (?P<month>\b(?P<m_month>{MONTH})\s*(?P<m_year>{YEAR})?)
  | (?P<year>\b{YEAR})
    """,
    re.VERBOSE,
)

_FLAGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (MONTHLY, r"ежемесячн\w*|раз\w*\s+в\s+месяц|кажд\w+\s+месяц\w*|по\s+итогам\s+(?:каждого\s+)?месяца"),
        (QUARTERLY, r"ежеквартальн\w*|поквартальн\w*|раз\w*\s+в\s+(?:четверть|квартал)\b"
                    r"|кажд\w+\s+(?:четверт|квартал)\w*|по\s+итогам\s+(?:четверт|квартал)\w*"
                    r"|по\s+(?:четвертям|кварталам)"),
        (HALF_YEARLY, r"раз\w*\s+в\s+полугоди\w*|кажд\w+\s+полугоди\w*|по\s+итогам\s+полугоди\w*"
                      r"|по\s+полугодиям|(?:\b2|два)\s+раза\s+в\s+(?:учебный\s+)?год\b"),
        (YEARLY, r"ежегодн\w*|\bраз\s+в\s+(?:учебный\s+)?год\b|кажд\w+\s+(?:учебн\w+\s+)?год\w*"),
        (DURING_YEAR, rf"\bв\s+течени[еия]\b(?!\s+(?:\S+\s+)?(?:месяц|недел|дн|час|полугод|четверт|квартал|{MONTH}))"
                      r"|на\s+протяжении\s+"
                      r"|\bвесь\s+(?:учебный\s+)?год\b|\bвесь\s+период\b"),
        (ALWAYS, r"постоянн\w*|регулярн\w*|систематическ\w*|еженедельн\w*|раз\w*\s+в\s+(?:две\s+|2\s+)?недел\w*"
                 r"|ежедневн\w*"),
        (AS_NEEDED, r"по\s+мере\s+\w+|по\s+необходимост\w*|при\s+необходимост\w*|по\s+запрос\w*"
                    r"|по\s+требовани\w*|при\s+(?:поступлени|появлени|наличи)\w*"),
        ("outside", r"по\s+график\w*|согласно\s+\w+|в\s+соответствии\s+с|по\s+(?:отдельному\s+)?план\w*"
                    r"|в\s+(?:установленные\s+)?сроки|по\s+срокам"),
    )
)
_PRIORITY = (MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY, ALWAYS, DURING_YEAR, AS_NEEDED)
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u00ad\ufe58\ufe63\uff0d-]")
_RANGE_GAP = re.compile(r"\s*(?:-|по|до)\s*")


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    month: int
    day: int  # _LAST: the month's last day
    year: int | None  # as written; None: from the school year or the neighbours
    bare_year: bool = False  # «2025 г.»: the whole calendar year


def _normalize(text: str) -> str:
    s = re.sub(r"<[^>]*>", " ", text).replace("ё", "е").replace("Ё", "Е").casefold()
    s = _DASHES.sub("-", s)
    return re.sub(r"\s+", " ", s).strip()


def _month(word: str) -> int:
    word = word.rstrip(".")
    for pattern, number in _MONTH_RES:
        if pattern.fullmatch(word):
            return number
    raise ValueError(word)  # unreachable: MONTH only matches these words


def _year(text: str | None) -> int | None:
    found = re.match(r"\d{4}", text.strip()) if text else None
    return int(found[0]) if found else None


def _ordinal(text: str) -> int:
    word = re.sub(r"[\s-].*$", "", text.strip())
    if word.isdigit():
        return int(word)
    for stem, number in _ORDINALS.items():
        if word == stem or (len(stem) > 2 and word.startswith(stem)):
            return number
    return 0


def school_of(d: date) -> int:
    """The first year of the school year (September–August) that holds `d`."""
    return d.year if d.month >= 9 else d.year - 1


def _on(year: int, month: int, day: int) -> date | None:
    if not 1 <= year <= 9998:
        return None
    last = calendar.monthrange(year, month)[1]
    if day == _LAST:
        day = last
    return date(year, month, day) if 1 <= day <= last else None


def _items(s: str) -> tuple[list[_Item], int | None]:
    """The dated parts of a normalized term and the school year it names (if any)."""
    items: list[_Item] = []
    school: int | None = None
    for m in _TOKENS.finditer(s):
        kind, a, b = m.lastgroup, m.start(), m.end()
        g = m.group
        if kind == "school":
            first_text, second_text = re.findall(r"\d+", g(0))[:2]
            first, second = int(first_text), int(second_text)
            if second % 100 == (first + 1) % 100:
                school = school if school is not None else first
            elif len(second_text) == 4:  # «2022-2025»: a period of calendar years
                items += [_Item(a, a + 4, 12, _LAST, first, True), _Item(b - 4, b, 12, _LAST, second, True)]
        elif kind == "date":
            d, mo, *rest = re.findall(r"\d+", g(0))
            y = int(rest[0]) if rest else None
            y = y + 2000 if y is not None and y < 100 else y
            if 1 <= int(mo) <= 12:
                items.append(_Item(a, b, int(mo), int(d), y))
        elif kind in ("dashdate", "iso"):
            nums = [int(x) for x in re.findall(r"\d+", g(0))]
            y, mo, d = (nums[0], nums[1], nums[2]) if kind == "iso" else (nums[2], nums[1], nums[0])
            if 1 <= mo <= 12:
                items.append(_Item(a, b, mo, d, y))
        elif kind == "week":
            n = _ordinal(g("w_ord"))
            day = _LAST if n > 4 else 7 * max(n, 1)
            items.append(_Item(a, b, _month(g("w_month")), day, _year(g("w_year"))))
        elif kind == "day":
            day = int(g("d_day2") or g("d_day"))
            items.append(_Item(a, b, _month(g("d_month")), day, _year(g("d_year"))))
        elif kind == "part":
            word = g("p_word")
            day = 10 if word.startswith("начал") else 15 if word.startswith("середин") else _LAST
            items.append(_Item(a, b, _month(g("p_month")), day, _year(g("p_year"))))
        elif kind in ("quarter", "half"):
            ends = QUARTER_ENDS if kind == "quarter" else HALF_ENDS
            n = _ordinal(g("q_ord" if kind == "quarter" else "h_ord"))
            if 1 <= n <= len(ends):
                items.append(_Item(a, b, *ends[n - 1], None))
        elif kind == "calendarend":  # the December inside the school year
            items.append(_Item(a, b, 12, _LAST, None))
        elif kind == "yearend":
            items.append(_Item(a, b, *SCHOOL_YEAR_END, None))
        elif kind == "yearstart":
            items.append(_Item(a, b, 9, _LAST, None))
        elif kind == "before":
            items.append(_Item(a, b, _month(g("b_month")), 1, _year(g("b_year"))))
        elif kind == "month":
            items.append(_Item(a, b, _month(g("m_month")), _LAST, _year(g("m_year"))))
        elif kind == "year":
            last = items[-1] if items else None
            if last and last.year is None and not last.bare_year and re.fullmatch(r"[\s,]*", s[last.end:a]):
                last.year, last.end = _year(g(0)), b  # «сентябрь – октябрь, 2023 г.»
            else:
                items.append(_Item(a, b, 12, _LAST, _year(g(0)), True))
    return items, school


def _date_items(s: str, items: list[_Item], school: int) -> list[date]:
    """The due dates of the parts: a missing year comes from the neighbours or the school year; a period
    gives its end only."""
    found: list[date] = []
    for i, item in enumerate(items):
        year = item.year
        if year is None:
            after = next((x for x in items[i + 1:] if x.year is not None), None)
            before = next((x for x in reversed(items[:i]) if x.year is not None), None)
            if after is not None and after.year is not None:
                year = after.year - (1 if item.month > after.month else 0)
            elif before is not None and before.year is not None:
                year = before.year + (1 if item.month < before.month else 0)
            else:
                year = school if item.month >= 9 else school + 1
        starts_period = i + 1 < len(items) and _RANGE_GAP.fullmatch(s[item.end:items[i + 1].start])
        if not starts_period and (due := _on(year, item.month, item.day)):
            found.append(due)
    return found


def _flags(s: str) -> set[str]:
    return {name for name, pattern in _FLAGS if pattern.search(s)}


def _month_ends(start: date, last: date) -> list[date]:
    found: list[date] = []
    year, month = start.year, start.month
    while (due := _on(year, month, _LAST)) is not None and due <= last:
        found.append(due)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _school_dates(ends: tuple[tuple[int, int], ...], school: int) -> list[date]:
    return [d for month, day in ends if (d := _on(school if month >= 9 else school + 1, month, day))]


def _expand(dates: list[date], flags: set[str], school: int, whole_years: bool) -> list[date]:
    """The dated parts plus the deadlines their recurrence adds inside the school year of the first one."""
    first = min(dates) if dates else None
    school = school_of(first) if first else school
    year_end = _on(school + 1, *SCHOOL_YEAR_END)
    found = set(dates)
    if MONTHLY in flags and year_end:
        start = first or date(school, 9, 1)
        found.update(_month_ends(start, year_end if start <= year_end else date(school + 1, 8, 31)))
    for flag, ends in ((QUARTERLY, QUARTER_ENDS), (HALF_YEARLY, HALF_ENDS)):
        if flag in flags:
            found.update(d for d in _school_dates(ends, school) if first is None or d > first)
    continuous = flags & {DURING_YEAR, ALWAYS} or (YEARLY in flags and not dates)
    if continuous and year_end and not whole_years and (not dates or year_end > max(dates)):
        found.add(year_end)
    return sorted(found)


@lru_cache(maxsize=8192)
def parse_term(text: str, year_start: int) -> Term:
    """The dates and the recurrence of a «Срок» as typed; never raises (rules in the module docstring).
    Cached: a regional consolidation repeats the same few phrasings thousands of times."""
    raw = "" if text is None else str(text)
    s = _normalize(raw)
    items, school = _items(s)
    school = year_start if school is None else school
    dates = _date_items(s, items, school)
    flags = _flags(s)
    whole_years = any(item.bare_year for item in items)
    occurrences = tuple(_expand(dates, flags, school, whole_years))
    recurring = next((flag for flag in _PRIORITY if flag in flags), None)
    understood = bool(occurrences) or bool(flags)
    return Term(raw, understood, occurrences[0] if occurrences else None, occurrences, recurring)


def school_year_start(text: object, today: date) -> int:
    """The first year of «Учебный год» as typed («2025/2026», «2025–2026 уч. г.», «2025»), else the school
    year (September–August) that holds `today`."""
    found = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", "" if text is None else str(text))
    return int(found[0]) if found else school_of(today)


def next_due(term: Term, today: date) -> date | None:
    """The first deadline on or after `today`; when all have passed, the last one; None without deadlines."""
    upcoming = [d for d in term.occurrences if d >= today]
    if upcoming:
        return upcoming[0]
    return term.occurrences[-1] if term.occurrences else None


def is_overdue(term: Term, status: str | None, today: date) -> bool:
    """Whether the event missed its term (rules in the module docstring)."""
    state = parse(EventStatus, status)
    if state in EVENT_CLOSED or not term.understood or term.first_due is None:
        return False
    not_started = state in (EventStatus.NONE, EventStatus.PLANNED)
    if term.recurring is not None:
        return not_started and term.first_due < today
    if len(term.occurrences) > 1:
        return (not_started and term.first_due < today) or term.occurrences[-1] < today
    return term.first_due < today
