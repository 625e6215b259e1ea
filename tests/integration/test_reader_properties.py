"""Random cells in real .xlsx files, and damaged copies of a real book, through the real reader (python-calamine)
and «Проверить данные»: the outcome is always a report of catalogued problems or one clean MentorXLError —
never another exception, never a traceback."""

from __future__ import annotations

import functools
import json
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from mentorxl.actions.check import check_book
from mentorxl.actions.pairs import match_pairs
from mentorxl.book.headless import HeadlessBook
from mentorxl.book.reader import ESSENTIAL, read_program, read_tables
from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.messages import CATALOG
from mentorxl.errors import BookUnreadable, MentorXLError
from tests.builders import write_book

TODAY = date(2025, 11, 20)

TYPED = [
    "Иванова Мария Петровна", "Ивaнова Мария Петровна", "  петров  пётр ", *v.MENTEE_STATUSES, *v.PAIR_STATUSES,
    "ИКТ; ФГОС", "вязание", "01.09.2025", "31.02.2025", "1 сентября 2025", "45901", "3,5", "№ 1", "2025/2026",
    "до 15 марта 2026 г.", "=1+1", "#N/A", "-0", "1e308", ";", ",;\n", "\u00a0", "\t",
    # issue 10: what crashed or passed unseen before
    "inf", "-inf", "1e309", "nan", "10000000000000000000", "Петрова Анна\u200f Ивановна", "\u202eанна",
    "Сидоров 😀 Сидор", "\ufeffКозлова", "утвердить", "Утвepдить", "проект", "ФИО",
]

cells = st.one_of(
    st.none(),
    st.sampled_from(TYPED),
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=1, max_codepoint=0x1F), min_size=1, max_size=5),
    st.builds(lambda n: "Ж" * n, st.integers(1_000, 5_000)),
    st.integers(-(10**15), 10**15),
    st.sampled_from([1e19, -1e19, 1e300, 10**20]),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
    st.integers(-5, 60_000),  # Excel serial dates among them
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
)

SPECS = [s for s in k.SHEETS if not s.owned]


@st.composite
def sheet(draw: st.DrawFn, spec: k.SheetSpec) -> list[list[object]]:
    headers: list[object] = list(draw(st.permutations(spec.headers)))
    if draw(st.booleans()):
        headers = headers[: draw(st.integers(0, len(headers)))]
    headers += draw(st.lists(st.sampled_from(["Моя пометка", "Вопрос 1", None]), max_size=2))
    title = draw(st.lists(st.lists(cells, max_size=3), max_size=2))
    rows = draw(st.lists(st.lists(cells, max_size=len(headers) + 2), max_size=6))
    return [*title, headers, *rows]


@st.composite
def books(draw: st.DrawFn) -> dict[str, list[list[object]]]:
    chosen = draw(st.lists(st.sampled_from(SPECS), unique=True, min_size=3, max_size=len(SPECS)))
    if draw(st.integers(0, 7)):  # mostly a book with every essential sheet: the rules get to run
        chosen = list(dict.fromkeys([*ESSENTIAL, *chosen]))
    return {spec.name: draw(sheet(spec)) for spec in chosen}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(books())
def test_any_cells_written_to_a_real_file_give_a_report_or_one_clean_error(book):
    with tempfile.TemporaryDirectory() as folder:
        path = write_book(Path(folder) / "Книга.xlsx", book)
        try:
            outcome = check_book(HeadlessBook(path), today=TODAY)
        except MentorXLError as error:
            assert error.message and error.exit_code == 2
            return
        payload = json.loads(json.dumps(outcome.data, ensure_ascii=False, default=str))
        assert outcome.exit_code == (1 if payload["errors"] else 0)
        assert {p["code"] for p in payload["problems"]} <= set(CATALOG)
        assert outcome.files == [path]  # the list is written into the book itself
        table = read_tables(path, [k.PROBLEMS], [k.PROBLEMS])[k.PROBLEMS.key]
        listed = [cells for _, cells in table.rows if any(table.value(cells, c.key) for c in k.PROBLEMS.columns)]
        assert len(listed) == len(payload["problems"])
        matched = match_pairs(HeadlessBook(path))  # the same book through «Подобрать пары»: never an exception
        assert set(json.loads(json.dumps(matched.data, ensure_ascii=False, default=str))) == {"suggestions",
                                                                                               "unmatched"}


@functools.cache
def demo_bytes() -> bytes:
    from mentorxl.builder.workbook import build_workbook

    with tempfile.TemporaryDirectory() as folder:
        return build_workbook(Path(folder) / "demo.xlsx", demo=True, today=TODAY).read_bytes()


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_a_damaged_copy_of_a_real_book_is_read_or_refused_with_one_message(data):
    damaged = bytearray(demo_bytes())
    if data.draw(st.booleans(), label="cut"):
        damaged = damaged[: data.draw(st.integers(0, len(damaged) - 1), label="length")]
    else:
        for _ in range(data.draw(st.integers(1, 12), label="flips")):
            damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "copy.xlsx"
        path.write_bytes(bytes(damaged))
        try:
            read_program(path)
        except BookUnreadable as error:
            assert error.message and error.hint


def test_a_panic_inside_calamine_is_a_damaged_book_not_a_traceback(tmp_path, monkeypatch):
    path = write_book(tmp_path / "b.xlsx", {k.SETTINGS.name: [["Параметр", "Значение"]]})

    class PanicException(BaseException):  # what pyo3 raises when Rust code panics
        pass

    def panic(_path: str) -> None:
        raise PanicException("index out of bounds")

    monkeypatch.setattr(CalamineWorkbook, "from_path", panic)
    with pytest.raises(BookUnreadable, match="повреждён"):
        read_program(path)
