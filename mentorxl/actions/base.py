"""What every action returns: a Russian summary, the files written, an exit code and JSON data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class Outcome:
    message: str  # what the user reads (CLI prints it, Excel shows it in a box)
    files: list[Path] = field(default_factory=list)  # files written (documents, result workbooks)
    exit_code: int = 0
    data: dict[str, Any] = field(default_factory=dict)  # the --json payload
    open_files: bool = False  # the entry point may open these files for the user
    lines: list[str] = field(default_factory=list)  # details printed under the message (not in --json)


def today() -> date:
    """The day actions count from; tests pass their own `today` instead."""
    return date.today()
