"""The file of `mentorxl network` (issue 14): read the schools' books on both cores, write the municipal bank of
mentors and one suggestions sheet per school, and read a school's sheet back for `import --as suggestions`.

Sheets: «Школы» (an index: the sheet of each school, its ИНН and names, counts), «Банк наставников» (mentors
who agreed, their organisation, settlement, competences and free places), «Не прочитаны», then one sheet per
school with network suggestions, laid out as «Подбор» with «Организация наставника».
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from mentorxl.book.consolidate import WORKERS, saved_at
from mentorxl.book.files import atomic_path, xlsx_workbook
from mentorxl.book.reader import read_program
from mentorxl.core import contract as k
from mentorxl.core.consolidation import Failure
from mentorxl.core.models import Suggestion
from mentorxl.core.network import Network, Offer, as_rows, offer
from mentorxl.errors import BookUnreadable, MentorXLError

INDEX_SHEET = "Школы"
BANK_SHEET = "Банк наставников"
FAILURES_SHEET = "Не прочитаны"
INDEX_HEADERS = ("Лист", "Организация", "Полное наименование", "ИНН", "Населённый пункт", "Файл",
                 "Предложено наставников", "Без наставника")
BANK_HEADERS = ("Наставник", "Организация", "Населённый пункт", "Предмет", "Стаж, лет",
                "Квалификационная категория", "Компетенции", "Свободных мест", "Предложено по сети")
TITLE_ROWS = 2  # a school's sheet: the title, a note, then the header of «Подбор»


def gather(path: Path, root: Path | None = None) -> Offer | Failure:
    """In a worker: what one book gives the network (only people who agreed), or why it was not read."""
    shown = str(path.relative_to(root)) if root is not None else path.name
    try:
        found = offer(read_program(path), shown)
        return replace(found, school=replace(found.school, modified=saved_at(path)))
    except MentorXLError as error:
        return Failure(shown, str(error))
    except Exception as error:  # a bug or a file calamine chokes on: report it, keep going
        return Failure(shown, f"Файл не удалось обработать ({type(error).__name__}: {error}).")


def gather_all(files: Sequence[Path], root: Path, workers: int = WORKERS) -> tuple[list[Offer], list[Failure]]:
    from functools import partial

    work = partial(gather, root=root)
    if workers <= 1 or len(files) <= 1:
        results = [work(f) for f in files]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(work, files, chunksize=max(1, len(files) // (workers * 8))))
    offers = [r for r in results if isinstance(r, Offer)]
    return offers, [r for r in results if isinstance(r, Failure)]


def sheet_names(offers: Sequence[Offer]) -> list[str]:
    """A sheet name per school: its number and name, at most 31 characters, none of []:*?/\\."""
    return [re.sub(r"[\[\]:*?/\\]", " ", f"{i + 1:03} {o.school.organisation}")[:31].strip()
            for i, o in enumerate(offers)]


def write_network(path: Path, net: Network, failures: Sequence[Failure]) -> Path:
    names = sheet_names(net.offers)
    with atomic_path(path) as tmp:
        wb = xlsx_workbook(tmp)
        try:
            head = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7",
                                  "border": 1})
            text = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
            title = wb.add_format({"bold": True, "font_size": 13})

            def table(ws: Any, top: int, headers: Sequence[str], rows: Sequence[Sequence[object]],
                      widths: Sequence[int]) -> None:
                for c, (h, w) in enumerate(zip(headers, widths, strict=True)):
                    ws.write_string(top, c, h, head)
                    ws.set_column(c, c, w)
                for r, row in enumerate(rows, start=top + 1):
                    for c, value in enumerate(row):
                        if isinstance(value, int | float) and not isinstance(value, bool):
                            ws.write_number(r, c, value, text)
                        elif value is None or value == "":
                            ws.write_blank(r, c, None, text)
                        else:
                            ws.write_string(r, c, "" if value is None else str(value), text)

            index = wb.add_worksheet(INDEX_SHEET)
            rows = []
            for i, o in enumerate(net.offers):
                found, left = net.of_school(i)
                rows.append([names[i] if found or left else "", o.school.organisation, o.school.full_name,
                             o.school.inn, o.school.place, o.school.file, len(found), len(left)])
            table(index, 0, INDEX_HEADERS, rows, (30, 30, 50, 14, 20, 30, 14, 14))

            bank = wb.add_worksheet(BANK_SHEET)
            bank.write_string(0, 0, "Муниципальный банк наставников: наставники, давшие согласие на сетевое "
                                    "наставничество, со свободными местами", title)
            table(bank, 2, BANK_HEADERS, [
                [m.name, net.offers[i].school.organisation, net.offers[i].school.place, m.subject,
                 m.experience if m.experience is not None else "", m.category, "; ".join(m.competences), free, used]
                for i, m, free, used in net.bank()], (32, 30, 20, 20, 9, 18, 50, 10, 10))

            failed = wb.add_worksheet(FAILURES_SHEET)
            table(failed, 0, ("Файл", "Причина"), [[f.file, f.reason] for f in failures], (40, 110))

            for i, o in enumerate(net.offers):
                found, left = net.of_school(i)
                if not found and not left:
                    continue
                ws = wb.add_worksheet(names[i])
                ws.write_string(0, 0, f"Сетевой подбор для {o.school.organisation}"
                                      + (f" (ИНН {o.school.inn})" if o.school.inn else ""), title)
                ws.write_string(1, 0, "Загрузите в свою книгу: mentorxl import КНИГА ЭТОТ_ФАЙЛ --as suggestions; "
                                      "затем отметьте «Утвердить» на листе «Подбор».")
                keys = [c.key for c in k.SUGGESTIONS.columns]
                lines = [[_cell(r.get(key)) for key in keys] for r in as_rows(found, left, net.offers)]
                table(ws, TITLE_ROWS, k.SUGGESTIONS.headers, lines, [c.width for c in k.SUGGESTIONS.columns])
        finally:
            wb.close()
    return Path(path)


def _cell(value: object) -> object:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else value


def _words(text: object) -> str:
    return " ".join(str(text or "").casefold().replace("ё", "е").replace("«", '"').replace("»", '"').split())


def read_school_suggestions(path: Path, *, inn: str, full_name: str, short_name: str) -> tuple[str, list[Suggestion]]:
    """The sheet of this organisation in a `mentorxl network` file (by ИНН, else by both names) and its rows."""
    from python_calamine import CalamineWorkbook

    from mentorxl.core.rows import load_rows
    from mentorxl.core.table import locate

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as error:
        raise BookUnreadable(f"Файл «{Path(path).name}» не читается как книга Excel ({error}).",
                             "Укажите файл, который сделала команда mentorxl network.") from error
    if INDEX_SHEET not in wb.sheet_names:
        raise BookUnreadable(f"В файле «{Path(path).name}» нет листа «{INDEX_SHEET}»: это не файл сетевого подбора.",
                             "Укажите файл, который сделала команда mentorxl network.")
    index = wb.get_sheet_by_name(INDEX_SHEET).to_python()
    digits = "".join(ch for ch in inn if ch.isdigit())
    sheet = ""
    for row in index[1:]:
        row = [*row, *[""] * (len(INDEX_HEADERS) - len(row))]
        their_inn = "".join(ch for ch in str(row[3]) if ch.isdigit())
        same = (their_inn == digits) if digits and their_inn else (
            _words(row[2]) == _words(full_name) and _words(row[1]) == _words(short_name or full_name))
        if same:
            sheet = str(row[0])
            break
    if not sheet:
        raise MentorXLError(f"В файле «{Path(path).name}» нет сетевых предложений для «{short_name or full_name}»"
                            + (f" (ИНН {inn})" if inn else "") + ".",
                            "Проверьте «ИНН» и наименования в «Настройках»: по ним файл находит организацию.")
    table = locate(k.SUGGESTIONS, sheet, wb.get_sheet_by_name(sheet).to_python())
    rows, _ = load_rows(table, Suggestion)
    return sheet, [r for r in rows if isinstance(r, Suggestion) and r.mentee]
