"""«Настройки»: parameters by name, typed, with their defaults and the problems of their values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from mentorxl.core import contract as k
from mentorxl.core.dates import parse_date, parse_number
from mentorxl.core.models import Setting
from mentorxl.core.problems import Problem, problem
from mentorxl.core.text import header_key


@dataclass(frozen=True, slots=True)
class Weights:
    coverage: float = 50
    subject: float = 15
    experience: float = 10
    category: float = 10
    training: float = 5
    preference: float = 10


@dataclass(slots=True)
class Settings:
    values: dict[str, str] = field(default_factory=dict)  # header_key(parameter) -> value as typed
    rows: dict[str, int] = field(default_factory=dict)  # header_key(parameter) -> Excel row
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def from_rows(cls, rows: Iterable[Setting]) -> Settings:
        settings = cls()
        for r in rows:
            if r.parameter:
                settings.values[header_key(r.parameter)] = r.value
                settings.rows[header_key(r.parameter)] = r.row
        settings._check()
        return settings

    def get(self, name: str, default: str | None = None) -> str:
        value = self.values.get(header_key(name), "")
        if value:
            return value
        return default if default is not None else k.SETTING_DEFAULTS.get(name, "")

    def _number(self, name: str, low: float, high: float, *, whole: bool = True) -> float:
        raw = self.get(name)
        default = float(k.SETTING_DEFAULTS.get(name, "0") or 0)
        value = parse_number(raw)
        if value is None or not (low <= value <= high) or (whole and not float(value).is_integer()):
            return default
        return value

    def _check(self) -> None:
        limits = {k.SET_CAPACITY: (1, 50, True), k.SET_TERM_MONTHS: (1, 36, True)}
        for name in (k.SET_W_COVERAGE, k.SET_W_SUBJECT, k.SET_W_EXPERIENCE, k.SET_W_CATEGORY,
                     k.SET_W_TRAINING, k.SET_W_PREFERENCE):
            limits[name] = (0, 1000, False)
        for name, (low, high, whole) in limits.items():
            raw = self.values.get(header_key(name), "")
            if not raw:
                continue
            value = parse_number(raw)
            if value is None or not (low <= value <= high) or (whole and not value.is_integer()):
                kind = "целое число" if whole else "число"
                self.problems.append(problem(
                    "setting_bad", k.SETTINGS.name, self.rows.get(header_key(name)), "Значение", raw,
                    param=name, why=f"нужно {kind} от {low} до {high}",
                    fix=f"Впишите {kind} от {low} до {high} или оставьте пусто "
                        f"(по умолчанию {k.SETTING_DEFAULTS.get(name, '—')}).",
                ))
        start = self.values.get(header_key(k.SET_START), "")
        if start and parse_date(start) is None:
            self.problems.append(problem("bad_date", k.SETTINGS.name, self.rows.get(header_key(k.SET_START)),
                                         "Значение", start))

    @property
    def capacity(self) -> int:
        return int(self._number(k.SET_CAPACITY, 1, 50))

    @property
    def term_months(self) -> int:
        return int(self._number(k.SET_TERM_MONTHS, 1, 36))

    @property
    def start_date(self) -> date | None:
        return parse_date(self.get(k.SET_START)) if self.get(k.SET_START) else None

    @property
    def weights(self) -> Weights:
        return Weights(
            coverage=self._number(k.SET_W_COVERAGE, 0, 1000, whole=False),
            subject=self._number(k.SET_W_SUBJECT, 0, 1000, whole=False),
            experience=self._number(k.SET_W_EXPERIENCE, 0, 1000, whole=False),
            category=self._number(k.SET_W_CATEGORY, 0, 1000, whole=False),
            training=self._number(k.SET_W_TRAINING, 0, 1000, whole=False),
            preference=self._number(k.SET_W_PREFERENCE, 0, 1000, whole=False),
        )
