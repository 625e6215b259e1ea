"""What the user waits for: every command as a whole `mentorxl` process (interpreter start to exit, writing
its result files), beside the floor — python-calamine reading every sheet of the same book, also as a
process — and the ratio to it. Then the default «Подобрать пары» against the exact optimum (`--exact`).

Each figure is the median of several runs (`--repeat`, default 5; 3 for the 10k book, 1 for the 100k book
and for `--exact`), each run on a fresh copy of the generated book (a command may change the book it is
given); the peak memory is that of the measured process alone (os.wait4). Books: benchmarks/generate.py
(1–3 requests per mentee, 1–4 competences per mentor from 12 tags, capacities 1–3; the same seed gives
the same book); the 300 schools: benchmarks/consolidate.py. MentorXL's modules are compiled to bytecode
before the first run, as an installed package is (`compiled`).

Goals (issue 15, a 2-core machine): a school of 200 people — every command ≤ 0,5 s; 10 000 + 5 000 — `check`
≤ 1,5 s, `match` ≤ 3 s and ≤ 400 MB; 66 000 + 34 000 — `match` ≤ 25 s and ≤ 1,5 GB; `consolidate` of 300
schools ≤ 5 s; `match --exact` on 10 000 + 5 000 ≤ 2 min and ≤ 3 GB; the default result against the exact
one: the same number matched and ≥ 99,8 % of its total score.

    .venv/bin/python benchmarks/process.py [--quick] [--repeat N]     (--quick: without the 100k book)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MENTORXL = Path(sys.executable).with_name("mentorxl")
TODAY = "20.11.2025"
FLOOR = ("import sys, python_calamine as pc\n"
         "book = pc.CalamineWorkbook.from_path(sys.argv[1])\n"
         "for name in book.sheet_names:\n"
         "    book.get_sheet_by_name(name).to_python(skip_empty_area=False)\n")
SCHOOL = (130, 70)
REGION = (10_000, 5_000)
LARGE = (66_000, 34_000)
QUALITY = ((3_000, 1_500), REGION)
# (what, mentees, mentors, command, goal seconds, goal MB)
GOALS = {("check", REGION): (1.5, None), ("match", REGION): (3.0, 400), ("match", LARGE): (25.0, 1536)}
SCHOOL_GOAL = 0.5
CONSOLIDATE_GOAL = 5.0
EXACT_GOAL = (120.0, 3072)


def _commands(book: Path, out: Path) -> dict[str, list[str]]:
    return {
        "check": ["check", str(book), "--json", "--today", TODAY],
        "match": ["match", str(book), "--json", "--out", str(out / "подбор.xlsx"), "--today", TODAY],
        "approve": ["approve", str(book), "--all", "--out", str(out / "пары.xlsx"), "--today", TODAY],
        "order": ["order", str(book), "--out", str(out), "--today", TODAY],
        "roadmap": ["roadmap", str(book), "--json", "--today", TODAY],
        "report": ["report", str(book), "--out", str(out), "--today", TODAY],
    }


def run_once(argv: list[str], book: Path | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak MB and exit code of one process, on a fresh copy of `book` (not timed)."""
    if book is not None:
        shutil.copyfile(_original(book), book)
    clock = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - clock
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def median_of(argv: list[str], book: Path | None, repeat: int) -> tuple[float, float, int]:
    runs = [run_once(argv, book) for _ in range(repeat)]
    return (statistics.median(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2])


def _original(book: Path) -> Path:
    return book.with_name("исходная " + book.name)


def _book(folder: Path, mentees: int, mentors: int) -> Path:
    """The path a command works on; the generated book itself waits beside it (`_original`)."""
    from benchmarks.generate import write_regional_book

    book = folder / f"книга {mentees}.xlsx"
    write_regional_book(_original(book), mentees=mentees, mentors=mentors, seed=1)
    return book


def _fmt(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def _verdict(seconds: float, peak: float, goal: tuple[float, float | None] | None) -> str:
    if goal is None:
        return "—"
    limit, mb = goal
    ok = seconds <= limit and (mb is None or peak <= mb)
    text = f"≤ {_fmt(limit).rstrip('0').rstrip(',')} с" + (f", ≤ {mb} МБ" if mb else "")
    return f"{text}: {'да' if ok else 'НЕТ'}"


def sizes_table(folder: Path, sizes: list[tuple[int, int]], repeat: int) -> list[str]:
    lines = ["| книга | команда | процесс, с (медиана) | пик памяти, МБ | код выхода | пол: calamine читает книгу, с "
             "| во сколько раз дольше пола | цель |", "|---|---|---:|---:|---:|---:|---:|---|"]
    for mentees, mentors in sizes:
        book = _book(folder, mentees, mentors)
        runs = 1 if mentees + mentors > 20_000 else (3 if mentees + mentors > 1_000 else repeat)
        floor, floor_mb, _ = median_of([sys.executable, "-c", FLOOR, str(_original(book))], None, runs)
        school = (mentees, mentors) == SCHOOL
        wanted = list(_commands(book, folder)) if school else ["check", "match"]
        title = f"{mentees} + {mentors}"
        lines.append(f"| {title} | пол: python-calamine, все листы | {_fmt(floor)} | {floor_mb:.0f} | 0 | | 1 | |")
        for name in wanted:
            argv = _commands(book, folder)[name]
            seconds, peak, code = median_of([str(MENTORXL), *argv], book, runs)
            goal = (SCHOOL_GOAL, None) if school else GOALS.get((name, (mentees, mentors)))
            lines.append(f"| {title} | `mentorxl {name}` | {_fmt(seconds)} | {peak:.0f} | {code} | {_fmt(floor)} "
                         f"| {_fmt(seconds / floor)} | {_verdict(seconds, peak, goal)} |")
            print(f"  {title} {name}: {seconds:.2f} s, {peak:.0f} MB, code {code}", file=sys.stderr, flush=True)
    return lines


def consolidate_line(folder: Path, repeat: int) -> list[str]:
    from benchmarks.consolidate import make_region

    region = folder / "region"
    make_region(region, 300)
    argv = [str(MENTORXL), "consolidate", str(region), "--out", str(folder / "сводка.xlsx")]
    seconds, peak, code = median_of(argv, None, repeat)
    books = sorted(region.glob("*.xls*"))
    floor_code = ("import sys, pathlib, python_calamine as pc\n"
                  "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.xls*')):\n"
                  "    try:\n        book = pc.CalamineWorkbook.from_path(str(p))\n"
                  "    except Exception:\n        continue\n"
                  "    for name in book.sheet_names:\n"
                  "        try:\n            book.get_sheet_by_name(name).to_python()\n"
                  "        except Exception:\n            pass\n")
    floor, _, _ = median_of([sys.executable, "-c", floor_code, str(region)], None, repeat)
    return [f"| {len(books)} книг школ | `mentorxl consolidate` | {_fmt(seconds)} | {peak:.0f} | {code} "
            f"| {_fmt(floor)} | {_fmt(seconds / floor)} | {_verdict(seconds, peak, (CONSOLIDATE_GOAL, None))} |"]


def _scored(path: Path) -> tuple[int, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return len(data["suggestions"]), sum(int(s["score"]) for s in data["suggestions"])


def quality_table(folder: Path) -> list[str]:
    lines = ["| книга | подбор | процесс, с | пик памяти, МБ | предложено пар | сумма оценок | от точного |",
             "|---|---|---:|---:|---:|---:|---:|"]
    verdicts = []
    for mentees, mentors in QUALITY:
        book = _book(folder, mentees, mentors)
        shutil.copyfile(_original(book), book)
        found = {}
        for mode, extra in (("exact", ["--exact"]), ("default", [])):
            out = folder / f"{mode}.json"
            argv = [str(MENTORXL), "match", str(book), "--json", "--out", str(folder / f"{mode}.xlsx"), *extra]
            clock = time.perf_counter()
            with out.open("wb") as stdout:
                child = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL, cwd=ROOT)
                _, _, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - clock
            count, total = _scored(out)
            found[mode] = (seconds, usage.ru_maxrss / 1024, count, total)
        exact_total = max(found["exact"][3], 1)
        for mode, title in (("exact", "точный `--exact`"), ("default", "по умолчанию")):
            s, mb, count, total = found[mode]
            lines.append(f"| {mentees} + {mentors} | {title} | {_fmt(s)} | {mb:.0f} | {count} | {total} "
                         f"| {100 * total / exact_total:.2f} % |".replace(".", ","))
        d, e = found["default"], found["exact"]
        ok = d[2] == e[2] and d[3] >= 0.998 * e[3]
        verdicts.append(f"{mentees} + {mentors}: пар столько же — {'да' if d[2] == e[2] else 'НЕТ'}, сумма оценок "
                        f"{100 * d[3] / exact_total:.2f} % от точной (цель ≥ 99,8 %) — {'да' if ok else 'НЕТ'}"
                        .replace(".", ","))
        if (mentees, mentors) == REGION:
            verdicts.append(f"`--exact` на {mentees} + {mentors}: {_fmt(e[0])} с, {e[1]:.0f} МБ — "
                            f"{_verdict(e[0], e[1], EXACT_GOAL)}")
    return [*lines, "", *[f"- {v}" for v in verdicts]]


def compiled() -> None:
    """The measured processes run from bytecode, as an installed MentorXL does (pip compiles a wheel's modules
    when it installs them): mentorxl's modules compiled once before any timing, and the children allowed to use
    and write bytecode even when the shell says PYTHONDONTWRITEBYTECODE (an editable checkout would otherwise
    compile every module from source in every run)."""
    import mentorxl

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(mentorxl.__file__).parent)],
                   stdout=subprocess.DEVNULL, check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="without the 100k book")
    parser.add_argument("--repeat", type=int, default=5, help="runs per school figure (the median is shown)")
    args = parser.parse_args()
    sizes = [SCHOOL, REGION] if args.quick else [SCHOOL, REGION, LARGE]
    compiled()
    with tempfile.TemporaryDirectory(prefix="mentorxl-process-") as tmp:
        folder = Path(tmp)
        lines = sizes_table(folder, sizes, args.repeat)
        lines += consolidate_line(folder, 3)
        quality = quality_table(folder)
    print("Каждая команда — отдельным процессом `mentorxl …` от запуска до выхода, с записью своих файлов; медиана "
          f"из {args.repeat} прогонов для школы, из 3 — для 10 000 + 5 000 и сводки, один прогон — для 100k; "
          "пол — python-calamine читает все листы той же книги тоже отдельным процессом; модули MentorXL заранее "
          "скомпилированы в байт-код, как у установленного пакета.")
    print()
    print("\n".join(lines))
    print()
    print("Подбор по умолчанию против точного оптимума (`mentorxl match --json --out … [--exact]`, один прогон; "
          "сумма — оценок 0–100, которые видит пользователь):")
    print()
    print("\n".join(quality))


if __name__ == "__main__":
    main()
