"""The roadmap as the director approves it, the order approving it and the order appointing the куратор;
the orders on completing pairs and on changing their mentors."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from mentorxl.core.models import Pair
from mentorxl.core.program import ProgramData
from mentorxl.core.text import clean, header_key
from mentorxl.documents import context as c
from mentorxl.documents.env import load_template
from mentorxl.documents.orders import Rendered
from mentorxl.documents.render import template_path

ROADMAP_TEMPLATE = "roadmap.docx"
ROADMAP_ORDER_TEMPLATE = "order_roadmap.docx"
CURATOR_TEMPLATE = "order_curator.docx"
COMPLETION_TEMPLATE = "order_completion.docx"
CHANGE_TEMPLATE = "order_pairs_change.docx"

ROADMAP_KEYS = c.BASE_KEYS | {"order", "rows", "events", "participants"}
COMPLETION_KEYS = c.BASE_KEYS | {"order", "pairs", "participants"}
CHANGE_KEYS = c.BASE_KEYS | {"order", "ended", "replaced", "participants"}


def roadmap_rows(data: ProgramData) -> list[dict[str, Any]]:
    """The activities in the sheet's order; a stage's cells merge down over its consecutive activities."""
    rows: list[dict[str, Any]] = []
    stages: list[str] = []
    previous: str | None = None
    for e in data.roadmap:
        if not e.event:
            continue
        stage = clean(e.stage)
        first = previous is None or header_key(stage) != header_key(previous)
        if first:
            stages.append(stage)
        previous = stage
        rows.append({"stage_number": f"{len(stages)}." if first else "", "stage": stage if first else "",
                     "merge": "restart" if first else "continue", "event": e.event, "term": e.term,
                     "responsible": e.responsible, "result": e.result})
    return rows


def _order(on: date, number: str = "") -> dict[str, Any]:
    return {"date": on, "number": number}


def _people(ctx: dict[str, Any], *more: str) -> list[str]:
    names = [ctx["curator"]["name"], *more]
    return list(dict.fromkeys(n for n in names if n))


def roadmap_document(data: ProgramData, *, today: date, number: str = "", book_dir: Path | None = None) -> Rendered:
    """`today`: the date of the approving order, `number` its number (printed in its approval stamp)."""
    ctx = c.base(data, today, "дорожную карту")
    rows = roadmap_rows(data)
    ctx.update(order=_order(today, number), rows=rows, events=len(rows), participants=_people(ctx))
    template = load_template(template_path(ROADMAP_TEMPLATE, book_dir), ROADMAP_KEYS)
    year = f" на {ctx['year'].replace('/', '–')} учебный год" if ctx["year"] else ""
    return Rendered(f"Дорожная карта наставничества{year}", template.render(ctx))


def roadmap_approval_order(data: ProgramData, *, today: date, number: str = "",
                           book_dir: Path | None = None) -> Rendered:
    ctx = c.base(data, today, "приказ об утверждении дорожной карты")
    rows = roadmap_rows(data)
    ctx.update(order=_order(today, number), rows=rows, events=len(rows), participants=_people(ctx))
    template = load_template(template_path(ROADMAP_ORDER_TEMPLATE, book_dir), ROADMAP_KEYS)
    shown = f" № {number}" if number else ""
    return Rendered(f"Приказ об утверждении дорожной карты{shown} от {today:%d.%m.%Y}", template.render(ctx))


def curator_order(data: ProgramData, *, today: date, number: str = "",
                  book_dir: Path | None = None) -> Rendered | None:
    """None when «Настройки» name no curator."""
    ctx = c.base(data, today, "приказ о назначении куратора")
    if not ctx["curator"]["name"]:
        return None
    ctx.update(order=_order(today, number), rows=[], events=0, participants=_people(ctx))
    template = load_template(template_path(CURATOR_TEMPLATE, book_dir), ROADMAP_KEYS)
    shown = f" № {number}" if number else ""
    return Rendered(f"Приказ о назначении куратора наставничества{shown} от {today:%d.%m.%Y}", template.render(ctx))


def _pair(p: Pair) -> dict[str, Any]:
    return {"number": p.number, "mentor": p.mentor, "mentees": list(p.mentees), "start": p.start, "end": p.end,
            "order_number": clean(p.order_number), "order_date": p.order_date}


def completion_order(data: ProgramData, pairs: Sequence[Pair], *, on: date, today: date, number: str = "",
                     book_dir: Path | None = None) -> Rendered:
    """«Об итогах реализации персонализированных программ наставничества» for the completed pairs."""
    ctx = c.base(data, today, "приказ об итогах наставничества")
    people = [n for p in pairs for n in (p.mentor, *p.mentees)]
    ctx.update(order=_order(on, number), pairs=[{**_pair(p), "end": p.end or on} for p in pairs],
               participants=_people(ctx, *people))
    template = load_template(template_path(COMPLETION_TEMPLATE, book_dir), COMPLETION_KEYS)
    shown = f" № {number}" if number else ""
    return Rendered(f"Приказ об итогах реализации программ наставничества{shown} от {on:%d.%m.%Y}",
                    template.render(ctx))


def change_order(data: ProgramData, ended: Sequence[tuple[Pair, str]], replaced: Sequence[dict[str, Any]], *,
                 on: date, today: date, number: str = "", book_dir: Path | None = None) -> Rendered:
    """«О внесении изменений в состав наставнических пар (групп)»: pairs ended early and the new mentors;
    `replaced`: {number, mentee, mentor, start, end}."""
    ctx = c.base(data, today, "приказ об изменении состава пар")
    people = [n for p, _ in ended for n in (p.mentor, *p.mentees)] + [r["mentor"] for r in replaced]
    ctx.update(order=_order(on, number), ended=[{**_pair(p), "reason": reason} for p, reason in ended],
               replaced=list(replaced), participants=_people(ctx, *people))
    template = load_template(template_path(CHANGE_TEMPLATE, book_dir), CHANGE_KEYS)
    shown = f" № {number}" if number else ""
    return Rendered(f"Приказ о внесении изменений в состав наставнических пар{shown} от {on:%d.%m.%Y}",
                    template.render(ctx))


def with_years_moved(document: Path, years: int) -> bytes:
    """A copy of a Word document with every year of its text moved forward by `years` (core/new_year.py:
    «август – сентябрь 2025» -> «август – сентябрь 2026»); the layout, merges and the rest of the text as they
    were. The demo's sample roadmap of a school meets the demo's own school year this way."""
    import io

    from docx import Document
    from docx.oxml.ns import qn

    from mentorxl.core.new_year import next_years

    doc = Document(str(document))
    for node in doc.element.body.iter(qn("w:t")):  # each text node once, merged cells included
        text = node.text or ""
        for _ in range(max(years, 0)):
            text = next_years(text)
        node.text = text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
