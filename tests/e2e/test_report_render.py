"""The analytic report and the «Мониторинг» workbook rendered by a real LibreOffice."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorxl.actions.monitoring import monitoring_report
from mentorxl.book.headless import HeadlessBook
from mentorxl.documents.render import to_pdfs
from tests.e2e.test_documents_render import assert_numbered_from_the_second_page

pytestmark = pytest.mark.libreoffice
TODAY = date(2026, 5, 25)


def test_the_report_of_the_demo_school_prints_with_its_tables_charts_and_conclusions(
    soffice: str, tmp_book, tmp_path: Path
) -> None:
    master = tmp_book("Наставничество.xlsx", demo=True, today=TODAY)
    outcome = monitoring_report(HeadlessBook(master), out_dir=tmp_path / "out", today=TODAY)
    report, sheet = outcome.files
    report_pdf, sheet_pdf = to_pdfs([report, sheet], tmp_path / "pdf")
    reader = PdfReader(report_pdf)
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))
    for phrase in (
        "АНАЛИТИЧЕСКАЯ СПРАВКА",
        "по итогам мониторинга реализации программы наставничества",
        "Участники программы наставничества",
        "Охват целевой группы",
        "Встречи наставнических пар",
        "Результаты анкетирования",
        "Индекс удовлетворённости",
        "Выполнение дорожной карты",
        "Выводы",
    ):
        assert phrase in text, phrase
    assert 2 <= len(reader.pages) <= 12
    pages = [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]
    assert_numbered_from_the_second_page(pages, report.name)  # ГОСТ Р 7.0.97, as in the other documents
    # the three native charts are drawn, their titles, axes and figures as text; a Russian reader's
    # LibreOffice (documents/render.russian_profile) prints a decimal comma in a chart's labels
    for phrase in ("Встречи наставнических пар Встреч",
                   "Результаты анкетирования по вопросам", "Средний балл (1–10)", "Мероприятия дорожной карты:"):
        assert phrase in text, phrase
    chart_page = next(page for page in pages if "Результаты анкетирования по вопросам" in page)
    assert re.search(r"\b\d,\d\b", chart_page) and not re.search(r"\b\d\.\d\b", chart_page)
    sheet_text = " ".join(page.extract_text() or "" for page in PdfReader(sheet_pdf).pages)
    assert "Основные показатели" in sheet_text
