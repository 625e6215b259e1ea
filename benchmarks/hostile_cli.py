"""Hostile input through the command line, each command a real process (issue 10): every command that writes,
on books and folders a user may really hand over.

Cases: the demo school as it is, then a read-only folder (a tmpfs remounted read-only), a full disk (a small
tmpfs filled up), the book open in Excel («~$name» beside it) and in LibreOffice («.~lock.name#»), a value in
XFD1048576 and in A1048576 of a bank, «Наставляемых, не более» = inf / 1e309 / 1e19, control characters, emoji
and right-to-left marks in names, a chartsheet named «Наставники», an .xlsx without styles.xml, two `approve`
at once, and `--out` naming the book itself as ./../dir/name.

Each run must end with exit 0, 1 or 2 (never 3), with no traceback, no file left in the system temporary folder
(TMPDIR points at an empty folder watched for the run) nor beside the book (only the backup folder, the
documents and the files the command names; nothing new at all when it refuses), and when it refuses (exit 2)
the book byte-identical. The mounts need root; without root those cases are skipped.

Run: .venv/bin/python benchmarks/hostile_cli.py [--only CASE] [--jobs 2]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MENTORXL = str(Path(sys.executable).with_name("mentorxl"))
TODAY = "20.11.2025"
BOOK = "Школа.xlsx"
ROADMAP_DOCX = ROOT / "tests" / "data" / "roadmaps" / "sections.docx"

# every command that writes: (label, argv with {book} {dir} {export})
COMMANDS: list[tuple[str, list[str]]] = [
    ("check", ["check", "{book}"]),
    ("check --json", ["check", "{book}", "--json"]),
    ("match", ["match", "{book}"]),
    ("approve", ["approve", "{book}", "--all"]),
    ("order", ["order", "{book}", "--out", "{dir}/docs"]),
    ("import mentees", ["import", "{book}", "{dir}/in/mentees.csv", "--as", "mentees"]),
    ("import mentors", ["import", "{book}", "{dir}/in/mentees.csv", "--as", "mentors"]),
    ("import survey", ["import", "{book}", "{dir}/in/survey.csv", "--as", "survey"]),
    ("import roadmap", ["import", "{book}", "{dir}/in/roadmap.docx", "--as", "roadmap"]),
    ("import suggestions", ["import", "{book}", "{dir}/in/network.xlsx", "--as", "suggestions"]),
    ("roadmap", ["roadmap", "{book}"]),
    ("docs programs", ["docs", "{book}", "--kind", "programs", "--out", "{dir}/docs"]),
    ("docs agreements", ["docs", "{book}", "--kind", "agreements", "--out", "{dir}/docs"]),
    ("docs consents", ["docs", "{book}", "--kind", "consents", "--out", "{dir}/docs"]),
    ("docs reward", ["docs", "{book}", "--kind", "reward", "--out", "{dir}/docs"]),
    ("docs roadmap", ["docs", "{book}", "--kind", "roadmap", "--out", "{dir}/docs"]),
    ("report", ["report", "{book}", "--out", "{dir}/docs"]),
    ("complete", ["complete", "{book}", "--date", "31.05.2026", "--out", "{dir}/docs"]),
    ("new-year", ["new-year", "{book}", "--out", "{dir}/Следующий.xlsx"]),
    ("new", ["new", "{dir}/Новая.xlsx"]),
    ("new --demo xlsm", ["new", "{dir}/Новая.xlsm", "--demo"]),
    ("demo", ["demo", "{dir}/demo"]),
    ("consolidate", ["consolidate", "{dir}", "--out", "{dir}/Сводка.xlsx"]),
    ("network", ["network", "{dir}", "--out", "{dir}/Сеть.xlsx"]),
]
OUT_COMMANDS = ["check", "match", "approve", "import mentees", "import survey", "import roadmap",
                "import suggestions", "new-year"]  # commands with --out FILE (a copy of the book)


@dataclass
class Run:
    case: str
    command: str
    code: int
    problems: list[str]


def _sh(*argv: str) -> int:
    return subprocess.run(list(argv), capture_output=True).returncode


def mentorxl(*argv: str, cwd: Path | None = None, tmp: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MENTORXL_LOCK_WAIT="2")
    if tmp is not None:
        env.update(TMPDIR=str(tmp), TEMP=str(tmp), TMP=str(tmp))
    return subprocess.run([MENTORXL, *argv, "--today", TODAY], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=600)


# ---------------------------------------------------------------- the books


def prepare_base(base: Path) -> None:
    """The demo school corrected as its куратор does it, with «Подбор» filled: every command has work to do."""
    from datetime import date

    from mentorxl.actions.demo import correct_as_curator

    proc = mentorxl("new", str(base), "--demo")
    assert proc.returncode == 0, proc.stderr
    correct_as_curator(base, date(2025, 11, 20))
    shutil.rmtree(base.with_name("Резервные копии"), ignore_errors=True)
    assert mentorxl("match", str(base)).returncode == 0
    shutil.rmtree(base.with_name("Резервные копии"), ignore_errors=True)


def make_inputs(folder: Path, base: Path) -> None:
    """The exports the imports read, and a network file for this school."""
    (folder / "in").mkdir(parents=True, exist_ok=True)
    (folder / "in" / "mentees.csv").write_text(
        "ФИО;Должность;Предмет;Запросы;Согласие на обработку ПДн\n"
        "Новикова Вера Олеговна;учитель;математика;ИКТ;01.09.2025\n"
        "Аль\u200fиева\u202e Зара 😀;учитель;история;ИКТ;01.09.2025\n", encoding="utf-8")
    (folder / "in" / "survey.csv").write_text(
        "Дата;Респондент;Роль;Анкета;Насколько полезны встречи\n"
        "01.10.2025;Новикова Вера Олеговна;Наставляемый;Входная;1e309\n", encoding="utf-8")
    shutil.copy(ROADMAP_DOCX, folder / "in" / "roadmap.docx")
    net = folder / "net-src"
    net.mkdir(exist_ok=True)
    shutil.copy(base, net / BOOK)
    mentorxl("network", str(net), "--out", str(folder / "in" / "network.xlsx"))
    shutil.rmtree(net)


def _edit_sheet_xml(book: Path, sheet: str, edit: Callable[[str], str]) -> None:
    """Rewrite one worksheet's XML inside the zip, every other part copied as it is."""
    with zipfile.ZipFile(book) as z:
        names = z.namelist()
        parts = {n: z.read(n) for n in names}
    wb = parts["xl/workbook.xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(sheet)}"[^>]*r:id="([^"]+)"', wb)
    assert rid, sheet
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels)
    assert target
    path = "xl/" + (target.group(1) or target.group(2)).lstrip("/").removeprefix("xl/")
    parts[path] = edit(parts[path].decode()).encode()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for n in names:
            z.writestr(n, parts[n])


def far_cell(ref: str) -> Callable[[Path], None]:
    row = re.sub(r"[A-Z]", "", ref)

    def apply(book: Path) -> None:
        _edit_sheet_xml(book, "Наставники", lambda xml: re.sub(
            r"<dimension ref=\"[^\"]*\"/>", "", xml).replace(
            "</sheetData>", f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))
    return apply


def _openpyxl_edit(book: Path, edit: Callable[[object], None]) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    edit(wb)
    wb.save(book)


def _column(ws: object, header: str) -> int:
    for row in ws.iter_rows(min_row=1, max_row=10):  # type: ignore[attr-defined]
        for cell in row:
            if isinstance(cell.value, str) and cell.value.strip().rstrip("*").strip() == header:
                return int(cell.column)
    raise KeyError(header)


def capacity(value: object) -> Callable[[Path], None]:
    def edit(wb: object) -> None:
        ws = wb["Наставники"]  # type: ignore[index]
        col = _column(ws, "Наставляемых, не более")
        ws.cell(row=2, column=col, value=value)
    return lambda book: _openpyxl_edit(book, edit)


def odd_names(book: Path) -> None:
    """A bell, an escape, a right-to-left mark and an emoji inside the first names of the book's strings."""
    with zipfile.ZipFile(book) as z:
        names = z.namelist()
        parts = {n: z.read(n) for n in names}
    text = parts["xl/sharedStrings.xml"].decode()
    count = 0

    def spoil(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return match.group(1) + ("_x0007__x001B_\u200f😀" if count % 2 else "\u202e") + match.group(2)

    parts["xl/sharedStrings.xml"] = re.sub(r"(<t>[А-ЯЁ][а-яё]+)( [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+</t>)", spoil, text,
                                           count=8).encode()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for n in names:
            z.writestr(n, parts[n])


def chartsheet(book: Path) -> None:
    def edit(wb: object) -> None:
        index = wb.sheetnames.index("Наставники")  # type: ignore[attr-defined]
        wb.remove(wb["Наставники"])  # type: ignore[attr-defined,index]
        wb.create_chartsheet("Наставники", index)  # type: ignore[attr-defined]
    _openpyxl_edit(book, edit)


def no_styles(book: Path) -> None:
    with zipfile.ZipFile(book) as z:
        parts = {n: z.read(n) for n in z.namelist() if n != "xl/styles.xml"}
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


BOOK_CASES: dict[str, Callable[[Path], None] | None] = {
    "plain": None,
    "far XFD1048576": far_cell("XFD1048576"),
    "far A1048576": far_cell("A1048576"),
    "capacity inf": capacity("inf"),
    "capacity 1e309": capacity("1e309"),
    "capacity 1e19": capacity(1e19),
    "control/emoji/RTL names": odd_names,
    "chartsheet «Наставники»": chartsheet,
    "no styles.xml": no_styles,
}


# ---------------------------------------------------------------- checks


def _listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


EXPECTED_NEW = re.compile(r"^(Резервные копии|filler|docs|demo|in|Новая\.xls[xm]|Следующий\.xlsx|Сводка\.xlsx|"
                          r"Сеть\.xlsx|Наставничество[^/]*\.xlsx|" + re.escape(BOOK) + ")(/|$)")


def judge(case: str, label: str, proc: subprocess.CompletedProcess[str], folder: Path, tmp: Path, before: bytes,
          listing: set[str], book: Path) -> Run:
    problems = []
    if proc.returncode not in (0, 1, 2):
        problems.append(f"exit {proc.returncode}")
    for stream in (proc.stdout, proc.stderr):
        if "Traceback" in stream or "Внутренняя ошибка" in stream:
            problems.append("traceback/internal: " + stream.strip().splitlines()[-1][:200])
    if proc.returncode == 2 and not re.search(r"[А-Яа-я]", proc.stderr):
        problems.append("exit 2 without a Russian message")
    if proc.returncode == 2 and "Что сделать" not in proc.stderr:
        problems.append("exit 2 without «Что сделать»: " + proc.stderr.strip()[:200])
    left = sorted(p.name for p in tmp.iterdir())
    if left:
        problems.append(f"left in TMPDIR: {left}")
    new = sorted(_listing(folder) - listing)
    odd = [n for n in new if not EXPECTED_NEW.match(n) or (proc.returncode == 2 and n != "filler")]
    if odd:
        problems.append(f"left beside the book: {odd}")
    if proc.returncode == 2 and book.exists() and book.read_bytes() != before:
        problems.append("the book changed although the command refused")
    return Run(case, label, proc.returncode, problems)


def fill(argv: list[str], book: Path, folder: Path) -> list[str]:
    return [a.format(book=book, dir=folder) for a in argv]


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="hostile-", dir="/var/tmp") as d:
        yield Path(d)


def run_case(case: str, prepare: Callable[[Path], None] | None, base: Path, inputs: Path,
             commands: list[tuple[str, list[str]]], extra: Callable[[Path, Path], None] | None = None,
             mount: str | None = None, cwd_sub: bool = False) -> list[Run]:
    runs = []
    for label, argv in commands:
        with scratch() as root:
            folder = root / "dir"
            folder.mkdir()
            mounted = False
            if mount:
                if _sh("mount", "-t", "tmpfs", "-o", mount, "tmpfs", str(folder)):
                    runs.append(Run(case, label, -1, ["skipped: cannot mount (root needed)"]))
                    continue
                mounted = True
            try:
                shutil.copytree(inputs, folder / "in")
                book = folder / BOOK
                shutil.copy(base, book)
                if prepare:
                    prepare(book)
                if extra:
                    extra(folder, book)
                tmp = root / "tmp"
                tmp.mkdir()
                before = book.read_bytes()
                listing = _listing(folder)
                args = fill(argv, book, folder)
                proc = mentorxl(*args, tmp=tmp, cwd=folder)
                runs.append(judge(case, label, proc, folder, tmp, before, listing, book))
            finally:
                if mounted:
                    _sh("umount", "-l", str(folder))
    return runs


def read_only(folder: Path, book: Path) -> None:
    if _sh("mount", "-o", "remount,ro", str(folder)):
        raise RuntimeError("cannot remount read-only")


def full_disk(folder: Path, book: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 4096)
    finally:
        os.close(fd)


def nearly_full_disk(folder: Path, book: Path) -> None:
    """Room for the backup copy of the book, not for the new book as well."""
    full_disk(folder, book)
    filler = folder / "filler"
    os.truncate(filler, max(0, filler.stat().st_size - int(book.stat().st_size * 1.3)))


def excel_owner(folder: Path, book: Path) -> None:
    (folder / f"~${book.name}").write_bytes(b"\x0bUser")


def calc_lock(folder: Path, book: Path) -> None:
    (folder / f".~lock.{book.name}#").write_text(",User,host,01.01.2026 10:00,file:///;")


def out_self_cases(base: Path, inputs: Path) -> list[Run]:
    """`--out ./../dir/Школа.xlsx` run from a sibling folder: refused, the book byte-identical."""
    runs = []
    wanted = dict(COMMANDS)
    for label in OUT_COMMANDS:
        with scratch() as root:
            folder = root / "dir"
            folder.mkdir()
            (root / "other").mkdir()
            shutil.copytree(inputs, folder / "in")
            book = folder / BOOK
            shutil.copy(base, book)
            tmp = root / "tmp"
            tmp.mkdir()
            before, listing = book.read_bytes(), _listing(folder)
            argv = fill(wanted[label], book, folder)
            if "--out" in argv:
                argv[argv.index("--out") + 1] = f"./../dir/{BOOK}"
            else:
                argv += ["--out", f"./../dir/{BOOK}"]
            proc = mentorxl(*argv, tmp=tmp, cwd=root / "other")
            run = judge("--out ./../dir/book", label, proc, folder, tmp, before, listing, book)
            if proc.returncode != 2:
                run.problems.append(f"not refused (exit {proc.returncode})")
            if book.read_bytes() != before:
                run.problems.append("the book changed")
            runs.append(run)
    return runs


def out_under_a_file(base: Path, inputs: Path) -> list[Run]:
    """`--out` under a path that is a file (w14: consolidate gave exit 3)."""
    runs = []
    for label, argv in COMMANDS:
        if "--out" not in argv:
            continue
        with scratch() as root:
            folder = root / "dir"
            folder.mkdir()
            shutil.copytree(inputs, folder / "in")
            book = folder / BOOK
            shutil.copy(base, book)
            (folder / "file").write_text("x")
            tmp = root / "tmp"
            tmp.mkdir()
            before, listing = book.read_bytes(), _listing(folder)
            args = fill(argv, book, folder)
            args[args.index("--out") + 1] = str(folder / "file" / "under.xlsx")
            proc = mentorxl(*args, tmp=tmp, cwd=folder)
            runs.append(judge("--out under a file", label, proc, folder, tmp, before, listing, book))
    return runs


def two_approvals(base: Path, inputs: Path) -> list[Run]:
    with scratch() as root:
        folder = root / "dir"
        folder.mkdir()
        book = folder / BOOK
        shutil.copy(base, book)
        mentorxl("match", str(book))
        tmp = root / "tmp"
        tmp.mkdir()
        env = dict(os.environ, TMPDIR=str(tmp))
        procs = [subprocess.Popen([MENTORXL, "approve", str(book), "--all", "--today", TODAY], env=env, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        runs = []
        for p in procs:
            out, err = p.communicate(timeout=600)
            proc = subprocess.CompletedProcess(p.args, p.returncode or 0, out, err)
            runs.append(judge("two approve at once", "approve", proc, folder, tmp, b"", _listing(folder), book))
        codes = sorted(r.code for r in runs)
        if codes != [0, 1] and codes != [0, 2]:
            runs[0].problems.append(f"two approvals ended {codes}: expected one to approve and the other to find "
                                    "nothing left or to wait and refuse")
        return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="run the cases whose name contains one of these comma-separated texts")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with scratch() as root:
        base = root / BOOK
        prepare_base(base)
        inputs = root / "inputs"
        make_inputs(root, base)
        shutil.move(str(root / "in"), inputs)
        mounted = os.geteuid() == 0
        jobs: list[tuple[str, Callable[[], list[Run]]]] = []
        for name, prepare in BOOK_CASES.items():
            jobs.append((name, lambda n=name, p=prepare: run_case(n, p, base, inputs, COMMANDS)))
        env_cases = {"read-only folder": (read_only, "size=64m"), "full disk": (full_disk, "size=2m"),
                     "nearly full disk": (nearly_full_disk, "size=2m"),
                     "open in Excel (~$)": (excel_owner, None), "open in Calc (.~lock#)": (calc_lock, None)}
        for name, (extra, mount) in env_cases.items():
            if mount and not mounted:
                continue
            jobs.append((name, lambda n=name, e=extra, m=mount: run_case(n, None, base, inputs, COMMANDS, e, m)))
        jobs.append(("--out ./../dir/book", lambda: out_self_cases(base, inputs)))
        jobs.append(("--out under a file", lambda: out_under_a_file(base, inputs)))
        jobs.append(("two approve at once", lambda: two_approvals(base, inputs)))
        if args.only:
            jobs = [(n, j) for n, j in jobs if any(part in n for part in args.only.split(","))]
        runs: list[Run] = []
        with ThreadPoolExecutor(args.jobs) as pool:
            for name, result in zip([n for n, _ in jobs], pool.map(lambda j: j[1](), jobs), strict=True):
                bad = [r for r in result if r.problems]
                codes = " ".join(f"{r.command}={r.code}" for r in result)
                print(f"{name}: {len(result)} runs, {len(bad)} failing — {codes}", flush=True)
                for r in bad:
                    print(f"    ✗ {r.command}: {'; '.join(r.problems)}", flush=True)
                runs += result
    failing = [r for r in runs if r.problems and not r.problems[0].startswith("skipped")]
    print(f"\n{len(runs)} runs, {len(failing)} failing")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
