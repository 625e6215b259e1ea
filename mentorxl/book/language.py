"""The language of a workbook written by XlsxWriter: `dc:language` ru-RU in docProps/core.xml.

An .xlsx has no language per cell or style (Excel checks spelling in the language of its own settings); the
document's language property is the one place the file says it is Russian (Excel shows it under «Сведения»,
LibreOffice under «Свойства»). XlsxWriter does not write it, so the finished file is rewritten once, entry by
entry with the same names, order and times: a reproducible build stays reproducible.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

LANGUAGE = "ru-RU"
CORE = "docProps/core.xml"
_END = b"</cp:coreProperties>"


def mark_russian(path: Path) -> Path:
    """Give the .xlsx/.xlsm at `path` the document language ru-RU (in place; `path` is the caller's temporary
    file of an atomic write)."""
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=path.suffix, delete=False) as handle:
        staged = Path(handle.name)
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(staged, "w") as out:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename == CORE and b"<dc:language>" not in data:
                    data = data.replace(_END, f"<dc:language>{LANGUAGE}</dc:language>".encode() + _END)
                out.writestr(info, data, compress_type=info.compress_type)
        shutil.move(staged, path)
    finally:
        staged.unlink(missing_ok=True)
    return path
