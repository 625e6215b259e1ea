"""The municipal summary over a folder of small generated workbooks, broken ones among them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from mentorxl.actions.monitoring import consolidate
from mentorxl.book.consolidate import FAILURES_SHEET, SUMMARY_SHEET, consolidate_files, workbook_files
from mentorxl.core import contract as k
from mentorxl.core.consolidation import SchoolRow, totals
from mentorxl.errors import NothingToDo
from tests.builders import grid, mentee, mentor, minimal_book, settings_grid, write_book

TODAY = date(2026, 5, 25)
SURNAMES = (
    "Иванова",
    "Петрова",
    "Сидорова",
    "Кузнецова",
    "Смирнова",
    "Попова",
    "Васильева",
    "Новикова",
    "Морозова",
    "Волкова",
    "Лебедева",
    "Козлова",
    "Орлова",
    "Зайцева",
    "Павлова",
    "Соколова",
)
NAMES = ("Анна Сергеевна", "Мария Петровна", "Ольга Ивановна", "Елена Викторовна", "Ирина Олеговна")
Q = "Удовлетворённость программой наставничества"


def person(school: int, n: int) -> str:
    return f"{SURNAMES[(school * 5 + n) % len(SURNAMES)]}-{school}{n} {NAMES[n % len(NAMES)]}"


def school_sheets(i: int) -> dict[str, list[list[object]]]:
    mentors = [person(i, n) for n in range(2)]
    mentees = [person(i, n) for n in range(2, 2 + 3 + i % 3)]
    pairs = [
        {
            "number": str(n + 1),
            "mentor": mentors[n % 2],
            "mentees": name,
            "form": "педагог – педагог",
            "kind": "традиционное" if n else "групповое",
            "start": "01.10.2025",
            "status": "Действует",
        }
        for n, name in enumerate(mentees[:2])
    ]
    book = minimal_book(
        mentees=[mentee(name, category="Молодой специалист") for name in mentees],
        mentors=[mentor(name) for name in mentors],
        pairs=pairs,
    )
    book[k.SETTINGS.name] = settings_grid(
        {
            k.SET_ORG_SHORT: f"МБОУ «СОШ № {i + 1}»",
            k.SET_PLACE: "г. Заречный",
            k.SET_YEAR: "2025/2026",
            k.SET_HEAD: person(i, 9),
            k.SET_CURATOR: person(i, 8),
        }
    )
    book[k.SURVEYS.name] = grid(
        k.SURVEYS,
        [
            {
                "date": "20.05.2026",
                "respondent": name,
                "role": "Наставляемый",
                "survey": "Итоговая",
                Q: 6 + i % 4,
            }
            for name in mentees[:2]
        ],
        extra=[Q],
    )
    book[k.MEETINGS.name] = grid(k.MEETINGS, [{"pair": "1", "date": "10.05.2026", "hours": 1.5}])
    book[k.ROADMAP.name] = grid(
        k.ROADMAP,
        [
            {
                "stage": "1",
                "event": "Положение",
                "term": "до 15 сентября 2025 г.",
                "responsible": "Директор",
                "status": "Выполнено",
            },
            {"stage": "2", "event": "Материалы", "term": "до 31 октября 2025 г.", "responsible": "Куратор"},
        ],
    )
    return book


def every_name(count: int) -> set[str]:
    return {person(i, n) for i in range(count) for n in range(10)}


@pytest.fixture
def region(tmp_path: Path) -> Path:
    folder = tmp_path / "район"
    (folder / "сельские").mkdir(parents=True)
    for i in range(7):
        where = folder / "сельские" if i >= 5 else folder
        write_book(where / f"школа_{i + 1:02}.xlsx", school_sheets(i))
    (folder / "пустой.xlsx").write_bytes(b"")
    (folder / "не_книга.xlsx").write_bytes(b"this is a csv pretending, not a zip")
    broken = school_sheets(8)
    del broken[k.MENTORS.name]
    write_book(folder / "без_наставников.xlsx", broken)
    (folder / "~$школа_01.xlsx").write_bytes(b"lock")
    (folder / "заметки.txt").write_text("не книга")
    return folder


def test_a_folder_of_schools_becomes_one_summary_with_totals_and_the_failures_listed(
    region: Path, tmp_path: Path
) -> None:
    out = tmp_path / "Сводка.xlsx"
    outcome = consolidate(region, out=out, today=TODAY)
    assert outcome.files == [out] and outcome.exit_code == 0
    assert "организаций — 7" in outcome.message and "файлов не прочитано — 3" in outcome.message
    wb = openpyxl.load_workbook(out)
    rows = [list(r) for r in wb[SUMMARY_SHEET].iter_rows(min_row=4, values_only=True)]
    header, lines, total = rows[0], rows[1:-1], rows[-1]
    assert header[:7] == [
        "Организация",
        "Населённый пункт",
        "Наставников",
        "Наставляемых",
        "Пар и групп",
        "Действующих",
        "Групп",
    ]
    assert (
        "Форма: педагог – педагог" in header and "Вид: групповое" in header and "Вид: традиционное" in header
    )
    assert sorted(line[0] for line in lines) == sorted(f"МБОУ «СОШ № {i + 1}»" for i in range(7))
    column = dict(zip(header, zip(*lines, strict=True), strict=True))
    assert column["Наставников"] == (2,) * 7
    assert total[0] == "Итого"
    assert total[header.index("Наставляемых")] == sum(3 + i % 3 for i in range(7))
    assert total[header.index("Пар и групп")] == 14
    assert total[header.index("Охват")] == pytest.approx(14 / sum(3 + i % 3 for i in range(7)))
    assert total[header.index("Выполнение дорожной карты")] == 0.5
    failed = {r[0]: r[1] for r in wb[FAILURES_SHEET].iter_rows(min_row=2, values_only=True)}
    assert sorted(failed) == ["без_наставников.xlsx", "не_книга.xlsx", "пустой.xlsx"]
    assert "пуст" in failed["пустой.xlsx"] and "не книга Excel" in failed["не_книга.xlsx"]
    assert "нет листа «Наставники»" in failed["без_наставников.xlsx"]


def test_the_summary_holds_no_name_of_any_person(region: Path, tmp_path: Path) -> None:
    out = tmp_path / "Сводка.xlsx"
    consolidate(region, out=out, today=TODAY)
    cells = [
        str(c)
        for ws in openpyxl.load_workbook(out).worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
        if c is not None
    ]
    names = every_name(9)
    surnames = {name.split()[0] for name in names}
    leaked = [c for c in cells for fragment in names | surnames if fragment.casefold() in c.casefold()]
    assert leaked == []


def test_the_summary_is_the_same_on_one_core_and_on_two(region: Path) -> None:
    files = workbook_files(region)
    one = consolidate_files(files, TODAY, root=region, workers=1)
    two = consolidate_files(files, TODAY, root=region, workers=2)
    assert one == two
    assert [f.file for f in two.failures] == ["без_наставников.xlsx", "не_книга.xlsx", "пустой.xlsx"]
    # in the order of the paths: «сельские/школа_06.xlsx» before «школа_01.xlsx»
    assert [r.organisation for r in two.rows] == [f"МБОУ «СОШ № {n}»" for n in (6, 7, 1, 2, 3, 4, 5)]


def test_lock_files_other_files_and_the_summary_itself_are_not_read(region: Path) -> None:
    out = region / "Сводка.xlsx"
    out.write_bytes(b"old summary")
    names = [p.name for p in workbook_files(region, exclude=[out])]
    assert "~$школа_01.xlsx" not in names and "заметки.txt" not in names and "Сводка.xlsx" not in names
    assert len(names) == 10


def test_a_folder_without_workbooks_is_nothing_to_do(tmp_path: Path) -> None:
    with pytest.raises(NothingToDo):
        consolidate(tmp_path, out=tmp_path / "s.xlsx", today=TODAY)


def test_totals_recompute_shares_from_the_sums() -> None:
    def row(
        target: int, covered: int, satisfaction: float | None, answers: int, done: int, events: int
    ) -> SchoolRow:
        return SchoolRow(
            "Ш",
            "",
            1,
            target,
            1,
            1,
            0,
            {"педагог – педагог": 1},
            {"традиционное": 1},
            target,
            covered,
            satisfaction,
            answers,
            events,
            done,
            0,
            2,
            1.5,
        )

    total = totals([row(10, 5, 0.9, 30, 1, 4), row(30, 30, 0.5, 10, 3, 4), row(0, 0, None, 0, 0, 0)])
    assert (total.target, total.covered, total.coverage) == (40, 35, 35 / 40)
    assert total.satisfaction == pytest.approx((0.9 * 30 + 0.5 * 10) / 40) and total.answers == 40
    assert total.completion == 0.5 and total.by_form == {"педагог – педагог": 3} and total.hours == 4.5


def test_each_row_names_its_file_so_the_municipality_can_find_it(region: Path, tmp_path: Path) -> None:
    out = tmp_path / "Сводка.xlsx"
    consolidate(region, out=out, today=TODAY)
    rows = [list(r) for r in openpyxl.load_workbook(out)[SUMMARY_SHEET].iter_rows(min_row=4, values_only=True)]
    header, lines, total = rows[0], rows[1:-1], rows[-1]
    assert header[-1] == "Файл"
    files = {line[0]: line[-1] for line in lines}
    assert files["МБОУ «СОШ № 1»"] == "школа_01.xlsx"
    assert files["МБОУ «СОШ № 6»"] == str(Path("сельские") / "школа_06.xlsx")
    assert total[-1] in (None, "—", "")


def test_an_identical_copy_of_a_book_is_counted_once_and_pointed_out(tmp_path: Path) -> None:
    folder = tmp_path / "район"
    folder.mkdir()
    write_book(folder / "школа_01.xlsx", school_sheets(0), saved=datetime(2026, 5, 20, 10, 0))
    write_book(folder / "школа_01 (1).xlsx", school_sheets(0), saved=datetime(2026, 5, 20, 10, 0))
    write_book(folder / "школа_02.xlsx", school_sheets(1))
    outcome = consolidate(folder, out=tmp_path / "Сводка.xlsx", today=TODAY)
    assert "организаций — 2" in outcome.message and "повторов и копий не учтено — 1" in outcome.message
    assert outcome.data["duplicates"] == [
        {"organisation": "МБОУ «СОШ № 1»", "file": "школа_01 (1).xlsx", "kept": "школа_01.xlsx"}
    ]
    assert outcome.data["total"]["mentors"] == 4  # two schools of two mentors: the copy is not counted


def versions(folder: Path) -> None:
    """School 1 twice (an old and a newer version), school 2 under another name but the same ИНН, school 3 of
    last year, school 4 plain."""
    old, new = school_sheets(0), school_sheets(0)
    new[k.MENTORS.name] = grid(k.MENTORS, [mentor(person(0, n)) for n in range(3)])  # one more mentor since
    write_book(folder / "школа_01_новая.xlsx", new, saved=datetime(2026, 5, 10, 9, 0))
    write_book(folder / "школа_01_старая.xlsx", old, saved=datetime(2026, 2, 1, 9, 0))
    for n, name in enumerate(("МБОУ «СОШ № 2»", "МБОУ СОШ 2 (исправленная)")):
        sheets = school_sheets(1)
        sheets[k.SETTINGS.name] = settings_grid({k.SET_ORG_SHORT: name, k.SET_ORG_FULL: name,
                                                 k.SET_ORG_INN: "6601002003",
                                                 k.SET_YEAR: "2025/2026"})
        write_book(folder / f"вторая_{n}.xlsx", sheets, saved=datetime(2026, 3, 1 + n, 9, 0))
    last_year = school_sheets(2)
    last_year[k.SETTINGS.name] = settings_grid({k.SET_ORG_SHORT: "МБОУ «СОШ № 3»", k.SET_YEAR: "2024/2025",
                                                k.SET_ORG_FULL: "Школа № 3"})
    write_book(folder / "третья_прошлый_год.xlsx", last_year)
    write_book(folder / "четвёртая.xlsx", school_sheets(3))


def test_of_one_organisations_versions_the_newest_is_counted_and_another_year_is_shown_apart(tmp_path: Path) -> None:
    folder = tmp_path / "район"
    folder.mkdir()
    versions(folder)
    outcome = consolidate(folder, out=tmp_path / "Сводка.xlsx", today=TODAY)
    schools = {s["file"]: s for s in outcome.data["schools"]}
    assert sorted(schools) == ["вторая_1.xlsx", "четвёртая.xlsx", "школа_01_новая.xlsx"]
    assert schools["школа_01_новая.xlsx"]["mentors"] == 3
    assert {(d["file"], d["kept"]) for d in outcome.data["duplicates"]} == {
        ("школа_01_старая.xlsx", "школа_01_новая.xlsx"), ("вторая_0.xlsx", "вторая_1.xlsx")}
    assert outcome.data["other_year"] == [{"organisation": "МБОУ «СОШ № 3»", "year": 2024,
                                           "file": "третья_прошлый_год.xlsx"}]
    assert outcome.data["total"]["mentors"] == 3 + 2 + 2
    wb = openpyxl.load_workbook(tmp_path / "Сводка.xlsx")
    assert {"Показатели", "Определения показателей", "Повторы и копии", "Другой учебный год"} <= set(wb.sheetnames)
    other = [r for r in wb["Другой учебный год"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert [r[0] for r in other] == ["МБОУ «СОШ № 3»"]


def test_the_indicators_sheet_has_a_row_per_organisation_and_a_total_of_numerators_and_denominators(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "район"
    folder.mkdir()
    versions(folder)
    consolidate(folder, out=tmp_path / "Сводка.xlsx", today=TODAY, year="2025/2026")
    ws = openpyxl.load_workbook(tmp_path / "Сводка.xlsx")["Показатели"]
    rows = [list(r) for r in ws.iter_rows(min_row=4, values_only=True)]
    header, lines, total = rows[0], rows[1:-1], rows[-1]
    assert header[:5] == ["Организация", "Полное наименование", "ИНН", "Населённый пункт", "Учебный год"]
    assert len(lines) == 3 and total[0] == "Итого"
    young = "Молодые специалисты с наставником"
    num, den, share = (header.index(f"{young}: {part}") for part in ("числитель", "знаменатель", "доля"))
    # every mentee of the fixture is «Молодой специалист»; two of each school are in pairs
    assert [line[num] for line in lines] == [2, 2, 2]
    # rows in the order of the paths: «вторая_1» (school 1: 4 mentees), «четвёртая» (3: 3), «школа_01_новая» (0: 3)
    assert [line[den] for line in lines] == [4, 3, 3]
    assert total[num] == 6 and total[den] == sum(line[den] for line in lines)
    assert total[share] == pytest.approx(6 / total[den])
    definitions = [r[0] for r in openpyxl.load_workbook(tmp_path / "Сводка.xlsx")["Определения показателей"]
                   .iter_rows(min_row=2, values_only=True)]
    assert young in definitions and "Организация" in definitions


def test_a_books_own_save_time_is_read_from_excel_and_calc_files(tmp_path: Path) -> None:
    import zipfile

    from mentorxl.book.consolidate import saved_at

    excel = write_book(tmp_path / "школа.xlsx", school_sheets(0), saved=datetime(2026, 4, 2, 8, 30))
    assert saved_at(excel) == "2026-04-02T08:30:00"
    calc = tmp_path / "школа.ods"
    with zipfile.ZipFile(calc, "w") as z:
        z.writestr("meta.xml", '<office:document-meta><office:meta><dc:date>2026-05-03T11:12:13.52</dc:date>'
                               "</office:meta></office:document-meta>")
    assert saved_at(calc) == "2026-05-03T11:12:13"
    plain = tmp_path / "не_книга.xlsx"
    plain.write_bytes(b"not a zip")
    assert saved_at(plain).startswith(str(date.today().year))  # the file's own time, when the book says nothing


def two_years(folder: Path) -> None:
    """One organisation (ИНН 6601002003) in 2024/2025 and in 2025/2026, another only in 2025/2026.
    Last year: Ершова and Смирнов (young) finished; Орлова (young) still waits; Васильева finished but is no
    young specialist («нет»). This year: Ершова typed in capitals and with «е», Смирнов «Выбыл», a new mentee."""
    def book(year: str, inn: str, name: str, mentees: list[dict[str, object]],
             pairs: list[dict[str, object]]) -> dict[str, Any]:
        sheets = minimal_book(mentees=mentees, mentors=[mentor("Кузнецова Ольга Ивановна")], pairs=pairs)
        sheets[k.SETTINGS.name] = settings_grid({k.SET_ORG_SHORT: name, k.SET_ORG_FULL: name, k.SET_ORG_INN: inn,
                                                 k.SET_YEAR: year})
        return sheets

    finished = {"mentor": "Кузнецова Ольга Ивановна", "start": "01.09.2024", "end": "31.05.2025",
                "status": "Завершена"}
    write_book(folder / "школа_2024.xlsx", book("2024/2025", "6601002003", "МБОУ «СОШ № 5»", [
        mentee("Ершова Анастасия Игоревна", status="Завершил", young="да"),
        mentee("Смирнов Илья Дмитриевич", status="В паре", young="да"),
        mentee("Орлова Ксения Викторовна", young="да"),
        mentee("Васильева Татьяна Игоревна", status="Завершил", young="нет"),
    ], [{**finished, "number": "1", "mentees": "Ершова Анастасия Игоревна"},
        {**finished, "number": "2", "mentees": "Смирнов Илья Дмитриевич"}]))
    write_book(folder / "школа_2025.xlsx", book("2025/2026", "6601002003", "МБОУ «СОШ № 5»", [
        mentee("ЕРШОВА  Анастасия Игоревна", status="Завершил", young="да"),
        mentee("Смирнов Илья Дмитриевич", status="Выбыл", young="да"),
        mentee("Орлова Ксения Викторовна", young="да"),
        mentee("Васильева Татьяна Игоревна", status="Завершил", young="нет"),
        mentee("Зайцев Никита Сергеевич", young="да"),
    ], []))
    write_book(folder / "другая.xlsx", book("2025/2026", "6601009994", "МБОУ «СОШ № 9»", [
        mentee("Лаптева Вероника Юрьевна", status="Завершил", young="да")], []))


def test_retention_across_years_counts_last_years_finished_young_specialists_still_in_this_years_bank(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "район"
    folder.mkdir()
    two_years(folder)
    outcome = consolidate(folder, out=tmp_path / "Сводка.xlsx", today=TODAY, year="2025/2026")
    title = "Молодые специалисты, оставшиеся в следующем учебном году"
    ws = openpyxl.load_workbook(tmp_path / "Сводка.xlsx")["Показатели"]
    rows = [list(r) for r in ws.iter_rows(min_row=4, values_only=True)]
    header, lines, total = rows[0], rows[1:-1], rows[-1]
    num, den, share = (header.index(f"{title}: {part}") for part in ("числитель", "знаменатель", "доля"))
    by_org = {line[0]: (line[num], line[den], line[share]) for line in lines}
    # Ершова stayed (her name typed otherwise), Смирнов left; Васильева is no young specialist; Орлова did not finish
    assert by_org["МБОУ «СОШ № 5»"] == (1, 2, 0.5)
    assert by_org["МБОУ «СОШ № 9»"] == (0, 0, "—")  # no book of last year: no denominator
    assert (total[num], total[den]) == (1, 2)
    assert [r["organisation"] for r in outcome.data["other_year"]] == ["МБОУ «СОШ № 5»"]
    definitions = {r[0]: r for r in openpyxl.load_workbook(tmp_path / "Сводка.xlsx")["Определения показателей"]
                   .iter_rows(min_row=2, values_only=True)}
    assert "прошлого учебного года" in definitions[title][2] and "«Выбыл»" in definitions[title][1]


def test_retention_across_years_leaves_no_name_in_the_summary(tmp_path: Path) -> None:
    folder = tmp_path / "район"
    folder.mkdir()
    two_years(folder)
    consolidate(folder, out=tmp_path / "Сводка.xlsx", today=TODAY, year="2025/2026")
    text = " ".join(str(c) for ws in openpyxl.load_workbook(tmp_path / "Сводка.xlsx").worksheets
                    for row in ws.iter_rows(values_only=True) for c in row if c is not None)
    assert not any(name in text for name in ("Ершова", "Смирнов", "Орлова", "Васильева", "Зайцев", "Лаптева",
                                             "Кузнецова"))
