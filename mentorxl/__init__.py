"""MentorXL: the mentoring program of a school in one Excel workbook.

The public surface is small and imported lazily, so that a button click starts fast:
    mentorxl.decline(full_name, case)   Russian name declension for documents
    mentorxl.MentorXLError              the one exception shape (see mentorxl.errors)
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["MentorXLError", "__version__", "decline"]


def __getattr__(name: str) -> Any:
    if name == "decline":
        from mentorxl.documents.declension import decline

        return decline
    if name == "MentorXLError":
        from mentorxl.errors import MentorXLError

        return MentorXLError
    raise AttributeError(name)
