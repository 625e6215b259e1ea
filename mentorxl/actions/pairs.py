"""«Подобрать пары» and «Утвердить пары»."""

from __future__ import annotations

from datetime import date

from mentorxl.actions.base import Outcome
from mentorxl.book.port import WorkbookPort
from mentorxl.core import contract as k
from mentorxl.core.approval import KIND_GROUP, plan_approval
from mentorxl.core.program import ProgramData
from mentorxl.core.suggestions import suggestion_rows, touched


def match_pairs(book: WorkbookPort, *, exact: bool = False) -> Outcome:
    from mentorxl.core.matching import match  # numpy: only «Подобрать пары» needs it, not «Утвердить пары»

    data = book.read()
    result = match(data, exact=True if exact else None)
    book.replace_rows(k.SUGGESTIONS, suggestion_rows(data.suggestions, result))
    saved = book.save()
    kept = sum(1 for s in data.suggestions if touched(s))
    message = f"Подбор завершён: предложено пар — {len(result.suggestions)}"
    if result.unmatched:
        message += f", без наставника — {len(result.unmatched)} (причины — на листе «Подбор»)"
    if kept:
        message += f"; ваши решения и заметки сохранены в строках: {kept}"
    message += ". Отметьте в столбце «Решение» «Утвердить» или «Отклонить», затем нажмите «Утвердить пары»."
    lines = [f"{s.score:>3}  {s.mentee} ← {s.mentor}: {s.reason}" for s in result.suggestions]
    lines += [f"  —  {u.mentee}: {u.reason}" for u in result.unmatched]
    return Outcome(message, files=[saved] if saved else [], data=result.as_json(), lines=lines)


def approve_pairs(book: WorkbookPort, *, today: date, approve_all: bool = False) -> Outcome:
    data = book.read()
    plan = plan_approval(data, today=today, approve_all=approve_all)
    if not plan.pairs:
        if plan.skipped:
            message = (f"Новых пар нет: отмеченные «Утвердить» предложения пропущены ({len(plan.skipped)}) — "
                       f"{'; '.join(plan.skipped)}.")
        else:
            message = ("Нет предложений с отметкой «Утвердить» на листе «Подбор». Отметьте нужные строки и "
                       "нажмите кнопку снова.")
        return Outcome(message, exit_code=1, data={"pairs": [], "skipped": plan.skipped}, lines=plan.skipped)
    _append_pairs(book, data, plan.pairs)
    book.update_cells(k.MENTEES, plan.mentee_updates)
    saved = book.save()
    groups = sum(1 for p in plan.pairs if p["kind"] == KIND_GROUP)
    message = f"В «Пары» добавлено: {len(plan.pairs)}"
    if groups:
        message += f" (из них групп — {groups})"
    message += ". Статус — «Утверждена»; следующий шаг — «Сформировать приказ»."
    if plan.skipped:
        message += f" Пропущено предложений: {len(plan.skipped)} — {'; '.join(plan.skipped)}."
    lines = [f"№ {p['number']}: {p['mentor']} — {'; '.join(p['mentees'])}" for p in plan.pairs]  # type: ignore[arg-type]
    lines += [f"Пропущено: {s}" for s in plan.skipped]
    return Outcome(message, files=[saved] if saved else [], data={"pairs": plan.pairs, "skipped": plan.skipped},
                   lines=lines)


def _append_pairs(book: WorkbookPort, data: ProgramData, pairs: list[dict[str, object]]) -> None:
    """Network pairs carry «Организация наставника»: a book made before the column existed gets it as a column
    of its own after the last one, so that the organisation is not lost (issue 14)."""
    table = data.tables.get(k.PAIRS.key)
    lacks = table is not None and "mentor_org" not in table.columns
    if lacks and any("mentor_org" in p for p in pairs):
        header = k.PAIRS.column("mentor_org").header
        book.append_rows(k.PAIRS, [{(header if key == "mentor_org" else key): value for key, value in p.items()}
                                   for p in pairs], own_columns=True)
    else:
        book.append_rows(k.PAIRS, pairs)
