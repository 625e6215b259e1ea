"""One MentorXL writer at a time: «.~mentorxl.<книга>.lock» beside the book, holding the writer's pid.

A second command that wants to change the same book waits a few seconds for the first to finish, then stops
with a Russian message; a lock left by a process that is gone is taken over.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from mentorxl.errors import FileBusy

WAIT_SECONDS = 5.0


def lock_path(book: Path) -> Path:
    return book.with_name(f".~mentorxl.{book.name}.lock")


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _owner(lock: Path) -> int | None:
    try:
        return int(lock.read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def writing(book: Path, *, wait: float | None = None) -> Iterator[Path]:
    """Hold the book's lock while the block runs; FileBusy when another live process keeps it longer."""
    lock = lock_path(Path(book))
    wait = float(os.environ.get("MENTORXL_LOCK_WAIT", WAIT_SECONDS)) if wait is None else wait
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            owner = _owner(lock)
            if owner is not None and not _alive(owner):
                lock.unlink(missing_ok=True)  # the process that left it is gone
                continue
            if time.monotonic() >= deadline:
                who = f" (процесс {owner})" if owner else ""
                raise FileBusy(f"Книгу «{Path(book).name}» сейчас изменяет другая команда MentorXL{who}.",
                               "Дождитесь, пока она закончит, и запустите команду снова. Если MentorXL не "
                               f"работает, удалите файл «{lock.name}» рядом с книгой.") from None
            time.sleep(0.1)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(f"{os.getpid()}\n")
        yield lock
    finally:
        lock.unlink(missing_ok=True)
