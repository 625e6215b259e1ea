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


def _options(name: str) -> list[argparse.Action]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return [a for a in sub.choices[name]._actions
            if a.option_strings and a.help != argparse.SUPPRESS and a.option_strings[0] != "-h"]


def test_every_option_and_every_choice_of_a_command_is_shown_with_that_command_in_the_readme():
    missing = []
    for name in _commands():
        for action in _options(name):
            option = re.escape(action.option_strings[0])
            if not re.search(rf"`mentorxl {name}[^`]*{option}", README):
                missing.append(f"{name} {action.option_strings[0]}")
            for choice in action.choices or ():
                if not re.search(rf"`mentorxl {name}[^`]*{option}[^`]*{re.escape(str(choice))}", README):
                    missing.append(f"{name} {action.option_strings[0]} {choice}")
    assert missing == []


def test_the_second_round_commands_of_workbook_md_are_in_the_readme():
    for usage in ("mentorxl match Книга.xlsx --exact", "--as roadmap", "--as suggestions", "--kind roadmap",
                  "`mentorxl complete", "`mentorxl new-year", "`mentorxl network", "`make dist`"):
        assert usage in README, usage


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
