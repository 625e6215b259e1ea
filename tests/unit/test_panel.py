"""«Панель» tells the truth about the book it stands in: buttons only where there are buttons (Excel's .xlsm,
Calc's .ods), and the count of «Ошибки» in every book — the button and `mentorxl check` both fill that sheet of
the book itself."""

from __future__ import annotations

from datetime import date

import pytest

from mentorxl.builder.layout import COMMANDS, PROBLEMS_COUNT_LABEL, Formula, book_layout
from mentorxl.core import contract as k

TODAY = date(2025, 11, 20)


def panel_texts(**options: object) -> list[str]:
    layout = book_layout(org="МБОУ «СОШ № 1»", year_start=2025, variant="school", today=TODAY, **options)
    return [str(c.value) for c in layout.sheet(k.PANEL_NAME).cells if not isinstance(c.value, Formula)]


@pytest.mark.parametrize("options", [{"buttons": [("CheckData", "Проверить данные")]}, {"calc_buttons": True}],
                         ids=["xlsm", "ods"])
def test_a_book_with_buttons_speaks_of_them_and_counts_the_errors_its_button_wrote(options):
    texts = panel_texts(**options)
    assert "Кнопки и команды" in texts and PROBLEMS_COUNT_LABEL in texts
    assert not any("нет кнопок" in t for t in texts)


def test_a_book_without_buttons_speaks_of_the_command_line_and_counts_the_errors_the_command_line_wrote():
    texts = panel_texts()
    assert any(t.startswith("В книге .xlsx нет кнопок") for t in texts)
    assert PROBLEMS_COUNT_LABEL in texts and "Кнопки и команды" not in texts


def test_the_panel_says_where_the_command_line_check_puts_its_list():
    what = {caption: text for caption, text, _ in COMMANDS}["Проверить данные"]
    assert "лист «Ошибки» этой же книги" in what and "«Резервные копии»" in what
