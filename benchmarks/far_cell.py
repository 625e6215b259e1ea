"""A value typed in the last row of a bank (A1048576): how long reading the book takes and how much memory.

The reader streams a sheet that tall and keeps only its filled rows (book/reader.py); a value in XFD1048576
is refused before reading (book/extent.py). Peak memory is the process's maximum resident size.

Run: .venv/bin/python benchmarks/far_cell.py [--cell A1048576]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    import openpyxl

    from mentorxl.book.reader import read_program
    from mentorxl.core import contract as k
    from tests.builders import mentee, minimal_book, write_book

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cell", default="A1048576")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = write_book(Path(folder) / "far.xlsx", minimal_book(mentees=[mentee("Иванова Мария Петровна")]))
        wb = openpyxl.load_workbook(path)
        wb[k.MENTEES.name][args.cell] = "забыли тут"
        wb.save(path)
        started = time.perf_counter()
        data = read_program(path)
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{args.cell}: read in {elapsed:.2f} s, peak {peak} MB, mentee rows {[m.row for m in data.mentees]}")


if __name__ == "__main__":
    main()
