"""Writing files safely: atomically (temporary file, then rename), never over a file open in Excel."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from mentorxl.errors import FileBusy

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xlsb", ".xls")  # what a folder of organisations' books holds


def lock_file(path: Path) -> Path:
    """The owner file Excel (and LibreOffice) keep beside an open workbook or document."""
    return path.with_name("~$" + path.name[2:] if len(path.name) > 2 else "~$" + path.name)


def _is_open(path: Path) -> bool:
    candidates = [path.with_name("~$" + path.name), path.with_name("~$" + path.name[2:]),
                  path.with_name(f".~lock.{path.name}#")]
    return any(c.exists() for c in candidates)


def is_open(path: Path) -> bool:
    """Excel's owner file «~$name» (or «~$me» for a long name) or LibreOffice's «.~lock.name#» is beside it."""
    return _is_open(Path(path))


def same_file(a: Path, b: Path) -> bool:
    """The same file, however the path is spelled («./../dir/B.xlsx», a link, another case on Windows)."""
    a, b = Path(a), Path(b)
    if a.exists() and b.exists():
        return a.samefile(b)
    return os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())


def ensure_writable(path: Path) -> None:
    if _is_open(path):
        raise FileBusy(f"Файл «{path.name}» открыт в Excel или LibreOffice.",
                       "Закройте его и запустите команду снова.")


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`; on success it replaces `path` in one rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    ensure_writable(path)
    fd, tmp = tempfile.mkstemp(prefix=".mentorxl-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        tmp_path.chmod(0o666 & ~_umask())  # mkstemp makes 0600; a result is an ordinary file of the user
        tmp_path.replace(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    with atomic_path(path) as tmp:
        write(tmp)
    return Path(path)


def xlsx_workbook(target: Path, **options: object) -> Any:
    """An XlsxWriter workbook built in memory whose `close()` writes the whole file to `target` at once: no
    temporary file with people's names in the system folder, and a full disk fails on our own write (one clear
    OSError), never inside XlsxWriter's half-written zip (which Python would report later as a traceback)."""
    import io

    import xlsxwriter

    buffer = io.BytesIO()

    class _Workbook(xlsxwriter.Workbook):
        def close(self) -> None:
            super().close()
            Path(target).write_bytes(buffer.getvalue())

    return _Workbook(buffer, {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
                              **options, "in_memory": True})


def next_free(path: Path) -> Path:
    """`path`, or «name (2).ext», «name (3).ext»… when it exists: results never overwrite each other."""
    if not path.exists():
        return path
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
    raise FileBusy(f"Слишком много копий «{path.name}» в папке.", "Удалите старые копии.")
