"""A command is a new Python each time: the libraries its action module loads are part of what the user waits
for (issue 15; the figures are in benchmarks/process.py, no timing here). Each check runs in a fresh
interpreter, since pytest itself has loaded most libraries already."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("numpy", "ortools", "scipy", "pandas", "matplotlib", "docx", "docxtpl", "xlsxwriter", "openpyxl", "jinja2")


def _loaded(module: str) -> list[str]:
    code = f"import json, sys; import {module}; print(json.dumps([n for n in {HEAVY!r} if n in sys.modules]))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_approving_pairs_loads_no_numpy_nor_the_matching_solver():
    assert _loaded("mentorxl.actions.pairs") == []


def test_the_rows_of_a_matching_result_load_without_the_matching_engine():
    assert _loaded("mentorxl.core.suggestions") == []


def test_checking_the_data_loads_no_document_chart_or_matching_library():
    assert _loaded("mentorxl.actions.check") == []


def test_a_working_day_loads_the_calendar_of_russia_alone_not_that_of_every_country():
    code = ("import json, sys; from datetime import date; from mentorxl.core.workdays import working_day_from; "
            "print(json.dumps([str(working_day_from(date(2027, 1, 4))), 'holidays.countries' in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == ["2027-01-11", False], done.stderr[-2000:]


def test_a_standard_template_loads_without_docxtpl_nor_python_docx():
    code = ("import json, sys; from mentorxl.documents import context as c; "
            "from mentorxl.documents.env import load_template; from mentorxl.documents.render import template_path; "
            "load_template(template_path('program.docx'), c.PROGRAM_KEYS); "
            "print(json.dumps([n for n in ('docxtpl', 'docx') if n in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [], done.stderr[-2000:]


def test_the_matching_engine_is_still_there_when_asked_for():
    code = ("import json, sys; from mentorxl.core.matching import match, greedy_baseline; "
            "print(json.dumps([match.__module__, greedy_baseline.__module__, 'numpy' in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == ["mentorxl.core.matching.engine"] * 2 + [True]


def test_a_command_process_collects_cycles_rarely_and_a_caller_of_main_keeps_its_own_collector():
    code = ("import gc, json, sys; from mentorxl import cli; default = gc.get_threshold(); "
            "cli.main(['new', sys.argv[1]]); inside = gc.get_threshold(); "
            "sys.argv = ['mentorxl', 'new', sys.argv[2]]; cli.main(); "
            "print(json.dumps([inside == default, gc.get_threshold()[0] >= 100_000, gc.get_freeze_count() > 0]))")
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, "-c", code, f"{tmp}/a.xlsx", f"{tmp}/b.xlsx"], capture_output=True,
                              text=True, cwd=ROOT, check=False)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [True, True, True], done.stderr[-2000:]
