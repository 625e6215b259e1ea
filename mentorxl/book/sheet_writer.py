"""A small standalone workbook holding one contract sheet («Ошибки», «Подбор»), written by XlsxWriter.

Headless runs write their results this way, next to the master, instead of rewriting it. Each row may
carry a `link`: the cell of the master workbook it is about, opened by a click.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from mentorxl.book.files import atomic_path
from mentorxl.core.contract import Kind, SheetSpec

LINK_KEY = "link"  # a row key that is not a column: "'Sheet'!C5" in the master


def write_sheet_book(path: Path, spec: SheetSpec, rows: Sequence[Mapping[str, object]], *,
                     master: Path | None = None, title: str | None = None) -> Path:
    import xlsxwriter

    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True})
        try:
            ws = wb.add_worksheet(spec.name)
            head = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7",
                                  "border": 1})
            wrap = wb.add_format({"text_wrap": True, "valign": "top"})
            datef = wb.add_format({"num_format": "dd.mm.yyyy", "valign": "top"})
            linkf = wb.add_format({"font_color": "blue", "underline": 1, "valign": "top"})
            first = 0
            if title:
                ws.write(0, 0, title, wb.add_format({"bold": True, "font_size": 13}))
                first = 2
            for c, column in enumerate(spec.columns):
                ws.set_column(c, c, column.width, wrap)
            data = []
            for values in rows:
                line: list[object] = []
                for column in spec.columns:
                    value = values.get(column.key)
                    if isinstance(value, list):
                        value = "; ".join(str(v) for v in value)
                    line.append("" if value is None else value)
                data.append(line)
            last = first + max(len(data), 1)
            ws.add_table(first, 0, last, len(spec.columns) - 1, {
                "name": spec.table, "style": "Table Style Light 9",
                "columns": [{"header": c.header, "header_format": head} for c in spec.columns],
            })
            for r, (line, values) in enumerate(zip(data, rows, strict=True), start=first + 1):
                for c, (value, column) in enumerate(zip(line, spec.columns, strict=True)):
                    if isinstance(value, date | datetime) or (column.kind is Kind.DATE and value):
                        ws.write_datetime(r, c, value, datef) if isinstance(value, date | datetime) \
                            else ws.write_string(r, c, str(value))
                    elif isinstance(value, int | float) and not isinstance(value, bool):
                        ws.write_number(r, c, value)
                    else:
                        ws.write_string(r, c, str(value))
                link = values.get(LINK_KEY)
                if link and master is not None:
                    ws.write_url(r, 0, f"external:{master.name}#{link}", linkf, string=str(line[0]),
                                 tip="Открыть ячейку в книге")
            ws.freeze_panes(first + 1, 0)
        finally:
            wb.close()
    return path
