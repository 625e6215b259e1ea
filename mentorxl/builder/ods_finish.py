"""What LibreOffice's headless conversion of our .xlsx leaves unfinished in the .ods, put right in its XML.

- Language: a headless LibreOffice with a fresh profile marks every style «English (USA)», so each Russian word
  gets a red underline. The default cell style, every style that names a language and the document (dc:language)
  become Russian (`LANGUAGE`, `COUNTRY`).
- Frozen header rows: a conversion without a window writes no view settings, so the panes frozen in the .xlsx
  are lost. `frozen_panes` reads them from the .xlsx (XlsxWriter writes sheet1.xml… in the order of the
  sheets), `view_settings` writes them back as LibreOffice's own per-sheet view settings.
- Highlighted rows: the conditional styles LibreOffice makes from the .xlsx formats inherit «Default» (bottom,
  no wrap), so an overdue roadmap row lost the top alignment and the wrapping of its neighbours; they get both.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

LANGUAGE, COUNTRY = "ru", "RU"
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
FO_LANGUAGE, FO_COUNTRY = f"{{{NS['fo']}}}language", f"{{{NS['fo']}}}country"


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


# ------------------------------------------------------------------ language
def russian_styles(xml: bytes) -> bytes:
    """styles.xml or content.xml: every text property that names a language says Russian; the default cell
    style names it even when the conversion left it out; conditional styles align top and wrap."""
    root = etree.fromstring(xml)
    for props in root.iter(_q("style", "text-properties")):
        if props.get(FO_LANGUAGE) is not None or props.get(FO_COUNTRY) is not None:
            props.set(FO_LANGUAGE, LANGUAGE)
            props.set(FO_COUNTRY, COUNTRY)
    for default in root.iterfind(".//style:default-style[@style:family='table-cell']", NS):
        props = default.find("style:text-properties", NS)
        if props is None:
            props = etree.SubElement(default, _q("style", "text-properties"))
        props.set(FO_LANGUAGE, LANGUAGE)
        props.set(FO_COUNTRY, COUNTRY)
    for style in root.iterfind(".//style:style[@style:family='table-cell']", NS):
        if not str(style.get(_q("style", "display-name"), "")).startswith("ConditionalStyle"):
            continue
        cell = style.find("style:table-cell-properties", NS)
        if cell is None:
            cell = etree.Element(_q("style", "table-cell-properties"))
            style.insert(0, cell)
        cell.set(_q("style", "vertical-align"), "top")
        cell.set(_q("fo", "wrap-option"), "wrap")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def russian_meta(root: etree._Element) -> None:
    """meta.xml (parsed): dc:language ru-RU."""
    meta = root.find("office:meta", NS)
    assert meta is not None
    for old in meta.findall("dc:language", NS):
        meta.remove(old)
    etree.SubElement(meta, _q("dc", "language")).text = f"{LANGUAGE}-{COUNTRY}"


# ------------------------------------------------------------------ frozen panes
_PANE = re.compile(rb'<pane\b[^>]*state="frozen"[^>]*/>')
_SPLIT = re.compile(rb'([xy])Split="(\d+)"')
_SHEET_NAME = re.compile(rb'<sheet name="([^"]+)"')


def frozen_panes(xlsx: Path) -> dict[str, tuple[int, int]]:
    """Sheet name -> (rows, columns) frozen in an .xlsx written by XlsxWriter."""
    found: dict[str, tuple[int, int]] = {}
    with zipfile.ZipFile(xlsx) as z:
        names = [etree.fromstring(b"<n>" + n + b"</n>").text or "" for n in
                 _SHEET_NAME.findall(z.read("xl/workbook.xml"))]
        for i, name in enumerate(names, start=1):
            pane = _PANE.search(z.read(f"xl/worksheets/sheet{i}.xml"))
            if pane:
                split = {axis: int(value) for axis, value in _SPLIT.findall(pane.group(0))}
                found[name] = (split.get(b"y", 0), split.get(b"x", 0))
    return found


def _item(parent: etree._Element, name: str, kind: str, value: object) -> None:
    item = etree.SubElement(parent, _q("config", "config-item"), {_q("config", "name"): name,
                                                                   _q("config", "type"): kind})
    item.text = str(value).lower() if isinstance(value, bool) else str(value)


def view_settings(xml: bytes, frozen: Mapping[str, tuple[int, int]], first_sheet: str) -> bytes:
    """settings.xml with a view per sheet: its frozen rows and columns (LibreOffice's split mode 2)."""
    root = etree.fromstring(xml)
    settings = root.find("office:settings", NS)
    assert settings is not None
    view = settings.find("config:config-item-set[@config:name='ooo:view-settings']", NS)
    if view is None:
        view = etree.SubElement(settings, _q("config", "config-item-set"), {_q("config", "name"): "ooo:view-settings"})
    for old in view.findall("config:config-item-map-indexed[@config:name='Views']", NS):
        view.remove(old)
    views = etree.SubElement(view, _q("config", "config-item-map-indexed"), {_q("config", "name"): "Views"})
    entry = etree.SubElement(views, _q("config", "config-item-map-entry"))
    _item(entry, "ViewId", "string", "view1")
    tables = etree.SubElement(entry, _q("config", "config-item-map-named"), {_q("config", "name"): "Tables"})
    for sheet, (rows, cols) in frozen.items():
        table = etree.SubElement(tables, _q("config", "config-item-map-entry"), {_q("config", "name"): sheet})
        _item(table, "CursorPositionX", "int", cols)
        _item(table, "CursorPositionY", "int", rows)
        _item(table, "HorizontalSplitMode", "short", 2 if cols else 0)
        _item(table, "VerticalSplitMode", "short", 2 if rows else 0)
        _item(table, "HorizontalSplitPosition", "int", cols)
        _item(table, "VerticalSplitPosition", "int", rows)
        _item(table, "ActiveSplitRange", "short", 3 if cols and rows else 2)
        _item(table, "PositionLeft", "int", 0)
        _item(table, "PositionRight", "int", cols)
        _item(table, "PositionTop", "int", 0)
        _item(table, "PositionBottom", "int", rows)
    _item(entry, "ActiveTable", "string", first_sheet)
    _item(entry, "ShowGrid", "boolean", True)
    _item(entry, "HasColumnRowHeaders", "boolean", True)
    _item(entry, "HasSheetTabs", "boolean", True)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
