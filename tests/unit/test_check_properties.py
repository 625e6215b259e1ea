"""Whatever the cells hold, «Проверить данные» answers with a report of catalogued problems at real rows."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.messages import CATALOG
from mentorxl.core.problems import Problem, Report
from mentorxl.core.statuses import Decision
from mentorxl.core.table import CellError
from mentorxl.core.text import person_key
from mentorxl.core.validation import check
from tests.unit.validation_builder import TODAY, program

NAMES = [
    "Иванова Мария Петровна",
    "Ивaнова Мария Петровна",
    "Кузнецова Анна Сергеевна",
    "Петров",
    "  петров  пётр ",
]
WORDS = [
    *v.MENTEE_STATUSES,
    *v.MENTOR_STATUSES,
    *v.PAIR_STATUSES,
    *v.EVENT_STATUSES,
    *v.ROLES,
    *v.SURVEY_KINDS,
    *v.FORMS[:2],
    "ИКТ; ФГОС",
    "вязание",
    "сентябрь – октябрь 2025, далее – ежеквартально",
    "до 15 марта 2026 г.",
    "В течение года",
    "01.09.2025",
    "31.02.2025",
    "1 сентября 2025",
    "№ 1",
    "2025/2026",
    *k.SETTING_ORDER,
]

cells = st.one_of(
    st.none(),
    st.sampled_from(NAMES + WORDS),
    st.text(max_size=30),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=5),  # control characters
    st.sampled_from(["=1+1", "=A1", "#N/A", "#DIV/0!", "", "   ", ";", ",;\n", "1e308", "-0", "NaN"]),
    st.builds(lambda n: "Ж" * n, st.integers(5_000, 40_000)),  # huge strings
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-5, 15),
    st.booleans(),
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1)),
    st.times(),
    st.timedeltas(max_value=timedelta(days=10_000), min_value=timedelta(days=-10_000)),
    # issue 10: non-finite and huge numbers, error values, invisible marks and emoji, statuses typed otherwise
    st.sampled_from(["inf", "-inf", "1e309", "nan", 1e19, -1e19, float("inf"), float("nan"), 10**30,
                     CellError("#N/A"), CellError("#REF!"), "Петрова Анна\u200f Ивановна", "\u202eанна",
                     "Сидоров 😀 Сидор", "\ufeffКозлова", "утвердить", "Утвepдить", "проект", "действуeт"]),
)

SPECS = [s for s in k.SHEETS if not s.owned] + [k.SUGGESTIONS]


@st.composite
def sheet_grid(draw: st.DrawFn, spec: k.SheetSpec) -> list[list[object]]:
    headers: list[object] = list(draw(st.permutations(spec.headers)))
    if draw(st.booleans()):
        headers = headers[: draw(st.integers(0, len(headers)))]  # some columns (maybe required ones) missing
    headers += draw(
        st.lists(
            st.sampled_from(["Вопрос 1", "Вопрос 2", "Моя пометка", k.LIST_MENTEE_STATUS, None, *spec.headers[:2]]),
            max_size=3  # a contract header again: a second «ФИО»
        )
    )
    width = len(headers) + draw(st.integers(0, 2))
    title: list[list[object]] = draw(st.lists(st.lists(cells, max_size=3), max_size=2))
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=width), max_size=8))
    if rows and draw(st.booleans()):
        rows.insert(draw(st.integers(0, len(rows))), list(headers))  # the header row pasted again
    return [*title, headers, *rows]


@st.composite
def books(draw: st.DrawFn) -> dict[str, list[list[object]]]:
    chosen = draw(st.lists(st.sampled_from(SPECS), unique=True, min_size=1, max_size=len(SPECS)))
    return {spec.name: draw(sheet_grid(spec)) for spec in chosen}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(books(), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_any_cells_in_any_sheet_give_a_report_of_catalogued_problems_inside_the_grid(book, today):
    report = check(program(book), today=today)
    assert isinstance(report, Report)
    heights = {name: len(grid) for name, grid in book.items()}
    for p in report.problems:
        assert isinstance(p, Problem)
        assert p.code in CATALOG
        assert p.severity == CATALOG[p.code].severity
        assert p.message and p.hint
        if p.row is not None:
            assert 1 <= p.row <= heights[p.sheet], p


def _row(first: object, width: int) -> list[object]:
    return [first, *[None] * (width - 1)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(NAMES),
            st.sampled_from(NAMES),
            st.sampled_from(v.PAIR_STATUSES),
            st.sampled_from(["1", "2", "№ 1", 3.0]),
        ),
        max_size=8,
    )
)
def test_checking_the_same_data_twice_gives_the_same_report(pairs):
    book: dict[str, list[list[object]]] = {
        k.PAIRS.name: [
            list(k.PAIRS.headers),
            *[[n, m, e, None, None, None, None, None, None, None, s] for m, e, s, n in pairs],
        ],
        k.MENTEES.name: [list(k.MENTEES.headers), *[_row(n, 11) for n in NAMES[:3]]],
        k.MENTORS.name: [list(k.MENTORS.headers), *[_row(n, 14) for n in NAMES[2:]]],
    }
    first = check(program(book), today=TODAY).problems
    assert first == check(program(book), today=TODAY).problems


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(books())
def test_any_cells_give_suggestions_or_reasons_and_a_merge_that_keeps_every_decision(book):
    from mentorxl.core.matching import match
    from mentorxl.core.suggestions import suggestion_rows, touched

    data = program(book)
    result = match(data)
    rows = suggestion_rows(data.suggestions, result)
    kept = {s.key for s in data.suggestions if touched(s)}
    written = {(person_key(str(r["mentee"])), person_key(str(r["mentor"]))) for r in rows}
    assert kept <= written
    for s in data.suggestions:
        if s.choice is Decision.REJECT:
            assert all((person_key(x.mentee), person_key(x.mentor)) != s.key for x in result.suggestions)
