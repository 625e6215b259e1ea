"""Word documents at scale: the order for 500 pairs and the personal programs for 200 pairs.

Goals on a 2-core machine: the order under 0.5 s, its readiness gate (every rule of the checker over the
school, core/readiness.py) under 0.5 s, the 200 programs under 4 s (the template parsed once,
both cores used). Times are the whole document path: the contexts (declension included), rendering,
the check of every XML part; writing files is left out (the disk is not ours to measure).
Prints a Markdown table; exits 1 when a goal is missed. Run: .venv/bin/python benchmarks/documents.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from mentorxl.core.program import ProgramData

SURNAMES = ("Иванов", "Петров", "Смирнов", "Кузнецов", "Соколов", "Попов", "Лебедев", "Козлов",
            "Новиков", "Морозов", "Волков", "Алексеев", "Егоров", "Павлов", "Семёнов", "Голубев",
            "Виноградов", "Богданов")
MALE = ("Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Игорь", "Михаил", "Николай")
FEMALE = ("Анна", "Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана")
FATHERS = ("Иванов", "Петров", "Сергеев", "Николаев", "Андреев", "Михайлов", "Алексеев", "Викторов")
POSITIONS = ("учитель математики", "учитель русского языка и литературы", "учитель начальных классов",
             "учитель английского языка", "педагог-психолог", "учитель физики", "учитель истории")
REQUESTS = ("ИКТ; урок", "родители; дисциплина", "ФГОС; оценивание", "ОГЭ; проекты", "аттестация",
            "классный руководитель; выгорание", "функциональная грамотность; ОВЗ")


def name(i: int) -> str:
    surname = SURNAMES[i % len(SURNAMES)]
    father = FATHERS[(i // 3) % len(FATHERS)]
    if i % 2:
        return f"{surname}а {FEMALE[(i // 2) % len(FEMALE)]} {father}на"
    return f"{surname} {MALE[(i // 2) % len(MALE)]} {father}ич"


def school(pairs: int) -> ProgramData:
    """ProgramData of a school with `pairs` approved pairs (every tenth a group of two)."""
    from mentorxl.book.fake import FakeBook
    from tests.builders import mentee, mentor, minimal_book

    mentors: list[dict[str, object]] = []
    mentees: list[dict[str, object]] = []
    rows: list[dict[str, object]] = []
    m = 0
    for i in range(pairs):
        who = name(10_000 + i)
        mentors.append(mentor(who, position=POSITIONS[i % len(POSITIONS)]))
        names = []
        for _ in range(2 if i % 10 == 0 else 1):
            position = POSITIONS[m % len(POSITIONS)]
            mentees.append(mentee(name(m), REQUESTS[m % len(REQUESTS)], position=position))
            names.append(name(m))
            m += 1
        rows.append({"number": str(i + 1), "mentor": who, "mentees": "; ".join(names),
                     "form": "педагог – педагог", "kind": "групповое" if len(names) > 1 else "традиционное",
                     "start": "01.09.2025", "end": "31.05.2026", "status": "Утверждена"})
    return FakeBook(minimal_book(mentees=mentees, mentors=mentors, pairs=rows)).read()


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(first run, median of the next `repeat` runs) in seconds."""
    start = time.perf_counter()
    run()
    first = time.perf_counter() - start
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return first, statistics.median(times)


def main() -> int:
    from mentorxl.documents import orders, programs

    today = date(2025, 9, 1)
    big = school(500)
    order_first, order = timed(lambda: orders.pairs_order(big, big.pairs, number="12", on=today, today=today),
                               repeat=5)
    two_hundred = school(200)
    seq_first, seq = timed(lambda: programs.programs(two_hundred, today=today, parallel=False), repeat=3)
    par_first, par = timed(lambda: programs.programs(two_hundred, today=today), repeat=3)
    from mentorxl.core.readiness import readiness

    gate_first, gate = timed(lambda: readiness(big, "order", today=today), repeat=5)
    print("| документы | время, с | первый вызов (с разбором шаблона), с | цель, с |")
    print("|---|---:|---:|---:|")
    print(f"| приказ на 500 пар | {order:.3f} | {order_first:.3f} | 0,5 |")
    print(f"| 200 программ, два процесса | {par:.3f} | {par_first:.3f} | 4 |")
    print(f"| 200 программ, один процесс | {seq:.3f} | {seq_first:.3f} | — |")
    print(f"| проверка готовности приказа на 500 пар | {gate:.3f} | {gate_first:.3f} | 0,5 |")
    print()
    print("Время — медиана повторных вызовов: контексты (со склонением), заполнение шаблона, проверка каждой "
          "XML-части; без записи на диск.")
    ok = order_first < 0.5 and par_first < 4 and gate_first < 0.5
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
