"""Fuzz: mutated books through `mentorxl check --json` and `mentorxl match --json` — 0 crashes, JSON every time.

Each book starts as the demo school (`mentorxl new --demo`, its cells read back) and takes 10–30 random
mutations of the kinds issue 10 lists: non-finite and huge numbers («inf», «1e309», 1e19), control characters,
emoji and right-to-left marks in names, Excel error values (#N/A, #REF!…), a second «ФИО» column, the header
row pasted again, rows deleted and repeated, columns deleted and swapped, sheets renamed and deleted, a sheet
turned into a chartsheet, a value in a far cell, statuses in other letter cases or with Latin look-alikes,
and, at the file level, an .xlsx without styles.xml. The book is written by XlsxWriter, then both commands run
in-process through the same entry point as the command line (`mentorxl.cli.main`), each in a worker process.

A crash is an exit code other than 0, 1, 2 (3 is «Внутренняя ошибка»), an exception escaping `main`, or a
stdout that is not one JSON object. The crashing books are kept in --keep for replay.

Run: .venv/bin/python benchmarks/fuzz_books.py [--books 1000] [--jobs 2] [--seed 10] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import random
import shutil
import sys
import tempfile
import time
import zipfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TODAY = date(2025, 11, 20)
Grids = dict[str, list[list[Any]]]


class Error:
    """An Excel error value to write as a cell (a formula with its cached error)."""

    def __init__(self, code: str):
        self.code = code


ODD_VALUES: list[Any] = [
    "inf", "-inf", "1e309", "nan", "NaN", 1e19, -1e19, 1e308, float("inf"), float("nan"), 10**20,
    "10000000000000000000",
    "Иванова\x07 Мария\x1b Петровна", "Петрова Анна\u200f Ивановна", "\u202eанна", "Сидоров 😀 Сидор", "👩‍🏫",
    "\ufeffКозлова Ирина", "Ивaнова Мария Петровна", "", "   ", ";", ",;\n", "=1+1", "+7", "-", "@x", "#N/A",
    "31.02.2025", "1 сентября 2025", "00.00.0000", -5, 0, 45901, 2_958_466, -1, True, False,
    date(1900, 3, 1), datetime(9999, 12, 31, 23, 59), "Ж" * 5000, "\x00", "\x1f" * 3, "№", "№ 1", "1.0",
    Error("#N/A"), Error("#REF!"), Error("#DIV/0!"), Error("#VALUE!"), Error("#NAME?"),
]
STATUS_WORDS = ["утвердить", "УТВЕРДИТЬ", "Утвepдить", "отклонить", "проект", "утверждена", "действует",
                "Действуeт", "расторгнута", "завершена", "ожидает пары", "в паре", "выбыл", "активен", "не готов"]


def demo_grids(folder: Path) -> Grids:
    from python_calamine import CalamineWorkbook

    from mentorxl.builder.workbook import build_workbook

    path = build_workbook(folder / "demo.xlsx", demo=True, today=TODAY)
    book = CalamineWorkbook.from_path(str(path))
    return {name: [list(r) for r in book.get_sheet_by_name(name).to_python()] for name in book.sheet_names}


def _cell(rng: random.Random, grids: Grids) -> tuple[str, int, int]:
    name = rng.choice(list(grids))
    grid = grids[name]
    if not grid:
        grid.append([None])
    r = rng.randrange(len(grid) + 1)
    while len(grid) <= r:
        grid.append([])
    c = rng.randrange(max(len(grid[r]), 1) + 2)
    grid[r].extend([None] * (c + 1 - len(grid[r])))
    return name, r, c


def _header_row(grid: list[list[Any]]) -> int:
    return next((i for i, row in enumerate(grid[:10]) if sum(1 for v in row if isinstance(v, str) and v) >= 3), 0)


def mutate(rng: random.Random, grids: Grids, file_level: set[str]) -> str:
    """One mutation, in place; returns its name."""
    kind = rng.choices(
        ["value", "value", "value", "status", "error", "delete_row", "repeat_row", "header_again", "second_fio",
         "delete_column", "swap_columns", "rename_sheet", "delete_sheet", "far_cell", "chartsheet", "no_styles",
         "blank", "name_in_pair"],
        weights=[6, 6, 6, 4, 3, 2, 2, 1, 1, 1, 1, 1, 0.5, 0.3, 0.3, 0.3, 3, 2])[0]
    if not grids:
        return "none"
    name = rng.choice(list(grids))
    grid = grids[name]
    if kind == "value":
        s, r, c = _cell(rng, grids)
        grids[s][r][c] = rng.choice(ODD_VALUES)
    elif kind == "status":
        s, r, c = _cell(rng, grids)
        grids[s][r][c] = rng.choice(STATUS_WORDS)
    elif kind == "error":
        s, r, c = _cell(rng, grids)
        grids[s][r][c] = Error(rng.choice(["#N/A", "#REF!", "#DIV/0!", "#VALUE!"]))
    elif kind == "blank":
        s, r, c = _cell(rng, grids)
        grids[s][r][c] = None
    elif kind == "delete_row" and len(grid) > 1:
        del grid[rng.randrange(len(grid))]
    elif kind == "repeat_row" and grid:
        r = rng.randrange(len(grid))
        grid.insert(rng.randrange(len(grid) + 1), list(grid[r]))
    elif kind == "header_again" and grid:
        grid.insert(rng.randrange(len(grid) + 1), list(grid[_header_row(grid)]))
    elif kind == "second_fio" and grid:
        grid[_header_row(grid)].append(rng.choice(["ФИО", "Фио ", "Статус", "№ пары", "Решение"]))
    elif kind == "delete_column" and grid and grid[0]:
        c = rng.randrange(max(len(row) for row in grid))
        for row in grid:
            if c < len(row):
                del row[c]
    elif kind == "swap_columns" and grid:
        width = max(len(row) for row in grid)
        if width > 1:
            a, b = rng.sample(range(width), 2)
            for row in grid:
                row.extend([None] * (width - len(row)))
                row[a], row[b] = row[b], row[a]
    elif kind == "rename_sheet":
        new = rng.choice([name.upper(), name.replace("е", "ё"), f" {name}", name[:-1], name + "1"])[:31]
        if new not in grids:
            grids[new] = grids.pop(name)
    elif kind == "delete_sheet":
        del grids[name]
    elif kind == "far_cell":
        row = rng.choice([1_048_575, 70_000, 5_000])
        col = rng.choice([0, 10, 16_383])
        while len(grid) <= row and row < 100_000:
            grid.append([])
        if row < 100_000:
            grid[row].extend([None] * (col + 1 - len(grid[row])))
            grid[row][col] = "забыли тут"
        else:
            file_level.add(f"far:{name}:{col}")
    elif kind in ("chartsheet", "no_styles"):
        file_level.add(kind if kind == "no_styles" else f"chartsheet:{name}")
    elif kind == "name_in_pair":
        s, r, c = _cell(rng, grids)
        grids[s][r][c] = rng.choice(["Ивaнова Мария Петровна", "иванова мария петровна", "Новиков Сергей Александрович",
                                     "Зайцев Никита Сергеевич; Зайцев Никита Сергеевич"])
    return kind


def write(path: Path, grids: Grids, file_level: set[str]) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False, "nan_inf_to_errors": True})
    datef = wb.add_format({"num_format": "dd.mm.yyyy"})
    charts = {item.split(":", 1)[1] for item in file_level if item.startswith("chartsheet:")}
    far = [item.split(":") for item in file_level if item.startswith("far:")]
    for name, grid in grids.items():
        if name in charts:
            sheet = wb.add_chartsheet(name)
            chart = wb.add_chart({"type": "column"})
            chart.add_series({"values": "={1,2,3}"})
            sheet.set_chart(chart)
            continue
        ws = wb.add_worksheet(name)
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if value is None or c > 16_383:
                    continue
                if isinstance(value, Error):
                    ws.write_formula(r, c, "=NA()", None, value.code)
                elif isinstance(value, datetime | date):
                    ws.write_datetime(r, c, value, datef)
                elif isinstance(value, bool):
                    ws.write_boolean(r, c, value)
                elif isinstance(value, int | float):
                    ws.write_number(r, c, float(value)) if abs(value) < 1e308 or value != value else \
                        ws.write_string(r, c, str(value))
                else:
                    ws.write_string(r, c, str(value)[:32_767])
        for sheet_name, _, col in far:
            if sheet_name == name:
                ws.write_string(1_048_575, int(col), "забыли тут")
    wb.close()
    if "no_styles" in file_level:
        with zipfile.ZipFile(path) as archive:
            parts = {i.filename: archive.read(i.filename) for i in archive.infolist() if "styles" not in i.filename}
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, data in parts.items():
                archive.writestr(part, data)


def run_command(argv: list[str]) -> tuple[int, str, str]:
    from mentorxl.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as stop:  # argparse
            code = int(stop.code or 0)
        except BaseException as error:
            code = -1
            err.write(f"{type(error).__name__}: {error}")
    return code, out.getvalue(), err.getvalue()


def one_book(task: tuple[int, int, Grids, str | None]) -> dict[str, Any]:
    index, seed, base, keep = task
    rng = random.Random(seed * 1_000_003 + index)
    grids = {name: [list(row) for row in grid] for name, grid in base.items()}
    file_level: set[str] = set()
    kinds = [mutate(rng, grids, file_level) for _ in range(rng.randint(10, 30))]
    folder = Path(tempfile.mkdtemp(prefix="mentorxl-fuzz-"))
    result: dict[str, Any] = {"index": index, "mutations": len(kinds), "kinds": kinds, "codes": {}, "crashes": []}
    try:
        path = folder / f"book{index}.xlsx"
        write(path, grids, file_level)
        for command in ("check", "match"):
            started = time.perf_counter()
            code, out, err = run_command([command, str(path), "--json", "--today", TODAY.strftime("%d.%m.%Y")])
            result.setdefault("seconds", {})[command] = time.perf_counter() - started
            result["codes"][command] = code
            try:
                valid = isinstance(json.loads(out), dict)
            except ValueError:
                valid = False
            if code not in (0, 1, 2) or not valid:
                result["crashes"].append({"command": command, "code": code, "json": valid, "stderr": err[-500:]})
        if result["crashes"] and keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(keep) / path.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--books", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--keep", default=None, help="folder for the books that crashed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = demo_grids(Path(folder))
    started = time.perf_counter()
    tasks = [(i, args.seed, base, args.keep) for i in range(args.books)]
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        results = list(pool.imap_unordered(one_book, tasks, chunksize=4))
    elapsed = time.perf_counter() - started
    crashes = [r for r in results if r["crashes"]]
    codes = Counter(f"{c}={code}" for r in results for c, code in r["codes"].items())
    kinds = Counter(k for r in results for k in r["kinds"])
    mutations = [r["mutations"] for r in results]
    print(f"books: {len(results)}, mutations per book: {min(mutations)}–{max(mutations)} "
          f"(total {sum(mutations)}), jobs: {args.jobs}, seed: {args.seed}, {elapsed:.0f} s")
    print("exit codes:", dict(sorted(codes.items())))
    print("mutations:", dict(kinds.most_common()))
    valid = not any(not c["json"] for r in crashes for c in r["crashes"])
    print(f"crashes: {len(crashes)}; JSON on stdout every time: {valid}")
    for r in crashes[:10]:
        print(r["index"], r["crashes"])
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
