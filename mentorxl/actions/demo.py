"""`make demo`: build the demo school and run every action on it, leaving all results in one folder; then the
municipality (issue 14): three more schools of the district in the subfolder «Муниципалитет» beside copies of
the demo school's two books (this year's and next year's), the summary with its «Показатели» and the network.

The demo deletes nothing: into a folder that already holds something it writes a new subfolder of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from mentorxl.actions.base import Outcome
from mentorxl.errors import MentorXLError

BOOK_NAME = "Наставничество (демо).xlsx"
SUBFOLDER = "Демонстрация MentorXL"
DISTRICT = "Муниципалитет"  # the district's books, a subfolder of the demo's folder
SUMMARY = "Сводка по муниципалитету.xlsx"
NETWORK = "Сетевой подбор.xlsx"


def demo_folder(folder: Path) -> Path:
    """`folder` when it is new or empty; else a new subfolder «Демонстрация MentorXL» («… (2)», …) in it."""
    if not folder.exists() or (folder.is_dir() and not any(folder.iterdir())):
        return folder
    if not folder.is_dir():
        raise MentorXLError(f"«{folder}» — файл, а не папка.", "Укажите папку для демонстрации.")
    candidate, n = folder / SUBFOLDER, 2
    while candidate.exists():
        candidate, n = folder / f"{SUBFOLDER} ({n})", n + 1
    return candidate


def run_demo(folder: Path, *, today: date, progress: Callable[[str], None] = lambda _: None) -> Outcome:
    from mentorxl.actions import documents as d
    from mentorxl.actions.check import check_book
    from mentorxl.actions.pairs import approve_pairs, match_pairs
    from mentorxl.actions.workbook import new_workbook
    from mentorxl.book.headless import HeadlessBook

    folder = demo_folder(folder)
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / BOOK_NAME
    lines: list[str] = []
    files: list[Path] = []

    def step(title: str, run: Callable[[], Outcome]) -> Outcome | None:
        progress(f"• {title}…")
        try:
            outcome = run()
        except MentorXLError as error:
            lines.append(f"{title}: {error}")
            progress(f"  {error}")
            return None
        lines.append(f"{title}: {outcome.message}")
        files.extend(outcome.files)
        progress(f"  {outcome.message}")
        return outcome

    try:
        step("Новая книга с демонстрационной школой", lambda: new_workbook(book, demo=True, today=today))
    except BaseException:  # a full disk: the folder made for the demonstration goes too (only when empty)
        from mentorxl.actions.output import take_back

        take_back([], made)
        raise
    step("Проверить данные", lambda: check_book(HeadlessBook(book), today=today))
    step("Подобрать пары", lambda: match_pairs(HeadlessBook(book)))
    step("Утвердить пары (все предложения, как сделал бы куратор)",
         lambda: approve_pairs(HeadlessBook(book), today=today, approve_all=True))
    docs = folder / "Документы"
    step("Сформировать приказ (данные с ошибками: проверка готовности его остановит)",
         lambda: d.make_order(HeadlessBook(book), out_dir=docs, number=None, on=today, today=today))
    step("Куратор исправляет то, что нашла проверка", lambda: correct_as_curator(book, today))
    for title, run in [*_later_steps(book, docs, today), *_district_steps(folder, book, today)]:
        step(title, run)
    message = (f"Демонстрация готова: все результаты в папке «{folder}»; книги района — в «{folder / DISTRICT}», "
               f"сводка — «{folder / SUMMARY}», сетевой подбор — «{folder / NETWORK}».")
    return Outcome(message, files=files, lines=lines)


def _later_steps(book: Path, docs: Path, today: date) -> list[tuple[str, Callable[[], Outcome]]]:
    """The paperwork and the monitoring, in the order of the roadmap."""
    from mentorxl.actions import documents as d
    from mentorxl.actions import monitoring as m
    from mentorxl.book.headless import HeadlessBook

    steps: list[tuple[str, Callable[[], Outcome]]] = [("Сформировать приказ", lambda: d.make_order(
        HeadlessBook(book), out_dir=docs, number=None, on=today, today=today))]

    def documents(kind: str) -> Callable[[], Outcome]:
        return lambda: d.make_documents(HeadlessBook(book), kind=kind, out_dir=docs, today=today)

    for kind, title in (("programs", "Персонализированные программы"),
                        ("agreements", "Дополнительные соглашения"),
                        ("consents", "Согласия на обработку ПДн"), ("reward", "Приказ о поощрении")):
        steps.append((title, documents(kind)))
    steps.append(("Дорожная карта", lambda: m.roadmap_status(HeadlessBook(book), today=today)))
    steps.append(("Отчёт по мониторингу", lambda: m.monitoring_report(HeadlessBook(book), out_dir=docs,
                                                                      today=today)))
    steps += _year_steps(book, docs, today)
    return steps


def _year_steps(book: Path, docs: Path, today: date) -> list[tuple[str, Callable[[], Outcome]]]:
    """The school year (issue 12): a school's roadmap from Word, the roadmap to approve, completion, next year."""
    from mentorxl.actions.completion import complete_pairs
    from mentorxl.actions.new_year import new_year
    from mentorxl.actions.roadmap import import_roadmap, roadmap_documents
    from mentorxl.book.headless import HeadlessBook
    from mentorxl.core.terms import school_of

    end_of_year = date(school_of(today) + 1, 6, 1)
    following = f"{school_of(today) + 1}-{school_of(today) + 2}"
    return [
        ("Импорт дорожной карты школы из Word (пример)", lambda: import_roadmap(
            HeadlessBook(book), school_roadmap(book.parent, today), overwrite=True, today=today)),
        ("Дорожная карта на утверждение, приказ о ней и о кураторе", lambda: roadmap_documents(
            HeadlessBook(book), out_dir=docs, today=today)),
        ("Завершить пару досрочно (пара № 2, с заменой наставника)", lambda: complete_pairs(
            HeadlessBook(book), on=today, numbers=["2"], reason="Длительная болезнь наставника",
            out_dir=docs, today=today)),
        (f"Завершить пары по окончании срока ({end_of_year:%d.%m.%Y})", lambda: complete_pairs(
            HeadlessBook(book), on=end_of_year, numbers=None, reason=None, out_dir=docs, today=end_of_year)),
        ("Новый учебный год", lambda: new_year(
            book, out=book.with_name(f"Наставничество (демо) {following}.xlsx"), today=end_of_year)),
    ]


def _district_steps(folder: Path, book: Path, today: date) -> list[tuple[str, Callable[[], Outcome]]]:
    """The municipality (issue 14): the district's books, the summary and the network pairs."""
    from mentorxl.actions.monitoring import consolidate
    from mentorxl.actions.network import network_suggestions
    from mentorxl.actions.workbook import new_workbook
    from mentorxl.builder.demo import NETWORK_SCHOOLS

    district = folder / DISTRICT

    def copies() -> Outcome:
        import shutil

        district.mkdir(parents=True, exist_ok=True)
        found = sorted(book.parent.glob(f"{book.stem}*{book.suffix}"))  # this year's book and next year's
        copied = [Path(shutil.copy2(f, district / f.name)) for f in found]
        return Outcome(f"Скопировано книг демонстрационной школы (этот и следующий учебный год): {len(copied)}.",
                       files=copied)

    def school(name: str) -> Callable[[], Outcome]:
        return lambda: new_workbook(district / f"{name.replace('«', '').replace('»', '')}.xlsx", org=name,
                                    demo=True, today=today)

    steps: list[tuple[str, Callable[[], Outcome]]] = [("Книги района: демонстрационная школа", copies)]
    steps += [(f"Книги района: {s.short_name}, {s.place}", school(s.short_name)) for s in NETWORK_SCHOOLS]
    steps += [
        ("Муниципальная сводка и показатели (удержание — по книгам двух лет)",
         lambda: consolidate(district, out=folder / SUMMARY, today=today)),
        ("Муниципальный банк наставников и сетевые пары",
         lambda: network_suggestions(district, out=folder / NETWORK)),
    ]
    return steps
SAMPLE_ROADMAP = "sample_roadmap.docx"  # templates/: a school's roadmap for the school year 2025/2026
SAMPLE_YEAR = 2025
SCHOOL_ROADMAP = "Дорожная карта школы (пример из Word).docx"


def school_roadmap(folder: Path, today: date) -> Path:
    """The sample roadmap of a school, its сроки moved to the school year of `today`, written beside the demo
    book: the roadmap the demo imports and prints is of the demo's own year, never of a year gone by."""
    from mentorxl.assets import asset_dir
    from mentorxl.book.files import write_atomically
    from mentorxl.core.terms import school_of
    from mentorxl.documents.roadmap import with_years_moved

    path = folder / SCHOOL_ROADMAP
    data = with_years_moved(asset_dir("templates") / SAMPLE_ROADMAP, school_of(today) - SAMPLE_YEAR)
    write_atomically(path, partial(Path.write_bytes, data=data))
    return path


def correct_as_curator(book: Path, today: date) -> Outcome:
    """What a куратор does after «Проверить данные» in the demo: names retyped in Russian letters, the missing
    consents signed today, an unreadable consent date cleared (her consent form is printed later), in the book
    itself (a backup copy is kept, as for every change)."""
    from mentorxl.book.headless import HeadlessBook
    from mentorxl.core import contract as k
    from mentorxl.core.text import fix_lookalikes
    from mentorxl.core.validation import check

    source = HeadlessBook(book)
    data = source.read()
    specs = {spec.name: spec for spec in (k.MENTEES, k.MENTORS, k.PAIRS)}
    pairs = {p.row: p for p in data.pairs}
    fixes: dict[str, list[tuple[int, str, object]]] = {}
    for p in check(data, today=today).problems:
        spec = specs.get(p.sheet)
        if spec is None or not p.row or p.severity != "error":
            continue
        key = next((c.key for c in spec.columns if c.header == p.column), "")
        if p.code == "latin_in_name" and spec is k.PAIRS and p.row in pairs:
            pair = pairs[p.row]
            value: object = ("; ".join(fix_lookalikes(n) for n in pair.mentees) if key == "mentees"
                             else fix_lookalikes(pair.mentor))
        elif p.code == "latin_in_name":
            value = fix_lookalikes(p.value)
        elif p.code in ("consent_mentoring_missing", "consent_pd_missing"):
            value = today
        elif p.code == "bad_date" and key == "consent_pd":
            value = None
        else:
            continue
        fixes.setdefault(spec.name, []).append((p.row, key, value))
    for name, updates in fixes.items():
        source.update_cells(specs[name], updates)
    saved = source.save()
    count = sum(len(u) for u in fixes.values())
    return Outcome(f"Исправлено ячеек: {count} (ФИО русскими буквами, даты согласий).",
                   files=[saved] if saved else [])
