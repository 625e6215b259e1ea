"""«Завершить пары» (`mentorxl complete`): pairs completed or ended early, replacements, the order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from mentorxl.actions.base import Outcome
from mentorxl.actions.register import order_number, record
from mentorxl.book.port import WorkbookPort
from mentorxl.book.targets import ready_folder
from mentorxl.core import contract as k
from mentorxl.core import orders
from mentorxl.core.completion import plan_completion
from mentorxl.core.text import clean
from mentorxl.errors import ColumnMissing


def parse_numbers(text: str | None) -> list[str] | None:
    """«3, 5;7» -> ["3", "5", "7"]; None when nothing is named."""
    if not text:
        return None
    import re

    numbers = [clean(n).lstrip("№").strip() for n in re.split(r"[,;\s]+", text)]
    return [n for n in numbers if n] or None


def complete_pairs(book: WorkbookPort, *, on: date | None, numbers: Sequence[str] | None, reason: str | None,
                   out_dir: Path | None, today: date) -> Outcome:
    """Complete the pairs whose term ended (or those named; with a reason: end them early and find each mentee
    a new mentor), write «Пары» and «Наставляемые», and make the order on it (rules in core/completion.py)."""
    from mentorxl.actions.documents import gate, warn_of, write_documents
    from mentorxl.actions.output import output_dir, take_back
    from mentorxl.documents.roadmap import change_order, completion_order

    on = on or today
    data = book.read(required=[k.PAIRS, k.MENTEES])
    plan = plan_completion(data, on=on, numbers=numbers, reason=reason)
    pairs_table = data.tables.get(k.PAIRS.key)
    if plan.ended and pairs_table is not None and "end_reason" not in pairs_table.columns:
        raise ColumnMissing(
            f"На листе «{pairs_table.sheet}» нет столбца «Причина завершения»: причину некуда записать.",
            "Добавьте справа от таблицы столбец с заголовком «Причина завершения» и повторите. Книга не изменена.")
    # the readiness gate before anything is written: the orders print the organisation, the head and these pairs
    ready = [gate(data, kind, today=today, pairs=pairs) for kind, pairs in
             (("completion", plan.finished), ("change", [p for p, _ in plan.ended])) if pairs]
    docs = []
    finished_number = order_number(data) if plan.finished else ""  # one rule: actions/register.py
    change_number = order_number(data, also=[finished_number] if finished_number else []) if plan.ended else ""
    for row in plan.new_pairs:
        row.update(order_number=change_number, order_date=on)
    book_dir = book.path.parent if book.path is not None else None
    issued: list[tuple[str, date, str, list[str]]] = []
    if plan.finished:
        docs.append(completion_order(data, plan.finished, on=on, today=today, number=finished_number,
                                     book_dir=book_dir))
        issued.append((finished_number, on, orders.KIND_COMPLETION, [p.number for p in plan.finished]))
    if plan.ended:
        replaced = [{"number": r.number, "mentee": r.mentee, "mentor": r.mentor, "start": on,
                     "end": next((p["end"] for p in plan.new_pairs if p["number"] == r.number), None)}
                    for r in plan.replacements if r.mentor]
        docs.append(change_order(data, plan.ended, replaced, on=on, today=today, number=change_number,
                                 book_dir=book_dir))
        issued.append((change_number, on, orders.KIND_CHANGE,
                       [p.number for p, _ in plan.ended] + [str(p["number"]) for p in plan.new_pairs]))
    target = output_dir(book, data, out_dir)
    made = [p for p in (target, *target.parents) if not p.exists()]
    folder = ready_folder(target)
    try:  # the orders first; taken back when the book cannot take their numbers
        files = write_documents(folder, docs)
    except BaseException:  # a full disk: the folder made for the orders goes too
        take_back([], made)
        raise
    try:
        book.update_cells(k.PAIRS, plan.pair_updates)
        if plan.mentee_updates:
            book.update_cells(k.MENTEES, plan.mentee_updates)
        if plan.new_pairs:
            book.append_rows(k.PAIRS, plan.new_pairs)
        record(book, [(*entry, file) for entry, file in zip(issued, files, strict=True)])
        saved = book.save()
    except BaseException:  # the numbers could not be written: no order document, nor its folder, is left
        take_back(files, made)
        raise
    parts = []
    if plan.finished:
        parts.append(f"завершено пар и групп — {len(plan.finished)}")
    if plan.ended:
        parts.append(f"расторгнуто досрочно — {len(plan.ended)}, новых пар — {len(plan.new_pairs)}")
    freed = sum(plan.freed.values())
    message = f"Завершение пар на {on:%d.%m.%Y}: " + ", ".join(parts) + f"; у наставников освободилось мест — {freed}."
    if plan.missing_final:
        message += f" Нет итоговой анкеты у {len(plan.missing_final)} участников — см. список ниже."
    lines = [f"№ {p.number}: {p.mentor} — {'; '.join(p.mentees)} → «Завершена»" for p in plan.finished]
    lines += [f"№ {p.number}: {p.mentor} — {'; '.join(p.mentees)} → «Расторгнута» ({why})" for p, why in plan.ended]
    for r in plan.replacements:
        if r.mentor:
            lines.append(f"{r.mentee}: новый наставник {r.mentor}, пара № {r.number} (приказ № {change_number}). "
                         f"{r.why}")
        else:
            lines.append(f"{r.mentee}: замена не найдена ({r.why}); статус «Ожидает пары» — подберите "
                         "наставника кнопкой «Подобрать пары».")
    lines += [f"Напоминание: пара № {number} — у «{name}» нет итоговой анкеты." for number, name in plan.missing_final]
    lines += plan.notes
    payload: dict[str, object] = {}
    for each in ready:
        warn_of(payload, lines, each)
    return Outcome(
        message, files=[*files, *([saved] if saved else [])], open_files=True, lines=lines,
        data={**payload, "date": on.isoformat(), "finished": [p.number for p in plan.finished],
              "completed": [{"pair": p.number, "mentor": p.mentor, "mentees": list(p.mentees)}
                            for p in plan.finished],
              "ended": [{"pair": p.number, "reason": why} for p, why in plan.ended],
              "replacements": [{"mentee": r.mentee, "old_pair": r.old_pair, "mentor": r.mentor, "pair": r.number}
                               for r in plan.replacements],
              "freed": plan.freed,
              "missing_final_surveys": [{"pair": n, "person": who} for n, who in plan.missing_final],
              "book": str(saved) if saved else None, "files": [str(f) for f in files]})
