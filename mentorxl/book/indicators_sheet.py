"""The operator's sheets of the summary workbook (issue 14): «Показатели» (a row per organisation, each
indicator as numerator, denominator and value, a total row), «Определения показателей», «Повторы и копии»
and «Другой учебный год». Counts only: no name of a person.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mentorxl.core import indicators as ix
from mentorxl.core.consolidation import TOTAL, Consolidation, SchoolRow

INDICATORS_SHEET = "Показатели"
DEFINITIONS_SHEET = "Определения показателей"
DUPLICATES_SHEET = "Повторы и копии"
OTHER_YEAR_SHEET = "Другой учебный год"

PARTS = {  # kind -> the headers of numerator, denominator, value
    "pct": ("числитель", "знаменатель", "доля"),
    "mean": ("сумма ответов", "ответов", "среднее"),
    "money": ("сумма, руб.", "пар-месяцев", "в месяц, руб."),
}
FORMATS = {"pct": ("int", "int", "pct"), "mean": ("dec", "int", "dec"), "money": ("int", "int", "int")}
IDENTITY = ("Организация", "Полное наименование", "ИНН", "Населённый пункт", "Учебный год")


def _of(r: SchoolRow) -> ix.Indicators:
    return r.indicators or ix.Indicators()


def _columns(rows: Sequence[SchoolRow]) -> list[tuple[str, str, str]]:
    """(key, title, kind) of every indicator any book has, main ones first."""
    found: dict[str, tuple[str, str, str]] = {d.key: (d.key, d.title, d.kind)
                                              for d in (*ix.DEFINITIONS, ix.RETENTION_ACROSS)}
    merged = ix.total([_of(r) for r in rows])
    for i in [*merged.pairs, *merged.groups]:
        found.setdefault(i.key, (i.key, i.title, i.kind))
    return list(found.values())


def _year(r: SchoolRow) -> str:
    return f"{r.year}/{r.year + 1}" if r.year else ""


def _line(r: SchoolRow, values: ix.Indicators, columns: Sequence[tuple[str, str, str]]) -> list[object]:
    by_key = {i.key: i for i in values.all()}
    line: list[object] = [r.organisation, r.full_name, r.inn, r.place, _year(r)]
    for key, _, kind in columns:
        i = by_key.get(key)
        if i is None:
            line += [0, 0, None]
            continue
        value = i.value if kind != "money" else (i.numerator / i.denominator if i.denominator else None)
        line += [i.numerator, i.denominator, value]
    return line


def _header(ws: Any, row: int, columns: Sequence[tuple[str, str, str]], f: dict[str, Any]) -> list[str]:
    kinds = ["text"] * len(IDENTITY)
    texts = list(IDENTITY)
    for _, title, kind in columns:
        for part, fmt in zip(PARTS[kind], FORMATS[kind], strict=True):
            texts.append(f"{title}: {part}")
            kinds.append(fmt)
    for c, text in enumerate(texts):
        ws.write_string(row, c, text, f["head"])
        ws.set_column(c, c, 34 if c in (0, 1) else 14)
    ws.set_row(row, 90)
    return kinds


def _write(ws: Any, row: int, line: Sequence[object], kinds: Sequence[str], f: dict[str, Any]) -> None:
    for c, (value, kind) in enumerate(zip(line, kinds, strict=True)):
        if value is None:
            ws.write_string(row, c, "—", f["text"])
        elif isinstance(value, int | float) and not isinstance(value, bool):
            ws.write_number(row, c, value, f[kind])
        else:
            ws.write_string(row, c, str(value), f["text"])


def _table(ws: Any, top: int, rows: Sequence[SchoolRow], columns: Sequence[tuple[str, str, str]],
           f: dict[str, Any], bold: dict[str, Any] | None) -> None:
    kinds = _header(ws, top, columns, f)
    for n, r in enumerate(rows, start=top + 1):
        _write(ws, n, _line(r, _of(r), columns), kinds, f)
    if bold is not None:
        total = SchoolRow(TOTAL, "", 0, 0, 0, 0, 0, {}, {}, 0, 0, None, 0, 0, 0, 0, 0, 0.0)
        _write(ws, top + 1 + len(rows), _line(total, ix.total([_of(r) for r in rows]), columns), kinds, bold)
    ws.freeze_panes(top + 1, 1)


def write_indicator_sheets(wb: Any, result: Consolidation, f: dict[str, Any], bold: dict[str, Any]) -> None:
    """The four sheets of the operator (see the module docstring) into an open XlsxWriter workbook."""
    everyone = [*result.rows, *result.other_year]
    columns = _columns(everyone)
    ws = wb.add_worksheet(INDICATORS_SHEET)
    year = f"{result.year}/{result.year + 1}" if result.year else ""
    ws.write_string(0, 0, f"Показатели программ наставничества за {year} учебный год", f["title"])
    ws.write_string(1, 0, f"Организаций: {len(result.rows)}; каждая учтена один раз (по ИНН, а без него — по "
                          f"полному и сокращённому наименованию); повторов и копий не учтено: "
                          f"{len(result.duplicates)}; книг другого учебного года: {len(result.other_year)}. "
                          f"Определения — на листе «{DEFINITIONS_SHEET}».")
    _table(ws, 3, result.rows, columns, f, bold)

    d = wb.add_worksheet(DEFINITIONS_SHEET)
    for c, (text, width) in enumerate((("Показатель", 46), ("Числитель", 60), ("Знаменатель", 60),
                                       ("Значение", 30))):
        d.write_string(0, c, text, f["head"])
        d.set_column(c, c, width)
    shown = {"pct": "числитель / знаменатель, %", "mean": "среднее: числитель / знаменатель (1–10)",
             "money": "доплата в месяц: числитель / знаменатель"}
    lines = [(x.title, x.numerator, x.denominator, shown[x.kind]) for x in (*ix.DEFINITIONS, ix.RETENTION_ACROSS)]
    lines += [
        ("Пары: форма / вид …", "пары учебного года (один наставляемый) этой формы или этого вида",
         "все пары учебного года", shown["pct"]),
        ("Группы: форма / вид …", "группы учебного года (несколько наставляемых) этой формы или этого вида",
         "все группы учебного года", shown["pct"]),
        ("Итого", "сумма числителей организаций", "сумма знаменателей организаций", "итоговый числитель / "
                                                                                     "итоговый знаменатель"),
        ("Организация", "одна строка на организацию: по ИНН («Настройки»), а без ИНН — по полному и сокращённому "
                        "наименованию вместе; "
                        "из нескольких книг одной организации учтена самая новая (по времени сохранения, записанному "
                        "в самой книге)", f"остальные — на листе «{DUPLICATES_SHEET}»", ""),
        ("Учебный год", f"учтены книги {year} учебного года («Учебный год» в «Настройках»; пусто — текущий)",
         f"книги другого года — на листе «{OTHER_YEAR_SHEET}», в итоги не входят", ""),
    ]
    for n, line in enumerate(lines, start=1):
        for c, text in enumerate(line):
            d.write_string(n, c, text, f["text"])

    dup = wb.add_worksheet(DUPLICATES_SHEET)
    for c, (text, width) in enumerate((("Организация", 34), ("ИНН", 14), ("Файл — не учтён", 40),
                                       ("Сохранён", 20), ("Учтён вместо него файл", 40), ("Сохранён", 20))):
        dup.write_string(0, c, text, f["head"])
        dup.set_column(c, c, width)
    for n, item in enumerate(result.duplicates, start=1):
        for c, text in enumerate((item.row.organisation, item.row.inn, item.row.file, item.row.modified,
                                  item.kept.file, item.kept.modified)):
            dup.write_string(n, c, text, f["text"])

    other = wb.add_worksheet(OTHER_YEAR_SHEET)
    other.write_string(0, 0, f"Книги не {year} учебного года: показаны отдельно и в итоги не входят",
                       f["title"])
    _table(other, 2, result.other_year, columns, f, None)
