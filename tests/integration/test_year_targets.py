"""An unwritable target of the school-year commands is exit 2 with a Russian message, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorxl.cli import main
from mentorxl.core import contract as k
from tests.builders import grid, write_book
from tests.integration.test_completion import book as completion_book


@pytest.mark.parametrize("command", [
    ["new-year", "{book}", "--out", "{blocked}/новая.xlsx"],
    ["docs", "{book}", "--kind", "roadmap", "--out", "{blocked}/документы"],
    ["complete", "{book}", "--date", "01.06.2026", "--out", "{blocked}/документы"],
])
def test_a_folder_that_is_a_file_is_exit_2_and_nothing_is_written(tmp_path: Path, capsys, command) -> None:
    sheets = completion_book().grids
    sheets[k.ROADMAP.name] = grid(k.ROADMAP, [{"stage": "Этап", "event": "Приказ", "term": "май 2026",
                                              "responsible": "Директор"}])
    master = write_book(tmp_path / "книга.xlsx", sheets)
    blocked = tmp_path / "файл"
    blocked.write_text("я файл")
    before = sorted(p.name for p in tmp_path.iterdir())
    code = main([part.format(book=master, blocked=blocked) for part in command])
    err = capsys.readouterr().err
    assert code == 2 and "это файл, а не папка" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
