"""Where a command's documents go, and taking them back when the batch fails: shared by every action that
writes files, and light to import (the report does not load the templates' machinery for it)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from mentorxl.book.port import WorkbookPort
from mentorxl.core import contract as k
from mentorxl.core.program import ProgramData
from mentorxl.core.text import clean

DEFAULT_FOLDER = "Документы"


def output_dir(book: WorkbookPort, data: ProgramData, out_dir: Path | None) -> Path:
    """--out, else the setting «Папка документов» (relative to the book), else «Документы» beside the book."""
    if out_dir is not None:
        return Path(out_dir)
    base = book.path.parent if book.path is not None else Path.cwd()
    folder = clean(data.settings.get(k.SET_DOCS_FOLDER))
    if folder:
        path = Path(folder).expanduser()
        return path if path.is_absolute() else base / path
    return base / DEFAULT_FOLDER


def take_back(files: Sequence[Path], folders: Sequence[Path] = ()) -> None:
    """Remove documents this command wrote, and the folders it made for them when they are empty again."""
    for path in files:
        path.unlink(missing_ok=True)
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()
