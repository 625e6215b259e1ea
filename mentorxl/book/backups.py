"""«Резервные копии»: a copy of the book before each change the command line makes, the last 10 kept.

The copies are named by the book and the moment («Книга 2026-03-05 14-07-31.xlsx»), in a folder beside the
book. Only files named that way for this book are ever removed; anything else in the folder stays.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from datetime import datetime
from pathlib import Path

from mentorxl.book.files import atomic_path

FOLDER = "Резервные копии"
KEEP = 10


def _pattern(book: Path) -> re.Pattern[str]:
    return re.compile(re.escape(book.stem) + r" (\d{4}-\d\d-\d\d \d\d-\d\d-\d\d)(?: \((\d+)\))?"
                      + re.escape(book.suffix) + "$")


def backups_of(book: Path) -> list[Path]:
    """This book's copies, oldest first."""
    folder = book.parent / FOLDER
    if not folder.is_dir():
        return []
    pattern = _pattern(book)
    found = [(m.group(1), int(m.group(2) or 1), p) for p in folder.iterdir()
             if (m := pattern.match(p.name)) and p.is_file()]
    return [p for _, _, p in sorted(found)]


def back_up(book: Path, *, now: datetime | None = None, keep: int = KEEP) -> Path:
    """Copy `book` into «Резервные копии» (atomically) and drop this book's copies beyond the last `keep`."""
    folder = book.parent / FOLDER
    created = not folder.exists()
    folder.mkdir(exist_ok=True)
    try:
        target = _copy(book, folder, now)
    except BaseException:
        if created:  # a full disk: the folder made for this copy goes too
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    for old in backups_of(book)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _copy(book: Path, folder: Path, now: datetime | None) -> Path:
    stamp = f"{(now or datetime.now()):%Y-%m-%d %H-%M-%S}"
    target = folder / f"{book.stem} {stamp}{book.suffix}"
    n = 2
    while target.exists():
        target = folder / f"{book.stem} {stamp} ({n}){book.suffix}"
        n += 1
    with atomic_path(target) as tmp:
        shutil.copyfile(book, tmp)
    shutil.copystat(book, target)
    return target
