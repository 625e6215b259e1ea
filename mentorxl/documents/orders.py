"""The two orders: «О закреплении наставнических пар (групп)» and «О поощрении наставников»."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mentorxl.core.models import Pair
from mentorxl.core.program import ProgramData
from mentorxl.documents import context as c
from mentorxl.documents.env import load_template
from mentorxl.documents.render import template_path

PAIRS_TEMPLATE = "order_pairs.docx"
REWARD_TEMPLATE = "order_reward.docx"


@dataclass(frozen=True, slots=True)
class Rendered:
    title: str  # the file name without «.docx»
    data: bytes  # a checked .docx


def pairs_order(data: ProgramData, pairs: list[Pair], *, number: str, on: date, today: date,
                book_dir: Path | None = None) -> Rendered:
    ctx = c.order_context(data, pairs, number=number, on=on, today=today)
    template = load_template(template_path(PAIRS_TEMPLATE, book_dir), c.ORDER_KEYS)
    title = f"Приказ о закреплении наставнических пар № {number} от {on:%d.%m.%Y}"
    return Rendered(title, template.render(ctx))


def reward_order(data: ProgramData, *, today: date, book_dir: Path | None = None, number: str = "") -> Rendered:
    ctx = c.reward_context(data, today=today, number=number)
    template = load_template(template_path(REWARD_TEMPLATE, book_dir), c.REWARD_KEYS)
    title = f"Приказ о поощрении наставников{f' № {number}' if number else ''} от {today:%d.%m.%Y}"
    return Rendered(title, template.render(ctx))
