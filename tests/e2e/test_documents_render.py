"""Every kind of document rendered by a real LibreOffice to PDF: the text a printer gets, and its pages."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorxl.actions.documents import make_documents, make_order
from mentorxl.book.fake import FakeBook
from mentorxl.documents.render import to_pdfs
from tests.builders import mentee, mentor, minimal_book

pytestmark = pytest.mark.libreoffice
ON = date(2025, 9, 1)


def school(tmp_path: Path, pairs: int) -> FakeBook:
    """`pairs` pairs (the first a group of two), every paired person with consents, and one mentee outside
    the pairs who has not signed the personal-data consent yet (the consent form is for her)."""
    mentees = [mentee(f"Петрова{i} Анна Сергеевна", "ИКТ; урок", position="учитель английского языка",
                      consent=None if i == pairs + 1 else "01.09.2025") for i in range(pairs + 2)]
    mentors = [mentor(f"Иванов{i} Олег Игоревич", position="учитель математики",
                      reward="Благодарность" if i % 2 else "Почётная грамота") for i in range(pairs)]
    rows = [{"number": str(i + 1), "mentor": f"Иванов{i} Олег Игоревич",
             "mentees": f"Петрова{i} Анна Сергеевна" + (f"; Петрова{pairs} Анна Сергеевна" if i == 0 else ""),
             "form": "педагог – педагог", "kind": "традиционное", "start": "01.09.2025", "end": "31.05.2026",
             "status": "Утверждена"} for i in range(pairs)]
    return FakeBook(minimal_book(mentees=mentees, mentors=mentors, pairs=rows), path=tmp_path / "Книга.xlsx")


def pdf_pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


def assert_numbered_from_the_second_page(pages: list[str], name: str) -> None:
    """ГОСТ Р 7.0.97: the first page bears no number; every other page opens with its number (the header,
    in the middle of the top margin, is the first text LibreOffice prints on a page)."""
    assert not pages[0].split()[0].isdigit(), f"{name}: a number on the first page"
    for number, page in enumerate(pages[1:], start=2):
        assert page.split()[0] == str(number), f"{name}: page {number} does not open with its number"


def test_every_kind_of_document_prints_with_its_text_and_page_numbers(soffice: str, tmp_path: Path) -> None:
    book = school(tmp_path, 3)
    out = tmp_path / "docs"
    docs = make_order(book, out_dir=out, number="12", on=ON, today=ON).files
    for kind in ("programs", "agreements", "consents", "reward"):
        docs += make_documents(book, kind=kind, out_dir=out, today=ON).files[:1]
    pdfs = to_pdfs(docs, tmp_path / "pdf")
    expected = [
        ("ПРИКАЗ", "О закреплении наставнических пар (групп)", "ПРИКАЗЫВАЮ",
         "возложить на заместителя директора по", "С приказом ознакомлены"),
        ("ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА", "План мероприятий", "Сентябрь 2025", "Май 2026",
         "Ожидаемые результаты"),
        ("ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ", "351.8", "Работодатель", "Работник"),
        ("СОГЛАСИЕ", "152-ФЗ", "Петрова4 Анна Сергеевна"),
        ("О поощрении наставников", "Объявить благодарность", "Наградить почётной грамотой"),
    ]
    for pdf, phrases in zip(pdfs, expected, strict=True):
        pages = pdf_pages(pdf)
        text = " ".join(pages)
        for phrase in phrases:
            assert phrase in text, f"{pdf.name}: {phrase}"
        assert "{{" not in text and "{%" not in text
        assert 1 <= len(pages) <= 4, pdf.name
        assert_numbered_from_the_second_page(pages, pdf.name)
    assert len(pdf_pages(pdfs[3])) == 1  # a consent form is one sheet
    assert len(pdf_pages(pdfs[4])) == 1


def test_an_order_for_sixty_pairs_runs_over_several_numbered_pages(soffice: str, tmp_path: Path) -> None:
    book = school(tmp_path, 60)
    [docx] = make_order(book, out_dir=tmp_path, number="1", on=ON, today=ON).files[:1]
    [pdf] = to_pdfs([docx], tmp_path / "pdf")
    pages = pdf_pages(pdf)
    assert len(pages) >= 4
    text = " ".join(pages)
    for i in range(60):
        assert f"Иванов{i} Олег Игоревич" in text
    assert "Наставник, должность" in pages[1]  # the table's header row repeats on the next page
    assert_numbered_from_the_second_page(pages, pdf.name)


def test_no_row_of_a_long_order_is_split_between_pages_and_every_page_repeats_the_header(
    soffice: str, tmp_path: Path
) -> None:
    book = school(tmp_path, 60)
    [docx] = make_order(book, out_dir=tmp_path, number="1", on=ON, today=ON).files[:1]
    [pdf] = to_pdfs([docx], tmp_path / "pdf")
    pages = pdf_pages(pdf)
    for i in range(1, 60):  # a row: the mentor, his position, the mentee and the term stay on one page
        mentor_page = next(n for n, page in enumerate(pages) if f"Иванов{i} Олег Игоревич" in page)
        assert f"Петрова{i} Анна Сергеевна, учитель английского языка" in pages[mentor_page], i
    table_pages = [page for page in pages if "по 31.05.2026" in page]  # the pages of the pairs table
    assert all("Наставник, должность" in page for page in table_pages)
