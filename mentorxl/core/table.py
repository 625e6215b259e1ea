"""Finding a contract table inside a sheet's grid of cells (pure: the grid comes from the book layer).

The header row is the first row (of the first 40) holding every required header; titles and notes
above it are ignored. A header cell left empty by a vertical merge takes the text of the cell above.
Columns are found by header text, never by position; other columns are kept as `extra`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from mentorxl.core.contract import Column, SheetSpec
from mentorxl.core.text import clean, header_key

Grid = Sequence[Sequence[object]]
HEADER_SCAN_ROWS = 40


@dataclass(frozen=True, slots=True)
class CellError:
    """An Excel error value a cell shows (#N/A, #DIV/0!, #REF!…): reported as such, never read as text."""

    code: str

    def __str__(self) -> str:
        return self.code


class SparseGrid(Sequence[Sequence[object]]):
    """A sheet's grid keeping only the rows that hold something: a value typed in the last row of a sheet
    costs one row, not a million empty ones. Indexes are 0-based rows of the sheet; an empty row is ()."""

    def __init__(self, rows: Mapping[int, Sequence[object]], height: int):
        self._rows = dict(rows)
        self._height = height

    def __len__(self) -> int:
        return self._height

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._height))]
        if index < 0:
            index += self._height
        if not 0 <= index < self._height:
            raise IndexError(index)
        return self._rows.get(index, ())

    def put(self, row: int, column: int, value: object) -> None:
        """Set one cell (0-based), the row and the grid growing as needed."""
        cells = list(self._rows.get(row, ()))
        cells.extend([""] * (column + 1 - len(cells)))
        cells[column] = value
        self._rows[row] = cells
        self._height = max(self._height, row + 1)

    def filled(self, start: int) -> Iterator[tuple[int, Sequence[object]]]:
        return ((i, self._rows[i]) for i in sorted(self._rows) if i >= start)


def _rows_from(grid: Grid, start: int) -> Iterator[tuple[int, Sequence[object]]]:
    if isinstance(grid, SparseGrid):
        yield from grid.filled(start)
    else:
        for i in range(start, len(grid)):
            yield i, grid[i]


@dataclass(slots=True)
class Table:
    """One contract table read from a sheet: data rows keep the Excel row number the user sees."""

    spec: SheetSpec
    sheet: str  # the sheet's name as the book spells it
    header_row: int | None  # Excel row number; None when no header was found
    columns: dict[str, int] = field(default_factory=dict)  # column key -> 0-based index
    extra: dict[str, int] = field(default_factory=dict)  # other headers as typed -> index
    repeated: list[tuple[Column, int]] = field(default_factory=list)  # a contract header found again -> index
    headers_again: list[int] = field(default_factory=list)  # Excel rows repeating the header row (not data)
    chart: bool = False  # the sheet of that name is a chartsheet: no cells at all
    rows: list[tuple[int, Sequence[object]]] = field(default_factory=list)
    missing: list[Column] = field(default_factory=list)  # required columns not found

    def value(self, cells: Sequence[object], key: str) -> object:
        index = self.columns.get(key)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def extra_value(self, cells: Sequence[object], header: str) -> object:
        index = self.extra[header]
        return cells[index] if index < len(cells) else None

    def header_of(self, key: str) -> str:
        return self.spec.column(key).header

    def index(self, key: str) -> int | None:
        """The column of a contract key, else of the user's own column with that header (case, spaces, ё
        ignored); None when the sheet has neither."""
        if key in self.columns:
            return self.columns[key]
        wanted = header_key(key)
        return next((i for header, i in self.extra.items() if header_key(header) == wanted), None)

    @property
    def found(self) -> bool:
        return self.header_row is not None


def with_own_columns(table: Table, rows: Sequence[Mapping[str, object]]) -> tuple[Table, list[tuple[int, str]]]:
    """The table as an append of `rows` sees it when their keys that are not contract columns are headers of
    the user's own columns (the questions of «Анкеты»): each is found among the sheet's other headers as
    typed or alike (case, spaces, ё), else it becomes a new column after the last header. Returns the table
    with those headers as column keys, and the new header cells to write: (0-based index, header)."""
    contract = {c.key for c in table.spec.columns}
    known = {header_key(h): i for h, i in table.extra.items()}
    columns = dict(table.columns)
    added: list[tuple[int, str]] = []
    free = max([*table.columns.values(), *table.extra.values(), -1]) + 1
    for row in rows:
        for key in row:
            if key in contract or key in columns:
                continue
            index = known.get(header_key(key))
            if index is None:
                index, free = free, free + 1
                known[header_key(key)] = index
                added.append((index, key))
            columns[key] = index
    return replace(table, columns=columns), added


def written_columns(table: Table, rows: Sequence[Mapping[str, object]]) -> dict[str, int]:
    """Where a replace writes: the contract columns by key, and the user's own columns whose header the rows
    carry (the «Подбор» notes kept beside a suggestion, core/suggestions.py), by header."""
    carried = {key for row in rows for key in row}
    return {**table.columns, **{h: i for h, i in table.extra.items() if h in carried and h not in table.columns}}


def column_letter(index: int) -> str:
    """The Excel letters of a 0-based column index: 0 → «A», 27 → «AB»."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_cells(grid: Grid, r: int) -> list[str]:
    row = grid[r]
    above = grid[r - 1] if r > 0 else ()
    texts = []
    for c, value in enumerate(row):
        if _is_empty(value) and c < len(above) and not _is_empty(above[c]):
            value = above[c]  # a header merged down over two rows keeps its text in the top cell
        texts.append(clean(value) if not _is_empty(value) else "")
    return texts


def locate(spec: SheetSpec, sheet: str, grid: Grid) -> Table:
    keys = {header_key(c.header): c for c in spec.columns}
    required = {header_key(c.header) for c in spec.required}
    best: tuple[int, int, list[str]] | None = None  # (score, row, texts)
    for r in range(min(len(grid), HEADER_SCAN_ROWS)):
        texts = _header_cells(grid, r)
        found = {header_key(t) for t in texts if t} & keys.keys()
        if (required and required <= found) or (not required and found):
            best = (len(found) + 1000, r, texts)
            break
        score = len(found & required) * 10 + len(found)
        if found and (best is None or score > best[0]):
            best = (score, r, texts)
    if best is None:
        return Table(spec, sheet, None, missing=list(spec.required))
    _, r, texts = best
    table = Table(spec, sheet, r + 1)
    for c, text in enumerate(texts):
        if not text:
            continue
        column = keys.get(header_key(text))
        if column is not None and column.key not in table.columns:
            table.columns[column.key] = c
        elif column is not None:
            table.repeated.append((column, c))  # a second «ФИО»: the first one is read, the check says so
        elif text not in table.extra:
            table.extra[text] = c
    table.missing = [c for c in spec.required if c.key not in table.columns]
    used = sorted({*table.columns.values(), *table.extra.values()})
    named = [(i, header_key(texts[i])) for i in table.columns.values()]
    for i, cells in _rows_from(grid, r + 1):
        if all(_is_empty(cells[c]) for c in used if c < len(cells)):
            continue
        if named and all(c < len(cells) and isinstance(cells[c], str) and header_key(cells[c]) == h for c, h in named):
            table.headers_again.append(i + 1)  # the header row pasted again below: no person called «ФИО»
            continue
        table.rows.append((i + 1, cells))
    return table
