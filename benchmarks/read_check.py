"""«Проверить данные» at three sizes: reading (python-calamine → located tables → typed rows),
checking, and the whole `mentorxl check --json` process (start, read, check, the backup copy, then the «Ошибки»
sheet and the cell colours written into the book itself), with the peak memory of that process.

Goal on a 2-core machine: 10 000 mentees + 5 000 mentors read and checked in under 2 s.

    .venv/bin/python benchmarks/read_check.py [--quick] [--repeat N]   (--quick: without the 100k book)

Each stage runs in a fresh process (nothing warmed by an earlier size); the stage figures are the best of
`--repeat` runs (default 3; 1 for the 100k book), the peak memory is that of the `mentorxl check` process
alone (os.wait4), not of this script.
"""

from __future__ import annotations

import argparse
import json
import os
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
GOAL = (10_000, 5_000, 2.0)  # mentees, mentors, seconds for read + check
MENTORXL = Path(sys.executable).with_name("mentorxl")


def stages(path: Path) -> dict[str, float]:
    """Run in a child process: the time of each stage and the peak memory of the child."""
    from datetime import date

    from mentorxl.book.reader import read_tables
    from mentorxl.core.program import load_program
    from mentorxl.core.validation import check

    clock = time.perf_counter()
    tables = read_tables(path)
    grids = time.perf_counter() - clock
    clock = time.perf_counter()
    data = load_program(tables)
    rows = time.perf_counter() - clock
    clock = time.perf_counter()
    report = check(data, today=date(2025, 11, 20))
    checked = time.perf_counter() - clock
    return {"grids": grids, "rows": rows, "check": checked, "problems": len(report.problems),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measured(command: list[str]) -> tuple[float, float, int]:
    """Wall time, peak memory (MB) and exit code of one child process."""
    clock = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - clock, usage.ru_maxrss / 1024, child.returncode


def best_stages(book: Path, repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, __file__, "--stages", str(book)], capture_output=True, text=True,
                              check=True, cwd=ROOT)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return min(runs, key=lambda r: r["grids"] + r["rows"] + r["check"])


def best_process(book: Path, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        seconds, peak, code = measured([str(MENTORXL), "check", str(book), "--json"])
        if code not in (0, 1):
            raise SystemExit(f"mentorxl check вышел с кодом {code} на {book.name}")
        runs.append((seconds, peak))
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="without the 100k book")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (the best is shown)")
    parser.add_argument("--stages", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages:
        print(json.dumps(stages(args.stages)))
        return

    from benchmarks.generate import write_regional_book

    print("| книга | строк | чтение: calamine → таблицы, с | → типизированные строки, с | проверка, с "
          "| чтение + проверка, с | процесс `mentorxl check --json`, с | пик памяти процесса, МБ | проблем |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    verdict = ""
    with tempfile.TemporaryDirectory(prefix="mentorxl-bench-") as tmp:
        for mentees, mentors in SIZES[:2] if args.quick else SIZES:
            book = write_regional_book(Path(tmp) / f"b{mentees}.xlsx", mentees=mentees, mentors=mentors, seed=3)
            repeat = 1 if mentees + mentors > 20_000 else max(args.repeat, 1)
            f = best_stages(book, repeat)
            process, peak = best_process(book, repeat)
            total = f["grids"] + f["rows"] + f["check"]
            print(f"| {mentees} наставляемых + {mentors} наставников | {mentees + mentors} | {f['grids']:.2f} "
                  f"| {f['rows']:.2f} | {f['check']:.2f} | {total:.2f} | {process:.2f} | {peak:.0f} "
                  f"| {f['problems']} |")
            if (mentees, mentors) == GOAL[:2]:
                met = "достигнута" if total < GOAL[2] else "НЕ достигнута"
                verdict = (f"Цель «{mentees} + {mentors} прочитать и проверить быстрее {GOAL[2]:.0f} с» {met}: "
                           f"{total:.2f} с (весь процесс с запуском Python и записью листа «Ошибки» в саму книгу — "
                           f"{process:.2f} с).")
    print()
    print(f"Лучшее из {args.repeat} прогонов каждой цифры (книга 100k — один прогон), каждый этап — в новом "
          "процессе; пик памяти — процесса `mentorxl check` (os.wait4).")
    if verdict:
        print(verdict)


if __name__ == "__main__":
    main()
