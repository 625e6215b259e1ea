"""Many schools' workbooks into one summary workbook, on both processor cores.

Each file is read (calamine) and summed up in a worker process; a file that cannot be read — empty, not a
workbook, without a needed sheet — becomes a line of the «Не прочитаны» sheet with the reason, and the run
goes on. The «Сводка» sheet holds a row per organisation and the totals, and no name of a person.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from mentorxl.book.files import WORKBOOK_SUFFIXES, atomic_path, xlsx_workbook
from mentorxl.book.reader import read_program
from mentorxl.core.consolidation import (
    Consolidation,
    Failure,
    SchoolRow,
    settle,
    summary_columns,
    summary_header,
    summary_line,
)
from mentorxl.core.terms import school_year_start
from mentorxl.errors import MentorXLError

WORKERS = 2
SUMMARY_SHEET = "Сводка"
FAILURES_SHEET = "Не прочитаны"


def workbook_files(folder: Path, *, exclude: Sequence[Path] = ()) -> list[Path]:
    """The workbooks in a folder and its subfolders, sorted; Office lock files, the backup copies MentorXL keeps
    («Резервные копии») and `exclude` left out."""
    from mentorxl.book.backups import FOLDER as BACKUPS

    skip = {p.resolve() for p in exclude}
    found = [p for p in Path(folder).rglob("*")
             if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES
             and not p.name.startswith(("~$", ".~lock", ".")) and p.resolve() not in skip
             and BACKUPS not in p.relative_to(folder).parts[:-1]]
    return sorted(found, key=lambda p: str(p.relative_to(folder)).casefold())


def organisations_books(folder: Path, out: Path, *, result: str) -> list[Path]:
    """The organisations' workbooks of `folder` for a summary written to `out` (a .xlsx, never read as a book):
    one clear Russian error for a missing folder, another file type or a folder without books. `result` names
    the summary in the message: «Сводка», «Сетевой подбор»."""
    from mentorxl.errors import BookUnreadable, NothingToDo

    if not folder.is_dir():
        raise BookUnreadable(f"Папка «{folder}» не найдена.", "Укажите папку с книгами организаций.")
    if out.suffix.lower() != ".xlsx":
        raise MentorXLError(f"{result} записывается в файл .xlsx, а указан «{out.name}».",
                            "Укажите имя файла с расширением .xlsx.")
    files = workbook_files(folder, exclude=[out])
    if not files:
        raise NothingToDo(f"В папке «{folder}» нет книг Excel или LibreOffice (.xlsx, .xlsm, .ods).",
                          "Сложите книги организаций в одну папку и укажите её.")
    return files


def summarize(path: Path, today: date, root: Path | None = None) -> SchoolRow | Failure:
    """One workbook's row, or why it could not be read. Runs in a worker: never raises."""
    from mentorxl.core.consolidation import school_row

    shown = str(path.relative_to(root)) if root is not None else path.name
    try:
        data = read_program(path)
        return replace(school_row(data, today, Path(path).stem), file=shown, modified=saved_at(path))
    except MentorXLError as error:
        return Failure(shown, str(error))
    except Exception as error:  # a bug or a file calamine chokes on: report it, keep going
        return Failure(shown, f"Файл не удалось обработать ({type(error).__name__}: {error}).")


def saved_at(path: Path) -> str:
    """When the book was last saved, as it says itself (docProps/core.xml of Excel, meta.xml of Calc): a copy
    keeps it, a newer version has a later one. The file's time when the book says nothing. ISO, to the second."""
    import re
    import zipfile
    from datetime import datetime

    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            for member, tag in (("docProps/core.xml", "dcterms:modified"), ("meta.xml", "dc:date")):
                if member in names:
                    found = re.search(rf"<{tag}[^>]*>([^<]+)</{tag}>", z.read(member).decode("utf-8", "replace"))
                    if found:
                        return found[1].strip()[:19]
    except (OSError, zipfile.BadZipFile):
        pass
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds")
    except OSError:
        return ""


def consolidate_files(files: Sequence[Path], today: date, *, root: Path | None = None,
                      workers: int = WORKERS, year: int | None = None) -> Consolidation:
    """Rows of the readable files and failures of the others, in the order of `files`; of the school year
    `year` (that of `today` by default) and one book per organisation (`core.consolidation.settle`)."""
    work: Callable[[Path], SchoolRow | Failure] = partial(summarize, today=today, root=root)
    if workers <= 1 or len(files) <= 1:
        results = [work(f) for f in files]
    else:
        chunk = max(1, len(files) // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(work, files, chunksize=chunk))
    done = Consolidation()
    for result in results:
        if isinstance(result, Failure):
            done.failures.append(result)
        else:
            done.rows.append(result)
    return settle(done, school_year_start("", today) if year is None else year)


def write_summary(path: Path, result: Consolidation, *, today: date) -> Path:
    """The summary workbook: «Сводка» (a row per organisation, totals) and «Не прочитаны»."""
    forms, kinds = summary_columns(result.rows)
    header = summary_header(forms, kinds)
    with atomic_path(path) as tmp:
        wb = xlsx_workbook(tmp)
        try:
            f = {
                "title": wb.add_format({"bold": True, "font_size": 14}),
                "head": wb.add_format({"bold": True, "text_wrap": True, "valign": "top",
                                       "bg_color": "#DDEBF7", "border": 1}),
                "text": wb.add_format({"border": 1, "text_wrap": True, "valign": "top"}),
                "int": wb.add_format({"border": 1, "num_format": "0"}),
                "dec": wb.add_format({"border": 1, "num_format": "0.0"}),
                "pct": wb.add_format({"border": 1, "num_format": "0%"}),
            }
            numbers = {"int": "0", "dec": "0.0", "pct": "0%"}
            bold = {name: wb.add_format({"bold": True, "top": 2, "border": 1,
                                         "num_format": numbers.get(name, "@")}) for name in f}
            ws = wb.add_worksheet(SUMMARY_SHEET)
            ws.write_string(0, 0, "Сводка по программам наставничества педагогических работников", f["title"])
            ws.write_string(1, 0, f"На {today:%d.%m.%Y}; организаций: {len(result.rows)}; "
                                  f"файлов не прочитано: {len(result.failures)}"
                                  + (f" (список — на листе «{FAILURES_SHEET}»)" if result.failures else ""))
            top = 3
            for c, (text, _) in enumerate(header):
                ws.write_string(top, c, text, f["head"])
                ws.set_column(c, c, 34 if c == 0 else 20 if c in (1, len(header) - 1) else 12)
            ws.set_row(top, 48)
            lines = [summary_line(r, forms, kinds) for r in result.rows]
            for r, line in enumerate(lines, start=top + 1):
                _write_line(ws, r, line, header, f)
            _write_line(ws, top + 1 + len(lines), summary_line(result.total, forms, kinds), header, bold)
            ws.freeze_panes(top + 1, 1)
            if lines:
                ws.autofilter(top, 0, top + len(lines), len(header) - 1)
            failed = wb.add_worksheet(FAILURES_SHEET)
            failed.set_column(0, 0, 40)
            failed.set_column(1, 1, 110)
            failed.write_string(0, 0, "Файл", f["head"])
            failed.write_string(0, 1, "Причина", f["head"])
            for r, failure in enumerate(result.failures, start=1):
                failed.write_string(r, 0, failure.file, f["text"])
                failed.write_string(r, 1, failure.reason, f["text"])
            from mentorxl.book.indicators_sheet import write_indicator_sheets

            write_indicator_sheets(wb, result, f, bold)
        finally:
            wb.close()
    return Path(path)


def _write_line(ws: Any, row: int, line: Sequence[object], header: Sequence[tuple[str, str]],
                formats: dict[str, Any]) -> None:
    for c, (value, (_, kind)) in enumerate(zip(line, header, strict=True)):
        fmt = formats[kind]
        if value is None:
            ws.write_string(row, c, "—", formats["text"])
        elif isinstance(value, int | float) and not isinstance(value, bool):
            ws.write_number(row, c, value, fmt)
        else:
            ws.write_string(row, c, str(value), formats["text"])
