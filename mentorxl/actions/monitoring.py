"""The rest of the program's year: «Импорт анкет», «Обновить дорожную карту», the analytic report and the
municipal summary."""

from __future__ import annotations

import json
from datetime import date
from functools import partial
from pathlib import Path

from mentorxl.actions.base import Outcome
from mentorxl.actions.base import today as current_day
from mentorxl.book.files import next_free, write_atomically
from mentorxl.book.port import CellMark, WorkbookPort
from mentorxl.core import contract as k
from mentorxl.core.imports import (
    FIRST_NAME,
    IMPORT_KINDS,
    KIND_LABEL,
    PATRONYMIC,
    QUESTION,
    SKIP,
    SPEC_OF,
    SURNAME,
    SURVEY,
    TIMESTAMP,
    ImportPlan,
    mapping_parameter,
    plan_import,
)
from mentorxl.core.problems import SEVERITY_LABEL, Problem
from mentorxl.core.program import ProgramData
from mentorxl.core.roadmap_state import roadmap_states
from mentorxl.core.statuses import EventStatus
from mentorxl.core.terms import school_year_start
from mentorxl.core.text import header_key
from mentorxl.errors import MentorXLError

MAPPING_NOTE = "Запомнено при импорте выгрузки: заголовок выгрузки → столбец листа; можно исправить"
_SPECIAL_TARGETS = {
    TIMESTAMP: "отметка времени (дата ответа)", SURNAME: "фамилия (часть ФИО)", FIRST_NAME: "имя (часть ФИО)",
    PATRONYMIC: "отчество (часть ФИО)", SKIP: "не загружается",
}


# ---------------------------------------------------------------- import


def _saved_mapping(raw: str) -> dict[str, str]:
    try:
        value = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(h): str(t) for h, t in value.items() if isinstance(t, str)}


def _target_label(kind: str, target: str) -> str:
    if target.startswith(QUESTION):
        return f"вопрос «{target[len(QUESTION):]}»"
    if target in _SPECIAL_TARGETS:
        return _SPECIAL_TARGETS[target]
    try:
        return f"«{SPEC_OF[kind].column(target).header}»"
    except KeyError:
        return target


def _remember(book: WorkbookPort, kind: str, mapping: dict[str, str], settings_row: int | None,
              saved: dict[str, str]) -> bool:
    if saved == mapping:
        return False
    value = json.dumps(mapping, ensure_ascii=False)
    if settings_row:
        book.update_cells(k.SETTINGS, [(settings_row, "value", value)])
    else:
        row = {"parameter": mapping_parameter(kind), "value": value, "note": MAPPING_NOTE}
        book.append_rows(k.SETTINGS, [row])
    return True


def _import_message(plan: ImportPlan, source: str) -> str:
    people = {row for row, _, _ in plan.updates}
    what = "анкет" if plan.kind == "survey" else "человек"
    parts = [f"добавлено {what} — {len(plan.new_rows)}"]
    if plan.kind != "survey":
        parts.append(f"дополнено ячеек — {len(plan.updates)} (у {len(people)} чел.)")
    if plan.skipped:
        parts.append(f"не загружено строк — {plan.skipped}")
    if plan.new_questions:
        parts.append(f"новых вопросов — {len(plan.new_questions)}")
    message = f"Импорт «{source}» ({KIND_LABEL[plan.kind]}): " + ", ".join(parts) + "."
    if not plan.changed:
        message += " Нового в выгрузке нет."
    if plan.problems:
        message += f" Замечаний: {len(plan.problems)} — см. список ниже."
    return message


def _where(found: Problem, export_name: str) -> str:
    """Where a problem is: a row of the book's sheet, or a line of the export file."""
    if found.sheet == export_name:
        return "файл " + found.where.removeprefix("лист ")
    return found.where


def import_export(book: WorkbookPort, export: Path, *, as_: str, overwrite: bool = False) -> Outcome:
    """Load an online-form export into «Наставляемые», «Наставники» or «Анкеты» (see core/imports.py);
    the mapping used is remembered on «Настройки»."""
    from mentorxl.book.exports import read_export

    if as_ not in IMPORT_KINDS:
        raise MentorXLError(f"Неизвестный вид импорта «{as_}».",
                            f"Укажите один из: {', '.join(IMPORT_KINDS)}.")
    table = read_export(Path(export))
    spec = SPEC_OF[as_]
    data = book.read(required=[k.SETTINGS, spec])
    parameter = mapping_parameter(as_)
    saved = _saved_mapping(data.settings.get(parameter))
    plan = plan_import(table, as_, data, overwrite=overwrite, saved=saved, today=current_day())
    if plan.new_rows:
        book.append_rows(spec, plan.new_rows, own_columns=as_ == SURVEY)
    if plan.updates:
        book.update_cells(spec, plan.updates)
    remembered = _remember(book, as_, plan.mapping, data.settings.rows.get(header_key(parameter)), saved)
    saved_to = book.save() if plan.changed or remembered else None
    lines = [f"«{header}» → {_target_label(as_, target)}" for header, target in plan.mapping.items()]
    lines += [f"{SEVERITY_LABEL[p.severity]}: {_where(p, table.name)}: {p.message} {p.hint}" for p in plan.problems]
    loaded_nothing = bool(table.rows) and not plan.changed and plan.skipped >= len(table.rows)
    return Outcome(
        _import_message(plan, table.name),
        files=[saved_to] if saved_to else [],
        exit_code=1 if loaded_nothing and plan.problems else 0,
        data={"mapping": plan.mapping, "added": len(plan.new_rows), "updated": len(plan.updates),
              "matched": plan.matched, "skipped": plan.skipped, "new_questions": plan.new_questions,
              "problems": [p.as_json() for p in plan.problems]},
        lines=lines,
    )


# ---------------------------------------------------------------- roadmap


def roadmap_status(book: WorkbookPort, *, today: date) -> Outcome:
    """Every roadmap event with its due date and overdue flag; overdue terms are marked on the sheet."""
    data = book.read([k.SETTINGS, k.ROADMAP], required=[k.ROADMAP])
    sheet = data.sheet_names.get(k.ROADMAP.key, k.ROADMAP.name)
    term_header = k.ROADMAP.column("term").header
    events: list[dict[str, object]] = []
    marks: list[CellMark] = []
    lines: list[str] = []
    done = 0
    for state in roadmap_states(data, today):
        event, due, overdue = state.event, state.due, state.overdue
        done += state.event.state is EventStatus.DONE
        events.append({"row": event.row, "stage": event.stage, "event": event.event, "term": event.term,
                       "due": due.isoformat() if due else None, "status": event.status, "overdue": overdue})
        if overdue:
            when = f" (срок — {due:%d.%m.%Y})" if due else ""
            marks.append(CellMark(sheet, event.row, term_header, f"Просрочено{when}: отметьте выполнение или "
                                  "перенесите срок."))
            lines.append(f"Строка {event.row}: {event.event} — «{event.term}»{when}")
        elif not state.understood:
            marks.append(CellMark(sheet, event.row, term_header, "Срок не удалось понять: напишите его "
                                  "как «до 15 марта 2026 г.», «сентябрь – октябрь», «ежеквартально».",
                                  error=False))
    book.mark_cells(marks)
    book.save()
    overdue_count = sum(1 for e in events if e["overdue"])
    message = (f"Дорожная карта: мероприятий — {len(events)}, выполнено — {done}, "
               f"просрочено — {overdue_count}.")
    if overdue_count:
        message += " Просроченные сроки выделены на листе «Дорожная карта»."
    return Outcome(message, data={"events": events}, lines=lines)


# ---------------------------------------------------------------- the report


def monitoring_report(book: WorkbookPort, *, out_dir: Path | None, today: date) -> Outcome:
    """The аналитическая справка (Word) and the «Мониторинг» sheet with charts (its own .xlsx)."""
    from mentorxl.actions.output import output_dir, take_back
    from mentorxl.book.monitoring_sheet import write_monitoring_book
    from mentorxl.core.monitoring import monitor
    from mentorxl.documents.render import docx_filename
    from mentorxl.documents.report import render_report, report_title

    data = book.read()
    m = monitor(data, today)
    folder = output_dir(book, data, out_dir)
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    report = next_free(folder / docx_filename(report_title(m)))
    from mentorxl.core.indicators import indicators  # issue 14

    found = indicators(data, today)
    previous = _previous_year_book(book.path, data, today)
    if previous is not None:  # retention across years: last year's book lies beside this one
        from mentorxl.core.retention import retention_across, year_people

        found.across = [retention_across(year_people(previous, today), year_people(data, today))]
    sheet_path = next_free(folder / f"Мониторинг наставничества на {today:%d.%m.%Y}.xlsx")
    try:
        write_atomically(report, partial(Path.write_bytes, data=render_report(m, found)))
        sheet = write_monitoring_book(sheet_path, m)
    except BaseException:  # a full disk: neither half of the report, nor the folder made for it, is left
        take_back([report, sheet_path], made)
        raise
    message = (f"Аналитическая справка готова: «{report.name}»; таблицы и диаграммы — в «{sheet.name}». "
               f"Выводов: {len(m.conclusions)}.")
    to_do = ["Что сделать куратору (в справку не входит):", *(f"• {step}" for step in m.to_do)] if m.to_do else []
    return Outcome(message, files=[report, sheet], data={**m.as_json(), "files": [str(report), str(sheet)]},
                   open_files=True, lines=[*m.conclusions, *to_do])


MAX_NEIGHBOURS = 30  # workbooks beside the book read to find last year's one: a click stays quick


def _previous_year_book(path: Path | None, data: ProgramData, today: date) -> ProgramData | None:
    """The organisation's book of the school year before, among the workbooks in the book's own folder (where
    `new-year` writes the new book beside the archive); None when there is none or the folder is crowded."""
    from mentorxl.book.files import WORKBOOK_SUFFIXES
    from mentorxl.book.reader import read_program
    from mentorxl.core.retention import is_previous_year

    if path is None or not path.parent.is_dir():
        return None
    try:
        here = path.resolve()
        neighbours = sorted(p for p in path.parent.iterdir() if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES
                            and not p.name.startswith(("~$", ".~lock", ".")) and p.resolve() != here)
    except OSError:
        return None
    if len(neighbours) > MAX_NEIGHBOURS:
        return None
    for neighbour in neighbours:
        try:
            candidate = read_program(neighbour)
        except Exception:  # any other file beside the book is not last year's book: the report goes on
            continue
        if is_previous_year(candidate, data, today):
            return candidate
    return None


# ---------------------------------------------------------------- the municipal summary


def consolidate(folder: Path, *, out: Path, today: date, year: str | None = None) -> Outcome:
    """One summary of many organisations' workbooks (no personal data); unreadable files are listed; each
    organisation counted once, books of another school year apart (issue 14)."""
    from mentorxl.book.consolidate import FAILURES_SHEET, consolidate_files, organisations_books, write_summary
    from mentorxl.book.indicators_sheet import DUPLICATES_SHEET, INDICATORS_SHEET, OTHER_YEAR_SHEET
    from mentorxl.core.consolidation import row_json
    from mentorxl.core.indicators import total

    folder, out = Path(folder), Path(out)
    files = organisations_books(folder, out, result="Сводка")
    counted_year = school_year_start(year, today) if year else None
    result = consolidate_files(files, today, root=folder, year=counted_year)
    write_summary(out, result, today=today)
    message = (f"Сводка готова: «{out.name}», организаций — {len(result.rows)} "
               f"(показатели — на листе «{INDICATORS_SHEET}»)")
    if result.failures:
        message += f", файлов не прочитано — {len(result.failures)} (причины — на листе «{FAILURES_SHEET}»)"
    if result.duplicates:
        message += (f", повторов и копий не учтено — {len(result.duplicates)} (лист «{DUPLICATES_SHEET}»)")
    if result.other_year:
        message += (f", книг другого учебного года — {len(result.other_year)} (лист «{OTHER_YEAR_SHEET}», "
                    "в итоги не входят)")
    whole = total([r.indicators for r in result.rows if r.indicators])
    return Outcome(
        message + ".",
        files=[out],
        exit_code=0 if result.rows else 1,
        data={"schools": [row_json(r) for r in result.rows], "total": row_json(result.total),
              "failures": [{"file": f.file, "reason": f.reason} for f in result.failures], "file": str(out),
              "year": result.year, "indicators": whole.as_json(),
              "duplicates": [{"organisation": d.row.organisation, "file": d.row.file, "kept": d.kept.file}
                             for d in result.duplicates],
              "other_year": [{"organisation": r.organisation, "year": r.year, "file": r.file}
                             for r in result.other_year]},
        lines=[f"Не прочитан «{f.file}»: {f.reason}" for f in result.failures]
        + [f"{d.row.organisation}: «{d.row.file}» не учтён — учтена "
           + ("более новая книга" if d.kept.modified > d.row.modified else "та же книга, сохранённая тогда же (копия),")
           + f" «{d.kept.file}»." for d in result.duplicates]
        + [f"{r.organisation}: «{r.file}» — {r.year}/{r.year + 1} учебный год, показан отдельно."
           for r in result.other_year],
        open_files=True,
    )
