"""Where the product's assets are: Word templates (templates/) and macro sources (macros/).

In a checkout they are the top-level folders of the repository; in an installed wheel they ship inside
the package as mentorxl/_assets/<name> (the build copies them there, see pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def asset_dir(name: str) -> Path:
    """The folder `templates` or `macros`, wherever this installation keeps it."""
    for candidate in (_PACKAGE / "_assets" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Не найдена папка «{name}» установки MentorXL: переустановите пакет.")
