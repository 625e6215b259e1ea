"""What the user waits for: every command as a whole `mentorxl` process (interpreter start to exit, writing
its result files), beside the floor — python-calamine reading every sheet of the same book, also as a
process — and the ratio to it. Then the default «Подобрать пары» against the exact optimum (`--exact`).

The school of 200 people runs every command a school uses, each on the book as the school has it when it runs
that command: the demo school of `mentorxl new --demo` (its pairs at work, their meetings and surveys, its roadmap,
its three deliberate errors) grown to 130 mentees and 70 mentors (benchmarks/generate.py, `write_school_book`),
then, once and before any timing, taken through its year by the commands themselves: the куратор's corrections
of the demo (actions/demo.py, `correct_as_curator`, and the consent she then signs) → `match` → `approve --all`
→ `order` → at the end of the year `complete`. `new` (.xlsx, .xlsm) makes a book of its own; `check` and `match`
run on the corrected book, `approve` on the matched one, `order` on the approved one; the documents, `roadmap`,
`report`, `import` (a Google form's CSV of 20 new teachers, a Yandex form's entry questionnaire of 60 people of the
pairs just ordered, the demo's roadmap from Word), `complete` (pair № 2 early, with a reason: a replacement is
looked for; or every pair whose term has ended, on 01.06.2026) on the book with its order; `new-year` on the book
of the year completed. `--today` is the demo's day (20.11.2025; 01.06.2026 for the end of the year).

Each figure is the median of several runs (`--repeat`, default 5; 3 for the 10k book, 1 for the 100k book
and for `--exact`), each run on a fresh copy of the book it needs (a command may change the book it is
given; its documents' folder is emptied too); the peak memory is that of the measured process alone
(os.wait4). Regional books: benchmarks/generate.py (1–3 requests per mentee, 1–4 competences per mentor from
12 tags, capacities 1–3; the same seed gives the same book); the 300 schools: benchmarks/consolidate.py.
MentorXL's modules are compiled to bytecode before the first run, as an installed package is (`compiled`).

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
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MENTORXL = Path(sys.executable).with_name("mentorxl")
TODAY = "20.11.2025"
END_OF_YEAR = "01.06.2026"  # the demo school's pairs have ended their terms (actions/demo.py, `_year_steps`)
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
    }


def run_once(argv: list[str], fresh: Callable[[], object] | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak MB and exit code of one process, after `fresh` (not timed) gave it its files."""
    if fresh is not None:
        fresh()
    clock = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - clock
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def median_of(argv: list[str], fresh: Callable[[], object] | None, repeat: int) -> tuple[float, float, int]:
    runs = [run_once(argv, fresh) for _ in range(repeat)]
    return (statistics.median(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2])


def _fresh_copy(book: Path) -> None:
    shutil.copyfile(_original(book), book)


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


TABLE_HEAD = ["| книга | команда | процесс, с (медиана) | пик памяти, МБ | код выхода | пол: calamine читает книгу, с "
              "| во сколько раз дольше пола | цель |", "|---|---|---:|---:|---:|---:|---:|---|"]


def _line(title: str, command: str, measured: tuple[float, float, int], floor: float,
          goal: tuple[float, float | None] | None) -> str:
    seconds, peak, code = measured
    print(f"  {title} {command}: {seconds:.2f} s, {peak:.0f} MB, code {code}", file=sys.stderr, flush=True)
    return (f"| {title} | `{command}` | {_fmt(seconds)} | {peak:.0f} | {code} | {_fmt(floor)} "
            f"| {_fmt(seconds / floor)} | {_verdict(seconds, peak, goal)} |")


def _floor_line(title: str, book: Path, runs: int) -> tuple[float, str]:
    floor, floor_mb, _ = median_of([sys.executable, "-c", FLOOR, str(book)], None, runs)
    return floor, f"| {title} | пол: python-calamine, все листы | {_fmt(floor)} | {floor_mb:.0f} | 0 | | 1 | |"


def sizes_table(folder: Path, sizes: list[tuple[int, int]]) -> list[str]:
    lines: list[str] = []
    for mentees, mentors in sizes:
        book = _book(folder, mentees, mentors)
        runs = 1 if mentees + mentors > 20_000 else 3
        title = f"{mentees} + {mentors}"
        floor, line = _floor_line(title, _original(book), runs)
        lines.append(line)
        for name, argv in _commands(book, folder).items():
            measured = median_of([str(MENTORXL), *argv], partial(_fresh_copy, book), runs)
            lines.append(_line(title, f"mentorxl {name}", measured, floor, GOALS.get((name, (mentees, mentors)))))
    return lines


# ---------------------------------------------------------------- the school of 200 people


def _run(argv: list[str]) -> None:
    """A step of the school's year before the timing: it must do its work."""
    done = subprocess.run([str(MENTORXL), *argv], capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"mentorxl {' '.join(argv)}: код {done.returncode}\n{done.stdout}{done.stderr}")


def _step(states: dict[str, Path], before: str, name: str, *argv: str) -> None:
    """State `name`: a copy of state `before` after `mentorxl COMMAND BOOK ARGV…`."""
    book = states[before].with_name(f"{name}.xlsx")
    shutil.copyfile(states[before], book)
    command, *rest = argv
    _run([command, str(book), *rest])
    states[name] = book


def _corrected(book: Path, today: date) -> None:
    """The куратор's corrections of the demo (`correct_as_curator`), then the consent whose unreadable date she
    cleared is signed: the school's data has no errors left, only warnings."""
    from mentorxl.actions.demo import correct_as_curator
    from mentorxl.book.headless import HeadlessBook
    from mentorxl.core import contract as k

    correct_as_curator(book, today)
    source = HeadlessBook(book)
    data = source.read()
    source.update_cells(k.MENTEES, [(m.row, "consent_pd", today) for m in data.mentees
                                    if m.name and m.consent_pd is None and m.waiting])
    source.save()


def school_states(folder: Path, today: date) -> dict[str, Path]:
    """The school's book at each step of its year (see the module's docstring), made once before any timing."""
    from benchmarks.generate import write_school_book

    folder.mkdir(parents=True)
    states = {"создана": write_school_book(folder / "создана.xlsx", today=today)}
    states["исправлена"] = folder / "исправлена.xlsx"
    shutil.copyfile(states["создана"], states["исправлена"])
    _corrected(states["исправлена"], today)
    _step(states, "исправлена", "подобраны", "match", "--today", TODAY)
    _step(states, "подобраны", "утверждены", "approve", "--all", "--today", TODAY)
    _step(states, "утверждены", "приказ", "order", "--out", str(folder / "документы"), "--today", TODAY)
    _step(states, "приказ", "завершены", "complete", "--date", END_OF_YEAR, "--out", str(folder / "документы"),
          "--today", END_OF_YEAR)
    return states


def school_exports(folder: Path, book: Path, today: date) -> dict[str, Path]:
    """What a school imports: a Google form's CSV of 20 teachers new to the book; a Yandex form's entry
    questionnaire of 60 people of the pairs just ordered; the demo's roadmap of a school in Word."""
    import csv
    import io
    import random

    import xlsxwriter

    from benchmarks.generate import unique_names
    from mentorxl.actions.demo import school_roadmap
    from mentorxl.book.headless import HeadlessBook
    from mentorxl.builder.layout import SURVEY_FREE_TEXT, SURVEY_QUESTIONS
    from mentorxl.core import vocabulary as v

    data = HeadlessBook(book).read()
    rng = random.Random(15)
    taken = {p.name for p in (*data.mentees, *data.mentors)}
    names = [n for n in unique_names(60, rng) if n not in taken][:20]
    form = [["Отметка времени", "Адрес электронной почты", "Фамилия, имя, отчество (полностью)", "Ваша должность",
             "Педагогический стаж (полных лет)", "Вы являетесь", "Ваши профессиональные затруднения",
             "Согласие на обработку персональных данных"]]
    form += [[f"{today:%d.%m.%Y} 10:{i:02d}:00", f"teacher{i}@example.ru", name, "Учитель", str(rng.randint(0, 3)),
              rng.choice(v.MENTEE_CATEGORIES[:3]), "ВПР, функциональная грамотность", "Да, согласен(на)"]
             for i, name in enumerate(names)]
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows(form)
    mentees = folder / "Анкета наставляемого (Ответы).csv"
    mentees.write_bytes(text.getvalue().encode("cp1251"))

    survey = folder / "Входная анкета (ответы).xlsx"
    ordered = [p for p in data.pairs if p.order_date == today]  # the pairs of today's order: no survey yet
    people = list(dict.fromkeys([(p.mentor, v.ROLE_MENTOR) for p in ordered]  # a mentor of two pairs answers once
                                + [(n, v.ROLE_MENTEE) for p in ordered for n in p.mentees]))
    book_out = xlsxwriter.Workbook(str(survey), {"strings_to_formulas": False, "strings_to_urls": False})
    sheet = book_out.add_worksheet("Ответы")
    sheet.write_row(0, 0, ["ID", "Время создания", "ФИО", "Ваша роль в программе", *SURVEY_QUESTIONS,
                           SURVEY_FREE_TEXT])
    for r, (name, role) in enumerate(people[:60], start=1):
        sheet.write_row(r, 0, [1000 + r, f"{today:%d.%m.%Y} 09:{r % 60:02d}", name, role,
                               *(rng.randint(5, 10) for _ in SURVEY_QUESTIONS), ""])
    book_out.close()
    return {"mentees": mentees, "survey": survey, "roadmap": school_roadmap(folder, today)}


def _school_runs(folder: Path, exports: dict[str, Path]) -> list[tuple[str, str | None, list[str], Path | None]]:
    """(the command as shown, the state it runs on, its words after `mentorxl`, a file to remove before it)."""
    book = str(folder / "школа" / "Наставничество.xlsx")
    docs = ["--out", str(folder / "школа" / "Документы")]
    made = folder / "новые"
    today, end = ["--today", TODAY], ["--today", END_OF_YEAR]
    early = ["--pairs", "2", "--reason", "Длительная болезнь наставника"]
    org = ["--org", "МБОУ «СОШ № 1»"]
    nxt = folder / "следующий год" / "Книга.xlsx"
    return [
        ("new КНИГА.xlsx", None, ["new", str(made / "Книга.xlsx"), *org, *today], made / "Книга.xlsx"),
        ("new КНИГА.xlsm", None, ["new", str(made / "Книга.xlsm"), *org, *today], made / "Книга.xlsm"),
        ("check", "исправлена", ["check", book, *today], None),
        ("match", "исправлена", ["match", book, *today], None),
        ("approve --all", "подобраны", ["approve", book, "--all", *today], None),
        ("order", "утверждены", ["order", book, *docs, *today], None),
        *((f"docs --kind {kind}", "приказ", ["docs", book, "--kind", kind, *docs, *today], None)
          for kind in ("programs", "agreements", "consents", "reward", "roadmap")),
        ("roadmap", "приказ", ["roadmap", book, *today], None),
        ("report", "приказ", ["report", book, *docs, *today], None),
        ("import ФОРМА.csv --as mentees", "приказ", ["import", book, str(exports["mentees"]), "--as", "mentees",
                                                    *today], None),
        ("import АНКЕТА.xlsx --as survey", "приказ", ["import", book, str(exports["survey"]), "--as", "survey",
                                                     *today], None),
        ("import КАРТА.docx --as roadmap --overwrite", "приказ",
         ["import", book, str(exports["roadmap"]), "--as", "roadmap", "--overwrite", *today], None),
        ("complete --pairs 2 --reason …", "приказ", ["complete", book, *early, *docs, *today], None),
        (f"complete --date {END_OF_YEAR}", "приказ", ["complete", book, "--date", END_OF_YEAR, *docs, *end], None),
        ("new-year", "завершены", ["new-year", book, "--out", str(nxt), *end], nxt),
    ]


def _fresh_school(source: Path | None, book: Path, docs: Path, remove: Path | None) -> None:
    """The book of the state (alone in its folder: `report` reads the folder for last year's book), no
    documents of an earlier run, no book an earlier `new` made."""
    shutil.rmtree(docs, ignore_errors=True)
    if source is not None:
        shutil.copyfile(source, book)
    if remove is not None:
        remove.unlink(missing_ok=True)
        remove.parent.mkdir(parents=True, exist_ok=True)


def prepare_school(folder: Path, today: date) -> tuple[dict[str, Path], dict[str, Path]]:
    states = school_states(folder, today)
    return states, school_exports(folder, states["приказ"], today)


def school_table(folder: Path, repeat: int) -> list[str]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    mentees, mentors = SCHOOL
    # made in a process of its own: the peak memory of a measured process counts what this one held when it
    # forked it (the books read here would make every command look 50 MB larger)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        states, exports = pool.submit(prepare_school, folder / "заготовки", date(2025, 11, 20)).result()
    title = f"школа {mentees} + {mentors}"
    floor, line = _floor_line(title, states["создана"], repeat)
    lines = [line]
    (folder / "школа").mkdir()
    book, docs = folder / "школа" / "Наставничество.xlsx", folder / "школа" / "Документы"
    for command, state, argv, remove in _school_runs(folder, exports):
        fresh = partial(_fresh_school, states[state] if state else None, book, docs, remove)
        measured = median_of([str(MENTORXL), *argv], fresh, repeat)
        lines.append(_line(title, f"mentorxl {command}", measured, floor, (SCHOOL_GOAL, None)))
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
    parser.add_argument("--school", action="store_true", help="only the school of 200 people")
    parser.add_argument("--repeat", type=int, default=5, help="runs per school figure (the median is shown)")
    args = parser.parse_args()
    sizes = [] if args.school else [REGION] if args.quick else [REGION, LARGE]
    compiled()
    with tempfile.TemporaryDirectory(prefix="mentorxl-process-") as tmp:
        folder = Path(tmp)
        lines = [*TABLE_HEAD, *school_table(folder, args.repeat), *sizes_table(folder, sizes)]
        if not args.school:
            lines += consolidate_line(folder, 3)
            quality = quality_table(folder)
    print("Каждая команда — отдельным процессом `mentorxl …` от запуска до выхода, с записью своих файлов; медиана "
          f"из {args.repeat} прогонов для школы, из 3 — для 10 000 + 5 000 и сводки, один прогон — для 100k; "
          "пол — python-calamine читает все листы той же книги тоже отдельным процессом; модули MentorXL заранее "
          "скомпилированы в байт-код, как у установленного пакета. Школа — демонстрационная школа, дополненная до "
          f"130 наставляемых и 70 наставников; каждая команда — на книге того шага учебного года, на котором её "
          f"запускают (исправлена → подобраны → утверждены → приказ → пары завершены), `--today {TODAY}` "
          f"(на конец года — {END_OF_YEAR}).")
    print()
    print("\n".join(lines))
    if args.school:
        return
    print()
    print("Подбор по умолчанию против точного оптимума (`mentorxl match --json --out … [--exact]`, один прогон; "
          "сумма — оценок 0–100, которые видит пользователь):")
    print()
    print("\n".join(quality))


if __name__ == "__main__":
    main()
