"""What a new master workbook holds, as plain data: sheets, tables, columns, formats, lists, «Панель».

Everything comes from the contract (core/contract.py) and the vocabulary; nothing here knows XlsxWriter, so
the .xlsx/.xlsm writer (workbook.py) and any other writer share one layout. Rows and columns are 0-based;
formulas are A1-style over fixed ranges down to `LAST_ROW`: LibreOffice turns structured references
(tblMentees[Статус]) into frozen ranges on import, fixed ranges behave alike in Excel and in Calc.

Choices documented here:
- Dropdowns are fed by workbook-level names over the list columns of «Справочники» (`LIST_NAMES`); a value
  outside the list gets a warning, not a refusal: lists are data users may extend (the checker reads them).
- «Дорожная карта» has two helper columns after the contract ones, «Первый срок (дата)» and «Крайний срок
  (дата)», filled from «Срок» by core/terms.py; a row is highlighted as overdue by a formula over them that
  mirrors terms.is_overdue (a recurring event has no «Крайний срок»: only a missed start makes it overdue).
- «Анкеты» gets `SURVEY_QUESTIONS` (scale 1–10) and one free-text column after the contract columns.
- «Настройки» gets one parameter beyond the contract: «Численность педагогов» (`SET_STAFF`), for the share
  of staff in the program in reports.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.buttons import BUTTONS
from mentorxl.core.contract import Column, Kind, SheetSpec
from mentorxl.core.problems import SEVERITY_LABEL, Severity
from mentorxl.core.roadmap_state import FIRST_DUE, LAST_DUE, due_dates
from mentorxl.core.roadmaps import default_roadmap
from mentorxl.core.table import column_letter

LAST_ROW = 1000  # 0-based: formulas, dropdowns and highlights reach Excel row 1001
FIRST_DATA = 1  # 0-based row of the first data row under a header on row 0

SET_STAFF = k.SET_STAFF
STAFF_NOTE = "Сколько всего педагогических работников в организации: для доли участников в отчёте"

DUE_NOTE = ("Дата из столбца «Срок» для подсветки просроченного. Меняете «Срок» — поправьте дату. "
            "Пусто в «Крайнем сроке» — мероприятие повторяется и просрочено, только если не начато.")

# 1–10 scale, the same for every role and survey, so entry, middle and final answers compare.
SURVEY_QUESTIONS: tuple[str, ...] = (
    "Удовлетворённость программой наставничества",
    "Полезность встреч",
    "Рост профессиональной уверенности",
    "Качество взаимодействия в паре",
    "Достижение целей программы",
    "Готовность продолжать участие",
)
SURVEY_SCALE = (1, 10)
SURVEY_FREE_TEXT = "Пожелания"

# ASCII workbook names over the list columns of «Справочники», one per list of vocabulary.DEFAULT_LISTS.
LIST_NAMES: dict[str, str] = {
    k.LIST_FORMS: "lstForms",
    k.LIST_KINDS: "lstKinds",
    k.LIST_CATEGORIES: "lstCategories",
    k.LIST_MENTEE_CATEGORIES: "lstMenteeCategories",
    k.LIST_MENTEE_STATUS: "lstMenteeStatuses",
    k.LIST_MENTOR_STATUS: "lstMentorStatuses",
    k.LIST_PAIR_STATUS: "lstPairStatuses",
    k.LIST_EVENT_STATUS: "lstEventStatuses",
    k.LIST_DECISIONS: "lstDecisions",
    k.LIST_ROLES: "lstRoles",
    k.LIST_SURVEYS: "lstSurveys",
    k.LIST_MEETING_FORMATS: "lstMeetingFormats",
    k.LIST_REWARDS: "lstRewards",
}
LISTS_TABLE = "tblLists"

# (caption, what it does, the same from the command line) in the order of the work: the button registry.
COMMANDS: tuple[tuple[str, str, str], ...] = tuple((b.caption, b.does, b.command) for b in BUTTONS)

STEPS: tuple[str, ...] = (
    "«Настройки»: наименование организации, руководитель, куратор, учебный год, норма наставляемых на "
    "наставника. Этап 1 — подготовка условий.",
    "«Дорожная карта»: проверьте сроки и ответственных; по ходу года отмечайте «Статус» и «Дата выполнения».",
    "«Наставляемые»: банк наставляемых — запросы тегами через «;», дата согласия на обработку ПДн. Этап 2.",
    "«Наставники»: банк наставников — компетенции, нагрузка, согласия на наставничество и на обработку ПДн. "
    "Этап 3; «Обучение пройдено» — этап 4.",
    "«Проверить данные»: исправьте ошибки по листу «Ошибки», затем «Подобрать пары».",
    "«Подбор»: поставьте «Утвердить» или «Отклонить», затем «Утвердить пары» — пары появятся на листе "
    "«Пары». Этап 5.",
    "«Сформировать приказ» и «Документы по парам»: приказ, программы, соглашения — на подпись.",
    "«Встречи» и «Анкеты»: журнал встреч пар; входная, промежуточная и итоговая анкеты.",
    "«Отчёт по мониторингу» в конце года, «Приказ о поощрении» наставников. Этап 6; этап 7 — сайт и "
    "публикации.",
)

COLOURS: tuple[tuple[str, str], ...] = (
    ("missing", "нет даты согласия у человека из банка («Наставляемые», «Наставники»)"),
    ("overdue", "мероприятие дорожной карты просрочено (по «Первому» и «Крайнему сроку»)"),
    ("pending", "у пары нет номера приказа"),
    ("approved", "предложение «Подбора» утверждено и уже на листе «Пары»"),
    ("error", "ошибка на листе «Ошибки»: мешает работе"),
    ("warning", "предупреждение на листе «Ошибки»: повод взглянуть"),
)

FORMAT_OF_KIND = {Kind.DATE: "date", Kind.INT: "int", Kind.NUMBER: "number"}
WORD_WIDTH = 1.15  # column width units per letter of a bold Russian word (Calibri 11)
# Columns that look apart: the one a куратор fills on «Подбор» (highlighted header and cells), the links of
# «Ошибки» (blue, underlined), the code of «Ошибки» (small, grey, not wrapped: for developers).
COLUMN_FORMATS_BY_KEY: dict[tuple[str, str], str] = {
    (k.SUGGESTIONS.key, "decision"): "input",
    (k.PROBLEMS.key, "sheet"): "link",
    (k.PROBLEMS.key, "code"): "code",
}
OWNED_STYLE = "Table Style Light 15"  # the sheets the program rewrites look apart
RowData = dict[str, Any]  # one row of cell values by column key (or header, beyond the contract)


@dataclass(frozen=True, slots=True)
class Formula:
    text: str  # starts with "="
    cached: object = 0  # the value shown before the first recalculation (LibreOffice, calamine readers)


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    key: str  # the contract key, or the header for a column beyond the contract
    header: str
    width: float
    fmt: str = "wrap"  # "wrap" | "date" | "int" | "number"
    note: str = ""  # a comment on the header cell
    list_name: str | None = None  # dropdown from this workbook name
    list_title: str = ""  # the list of «Справочники» behind it
    hint_title: str = ""  # an input message (tag columns)
    hint: str = ""
    scale: tuple[int, int] | None = None  # whole numbers in this range (survey answers)

    def __post_init__(self) -> None:
        # no word of the (bold) header and of a dropdown value is broken across lines
        values = v.DEFAULT_LISTS.get(self.list_title, ())
        words = [*self.header.split(), *(w for value in values for w in value.split())]
        needed = round(max((len(w) for w in words), default=0) * WORD_WIDTH + 1.5, 1)
        if needed > self.width:
            object.__setattr__(self, "width", needed)


@dataclass(frozen=True, slots=True)
class Highlight:
    first_col: int
    last_col: int
    formula: str  # relative to the first data row, e.g. =AND(LEN($A2)>0,LEN(H2)=0)
    style: str  # a colour of COLOURS: "missing" | "overdue" | "pending" | "approved" | "error" | "warning"


@dataclass(slots=True)
class TableLayout:
    name: str
    columns: list[ColumnLayout]
    rows: list[list[object]]
    first_col: int = 0
    header_row: int = 0
    style: str = "Table Style Light 9"
    highlights: list[Highlight] = field(default_factory=list)

    @property
    def last_col(self) -> int:
        return self.first_col + len(self.columns) - 1

    @property
    def last_row(self) -> int:
        """An Excel table needs a data row: an empty one when there are no rows."""
        return self.header_row + max(len(self.rows), 1)

    def col(self, header: str) -> int:
        """The sheet column (0-based) of a header."""
        for i, c in enumerate(self.columns):
            if c.header == header:
                return self.first_col + i
        raise KeyError(header)


@dataclass(frozen=True, slots=True)
class Cell:
    row: int
    col: int
    value: object  # text, number or Formula
    style: str = "text"  # title, subtitle, heading, text, label, count, muted or a colour of COLOURS
    span: int = 1  # columns merged from `col`


@dataclass(slots=True)
class SheetLayout:
    name: str
    tables: list[TableLayout] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    widths: dict[int, float] = field(default_factory=dict)  # columns outside tables
    heights: dict[int, float] = field(default_factory=dict)  # points: Calc does not autofit wrapped rows
    freeze: tuple[int, int] | None = None
    landscape: bool = False  # printed on A4, fitted to the page width, header row repeated
    hidden: bool = False
    tab_color: str | None = None
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (macro Sub, caption)
    buttons_at: tuple[int, int] = (0, 0)


@dataclass(slots=True)
class BookLayout:
    sheets: list[SheetLayout]
    names: dict[str, str]  # workbook-level name -> reference
    org: str
    year: str

    def sheet(self, name: str) -> SheetLayout:
        return next(s for s in self.sheets if s.name == name)

    def table(self, name: str) -> TableLayout:
        return next(t for s in self.sheets for t in s.tables if t.name == name)


@dataclass(slots=True)
class SchoolData:
    """Rows to pre-fill (the demo school): cell values by column key, or by header beyond the contract."""

    settings: dict[str, object] = field(default_factory=dict)
    roadmap: list[RowData] = field(default_factory=list)  # empty: the default roadmap, all planned
    mentees: list[RowData] = field(default_factory=list)
    mentors: list[RowData] = field(default_factory=list)
    pairs: list[RowData] = field(default_factory=list)
    surveys: list[RowData] = field(default_factory=list)
    meetings: list[RowData] = field(default_factory=list)


# ------------------------------------------------------------------ helpers


def ref(sheet: str, col: int, first: int = FIRST_DATA, last: int = LAST_ROW) -> str:
    """'Лист'!$C$2:$C$1001 — a fixed column range of data rows."""
    letter = column_letter(col)
    return f"'{sheet}'!${letter}${first + 1}:${letter}${last + 1}"


LINE_HEIGHT = 15.0  # points per line of 11 pt text


def text_height(text: str, width: float, *, lines_min: int = 1) -> float:
    """The row height that shows `text` wrapped in a column `width` characters wide (an estimate)."""
    per_line = max(width, 1.0)
    lines = sum(max(1, -(-len(part) // int(per_line))) for part in text.split("\n"))
    return LINE_HEIGHT * max(lines, lines_min)


def header_height(table: TableLayout) -> float:
    return max(text_height(c.header, (c.width - 1) * 0.85) for c in table.columns) + 2


def row_heights(table: TableLayout) -> dict[int, float]:
    """Heights of the header and of the data rows whose text wraps."""
    heights = {table.header_row: header_height(table)}
    for i, row in enumerate(table.rows):
        tallest = max((text_height(value, c.width) for c, value in zip(table.columns, row, strict=True)
                       if isinstance(value, str)), default=LINE_HEIGHT)
        if tallest > LINE_HEIGHT:
            heights[table.header_row + 1 + i] = tallest
    return heights


def tag_hint() -> str:
    shown = "; ".join(list(v.DEFAULT_TAGS)[:4])
    return f"Несколько тегов через «;», например: {shown}. Все теги и синонимы — на листе «Справочники»."


def column_layout(column: Column) -> ColumnLayout:
    fmt = FORMAT_OF_KIND.get(column.kind, "wrap")
    if column.kind is Kind.CHOICE and column.choices:
        return ColumnLayout(column.key, column.header, column.width, fmt, column.note,
                            LIST_NAMES.get(column.choices), column.choices)
    if column.kind is Kind.TAGS:
        return ColumnLayout(column.key, column.header, column.width, fmt, column.note,
                            hint_title="Теги через «;»", hint=tag_hint())
    return ColumnLayout(column.key, column.header, column.width, fmt, column.note)


def columns_of(spec: SheetSpec) -> list[ColumnLayout]:
    columns = [column_layout(c) for c in spec.columns]
    return [replace(c, fmt=COLUMN_FORMATS_BY_KEY.get((spec.key, c.key), c.fmt)) for c in columns]


def _rows(columns: Sequence[ColumnLayout], rows: Sequence[RowData]) -> list[list[object]]:
    return [[r.get(c.key) for c in columns] for r in rows]


def _blank_when_empty(columns: Sequence[ColumnLayout], key: str) -> str:
    """A formula condition: the row holds something in the column `key` (the row is in use)."""
    index = next(i for i, c in enumerate(columns) if c.key == key)
    return f"LEN(${column_letter(index)}{FIRST_DATA + 1})>0"


def _missing(table: TableLayout, anchor: str, keys: Sequence[str], style: str) -> None:
    used = _blank_when_empty(table.columns, anchor)
    for key in keys:
        c = next(i for i, col in enumerate(table.columns) if col.key == key)
        cell = f"{column_letter(table.first_col + c)}{FIRST_DATA + 1}"
        table.highlights.append(Highlight(table.first_col + c, table.first_col + c,
                                          f"=AND({used},LEN({cell})=0)", style))


# ------------------------------------------------------------------ «Дорожная карта»
def overdue_by_formula(status: str | None, first: date | None, last: date | None, today: date) -> bool:
    """What the highlight formula of «Дорожная карта» computes, in Python (for cached values and tests)."""
    s = (status or "").strip().casefold()
    if s in (v.EVENT_DONE.casefold(), v.EVENT_CANCELLED.casefold()):
        return False
    not_started = s in ("", v.EVENT_PLANNED.casefold())
    return bool((not_started and first is not None and first < today) or (last is not None and last < today))


def roadmap_rows(variant: str, year_start: int) -> list[RowData]:
    """The default roadmap as rows: numbered, «Запланировано»."""
    return [{"number": i, "stage": item.stage, "event": item.event, "term": item.term,
             "responsible": item.responsible, "result": item.result, "status": v.EVENT_PLANNED}
            for i, item in enumerate(default_roadmap(variant, year_start), start=1)]


def _roadmap_table(rows: list[RowData], year_start: int) -> TableLayout:
    columns = [*columns_of(k.ROADMAP), ColumnLayout(FIRST_DUE, FIRST_DUE, 13, "date", DUE_NOTE),
               ColumnLayout(LAST_DUE, LAST_DUE, 13, "date", DUE_NOTE)]
    full = []
    for row in rows:
        first, last = due_dates(str(row.get("term") or ""), year_start)
        full.append({FIRST_DUE: first, LAST_DUE: last, **row})
    table = TableLayout(k.ROADMAP.table, columns, _rows(columns, full))
    letter = {c.key: column_letter(i) for i, c in enumerate(columns)}
    r = FIRST_DATA + 1
    status, first_c, last_c = f"${letter['status']}{r}", f"${letter[FIRST_DUE]}{r}", f"${letter[LAST_DUE]}{r}"
    formula = (f'=AND({status}<>"{v.EVENT_DONE}",{status}<>"{v.EVENT_CANCELLED}",'
               f'OR(AND(OR({status}="",{status}="{v.EVENT_PLANNED}"),ISNUMBER({first_c}),{first_c}<TODAY()),'
               f"AND(ISNUMBER({last_c}),{last_c}<TODAY())))")
    table.highlights.append(Highlight(0, len(columns) - 1, formula, "overdue"))
    return table


# ------------------------------------------------------------------ «Подбор», «Ошибки»
def _cell(table: TableLayout, key: str) -> str:
    """$C2: the column of `key` on the first data row, the row relative."""
    index = next(i for i, c in enumerate(table.columns) if c.key == key)
    return f"${column_letter(table.first_col + index)}{FIRST_DATA + 1}"


def _approved_marks(suggestions: TableLayout, pairs: TableLayout) -> None:
    """A row of «Подбор» marked «Утвердить» whose mentee already stands in «Пары» is green: «Утвердить пары»
    took it (SEARCH: a group lists several mentees in one cell)."""
    mentee, decision = _cell(suggestions, "mentee"), _cell(suggestions, "decision")
    in_pairs = ref(k.PAIRS.name, pairs.col(k.PAIRS.column("mentees").header))
    formula = (f'=AND(LEN({mentee})>0,{decision}="{v.DECISION_APPROVE}",'
               f"SUMPRODUCT(--ISNUMBER(SEARCH({mentee},{in_pairs})))>0)")
    suggestions.highlights.append(Highlight(suggestions.first_col, suggestions.last_col, formula, "approved"))


def _severity_colours(problems: TableLayout) -> None:
    """Errors red, warnings yellow on «Ошибки» (the link column keeps its link colour)."""
    severity = _cell(problems, "severity")
    first = problems.col(k.PROBLEMS.column("row").header)
    for label, style in ((SEVERITY_LABEL[Severity.ERROR], "error"), (SEVERITY_LABEL[Severity.WARNING], "warning")):
        problems.highlights.append(Highlight(first, problems.last_col, f'={severity}="{label}"', style))


# ------------------------------------------------------------------ sheets
def settings_rows(org: str | None, year: str, values: Mapping[str, object] | None = None) -> list[RowData]:
    """One row per parameter of the contract (defaults, notes), then the parameters beyond it."""
    given: dict[str, object] = {k.SET_YEAR: year}
    if org:
        given[k.SET_ORG_FULL] = given[k.SET_ORG_SHORT] = org
    given.update(values or {})
    rows = []
    for name in (*k.SETTING_ORDER, SET_STAFF):
        default: object = k.SETTING_DEFAULTS.get(name, "")
        if isinstance(default, str) and default.isdigit():
            default = int(default)
        value = given.get(name, default)
        note = STAFF_NOTE if name == SET_STAFF else k.SETTING_NOTES.get(name, "")
        rows.append({"parameter": name, "value": None if value == "" else value, "note": note})
    return rows


def _dictionary_sheet() -> tuple[SheetLayout, dict[str, str]]:
    tags = TableLayout(k.TAGS.table, columns_of(k.TAGS),
                       [[tag, "; ".join(synonyms)] for tag, synonyms in v.DEFAULT_TAGS.items()])
    first = tags.last_col + 2  # one empty column between the two tables
    longest = max(len(values) for values in v.DEFAULT_LISTS.values())
    titles = list(v.DEFAULT_LISTS)
    columns = [ColumnLayout(t, t, max(16.0, min(30.0, len(t) + 2)), "wrap",
                            k.LISTS_HEADER_ROW_NOTE if i == 0 else "") for i, t in enumerate(titles)]
    lists_values = list(v.DEFAULT_LISTS.values())
    rows: list[list[object]] = [[values[r] if r < len(values) else None for values in lists_values]
                                for r in range(longest)]
    lists = TableLayout(LISTS_TABLE, columns, rows, first_col=first, style="Table Style Light 11")
    names = {}
    for i, title in enumerate(titles):
        name = LIST_NAMES.get(title, f"lstList{i + 1}")
        names[name] = ref(k.TAGS.name, first + i, FIRST_DATA, len(v.DEFAULT_LISTS[title]))
    heights = row_heights(lists)
    for row, height in row_heights(tags).items():
        heights[row] = max(height, heights.get(row, 0))
    return SheetLayout(k.TAGS.name, [tags, lists], heights=heights, freeze=(1, 0), landscape=True), names


def _survey_columns() -> list[ColumnLayout]:
    questions = [ColumnLayout(q, q, 16, "int", "Оценка от 1 до 10", scale=SURVEY_SCALE)
                 for q in SURVEY_QUESTIONS]
    return [*columns_of(k.SURVEYS), *questions, ColumnLayout(SURVEY_FREE_TEXT, SURVEY_FREE_TEXT, 40, "wrap")]


def _bank(spec: SheetSpec, rows: list[RowData], consents: Sequence[str]) -> TableLayout:
    table = TableLayout(spec.table, columns_of(spec), [])
    table.rows = _rows(table.columns, rows)
    _missing(table, "name", consents, "missing")
    return table


def _sheet(spec: SheetSpec, table: TableLayout, freeze: tuple[int, int] = (1, 0)) -> SheetLayout:
    wide = sum(c.width for c in table.columns) > 110
    return SheetLayout(spec.name, [table], heights=row_heights(table), freeze=freeze,
                       landscape=wide, tab_color="#A6A6A6" if spec.owned else None)


# ------------------------------------------------------------------ «Панель»
# The count of «Ошибки»: the button and `mentorxl check` both fill «Ошибки» of the book itself (WORKBOOK.md).
PROBLEMS_COUNT_LABEL = "Ошибок на листе «Ошибки» (после «Проверить данные»)"


def _status_formulas(book: dict[str, TableLayout], today: date, *,
                     problems_count: bool = True) -> list[tuple[str, Formula]]:
    def count(spec: SheetSpec, key: str, *values: str) -> Formula:
        table = book[spec.key]
        c = table.col(spec.column(key).header)
        cached = sum(1 for row in table.rows if row[c - table.first_col] in values)
        parts = [f'COUNTIFS({ref(spec.name, c)},"{value}")' for value in values]
        return Formula("=" + "+".join(parts), cached)

    road = book[k.ROADMAP.key]
    s, f, last = (road.col(k.ROADMAP.column("status").header), road.col(FIRST_DUE), road.col(LAST_DUE))
    rs, rf, rl = (ref(k.ROADMAP.name, c) for c in (s, f, last))
    overdue = Formula(
        f'=SUMPRODUCT(({rs}<>"{v.EVENT_DONE}")*({rs}<>"{v.EVENT_CANCELLED}")'
        f'*((({rs}="")+({rs}="{v.EVENT_PLANNED}"))*ISNUMBER({rf})*({rf}<TODAY())'
        f"+ISNUMBER({rl})*({rl}<TODAY())>0))",
        sum(overdue_by_formula(_text(row[s]), _date(row[f]), _date(row[last]), today) for row in road.rows))
    rows = [
        ("Наставляемых ожидают пары", count(k.MENTEES, "status", v.MENTEE_WAITING)),
        ("Наставников активны", count(k.MENTORS, "status", v.MENTOR_ACTIVE)),
        ("Пар и групп действует (утверждены и действуют)",
         count(k.PAIRS, "status", *[x for x in v.PAIR_STATUSES if x in v.PAIRS_IN_FORCE])),
        ("Мероприятий дорожной карты просрочено", overdue),
    ]
    if problems_count:
        rows.append((PROBLEMS_COUNT_LABEL, count(k.PROBLEMS, "severity", SEVERITY_LABEL[Severity.ERROR])))
    return rows


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _date(value: object) -> date | None:
    return value if isinstance(value, date) else None


def _setting(name: str, cached: str, fallback: str, prefix: str = "") -> Formula:
    """A «Настройки» value looked up by parameter name (robust to sorting and inserted rows)."""
    sheet = k.SETTINGS.name
    found = f"IFERROR(INDEX('{sheet}'!$B:$B,MATCH(\"{name}\",'{sheet}'!$A:$A,0))&\"\",\"\")"
    shown = f'"{prefix}"&{found}' if prefix else found
    return Formula(f'=IF({found}="","{fallback}",{shown})', prefix + cached if cached else fallback)


# A–B hold the text, buttons float over D (BUTTONS_COLUMN). The .ods builder measures A–C as the conversion
# wrote them and places its buttons right of them (builder/ods.py).
PANEL_WIDTHS = {0: 30, 1: 38, 2: 3, 3: 34}


class _Panel:
    """Cells of «Панель» written top down, each row as tall as its wrapped text."""

    def __init__(self) -> None:
        self.sheet = SheetLayout(k.PANEL_NAME, widths=dict(PANEL_WIDTHS), tab_color="#2F5597")
        self.row = 0

    def line(self, value: object, style: str, *, span: int = 2, height: float | None = None) -> None:
        self.sheet.cells.append(Cell(self.row, 0, value, style, span))
        text = value.cached if isinstance(value, Formula) else value
        width = sum(PANEL_WIDTHS[c] for c in range(span))
        self.sheet.heights[self.row] = height or text_height(str(text), width)
        self.row += 1

    def pair(self, label: str, value: object, style: str = "text", label_style: str = "label") -> None:
        self.sheet.cells.append(Cell(self.row, 0, label, label_style))
        self.sheet.cells.append(Cell(self.row, 1, value, style))
        shown = value.cached if isinstance(value, Formula) else value
        self.sheet.heights[self.row] = max(text_height(label, PANEL_WIDTHS[0] * 0.9),
                                           text_height(str(shown), PANEL_WIDTHS[1]))
        self.row += 1

    def heading(self, text: str) -> None:
        self.row += 1
        self.line(text, "heading", height=LINE_HEIGHT + 6)


BUTTONS_COLUMN = 3  # «Панель»: the buttons stand from column D, right of the instruction text

# What «Панель» says about its buttons, true for the format the book is in.
EXCEL_BUTTONS_NOTE = ("Кнопки — справа на этом листе (Excel, макросы включены); те же действия выполняет "
                      "командная строка (КНИГА — путь к книге).")
LIBREOFFICE_NOTE = ("Открыли эту книгу в LibreOffice? Её кнопки работают только в Excel. Для LibreOffice Calc "
                    "создайте книгу .ods: mentorxl new «Наставничество.ods» — и перенесите данные копированием "
                    "листов.")
CALC_BUTTONS_NOTE = ("Кнопки — справа на этом листе (LibreOffice Calc, макросы разрешены); те же действия "
                     "выполняет командная строка (КНИГА — путь к книге).")
NO_BUTTONS_NOTE = ("В этой книге нет кнопок: действия выполняет командная строка (КНИГА — путь к этой книге). "
                   "Книга с кнопками: mentorxl new «Наставничество.xlsm» (Excel) или «Наставничество.ods» "
                   "(LibreOffice Calc).")


def panel(book: dict[str, TableLayout], *, org: str, year: str, today: date,
          buttons: Sequence[tuple[str, str]] = (), calc_buttons: bool = False) -> SheetLayout:
    """`buttons`: the Excel buttons drawn here; `calc_buttons`: the .ods builder adds its own after the
    conversion. Either way the text speaks of buttons; a book without them, of the command line only."""
    has_buttons = bool(buttons) or calc_buttons
    p = _Panel()
    p.line("Наставничество педагогических работников", "title", height=26)
    p.line(_setting(k.SET_ORG_FULL, org, "Укажите наименование организации на листе «Настройки»"), "subtitle")
    p.line(_setting(k.SET_YEAR, year, "Учебный год не указан", prefix="Учебный год: "), "muted")
    if buttons:  # the .xlsm: LibreOffice opens it but cannot run its VBA buttons — said where it is seen first
        p.line(LIBREOFFICE_NOTE, "notice")
    p.heading("Состояние программы")
    for label, formula in _status_formulas(book, today, problems_count=True):
        p.pair(label, formula, "count")
    p.heading("Порядок работы")
    for i, step in enumerate(STEPS, start=1):
        p.pair(f"Шаг {i}", step)
    p.heading("Кнопки и команды" if has_buttons else "Команды")
    if buttons:
        p.line(EXCEL_BUTTONS_NOTE, "muted")
    elif calc_buttons:
        p.line(CALC_BUTTONS_NOTE, "muted")
    else:
        p.line(NO_BUTTONS_NOTE, "muted")
    for caption, what, command in COMMANDS:
        p.pair(caption, f"{what} Команда: {command}")
    p.heading("Листы книги")
    for spec in k.SHEETS:
        p.pair(spec.name, spec.purpose[:1].upper() + spec.purpose[1:] + ".")
    p.heading("Цвета")
    for style, meaning in COLOURS:
        p.pair("", meaning[:1].upper() + meaning[1:] + ".", label_style=style)
    p.sheet.buttons = list(buttons)
    p.sheet.buttons_at = (1, BUTTONS_COLUMN)
    return p.sheet


# ------------------------------------------------------------------ xlwings.conf
# «xlwings.conf»: a key on that sheet wins over the user's %USERPROFILE%\.xlwings\xlwings.conf even when its value
# is empty, so the sheet holds only keys with a value. A book meant for any machine (the master workbook in
# workbook/) has no such sheet: xlwings then reads the user's config file, else runs `python` from PATH
# (RunPython of xlwings 0.37: an empty INTERPRETER_WIN falls back to INTERPRETER, default "python").


def windows_interpreter(executable: str) -> str:
    """pythonw.exe beside python.exe when there is one (no console of its own, as the xlwings docs advise),
    else the interpreter itself. xlwings runs it as `cmd /C "…pythonw.exe" -c … 2> log`; cmd /C waits for a
    GUI program as for a console one, so the exit code and a crash's stderr still reach xlwings' error box
    (not provable without Windows; our own messages go through COM either way)."""
    path = Path(executable)
    if path.name.lower() == "python.exe" and path.with_name("pythonw.exe").is_file():
        return str(path.with_name("pythonw.exe"))
    return executable


def xlwings_config(executable: str = sys.executable, platform: str = sys.platform,
                   prefix: str = sys.prefix) -> list[tuple[str, str]]:
    """Key/value rows of the sheet «xlwings.conf» (no header: xlwings reads from A1 down to the first empty
    key, and a key on the sheet wins over the user's ~/.xlwings/xlwings.conf): only the keys with a value.

    The interpreter that built the workbook runs its buttons, recorded only for its own platform: a path of
    another system would stop the click, an empty value lets xlwings use `python` from PATH. Only text keys:
    xlwings compares its boolean keys with True, and an empty cell there would break the click.
    """
    rows = [("Interpreter_Win", windows_interpreter(executable) if platform.startswith("win") else ""),
            ("Interpreter_Mac", executable if platform == "darwin" else "")]
    package_root = Path(__file__).resolve().parents[2]
    in_site = any(part in ("site-packages", "dist-packages") for part in package_root.parts)
    rows.append(("PYTHONPATH", "" if in_site else str(package_root)))
    if (Path(prefix) / "conda-meta").is_dir():
        root = Path(prefix).parent.parent if Path(prefix).parent.name == "envs" else Path(prefix)
        env = Path(prefix).name if Path(prefix).parent.name == "envs" else "base"
        rows += [("Conda Path", str(root)), ("Conda Env", env)]
    return [(key, value) for key, value in rows if value]  # an empty row would hide the user's config file


# ------------------------------------------------------------------ the book
def book_layout(*, org: str | None, year_start: int, variant: str, today: date,
                school: SchoolData | None = None, buttons: Sequence[tuple[str, str]] = (),
                xlwings: bool = False, portable: bool = False, calc_buttons: bool = False) -> BookLayout:
    """Every sheet in contract order, «Панель» first; `buttons` (macro Sub, caption) go on «Панель».
    `portable`: no «xlwings.conf» (xlwings then reads the user's config file, else runs `python` from PATH) —
    for the master workbook committed in workbook/, the same on every machine. `calc_buttons`: the .ods
    builder adds buttons of its own to «Панель» after the conversion (see `panel`)."""
    data = school or SchoolData()
    year = f"{year_start}/{year_start + 1}"
    org_name = str(data.settings.get(k.SET_ORG_FULL) or org or "")
    tables: dict[str, TableLayout] = {}
    settings = TableLayout(k.SETTINGS.table, columns_of(k.SETTINGS), [])
    settings.rows = _rows(settings.columns, settings_rows(org, year, data.settings))
    tables[k.SETTINGS.key] = settings
    roadmap = data.roadmap or roadmap_rows(variant, year_start)
    tables[k.ROADMAP.key] = _roadmap_table(roadmap, year_start)
    tables[k.MENTEES.key] = _bank(k.MENTEES, data.mentees, ["consent_pd"])
    tables[k.MENTORS.key] = _bank(k.MENTORS, data.mentors, ["consent_mentoring", "consent_pd"])
    tables[k.SUGGESTIONS.key] = TableLayout(k.SUGGESTIONS.table, columns_of(k.SUGGESTIONS), [])
    pairs = TableLayout(k.PAIRS.table, columns_of(k.PAIRS), [])
    pairs.rows = _rows(pairs.columns, data.pairs)
    _missing(pairs, "number", ["order_number"], "pending")
    tables[k.PAIRS.key] = pairs
    tables[k.ORDERS.key] = TableLayout(k.ORDERS.table, columns_of(k.ORDERS), [], style=OWNED_STYLE)
    surveys = TableLayout(k.SURVEYS.table, _survey_columns(), [])
    surveys.rows = _rows(surveys.columns, data.surveys)
    tables[k.SURVEYS.key] = surveys
    meetings = TableLayout(k.MEETINGS.table, columns_of(k.MEETINGS), [])
    meetings.rows = _rows(meetings.columns, data.meetings)
    tables[k.MEETINGS.key] = meetings
    tables[k.PROBLEMS.key] = TableLayout(k.PROBLEMS.table, columns_of(k.PROBLEMS), [], style=OWNED_STYLE)
    tables[k.SUGGESTIONS.key].style = OWNED_STYLE
    _approved_marks(tables[k.SUGGESTIONS.key], pairs)
    _severity_colours(tables[k.PROBLEMS.key])

    dictionary, names = _dictionary_sheet()
    tables[k.TAGS.key] = dictionary.tables[0]
    sheets = [panel(tables, org=org_name, year=year, today=today, buttons=buttons, calc_buttons=calc_buttons)]
    frozen_name = {k.MENTEES.key, k.MENTORS.key}
    for spec in k.SHEETS:
        if spec.key == k.TAGS.key:
            sheets.append(dictionary)
        else:
            sheets.append(_sheet(spec, tables[spec.key], (1, 1) if spec.key in frozen_name else (1, 0)))
    rows = [] if portable or not xlwings else xlwings_config()
    if rows:  # `portable`: no sheet at all (see above)
        conf = SheetLayout("xlwings.conf", hidden=True, widths={0: 20, 1: 60})
        for r, (key, value) in enumerate(rows):
            conf.cells.append(Cell(r, 0, key))
            conf.cells.append(Cell(r, 1, value))
        sheets.append(conf)
    assert [s.name for s in sheets[: len(k.SHEET_ORDER)]] == list(k.SHEET_ORDER)
    return BookLayout(sheets, names, org_name, year)
