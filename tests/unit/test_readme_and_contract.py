"""The contract table, the command line and the README are held together here."""

import argparse
import re
from pathlib import Path

from mentorxl.cli import build_parser
from mentorxl.core import contract as k
from mentorxl.core.messages import CATALOG

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def test_every_command_of_the_command_line_is_documented_in_the_readme():
    for name in _commands():
        assert f"`mentorxl {name}" in README, name


def test_every_sheet_of_the_contract_is_described_in_the_readme():
    for name in k.SHEET_ORDER:
        assert re.search(rf"^\| {re.escape(name)} \|", README, re.M), name


def test_sheet_table_and_excel_table_names_are_unique_and_every_sheet_has_required_columns():
    assert len({s.name for s in k.SHEETS}) == len(k.SHEETS)
    assert len({s.table for s in k.SHEETS}) == len(k.SHEETS)
    assert all(re.fullmatch(r"tbl[A-Za-z]+", s.table) for s in k.SHEETS)
    for spec in k.SHEETS:
        assert len({c.header for c in spec.columns}) == len(spec.columns), spec.name


def test_the_contracts_required_columns_are_those_of_workbook_md():
    required = {s.name: [c.header for c in s.required] for s in k.SHEETS}
    assert required["Наставляемые"] == ["ФИО", "Запросы", "Согласие на обработку ПДн"]
    assert required["Наставники"] == ["ФИО", "Компетенции", "Согласие на наставничество", "Согласие на обработку ПДн"]
    assert required["Пары"] == ["№ пары", "Наставник", "Наставляемые"]
    assert required["Дорожная карта"] == ["Этап", "Мероприятие", "Срок", "Ответственный"]
    assert required["Анкеты"] == ["Респондент", "Роль", "Анкета"]
    assert required["Встречи"] == ["№ пары", "Дата"]


def test_every_catalogued_message_is_russian_and_has_a_hint():
    for code, entry in CATALOG.items():
        assert re.search("[а-яА-Я]", entry.message) and entry.hint, code
        assert entry.severity in ("error", "warning"), code
