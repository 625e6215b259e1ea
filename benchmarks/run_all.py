"""Every benchmark, one after another, into one Markdown file: `make bench` (or `--quick` for the short sizes).

Each script prints its own Markdown table; this runner adds the machine's facts and the command of each
script, so a figure in the README can always be traced to the run that produced it.

    .venv/bin/python benchmarks/run_all.py [--quick] [--out benchmarks/results.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
# script, its arguments, whether it accepts --quick
SCRIPTS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("process.py", (), True),  # whole processes against the floor: the figures the user feels (issue 15)
    ("read_check.py", (), True),
    ("matching.py", (), True),
    ("documents.py", (), False),
    ("declension_accuracy.py", (), False),
    ("consolidate.py", (), False),
    ("network.py", (), False),
    ("click.py", (), False),
    ("write_back.py", (), True),
)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return (f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
            f"{os.cpu_count()} cores {cpu}".strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short sizes only (for a smoke run)")
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    parts = [f"# Замеры MentorXL\n\n{datetime.now():%Y-%m-%d %H:%M}, {machine()}\n"]
    failed: list[str] = []
    missed: list[str] = []
    for script, extra, quick in SCRIPTS:
        command = [sys.executable, str(HERE / script), *extra, *(["--quick"] if args.quick and quick else [])]
        shown = " ".join(["python", f"benchmarks/{script}", *command[2:]])
        print(f"→ {shown}", file=sys.stderr, flush=True)
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=HERE.parent)
        took = time.perf_counter() - started
        if done.returncode == 1 and done.stdout.strip() and not done.stderr.strip():
            # a script that measured but missed a goal (documents.py exits 1 then): its figures are the result
            missed.append(script)
            parts.append(f"## `{shown}` ({took:.0f} с): цель не достигнута (код 1)\n\n{done.stdout.strip()}\n")
        elif done.returncode:
            failed.append(script)
            parts.append(f"## {script}: ОШИБКА (код {done.returncode})\n\n```\n{done.stderr[-3000:]}\n```\n")
        else:
            parts.append(f"## `{shown}` ({took:.0f} с)\n\n{done.stdout.strip()}\n")
    args.out.write_text("\n".join(parts), encoding="utf-8")
    print(f"Результаты: {args.out}", file=sys.stderr)
    if missed:
        print(f"Цель не достигнута: {', '.join(missed)}", file=sys.stderr)
    if failed:
        print(f"Не удались: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
