"""Planning the import of a school's roadmap table: grids of cells shaped like the seeds' Word tables."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorxl.core.imports.roadmap import DocTable, GridCell, column_of, plan_roadmap_import, split_items
from mentorxl.core.models import RoadmapEvent
from mentorxl.errors import ColumnMissing

HEADER = ("№", "Наименование этапа", "Содержание деятельности", "Сроки исполнения", "Ответственный",
          "Ожидаемый результат")


def table(rows: Sequence[Sequence[str | None]]) -> DocTable:
    """A grid: None in a cell means «merged with the cell above», "<" means «merged with the cell at its left»."""
    out: list[list[GridCell]] = []
    for r, row in enumerate(rows):
        cells: list[GridCell] = []
        for c, text in enumerate(row):
            if text is None:
                cells.append(out[-1][c])
            elif text == "<":
                cells.append(cells[-1])
            else:
                cells.append(GridCell(text, (r, c)))
        out.append(cells)
    return DocTable(out)


def plan(rows: Sequence[Sequence[str | None]], existing: Sequence[RoadmapEvent] = (), **kw: object):
    return plan_roadmap_import([table(rows)], existing, source="карта.docx", year_start=2025, **kw)  # type: ignore[arg-type]


def test_the_headers_schools_write_name_the_roadmap_columns() -> None:
    assert column_of("Содержание деятельности и примерный план мероприятий") == "event"
    assert column_of("Наименование мероприятия") == "event"
    assert column_of("Наименование этапа") == "stage"
    assert column_of("Срок реализации") == "term"
    assert column_of("Ответственный исполнитель") == "responsible"
    assert column_of("Результат, вид документа") == "result"
    assert column_of("№ п/п") == "number"
    assert column_of("Примечание") is None


def test_a_stage_merged_down_gives_each_activity_its_stage_term_and_responsible() -> None:
    found = plan([HEADER,
                  ("1", "Подготовка условий", "Приказ о куратора", "до 15 сентября 2025 г.", "Директор", "Приказ"),
                  (None, None, "Педсовет", None, None, "Протокол")])
    assert [(r["stage"], r["event"], r["term"], r["responsible"]) for r in found.rows] == [
        ("Подготовка условий", "Приказ о куратора", "до 15 сентября 2025 г.", "Директор"),
        ("Подготовка условий", "Педсовет", "до 15 сентября 2025 г.", "Директор"),
    ]
    assert [r["result"] for r in found.rows] == ["Приказ", "Протокол"]


def test_a_section_row_merged_across_names_the_stage_of_the_rows_below() -> None:
    found = plan([("№ п/п", "Наименование мероприятия", "Срок", "Ответственный"),
                  ("I. Подготовка условий", "<", "<", "<"),
                  ("1.1.", "Информирование педагогов", "январь", "Директор"),
                  ("II. Формирование базы наставляемых", "<", "<", "<"),
                  ("2.1.", "Анкетирование", "февраль", "Психолог")])
    assert [(r["stage"], r["event"], r["number"]) for r in found.rows] == [
        ("I. Подготовка условий", "Информирование педагогов", "1.1"),
        ("II. Формирование базы наставляемых", "Анкетирование", "2.1"),
    ]


def test_a_repeated_header_row_is_skipped_and_reported() -> None:
    found = plan([HEADER, ("1", "Этап один", "Дело", "май 2026", "Куратор", ""), HEADER,
                  ("2", "Этап два", "Другое дело", "июнь 2026", "Куратор", "")])
    assert [r["event"] for r in found.rows] == ["Дело", "Другое дело"]
    assert found.skipped == ["строка 3: повтор строки заголовков"]


def test_numbered_items_in_one_cell_become_activities_of_the_same_stage() -> None:
    found = plan([HEADER, ("2", "Банк наставляемых", "1) Сбор запросов педагогов. 2) Сбор согласий.",
                           "Сентябрь – октябрь 2025, далее – ежеквартально", "Методист", "")])
    assert [(r["event"], r["number"], r["term"]) for r in found.rows] == [
        ("Сбор запросов педагогов.", "2.1", "Сентябрь – октябрь 2025, далее – ежеквартально"),
        ("Сбор согласий.", "2.2", "Сентябрь – октябрь 2025, далее – ежеквартально"),
    ]
    assert found.items_split == 1


def test_dashed_lines_split_and_an_introduction_stays_an_activity_of_its_own() -> None:
    assert split_items("Подготовка актов:\n– приказ о Положении\n– дорожная карта") == [
        "Подготовка актов:", "приказ о Положении", "дорожная карта"]
    assert split_items("✓ Выбор форм ✓ Подбор программ") == ["Выбор форм", "Подбор программ"]


def test_a_dash_inside_a_sentence_does_not_split_it() -> None:
    assert split_items("Программы наставничества – при наличии наставляемых") == [
        "Программы наставничества – при наличии наставляемых"]
    assert split_items("Совещание 1 раз в месяц") == ["Совещание 1 раз в месяц"]


@given(st.lists(st.text(alphabet="абвгдежзик ", min_size=1, max_size=20).filter(lambda s: s.strip()),
                min_size=1, max_size=6), st.sampled_from(["numbered", "dash", "check"]))
def test_every_word_of_a_listed_cell_is_kept_in_its_items(items: list[str], style: str) -> None:
    marks = {"numbered": lambda i: f"{i})", "dash": lambda i: "\n–", "check": lambda i: "✓"}[style]
    text = " ".join(f"{marks(i)} {item}" for i, item in enumerate(items, 1))
    words = re.findall(r"\w+", text.replace(")", " "))
    kept = re.findall(r"\w+", " ".join(split_items(text)))
    assert sorted(w for w in words if not w.isdigit()) == sorted(w for w in kept if not w.isdigit())


def test_a_term_the_program_cannot_read_is_kept_and_reported() -> None:
    found = plan([HEADER, ("1", "Этап", "Дело", "когда появится время", "Куратор", "")])
    assert found.rows[0]["term"] == "когда появится время"
    assert [(p.code, p.row, p.value) for p in found.problems] == [
        ("roadmap_term_not_understood", 2, "когда появится время")]


def test_a_table_without_a_term_column_loads_and_says_so_once() -> None:
    found = plan([("№", "Этап", "Мероприятия", "Ответственные"), ("1", "Этап", "Дело", "Директор"),
                  ("2", "Этап", "Другое", "Директор")])
    assert [r["term"] for r in found.rows] == [None, None]
    assert [p.code for p in found.problems] == ["roadmap_no_term_column"]


def test_a_second_activity_column_is_kept_in_the_comment() -> None:
    found = plan([("Этап", "Мероприятия", "Содержание деятельности и план мероприятий", "Сроки"),
                  ("Подготовка", "Выбор форм", "Опрос наставляемых", "сентябрь")])
    assert found.rows[0]["event"] == "Опрос наставляемых"
    assert found.rows[0]["comment"] == "Мероприятия: Выбор форм"


def test_activities_already_in_the_book_are_not_loaded_twice_without_overwrite() -> None:
    rows = [HEADER, ("1", "Этап", "Дело", "май 2026", "Куратор", ""), ("2", "Этап", "Новое", "май 2026", "К", "")]
    old = [RoadmapEvent(row=2, stage="этап", event="ДЕЛО")]
    kept = plan(rows, old)
    assert [r["event"] for r in kept.rows] == ["Новое"] and not kept.replace
    replaced = plan(rows, old, overwrite=True)
    assert [r["event"] for r in replaced.rows] == ["Дело", "Новое"] and replaced.replace


def test_a_document_without_a_roadmap_table_is_one_clear_error() -> None:
    with pytest.raises(ColumnMissing, match="не найдена таблица дорожной карты"):
        plan([("ФИО", "Должность"), ("Иванова", "учитель")])


def test_the_same_activity_twice_in_a_document_is_loaded_twice() -> None:
    found = plan([HEADER, ("1", "Этап", "Анкетирование", "октябрь 2025", "Куратор", ""),
                  ("2", "Этап", "Анкетирование", "май 2026", "Куратор", "")])
    assert [(r["event"], r["term"]) for r in found.rows] == [("Анкетирование", "октябрь 2025"),
                                                             ("Анкетирование", "май 2026")]


_WORDS = st.sampled_from(["сбор", "запросов", "анкетирование", "педагогов", "приказ", "совет", "отчёт"])
_ROW = st.tuples(st.booleans(), st.lists(_WORDS, min_size=1, max_size=4).map(" ".join),
                 st.sampled_from(["сентябрь 2025", "до 15 мая 2026 г.", "ежеквартально", "когда-нибудь"]),
                 st.booleans())


@given(st.lists(_ROW, min_size=1, max_size=12))
def test_every_activity_cell_of_a_merged_table_lands_with_its_stage_and_term(rows: list) -> None:
    grid: list[list[str | None]] = [list(HEADER)]
    stages: list[str] = []
    for i, (merged, event, term, term_merged) in enumerate(rows):
        keep = merged and i > 0
        stages.append(stages[-1] if keep else f"Этап {i}")
        grid.append([None if keep else str(i + 1), None if keep else f"Этап {i}", event,
                     None if term_merged and i > 0 else term, "Куратор", ""])
    found = plan(grid)
    assert [(r["stage"], r["event"]) for r in found.rows] == list(zip(stages, [r[1] for r in rows], strict=True))
    terms = [r["term"] for r in found.rows]
    for i, (_, _, term, term_merged) in enumerate(rows):
        if not (term_merged and i > 0):
            assert terms[i] == term
        else:
            assert terms[i] == terms[i - 1]
    assert {p.value for p in found.problems} <= {"когда-нибудь"}
