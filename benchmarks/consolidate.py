"""The municipal summary at scale: 300 school workbooks consolidated into one.

Each generated school has the contract layout (headers from core/contract.py, written by XlsxWriter): about
30 mentees and 15 mentors, 8–12 pairs (some groups), an entry and a final questionnaire with six questions,
a meetings journal and a 20-event roadmap; three files of the folder are broken (empty, not a zip, a missing
sheet). Generating them is not timed. Timed, each in a fresh child process (median of three): the work of the
`consolidate` action — listing the folder, reading every book with calamine and summing it up, writing the
summary — on one process and on two, with the peak memory of the main process and of a worker; then the
whole `mentorxl consolidate` command once, interpreter start included. Prints a Markdown table.
Goal on a 2-core machine: 300 workbooks in under 5 s.

Run: .venv/bin/python benchmarks/consolidate.py [COUNT] [FOLDER]
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mentorxl.core import contract as k  # noqa: E402
from mentorxl.core import vocabulary as v  # noqa: E402

TODAY = date(2026, 5, 25)
REPEAT = 3
GOAL_SECONDS = 5.0
SURNAMES = ("Иванова", "Петрова", "Смирнова", "Кузнецова", "Соколова", "Попова", "Лебедева", "Козлова",
            "Новикова", "Морозова", "Волкова", "Алексеева", "Егорова", "Павлова", "Семёнова", "Голубева")
NAMES = ("Анна", "Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Дарья", "Юлия")
PATRONYMICS = ("Ивановна", "Петровна", "Сергеевна", "Николаевна", "Андреевна", "Михайловна", "Олеговна")
REQUESTS = ("ИКТ; урок", "родители; дисциплина", "ФГОС; оценивание", "ОГЭ; проекты", "аттестация",
            "классный руководитель; выгорание", "функциональная грамотность; ОВЗ")
QUESTIONS = ("Удовлетворённость программой наставничества", "Полезность встреч",
             "Рост профессиональной уверенности", "Качество взаимодействия в паре",
             "Достижение целей программы", "Готовность продолжать участие")
TERMS = ("до 15 сентября 2025 г.", "Сентябрь – октябрь 2025", "ежеквартально", "Декабрь, май",
         "в течение года", "до 15 марта 2026 г.", "Май 2026")
CATEGORIES = ("Молодой специалист", "Новый сотрудник", "Смена должности", "Педагог с затруднениями")


def _row(spec: k.SheetSpec, values: dict[str, object]) -> list[object]:
    return [values.get(c.key) for c in spec.columns]


def school(i: int, rng: random.Random) -> dict[str, tuple[list[str], list[list[object]]]]:
    """The sheets of school `i`: sheet name -> (headers, rows)."""
    people = [f"{rng.choice(SURNAMES)} {rng.choice(NAMES)} {rng.choice(PATRONYMICS)} {i}-{n}"
              for n in range(48)]
    mentors, mentees = people[:15], people[15:15 + rng.randint(26, 33)]
    consent = date(2025, 9, 5)
    sheets: dict[str, tuple[list[str], list[list[object]]]] = {}
    settings = {k.SET_ORG_FULL: f"Муниципальное бюджетное общеобразовательное учреждение «СОШ № {i + 1}»",
                k.SET_ORG_SHORT: f"МБОУ «СОШ № {i + 1}»", k.SET_PLACE: f"район {i % 12 + 1}",
                k.SET_YEAR: "2025/2026", k.SET_HEAD: people[-1], k.SET_CURATOR: people[-2]}
    sheets[k.SETTINGS.name] = (k.SETTINGS.headers, [_row(k.SETTINGS, {"parameter": p, "value": x})
                                                    for p, x in settings.items()])
    sheets[k.MENTORS.name] = (k.MENTORS.headers, [_row(k.MENTORS, {
        "name": name, "competences": "; ".join(rng.sample(REQUESTS, 2)), "consent_mentoring": consent,
        "consent_pd": consent, "status": v.MENTOR_ACTIVE}) for name in mentors])
    pairs: list[list[object]] = []
    in_pairs: set[str] = set()
    for n in range(rng.randint(8, 12)):
        group = [mentees[len(in_pairs) + j] for j in range(3 if n % 5 == 0 else 1)]
        in_pairs.update(group)
        pairs.append(_row(k.PAIRS, {
            "number": str(n + 1), "mentor": mentors[n], "mentees": "; ".join(group),
            "form": "педагог – педагог",
            "kind": "групповое" if len(group) > 1 else rng.choice(("традиционное", "ситуационное")),
            "start": date(2025, 10, 1), "end": date(2026, 5, 31), "status": v.PAIR_ACTIVE}))
    sheets[k.PAIRS.name] = (k.PAIRS.headers, pairs)
    sheets[k.MENTEES.name] = (k.MENTEES.headers, [_row(k.MENTEES, {
        "name": name, "requests": rng.choice(REQUESTS), "category": rng.choice(CATEGORIES),
        "consent_pd": consent,
        "status": v.MENTEE_PAIRED if name in in_pairs else v.MENTEE_WAITING}) for name in mentees])
    surveys = []
    for kind, low, when in ((v.SURVEY_ENTRY, 4, date(2025, 10, 10)), (v.SURVEY_FINAL, 6, date(2026, 5, 15))):
        for name in [*mentors[:len(pairs)], *in_pairs]:
            role = v.ROLE_MENTOR if name in mentors else v.ROLE_MENTEE
            surveys.append([when, name, role, "", kind, *(rng.randint(low, 10) for _ in QUESTIONS)])
    sheets[k.SURVEYS.name] = ([*k.SURVEYS.headers, *QUESTIONS], surveys)
    meetings = []
    for n in range(len(pairs)):
        day = date(2025, 10, 3)
        while day < TODAY - timedelta(days=rng.choice((5, 5, 5, 60))):
            meetings.append(_row(k.MEETINGS, {"pair": str(n + 1), "date": day, "topic": "Встреча",
                                              "hours": 1.5}))
            day += timedelta(days=rng.randint(10, 20))
    sheets[k.MEETINGS.name] = (k.MEETINGS.headers, meetings)
    sheets[k.ROADMAP.name] = (k.ROADMAP.headers, [_row(k.ROADMAP, {
        "number": n + 1, "stage": f"Этап {n // 3 + 1}", "event": f"Мероприятие {n + 1}",
        "term": TERMS[n % len(TERMS)],
        "responsible": "Куратор", "status": rng.choice(v.EVENT_STATUSES)}) for n in range(20)])
    return sheets


def write_school(path: Path, sheets: dict[str, tuple[list[str], list[list[object]]]]) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    datef = wb.add_format({"num_format": "dd.mm.yyyy"})
    for name, (headers, rows) in sheets.items():
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, headers)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if isinstance(value, date):
                    ws.write_datetime(r, c, value, datef)
                elif isinstance(value, int | float):
                    ws.write_number(r, c, value)
                elif value is not None:
                    ws.write_string(r, c, str(value))
    wb.close()


def make_region(folder: Path, count: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count - 3):
        write_school(folder / f"школа_{i + 1:03}.xlsx", school(i, rng))
    (folder / "пустой.xlsx").write_bytes(b"")
    (folder / "не_книга.xlsx").write_bytes(b"not a workbook")
    broken = school(count, rng)
    del broken[k.MENTORS.name]
    write_school(folder / "без_листа.xlsx", broken)


def run(folder: Path, workers: int) -> dict[str, float]:
    """In a child process: the `consolidate` action's work on `workers` processes (list the folder, read and sum
    every book, write the summary), its time and the peak memory of the main process and of a worker."""
    from mentorxl.book.consolidate import consolidate_files, workbook_files, write_summary

    with tempfile.TemporaryDirectory(prefix="mentorxl-bench-") as tmp:
        out = Path(tmp) / "Сводка.xlsx"
        start = time.perf_counter()
        files = workbook_files(folder, exclude=[out])
        result = consolidate_files(files, TODAY, root=folder, workers=workers)
        write_summary(out, result, today=TODAY)
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "files": len(files), "rows": len(result.rows), "failures": len(result.failures),
            "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def measured(folder: Path, workers: int, repeat: int) -> dict[str, float]:
    """The median time of `repeat` fresh child processes; the largest peaks among them."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, __file__, "--run", str(folder), str(workers)], capture_output=True,
                              text=True, check=True, cwd=ROOT)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    runs.sort(key=lambda r: r["seconds"])
    median = dict(runs[len(runs) // 2])
    median["main_mb"] = max(r["main_mb"] for r in runs)
    median["worker_mb"] = max(r["worker_mb"] for r in runs)
    return median


def command_seconds(folder: Path) -> float:
    """The whole `mentorxl consolidate` command, interpreter start included (one cold process)."""
    with tempfile.TemporaryDirectory(prefix="mentorxl-bench-") as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mentorxl.cli", "consolidate", str(folder), "--out",
                        str(Path(tmp) / "Сводка.xlsx"), "--today", f"{TODAY:%d.%m.%Y}"],
                       capture_output=True, check=True, cwd=ROOT)
        return time.perf_counter() - start


def main(argv: list[str]) -> int:
    if len(argv) > 1 and argv[1] == "--run":
        print(json.dumps(run(Path(argv[2]), int(argv[3]))))
        return 0
    count = int(argv[1]) if len(argv) > 1 else 300
    with tempfile.TemporaryDirectory(prefix="mentorxl-bench-") as tmp:
        folder = Path(argv[2]) if len(argv) > 2 else Path(tmp) / "region"
        if not any(folder.glob("*.xlsx")):
            start = time.perf_counter()
            make_region(folder, count)
            print(f"Сгенерировано {count} книг школ (3 из них испорчены нарочно) за "
                  f"{time.perf_counter() - start:.1f} с — в замеры не входит.\n")
        size = sum(p.stat().st_size for p in folder.glob("*.xlsx")) / 1e6
        figures = {workers: measured(folder, workers, REPEAT) for workers in (1, 2)}
        whole = command_seconds(folder)
    files = int(figures[2]["files"])
    print(f"{files} книг, {size:.1f} МБ; время — медиана {REPEAT} прогонов, каждый в новом процессе "
          "(список файлов, чтение и подсчёт каждой книги, запись сводки).\n")
    print("| процессов | время, с | книг/с | пик памяти главного процесса, МБ | пик памяти рабочего процесса, МБ |")
    print("|---:|---:|---:|---:|---:|")
    for workers, f in figures.items():
        worker = f"{f['worker_mb']:.0f}" if workers > 1 else "—"
        print(f"| {workers} | {f['seconds']:.2f} | {files / f['seconds']:.0f} | {f['main_mb']:.0f} | {worker} |")
    print(f"\nВесь процесс `mentorxl consolidate` (с запуском Python, два процесса): {whole:.2f} с. "
          f"Цель — меньше {GOAL_SECONDS:.0f} с на 300 книг. В сводке строк: {int(figures[2]['rows'])}, "
          f"нечитаемых файлов в списке: {int(figures[2]['failures'])}.")
    ok = figures[2]["seconds"] < GOAL_SECONDS and figures[2]["rows"] == files - 3
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
