"""How well names are declined: mentorxl.documents.declension against pytrovich used alone.

The reference is tests/data/names_declension.tsv (forms written by hand). «pytrovich alone» is the plain
use of the library: the words taken as «Фамилия Имя Отчество» in that order, the gender from
PetrovichGenderDetector (or the list's gender when it gives one), every word through
PetrovichDeclinationMaker.make. Also times the declension of a few hundred names, first and second pass.
Run: .venv/bin/python benchmarks/declension_accuracy.py
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
CASES = {"родительный": Case.GENITIVE, "дательный": Case.DATIVE, "винительный": Case.ACCUSATIVE,
         "творительный": Case.INSTRUMENTAL}
PARTS = (NamePart.LASTNAME, NamePart.FIRSTNAME, NamePart.MIDDLENAME)


def rows() -> list[tuple[str, str, list[str]]]:
    found = []
    for line in LIST.read_text(encoding="utf-8").splitlines():
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


def main() -> None:
    table = rows()
    print(f"Эталон: {len(table)} ФИО × {len(CASES)} падежа ({LIST.relative_to(ROOT)})")
    print(f"{'падеж':<14}{'mentorxl':>14}{'pytrovich':>14}")
    ours_total = raw_total = 0
    for index, (case_name, case) in enumerate(CASES.items()):
        ours = sum(declension.decline(n, case_name, gender=g or None) == f[index] for n, g, f in table)
        raw = sum(pytrovich_alone(n, g, case) == f[index] for n, g, f in table)
        ours_total += ours
        raw_total += raw
        print(f"{case_name:<14}{ours:>7}/{len(table)}{raw:>10}/{len(table)}")
    all_forms = len(table) * len(CASES)
    print(f"{'всего':<14}{ours_total / all_forms:>13.1%}{raw_total / all_forms:>14.1%}")

    names = [n for n, _, _ in table] * 2  # about 400 names, as in a large order
    declension._decline_name.cache_clear()
    declension._inflect_lower.cache_clear()
    declension._parse.cache_clear()
    for label in ("первый проход (пустой кэш)", "второй проход (кэш)"):
        start = time.perf_counter()
        for name in names:
            for case_name in CASES:
                declension.decline(name, case_name)
        elapsed = time.perf_counter() - start
        print(f"{label}: {len(names) * len(CASES)} форм за {elapsed * 1000:.1f} мс")


if __name__ == "__main__":
    main()
