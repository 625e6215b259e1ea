"""The school's roadmap in and out of Word: `import --as roadmap` and `docs --kind roadmap`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mentorxl.actions.base import Outcome
from mentorxl.book.port import WorkbookPort
from mentorxl.book.targets import ready_folder
from mentorxl.core import contract as k
from mentorxl.core import orders
from mentorxl.core.imports.roadmap import plan_roadmap_import
from mentorxl.core.problems import SEVERITY_LABEL
from mentorxl.core.roadmap_state import FIRST_DUE, due_updates
from mentorxl.core.terms import school_year_start
from mentorxl.core.text import clean
from mentorxl.errors import NothingToDo

FIELD_LABEL = {"number": "«№»", "stage": "«Этап»", "event": "«Мероприятие»", "term": "«Срок»",
               "responsible": "«Ответственный»", "result": "«Результат»"}


def import_roadmap(book: WorkbookPort, document: Path, *, overwrite: bool, today: date) -> Outcome:
    """The roadmap table of a school's Word document into «Дорожная карта» (rules in core/imports/roadmap.py)."""
    from mentorxl.documents.roadmap_reader import read_roadmap_tables

    document = Path(document)
    tables = read_roadmap_tables(document)
    data = book.read([k.SETTINGS, k.ROADMAP], required=[k.ROADMAP])
    year_start = school_year_start(data.settings.get(k.SET_YEAR), today)
    plan = plan_roadmap_import(tables, data.roadmap, source=document.name, year_start=year_start,
                               overwrite=overwrite)
    if plan.replace:
        book.replace_rows(k.ROADMAP, plan.rows)
    elif plan.rows:
        book.append_rows(k.ROADMAP, plan.rows)
    table = data.tables.get(k.ROADMAP.key)
    if plan.rows and table is not None and table.index(FIRST_DUE) is not None:  # the dates the highlight uses
        first = (table.header_row or 0) + 1 if plan.replace else \
            max((n for n, _ in table.rows), default=table.header_row or 0) + 1
        book.update_cells(k.ROADMAP, [u for i, r in enumerate(plan.rows)
                                      for u in due_updates(first + i, str(r.get("term") or ""), year_start)])
    saved = book.save() if plan.changed else None
    kept = sum(1 for e in data.roadmap if e.event)
    stages = len({r["stage"] for r in plan.rows})
    message = (f"Дорожная карта из «{document.name}» (таблица {plan.table}): загружено мероприятий — "
               f"{len(plan.rows)}, этапов — {stages}")
    if plan.items_split:
        message += f", ячеек с перечнем, разделённых на мероприятия, — {plan.items_split}"
    if plan.replace and kept:
        message += f"; прежние мероприятия ({kept}) заменены (--overwrite)"
    message += "."
    if kept and not plan.replace:
        message += (f" Прежние мероприятия книги ({kept}) сохранены; чтобы заменить дорожную карту таблицей "
                    "документа, загрузите его командой «mentorxl import КНИГА ДОКУМЕНТ --as roadmap --overwrite».")
    if not plan.rows:
        message += " Нового в документе нет."
    lines = [f"«{header}» → {FIELD_LABEL.get(field, '«Комментарий»')}" for field, header in plan.columns.items()]
    lines += [f"Пропущено: {why}" for why in plan.skipped]
    lines += [f"{SEVERITY_LABEL[p.severity]}: {p.where}: {p.message} {p.hint}" for p in plan.problems]
    return Outcome(
        message, files=[saved] if saved else [], exit_code=0 if plan.rows else 1,
        data={"added": len(plan.rows), "replaced": plan.replace, "table": plan.table, "columns": plan.columns,
              "skipped": plan.skipped, "problems": [p.as_json() for p in plan.problems],
              "events": plan.rows},
        lines=lines)


def roadmap_documents(book: WorkbookPort, *, out_dir: Path | None, today: date, number: str | None = None,
                      on: date | None = None) -> Outcome:
    """The roadmap as the document the director approves, the order approving it (the next free number, or
    `number` when free; dated `on`, else today), the curator's appointment (the number after it); both orders go
    on «Приказы». The readiness gate first (core/readiness.py)."""
    from mentorxl.actions.documents import gate, warn_of, write_documents
    from mentorxl.actions.output import output_dir, take_back
    from mentorxl.actions.register import order_number, record
    from mentorxl.documents.roadmap import curator_order, roadmap_approval_order, roadmap_document

    data = book.read([k.SETTINGS, k.ROADMAP, k.PAIRS, k.ORDERS], required=[k.ROADMAP])
    if not any(e.event for e in data.roadmap):
        raise NothingToDo("Лист «Дорожная карта» пуст: печатать нечего.",
                          "Заполните мероприятия или загрузите дорожную карту школы: "
                          "mentorxl import КНИГА ДОКУМЕНТ.docx --as roadmap.")
    ready = gate(data, "roadmap", today=today)
    book_dir = book.path.parent if book.path is not None else None
    on = on or today
    approval = order_number(data, clean(number) or None)
    docs = [roadmap_document(data, today=on, number=approval, book_dir=book_dir),
            roadmap_approval_order(data, today=on, number=approval, book_dir=book_dir)]
    issued = [(approval, orders.KIND_ROADMAP)]
    appointment = order_number(data, also=[approval])
    curator = curator_order(data, today=on, number=appointment, book_dir=book_dir)
    if curator is not None:  # «Настройки» name the curator
        docs.append(curator)
        issued.append((appointment, orders.KIND_CURATOR))
    target = output_dir(book, data, out_dir)
    made = [p for p in (target, *target.parents) if not p.exists()]
    folder = ready_folder(target)
    try:
        files = write_documents(folder, docs)
    except BaseException:  # a full disk: the folder made for the documents goes too
        take_back([], made)
        raise
    try:  # the orders' numbers go on «Приказы»; without them no order document, nor its folder, stays
        record(book, [(n, on, kind, [], file) for (n, kind), file in zip(issued, files[1:], strict=True)])
        saved = book.save()
    except BaseException:
        take_back(files, made)
        raise
    events = sum(1 for e in data.roadmap if e.event)
    message = (f"Дорожная карта ({events} мероприятий) и приказ № {approval} от {on:%d.%m.%Y} о её утверждении готовы"
               + (", а также приказ о назначении куратора" if curator is not None else
                  "; приказ о назначении куратора не сделан: в «Настройках» не указан куратор наставничества")
               + f". Папка: {folder}")
    payload: dict[str, object] = {"kind": "roadmap", "files": [str(f) for f in files],
                                  "orders": [n for n, _ in issued],
                                  "order": {"number": approval, "date": on.isoformat()}}
    lines = [f.name for f in files]
    warn_of(payload, lines, ready)
    return Outcome(message, files=[*files, *([saved] if saved else [])], data=payload, open_files=True, lines=lines)
