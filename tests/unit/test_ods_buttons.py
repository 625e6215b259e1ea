"""The .ods buttons stand right of the instruction columns of «Панель», however wide the conversion made them
(measured from the column styles of content.xml, in any unit ODF allows)."""

from __future__ import annotations

import re

import pytest

from mentorxl.builder.layout import BUTTONS_COLUMN
from mentorxl.builder.ods import CALC_BUTTONS, NS, _patch_content
from mentorxl.core.contract import PANEL_NAME


def content(widths: list[str], repeated: int = 1) -> bytes:
    styles = "".join(
        f'<style:style style:name="co{i}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{w}"/></style:style>' for i, w in enumerate(widths))
    columns = "".join(f'<table:table-column table:style-name="co{i}"'
                      + (f' table:number-columns-repeated="{repeated}"' if i == 0 and repeated > 1 else "") + "/>"
                      for i in range(len(widths)))
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items() if prefix != "xml")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {namespaces}>'
        f"<office:automatic-styles>{styles}</office:automatic-styles><office:body><office:spreadsheet>"
        f'<table:table table:name="{PANEL_NAME}"><office:forms/>{columns}<table:table-row/></table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    ).encode()


def button_xs(xml: bytes) -> list[float]:
    return [float(x) for x in re.findall(rb'svg:x="([\d.]+)cm"', xml)]


@pytest.mark.parametrize("widths, repeated, text_cm", [
    (["7cm", "9cm", "0.8cm", "8cm"], 1, 16.8),
    (["2.5in", "100mm", "10pt", "3in"], 1, 2.5 * 2.54 + 10 + 10 * 2.54 / 72),
    (["6cm", "8cm"], 3, 6 * 3),  # the first style repeated over A–C
])
def test_every_button_stands_just_right_of_the_instruction_columns(widths, repeated, text_cm):
    xml = _patch_content(content(widths, repeated))
    xs = button_xs(xml)
    assert len(xs) == len(CALC_BUTTONS) and BUTTONS_COLUMN == 3
    assert all(text_cm < x <= text_cm + 0.41 for x in xs)


def test_wider_instruction_columns_move_the_buttons_right():
    narrow = button_xs(_patch_content(content(["5cm", "5cm", "1cm", "8cm"])))[0]
    wide = button_xs(_patch_content(content(["9cm", "12cm", "1cm", "8cm"])))[0]
    assert wide - narrow == pytest.approx(11, abs=0.01)


def test_the_conversions_empty_forms_element_is_replaced_by_one_holding_the_buttons():
    xml = _patch_content(content(["7cm", "9cm", "1cm"]))
    assert xml.count(b"<office:forms") == 1 and xml.count(b"<form:button") == len(CALC_BUTTONS)
