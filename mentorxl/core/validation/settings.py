"""«Настройки»: parameters the documents and the roadmap need, left empty (warnings).

A parameter may be left empty (a default applies): the loader's «required_empty» of «Значение» is replaced
by `missing_settings`, which speaks only of the parameters something needs (see `SUPERSEDED`)."""

from __future__ import annotations

from collections.abc import Iterator

from mentorxl.core import contract as k
from mentorxl.core.problems import Problem, problem
from mentorxl.core.text import header_key
from mentorxl.core.validation.context import Context

NEEDED: dict[str, str] = {
    k.SET_ORG_FULL: "шапки приказов, программ и отчёта",
    k.SET_HEAD: "подписи приказов руководителем",
    k.SET_CURATOR: "приказа (контроль исполнения) и отчёта по мониторингу",
    k.SET_YEAR: "сроков дорожной карты (от какого года считать «сентябрь», «май»)",
}


def missing_settings(ctx: Context) -> Iterator[Problem]:
    if not ctx.loaded(k.SETTINGS):
        return
    settings = ctx.data.settings
    for name, needed_for in NEEDED.items():
        if not settings.get(name, ""):
            row = settings.rows.get(header_key(name))
            yield problem("setting_missing", ctx.sheet(k.SETTINGS), row, k.SETTINGS.column("value").header,
                          name, needed_for=needed_for)


RULES = (missing_settings,)
SUPERSEDED = ((k.SETTINGS, "value"),)
