"""The master workbook committed in workbook/: `make workbook` (or this script) builds it, byte for byte the same.

It is the empty book a school downloads when it does not want to run `mentorxl new`: the school roadmap for
the school year of MASTER_DAY, buttons on «Панель», the VBA project built from macros/ with the xlwings
module of the pinned xlwings, and a portable «xlwings.conf» (no interpreter path: xlwings runs `python`
from PATH). The creation time is fixed, so the same sources give the same bytes on any machine;
tests/integration/test_master_workbook.py compares the committed file with a fresh build.

    .venv/bin/python scripts/build_master_workbook.py [PATH]
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mentorxl.builder.vba import BUTTONS  # noqa: E402
from mentorxl.builder.vba.project import mentorxl_source  # noqa: E402
from mentorxl.builder.workbook import build_workbook  # noqa: E402

MASTER = ROOT / "workbook" / "Наставничество.xlsm"
BAS = ROOT / "macros" / "MentorXL.bas"  # the VBA module as text, made from the button registry
MASTER_DAY = date(2026, 9, 1)  # the school year 2026/2027
CREATED = datetime(2026, 9, 1, 9, 0, 0)


def build_master(path: Path) -> Path:
    buttons = {sub: caption for sub, (caption, _) in BUTTONS.items()}
    return build_workbook(path, today=MASTER_DAY, buttons=buttons, created=CREATED, portable=True)


def write_bas(path: Path = BAS) -> Path:
    """macros/MentorXL.bas, CRLF as the VBA editor exports it, from mentorxl/core/buttons.py."""
    path.write_bytes(mentorxl_source().replace("\n", "\r\n").encode("ascii"))
    return path


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else MASTER
    if not argv:
        write_bas()
    target.unlink(missing_ok=True)
    build_master(target)
    print(f"Собрана мастер-книга: {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
