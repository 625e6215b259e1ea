"""What the .ods builder puts right after LibreOffice's headless conversion (builder/ods_finish.py): Russian in
every style that names a language, conditional styles aligned top and wrapped, the frozen panes of the .xlsx
found and written back as LibreOffice view settings."""

from __future__ import annotations

from datetime import date

from lxml import etree

from mentorxl.builder.ods_finish import NS, frozen_panes, russian_styles, view_settings
from mentorxl.core import contract as k

STYLES = (
    '<office:document-styles xmlns:office="{office}" xmlns:style="{style}" xmlns:fo="{fo}"><office:styles>'
    '<style:default-style style:family="table-cell"><style:text-properties fo:language="en" fo:country="US"/>'
    "</style:default-style>"
    '<style:style style:name="Heading" style:family="table-cell"><style:text-properties fo:language="de" '
    'fo:country="DE"/></style:style>'
    '<style:style style:name="ConditionalStyle_5f_3" style:display-name="ConditionalStyle_3" '
    'style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties '
    'fo:background-color="#f8cbad"/></style:style>'
    "</office:styles></office:document-styles>"
).format(**NS).encode()


def test_every_language_named_in_the_styles_becomes_russian():
    root = etree.fromstring(russian_styles(STYLES))
    languages = {(p.get(f"{{{NS['fo']}}}language"), p.get(f"{{{NS['fo']}}}country"))
                 for p in root.iter(f"{{{NS['style']}}}text-properties")}
    assert languages == {("ru", "RU")}


def test_a_highlighted_cell_keeps_the_top_alignment_and_the_wrapping_of_its_neighbours():
    root = etree.fromstring(russian_styles(STYLES))
    (cell,) = root.iterfind(".//style:style[@style:name='ConditionalStyle_5f_3']/style:table-cell-properties", NS)
    assert cell.get(f"{{{NS['style']}}}vertical-align") == "top"
    assert cell.get(f"{{{NS['fo']}}}wrap-option") == "wrap"
    assert cell.get(f"{{{NS['fo']}}}background-color") == "#f8cbad"


def test_the_frozen_panes_of_the_built_xlsx_are_found_for_every_data_sheet(tmp_book):
    frozen = frozen_panes(tmp_book("Наставничество.xlsx", today=date(2025, 11, 20)))
    for spec in k.SHEETS:
        assert frozen[spec.name] == ((1, 1) if spec in (k.MENTEES, k.MENTORS) else (1, 0)), spec.name
    assert k.PANEL_NAME not in frozen


def test_view_settings_freeze_the_rows_and_columns_asked_for():
    settings = (f'<office:document-settings xmlns:office="{NS["office"]}" xmlns:config="{NS["config"]}">'
                "<office:settings/></office:document-settings>").encode()
    root = etree.fromstring(view_settings(settings, {"Наставники": (1, 1), "Пары": (1, 0)}, "Панель"))

    def item(sheet: str, name: str) -> str:
        (found,) = root.iterfind(f".//config:config-item-map-entry[@config:name='{sheet}']"
                                 f"/config:config-item[@config:name='{name}']", NS)
        return found.text or ""

    assert (item("Наставники", "VerticalSplitMode"), item("Наставники", "VerticalSplitPosition")) == ("2", "1")
    assert (item("Наставники", "HorizontalSplitMode"), item("Наставники", "HorizontalSplitPosition")) == ("2", "1")
    assert (item("Пары", "VerticalSplitMode"), item("Пары", "HorizontalSplitMode")) == ("2", "0")
