"""«mentorxl new»: a new master workbook — .xlsx, .xlsm with buttons, or .ods for LibreOffice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mentorxl.actions.base import Outcome
from mentorxl.errors import MentorXLError

FORMATS = (".xlsx", ".xlsm", ".ods")


def new_workbook(path: Path, *, org: str | None = None, demo: bool = False, variant: str = "school",
                 today: date) -> Outcome:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise MentorXLError(f"Не знаю, как создать книгу «{path.name}».",
                            "Укажите имя с расширением .xlsm (Excel с кнопками), .xlsx (без макросов) "
                            "или .ods (LibreOffice Calc).")
    if path.exists():
        raise MentorXLError(f"Файл «{path}» уже существует: MentorXL не перезаписывает книги.",
                            "Укажите другое имя или удалите старый файл сами.")
    if suffix == ".ods":
        from mentorxl.builder.ods import build_ods

        build_ods(path, org=org, demo=demo, variant=variant, today=today)
    else:
        from mentorxl.builder.workbook import build_workbook

        buttons: dict[str, str] | None = None
        if suffix == ".xlsm":
            from mentorxl.builder.vba import BUTTONS

            buttons = {sub: caption for sub, (caption, _) in BUTTONS.items()}
        build_workbook(path, org=org, demo=demo, variant=variant, today=today, buttons=buttons)
    what = "демонстрационная книга" if demo else "книга наставничества"
    return Outcome(f"Создана {what}: {path}", files=[path])
