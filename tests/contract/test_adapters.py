"""One contract suite against every adapter: the in-memory fake, the file (HeadlessBook on a real .xlsx), the
open Excel book (LiveBook over the xlwings fake) and, in the e2e tier, Calc through UNO
(tests/e2e/test_calc_contract.py runs calc_runner.py)."""

from __future__ import annotations

import json

from mentorxl.book.fake import FakeBook
from mentorxl.book.headless import HeadlessBook
from mentorxl.book.live import LiveBook
from tests.builders import write_book
from tests.contract import scenario
from tests.fakes.xlwings_fake import FakeExcelBook


def _json(seen: dict[str, object]) -> object:
    return json.loads(json.dumps(seen, ensure_ascii=False))


def test_the_fake_passes_the_contract():
    book = FakeBook(scenario.grids())
    assert _json(scenario.run(lambda: book)) == _json(scenario.EXPECTED)


def test_the_file_passes_the_contract(tmp_path):
    path = write_book(tmp_path / "Книга.xlsx", scenario.grids())
    assert _json(scenario.run(lambda: HeadlessBook(path))) == _json(scenario.EXPECTED)


def test_the_open_excel_book_passes_the_contract():
    excel = FakeExcelBook(scenario.grids())
    assert _json(scenario.run(lambda: LiveBook(excel))) == _json(scenario.EXPECTED)
