"""How a button click feels: importing mentorxl.excel, and every button on school-size books, headless.

A click is what RunPython makes of it: a new interpreter imports mentorxl.excel and xlwings (as the buttons
import it: without matplotlib and numpy, see mentorxl.excel._xlwings) and runs one function on the calling
book. Here the live Excel book is the fake of tests/fakes/xlwings_fake.py (the same xlwings calls), filled
from a school workbook after «Подобрать пары» and «Утвердить пары» (so «Сформировать приказ» has pairs to
order). The figure is our code's time from process start to the message box; Excel's own COM calls (reading
the sheets, writing cells) and pywin32's import on Windows come on top and cannot be measured without Excel.

Books: the demo school of `mentorxl new --demo`, and a generated large school (benchmarks/generate.py,
300 mentees + 150 mentors with pairs in force).

Run: .venv/bin/python benchmarks/click.py [--runs N]
"""

from __future__ import annotations

import argparse
import pickle
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = date(2025, 11, 20)
IMPORT_GOAL = 0.5  # seconds: «well under half a second»
CLICK_GOAL = 1.5  # seconds: «a school-size click completes within about 1.5 s»
BUTTONS = ("check_data", "match_pairs", "approve_pairs", "make_order", "pair_documents", "monitoring_report",
           "import_surveys", "update_roadmap")
LARGE_SCHOOL = (300, 150)

# One click in a new interpreter: the child prints the seconds of the click itself (after the imports).
CLICK = """
import pickle, sys, time
start = time.perf_counter()
sys.path.insert(0, {root!r})
import mentorxl.excel as excel
from datetime import date
from tests.fakes.xlwings_fake import FakeExcelBook
excel._today = lambda: date.fromisoformat({today!r})
excel._open = lambda path: None
excel._xlwings()  # as xw.Book.caller() of a real click needs it
grids = pickle.load(open({grids!r}, "rb"))
book = FakeExcelBook(grids, fullname={fullname!r}, open_file={export!r})
imported = time.perf_counter()
getattr(excel, {name!r})(book)
assert book.app.alerts, "no message box"
print(time.perf_counter() - imported)
"""


def _run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def import_figures(runs: int) -> dict[str, Any]:
    """The import of mentorxl.excel: wall time beyond a bare interpreter, -X importtime, what it loads."""
    bare = statistics.median(_run("pass") for _ in range(runs))
    full = statistics.median(_run("import mentorxl.excel") for _ in range(runs))
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import mentorxl.excel"],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    cumulative = {m.group(2).strip(): int(m.group(1)) for m in
                  re.finditer(r"import time:\s+\d+ \|\s+(\d+) \|(.+)$", done.stderr, re.MULTILINE)}
    probe = subprocess.run(
        [sys.executable, "-c", "import sys; before = set(sys.modules); import mentorxl.excel; "
         "new = set(sys.modules) - before; heavy = ('xlwings', 'python_calamine', 'xlsxwriter', 'docxtpl', "
         "'pydantic', 'openpyxl'); print(len(new), ','.join(h for h in heavy if h in new))"],
        capture_output=True, text=True, check=True, cwd=ROOT).stdout.split(" ", 1)
    xlwings = statistics.median(_run("import xlwings") for _ in range(runs)) - bare
    lean = statistics.median(_run("import mentorxl.excel as e; e._xlwings()") for _ in range(runs)) - full
    return {"wall": full - bare, "importtime": cumulative.get("mentorxl.excel", 0) / 1e6,
            "modules": int(probe[0]), "heavy": probe[1].strip() if len(probe) > 1 else "", "bare": bare,
            "xlwings": xlwings, "lean": lean}


def _grids(path: Path) -> dict[str, list[list[object]]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}


def _after_approval(grids: dict[str, list[list[object]]], folder: Path) -> dict[str, list[list[object]]]:
    """The book as the куратор has it after «Подобрать пары», every suggestion marked «Утвердить», «Утвердить
    пары»: the state in which each of the eight buttons has real work."""
    import mentorxl.excel as excel
    from mentorxl.core import contract as k
    from tests.fakes.xlwings_fake import FakeExcelBook

    excel._today = lambda: TODAY  # type: ignore[assignment]
    book = FakeExcelBook(grids, fullname=str(folder / "prepare.xlsm"))
    excel.match_pairs(book)
    suggestions = book.sheet(k.SUGGESTIONS.name)
    header = {v: c for (r, c), v in suggestions.cells.items() if r == 1}
    for (r, c), value in list(suggestions.cells.items()):
        if r > 1 and c == header["Наставник"] and value:
            suggestions.cells[(r, header["Решение"])] = "Утвердить"
    excel.approve_pairs(book)
    out: dict[str, list[list[object]]] = {}
    for sheet in book.sheets:
        if not sheet.cells:
            out[sheet.name] = []
            continue
        rows, cols = max(r for r, _ in sheet.cells), max(c for _, c in sheet.cells)
        out[sheet.name] = [[sheet.cells.get((r, c)) for c in range(1, cols + 1)] for r in range(1, rows + 1)]
    return out


def _survey_export(grids: dict[str, list[list[object]]], path: Path) -> Path:
    """A form export: one final questionnaire from each of the first 30 mentees."""
    from mentorxl.core import contract as k

    mentees = grids[k.MENTEES.name]
    column = list(mentees[0]).index("ФИО")
    names = [str(row[column]) for row in mentees[1:] if row[column]][:30]
    lines = ["Отметка времени;ФИО;Ваша роль в программе;Оцените полезность встреч (от 1 до 10);Ваши пожелания"]
    lines += [f"20.05.2026 10:{i % 60:02d};{name};Наставляемый;{7 + i % 4};Больше открытых уроков"
              for i, name in enumerate(names)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def school_books(folder: Path) -> list[tuple[str, Path, int]]:
    """(label, pickled grids after approval, rows) of each school-size book."""
    from benchmarks.generate import write_regional_book
    from mentorxl.builder.workbook import build_workbook

    demo = build_workbook(folder / "demo.xlsx", demo=True, today=TODAY)
    large = write_regional_book(folder / "large.xlsx", *LARGE_SCHOOL, seed=1)
    books = []
    for label, path in (("демо-школа", demo), (f"школа {LARGE_SCHOOL[0]} + {LARGE_SCHOOL[1]}", large)):
        grids = _after_approval(_grids(path), folder)
        pickled = folder / f"{path.stem}.pickle"
        pickled.write_bytes(pickle.dumps(grids))
        _survey_export(grids, folder / f"{path.stem}-анкеты.csv")
        books.append((label, pickled, sum(len(g) for g in grids.values())))
    return books


def click(pickled: Path, name: str, runs: int) -> tuple[float, float]:
    """(whole process, the click itself after imports), medians of `runs` fresh interpreters."""
    whole, inner = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            code = CLICK.format(root=str(ROOT), today=TODAY.isoformat(), grids=str(pickled), name=name,
                                fullname=str(Path(out) / "Наставничество.xlsm"),
                                export=str(pickled.with_name(f"{pickled.stem}-анкеты.csv")))
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                  cwd=ROOT)
            whole.append(time.perf_counter() - start)
            inner.append(float(done.stdout.strip().splitlines()[-1]))
    return statistics.median(whole), statistics.median(inner)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh interpreters per figure (median)")
    args = parser.parse_args()
    runs = max(1, args.runs)

    figures = import_figures(max(5, runs))
    print(f"Импорт `mentorxl.excel` (медиана {max(5, runs)} запусков):\n")
    print("| замер | значение | цель |")
    print("|---|---:|---|")
    print(f"| импорт сверх пустого интерпретатора (старт интерпретатора {figures['bare'] * 1000:.0f} мс) | "
          f"{figures['wall'] * 1000:.0f} мс | < {IMPORT_GOAL * 1000:.0f} мс |")
    print(f"| `python -X importtime`, mentorxl.excel с вложенными | {figures['importtime'] * 1000:.0f} мс | "
          f"< {IMPORT_GOAL * 1000:.0f} мс |")
    print(f"| модулей загружено импортом | {figures['modules']} | тяжёлые библиотеки — при нажатии |")
    print(f"| тяжёлые библиотеки, загруженные импортом | {figures['heavy'] or 'нет'} | нет |")
    print(f"| `import xlwings` как есть (тянет matplotlib.pyplot, numpy) | {figures['xlwings'] * 1000:.0f} мс | — |")
    print(f"| `import xlwings` так, как его делают кнопки (`mentorxl.excel._xlwings`) | "
          f"{figures['lean'] * 1000:.0f} мс | — |")

    with tempfile.TemporaryDirectory() as tmp:
        books = school_books(Path(tmp))
        print(f"\nНажатие кнопки: новый процесс, импорт, кнопка на книге, сообщение (медиана {runs} запусков; "
              f"цель ≈ {CLICK_GOAL} с):\n")
        header = " | ".join(f"{label} ({rows} строк): процесс / сама кнопка, с" for label, _, rows in books)
        print(f"| кнопка | {header} |")
        print("|---|" + "---:|" * len(books))
        for name in BUTTONS:
            cells = []
            for _, pickled, _ in books:
                whole, inner = click(pickled, name, runs)
                mark = "" if whole <= CLICK_GOAL else " ⚠"
                cells.append(f"{whole:.2f} / {inner:.2f}{mark}")
            print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
