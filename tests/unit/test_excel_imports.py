"""A click starts a new Python: what `import mentorxl.excel` and the buttons' `import xlwings` load decides how
fast it answers (the figures are in benchmarks/click.py; no timing here). Each check runs in a fresh interpreter,
since pytest itself has loaded most libraries already. And `py -m mentorxl`, the README's check that the Python
of the buttons has mentorxl."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("xlwings", "python_calamine", "xlsxwriter", "openpyxl", "docxtpl", "docx", "pydantic", "matplotlib",
         "numpy", "jinja2")


def _fresh(code: str) -> object:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_mentorxl_excel_loads_no_office_chart_or_template_library():
    loaded = _fresh(f"import json, sys; import mentorxl.excel; "
                    f"print(json.dumps([n for n in {HEAVY!r} if n in sys.modules]))")
    assert loaded == []


def test_the_buttons_import_xlwings_without_matplotlib_and_numpy_and_the_report_can_still_load_them():
    seen = _fresh("import json, sys; import mentorxl.excel as e; xw = e._xlwings(); "
                  "during = [n for n in e.NOT_FOR_XLWINGS if n in sys.modules]; "
                  "import matplotlib, numpy; import xlwings.utils as u; "
                  "print(json.dumps({'during': during, 'caller': hasattr(xw.Book, 'caller'), "
                  "'mpl_in_xlwings': u.mpl is not None, 'later': bool(matplotlib.__version__ and numpy.ndarray)}))")
    assert seen == {"during": [], "caller": True, "mpl_in_xlwings": False, "later": True}


def test_libraries_loaded_before_xlwings_are_left_alone():
    seen = _fresh("import json, sys; import numpy; import mentorxl.excel as e; e._xlwings(); "
                  "import xlwings.utils as u; print(json.dumps({'numpy_in_xlwings': u.np is numpy}))")
    assert seen == {"numpy_in_xlwings": True}


def test_python_dash_m_mentorxl_is_the_mentorxl_command_for_a_path_without_pythons_scripts():
    from mentorxl import __version__

    done = subprocess.run([sys.executable, "-m", "mentorxl", "--version"], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, f"mentorxl {__version__}")
