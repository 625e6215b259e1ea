"""The paperwork buttons clicked in a real LibreOffice Calc: «Сформировать приказ» writes the order beside the
document and its number and date into «Пары» (saved by LibreOffice), «Документы по парам» writes a program
for every pair in force and an agreement for every mentor; every Word file is read back."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from lxml import etree
from python_calamine import CalamineWorkbook

from mentorxl.builder.demo import DOCS_FOLDER, ORDER_NUMBER
from mentorxl.builder.ods import build_ods
from mentorxl.core import contract as k
from mentorxl.core.text import fix_lookalikes, person_key
from mentorxl.documents.context import next_order_number
from mentorxl.documents.render import read_docx

pytestmark = pytest.mark.libreoffice
TODAY = date(2025, 11, 20)


def rows_of(path: Path, spec: k.SheetSpec) -> list[dict[str, object]]:
    grid = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(spec.name).to_python()
    header = [str(cell) for cell in grid[0]]
    columns = {c.key: header.index(c.header) for c in spec.columns if c.header in header}
    return [{key: row[i] for key, i in columns.items()} for row in grid[1:] if any(row)]


def as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def sound_text(path: Path) -> str:
    """The document's text after checking that it is a sound .docx with no template tag left."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                data = archive.read(name)
                etree.fromstring(data)
                assert b"{{" not in data and b"{%" not in data, name
    return read_docx(path.read_bytes()).text.replace("\u00a0", " ")


CONSENTS = ("Согласие на наставничество", "Согласие на обработку ПДн")


def corrections(doc: Path) -> list[str]:
    """The cells a куратор fixes after «Проверить данные» — names in Russian letters, every consent dated —
    as «Лист!A1=значение»: the readiness gate lets the documents through only then."""
    from mentorxl.core.text import hidden_latin

    book = CalamineWorkbook.from_path(str(doc))
    out: list[str] = []
    for spec in (k.MENTEES, k.MENTORS):
        grid = book.get_sheet_by_name(spec.name).to_python()
        header = [str(cell) for cell in grid[0]]
        name_col = header.index("ФИО")
        consent_cols = [header.index(h) for h in CONSENTS if h in header]
        for r, row in enumerate(grid[1:], start=2):
            name = str(row[name_col] or "")
            if not name:
                continue
            if hidden_latin(name):
                out.append(f"{spec.name}!{chr(ord('A') + name_col)}{r}={fix_lookalikes(name)}")
            out.extend(f"{spec.name}!{chr(ord('A') + c)}{r}=01.09.2025" for c in consent_cols)
    return out


def test_the_order_and_the_pair_documents_clicked_in_calc_are_written_beside_the_book_and_recorded_in_pairs(
    office, tmp_path: Path
) -> None:
    doc = build_ods(tmp_path / "Наставничество.ods", demo=True, today=TODAY)
    office("set", doc, *corrections(doc))
    office("click", doc, "Подобрать пары")
    suggestions = CalamineWorkbook.from_path(str(doc)).get_sheet_by_name(k.SUGGESTIONS.name).to_python()
    header = [str(c) for c in suggestions[0]]
    count = len([r for r in suggestions[1:] if r[header.index("Наставник")]])
    decision = chr(ord("A") + header.index("Решение"))
    office("set", doc, *(f"{k.SUGGESTIONS.name}!{decision}{i + 2}=Утвердить" for i in range(count)))
    office("click", doc, "Утвердить пары", "Сформировать приказ", "Документы по парам")
    said = office.messages.read_text(encoding="utf-8")
    clicked_on = date.today()  # the buttons date the order by the clock

    number = next_order_number([ORDER_NUMBER])
    pairs = rows_of(doc, k.PAIRS)
    new = [p for p in pairs if p["status"] == "Утверждена"]
    assert len(new) == count, said
    assert all(p["order_number"] == number and as_date(p["order_date"]) == clicked_on for p in new), new
    assert f"Приказ № {number} от {clicked_on:%d.%m.%Y}" in said

    folder = doc.parent / DOCS_FOLDER
    [order] = folder.glob("Приказ о закреплении*.docx")
    text = sound_text(order)
    for pair in new:
        for name in (pair["mentor"], *re.split(r";\s*", str(pair["mentees"]))):
            assert str(name) in text, name
    assert not re.search(r"[A-Za-z]", text)
    assert "ПРИКАЗЫВАЮ:" in text and "С приказом ознакомлены:" in text

    in_force = [p for p in pairs if p["status"] in ("Утверждена", "Действует")]
    programs = sorted((folder / "Программы наставничества").glob("*.docx"))
    agreements = sorted((folder / "Дополнительные соглашения").glob("*.docx"))
    assert len(programs) == len(in_force)
    assert len(agreements) == len({person_key(str(p["mentor"])) for p in in_force})
    first = next(p for p in programs if "№ 1 " in p.name)
    assert "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА" in sound_text(first)
    assert all("351.8" in sound_text(a) for a in agreements)
    assert f"Персонализированные программы наставничества: {len(programs)}." in said
