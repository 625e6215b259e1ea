"""«Проверить данные» at three sizes: reading (python-calamine → typed rows), checking, and the whole
`mentorxl check --json` process, with the peak memory of that process.

Goal on a 2-core machine: 10 000 mentees + 5 000 mentors read and checked in under 2 s.

    .venv/bin/python benchmarks/read_check.py [--quick]      (--quick: without the 100k book)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZES = ((700, 300), (10_000, 5_000), (66_000, 34_000))
MENTORXL = Path(sys.executable).with_name("mentorxl")


def stages(path: Path) -> dict[str, float]:
    from datetime import date

    from mentorxl.book.reader import read_program
    from mentorxl.core.validation import check

    clock = time.perf_counter()
    data = read_program(path)
    read = time.perf_counter() - clock
    clock = time.perf_counter()
    report = check(data, today=date(2025, 11, 20))
    return {"read": read, "check": time.perf_counter() - clock, "problems": len(report.problems)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--stages", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages:
        print(json.dumps(stages(args.stages)))
        return

    from benchmarks.generate import write_regional_book

    print("| книга | строк | чтение, с | проверка, с | процесс `mentorxl check --json`, с | пик памяти процесса, МБ "
          "| найдено проблем |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="mentorxl-bench-") as tmp:
        for mentees, mentors in SIZES[:2] if args.quick else SIZES:
            book = write_regional_book(Path(tmp) / f"b{mentees}.xlsx", mentees=mentees, mentors=mentors, seed=3)
            done = subprocess.run([sys.executable, __file__, "--stages", str(book)], capture_output=True, text=True,
                                  check=True, cwd=ROOT)
            f = json.loads(done.stdout.strip().splitlines()[-1])
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            clock = time.perf_counter()
            subprocess.run([str(MENTORXL), "check", str(book), "--json"], capture_output=True, check=False)
            process = time.perf_counter() - clock
            peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
            print(f"| {mentees} наставляемых + {mentors} наставников | {mentees + mentors} | {f['read']:.2f} "
                  f"| {f['check']:.2f} | {process:.2f} | {peak:.0f} | {f['problems']} |")
    print()
    print("Пик памяти — наибольший из процессов, запущенных до этой строки (ru_maxrss дочерних процессов).")


if __name__ == "__main__":
    main()
