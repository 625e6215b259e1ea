"""Working days by the Russian production calendar: public holidays and the Government's transfers of days off
(a Saturday that becomes a working day, a Monday that becomes a day off), as the `holidays` package keeps them."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _calendar(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("RU", years=[year - 1, year, year + 1], language="ru")


def is_working_day(on: date) -> bool:
    """Monday to Friday unless a holiday or a transferred day off; a Saturday made a working day counts."""
    return bool(_calendar(on.year).is_working_day(on))


def working_day_from(on: date) -> date:
    """The day itself when it is a working day, else the next working day (a deadline on 4 January moves to the
    first working day after the New Year holidays)."""
    day = on
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
