"""The аналитическая справка says nothing its own tables do not show (issue 11): the satisfaction sentence, the
totals, the participants, the highlighting of the chart, no buttons in the official prose, ГОСТ layout."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

from lxml import etree

from mentorxl.actions.monitoring import monitoring_report
from mentorxl.book.fake import FakeBook
from mentorxl.core import contract as k
from mentorxl.core.monitoring import SET_STAFF, monitor
from mentorxl.documents.render import read_docx
from mentorxl.documents.report import IDLE_COLOUR, header_size, meetings_chart
from mentorxl.documents.word_chart import chart_parts
from tests.builders import settings_grid
from tests.integration.test_monitoring_actions import TODAY, sheets

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def report(tmp_path: Path, staff: int | None = None) -> tuple[Path, list[str]]:
    grids = sheets()
    grids[k.SURVEYS.name] += [
        [date(2026, 5, 20), "Петрова Анна Сергеевна", "Наставляемый", "1", "Итоговая", 8, 9, ""],
        [date(2026, 5, 20), "Кузнецова Ольга Ивановна", "Наставник", "1", "Итоговая", 9, 9, "Всё хорошо"],
    ]
    if staff:
        grids[k.SETTINGS.name] = settings_grid({SET_STAFF: staff})
    outcome = monitoring_report(FakeBook(grids, path=tmp_path / "b.xlsx"), out_dir=tmp_path / "out", today=TODAY)
    return outcome.files[0], outcome.lines


def rows(body: list[str], header: str) -> list[list[str]]:
    start = body.index(header)
    out = []
    for line in body[start + 1:]:
        if " | " not in line:
            break
        out.append(line.split(" | "))
    return out


def test_the_roadmap_statuses_add_up_to_the_total_row(tmp_path: Path) -> None:
    path, _ = report(tmp_path)
    table = rows(read_docx(path.read_bytes()).body, "Статус | Мероприятий")
    *statuses, (label, total) = table
    assert label == "Всего" and sum(int(n) for _, n in statuses) == int(total)


def test_the_satisfaction_sentence_quotes_the_satisfaction_row_of_the_table(tmp_path: Path) -> None:
    path, _ = report(tmp_path)
    body = read_docx(path.read_bytes()).body
    [row] = [line.split(" | ") for line in body if line.startswith("Удовлетворённость программой наставничества |")]
    sentence = next(line for line in body if line.startswith("1. Оценка «Удовлетворённость"))
    assert f"с {row[1]} до {row[-2]} балла" in sentence


def test_participants_are_people_in_pairs_and_shares_of_all_teachers_use_the_setting(tmp_path: Path) -> None:
    path, _ = report(tmp_path, staff=40)
    body = read_docx(path.read_bytes()).body
    m = monitor(FakeBook(sheets()).read(), TODAY)
    sentence = next(line for line in body if line.startswith("В ") and "учебном году сформировано" in line)
    assert f"участвуют {m.mentors_in_pairs} наставник" in sentence
    assert "от 40 педагогов организации" in sentence
    assert "Численность педагогов организации | 40" in body
    share = round(100 * (m.mentors_in_pairs + m.mentees_in_pairs) / 40)
    assert f"Доля педагогов в действующих парах | {share}\u00a0%" in body


def test_the_справка_gives_no_instructions_to_press_buttons_the_to_do_goes_beside_it(tmp_path: Path) -> None:
    path, lines = report(tmp_path)
    text = read_docx(path.read_bytes()).text
    assert not re.search(r"«Подобрать пары»|кнопк|нажмите|Что сделать куратору", text)
    assert "Что сделать куратору (в справку не входит):" in lines


def test_the_report_is_laid_out_by_gost_russian_numbered_from_page_two_rows_unsplit(tmp_path: Path) -> None:
    path, _ = report(tmp_path)
    with zipfile.ZipFile(path) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        styles = etree.fromstring(archive.read("word/styles.xml"))
    assert {el.get(f"{W}val") for el in styles.iter(f"{W}lang")} == {"ru-RU"}
    assert document.find(f"{W}body/{W}sectPr/{W}titlePg") is not None
    doc = read_docx(path.read_bytes())
    assert doc.headers[:2] == ["", "2"]
    for row in document.iter(f"{W}tr"):
        assert row.find(f"{W}trPr/{W}cantSplit") is not None
    for table in document.iter(f"{W}tbl"):
        assert table.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None


def test_a_header_word_always_fits_its_column() -> None:
    assert header_size("Промежуточная", 23.75) < 11  # the word that broke as «Промежуточна/я»
    size = header_size("Промежуточная", 23.75)
    assert len("Промежуточная") * 0.56 * size * 25.4 / 72 <= 23.75 - 4
    assert header_size("Статус", 120) == 11


def test_pairs_without_meetings_are_red_in_the_chart_a_pair_with_none_by_a_red_zero(tmp_path: Path) -> None:
    m = monitor(FakeBook(sheets()).read(), TODAY)
    assert m.idle
    chart = meetings_chart(m)
    assert chart is not None
    [series] = chart.series
    idle = {f"№ {a.number}" for a in m.idle}
    red = [category for category, colour in zip(chart.categories, series.point_colours, strict=True)
           if colour == IDLE_COLOUR]
    assert set(red) == idle
    assert "красным — без встреч больше 30 дней" in chart.title
    # in the part Word reads: the idle pairs' bars and their figures red, the figures shown
    xml = etree.fromstring(chart_parts(chart)[0])
    points = {int(p.find(f"{C}idx").get("val")) for p in xml.iter(f"{C}dPt")
              if p.find(f".//{A}srgbClr").get("val") == IDLE_COLOUR.lstrip("#")}
    assert {chart.categories[i] for i in points} == idle
    report_path, _ = report(tmp_path)
    with zipfile.ZipFile(report_path) as z:
        charts = [etree.fromstring(z.read(n)) for n in z.namelist() if n.startswith("word/charts/chart")]
    labels = [label for c in charts for label in c.iter(f"{C}dLbl")]
    assert labels and all(label.find(f"{C}showVal").get("val") == "1" for label in labels)
    assert all(label.find(f".//{A}srgbClr").get("val") == IDLE_COLOUR.lstrip("#") for label in labels)
