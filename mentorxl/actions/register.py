"""The register of orders «Приказы»: the number an order takes and the row it leaves (rule: core/orders.py)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from mentorxl.book.port import WorkbookPort
from mentorxl.core import contract as k
from mentorxl.core import orders
from mentorxl.core.program import ProgramData
from mentorxl.core.text import clean
from mentorxl.errors import MentorXLError


def order_number(data: ProgramData, number: str | None = None, *, also: Iterable[str] = ()) -> str:
    """`number` when it is free, else the next free one over «Пары» and «Приказы» (and `also`, the numbers this
    run has already taken). A number already issued stops the command (exit 2) naming the next free one."""
    taken = list(also)
    if not clean(number):
        return orders.next_free(data.pairs, data.orders, also=taken)
    number = clean(number)
    if orders.number_taken(number, data.pairs, data.orders) or \
            orders.order_key(number) in {orders.order_key(n) for n in taken}:
        raise MentorXLError(
            f"Приказ № {number} уже выдан (лист «{k.ORDERS.name}» или «Номер приказа» на листе «{k.PAIRS.name}»): "
            "один номер не выдаётся дважды.",
            "Укажите другой номер или не указывайте его: программа возьмёт следующий свободный "
            f"(№ {orders.next_free(data.pairs, data.orders, also=taken)}).")
    return number


def record(book: WorkbookPort, issued: Iterable[tuple[str, date, str, Iterable[str], Path | None]]) -> None:
    """Rows of «Приказы» for the orders issued (number, date, kind, pair numbers, file); the sheet is added to
    a book that has none. Saved with the rest of the action's write."""
    rows = [orders.register_row(number, on, kind, pairs, file.name if file is not None else "")
            for number, on, kind, pairs, file in issued]
    if rows:
        book.append_rows(k.ORDERS, rows)
