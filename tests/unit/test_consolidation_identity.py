"""One organisation once: the rule of `core.consolidation.settle` on rows made in the test."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from mentorxl.core.consolidation import Consolidation, SchoolRow, identity, settle

BLANK = SchoolRow("", "", 0, 0, 0, 0, 0, {}, {}, 0, 0, None, 0, 0, 0, 0, 0, 0.0)


def row(name: str, inn: str = "", year: int = 2025, modified: str = "", file: str = "") -> SchoolRow:
    return replace(BLANK, organisation=name, full_name=name, inn=inn, year=year, modified=modified, file=file)


def test_the_same_inn_is_one_organisation_whatever_the_names_say() -> None:
    assert identity(row("МБОУ «СОШ № 2»", "6601002003")) == identity(row("МБОУ СОШ 2", "66 0100 2003"))


def test_without_an_inn_names_tell_organisations_apart_ignoring_case_spaces_and_yo() -> None:
    assert identity(row("МБОУ «Берёзовская СОШ»")) == identity(row("мбоу  «березовская сош»"))
    assert identity(row("МБОУ «СОШ № 1»")) != identity(row("МБОУ «СОШ № 2»"))


rows = st.lists(st.tuples(st.sampled_from(["А", "Б", "В"]), st.sampled_from(["", "6601000001"]),
                          st.sampled_from([2024, 2025]), st.sampled_from(["2026-01-01T10:00:00",
                                                                           "2026-03-01T10:00:00", ""])),
                max_size=12)


@given(rows)
def test_each_organisation_of_the_year_is_counted_once_from_its_newest_book(items) -> None:
    books = [row(name, inn, year, modified, file=f"{n}.xlsx") for n, (name, inn, year, modified) in enumerate(items)]
    done = settle(Consolidation(rows=books), 2025)
    assert sorted(r.file for r in [*done.rows, *(d.row for d in done.duplicates), *done.other_year]) == sorted(
        r.file for r in books)
    assert len({identity(r) for r in done.rows}) == len(done.rows)
    assert all(r.year == 2025 for r in done.rows) and all(r.year != 2025 for r in done.other_year)
    for d in done.duplicates:
        assert identity(d.row) == identity(d.kept) and d.kept.modified >= d.row.modified and d.kept in done.rows
