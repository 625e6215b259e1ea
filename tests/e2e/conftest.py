"""End-to-end fixtures: a real LibreOffice driven through UNO by the system Python (python3-uno).

Outside CI a machine without LibreOffice skips these tests; in CI (CI=true) a missing LibreOffice is
a failure, never a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DRIVER = Path(__file__).with_name("uno_driver.py")
UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python")


def _missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required in CI (run `make test`, which installs it)")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="session")
def uno_python() -> str:
    if shutil.which("soffice") is None:
        _missing("LibreOffice (soffice)")
    for candidate in UNO_PYTHONS:
        if not Path(candidate).exists():
            continue
        if subprocess.run([candidate, "-c", "import uno"], capture_output=True).returncode == 0:
            return candidate
    _missing("python3-uno")
    raise AssertionError  # unreachable


@pytest.fixture
def office(uno_python: str, tmp_path: Path) -> Callable[..., Any]:
    """office("inspect"|"click"|"set", doc, *args) -> the driver's JSON; messages of the macros land in
    office.messages (a file)."""
    messages = tmp_path / "messages.txt"

    def run(command: str, doc: Path, *args: str) -> Any:
        env = {**os.environ, "MENTORXL_NO_DIALOGS": "1", "MENTORXL_MESSAGES": str(messages)}
        done = subprocess.run([uno_python, str(DRIVER), command, str(doc), *args], capture_output=True, text=True,
                              env=env, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout.strip().splitlines()[-1])

    run.messages = messages  # type: ignore[attr-defined]
    return run
