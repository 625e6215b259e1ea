"""Fixtures shared by every tier: the LibreOffice binary and new master workbooks in a temporary folder.

`soffice`: the path of LibreOffice; outside CI a machine without it skips the test, in CI (CI=true) a missing
LibreOffice is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

TODAY = date(2025, 11, 20)  # a Thursday of the second school quarter: pairs at work, some events overdue


@pytest.fixture(scope="session")
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


@pytest.fixture
def tmp_book(tmp_path: Path) -> Callable[..., Path]:
    """tmp_book("name.xlsx", demo=True, ...) -> a new master workbook built on TODAY (as build_workbook)."""
    from mentorxl.builder.workbook import build_workbook

    def build(name: str = "Наставничество.xlsx", **options: object) -> Path:
        options.setdefault("today", TODAY)
        return build_workbook(tmp_path / name, **options)  # type: ignore[arg-type]

    return build
