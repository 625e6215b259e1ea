"""Values no one means (infinite or huge numbers, control characters, invisible marks, emoji in a ФИО,
a header typed twice) are problems at their cell, and the rest of the program reads past them."""

from __future__ import annotations

import pytest

from mentorxl.core import contract as k
from mentorxl.core.dates import parse_number
from mentorxl.core.matching import match
from mentorxl.core.table import CellError, SparseGrid, locate
from mentorxl.core.text import clean, name_key, odd_characters, person_key, shown
from tests.unit.validation_builder import book, grid, mentee, mentor, problems, program


@pytest.mark.parametrize("typed", ["inf", "-inf", "1e309", "nan", float("inf"), float("nan"), 10**400])
def test_a_non_finite_or_unrepresentable_number_is_no_number(typed):
    assert parse_number(typed) is None


@pytest.mark.parametrize("typed", ["inf", "1e309", 1e19, "10000000000000000000"])
def test_an_impossible_capacity_is_one_problem_at_its_cell_and_matching_still_runs(typed):
    sheets = book(mentees=[mentee("Иванова Мария Петровна")], mentors=[mentor("Петрова Анна Ивановна", capacity=typed)])
    found = [p for p in problems(sheets) if p.column == "Наставляемых, не более"]
    assert [(p.code, p.sheet, p.row) for p in found] in (
        [("bad_number", "Наставники", 2)], [("number_too_large", "Наставники", 2)])
    assert [s.mentor for s in match(program(sheets)).suggestions] == ["Петрова Анна Ивановна"]


def test_control_characters_are_reported_and_never_reach_the_names_the_program_uses():
    typed = "Иванова\x07 Мария\x1b Петровна"
    sheets = book(mentees=[mentee(typed)])
    [found] = problems(sheets, "odd_characters")
    assert (found.sheet, found.row, found.column) == ("Наставляемые", 2, "ФИО")
    assert "U+0007" in found.message and "\x07" not in found.message + found.value
    assert program(sheets).mentees[0].name == "Иванова Мария Петровна"


def test_a_right_to_left_mark_is_reported_and_does_not_make_another_person():
    assert person_key("Петрова Анна\u200f Ивановна") == person_key("Петрова Анна Ивановна")
    assert name_key("\ufeffПетрова  Анна Ивановна") == "петрова анна ивановна"
    sheets = book(mentors=[mentor("Петрова Анна\u200f Ивановна")])
    assert [p.row for p in problems(sheets, "odd_characters")] == [2]


def test_the_quick_look_at_a_plain_value_never_hides_a_character_the_careful_one_reports():
    """A value in which nothing is odd is passed at once (the 10 000-row check); every character of the BMP
    and the emoji is reported the same beside a plain ФИО or text as beside one that is looked at closely."""
    for code in [*range(0xD800), *range(0xE000, 0x10000), *range(0x1F000, 0x1F100)]:
        ch = chr(code)
        if ch in "^\x07":  # the two markers that make the careful look
            continue
        assert odd_characters(f"Анна {ch}", name=True) == odd_characters(f"Анна {ch}^", name=True).removesuffix(
            ", «^»").removesuffix("«^»"), hex(code)
        assert odd_characters(f"Спасибо {ch}") == odd_characters(f"Спасибо {ch}\x07").removesuffix(
            ", управляющий символ U+0007").removesuffix("управляющий символ U+0007"), hex(code)


def test_an_emoji_is_odd_in_a_name_but_not_in_a_comment():
    assert "😀" in odd_characters("Петрова Анна 😀", name=True)
    assert odd_characters("Спасибо 😀") == ""
    sheets = book(mentees=[mentee("Иванова Мария Петровна 😀", comment="отлично 😀")])
    assert [p.column for p in problems(sheets, "odd_characters")] == ["ФИО"]


def test_a_column_looked_at_whole_still_names_each_odd_cell_and_a_list_on_lines_is_not_odd():
    """Each column's texts are first looked at together (a 10 000-row bank in one pass): an odd character
    anywhere sends the column to the careful look, which names exactly its cells."""
    people = [mentee(f"Иванова{chr(0x430 + i)} Мария Петровна", comment="позвонить\nв понедельник")
              for i in range(30)]
    people[11] = mentee("Петрова Анна 😀", comment="ок")
    people[20] = mentee("Сидорова Анна Ивановна", comment="звонок\x07")
    sheets = book(mentees=people)
    found = [(p.row, p.column) for p in problems(sheets, "odd_characters")]
    assert found == [(13, "ФИО"), (22, "Комментарий")]


def test_clean_text_holds_no_character_xml_refuses():
    assert clean("a\x00b\x08c\ufffe") == "abc"
    assert shown("a\x07b") == "a\ufffdb"


def test_an_excel_error_value_is_reported_as_such_and_not_read_as_a_name():
    sheets = book(mentees=[mentee("Иванова Мария Петровна")])
    sheets[k.MENTEES.name].append([CellError("#N/A"), "ИКТ", "01.09.2025"])
    found = [p for p in problems(sheets) if p.row == 3]
    assert [(p.code, p.column, p.value) for p in found] == [("error_value", "ФИО", "#N/A")]
    assert "#N/A" in found[0].message


def test_a_second_fio_column_is_a_warning_naming_both_columns():
    sheets = book(mentees=[mentee("Иванова Мария Петровна")])
    sheets[k.MENTEES.name][0].append("ФИО")
    [found] = problems(sheets, "column_repeated")
    assert (found.sheet, found.row, found.column) == ("Наставляемые", 1, "ФИО")
    assert "A" in found.message and "столбцы A и" in found.message


def test_the_header_row_pasted_again_below_is_skipped_and_reported_not_read_as_a_person():
    sheets = book(mentees=[mentee("Иванова Мария Петровна")])
    sheets[k.MENTEES.name].append(list(k.MENTEES.headers))
    sheets[k.MENTEES.name].append(list(grid(k.MENTEES, [mentee("Сидорова Ольга Павловна")])[1]))
    data = program(sheets)
    assert [m.name for m in data.mentees] == ["Иванова Мария Петровна", "Сидорова Ольга Павловна"]
    assert [p.row for p in problems(sheets, "header_repeated")] == [3]


def test_a_sparse_grid_reads_like_the_dense_one():
    dense = [list(k.MENTEES.headers), [], [], ["Иванова Мария Петровна", "ИКТ", None, None, None, None, "01.09.2025"]]
    sparse = SparseGrid({0: dense[0], 3: dense[3]}, 4)
    assert len(sparse) == 4 and sparse[1] == () and sparse[-1] == dense[3]
    with pytest.raises(IndexError):
        sparse[4]
    assert locate(k.MENTEES, "Наставляемые", sparse).rows == locate(k.MENTEES, "Наставляемые", dense).rows
