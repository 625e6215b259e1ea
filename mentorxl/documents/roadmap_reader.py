"""Reading the tables of a school's roadmap document (.docx; .doc, .odt and .rtf through LibreOffice).

python-docx reads the document; its table rows are walked in the XML itself, because merged cells are what
real roadmaps are made of: `w:gridSpan` (a cell over several grid columns), `w:vMerge` («restart» starts a
cell merged down, an empty one continues it) and `w:gridBefore` (a row starting further right). Each table
becomes a grid of `GridCell`: every grid column of every row, a merged cell repeated with its top-left origin.
A .doc, .odt or .rtf is converted to .docx by a headless LibreOffice into a temporary folder of ours; the
school's file is only read.
"""

from __future__ import annotations

import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from mentorxl.core.imports.roadmap import DocTable, GridCell
from mentorxl.documents.render import find_soffice
from mentorxl.errors import BookUnreadable

CONVERTED = (".doc", ".odt", ".rtf", ".docm", ".dotx", ".dot")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(el: Any, tag: str) -> str | None:
    pr = el.find(f"{W}tcPr") if tag != "gridBefore" else el.find(f"{W}trPr")
    if pr is None:
        return None
    found = pr.find(f"{W}{tag}")
    if found is None:
        return None
    return found.get(f"{W}val", "continue")


def _text(tc: Any) -> str:
    lines = []
    for p in tc.iter(f"{W}p"):
        lines.append("".join(t.text or "" for t in p.iter(f"{W}t")).strip())
    return "\n".join(line for line in lines if line)


def table_grid(tbl: Any, number: int = 1) -> DocTable:
    """One table's grid of cells, merges resolved."""
    rows: list[list[GridCell]] = []
    for r, tr in enumerate(tbl.iterchildren(f"{W}tr")):
        row: list[GridCell] = []
        before = _val(tr, "gridBefore")
        for c in range(int(before) if before and before.isdigit() else 0):
            row.append(GridCell("", (r, c)))
        for tc in tr.iterchildren(f"{W}tc"):
            span_text = _val(tc, "gridSpan")
            span = int(span_text) if span_text and span_text.isdigit() else 1
            merge = _val(tc, "vMerge")
            col = len(row)
            if merge == "continue" and rows and col < len(rows[-1]):
                above = rows[-1][col]
                cells = [GridCell(above.text, above.origin)] * span
            else:
                cells = [GridCell(_text(tc), (r, col))] * span
            row.extend(cells)
        rows.append(row)
    return DocTable(rows, number)


def read_roadmap_tables(path: Path) -> list[DocTable]:
    """Every table of the document, in order (nested tables are not roadmaps and are skipped)."""
    path = Path(path)
    if not path.is_file():
        raise BookUnreadable(f"Файл «{path.name}» не найден.", "Проверьте путь к документу с дорожной картой.")
    if path.suffix.lower() in CONVERTED:
        with tempfile.TemporaryDirectory(prefix="mentorxl-roadmap-") as folder:
            return _read_docx(convert_to_docx(path, Path(folder)), path.name)
    return _read_docx(path, path.name)


def _read_docx(path: Path, name: str) -> list[DocTable]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise BookUnreadable(f"Документ «{name}» не читается как документ Word ({error}).",
                             "Откройте его в Word или LibreOffice и сохраните как .docx.") from error
    body = document.element.body
    return [table_grid(tbl, i) for i, tbl in enumerate(body.iterchildren(f"{W}tbl"), 1)]


def convert_to_docx(path: Path, folder: Path, *, timeout: int = 180) -> Path:
    """A .doc/.odt/.rtf as .docx in `folder`, by a headless LibreOffice with a profile of its own."""
    soffice = find_soffice()
    if soffice is None:
        raise BookUnreadable(f"Чтобы прочитать «{path.name}», нужен LibreOffice, а он не найден.",
                             "Установите LibreOffice или сохраните документ в Word как .docx.")
    profile = folder / "profile"
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "docx", "--outdir", str(folder), str(path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as error:
        raise BookUnreadable(f"LibreOffice не успел преобразовать «{path.name}».",
                             "Сохраните документ как .docx и загрузите снова.") from error
    result = folder / (path.stem + ".docx")
    if not result.is_file():
        raise BookUnreadable(f"LibreOffice не смог преобразовать «{path.name}» в .docx.",
                             f"Сохраните документ как .docx. Ответ LibreOffice: {done.stderr.strip()[:200]}")
    return result
