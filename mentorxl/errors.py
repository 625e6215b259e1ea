"""Exceptions: for «cannot continue» only; data problems are values (core/problems.py).

    MentorXLError                 one clear Russian message (+ what to do); the CLI exits 2, Excel shows a box
     ├── BookUnreadable           not a workbook, empty, truncated, password-protected, old .xls
     ├── SheetMissing             a sheet the action needs is absent
     ├── ColumnMissing            a required column is absent (actions other than check)
     ├── FileBusy                 the file to write is open in Excel (a lock file «~$…» is beside it), or another
 │                            MentorXL command is changing it
 ├── WouldLoseData            the book cannot be changed without losing a part of it: nothing is written
     ├── SettingMissing           a setting a document needs is empty
     ├── NothingToDo              no approved pairs for an order, and the like
     ├── TemplateBroken           a Word template has an unknown variable or a broken tag
     └── NotReady                 the data a document prints has errors (the readiness gate); exit 1
"""

from __future__ import annotations


class MentorXLError(Exception):
    exit_code = 2

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class BookUnreadable(MentorXLError):
    pass


class SheetMissing(MentorXLError):
    pass


class ColumnMissing(MentorXLError):
    pass


class FileBusy(MentorXLError):
    pass


class WouldLoseData(MentorXLError):
    pass


class SettingMissing(MentorXLError):
    exit_code = 1


class NothingToDo(MentorXLError):
    exit_code = 1


class TemplateBroken(MentorXLError):
    pass


class NotReady(MentorXLError):
    """A document's data has errors the readiness gate found (core/readiness.py): the list is the message."""

    exit_code = 1


def from_os_error(error: OSError) -> MentorXLError:
    """A refusal of the system to read or write a file, told in Russian with what to do (exit 2)."""
    import errno
    from pathlib import Path

    where = f" «{error.filename}»" if error.filename else ""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return MentorXLError(f"На диске не хватает места, чтобы записать{where or ' файл'}. Ничего не изменено.",
                             "Освободите место на диске (или укажите другую папку) и запустите команду снова.")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return MentorXLError(f"Нет прав на запись{where}: папка или файл только для чтения.",
                             "Выберите папку, где у вас есть права на запись (например, «Документы»), или "
                             "снимите с файла и папки отметку «только чтение», и запустите команду снова.")
    if error.errno == errno.ENOTDIR or (error.errno == errno.EEXIST and error.filename
                                        and Path(error.filename).is_file()):
        what = f"«{error.filename}» — это файл" if error.filename else "В пути есть файл"
        return MentorXLError(f"{what}, а здесь нужна папка. Ничего не изменено.",
                             "Укажите в пути папку (или другое имя файла), а не существующий файл, и запустите "
                             "команду снова.")
    return MentorXLError(f"Файл{where} не удалось прочитать или записать: {error.strerror or error}.",
                         "Проверьте путь, свободное место и права на папку, затем запустите команду снова.")
