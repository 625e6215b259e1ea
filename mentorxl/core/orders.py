"""Which pairs an order «О закреплении наставнических пар (групп)» takes, and the number every order gets.

One book holds one organisation's school year. The orders issued are on the sheet «Приказы» (every order
MentorXL makes: on pairs, reward, changes, results, the roadmap, the curator) and in «Номер приказа» of «Пары»
(orders typed by hand, books older than «Приказы»). A new order takes the number after the largest one in
both, in the same pattern («150-о» → «151-о»), and a number already in either is never issued again. An order
takes the pairs «Утверждена» with no order yet; a row repeating a pair that is already in an order (same
mentor, same mentees) is not ordered again — `check` reports it as `pair_repeated`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from mentorxl.core.models import OrderRecord, Pair
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


# «Вид» of «Приказы»: the orders MentorXL issues
KIND_PAIRS = "О закреплении наставнических пар (групп)"
KIND_REWARD = "О поощрении наставников"
KIND_CHANGE = "О внесении изменений в состав наставнических пар (групп)"
KIND_COMPLETION = "Об итогах реализации персонализированных программ наставничества"
KIND_ROADMAP = "Об утверждении дорожной карты наставничества"
KIND_CURATOR = "О назначении куратора наставничества"


def issued(pairs: Iterable[Pair], records: Iterable[OrderRecord] = ()) -> list[str]:
    """Every order number the book records, each once: «Приказы» first, then «Номер приказа» of «Пары»."""
    seen: dict[str, str] = {}
    for number in [*(r.number for r in records), *orders_of(pairs)]:
        if number := clean(number):
            seen.setdefault(order_key(number), number)
    return list(seen.values())


def next_free(pairs: Iterable[Pair], records: Iterable[OrderRecord] = (), *, also: Iterable[str] = ()) -> str:
    """The next free order number over «Пары» and «Приказы» (and `also`: numbers taken in the same run)."""
    return next_order_number([*issued(pairs, records), *also])


def number_taken(number: str, pairs: Iterable[Pair], records: Iterable[OrderRecord] = ()) -> bool:
    """The order number is already in «Пары» or «Приказы»: issuing it again would give two orders one number."""
    return order_key(number) in {order_key(n) for n in issued(pairs, records)}


def register_row(number: str, on: date, kind: str, pairs: Iterable[str] = (), file: str = "") -> dict[str, object]:
    """The row of «Приказы» an issued order leaves: number, date, kind, the pairs («1, 2, 5»), the file."""
    return {"number": number, "date": on, "kind": kind, "pairs": ", ".join(p for p in pairs if p), "file": file}
