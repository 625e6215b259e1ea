"""Makes the pictures of the README: the first page of each kind of document, as LibreOffice prints it.

A small realistic school goes through the same actions as a click (order, programs, agreements, consents,
reward, the roadmap to approve, the order on completing the pairs at the end of their term); LibreOffice turns
the Word files into PDF and pdftoppm the first pages into docs/preview_*.png.
docs/previews.sha256 records a fingerprint of each Word file pictured (its word/*.xml parts: the template's
layout and the text): a test renders the documents again and fails when a picture is out of date.
Run: .venv/bin/python scripts/render_previews.py   (needs LibreOffice and poppler-utils)
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from mentorxl.book.fake import FakeBook

DOCS = ROOT / "docs"
FINGERPRINTS = DOCS / "previews.sha256"
KINDS = ("order", "programs", "agreements", "consents", "reward", "roadmap", "completion")
TODAY = date(2025, 9, 1)
END = date(2026, 6, 1)  # the pairs' term is over: the completion order
DPI = 80

MENTEES = (
    ("Петрова Анна Сергеевна", "учитель английского языка", "ИКТ; урок; родители", "01.09.2025"),
    ("Сидоров Иван Ильич", "учитель истории", "классный руководитель; дисциплина", "01.09.2025"),
    ("Алиева Айгюль Рашид кызы", "учитель начальных классов", "ФГОС; оценивание", "01.09.2025"),
    ("Фёдорова Алёна Игоревна", "учитель химии", "ОГЭ; проекты", "02.09.2025"),
    ("Зайцева Дарья Олеговна", "учитель музыки", "ИКТ", ""),  # waits for a pair: her consent form is printed
)
MENTORS = (
    ("Иванова Мария Петровна", "учитель математики", "Почётная грамота"),
    ("Кузнецов Олег Игоревич", "учитель физики", "Благодарность"),
    ("Шевченко Татьяна Викторовна", "учитель начальных классов", "Благодарность"),
)
PAIRS = (
    ("1", "Иванова Мария Петровна", "Петрова Анна Сергеевна; Сидоров Иван Ильич", "групповое"),
    ("2", "Шевченко Татьяна Викторовна", "Алиева Айгюль Рашид кызы", "традиционное"),
    ("3", "Кузнецов Олег Игоревич", "Фёдорова Алёна Игоревна", "традиционное"),
)


def school(folder: Path) -> FakeBook:
    from mentorxl.book.fake import FakeBook
    from mentorxl.core import contract as k
    from mentorxl.core.roadmaps import default_roadmap

    def sheet(spec: k.SheetSpec, rows: list[dict[str, object]]) -> list[list[object]]:
        return [list[object](spec.headers), *([r.get(c.key) for c in spec.columns] for r in rows)]

    settings = {
        k.SET_ORG_FULL: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная "
                        "школа № 5» г. Энска",
        k.SET_ORG_SHORT: "МБОУ «СОШ № 5»", k.SET_PLACE: "г. Энск", k.SET_HEAD: "Орлова Татьяна Николаевна",
        k.SET_HEAD_POSITION: "Директор", k.SET_CURATOR: "Смирнова Ольга Викторовна",
        k.SET_CURATOR_POSITION: "заместитель директора по УВР", k.SET_YEAR: "2025/2026",
        k.SET_ORG_ADDRESS: "123456, Энская область, г. Энск, ул. Садовая, д. 5", k.SET_ORG_INN: "7701000005",
        k.SET_ORG_OGRN: "1027700000005", k.SET_MENTOR_PAY: "2 500 (две тысячи пятьсот) рублей в месяц",
    }
    return FakeBook({
        k.SETTINGS.name: sheet(k.SETTINGS, [{"parameter": p, "value": v} for p, v in settings.items()]),
        k.MENTEES.name: sheet(k.MENTEES, [{"name": n, "position": p, "requests": r, "consent_pd": c or None}
                                          for n, p, r, c in MENTEES]),
        k.MENTORS.name: sheet(k.MENTORS, [{"name": n, "position": p, "competences": "ИКТ", "reward": r,
                                           "consent_pd": "01.09.2025", "consent_mentoring": "01.09.2025"}
                                          for n, p, r in MENTORS]),
        k.PAIRS.name: sheet(k.PAIRS, [{"number": n, "mentor": m, "mentees": e, "form": "педагог – педагог",
                                       "kind": kind, "start": "01.09.2025", "end": "31.05.2026",
                                       "status": "Утверждена"} for n, m, e, kind in PAIRS]),
        k.ROADMAP.name: sheet(k.ROADMAP, [{"stage": e.stage, "event": e.event, "term": e.term,
                                           "responsible": e.responsible, "result": e.result}
                                          for e in default_roadmap("school", TODAY.year)]),
    }, path=folder / "Наставничество.xlsx")


def documents(folder: Path) -> dict[str, Path]:
    """The first Word file of each kind for the school, as a click makes it."""
    from mentorxl.actions.completion import complete_pairs
    from mentorxl.actions.documents import make_documents, make_order
    from mentorxl.actions.roadmap import roadmap_documents

    book = school(folder)
    out = folder / "docs"
    made = {"order": make_order(book, out_dir=out, number="112", on=TODAY, today=TODAY).files[0]}
    for kind in KINDS[1:5]:
        made[kind] = make_documents(book, kind=kind, out_dir=out, today=TODAY).files[0]
    made["roadmap"] = roadmap_documents(book, out_dir=out, today=TODAY, number="111", on=TODAY).files[0]
    made["completion"] = complete_pairs(book, on=END, numbers=None, reason=None, out_dir=out, today=END).files[0]
    return made


def fingerprint(docx: Path) -> str:
    """sha256 of the word/*.xml parts of a .docx in name order: what the page shows, not when it was zipped."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(docx) as archive:
        for name in sorted(n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")):
            digest.update(name.encode() + b"\0" + archive.read(name) + b"\0")
    return digest.hexdigest()


def fingerprints(made: dict[str, Path]) -> str:
    return "".join(f"{fingerprint(path)}  preview_{kind}.png\n" for kind, path in made.items())


def main() -> int:
    from mentorxl.documents.render import to_pdfs

    if shutil.which("pdftoppm") is None:
        print("Нужна программа pdftoppm (poppler-utils).", file=sys.stderr)
        return 1
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        made = documents(folder)
        pdfs = to_pdfs(list(made.values()), folder / "pdf")
        for kind, pdf in zip(made, pdfs, strict=True):
            target = DOCS / f"preview_{kind}"
            subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(target)], check=True)
            print(f"  → {target}.png")
        FINGERPRINTS.write_text(fingerprints(made), encoding="utf-8")
        print(f"  → {FINGERPRINTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
