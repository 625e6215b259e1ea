"""How well names are declined: mentorxl.documents.declension against pytrovich used alone.

Two lists of forms written by hand: tests/data/names_declension.tsv, the reference the rules were written
against, and tests/data/names_declension_unseen.tsv, written afterwards and never used to tune them (the
honest figure). «pytrovich alone» is the plain
use of the library: the words taken as «Фамилия Имя Отчество» in that order, the gender from
PetrovichGenderDetector (or the list's gender when it gives one), every word through
PetrovichDeclinationMaker.make. Also times the declension of a few hundred names, first and second pass.
Prints Markdown tables. Run: .venv/bin/python benchmarks/declension_accuracy.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pytrovich.detector import PetrovichGenderDetector  # noqa: E402
from pytrovich.enums import Case, Gender, NamePart  # noqa: E402
from pytrovich.maker import PetrovichDeclinationMaker  # noqa: E402

from mentorxl.documents import declension  # noqa: E402

LIST = ROOT / "tests" / "data" / "names_declension.tsv"
UNSEEN = LIST.with_name("names_declension_unseen.tsv")
CASES = {"родительный": Case.GENITIVE, "дательный": Case.DATIVE, "винительный": Case.ACCUSATIVE,
         "творительный": Case.INSTRUMENTAL}
PARTS = (NamePart.LASTNAME, NamePart.FIRSTNAME, NamePart.MIDDLENAME)


def rows(path: Path = LIST) -> list[tuple[str, str, list[str]]]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("ФИО\t"):
            continue
        name, gender, *forms = line.split("\t")
        found.append((name, gender, forms))
    return found


def pytrovich_alone(name: str, gender: str, case: Case) -> str:
    words = name.split()
    given = {"male": Gender.MALE, "female": Gender.FEMALE}.get(gender)
    detected = PetrovichGenderDetector().detect(
        **dict(zip(("lastname", "firstname", "middlename"), words, strict=False)))
    maker = PetrovichDeclinationMaker()
    return " ".join(maker.make(part, given or detected, case, word, known_gender=given is not None)
                    for part, word in zip(PARTS, words, strict=False)) + "".join(f" {w}" for w in words[3:])


def score(table: list[tuple[str, str, list[str]]]) -> list[tuple[str, int, int]]:
    """(case, right forms of mentorxl, right forms of pytrovich alone) for every case of the list."""
    found = []
    for index, (case_name, case) in enumerate(CASES.items()):
        ours = sum(declension.decline(n, case_name, gender=g or None) == f[index] for n, g, f in table)
        raw = sum(pytrovich_alone(n, g, case) == f[index] for n, g, f in table)
        found.append((case_name, ours, raw))
    return found


def share(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.1%})".replace(".", ",")


def main() -> None:
    lists = [(LIST, rows(LIST)), (UNSEEN, rows(UNSEEN))]
    print("| список | ФИО | падеж | mentorxl | pytrovich без поправок |")
    print("|---|---:|---|---:|---:|")
    for path, table in lists:
        where = f"`{path.relative_to(ROOT)}`"
        results = score(table)
        for case_name, ours, raw in results:
            print(f"| {where} | {len(table)} | {case_name} | {share(ours, len(table))} | {share(raw, len(table))} |")
        total = len(table) * len(CASES)
        ours_all, raw_all = sum(r[1] for r in results), sum(r[2] for r in results)
        print(f"| {where} | {len(table)} | **все формы** | **{share(ours_all, total)}** | {share(raw_all, total)} |")

    names = [n for _, table in lists for n, _, _ in table] * 2  # about 500 names, as in a large order
    declension._decline_name.cache_clear()
    declension._inflect_lower.cache_clear()
    declension._parse.cache_clear()
    print()
    print("| проход | форм | время, мс |")
    print("|---|---:|---:|")
    for label in ("первый (пустой кэш)", "второй (кэш)"):
        start = time.perf_counter()
        for name in names:
            for case_name in CASES:
                declension.decline(name, case_name)
        elapsed = time.perf_counter() - start
        print(f"| {label} | {len(names) * len(CASES)} | {elapsed * 1000:.1f} |")


if __name__ == "__main__":
    main()
