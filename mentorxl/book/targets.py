"""Checking where a command will write before it writes anything: an unwritable folder is one clear message
(exit 2), never a traceback, and never half the work done (a book saved without its order)."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from mentorxl.errors import MentorXLError


class TargetUnwritable(MentorXLError):
    exit_code = 2


def ready_folder(folder: Path) -> Path:
    """`folder`, created when missing, after a test that a file can be written in it."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(prefix=".mentorxl-check-", dir=folder):
            pass
    except OSError as error:
        raise TargetUnwritable(f"Не удаётся записать в папку «{folder}»: {_reason(folder, error)}.",
                               "Укажите другую папку (--out) или проверьте права на запись. Ничего не изменено."
                               ) from error
    return folder


def _reason(folder: Path, error: OSError) -> str:
    """Why, in Russian: a file standing where a folder must be, no rights, or the system's words."""
    with contextlib.suppress(OSError):
        for part in (folder, *folder.parents):
            if part.exists() and not part.is_dir():
                return f"«{part}» — это файл, а не папка"
    if isinstance(error, PermissionError):
        return "нет прав на запись"
    return f"ошибка записи ({error.strerror or type(error).__name__})"
