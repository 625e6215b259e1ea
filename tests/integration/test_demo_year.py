"""`make demo` runs the school year of issue 12 on the demo school and says where the results are."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mentorxl.actions.demo import run_demo
from mentorxl.book.headless import HeadlessBook


def test_the_demo_imports_a_roadmap_prints_it_completes_pairs_and_starts_the_next_year(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    outcome = run_demo(folder, today=date(2025, 11, 20))
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
