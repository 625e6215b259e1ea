"""«Приказы»: one register of the orders MentorXL issues; an order number is never issued twice (issues 10, 11)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorxl.actions.documents import make_documents, make_order
from mentorxl.actions.new_year import new_year
from mentorxl.actions.roadmap import roadmap_documents
from mentorxl.book.fake import FakeBook
from mentorxl.book.headless import HeadlessBook
from mentorxl.book.reader import read_program
from mentorxl.cli import main
from mentorxl.core import contract as k
from mentorxl.core import orders
from mentorxl.core.models import OrderRecord, Pair
from mentorxl.errors import MentorXLError
from tests.builders import grid, mentee, mentor, minimal_book, write_book

ON = date(2025, 11, 20)
ANNA = "Кузнецова Анна Петровна"
MARIA = "Петрова Мария Сергеевна"
PETR = "Сидоров Пётр Ильич"


def _sheets(*, register: bool) -> dict[str, list[list[object]]]:
    sheets = minimal_book(
        mentees=[mentee(MARIA), mentee(PETR)], mentors=[mentor(ANNA, position="учитель", reward="Благодарность")],
        pairs=[{"number": "1", "mentor": ANNA, "mentees": MARIA, "status": "Действует", "start": "01.09.2025",
                "order_number": "149-о", "order_date": "01.09.2025"},
               {"number": "2", "mentor": ANNA, "mentees": PETR, "status": "Утверждена", "start": "01.09.2025"}],
        **{k.ROADMAP.name: grid(k.ROADMAP, [{"stage": "Подготовка", "event": "Положение о наставничестве",
                                              "term": "Сентябрь 2025", "responsible": "Директор"}])})
    if register:
        sheets[k.ORDERS.name] = grid(k.ORDERS, [])
    return sheets


def _register(path: Path) -> list[OrderRecord]:
    return read_program(path).orders


def test_the_demo_gives_every_order_a_number_of_its_own_and_records_each_on_the_register(tmp_path: Path) -> None:
    from mentorxl.actions.demo import BOOK_NAME, run_demo

    run_demo(tmp_path / "demo", today=ON)
    register = _register(tmp_path / "demo" / BOOK_NAME)
    assert [r.number for r in register] == ["149-о", "150-о", "151-о", "152-о", "153-о", "154-о"]
    assert [r.kind for r in register] == [orders.KIND_PAIRS, orders.KIND_REWARD, orders.KIND_ROADMAP,
                                          orders.KIND_CURATOR, orders.KIND_CHANGE, orders.KIND_COMPLETION]
    for record in register:  # each row names its document, and the document carries the number
        assert f"№ {record.number} " in record.file
        assert (tmp_path / "demo" / "Документы" / record.file).is_file()
    assert register[0].pairs and register[-1].pairs  # the orders on pairs name them


def test_the_reward_order_after_the_order_on_pairs_takes_the_number_after_it(tmp_path: Path) -> None:
    book = write_book(tmp_path / "Наставничество.xlsx", _sheets(register=True))
    make_order(HeadlessBook(book), out_dir=tmp_path / "docs", number=None, on=ON, today=ON)
    outcome = make_documents(HeadlessBook(book), kind="reward", out_dir=tmp_path / "docs", today=ON)
    assert "Приказ № 151-о о поощрении" in outcome.message
    assert [(r.number, r.kind, r.pairs) for r in _register(book)] == [
        ("150-о", orders.KIND_PAIRS, "2"), ("151-о", orders.KIND_REWARD, "")]


def test_the_roadmap_approval_and_curator_orders_get_two_numbers_instead_of_blanks(tmp_path: Path) -> None:
    book = write_book(tmp_path / "Наставничество.xlsx", _sheets(register=True))
    outcome = roadmap_documents(HeadlessBook(book), out_dir=tmp_path / "docs", today=ON)
    names = [f.name for f in outcome.files if f.suffix == ".docx"]
    assert any("об утверждении дорожной карты № 150-о" in n for n in names)
    assert any("о назначении куратора наставничества № 151-о" in n for n in names)
    assert [r.number for r in _register(book)] == ["150-о", "151-о"]


def test_a_number_already_on_the_register_is_refused_with_exit_two_naming_the_next_free(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = write_book(tmp_path / "Наставничество.xlsx", _sheets(register=True))
    make_documents(HeadlessBook(book), kind="reward", out_dir=tmp_path / "docs", today=ON, number="160-о")
    before = book.read_bytes()
    assert main(["order", str(book), "--number", "160-О", "--out", str(tmp_path / "docs"),
                 "--today", "20.11.2025"]) == 2
    said = capsys.readouterr()
    assert "№ 160-О уже выдан" in said.out + said.err and "№ 161-о" in said.out + said.err
    assert book.read_bytes() == before  # nothing written, no pair got the number
    with pytest.raises(MentorXLError, match="№ 149-о уже выдан"):  # a number of «Пары» counts too
        make_documents(FakeBook(_sheets(register=True)), kind="reward", out_dir=tmp_path / "x", today=ON,
                       number="149-о")


def test_an_old_book_without_the_register_gets_it_with_its_first_order(tmp_path: Path) -> None:
    book = write_book(tmp_path / "Наставничество.xlsx", _sheets(register=False))
    assert _register(book) == []  # an old book reads as before
    make_order(HeadlessBook(book), out_dir=tmp_path / "docs", number=None, on=ON, today=ON)
    data = read_program(book)
    assert k.ORDERS.key in data.tables
    assert [(r.number, r.date, r.kind) for r in data.orders] == [("150-о", ON, orders.KIND_PAIRS)]
    assert [p.order_number for p in data.pairs] == ["149-о", "150-о"]


def test_the_register_stays_in_the_archive_and_the_new_years_book_starts_it_empty(tmp_path: Path) -> None:
    sheets = {**_sheets(register=True), k.SURVEYS.name: grid(k.SURVEYS, []), k.MEETINGS.name: grid(k.MEETINGS, [])}
    book = write_book(tmp_path / "Наставничество 2025-2026.xlsx", sheets)
    make_order(HeadlessBook(book), out_dir=tmp_path / "docs", number=None, on=ON, today=ON)
    outcome = new_year(book, out=None, today=date(2026, 8, 25))
    assert [r.number for r in _register(book)] == ["150-о"]
    following = read_program(tmp_path / "Наставничество 2026-2027.xlsx")
    assert following.orders == [] and k.ORDERS.key in following.tables
    assert any("реестр приказов" in line for line in outcome.lines)


def test_a_failed_write_leaves_no_order_document_carrying_the_number(tmp_path: Path) -> None:
    class Broken(FakeBook):
        def save(self) -> Path | None:
            raise OSError("диск полон")

    with pytest.raises(OSError):
        make_documents(Broken(_sheets(register=True)), kind="reward", out_dir=tmp_path / "docs", today=ON)
    assert not list((tmp_path / "docs").glob("*.docx"))


@given(st.lists(st.integers(1, 999), min_size=1, max_size=8), st.lists(st.integers(1, 999), max_size=8))
def test_the_next_free_number_follows_the_largest_of_pairs_and_register_and_is_never_taken(
        on_pairs: list[int], on_register: list[int]) -> None:
    pairs = [Pair(number=str(i), order_number=f"{n}-о") for i, n in enumerate(on_pairs)]
    records = [OrderRecord(number=f"{n}-о") for n in on_register]
    free = orders.next_free(pairs, records)
    assert free == f"{max(on_pairs + on_register) + 1}-о"
    assert not orders.number_taken(free, pairs, records)
    assert all(orders.number_taken(f"№ {n}-О", pairs, records) for n in on_pairs + on_register)
