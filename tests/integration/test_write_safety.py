"""How the command line writes a book (issue 10, points 1, 4, 5 and 7): `--out` is never the book itself nor a
file open in Excel or Calc, backups keep the last ten and nothing else is removed, a read-only folder or a full
disk is exit 2 with a Russian message and no temporary file anywhere, and one MentorXL process writes a book
at a time (two real processes)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mentorxl.book.backups import FOLDER, back_up, backups_of
from mentorxl.book.lock import lock_path, writing
from mentorxl.cli import main
from mentorxl.core import contract as k
from tests.builders import grid, mentee, mentor, minimal_book, write_book

TODAY = "01.10.2025"
ROOT = Path(__file__).resolve().parents[2]
MENTORXL = str(Path(sys.executable).with_name("mentorxl"))


def approvable(path: Path) -> Path:
    sheets = minimal_book(mentees=[mentee("Иванова Мария Петровна")], mentors=[mentor("Кузнецова Анна Сергеевна")])
    sheets[k.SUGGESTIONS.name] = grid(k.SUGGESTIONS, [{"mentee": "Иванова Мария Петровна",
                                                       "mentor": "Кузнецова Анна Сергеевна", "decision": "Утвердить"}])
    return write_book(path, sheets)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--today", TODAY])
    out, err = capsys.readouterr()
    return code, out, err


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# ---------------------------------------------------------------- --out


def test_out_naming_the_book_itself_in_any_spelling_is_refused_and_the_book_is_untouched(tmp_path, capsys,
                                                                                        monkeypatch):
    folder = tmp_path / "dir"
    folder.mkdir()
    book = approvable(folder / "B.xlsx")
    before = book.read_bytes()
    (tmp_path / "other").mkdir()
    monkeypatch.chdir(tmp_path / "other")
    os.link(book, tmp_path / "link.xlsx")
    for spelling in (str(book), "./../dir/B.xlsx", "../dir/./B.xlsx", str(tmp_path / "link.xlsx")):
        for command in ("approve", "match", "check"):
            code, _out, err = run(capsys, command, "../dir/B.xlsx", "--out", spelling)
            assert code == 2 and "саму книгу" in err and "Traceback" not in err, (command, spelling)
    assert book.read_bytes() == before
    assert files_in(folder) == ["B.xlsx"]


@pytest.mark.parametrize("owner", ["~$Копия.xlsx", ".~lock.Копия.xlsx#"])
def test_out_naming_a_file_open_in_excel_or_calc_is_refused(tmp_path, capsys, owner):
    book = approvable(tmp_path / "B.xlsx")
    (tmp_path / "Копия.xlsx").write_bytes(b"the user's open file")
    (tmp_path / owner).write_bytes(b"owner")
    code, _, err = run(capsys, "approve", str(book), "--out", str(tmp_path / "Копия.xlsx"))
    assert code == 2 and "открыт" in err
    assert (tmp_path / "Копия.xlsx").read_bytes() == b"the user's open file"


def test_out_writes_a_copy_with_the_change_and_the_book_stays_byte_for_byte(tmp_path, capsys):
    from mentorxl.book.reader import read_program

    book = approvable(tmp_path / "B.xlsx")
    before = book.read_bytes()
    code, _out, _ = run(capsys, "approve", str(book), "--out", str(tmp_path / "Копия.xlsx"))
    assert code == 0 and book.read_bytes() == before
    assert [p.mentor for p in read_program(tmp_path / "Копия.xlsx").pairs] == ["Кузнецова Анна Сергеевна"]
    assert not (tmp_path / FOLDER).exists()


def test_a_copy_of_a_book_with_macros_must_keep_the_macro_extension(tmp_path, capsys):
    book = approvable(tmp_path / "B.xlsx").rename(tmp_path / "B.xlsm")
    code, _, err = run(capsys, "approve", str(book), "--out", str(tmp_path / "Копия.xlsx"))
    assert code == 2 and ".xlsm" in err


def test_the_next_command_sees_what_the_last_one_did(tmp_path, capsys):
    book = approvable(tmp_path / "B.xlsx")
    assert run(capsys, "approve", str(book))[0] == 0
    code, out, _ = run(capsys, "order", str(book), "--out", str(tmp_path / "Документы"))
    assert code == 0 and "№ 1: Кузнецова Анна Сергеевна" in out
    code, _, err = run(capsys, "order", str(book), "--out", str(tmp_path / "Документы"))
    assert code == 1 and "Нет утверждённых пар без приказа" in err  # the number is not issued twice
    assert len(list((tmp_path / "Документы").glob("*.docx"))) == 1
    assert not list(tmp_path.glob("B — *"))  # no chain of copies beside the book


def test_an_ods_book_is_not_changed_from_the_command_line_and_says_what_to_do(tmp_path, capsys):
    book = tmp_path / "B.ods"
    book.write_bytes(b"PK\x03\x04 not read: the refusal comes before")
    code, _, err = run(capsys, "approve", str(book))
    assert code == 2 and "LibreOffice Calc" in err and ".xlsx" in err


# ---------------------------------------------------------------- backups


def test_backups_keep_the_last_ten_of_this_book_and_never_remove_anything_else(tmp_path):
    book = approvable(tmp_path / "B.xlsx")
    folder = tmp_path / FOLDER
    folder.mkdir()
    keep = [folder / "моя заметка.txt", folder / "C 2020-01-01 00-00-00.xlsx", folder / "B старая копия.xlsx"]
    for path in keep:
        path.write_bytes(b"mine")
    start = datetime(2026, 3, 5, 14, 0, 0)
    made = [back_up(book, now=start + timedelta(minutes=i)) for i in range(12)]
    made.append(back_up(book, now=start + timedelta(minutes=11)))  # the same second: a second name
    assert backups_of(book) == made[-10:]
    assert made[-1].name == "B 2026-03-05 14-11-00 (2).xlsx"
    assert all(p.read_bytes() == b"mine" for p in keep)
    assert all(p.read_bytes() == book.read_bytes() for p in backups_of(book))


# ---------------------------------------------------------------- unwritable folder, full disk


def _fail_with(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code), "B.xlsx")
    return fail


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "не хватает места"), (errno.EACCES, "Нет прав на запись"),
                                         (errno.EROFS, "Нет прав на запись")])
def test_a_failed_write_is_exit_2_in_russian_and_leaves_the_book_and_no_temporary_file(
        tmp_path, capsys, monkeypatch, code, words):
    from mentorxl.book.package import Package

    book = approvable(tmp_path / "B.xlsx")
    before = book.read_bytes()
    real_write = Package.write

    def half_then_fail(self, target):
        real_write(self, target)
        Path(target).write_bytes(b"half")
        _fail_with(code)()

    monkeypatch.setattr(Package, "write", half_then_fail)
    for argv in (["approve", str(book)], ["check", str(book), "--json"]):
        code_, _out, err = run(capsys, *argv)
        assert code_ == 2 and words in err and "Что сделать:" in err and "Traceback" not in err
        assert "Внутренняя ошибка" not in err
    assert book.read_bytes() == before
    assert files_in(tmp_path) == ["B.xlsx"]  # no temporary file, no lock, no backup of a change not made


def test_a_backup_copy_that_does_not_fit_leaves_the_book_and_no_empty_backup_folder(tmp_path, capsys, monkeypatch):
    import mentorxl.book.backups as backups

    book = approvable(tmp_path / "B.xlsx")
    before = book.read_bytes()

    def no_room(source, target):
        Path(target).write_bytes(b"half")
        _fail_with(errno.ENOSPC)()

    monkeypatch.setattr(backups.shutil, "copyfile", no_room)
    code, _, err = run(capsys, "approve", str(book))
    assert code == 2 and "не хватает места" in err and "Traceback" not in err
    assert book.read_bytes() == before and files_in(tmp_path) == ["B.xlsx"]


def test_new_into_a_full_disk_leaves_no_file_here_nor_in_the_system_temporary_folder(tmp_path, capsys, monkeypatch):
    import xlsxwriter.workbook

    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    target = tmp_path / "школа"
    target.mkdir()
    real_store = xlsxwriter.workbook.Workbook._store_workbook

    def store_then_fail(self):
        real_store(self)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "_store_workbook", store_then_fail)
    code, _, err = run(capsys, "new", str(target / "Демо.xlsm"), "--demo")
    assert code == 2 and "не хватает места" in err and "Traceback" not in err
    assert files_in(target) == [] and files_in(system_temp) == []


def test_new_writes_nothing_with_peoples_names_into_the_system_temporary_folder(tmp_path, capsys, monkeypatch):
    seen: list[str] = []
    real = tempfile.mkstemp

    def spy(*args, **kwargs):
        fd, name = real(*args, **kwargs)
        seen.append(name)
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", spy)
    assert run(capsys, "new", str(tmp_path / "Демо.xlsx"), "--demo")[0] == 0
    assert seen and all(Path(name).parent == tmp_path for name in seen)  # only our own file beside the book


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 200 KB tmpfs (root only): the disk fills up for real."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)],
                                           capture_output=True).returncode:
        pytest.skip("mounting a small tmpfs needs root")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_really_full_disk_is_exit_2_and_the_book_stays_whole(tiny_disk, capsys):
    from mentorxl.book.reader import read_program

    book = approvable(tiny_disk / "B.xlsx")
    filler = tiny_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    with pytest.raises(OSError):
        while True:
            os.write(fd, b"\0" * 4096)
    os.close(fd)
    before = book.read_bytes()
    code, _, err = run(capsys, "approve", str(book))
    assert code == 2 and "не хватает места" in err and "Traceback" not in err
    assert book.read_bytes() == before and read_program(book).pairs == []
    assert files_in(tiny_disk) == ["B.xlsx", "filler"]


def test_a_read_only_folder_is_exit_2_with_what_to_do(tiny_disk, capsys):
    book = approvable(tiny_disk / "B.xlsx")
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    code, _, err = run(capsys, "approve", str(book))
    assert code == 2 and "Нет прав на запись" in err and "Что сделать:" in err and "Traceback" not in err
    code, _, err = run(capsys, "new", str(tiny_disk / "Новая.xlsx"))
    assert code == 2 and "Нет прав на запись" in err and "Traceback" not in err


# ---------------------------------------------------------------- one writer at a time


HOLD = """
import sys, time
from pathlib import Path
from mentorxl.book.lock import writing
with writing(Path(sys.argv[1])):
    Path(sys.argv[2]).write_text("held")
    time.sleep(float(sys.argv[3]))
"""


def _hold(book: Path, seconds: float) -> subprocess.Popen[bytes]:
    signal = book.with_name("held.signal")
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(book), str(signal), str(seconds)], cwd=ROOT)
    deadline = time.monotonic() + 30
    while not signal.exists():
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    signal.unlink()
    return process


def test_a_second_process_waits_a_few_seconds_then_refuses_in_russian(tmp_path):
    book = approvable(tmp_path / "B.xlsx")
    before = book.read_bytes()
    holder = _hold(book, 8)
    try:
        second = subprocess.run([MENTORXL, "approve", str(book), "--today", TODAY], capture_output=True, text=True,
                                env={**os.environ, "MENTORXL_LOCK_WAIT": "1"}, timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert second.returncode == 2 and "изменяет другая команда MentorXL" in second.stderr
    assert book.read_bytes() == before


def test_a_second_process_that_waits_long_enough_writes_after_the_first(tmp_path):
    book = approvable(tmp_path / "B.xlsx")
    holder = _hold(book, 1)
    second = subprocess.run([MENTORXL, "approve", str(book), "--today", TODAY], capture_output=True, text=True,
                            env={**os.environ, "MENTORXL_LOCK_WAIT": "20"}, timeout=60)
    holder.wait(timeout=30)
    assert holder.returncode == 0 and second.returncode == 0, second.stderr
    assert not lock_path(book).exists()


def test_two_approvals_at_once_add_the_pair_once(tmp_path):
    from mentorxl.book.reader import read_program

    book = approvable(tmp_path / "B.xlsx")
    env = {**os.environ, "MENTORXL_LOCK_WAIT": "30"}
    runs = [subprocess.Popen([MENTORXL, "approve", str(book), "--today", TODAY], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    codes = [p.wait(timeout=120) for p in runs]
    pairs = read_program(book).pairs
    # each run that wrote added its pair on top of the other's: none replaced the other's result
    assert codes.count(0) >= 1 and len(pairs) == codes.count(0)
    assert len(list((tmp_path / FOLDER).iterdir())) == codes.count(0)


def test_a_lock_left_by_a_process_that_is_gone_is_taken_over(tmp_path):
    book = approvable(tmp_path / "B.xlsx")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    lock_path(book).write_text(dead.stdout)
    with writing(book, wait=0.5) as lock:
        assert lock.read_text().strip() == str(os.getpid())
    assert not lock_path(book).exists()


def test_an_order_whose_number_cannot_be_written_leaves_no_document_with_that_number(tmp_path, capsys, monkeypatch):
    from mentorxl.book.package import Package

    book = approvable(tmp_path / "B.xlsx")
    assert run(capsys, "approve", str(book))[0] == 0
    monkeypatch.setattr(Package, "write", _fail_with(errno.ENOSPC))
    code, _, err = run(capsys, "order", str(book), "--out", str(tmp_path / "Документы"))
    assert code == 2 and "не хватает места" in err
    assert not list((tmp_path / "Документы").glob("*.docx"))


def test_roadmap_colours_overdue_terms_in_the_book_itself_after_a_backup(tmp_path, capsys):
    import openpyxl

    sheets = minimal_book()
    sheets[k.ROADMAP.name] = grid(k.ROADMAP, [{"stage": "Подготовка", "event": "Приказ о наставничестве",
                                               "term": "до 15 сентября 2025 г.", "responsible": "Директор",
                                               "status": "Запланировано"}])
    book = write_book(tmp_path / "B.xlsx", sheets)
    code, out, _ = run(capsys, "roadmap", str(book))
    assert code == 0 and "просрочено — 1" in out
    cell = openpyxl.load_workbook(book)[k.ROADMAP.name].cell(row=2, column=k.ROADMAP.headers.index("Срок") + 1)
    assert cell.fill.fgColor.rgb == "FFFFC7CE" and cell.value == "до 15 сентября 2025 г."
    assert len(list((tmp_path / FOLDER).iterdir())) == 1


def test_a_consolidation_does_not_count_the_backup_copies_as_schools(tmp_path, capsys):
    from mentorxl.book.consolidate import workbook_files

    region = tmp_path / "Район"
    region.mkdir()
    book = approvable(region / "Школа 1.xlsx")
    assert run(capsys, "approve", str(book))[0] == 0
    assert (region / FOLDER).is_dir()
    assert workbook_files(region) == [book]


@pytest.mark.parametrize("command", ["new", "consolidate", "network", "new-year", "match"])
def test_a_path_under_a_file_is_exit_2_saying_that_it_is_a_file_and_nothing_is_left(tmp_path, capsys, command):
    book = approvable(tmp_path / "B.xlsx")
    before = book.read_bytes()
    (tmp_path / "файл").write_text("не папка")
    target = str(tmp_path / "файл" / "Итог.xlsx")
    argv = {"new": ["new", target], "consolidate": ["consolidate", str(tmp_path), "--out", target],
            "network": ["network", str(tmp_path), "--out", target],
            "new-year": ["new-year", str(book), "--out", target],
            "match": ["match", str(book), "--out", target]}[command]
    code, _, err = run(capsys, *argv)
    assert code == 2 and "Traceback" not in err and "Что сделать:" in err
    assert "файл" in err and ("нужна папка" in err or "а не папка" in err)
    assert book.read_bytes() == before and files_in(tmp_path) == ["B.xlsx", "файл"]


def test_new_consolidate_and_network_onto_a_full_disk_say_so_without_a_traceback_or_a_temporary_file(
        tiny_disk, tmp_path):
    schools = tmp_path / "schools"
    schools.mkdir()
    approvable(schools / "B.xlsx")
    system_tmp = tmp_path / "tmp"
    system_tmp.mkdir()
    fd = os.open(tiny_disk / "filler", os.O_WRONLY | os.O_CREAT)
    with pytest.raises(OSError):
        while True:
            os.write(fd, b"\0" * 4096)
    os.close(fd)
    env = dict(os.environ, TMPDIR=str(system_tmp))
    for argv in (["new", str(tiny_disk / "Новая.xlsm"), "--demo"],
                 ["consolidate", str(schools), "--out", str(tiny_disk / "Сводка.xlsx")],
                 ["network", str(schools), "--out", str(tiny_disk / "Сеть.xlsx")]):
        done = subprocess.run([MENTORXL, *argv, "--today", TODAY], capture_output=True, text=True, env=env)
        assert done.returncode == 2 and "не хватает места" in done.stderr, (argv, done.stderr)
        assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
        assert files_in(tiny_disk) == ["filler"] and files_in(system_tmp) == [], argv


@pytest.mark.parametrize("owner", ["~$Школа.xlsx", ".~lock.Школа.xlsx#"])
def test_programs_are_made_while_the_book_is_open_and_agreements_and_the_reward_order_wait_for_it(
        tmp_path, capsys, owner):
    from mentorxl.actions.demo import correct_as_curator

    book = tmp_path / "Школа.xlsx"
    assert run(capsys, "new", str(book), "--demo")[0] == 0
    correct_as_curator(book, datetime(2025, 10, 1).date())
    (tmp_path / owner).write_bytes(b"owner")
    before = book.read_bytes()
    code, _, err = run(capsys, "docs", str(book), "--kind", "programs", "--out", str(tmp_path / "docs"))
    assert code == 0, err  # programs only read the book
    for kind in ("agreements", "reward"):  # the date of issue, the order's row on «Приказы»: they write the book
        code, _, err = run(capsys, "docs", str(book), "--kind", kind, "--out", str(tmp_path / "docs"))
        assert code == 2 and "открыт" in err and "Что сделать:" in err
    assert book.read_bytes() == before


@pytest.mark.parametrize("kind", ["programs", "agreements"])
def test_a_disk_that_fills_halfway_through_a_batch_leaves_no_document_and_no_folder_made_for_them(
        tmp_path, capsys, monkeypatch, kind):
    import mentorxl.actions.documents as documents
    from mentorxl.actions.demo import correct_as_curator

    book = tmp_path / "Школа.xlsx"
    assert run(capsys, "new", str(book), "--demo")[0] == 0
    correct_as_curator(book, datetime(2025, 10, 1).date())
    before = book.read_bytes()
    real, count = documents.write_atomically, []

    def second_fails(path, write):
        count.append(path)
        if len(count) == 2:
            _fail_with(errno.ENOSPC)()
        return real(path, write)

    monkeypatch.setattr(documents, "write_atomically", second_fails)
    out = tmp_path / "Документы" / "Новые"
    code, _, err = run(capsys, "docs", str(book), "--kind", kind, "--out", str(out))
    assert code == 2 and "не хватает места" in err and "Traceback" not in err
    assert len(count) == 2 and not (tmp_path / "Документы").exists()  # the first document is taken back too
    assert book.read_bytes() == before


def test_agreements_whose_date_cannot_be_recorded_in_the_book_are_taken_back(tmp_path, capsys, monkeypatch):
    from mentorxl.actions.demo import correct_as_curator
    from mentorxl.book.package import Package

    book = tmp_path / "Школа.xlsx"
    assert run(capsys, "new", str(book), "--demo")[0] == 0
    correct_as_curator(book, datetime(2025, 10, 1).date())
    before = book.read_bytes()
    monkeypatch.setattr(Package, "write", _fail_with(errno.ENOSPC))
    code, _, err = run(capsys, "docs", str(book), "--kind", "agreements", "--out", str(tmp_path / "docs"))
    assert code == 2 and "не хватает места" in err
    assert not (tmp_path / "docs").exists() and book.read_bytes() == before


def test_a_report_and_a_completion_that_cannot_be_written_leave_no_half_report_and_no_folder(
        tmp_path, capsys, monkeypatch):
    import mentorxl.book.monitoring_sheet as monitoring_sheet
    from mentorxl.actions.demo import correct_as_curator
    from mentorxl.book.package import Package

    book = tmp_path / "Школа.xlsx"
    assert run(capsys, "new", str(book), "--demo")[0] == 0
    correct_as_curator(book, datetime(2025, 10, 1).date())
    before = book.read_bytes()
    monkeypatch.setattr(monitoring_sheet, "xlsx_workbook", _fail_with(errno.ENOSPC))
    code, _, err = run(capsys, "report", str(book), "--out", str(tmp_path / "отчёт"))
    assert code == 2 and "не хватает места" in err and not (tmp_path / "отчёт").exists()
    monkeypatch.setattr(Package, "write", _fail_with(errno.ENOSPC))
    code, _, err = run(capsys, "complete", str(book), "--date", "31.05.2026", "--out", str(tmp_path / "приказ"))
    assert code == 2 and "не хватает места" in err and not (tmp_path / "приказ").exists()
    assert book.read_bytes() == before


def test_the_roadmap_documents_and_the_demo_on_a_full_disk_leave_no_folder_they_made(tmp_path, capsys,
                                                                                       monkeypatch):
    import mentorxl.actions.documents as documents
    import mentorxl.builder.workbook as builder

    book = tmp_path / "Школа.xlsx"
    assert run(capsys, "new", str(book), "--demo")[0] == 0
    monkeypatch.setattr(documents, "write_atomically", _fail_with(errno.ENOSPC))
    monkeypatch.setattr(builder, "write_layout", _fail_with(errno.ENOSPC))
    code, _, err = run(capsys, "docs", str(book), "--kind", "roadmap", "--out", str(tmp_path / "docs" / "карта"))
    assert code == 2 and "не хватает места" in err
    code, _, err = run(capsys, "demo", str(tmp_path / "demo" / "школа"))
    assert code == 2 and "не хватает места" in err and "Traceback" not in err
    assert files_in(tmp_path) == ["Школа.xlsx"]
