"""Writing into the book itself (issue 10): how long `mentorxl match` takes to rewrite «Подбор» in a
10 000-mentee book, and the whole process, both on a copy made fresh for each run.

Figures: the write alone (apply the rows to the sheet XML, copy the other parts, back up, replace) as wall
and CPU time in-process, and the whole `mentorxl match BOOK --json` process (start, read, match, write).
On a 2-core machine shared with other work the wall figure follows the load; the CPU figure does not.

    .venv/bin/python benchmarks/write_back.py [--quick] [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_regional_book  # noqa: E402

MENTORXL = Path(sys.executable).with_name("mentorxl")


def write_only(book: Path) -> tuple[float, float, int]:
    from mentorxl.actions.pairs import match_pairs  # noqa: F401 - the same rows as the command
    from mentorxl.book.headless import HeadlessBook
    from mentorxl.core import contract as k
    from mentorxl.core.matching import match

    port = HeadlessBook(book)
    result = match(port.read())
    rows: list[dict[str, object]] = [
        {"mentee": s.mentee, "mentor": s.mentor, "score": s.score, "matched": s.matched, "missing": s.missing,
         "alternatives": s.alternatives, "reason": s.reason, "decision": s.decision} for s in result.suggestions]
    rows += [{"mentee": u.mentee, "mentor": "", "reason": u.reason} for u in result.unmatched]
    wall, cpu = time.perf_counter(), time.process_time()
    port.replace_rows(k.SUGGESTIONS, rows)
    port.save()
    return time.perf_counter() - wall, time.process_time() - cpu, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 2 000-mentee book")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    mentees, mentors = (2_000, 1_000) if args.quick else (10_000, 5_000)
    with tempfile.TemporaryDirectory(prefix="mentorxl-bench-") as folder:
        source = write_regional_book(Path(folder) / "source.xlsx", mentees=mentees, mentors=mentors, seed=1)
        writes, processes = [], []
        rows = 0
        for i in range(args.repeat):
            book = Path(shutil.copy(source, Path(folder) / f"book{i}.xlsx"))
            wall, cpu, rows = write_only(book)
            writes.append((wall, cpu))
            book = Path(shutil.copy(source, Path(folder) / f"run{i}.xlsx"))
            started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([str(MENTORXL), "match", str(book), "--json"], check=True, capture_output=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            processes.append((time.perf_counter() - started,
                              after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime))
    wall, cpu = min(writes)
    whole, whole_cpu = min(processes)
    print(f"| книга | строк «Подбора» | запись листа, с (стена / ЦП) | весь `mentorxl match --json`, с (стена / ЦП) |\n"
          f"|---|---|---|---|\n"
          f"| {mentees} наставляемых + {mentors} наставников | {rows} | {wall:.2f} / {cpu:.2f} | "
          f"{whole:.2f} / {whole_cpu:.2f} |")
    print(f"\nЛучшее из {args.repeat} прогонов; каждый — на свежей копии книги.")


if __name__ == "__main__":
    main()
