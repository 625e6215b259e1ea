"""The .ods a куратор opens in LibreOffice looks finished, asserted through UNO on a real LibreOffice: Russian
on the document and on every cell style, the header rows frozen on every data sheet (and the name column on
the banks), the columns of «Подбор» and «Ошибки» in the order a reader needs, dates shown as dates, «Панель»
true for the .ods; and the .xlsm opened in LibreOffice tells, in a visible cell, to make the .ods."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentorxl.builder.layout import CALC_BUTTONS_NOTE, LIBREOFFICE_NOTE, NO_BUTTONS_NOTE
from mentorxl.builder.ods import build_ods
from mentorxl.core import contract as k

pytestmark = pytest.mark.libreoffice

TODAY = date(2025, 11, 20)
BANKS = {k.MENTEES.name, k.MENTORS.name}


@pytest.fixture(scope="module")
def demo_ods(tmp_path_factory) -> Path:
    return build_ods(tmp_path_factory.mktemp("look") / "Наставничество.ods", demo=True, today=TODAY)


_LOOKED: dict[Path, dict] = {}  # one LibreOffice run for all the assertions on the demo .ods


@pytest.fixture
def seen(demo_ods, office) -> dict:
    if demo_ods not in _LOOKED:
        _LOOKED[demo_ods] = office("look", demo_ods)
    return _LOOKED[demo_ods]


def test_the_document_and_every_cell_style_are_russian(seen):
    assert seen["document_locale"] == "ru-RU" and seen["style_locales"] == ["ru-RU"]
    for name, sheet in seen["sheets"].items():
        assert sheet["header_locales"] == ["ru-RU"] and set(sheet["cell_locales"]) <= {"ru-RU"}, name


def test_every_data_sheet_keeps_its_header_row_frozen_and_the_banks_their_name_column(seen):
    for spec in k.SHEETS:
        expected = [1, 1] if spec.name in BANKS else [1, 0]
        assert seen["sheets"][spec.name]["frozen"] == expected, spec.name


def test_every_data_column_keeps_its_width(seen):
    for spec in k.SHEETS:
        sheet = seen["sheets"][spec.name]
        widths = dict(zip(sheet["headers"], sheet["widths"], strict=True))
        for column in spec.columns:
            # 1/100 mm; a column of width 8 is about 1.7 cm, LibreOffice's default is 2.26 cm for every column
            assert widths[column.header] >= column.width * 180, (spec.name, column.header)
    explanation = dict(zip(seen["sheets"][k.SUGGESTIONS.name]["headers"], seen["sheets"][k.SUGGESTIONS.name]["widths"],
                           strict=True))
    assert explanation["Пояснение"] > 2 * explanation["Решение"]


def test_the_columns_of_suggestions_and_problems_stand_in_the_readers_order(seen):
    suggestions = [h for h in seen["sheets"][k.SUGGESTIONS.name]["headers"] if h]
    assert suggestions[:3] == ["Наставляемый", "Наставник", "Решение"] and suggestions[-1] == "Пояснение"
    problems = [h for h in seen["sheets"][k.PROBLEMS.name]["headers"] if h]
    assert problems == ["Лист", "Строка", "Столбец", "Важность", "Проблема", "Как исправить", "Значение", "Код"]


def test_the_start_date_on_the_settings_sheet_is_shown_as_a_date(seen):
    sheet = seen["sheets"][k.SETTINGS.name]
    shown = dict(zip(sheet["column_a"], sheet["column_b"], strict=True))[k.SET_START]
    day, month, year = shown.split(".")
    assert len(day) == 2 and len(month) == 2 and len(year) == 4


def test_the_panel_of_the_ods_speaks_of_its_own_buttons(seen):
    texts = seen["sheets"][k.PANEL_NAME]["column_a"]
    assert CALC_BUTTONS_NOTE in texts and NO_BUTTONS_NOTE not in texts and LIBREOFFICE_NOTE not in texts


def test_the_xlsm_opened_in_libreoffice_says_in_a_visible_cell_to_make_the_ods(office):
    from scripts.build_master_workbook import MASTER

    panel = office("look", MASTER)["sheets"][k.PANEL_NAME]
    assert LIBREOFFICE_NOTE in panel["column_a"][:6]


def test_button_captions_stay_centred_after_a_macro_saves_the_book(demo_ods, office, tmp_path):
    import re
    import zipfile

    doc = tmp_path / demo_ods.name
    doc.write_bytes(demo_ods.read_bytes())
    office("click", doc, "Обновить дорожную карту")  # the macro saves the document through LibreOffice
    content = zipfile.ZipFile(doc).read("content.xml").decode("utf-8")
    controls = re.findall(r"<draw:control [^>]*>", content)
    assert len(controls) >= 8
    for control in controls:
        text_style = re.search(r'draw:text-style-name="([^"]+)"', control).group(1)
        style = re.search(rf'<style:style style:name="{text_style}".*?</style:style>', content).group(0)
        assert 'fo:text-align="center"' in style and 'fo:font-size="10pt"' in style
