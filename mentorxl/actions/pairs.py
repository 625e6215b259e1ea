"""«Подобрать пары» and «Утвердить пары»."""

from __future__ import annotations

from datetime import date

from mentorxl.actions.base import Outcome
from mentorxl.book.port import WorkbookPort
from mentorxl.core import contract as k
from mentorxl.core.approval import KIND_GROUP, plan_approval


def match_pairs(book: WorkbookPort, *, exact: bool = False) -> Outcome:
    from mentorxl.core.matching import match  # numpy: only «Подобрать пары» needs it, not «Утвердить пары»

    data = book.read()
    result = match(data, exact=True if exact else None)
    rows: list[dict[str, object]] = [
        {"mentee": s.mentee, "mentor": s.mentor, "score": s.score, "matched": s.matched, "missing": s.missing,
         "alternatives": s.alternatives, "reason": s.reason, "decision": s.decision}
        for s in result.suggestions
    ]
    rows += [{"mentee": u.mentee, "mentor": "", "reason": u.reason} for u in result.unmatched]
    book.replace_rows(k.SUGGESTIONS, rows)
    saved = book.save()
    message = f"Подбор завершён: предложено пар — {len(result.suggestions)}"
    if result.unmatched:
        message += f", без наставника — {len(result.unmatched)} (причины — на листе «Подбор»)"
    message += ". Отметьте в столбце «Решение» «Утвердить» или «Отклонить», затем нажмите «Утвердить пары»."
    lines = [f"{s.score:>3}  {s.mentee} ← {s.mentor}: {s.reason}" for s in result.suggestions]
    lines += [f"  —  {u.mentee}: {u.reason}" for u in result.unmatched]
    return Outcome(message, files=[saved] if saved else [], data=result.as_json(), lines=lines)


def approve_pairs(book: WorkbookPort, *, today: date, approve_all: bool = False) -> Outcome:
    data = book.read()
    plan = plan_approval(data, today=today, approve_all=approve_all)
    if not plan.pairs:
        reason = "; ".join(plan.skipped) if plan.skipped else ""
        message = ("Нет предложений с отметкой «Утвердить» на листе «Подбор». Отметьте нужные строки и "
                   "нажмите кнопку снова." + (f" Пропущено: {reason}." if reason else ""))
        return Outcome(message, exit_code=1, data={"pairs": [], "skipped": plan.skipped}, lines=plan.skipped)
    book.append_rows(k.PAIRS, plan.pairs)
    book.update_cells(k.MENTEES, plan.mentee_updates)
    saved = book.save()
    groups = sum(1 for p in plan.pairs if p["kind"] == KIND_GROUP)
    message = f"В «Пары» добавлено: {len(plan.pairs)}"
    if groups:
        message += f" (из них групп — {groups})"
    message += ". Статус — «Утверждена»; следующий шаг — «Сформировать приказ»."
    lines = [f"№ {p['number']}: {p['mentor']} — {'; '.join(p['mentees'])}" for p in plan.pairs]  # type: ignore[arg-type]
    lines += [f"Пропущено: {s}" for s in plan.skipped]
    return Outcome(message, files=[saved] if saved else [], data={"pairs": plan.pairs, "skipped": plan.skipped},
                   lines=lines)
