"""The справка's charts are native Word charts (documents/word_chart.py): each a chart part with its data
workbook embedded beside it, every default written out so Word and LibreOffice read the same chart."""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

import python_calamine as pc
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from mentorxl.documents.word_chart import (
    CHART_TYPE,
    LABEL_FLAGS,
    XLSX_TYPE,
    Chart,
    Series,
    add_chart,
    chart_parts,
)
from tests.integration.test_report_holds_together import report

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _rels(z: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    root = etree.fromstring(z.read(f"{folder}/_rels/{name}.rels"))
    return {r.get("Id"): posixpath.normpath(posixpath.join(folder, r.get("Target")))
            for r in root.iter(f"{REL}Relationship")}


def _cache(ref: etree._Element) -> list[str]:
    return [pt.findtext(f"{C}v") for pt in ref.iter(f"{C}pt")]


def test_every_chart_of_the_report_is_a_word_chart_with_the_workbook_of_its_figures(tmp_path: Path) -> None:
    path, _ = report(tmp_path)
    with zipfile.ZipFile(path) as z:
        document = etree.fromstring(z.read("word/document.xml"))
        links = _rels(z, "word/document.xml")
        types = etree.fromstring(z.read("[Content_Types].xml"))
        overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{CT}Override")}
        defaults = {d.get("Extension"): d.get("ContentType") for d in types.iter(f"{CT}Default")}
        charts = [links[c.get(f"{R}id")] for c in document.iter(f"{C}chart")]
        assert len(charts) == 3  # meetings, surveys, roadmap
        for part in charts:
            assert overrides["/" + part] == CHART_TYPE
            chart = etree.fromstring(z.read(part))
            [external] = chart.iter(f"{C}externalData")
            embedded = _rels(z, part)[external.get(f"{R}id")]
            assert overrides.get("/" + embedded, defaults.get("xlsx")) == XLSX_TYPE
            book = pc.CalamineWorkbook.from_filelike(io.BytesIO(z.read(embedded)))
            grid = book.get_sheet_by_name(book.sheet_names[0]).to_python()
            for n, series in enumerate(chart.iter(f"{C}ser"), start=1):  # the chart shows the workbook's figures
                categories = _cache(series.find(f"{C}cat"))
                values = [float(v) for v in _cache(series.find(f"{C}val"))]
                assert [str(row[0]) for row in grid[1:]] == categories
                assert [float(row[n]) for row in grid[1:]] == values
                assert grid[0][n] == _cache(series.find(f"{C}tx"))[0]


def test_python_docx_opens_and_saves_the_report_with_its_charts_whole(tmp_path: Path) -> None:
    path, _ = report(tmp_path)
    again = tmp_path / "again.docx"
    Document(str(path)).save(str(again))
    with zipfile.ZipFile(path) as before, zipfile.ZipFile(again) as after:
        for name in before.namelist():
            if name.startswith(("word/charts/chart", "word/embeddings/")):
                assert after.read(name) == before.read(name), name


SERIES = st.builds(
    Series,
    name=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20),
    values=st.just([]),
    colour=st.sampled_from(["#5B9BD5", "#70AD47"]),
)


@settings(max_examples=40, deadline=None)
@given(kind=st.sampled_from(["bar", "column"]), stacked=st.booleans(), categories=st.integers(1, 9),
       series=st.lists(SERIES, min_size=1, max_size=3), data=st.data())
def test_a_word_processor_reads_every_label_flag_and_tick_mark_written_out(
    kind: str, stacked: bool, categories: int, series: list[Series], data: st.DataObject
) -> None:
    filled = [Series(s.name, data.draw(st.lists(st.integers(0, 40), min_size=categories, max_size=categories)),
                     s.colour, data.draw(st.lists(st.sampled_from([None, "#C00000"]), min_size=categories,
                                                  max_size=categories)))
              for s in series]
    chart = Chart(kind, "Заголовок", [f"№ {i}" for i in range(1, categories + 1)], filled, height_mm=60,
                  stacked=stacked, first_category_on_top=kind == "bar")
    doc = Document()
    add_chart(doc.add_paragraph(), chart)
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        root = etree.fromstring(z.read("word/charts/chart1.xml"))
    assert root.find(f"{C}lang").get("val") == "ru-RU"
    for labels in root.iter(f"{C}dLbls", f"{C}dLbl"):
        flags = [etree.QName(el).localname for el in labels if etree.QName(el).localname in LABEL_FLAGS]
        assert flags == list(LABEL_FLAGS)  # all six, in the order of the schema
        assert labels.find(f"{C}showVal").get("val") == "1" and labels.find(f"{C}showCatName").get("val") == "0"
        following = [etree.QName(el).localname for el in labels][-len(LABEL_FLAGS):]
        assert following == list(LABEL_FLAGS)  # nothing of the label after its flags
    for axis in root.iter(f"{C}catAx", f"{C}valAx"):
        names = [etree.QName(el).localname for el in axis]
        assert names.index("majorTickMark") + 1 == names.index("minorTickMark")
    for series_element, s in zip(root.iter(f"{C}ser"), filled, strict=True):
        red = {int(p.find(f"{C}idx").get("val")) for p in series_element.iter(f"{C}dPt")}
        assert red == {i for i, colour in enumerate(s.point_colours) if colour}
    assert chart_parts(chart)[0].count(b"<c:ser>") == len(filled)
