"""How a button click feels: importing mentorxl.excel, and each button on a school-size book.

The live Excel book is replaced by the fake of tests/fakes (the same calls xlwings would get), filled
from the demo school, so the figure is our code's time: Excel's own COM time comes on top.
Run: .venv/bin/python benchmarks/click.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def import_time(runs: int = 5) -> float:
    """Seconds for a fresh interpreter to import mentorxl.excel, minus the bare interpreter start."""
    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = statistics.median(once("pass") for _ in range(runs))
    full = statistics.median(once("import mentorxl.excel") for _ in range(runs))
    return full - bare


def school_grids(folder: Path) -> dict[str, list[list[object]]]:
    from python_calamine import CalamineWorkbook

    from mentorxl.builder.workbook import build_workbook

    path = build_workbook(folder / "school.xlsx", demo=True, today=date(2025, 11, 20))
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}


COLD = """
import pickle, sys, time
start = time.perf_counter()
sys.path.insert(0, {root!r})
import mentorxl.excel as excel
from tests.fakes.xlwings_fake import FakeExcelBook
grids = pickle.load(open({grids!r}, "rb"))
getattr(excel, {name!r})(FakeExcelBook(grids))
print(time.perf_counter() - start)
"""


def cold_click(grids_file: Path, name: str, runs: int = 3) -> float:
    """A click as RunPython makes it: a new interpreter imports mentorxl and runs one button."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", COLD.format(root=str(ROOT), grids=str(grids_file), name=name)],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    import pickle

    print(f"import mentorxl.excel: {import_time() * 1000:.0f} ms (interpreter start excluded)")
    with tempfile.TemporaryDirectory() as tmp:
        grids = school_grids(Path(tmp))
        rows = sum(len(g) for g in grids.values())
        grids_file = Path(tmp) / "grids.pickle"
        grids_file.write_bytes(pickle.dumps(grids))
        print(f"school book: {rows} rows over {len(grids)} sheets")
        print("| button | cold click, whole process (median of 3) |")
        print("|---|---|")
        for name in ("check_data", "match_pairs", "update_roadmap"):
            print(f"| {name} | {cold_click(grids_file, name):.2f} s |")


if __name__ == "__main__":
    main()
