"""The school-year documents rendered by a real LibreOffice: the roadmap on landscape pages with its approval
and numbered pages, the orders on the roadmap, the curator and the completion of pairs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorxl.actions.completion import complete_pairs
from mentorxl.actions.roadmap import roadmap_documents
from mentorxl.book.headless import HeadlessBook
from mentorxl.documents.render import to_pdfs

pytestmark = pytest.mark.libreoffice
ON = date(2025, 11, 20)


def test_the_roadmap_and_the_year_orders_print_in_russian_on_the_right_pages(soffice: str, tmp_book,
                                                                             tmp_path: Path) -> None:
    master = tmp_book(demo=True)
    docs = [f for f in roadmap_documents(HeadlessBook(master), out_dir=tmp_path / "docs", today=ON).files
            if f.suffix == ".docx"]  # the book itself is written too: the orders' rows on «Приказы»
    docs += complete_pairs(HeadlessBook(master, result=tmp_path / "b.xlsx"), on=ON, numbers=["2"],
                           reason="Перевод наставника", out_dir=tmp_path / "docs", today=ON).files[:1]
    pdfs = to_pdfs(docs, tmp_path / "pdf")
    roadmap = PdfReader(pdfs[0])
    assert len(roadmap.pages) >= 2
    for page in roadmap.pages:
        assert page.mediabox.width > page.mediabox.height  # landscape
    text = [re.sub(r"\s+", " ", p.extract_text() or "") for p in roadmap.pages]
    assert "УТВЕРЖДЕНО" in text[0] and "План мероприятий (дорожная карта)" in text[0]
    assert all("Наименование этапа" in page for page in text)  # the header row repeats on every page
    assert text[1].split()[0] == "2"
    orders = [" ".join(re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(f).pages) for f in pdfs[1:]]
    assert "Об утверждении дорожной карты" in orders[0]
    assert "О назначении куратора наставничества" in orders[1] and "Назначить куратором" in orders[1]
    assert "О внесении изменений в состав наставнических пар" in orders[2] and "Перевод наставника" in orders[2]
