"""«Панель» tells the truth about the book it stands in: buttons only where there are buttons (Excel's .xlsm,
Calc's .ods), and the count of «Ошибки» in every book — the button and `mentorxl check` both fill that sheet of
the book itself."""

from __future__ import annotations

from datetime import date

import pytest

from mentorxl.builder.layout import (
    CALC_BUTTONS_NOTE,
    COMMANDS,
    LIBREOFFICE_NOTE,
    NO_BUTTONS_NOTE,
    PROBLEMS_COUNT_LABEL,
    Formula,
    book_layout,
)
from mentorxl.core import contract as k
from mentorxl.core.buttons import BUTTONS, BY_NAME

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
    assert NO_BUTTONS_NOTE in texts
    assert PROBLEMS_COUNT_LABEL in texts and "Кнопки и команды" not in texts  # the command line writes «Ошибки»


def test_the_panel_says_where_the_command_line_check_puts_its_list():
    what = {caption: text for caption, text, _ in COMMANDS}["Проверить данные"]
    assert "лист «Ошибки» этой же книги" in what and "«Резервные копии»" in what


def test_the_ods_panel_speaks_of_its_calc_buttons_and_never_of_a_book_without_buttons_or_of_excel():
    texts = panel_texts(calc_buttons=True)
    assert CALC_BUTTONS_NOTE in texts and NO_BUTTONS_NOTE not in texts and LIBREOFFICE_NOTE not in texts
    assert not any(".xlsx нет кнопок" in t or "Excel" in t for t in texts)


def test_the_xlsm_panel_tells_a_libreoffice_user_in_a_visible_cell_to_make_the_ods():
    layout = book_layout(org="Школа", year_start=2025, variant="school", today=TODAY,
                         buttons=[("CheckData", "Проверить данные")])
    panel = layout.sheet(k.PANEL_NAME)
    (notice,) = [c for c in panel.cells if c.value == LIBREOFFICE_NOTE]
    assert notice.style == "notice" and notice.col == 0 and notice.row <= 4 and not panel.hidden
    assert "mentorxl new «Наставничество.ods»" in notice.value


def test_every_button_of_the_registry_is_described_on_the_panel_with_its_command():
    texts = panel_texts(calc_buttons=True)
    for b in BUTTONS:
        assert b.caption in texts and f"{b.does} Команда: {b.command}" in texts


def test_documents_for_the_pairs_are_described_as_what_the_button_makes():
    does = BY_NAME["pair_documents"].does
    assert does.startswith("Персонализированные программы наставничества и дополнительные соглашения")
    assert "согласия" not in does.split("(")[0] and "поощрении" not in does.split("(")[0]
