"""A school's roadmap table (from Word) into «Дорожная карта»: pure planning over a grid of cells.

The reader (book/roadmap_docx.py) gives every table of the document as a grid: one `GridCell` per grid column
of every row, merged cells resolved (a cell spanning columns repeats in each; a cell merged down repeats in
each row below with the same `origin`). Here:
- The roadmap table is the first one with a header row naming the activity column («Мероприятие»,
  «Мероприятия», «Содержание деятельности…», «Наименование мероприятия»); titles and approval blocks above it
  are paragraphs, not rows, and never get here. The other columns are found by their words: «этап», «срок»,
  «ответствен» / «исполнител», «результат» / «вид документа», «№» / «п/п». Any other column with text is kept in
  «Комментарий» as «<заголовок>: <текст>»; a second activity column (a school with «Мероприятия» and
  «Содержание деятельности» both) too.
- A row repeating the header (Word repeats it at page breaks, or it was copied) is skipped. A row whose cells
  past «№» are one cell merged across the table is a section row: «I. Подготовка условий…», «2 этап. …» name
  the stage of the rows below it; another section row (a sub-heading such as «1. Изучение материалов») goes to
  the «Комментарий» of its activities («Раздел: …»).
- Stage, срок, ответственный and result merged down give each row the value of their merged cell. An empty
  stage cell continues the stage above; on a continuation row (no «№» of its own) an empty срок or
  ответственный continues the activity above.
- A cell listing several items («1) … 2) …», «1. … 2. …», lines starting «–», «-», «•», «✓») becomes one
  activity per item, of the same stage, with the row's срок, ответственный and result; an introduction before
  the first item («Подготовка локальных актов:») is an activity of its own. The markers go, the words stay.
- Every text is kept as written (spaces collapsed only); the action writes the dates of each срок into the
  helper columns of the overdue highlight (roadmap_state.FIRST_DUE, LAST_DUE) when the sheet has them. Each
  срок that `terms.parse_term` cannot read is reported; a table without a срок column is reported once.
- The book's roadmap is not overwritten without `overwrite`: activities already there (same stage and
  activity, case and spaces ignored) are skipped and reported; with `overwrite` the table replaces the roadmap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mentorxl.core.models import RoadmapEvent
from mentorxl.core.problems import Problem, problem
from mentorxl.core.terms import parse_term
from mentorxl.core.text import clean, header_key
from mentorxl.errors import ColumnMissing

NUMBER, STAGE, EVENT, TERM, RESPONSIBLE, RESULT = "number", "stage", "event", "term", "responsible", "result"
ROADMAP_FIELDS = (STAGE, EVENT, TERM, RESPONSIBLE, RESULT)


@dataclass(frozen=True, slots=True)
class GridCell:
    text: str  # paragraphs joined with "\n", as in the document
    origin: tuple[int, int]  # (row, grid column) of the top-left cell of its merged area


@dataclass(frozen=True, slots=True)
class DocTable:
    rows: list[list[GridCell]]
    number: int = 1  # the table's number in the document, for messages


@dataclass(slots=True)
class RoadmapImport:
    """What importing a roadmap table would do."""

    columns: dict[str, str]  # roadmap field (or «comment:<header>») -> the document's header
    rows: list[dict[str, object]] = field(default_factory=list)  # new activities, by column key
    replace: bool = False  # the rows replace the roadmap (overwrite)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why a row of the document was not loaded
    table: int = 1
    items_split: int = 0  # cells that held several activities

    @property
    def changed(self) -> bool:
        return bool(self.rows) or self.replace


# ---------------------------------------------------------------- headers

def column_of(header: str) -> str | None:
    """The roadmap field a header of a school's table names, or None."""
    s = header_key(header)
    if not s:
        return None
    if "ответствен" in s or "исполнител" in s:
        return RESPONSIBLE
    if "срок" in s or s in {"дата", "датапроведения", "период"}:
        return TERM
    if "результат" in s or "виддокумент" in s or "итог" in s:
        return RESULT
    if "этап" in s or s in {"раздел", "направление", "направлениедеятельности"}:
        return STAGE
    if "мероприят" in s or "содержани" in s or "деятельност" in s or s in {"действия", "работа"}:
        return EVENT
    if s in {"№", "n", "no", "№п/п", "п/п", "номер", "№пп"} or (s.startswith("№") and len(s) <= 6):
        return NUMBER
    return None


def _header_map(row: Sequence[GridCell]) -> dict[int, str] | None:
    """Grid column -> field for a header row (None when the row is no header)."""
    found: dict[int, str] = {}
    seen: set[tuple[int, int]] = set()
    for i, cell in enumerate(row):
        if cell.origin in seen:
            continue
        seen.add(cell.origin)
        if (target := column_of(cell.text)) is not None:
            found[i] = target
    fields = set(found.values())
    if EVENT not in fields or len(fields) < 2:
        return None
    return found


def _is_header_again(row: Sequence[GridCell], header: Sequence[GridCell]) -> bool:
    texts = [header_key(c.text) for c in row if clean(c.text)]
    own = [header_key(c.text) for c in header if clean(c.text)]
    return bool(texts) and sum(t in own for t in texts) * 2 > len(texts) and len(set(texts)) > 1


# ---------------------------------------------------------------- items in one cell

_NUMBERED = re.compile(r"(?:(?<=\s)|^)(\d{1,2})[).]\s+(?=\S)")
_BULLET_LINE = re.compile(r"^\s*[–—•✓✔●▪·*-]\s*")
_INLINE_BULLET = re.compile(r"(?<=[:.;])\s+[–—-]\s+|\s*[•✓✔●▪]\s*")
_SECTION = re.compile(r"^\s*(?:[IVXLC]+\.|\d+\s*этап\b|этап\s*\d+)", re.IGNORECASE)


def _numbered(text: str) -> list[str] | None:
    """«1) … 2) …» (numbers 1, 2, 3… in order) split into items; the text before «1)» first when there is any."""
    marks = list(_NUMBERED.finditer(text))
    chosen: list[re.Match[str]] = []
    for m in marks:
        if int(m[1]) == len(chosen) + 1:
            chosen.append(m)
    if len(chosen) < 2:
        return None
    parts = [text[: chosen[0].start()]]
    for m, nxt in zip(chosen, [*chosen[1:], None], strict=True):
        parts.append(text[m.end(): nxt.start() if nxt else len(text)])
    return parts


def split_items(text: str) -> list[str]:
    """The activities a cell lists (one when it lists nothing); markers dropped, words kept."""
    text = text.replace("\r", "\n")
    parts = _numbered(text)
    if parts is None:
        lines = [line for line in text.split("\n") if line.strip()]
        if sum(1 for line in lines if _BULLET_LINE.match(line)) >= 1 and len(lines) > 1:
            parts = []
            for line in lines:
                if _BULLET_LINE.match(line) or not parts:
                    parts.append(_BULLET_LINE.sub("", line, count=1))
                else:
                    parts[-1] += " " + line
        else:
            pieces = _INLINE_BULLET.split(text)
            parts = pieces if len(pieces) > 1 else [text]
    items = [clean(p).strip(" ;") for p in parts]
    items = [_BULLET_LINE.sub("", i) for i in items]
    return [i for i in items if i and re.search(r"\w", i)]


# ---------------------------------------------------------------- the plan


def find_roadmap_table(tables: Sequence[DocTable]) -> tuple[DocTable, int, dict[int, str]] | None:
    """The first table with a roadmap header row: (table, header row index, column map)."""
    for table in tables:
        for r, row in enumerate(table.rows[:6]):
            if (found := _header_map(row)) is not None:
                return table, r, found
    return None


def _key(stage: str, event: str) -> tuple[str, str]:
    return header_key(stage), header_key(event)


def plan_roadmap_import(tables: Sequence[DocTable], existing: Sequence[RoadmapEvent], *, source: str,
                        year_start: int, overwrite: bool = False) -> RoadmapImport:
    """What loading the roadmap table of a document (its `tables`) into «Дорожная карта» does. Raises
    ColumnMissing when no table has a header row with an activity column."""
    found = find_roadmap_table(tables)
    if found is None:
        raise ColumnMissing(
            f"В документе «{source}» не найдена таблица дорожной карты.",
            "Нужна таблица со строкой заголовков, где есть столбец «Мероприятие» (или «Содержание "
            "деятельности»), а также «Этап», «Срок», «Ответственный», «Результат».")
    table, header_row, columns = found
    header = table.rows[header_row]
    events = [i for i, f in columns.items() if f == EVENT]
    main_event = next((i for i in events if "содержани" in header_key(header[i].text)), events[-1])
    extra = [i for i in range(len(header)) if (i not in columns or (i in events and i != main_event))
             and clean(header[i].text) and header[i].origin[1] == i]
    plan = RoadmapImport({f: clean(header[i].text) for i, f in columns.items() if i not in extra},
                         replace=overwrite, table=table.number)
    plan.columns.update({f"comment:{clean(header[i].text)}": clean(header[i].text) for i in extra})
    col = {f: i for i, f in reversed(list(columns.items())) if f != EVENT}
    col[EVENT] = main_event
    if TERM not in col:
        plan.problems.append(problem("roadmap_no_term_column", source, None, None, ""))
    have = set() if overwrite else {_key(e.stage, e.event) for e in existing if e.event}
    stage = section = ""
    last: dict[str, str] = {}
    width = len(header)
    for r in range(header_row + 1, len(table.rows)):
        row = table.rows[r]
        line = r + 1
        if len(row) < width:
            row = [*row, *(GridCell("", (r, c)) for c in range(len(row), width))]
        if not any(clean(c.text) for c in row):
            continue
        if _is_header_again(row, header):
            plan.skipped.append(f"строка {line}: повтор строки заголовков")
            continue
        start = 1 if NUMBER in col and col[NUMBER] == 0 else 0
        rest = {c.origin for c in row[start:]}
        if len(rest) == 1 and width - start > 1:
            text = clean(row[start].text)
            if STAGE in col or not stage or _SECTION.match(text):
                stage, section = text, ""
            else:  # a sub-heading inside a stage, with its own number when it has one
                section = f"{clean(row[0].text)} {text}" if start and clean(row[0].text) else text
            continue

        def cell(f: str, row: list[GridCell] = row) -> str:
            return clean(row[col[f]].text) if f in col else ""

        if cell(STAGE):
            if cell(STAGE) != stage:
                section = ""
            stage = cell(STAGE)
        number = cell(NUMBER)
        continuation = not number
        values = {f: cell(f) for f in (TERM, RESPONSIBLE, RESULT)}
        for f in (TERM, RESPONSIBLE):
            if not values[f] and continuation and f in col:
                values[f] = last.get(f, "")
        event_text = row[col[EVENT]].text
        if not clean(event_text):
            if any(values.values()) or number:
                plan.skipped.append(f"строка {line}: нет текста мероприятия")
            continue
        items = split_items(event_text)
        plan.items_split += len(items) > 1
        comments = [f"Раздел: {section}"] if section else []
        comments += [f"{clean(header[i].text)}: {clean(row[i].text)}" for i in extra
                     if clean(row[i].text) and row[i].origin[1] == i]
        for n, item in enumerate(items, 1):
            if _key(stage, item) in have:
                plan.skipped.append(f"строка {line}: «{item[:60]}» уже есть в «Дорожной карте»")
                continue
            shown = number.rstrip(".") + (f".{n}" if len(items) > 1 else "") if number else ""
            row_values: dict[str, object] = {"number": shown or None, "stage": stage or None, "event": item,
                                             **{f: (v or None) for f, v in values.items()}}
            if comments:
                row_values["comment"] = "; ".join(comments)
            plan.rows.append(row_values)
        last = {f: values[f] for f in (TERM, RESPONSIBLE)}
        if values[TERM] and not parse_term(values[TERM], year_start).understood:
            plan.problems.append(problem("roadmap_term_not_understood", source, line, plan.columns[TERM],
                                         values[TERM]))
    return plan

