"""Which pairs an order «О закреплении наставнических пар (групп)» takes, and the number it gets.

One book holds one organisation's school year, so «Номер приказа» of «Пары» is the register of the orders
issued: a new order takes the number after the largest one there, and a number already in it is never issued
again. An order takes the pairs «Утверждена» with no order yet; a row repeating a pair that is already in an
order (same mentor, same mentees) is not ordered again — `check` reports it as `pair_repeated`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from mentorxl.core.models import Pair
from mentorxl.core.statuses import PairStatus
from mentorxl.core.text import clean, header_key


def order_key(number: str) -> str:
    """An order number as compared: «№ 149-о», «149-О» and «149 -о» are the same order."""
    return header_key(clean(number)).lstrip("№").replace("–", "-").replace("—", "-")


def pairs_to_order(pairs: Sequence[Pair]) -> list[Pair]:
    """Pairs «Утверждена» with mentor and mentees and no order number, except a row that repeats a pair already
    ordered (the same mentor and the same mentees, in force with an order number): that pair is in an order."""
    ordered = {(p.mentor_key, key) for p in pairs if p.in_force and clean(p.order_number) for key in p.mentee_keys}
    return [p for p in pairs
            if p.state is PairStatus.APPROVED and not clean(p.order_number) and p.mentor and p.mentees
            and not all((p.mentor_key, key) in ordered for key in p.mentee_keys)]


def orders_of(pairs: Iterable[Pair]) -> list[str]:
    """The order numbers already written in «Пары», each once, as typed."""
    seen: dict[str, str] = {}
    for pair in pairs:
        if number := clean(pair.order_number):
            seen.setdefault(order_key(number), number)
    return list(seen.values())


def next_order_number(numbers: Iterable[str]) -> str:
    """The number after the largest one typed, in the same pattern («12» → «13», «45-н» → «46-н»)."""
    best: tuple[int, str, str] | None = None
    for number in numbers:
        m = re.match(r"^(\D*?)(\d+)(.*)$", clean(number))
        if m and (best is None or int(m[2]) > best[0]):
            best = (int(m[2]), m[1], m[3])
    if best is None:
        return "1"
    return f"{best[1]}{best[0] + 1}{best[2]}"


def number_taken(number: str, pairs: Iterable[Pair]) -> bool:
    """The order number is already in «Пары»: issuing it again would give two orders one number."""
    return order_key(number) in {order_key(n) for n in orders_of(pairs)}
