"""Exceptions: for «cannot continue» only; data problems are values (core/problems.py).

    MentorXLError                 one clear Russian message (+ what to do); the CLI exits 2, Excel shows a box
     ├── BookUnreadable           not a workbook, empty, truncated, password-protected, old .xls
     ├── SheetMissing             a sheet the action needs is absent
     ├── ColumnMissing            a required column is absent (actions other than check)
     ├── FileBusy                 the file to write is open in Excel (a lock file «~$…» is beside it)
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


class SettingMissing(MentorXLError):
    exit_code = 1


class NothingToDo(MentorXLError):
    exit_code = 1


class TemplateBroken(MentorXLError):
    pass


class NotReady(MentorXLError):
    """A document's data has errors the readiness gate found (core/readiness.py): the list is the message."""

    exit_code = 1
