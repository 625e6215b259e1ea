"""`mentorxl demo DIR` deletes nothing it did not create: a folder holding anything gets a new subfolder."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorxl.actions.demo import BOOK_NAME, SUBFOLDER, demo_folder
from mentorxl.cli import main


def test_a_new_or_empty_folder_is_used_as_it_is(tmp_path: Path) -> None:
    assert demo_folder(tmp_path / "новая") == tmp_path / "новая"
    (tmp_path / "пустая").mkdir()
    assert demo_folder(tmp_path / "пустая") == tmp_path / "пустая"


def test_a_folder_with_files_gets_a_new_subfolder_each_time(tmp_path: Path) -> None:
    (tmp_path / "мои заметки.txt").write_text("важное")
    assert demo_folder(tmp_path) == tmp_path / SUBFOLDER
    (tmp_path / SUBFOLDER).mkdir()
    assert demo_folder(tmp_path) == tmp_path / f"{SUBFOLDER} (2)"


def test_demo_into_the_current_folder_keeps_every_file_of_the_user(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "мои заметки.txt").write_text("важное", encoding="utf-8")
    (tmp_path / "Отчёты").mkdir()
    (tmp_path / "Отчёты" / "старый.docx").write_bytes(b"docx")
    monkeypatch.chdir(tmp_path)
    code = main(["demo", ".", "--today", "01.10.2025"])
    capsys.readouterr()
    assert code == 0
    assert (tmp_path / "мои заметки.txt").read_text(encoding="utf-8") == "важное"
    assert (tmp_path / "Отчёты" / "старый.docx").read_bytes() == b"docx"
    assert (tmp_path / SUBFOLDER / BOOK_NAME).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["мои заметки.txt", "Отчёты", SUBFOLDER])
    assert not list((tmp_path / SUBFOLDER).glob("* — *.xlsx"))  # no chain of copies: one book, changed in place
