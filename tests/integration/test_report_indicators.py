"""The school's analytic report carries the municipal indicators, each as «numerator из denominator»."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mentorxl.actions.monitoring import monitoring_report
from mentorxl.book.fake import FakeBook
from mentorxl.core import contract as k
from mentorxl.documents.render import read_docx
from tests.builders import mentee, mentor, minimal_book, settings_grid

TODAY = date(2026, 5, 25)


def test_the_report_has_the_indicators_section_with_numerators_and_denominators(tmp_path: Path) -> None:
    book = minimal_book(
        mentees=[mentee("Петрова Анна Сергеевна", experience=1), mentee("Смирнов Илья Дмитриевич", experience=2),
                 mentee("Белова Инна Викторовна", experience=20)],
        mentors=[mentor("Кузнецова Ольга Ивановна")],
        pairs=[{"number": "1", "mentor": "Кузнецова Ольга Ивановна", "mentees": "Петрова Анна Сергеевна",
                "start": "01.10.2025", "end": "31.05.2026", "status": "Действует"}],
    )
    book[k.SETTINGS.name] = settings_grid({k.SET_STAFF: 20, k.SET_MENTOR_PAY: "2 000 руб. в месяц"})
    outcome = monitoring_report(FakeBook(book, path=tmp_path / "Наставничество.xlsx"), out_dir=tmp_path,
                                today=TODAY)
    body = "\n".join(read_docx(outcome.files[0].read_bytes()).body).replace("\u00a0", " ")
    assert "7. Показатели для муниципального координатора" in body
    assert "Педагоги в банках наставников и наставляемых | 4 из 20 | 20 %" in body
    assert "Молодые специалисты с наставником | 1 из 2 | 50 %" in body
    assert "Доплата наставникам за срок действующих пар, руб. | 2 000 руб. × 8 мес. | 16 000 руб." in body


def test_with_last_years_book_beside_it_the_report_shows_retention_into_this_year(tmp_path: Path) -> None:
    from mentorxl.core.indicators import RETENTION_ACROSS
    from tests.builders import write_book

    def sheets(year: str, mentees: list[dict[str, object]]) -> dict[str, list[list[object]]]:
        book = minimal_book(mentees=mentees, mentors=[mentor("Кузнецова Ольга Ивановна")])
        book[k.SETTINGS.name] = settings_grid({k.SET_ORG_INN: "6601002003", k.SET_YEAR: year})
        return book

    write_book(tmp_path / "Наставничество 2024-2025.xlsx", sheets("2024/2025", [
        mentee("Петрова Анна Сергеевна", status="Завершил", young="да"),
        mentee("Смирнов Илья Дмитриевич", status="Завершил", young="да")]))
    write_book(tmp_path / "чужая книга.xlsx", sheets("2024/2025", []) | {
        k.SETTINGS.name: settings_grid({k.SET_ORG_INN: "6601009994", k.SET_YEAR: "2024/2025"})})
    (tmp_path / "не книга.xlsx").write_bytes(b"not a workbook")
    this = sheets("2025/2026", [mentee("Петрова Анна Сергеевна", status="Завершил", young="да"),
                                mentee("Смирнов Илья Дмитриевич", status="Выбыл", young="да")])
    outcome = monitoring_report(FakeBook(this, path=tmp_path / "Наставничество 2025-2026.xlsx"),
                                out_dir=tmp_path / "справка", today=TODAY)
    body = "\n".join(read_docx(outcome.files[0].read_bytes()).body).replace("\u00a0", " ")
    assert f"{RETENTION_ACROSS.title} | 1 из 2 | 50 %" in body


def test_without_last_years_book_the_report_has_no_line_of_retention_into_this_year(tmp_path: Path) -> None:
    from mentorxl.core.indicators import RETENTION_ACROSS

    book = minimal_book(mentees=[mentee("Петрова Анна Сергеевна")], mentors=[mentor("Кузнецова Ольга Ивановна")])
    outcome = monitoring_report(FakeBook(book, path=tmp_path / "Наставничество.xlsx"), out_dir=tmp_path,
                                today=TODAY)
    assert RETENTION_ACROSS.title not in "\n".join(read_docx(outcome.files[0].read_bytes()).body)
