"""Documents out of templates: where templates are, Russian file names, the .docx check, PDF via LibreOffice.

Writing a file is the action's job (mentorxl.book.files.write_atomically): the import contract keeps
documents/ and book/ independent, so this module hands over finished, checked bytes.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from mentorxl.errors import MentorXLError, TemplateBroken

TEMPLATE_FOLDER = "Шаблоны"  # beside the workbook: a school's own templates override the standard ones
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{port}{i}" for port in ("COM", "LPT") for i in range(1, 10))}


def template_path(name: str, book_dir: Path | None = None) -> Path:
    """The school's template «Шаблоны/<name>» beside the book when there is one, else the standard one."""
    if book_dir is not None:
        own = Path(book_dir) / TEMPLATE_FOLDER / name
        if own.is_file():
            return own
    from mentorxl.assets import asset_dir

    try:
        return asset_dir("templates") / name
    except FileNotFoundError as error:
        raise TemplateBroken(str(error), "Переустановите MentorXL.") from error


def safe_filename(text: str, limit: int = 150) -> str:
    """A file name Windows accepts: no <>:"/\\|?* or control characters, no trailing dot or space."""
    name = _FORBIDDEN.sub("_", text)
    name = re.sub(r"\s+", " ", name).strip().rstrip(". ")
    if len(name) > limit:
        name = name[:limit].rstrip(". ")
    if name.split(".")[0].upper() in _RESERVED:
        name = "_" + name
    return name or "документ"


def docx_filename(title: str) -> str:
    return safe_filename(title) + ".docx"


def unique_names(titles: Iterable[str]) -> list[str]:
    """File names for a batch: safe, and distinct ignoring case (Windows folders ignore it too)."""
    seen: set[str] = set()
    out: list[str] = []
    for title in titles:
        base = safe_filename(title)
        name, n = base, 2
        while name.casefold() in seen:
            name, n = f"{base} ({n})", n + 1
        seen.add(name.casefold())
        out.append(name + ".docx")
    return out


def check_docx(data: bytes, name: str = "документ") -> None:
    """A finished document is a zip whose every XML part is well formed; anything else is a bug to stop on."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    etree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        raise TemplateBroken(f"Документ «{name}» получился повреждённым ({error}).",
                             "Создайте стандартные шаблоны заново: python scripts/make_templates.py.",
                             ) from error


# ---------------------------------------------------------------- PDF


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice",
                      "/opt/libreoffice/program/soffice"):
        if Path(candidate).exists():
            return candidate
    return None


RUSSIAN_LOCALE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>ru-RU</value>
</prop></item>
</oor:items>
"""


def russian_profile(profile: Path) -> None:
    """A LibreOffice profile whose locale is Russian, whatever the machine's: the PDF shows what our reader's
    LibreOffice or Word shows — «7,5» in a chart's labels, not «7.5» of a machine left in the C locale."""
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RUSSIAN_LOCALE, encoding="utf-8")


def to_pdfs(docs: Sequence[Path], outdir: Path, *, timeout: int = 300) -> list[Path]:
    """PDFs of Word documents by a headless LibreOffice with a profile of its own (one process for all)."""
    soffice = find_soffice()
    if soffice is None:
        raise MentorXLError("Для PDF нужен LibreOffice, а он не найден.", "Установите LibreOffice.")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mentorxl-lo-") as profile:
        russian_profile(Path(profile))
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    results = [outdir / (Path(d).stem + ".pdf") for d in docs]
    missing = [r.name for r in results if not r.exists()]
    if missing:
        raise MentorXLError(f"LibreOffice не смог сделать PDF: {', '.join(missing)}.",
                            f"Проверьте установку LibreOffice. Его ответ: {done.stderr.strip()[:300]}")
    return results


def to_pdf(docx: Path, outdir: Path, *, timeout: int = 300) -> Path:
    return to_pdfs([docx], outdir, timeout=timeout)[0]


# ---------------------------------------------------------------- reading back


@dataclass(frozen=True, slots=True)
class DocxText:
    """A document's text in reading order: body paragraphs and table rows («cell | cell»), then the
    headers and footers of every section (the first page's own ones, when it has them, before the rest)."""

    body: list[str]
    headers: list[str]
    footers: list[str]

    @property
    def text(self) -> str:
        return "\n".join([*self.headers, *self.body, *self.footers])


def read_docx(data: bytes) -> DocxText:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(io.BytesIO(data))
    body: list[str] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            body.append(Paragraph(child, doc).text)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, doc).rows:
                body.append(" | ".join(cell.text for cell in row.cells))
    headers: list[str] = []
    footers: list[str] = []
    for section in doc.sections:
        first = section.different_first_page_header_footer  # the first page's own ones come first
        for found, parts in ((headers, (section.first_page_header, section.header)),
                             (footers, (section.first_page_footer, section.footer))):
            for part in parts[0 if first else 1:]:
                if not part.is_linked_to_previous:
                    found.extend(p.text for p in part.paragraphs)
    return DocxText(body, headers, footers)
