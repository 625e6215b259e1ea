"""`build_workbook`: a new master workbook written by XlsxWriter from the layout of layout.py.

`.xlsx` without macros, or `.xlsm` with the caller's VBA project, form-control buttons on «Панель» (one
per macro Sub) and the hidden sheet «xlwings.conf» (the interpreter the buttons run). What the workbook
holds is decided in layout.py; this module only says how XlsxWriter writes it. The file is written
atomically: a failed build leaves nothing behind and never half-replaces an existing file.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mentorxl.book.files import atomic_path, xlsx_workbook
from mentorxl.book.language import mark_russian
from mentorxl.builder.layout import (
    FIRST_DATA,
    LAST_ROW,
    BookLayout,
    ColumnLayout,
    Formula,
    SheetLayout,
    TableLayout,
    book_layout,
)
from mentorxl.core.terms import school_year_start

BUTTON_SIZE = (230, 34)  # pixels
BUTTON_GAP = 8
COMMENT_AUTHOR = "MentorXL"

STYLES: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "font_size": 16, "font_color": "#1F3864"},
    "subtitle": {"bold": True, "font_size": 12, "text_wrap": True, "valign": "top"},
    "heading": {"bold": True, "font_size": 12, "font_color": "#2F5597", "bottom": 1},
    "text": {"text_wrap": True, "valign": "top"},
    "label": {"bold": True, "text_wrap": True, "valign": "top"},
    "count": {"bold": True, "font_size": 12, "align": "left", "valign": "top", "num_format": "0"},
    "muted": {"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"},
    "notice": {"bold": True, "font_color": "#9C0006", "bg_color": "#FFF2CC", "text_wrap": True, "valign": "top",
               "border": 1, "border_color": "#C00000"},
}
# Highlight colours: conditional formats in the tables, legend cells on «Панель».
COLOURS: dict[str, dict[str, Any]] = {
    "missing": {"bg_color": "#FFC7CE", "font_color": "#9C0006"},
    "overdue": {"bg_color": "#F8CBAD", "font_color": "#833C0B"},
    "pending": {"bg_color": "#FFEB9C", "font_color": "#9C5700"},
    "approved": {"bg_color": "#C6EFCE", "font_color": "#006100"},
    "error": {"bg_color": "#FFC7CE", "font_color": "#9C0006"},
    "warning": {"bg_color": "#FFEB9C", "font_color": "#9C5700"},
}
COLUMN_FORMATS: dict[str, dict[str, Any]] = {
    "wrap": {"text_wrap": True, "valign": "top"},
    "date": {"num_format": "dd.mm.yyyy", "valign": "top", "align": "left"},
    "int": {"num_format": "0", "valign": "top", "align": "left"},
    "number": {"valign": "top", "align": "left"},
    "input": {"bg_color": "#FFF2CC", "bold": True, "valign": "top", "border": 1, "border_color": "#BF9000"},
    "link": {"font_color": "#0563C1", "underline": 1, "valign": "top"},
    "code": {"font_color": "#7F7F7F", "font_size": 9, "valign": "top"},
}
HEADER_FORMAT: dict[str, Any] = {"bold": True, "text_wrap": True, "valign": "top"}
INPUT_HEADER_FORMAT: dict[str, Any] = {**HEADER_FORMAT, "bg_color": "#FFD966", "font_color": "#000000"}


class _Formats:
    """XlsxWriter formats made once per workbook, by layout style name."""

    def __init__(self, wb: Any):
        self.cells = {name: wb.add_format(props) for name, props in STYLES.items()}
        self.cells.update({name: wb.add_format(props) for name, props in COLOURS.items()})
        self.columns = {name: wb.add_format(props) for name, props in COLUMN_FORMATS.items()}
        self.highlights = {name: wb.add_format(props) for name, props in COLOURS.items()}
        self.header = wb.add_format(HEADER_FORMAT)
        self.input_header = wb.add_format(INPUT_HEADER_FORMAT)


def build_workbook(path: Path, *, org: str | None = None, demo: bool = False, variant: str = "school",
                   today: date | None = None, vba_project: bytes | None = None,
                   buttons: Mapping[str, str] | None = None, created: datetime | None = None,
                   portable: bool = False, calc_buttons: bool = False) -> Path:
    """A new master workbook at `path`: .xlsx, or .xlsm with `buttons` (Sub -> caption) and the VBA project
    (`vba_project`, or built here from macros/ for the book's own sheets). `created` fixes the document's
    creation time (a reproducible build); `portable`, `calc_buttons` (the .xlsx an .ods is converted from):
    see layout.book_layout."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm"):
        raise ValueError(f"build_workbook writes .xlsx or .xlsm, not «{path.name}»")
    macros = suffix == ".xlsm"
    if not macros and (vba_project is not None or buttons):
        raise ValueError("macros and buttons need a .xlsm workbook")
    today = today or date.today()
    year_start = school_year_start(None, today)
    school = None
    if demo:
        from mentorxl.builder.demo import demo_school

        school = demo_school(today, variant=variant, org=org)
    layout = book_layout(org=org, year_start=year_start, variant=variant, today=today, school=school,
                         buttons=list((buttons or {}).items()), xlwings=macros, portable=portable,
                         calc_buttons=calc_buttons)
    if macros and vba_project is None:
        from mentorxl.builder.vba import BUTTONS, build_vba_project, document_names, standard_modules

        runs = {sub: fn for sub, (_, fn) in BUTTONS.items() if sub in (buttons or BUTTONS)}
        vba_project = build_vba_project(standard_modules(runs, documents=document_names(len(layout.sheets))))
    with atomic_path(path) as tmp:
        write_layout(layout, tmp, vba_project=vba_project, created=created)
        mark_russian(tmp)
    return path


def write_layout(layout: BookLayout, target: Path, *, vba_project: bytes | None = None,
                 created: datetime | None = None) -> None:
    wb = xlsx_workbook(target)
    try:
        wb.set_properties({"title": "Наставничество педагогических работников", "company": layout.org,
                           "comments": f"Книга наставничества на {layout.year} учебный год (MentorXL).",
                           **({"created": created} if created else {})})
        formats = _Formats(wb)
        for name, reference in layout.names.items():
            wb.define_name(name, "=" + reference)
        for sheet in layout.sheets:
            _write_sheet(wb.add_worksheet(sheet.name), sheet, formats)
        if vba_project is not None:
            wb.add_vba_project(io.BytesIO(vba_project), is_stream=True)
    finally:
        wb.close()


def _write_sheet(ws: Any, sheet: SheetLayout, formats: _Formats) -> None:
    if sheet.tab_color:
        ws.set_tab_color(sheet.tab_color)
    for col, width in sheet.widths.items():
        ws.set_column(col, col, width)
    for row, height in sheet.heights.items():
        ws.set_row(row, height)
    for table in sheet.tables:
        _write_table(ws, table, formats)
    for cell in sheet.cells:
        fmt = formats.cells.get(cell.style)
        if cell.span > 1:
            ws.merge_range(cell.row, cell.col, cell.row, cell.col + cell.span - 1, "", fmt)
        if isinstance(cell.value, Formula):
            ws.write_formula(cell.row, cell.col, cell.value.text, fmt, cell.value.cached)
        elif cell.value in ("", None):
            ws.write_blank(cell.row, cell.col, None, fmt)
        else:
            ws.write(cell.row, cell.col, cell.value, fmt)
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # the page width, as many pages down as needed
    if sheet.landscape:
        ws.set_landscape()
    if sheet.tables:
        ws.repeat_rows(sheet.tables[0].header_row)
    row, col = sheet.buttons_at
    width, height = BUTTON_SIZE
    for i, (macro, caption) in enumerate(sheet.buttons):
        ws.insert_button(row, col, {"macro": macro, "caption": caption, "width": width, "height": height,
                                    "y_offset": i * (height + BUTTON_GAP)})
    if sheet.freeze:
        ws.freeze_panes(*sheet.freeze)
    if sheet.hidden:
        ws.hide()


def _write_table(ws: Any, table: TableLayout, formats: _Formats) -> None:
    columns = []
    for i, column in enumerate(table.columns):
        fmt = formats.columns[column.fmt]
        c = table.first_col + i
        ws.set_column(c, c, column.width, fmt)
        header = formats.input_header if column.fmt == "input" else formats.header
        columns.append({"header": column.header, "header_format": header, "format": fmt})
    options: dict[str, Any] = {"name": table.name, "style": table.style, "columns": columns}
    if table.rows:
        options["data"] = table.rows
    ws.add_table(table.header_row, table.first_col, table.last_row, table.last_col, options)
    for r, row in enumerate(table.rows, start=table.header_row + 1):  # a date in a text column («Настройки»)
        for i, (value, column) in enumerate(zip(row, table.columns, strict=True)):
            if isinstance(value, date) and column.fmt != "date":
                ws.write_datetime(r, table.first_col + i, value, formats.columns["date"])
    for i, column in enumerate(table.columns):
        c = table.first_col + i
        if column.note:
            ws.write_comment(table.header_row, c, column.note,
                             {"author": COMMENT_AUTHOR, "x_scale": 1.6, "y_scale": 1.2})
        validation = _validation(column)
        if validation:
            ws.data_validation(FIRST_DATA, c, LAST_ROW, c, validation)
    for h in table.highlights:
        rule = {"type": "formula", "criteria": h.formula, "format": formats.highlights[h.style]}
        ws.conditional_format(FIRST_DATA, h.first_col, LAST_ROW, h.last_col, rule)


def _validation(column: ColumnLayout) -> dict[str, Any] | None:
    if column.list_name:
        return {"validate": "list", "source": "=" + column.list_name, "error_type": "warning",
                "error_title": "Значение не из списка",
                "error_message": f"Такого значения нет в списке «{column.list_title}» на листе "
                                 "«Справочники». «Да» — оставить его, «Нет» — исправить."}
    if column.scale:
        low, high = column.scale
        return {"validate": "integer", "criteria": "between", "minimum": low, "maximum": high,
                "error_type": "warning", "error_title": "Оценка вне шкалы",
                "error_message": f"Ответ оценивается целым числом от {low} до {high}.",
                "input_title": f"Оценка {low}–{high}", "input_message": f"Целое число от {low} до {high}."}
    if column.hint:
        return {"validate": "any", "input_title": column.hint_title, "input_message": column.hint}
    return None
