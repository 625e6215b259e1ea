"""Makes the school roadmap documents of tests/data/roadmaps/ (run it again to remake them), and
templates/sample_roadmap.docx (the first of them) that `make demo` imports.

Each is shaped like one of the real roadmaps of ../shared/seeds (their layout, merges and ways of writing
terms), in wording of our own. tests/data/README.md says what each one proves; the .odt is converted from
the first document by LibreOffice when it is installed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.shared import Mm

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "roadmaps"


def _document(*paragraphs: str) -> object:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for text in paragraphs:
        doc.add_paragraph(text)
    props = doc.core_properties
    props.author, props.last_modified_by, props.comments = "MentorXL", "MentorXL", "scripts/make_roadmap_samples.py"
    return doc


def _fill(cell: object, text: str) -> None:
    """Cell text; every line of `text` a paragraph of its own, as Word keeps them."""
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]  # type: ignore[attr-defined]
    for line in lines[1:]:
        cell.add_paragraph(line)  # type: ignore[attr-defined]


def _table(doc: object, rows: Sequence[Sequence[str]]) -> object:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                _fill(table.cell(r, c), text)
    return table


def _merge_down(table: object, col: int, first: int, last: int) -> None:
    """One cell over rows first..last (the text of the first stays; python-docx writes w:vMerge)."""
    top = table.cell(first, col)  # type: ignore[attr-defined]
    text = top.text
    merged = top.merge(table.cell(last, col))  # type: ignore[attr-defined]
    for p in merged.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    merged.paragraphs[0].text = text


def _merge_across(table: object, row: int, first: int, last: int) -> None:
    left = table.cell(row, first)  # type: ignore[attr-defined]
    text = left.text
    merged = left.merge(table.cell(row, last))  # type: ignore[attr-defined]
    for p in merged.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    merged.paragraphs[0].text = text


def _repeat_header(table: object) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:tblHeader"))


def merged_stages() -> Path:
    """Seeds 000 and 004: stage, № and срок merged down, numbered and dashed lists in one cell, the header
    row typed again after a page break, no result column, a title and an approval block above."""
    doc = _document("Приложение 2", "УТВЕРЖДЕНО приказом директора от 29.08.2025 № 112",
                    "План мероприятий (дорожная карта)",
                    "по реализации Положения о системе наставничества педагогических работников в МБОУ «Школа № 3»")
    header = ("№", "Наименование этапа", "Содержание деятельности и примерный план мероприятий", "Сроки исполнения",
              "Ответственный")
    rows = [
        header,
        ("1.", "Подготовка условий для реализации системы наставничества",
         "Подготовка локальных актов школы:\n– приказ об утверждении Положения о наставничестве\n"
         "– дорожная карта внедрения Положения\n– приказ о закреплении наставнических пар (групп)",
         "август – сентябрь 2025", "Директор, заместитель директора по УВР"),
        ("", "", "Педагогический совет о целях и формах наставничества", "", "Директор"),
        ("2.", "Формирование банка наставляемых",
         "1) Выяснение профессиональных затруднений педагогов. 2) Сбор согласий на обработку персональных "
         "данных. 3) Составление перечня наставляемых.", "Сентябрь – октябрь 2025, далее – ежеквартально",
         "Методист"),
        header,
        ("3.", "Формирование банка наставников",
         "Опрос педагогов, готовых взять наставляемого", "октябрь 2025", "Методист"),
        ("", "", "Составление перечня наставников", "", "Методист, руководители МО"),
        ("4.", "Завершение персонализированных программ наставничества",
         "Итоговое анкетирование участников", "до 20 мая 2026 г.", "Куратор наставничества"),
    ]
    table = _table(doc, rows)
    _repeat_header(table)
    _merge_down(table, 0, 1, 2)
    _merge_down(table, 1, 1, 2)
    _merge_down(table, 3, 1, 2)
    _merge_down(table, 0, 5, 6)
    _merge_down(table, 1, 5, 6)
    _merge_down(table, 3, 5, 6)
    return _save(doc, "merged_stages.docx")


def sections() -> Path:
    """Seed 003: section rows merged across the table name the stage («I. …»), a numbered sub-heading merged
    over the rest of its row, «✓» items, a срок the program cannot read."""
    doc = _document("СОГЛАСОВАНО на заседании педагогического совета, протокол № 1",
                    "ПЛАН МЕРОПРИЯТИЙ (ДОРОЖНАЯ КАРТА) ВНЕДРЕНИЯ ЦЕЛЕВОЙ МОДЕЛИ НАСТАВНИЧЕСТВА")
    rows = [
        ("№ п/п", "Наименование мероприятия", "Срок реализации", "Ответственный исполнитель",
         "Результат, вид документа"),
        ("I. Подготовка условий для запуска программы наставничества", "", "", "", ""),
        ("1.", "Изучение материалов о наставничестве", "", "", ""),
        ("1.1.", "Рассказ педагогам и родителям о будущей программе", "январь", "Директор, методисты",
         "Протоколы советов"),
        ("1.2.", "✓ Выбор форм наставничества ✓ Подбор программ под формы", "февраль",
         "Заместитель директора", "Перечень форм"),
        ("II. Формирование базы наставляемых", "", "", "", ""),
        ("2.1.", "Анкетирование обучающихся и педагогов", "когда появится время", "Педагог-психолог",
         "Анкеты"),
    ]
    table = _table(doc, rows)
    _merge_across(table, 1, 0, 4)
    _merge_across(table, 2, 1, 4)
    _merge_across(table, 5, 0, 4)
    return _save(doc, "sections.docx")


def no_terms() -> Path:
    """Seed 002: a table with no срок column at all, «•» items, a text before the table."""
    doc = _document("Дорожная карта по внедрению наставничества в Доме детского творчества",
                    "Цель: условия для развития наставничества.")
    rows = [
        ("№", "Этап", "Мероприятия", "Ответственные"),
        ("1", "Подготовка условий", "• Изучение нормативной базы • Создание рабочей группы", "Директор"),
        ("2", "Формирование базы наставников", "Собеседования с опытными педагогами", "Методист"),
    ]
    _table(doc, rows)
    return _save(doc, "no_terms.docx")


def two_activity_columns() -> Path:
    """Seed 001: «Мероприятия» beside «Содержание деятельности», continuation rows with empty (unmerged) stage,
    срок and ответственный cells, «-» lines, a срок with an aside in brackets."""
    doc = _document()
    rows = [
        ("№", "Наименование этапа", "Мероприятия", "Содержание деятельности и план мероприятий", "Сроки",
         "Ответственные", "Ожидаемый результат"),
        ("1.", "Подготовка нормативной базы", "Выбор форм наставничества",
         "- Опрос о запросах будущих наставляемых", "сентябрь", "Директор", "Приняты локальные акты"),
        ("", "", "", "- Совещание при директоре о наставничестве", "", "", ""),
        ("", "", "", "- Подготовка программ наставничества", "", "Куратор, наставники", ""),
        ("2.", "Формирование банка данных наставляемых", "Сбор данных о наставляемых",
         "- Сбор запросов педагогов\n- Изучение личных дел и итогов аттестации",
         "Ежегодно сентябрь (дополнительно по запросу)", "Куратор", "Банк наставляемых"),
    ]
    _table(doc, rows)
    return _save(doc, "two_activity_columns.docx")


def _save(doc: object, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    doc.save(str(path))  # type: ignore[attr-defined]
    return path


def as_odt(docx: Path) -> Path | None:
    """The same document as .odt, by LibreOffice (None when it is not installed)."""
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", "odt", "--outdir", str(docx.parent), str(docx)],
                       capture_output=True, check=False, timeout=180)
    odt = docx.with_suffix(".odt")
    return odt if odt.exists() else None


SAMPLE = Path(__file__).resolve().parents[1] / "templates" / "sample_roadmap.docx"


def main() -> int:
    made = [merged_stages(), sections(), no_terms(), two_activity_columns()]
    SAMPLE.write_bytes(made[0].read_bytes())  # `make demo` imports it: a school's roadmap as schools write them
    made.append(SAMPLE)
    odt = as_odt(made[0])
    for path in [*made, *([odt] if odt else [])]:
        print(f"  → {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
