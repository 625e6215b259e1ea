import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorxl.core.dates import add_months, parse_date, parse_number, russian_date
from mentorxl.core.text import _CONTROL, clean, fix_lookalikes, header_key, hidden_latin, name_key, split_list


@pytest.mark.parametrize("typed", [
    "01.09.2025", "1.9.2025", "01.09.25", "1 сентября 2025", "1 сентября 2025 г.", "«1» сентября 2025 г.",
    "2025-09-01", 45901, 45901.0, "45901", date(2025, 9, 1), datetime(2025, 9, 1, 10, 30), "01/09/2025",
])
def test_every_way_users_type_a_date_reads_as_the_same_date(typed):
    assert parse_date(typed) == date(2025, 9, 1)


@pytest.mark.parametrize("typed", ["31.02.2025", "сентябрь", "скоро", "1 смарта 2025", True, -5, "0"])
def test_text_that_is_no_date_reads_as_none(typed):
    assert parse_date(typed) is None


@given(st.one_of(st.text(), st.integers(), st.floats(allow_nan=True), st.none(), st.dates()))
def test_parse_date_never_raises(value):
    result = parse_date(value)
    assert result is None or isinstance(result, date)


@pytest.mark.parametrize("typed, number", [("3,5", 3.5), (" 12 ", 12.0), ("7 лет", 7.0), (4, 4.0), ("1 200", 1200.0)])
def test_numbers_stored_as_text_are_read(typed, number):
    assert parse_number(typed) == number


def test_a_word_is_not_a_number():
    assert parse_number("много") is None


def test_headers_match_ignoring_case_spaces_line_breaks_yo_and_a_trailing_star():
    assert header_key("Согласие на\nобработку ПДн*") == header_key("согласие на обработку пдн")
    assert header_key("Квалификационная  категория") == header_key("КВАЛИФИКАЦИОННАЯ КАТЕГОРИЯ")
    assert header_key("Сокращённое наименование") == header_key("Сокращенное наименование")


def test_names_compare_after_trimming_collapsing_spaces_yo_and_case():
    assert name_key("  Семёнова   Алёна Петровна ") == name_key("СЕМЕНОВА АЛЕНА ПЕТРОВНА")


def test_a_latin_letter_hidden_in_a_cyrillic_name_is_found():
    assert hidden_latin("Ивaнова Мария") == "a"  # Latin a
    assert hidden_latin("Иванова Мария") == ""
    assert hidden_latin("John Smith") == ""  # a Latin name is not a hidden letter
    assert fix_lookalikes("Ивaнова") == "Иванова"


@given(st.lists(st.text(alphabet="абв ИКТ-", min_size=1), min_size=1, max_size=5), st.sampled_from([";", ",", "\n"]))
def test_lists_in_one_cell_split_on_semicolons_commas_and_line_breaks(items, sep):
    cell = sep.join(items)
    parts = split_list(cell)
    assert all(p == p.strip() and p for p in parts)
    assert "".join(parts).replace(" ", "") == "".join(items).replace(" ", "")


def test_russian_dates_and_month_arithmetic_for_documents():
    assert russian_date(date(2025, 9, 1)) == "1 сентября 2025 г."
    assert add_months(date(2025, 9, 1), 9) == date(2026, 6, 1)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


@given(st.text())
def test_clean_collapses_every_kind_of_space_as_the_regular_expression_does(text):
    assert clean(text) == re.sub(r"\s+", " ", _CONTROL.sub("", text)).strip()  # control characters dropped
