"""The adapter contract (tests/contract/scenario.py) on a real Calc document through UNO: CalcBook gives the
same observations as the fake, the file and the xlwings book."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.builders import write_book
from tests.contract import scenario
from tests.contract.test_adapters import _json

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "contract" / "calc_runner.py"

pytestmark = pytest.mark.libreoffice


def test_calc_through_uno_passes_the_contract(uno_python: str, tmp_path: Path) -> None:

    source = write_book(tmp_path / "Книга.xlsx", scenario.grids())
    out = tmp_path / "seen.json"
    done = subprocess.run([uno_python, str(RUNNER), str(source), str(out)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(out.read_text(encoding="utf-8")) == _json(scenario.EXPECTED)
