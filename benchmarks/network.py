"""Network matching at municipal scale: 300 school workbooks (≈ 20 000 people) into the bank of mentors and
network suggestions (`mentorxl network`).

Each generated school has 20 mentors and 47 mentees in one of 12 settlements; a mentor knows 2 of 14 request
tags, a mentee asks for 1–2, so many have no mentor at home. About half of the people agreed to network
mentoring («Согласие на сетевое наставничество»). Generating the books is not timed. Timed in a fresh child
process: the work of the `network` action — listing the folder, reading every book and matching it at home
(two processes), the network matching in two rounds (settlement, then the whole bank), writing the file —
with the figures of the run; then the whole `mentorxl network` command once, interpreter start included.
Goal on a 2-core machine: 300 books in under 10 s.

Run: .venv/bin/python benchmarks/network.py [COUNT] [FOLDER]
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.consolidate import NAMES, PATRONYMICS, SURNAMES, write_school  # noqa: E402
from mentorxl.core import contract as k  # noqa: E402
from mentorxl.core import vocabulary as v  # noqa: E402

GOAL_SECONDS = 10.0
TAGS = ("ИКТ", "урок", "родители", "дисциплина", "ФГОС", "оценивание", "ОГЭ", "проекты", "аттестация",
        "классный руководитель", "выгорание", "функциональная грамотность", "ОВЗ", "олимпиады")
PLACES = tuple(f"{kind} {name}" for kind, name in zip(
    ("г.", "с.", "с.", "пос.", "с.", "д.", "г.", "с.", "пос.", "с.", "д.", "с."),
    ("Заречный", "Берёзовка", "Липовка", "Лесной", "Покровское", "Сосновка", "Северск", "Ильинское",
     "Рудный", "Никольское", "Каменка", "Троицкое"), strict=True))
SUBJECTS = ("Математика", "Русский язык", "История", "Биология", "Начальные классы", "Физика", "Английский язык")
MENTORS, MENTEES = 20, 47


def _row(spec: k.SheetSpec, values: dict[str, object]) -> list[object]:
    return [values.get(c.key) for c in spec.columns]


def school(i: int, rng: random.Random) -> dict[str, tuple[list[str], list[list[object]]]]:
    people = [f"{rng.choice(SURNAMES)} {rng.choice(NAMES)} {rng.choice(PATRONYMICS)} {i}-{n}"
              for n in range(MENTORS + MENTEES + 2)]
    mentors, mentees = people[:MENTORS], people[MENTORS:MENTORS + MENTEES]
    consent = date(2025, 9, 5)
    settings = {k.SET_ORG_FULL: f"Муниципальное бюджетное общеобразовательное учреждение «СОШ № {i + 1}»",
                k.SET_ORG_SHORT: f"МБОУ «СОШ № {i + 1}»", k.SET_ORG_INN: f"66{i + 1:08}",
                k.SET_PLACE: PLACES[i % len(PLACES)], k.SET_YEAR: "2025/2026", k.SET_HEAD: people[-1],
                k.SET_CURATOR: people[-2], k.SET_CAPACITY: 3}
    agreed = lambda: "да" if rng.random() < 0.5 else ""  # noqa: E731 - one line, read once
    return {
        k.SETTINGS.name: (k.SETTINGS.headers, [_row(k.SETTINGS, {"parameter": p, "value": x})
                                               for p, x in settings.items()]),
        k.MENTORS.name: (k.MENTORS.headers, [_row(k.MENTORS, {
            "name": name, "competences": "; ".join(rng.sample(TAGS, 2)), "subject": rng.choice(SUBJECTS),
            "experience": rng.randint(5, 35), "consent_mentoring": consent, "consent_pd": consent,
            "status": v.MENTOR_ACTIVE, "network_consent": agreed()}) for name in mentors]),
        k.MENTEES.name: (k.MENTEES.headers, [_row(k.MENTEES, {
            "name": name, "requests": "; ".join(rng.sample(TAGS, rng.randint(1, 2))),
            "subject": rng.choice(SUBJECTS), "experience": rng.randint(0, 4), "consent_pd": consent,
            "status": v.MENTEE_WAITING, "network_consent": agreed()}) for name in mentees]),
        k.PAIRS.name: (k.PAIRS.headers, []),
        k.ROADMAP.name: (k.ROADMAP.headers, []),
    }


def make_region(folder: Path, count: int, seed: int = 14) -> int:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        write_school(folder / f"школа_{i + 1:03}.xlsx", school(i, rng))
    return count * (MENTORS + MENTEES)


def run(folder: Path) -> dict[str, float]:
    """In a child process: the `network` action's work and its figures."""
    from mentorxl.book.consolidate import workbook_files
    from mentorxl.book.network_file import gather_all, write_network
    from mentorxl.core.network import network

    with tempfile.TemporaryDirectory(prefix="mentorxl-bench-") as tmp:
        out = Path(tmp) / "Сеть.xlsx"
        start = time.perf_counter()
        files = workbook_files(folder, exclude=[out])
        offers, failures = gather_all(files, folder)
        read = time.perf_counter() - start
        net = network(offers)
        matched = time.perf_counter() - start - read
        write_network(out, net, failures)
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "read": read, "match": matched, "files": len(files),
            "bank": sum(len(o.mentors) for o in offers), "mentees": sum(len(o.mentees) for o in offers),
            "suggested": len(net.suggestions), "same_place": int(net.stats["same_place"]),  # type: ignore[call-overload]
            "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def command_seconds(folder: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="mentorxl-bench-") as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mentorxl.cli", "network", str(folder), "--out",
                        str(Path(tmp) / "Сеть.xlsx")], capture_output=True, check=True, cwd=ROOT)
        return time.perf_counter() - start


def main(argv: list[str]) -> int:
    if len(argv) > 1 and argv[1] == "--run":
        print(json.dumps(run(Path(argv[2]))))
        return 0
    count = int(argv[1]) if len(argv) > 1 else 300
    with tempfile.TemporaryDirectory(prefix="mentorxl-bench-") as tmp:
        folder = Path(argv[2]) if len(argv) > 2 else Path(tmp) / "region"
        if not any(folder.glob("*.xlsx")):
            start = time.perf_counter()
            people = make_region(folder, count)
            print(f"Сгенерировано {count} книг школ ({people} человек) за {time.perf_counter() - start:.1f} с — "
                  "в замеры не входит.\n")
        done = subprocess.run([sys.executable, __file__, "--run", str(folder)], capture_output=True, text=True,
                              check=True, cwd=ROOT)
        f = json.loads(done.stdout.strip().splitlines()[-1])
        whole = command_seconds(folder)
    print("| книг | чтение и подбор в своей школе (2 процесса), с | сетевой подбор, с | всего с записью, с "
          "| в банке наставников | ждут сетевого наставника | предложено (в своём населённом пункте) "
          "| пик памяти главного процесса, МБ |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {int(f['files'])} | {f['read']:.2f} | {f['match']:.2f} | {f['seconds']:.2f} | {int(f['bank'])} "
          f"| {int(f['mentees'])} | {int(f['suggested'])} ({int(f['same_place'])}) | {f['main_mb']:.0f} |")
    print(f"\nВесь процесс `mentorxl network` (с запуском Python): {whole:.2f} с. Цель — меньше "
          f"{GOAL_SECONDS:.0f} с.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
