"""Native Word charts: a chart drawn by XlsxWriter over a small workbook of its own data, placed in a .docx
as Word places one — the chart part (word/charts/chartN.xml) with that workbook embedded beside it. The reader
changes it in Word («Изменить данные»), copies it into a presentation, prints it sharp at any size; LibreOffice
draws it from the values cached in the chart part. No picture is drawn here: nothing to import but XlsxWriter,
which the «Мониторинг» workbook uses anyway.

XlsxWriter writes a chart for Excel, which fills what the chart leaves out by its own defaults. A word
processor reads the part by the letter of ECMA-376, where a left-out flag of a data label means «show»
(LibreOffice then prints «№ 1; Встреч; 3» instead of «3») and a left-out tick mark means «cross». So every
such default is written out (`_spelled_out`): the chart means the same in Word, in LibreOffice and in Excel.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

FONT = "Times New Roman"
SIZE = 9  # points: the chart's text, a little smaller than the tables' 11
DATA_SHEET = "Данные"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EMU_PER_MM = 36_000
LABEL_FLAGS = ("showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]
    colour: str
    point_colours: Sequence[str | None] = ()  # a colour of its own for a bar (and its label), by position


@dataclass(frozen=True)
class Chart:
    """What the reader sees: the kind («bar» — horizontal, «column» — vertical), the categories along one axis,
    a series per legend entry, the size on the page."""

    kind: str
    title: str
    categories: Sequence[str]
    series: Sequence[Series]
    height_mm: float
    width_mm: float = 160
    stacked: bool = False
    legend: bool = True
    value_labels: bool = True  # each bar's figure beside it (too many bars: none, the axis tells)
    label_format: str = "0"
    value_axis: dict[str, Any] = field(default_factory=dict)  # XlsxWriter's axis options: min, max, name…
    category_axis: dict[str, Any] = field(default_factory=dict)
    plot_layout: dict[str, float] | None = None  # the plot area by hand (x, y, width, height: parts of the chart)
    # a «bar» chart lists its categories top down, as the table above it, its value axis still below
    first_category_on_top: bool = False


def _font(**extra: Any) -> dict[str, Any]:
    return {"name": FONT, "size": SIZE, "color": "#000000", **extra}


def chart_parts(chart: Chart) -> tuple[bytes, bytes]:
    """The chart part's XML and its data workbook (.xlsx bytes), made by XlsxWriter."""
    import xlsxwriter

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                      "strings_to_numbers": False})
    ws = wb.add_worksheet(DATA_SHEET)
    ws.write_string(0, 0, "")
    for r, category in enumerate(chart.categories, start=1):
        ws.write_string(r, 0, category)
    last = max(len(chart.categories), 1)
    ws.set_column(0, 0, max((len(c) for c in chart.categories), default=10) * 0.9)
    subtype = {"subtype": "stacked"} if chart.stacked else {}
    xl = wb.add_chart({"type": chart.kind, **subtype})
    for c, s in enumerate(chart.series, start=1):
        ws.write_string(0, c, s.name)
        for r, value in enumerate(s.values, start=1):
            ws.write_number(r, c, value)
        points = [{"fill": {"color": colour}, "border": {"none": True}} if colour else None
                  for colour in s.point_colours]
        labels = [{"font": _font(color=colour, bold=True)} if colour else None for colour in s.point_colours]
        xl.add_series({
            "name": [DATA_SHEET, 0, c],
            "categories": [DATA_SHEET, 1, 0, last, 0],
            "values": [DATA_SHEET, 1, c, last, c],
            "fill": {"color": s.colour}, "border": {"none": True},
            "points": points or None,
            "gap": 60 if chart.stacked or len(chart.series) > 1 else 80,
            "overlap": 100 if chart.stacked else 0,
            "data_labels": {"value": True, "num_format": chart.label_format, "font": _font(),
                            **({"custom": labels} if any(labels) else {}),
                            **({"position": "center"} if chart.stacked else {})} if chart.value_labels else None,
        })
    xl.set_title({"name": chart.title, "name_font": _font(size=SIZE + 2, bold=True), "overlay": False})
    value_axis = {"num_font": _font(), "name_font": _font(bold=False), "major_tick_mark": "outside",
                  "minor_tick_mark": "none", "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
                  "line": {"none": True}, **chart.value_axis}
    category_axis = {"num_font": _font(), "name_font": _font(bold=False), "major_tick_mark": "none",
                     "minor_tick_mark": "none", "line": {"color": "#808080"},
                     **({"reverse": True, "crossing": "max"} if chart.first_category_on_top else {}),
                     **chart.category_axis}
    # XlsxWriter's x axis is the horizontal one: the values of a «bar» chart, the categories of a «column» one
    if chart.kind == "bar":
        xl.set_x_axis(value_axis)
        xl.set_y_axis(category_axis)
    else:
        xl.set_x_axis(category_axis)
        xl.set_y_axis(value_axis)
    xl.set_legend({"position": "bottom", "font": _font()} if chart.legend else {"none": True})
    xl.set_chartarea({"border": {"none": True}})
    xl.set_plotarea({"border": {"none": True}, **({"layout": chart.plot_layout} if chart.plot_layout else {})})
    xl.set_size({"width": chart.width_mm * 96 / 25.4, "height": chart.height_mm * 96 / 25.4})
    ws.insert_chart(1, len(chart.series) + 2, xl)
    wb.close()
    data = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("xl/charts/chart1.xml"), data


def _spelled_out(xml: bytes, package_rid: str) -> bytes:
    """The chart part as a word processor reads it: every data-label flag and tick mark written out, Russian
    as its language, and the link to its embedded workbook (`externalData`) in its place by the schema."""
    from lxml import etree

    root = etree.fromstring(xml)

    def q(tag: str) -> str:
        return f"{{{C}}}{tag}"

    lang = root.find(q("lang"))
    if lang is not None:
        lang.set("val", "ru-RU")
    rounded = etree.Element(q("roundedCorners"), val="0")
    (lang if lang is not None else root[0]).addnext(rounded)
    for labels in root.iter(q("dLbls")):
        shown = _spell_flags(labels, {})
        for label in labels.iter(q("dLbl")):  # a label of its own shows what its series' labels show
            _spell_flags(label, shown)
    for axis in [*root.iter(q("catAx")), *root.iter(q("valAx"))]:
        if axis.find(q("majorTickMark")) is None:
            axis.find(q("minorTickMark")).addprevious(etree.Element(q("majorTickMark"), val="out"))
    for run in root.iter(f"{{{A}}}rPr", f"{{{A}}}endParaRPr"):
        run.set("lang", "ru-RU")
    for chart_type in root.iter(q("barChart")):
        if chart_type.find(q("varyColors")) is None:
            chart_type.find(q("grouping")).addnext(etree.Element(q("varyColors"), val="0"))
    external = etree.Element(q("externalData"), nsmap={"r": R})
    external.set(f"{{{R}}}id", package_rid)
    etree.SubElement(external, q("autoUpdate"), val="0")
    settings = root.find(q("printSettings"))
    if settings is not None:
        settings.addprevious(external)
    else:
        root.append(external)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _spell_flags(labels: Any, inherited: dict[str, str]) -> dict[str, str]:
    """The six «show» flags of a data label, each written out in the order of the schema: its own value, else
    the inherited one, else «0». Returns the flags as written."""
    from lxml import etree

    if labels.find(f"{{{C}}}delete") is not None:
        return inherited
    own = {flag: labels.find(f"{{{C}}}{flag}") for flag in LABEL_FLAGS}
    before = [el for el in labels if etree.QName(el).localname in ("dLbl", "idx", "layout", "tx", "numFmt", "spPr",
                                                                    "txPr", "dLblPos")]
    position = labels.index(before[-1]) + 1 if before else 0
    written = {}
    for flag in LABEL_FLAGS:
        el = own[flag]
        if el is None:
            el = etree.Element(f"{{{C}}}{flag}", val=inherited.get(flag, "0"))
        else:
            labels.remove(el)
        labels.insert(position, el)
        position += 1
        written[flag] = el.get("val", "1")
    return written


def add_chart(paragraph: Any, chart: Chart) -> None:
    """The chart as an inline drawing in a run of `paragraph` (python-docx), its parts in the package."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document_part = paragraph.part
    package = document_part.package
    n = 1 + sum(1 for p in package.iter_parts() if p.content_type == CHART_TYPE)
    xml, workbook = chart_parts(chart)
    embedded = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"), XLSX_TYPE, workbook, package)
    part = Part(PackURI(f"/word/charts/chart{n}.xml"), CHART_TYPE, b"", package)
    part._blob = _spelled_out(xml, part.relate_to(embedded, RT.PACKAGE))
    rid = document_part.relate_to(part, RT.CHART)
    cx, cy = round(chart.width_mm * EMU_PER_MM), round(chart.height_mm * EMU_PER_MM)
    inline = parse_xml(
        f'<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:c="{C}" '
        f'xmlns:r="{R}"><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{document_part.next_id}" name="Диаграмма {n}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{C}"><c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline>')
    inline.find(f"{{{WP}}}docPr").set("descr", chart.title)  # what a screen reader says of the chart
    drawing = parse_xml('<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    drawing.append(inline)
    paragraph.add_run()._r.append(drawing)
