"""Working days by the Russian production calendar: public holidays and the Government's transfers of days off
(a Saturday that becomes a working day, a Monday that becomes a day off), as the `holidays` package keeps them."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

RUSSIA_MODULE = "mentorxl_holidays_russia"  # the name Russia's calendar module is loaded under (`_russia`)


@lru_cache(maxsize=1)
def _russia() -> type[HolidayBase]:
    """Russia's calendar of the `holidays` package. The package's own way to it, `country_holidays("RU")`,
    first imports its module of every country of the world (0,1 s: more than all the rest of an order's work);
    Russia's module needs none of the others, so it is loaded by itself from its file in the package. Should that
    ever fail (a later version of the package laid out otherwise), the package's own way is taken."""
    import importlib.util
    from pathlib import Path

    import holidays

    try:
        spec = importlib.util.spec_from_file_location(
            RUSSIA_MODULE, Path(holidays.__file__).parent / "countries" / "russia.py")
        if spec is None or spec.loader is None:
            raise ImportError(RUSSIA_MODULE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        russia: type[HolidayBase] = module.Russia
        return russia
    except (ImportError, OSError, AttributeError, SyntaxError):
        return type(holidays.country_holidays("RU", years=[]))


@lru_cache(maxsize=16)
def _calendar(year: int) -> HolidayBase:
    return _russia()(years=[year - 1, year, year + 1], language="ru")


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
