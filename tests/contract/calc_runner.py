"""Runs the adapter contract (scenario.py) on a real Calc document through UNO, by the system Python that has
`uno` (python3-uno), with MentorXL and its dependencies taken from the project's virtualenv:
    python3 calc_runner.py BOOK.xlsx OUT.json
The book is opened in a headless LibreOffice, saved as .ods, and every step runs on CalcBook over it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), *map(str, sorted((ROOT / ".venv" / "lib").glob("python3*/site-packages")))]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from uno_driver import Office, _prop  # noqa: E402

from mentorxl.book.calc import CalcBook  # noqa: E402
from tests.contract import scenario  # noqa: E402


def main(source: Path, out: Path) -> None:
    office = Office()
    try:
        doc = office.open(source)
        ods = source.with_suffix(".ods")
        doc.storeToURL(ods.resolve().as_uri(), (_prop("FilterName", "calc8"),))
        doc.close(True)
        doc = office.open(ods)
        try:
            seen = scenario.run(lambda: CalcBook(doc))
        finally:
            doc.close(True)
    finally:
        office.close()
    out.write_text(json.dumps(seen, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
