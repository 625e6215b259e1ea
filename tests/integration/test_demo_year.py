"""`make demo` runs the school year of issue 12 and the municipality of issue 14 on the demo school and says where
the results are."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from mentorxl.actions.base import Outcome
from mentorxl.actions.demo import DISTRICT, NETWORK, SUMMARY, run_demo
from mentorxl.book.headless import HeadlessBook
from mentorxl.builder.demo import NETWORK_SCHOOLS


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Outcome, list[str]]:
    folder = tmp_path_factory.mktemp("demo") / "demo"
    said: list[str] = []
    return folder, run_demo(folder, today=date(2025, 11, 20), progress=said.append), said


def test_the_demo_imports_a_roadmap_prints_it_completes_pairs_and_starts_the_next_year(demo) -> None:
    folder, outcome, _ = demo
    said = "\n".join(outcome.lines)
    for step in ("Импорт дорожной карты школы из Word (пример): Дорожная карта из «Дорожная карта школы (пример "
                 "из Word).docx»",
                 "Дорожная карта на утверждение, приказ о ней и о кураторе: Дорожная карта (",
                 "Завершить пару досрочно (пара № 2, с заменой наставника): Завершение пар на 20.11.2025",
                 "Завершить пары по окончании срока (01.06.2026): Завершение пар на 01.06.2026",
                 "Новый учебный год: Книга 2026/2027 учебного года готова"):
        assert step in said, step
    names = {f.name for f in outcome.files}
    assert "Дорожная карта наставничества на 2025–2026 учебный год.docx" in names
    assert any(n.startswith("Приказ об итогах реализации программ наставничества") for n in names)
    new = HeadlessBook(folder / "Наставничество (демо) 2026-2027.xlsx").read()
    assert new.settings.get("Учебный год") == "2026/2027" and not new.surveys and not new.meetings


def test_the_demo_builds_the_district_sums_it_up_and_finds_network_mentors(demo) -> None:
    folder, outcome, progress = demo
    books = sorted(p.name for p in (folder / DISTRICT).glob("*.xlsx"))
    assert len(books) == 2 + len(NETWORK_SCHOOLS)  # the demo school's two years and the district's schools
    assert str(folder / SUMMARY) in outcome.message and str(folder / NETWORK) in outcome.message
    assert any(line.startswith("• Муниципальная сводка") for line in progress)  # progress is printed as it goes
    wb = openpyxl.load_workbook(folder / SUMMARY)
    rows = [r for r in wb["Показатели"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert len(rows) == 1 + 4 + 1  # the header, four organisations of 2025/2026, the total
    assert len({r[2] for r in rows[1:-1]}) == 4  # four ИНН
    other = [list(r) for r in wb["Другой учебный год"].iter_rows(min_row=3, values_only=True) if r[0]]
    header, next_year = other[0], other[1]
    kept = header.index("Молодые специалисты, оставшиеся в следующем учебном году: знаменатель")
    assert next_year[4] == "2026/2027" and next_year[kept] > 0  # last year's finished young specialists
    net = next(line for line in outcome.lines if line.startswith("Муниципальный банк наставников"))
    assert "предложено наставников — 0" not in net and "Не учтено книг — 1" in net
def test_the_demo_roadmap_is_of_the_demo_school_year_not_of_the_sample_year(tmp_path: Path) -> None:
    from mentorxl.documents.render import read_docx

    folder = tmp_path / "demo"
    outcome = run_demo(folder, today=date(2026, 12, 4))
    printed = next(f for f in outcome.files if f.name == "Дорожная карта наставничества на 2026–2027 учебный год.docx")
    text = read_docx(printed.read_bytes()).text
    assert "август – сентябрь 2026" in text and "до 20 мая 2027 г." in text
    assert "2025" not in text
    roadmap = HeadlessBook(folder / "Наставничество (демо).xlsx").read().roadmap
    assert {e.term for e in roadmap if e.event} >= {"октябрь 2026", "август – сентябрь 2026"}
