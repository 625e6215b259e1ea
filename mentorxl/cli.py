"""The command line: parse the words, call one action, print its outcome. Nothing else lives here.

Exit codes: 0 done (warnings allowed), 1 the data has errors or there is nothing to do, 2 the file cannot
be read or written, 3 an internal error (a bug: please report it with the file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from mentorxl import __version__
from mentorxl.errors import MentorXLError

Handler = Callable[[argparse.Namespace], Any]


def _date(text: str) -> date:
    from mentorxl.core.dates import parse_date

    value = parse_date(text)
    if value is None:
        raise argparse.ArgumentTypeError(f"«{text}» не читается как дата: введите 01.09.2025")
    return value


def _today(args: argparse.Namespace) -> date:
    return args.today or date.today()


def _book(args: argparse.Namespace, suffix: str, result: Path | None = None) -> Any:
    from mentorxl.book.headless import HeadlessBook

    return HeadlessBook(Path(args.book), suffix=suffix, result=result)


def cmd_new(args: argparse.Namespace) -> Any:
    from mentorxl.actions.workbook import new_workbook

    return new_workbook(Path(args.path), org=args.org, demo=args.demo, variant=args.roadmap, today=_today(args))


def cmd_check(args: argparse.Namespace) -> Any:
    from mentorxl.actions.check import check_book

    return check_book(_book(args, "проверка"), today=_today(args))


def cmd_match(args: argparse.Namespace) -> Any:
    from mentorxl.actions.pairs import match_pairs

    book = _book(args, "подбор")
    if args.out:
        from mentorxl.core import contract as k

        book = _with_standalone(book, k.SUGGESTIONS.key, Path(args.out))
    return match_pairs(book, exact=args.exact)


def _with_standalone(book: Any, key: str, path: Path) -> Any:
    from mentorxl.book.headless import HeadlessBook

    return HeadlessBook(book.path, standalone={key: path})


def cmd_approve(args: argparse.Namespace) -> Any:
    from mentorxl.actions.pairs import approve_pairs

    out = Path(args.out) if args.out else None
    return approve_pairs(_book(args, "пары утверждены", out), today=_today(args), approve_all=args.all)


def cmd_order(args: argparse.Namespace) -> Any:
    from mentorxl.actions.documents import make_order

    return make_order(_book(args, "приказ"), out_dir=_path(args.out), number=args.number, on=args.date,
                      today=_today(args))


def cmd_docs(args: argparse.Namespace) -> Any:
    from mentorxl.actions.documents import make_documents

    return make_documents(_book(args, "документы"), kind=args.kind, out_dir=_path(args.out), today=_today(args))


def cmd_roadmap(args: argparse.Namespace) -> Any:
    from mentorxl.actions.monitoring import roadmap_status

    return roadmap_status(_book(args, "дорожная карта"), today=_today(args))


def cmd_report(args: argparse.Namespace) -> Any:
    from mentorxl.actions.monitoring import monitoring_report

    return monitoring_report(_book(args, "мониторинг"), out_dir=_path(args.out), today=_today(args))


def cmd_consolidate(args: argparse.Namespace) -> Any:
    from mentorxl.actions.monitoring import consolidate

    return consolidate(Path(args.folder), out=Path(args.out), today=_today(args))


def cmd_import(args: argparse.Namespace) -> Any:
    from mentorxl.actions.monitoring import import_export

    return import_export(_book(args, "импорт"), Path(args.export), as_=args.as_, overwrite=args.overwrite)


def cmd_demo(args: argparse.Namespace) -> Any:
    from mentorxl.actions.demo import run_demo

    return run_demo(Path(args.folder), today=_today(args), progress=lambda line: print(line, file=sys.stderr))


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mentorxl",
        description="MentorXL: программа наставничества в одной книге Excel.",
        epilog="Подробности: README.md. Коды выхода: 0 — готово, 1 — в данных есть ошибки или нечего делать, "
               "2 — файл не читается или не записывается, 3 — внутренняя ошибка.",
    )
    p.add_argument("--version", action="version", version=f"mentorxl {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="КОМАНДА")

    def command(name: str, handler: Handler, help_: str) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help_, description=help_)
        c.set_defaults(handler=handler)
        c.add_argument("--today", type=_date, help=argparse.SUPPRESS)  # tests and demos fix the date
        return c

    c = command("new", cmd_new, "создать книгу наставничества (.xlsx, .xlsm с кнопками, .ods)")
    c.add_argument("path", help="путь к новой книге")
    c.add_argument("--org", help="полное наименование организации")
    c.add_argument("--demo", action="store_true", help="заполнить книгу данными демонстрационной школы")
    c.add_argument("--roadmap", default="school", choices=["school", "kindergarten", "target_model"],
                   help="вариант дорожной карты: школа, детский сад, целевая модель с обучающимися")

    c = command("check", cmd_check, "проверить данные книги")
    c.add_argument("book")
    c.add_argument("--json", action="store_true", help="вывести итог в JSON")

    c = command("match", cmd_match, "подобрать наставников наставляемым")
    c.add_argument("book")
    c.add_argument("--json", action="store_true")
    c.add_argument("--out", help="куда записать лист «Подбор» (.xlsx)")
    c.add_argument("--exact", action="store_true",
                   help="точный оптимум по всем покрывающим парам (для проверки и замеров; дольше)")

    c = command("approve", cmd_approve, "перенести утверждённые предложения в «Пары»")
    c.add_argument("book")
    c.add_argument("--all", action="store_true", help="утвердить все предложения, кроме отклонённых")
    c.add_argument("--out", help="куда записать книгу с новыми парами")

    c = command("order", cmd_order, "приказ о закреплении наставнических пар (групп)")
    c.add_argument("book")
    c.add_argument("--out", help="папка для документов")
    c.add_argument("--number", help="номер приказа (по умолчанию — следующий свободный)")
    c.add_argument("--date", type=_date, help="дата приказа (по умолчанию — сегодня)")

    c = command("docs", cmd_docs, "программы, допсоглашения, согласия, приказ о поощрении")
    c.add_argument("book")
    c.add_argument("--kind", required=True, choices=["programs", "agreements", "consents", "reward"])
    c.add_argument("--out", help="папка для документов")

    c = command("roadmap", cmd_roadmap, "мероприятия дорожной карты со сроками и просрочками")
    c.add_argument("book")
    c.add_argument("--json", action="store_true")

    c = command("report", cmd_report, "аналитическая справка по мониторингу")
    c.add_argument("book")
    c.add_argument("--out", help="папка для справки")

    c = command("consolidate", cmd_consolidate, "сводка по книгам многих организаций (без персональных данных)")
    c.add_argument("folder")
    c.add_argument("--out", required=True, help="файл сводки .xlsx")

    c = command("import", cmd_import, "загрузить выгрузку онлайн-формы (xlsx или csv)")
    c.add_argument("book")
    c.add_argument("export")
    c.add_argument("--as", dest="as_", required=True, choices=["mentees", "mentors", "survey"])
    c.add_argument("--overwrite", action="store_true", help="перезаписывать заполненные ячейки")

    c = command("demo", cmd_demo, "создать демонстрационную книгу и выполнить на ней все действия")
    c.add_argument("folder", nargs="?", default="out/demo")
    return p


def _json_text(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2, default=str)` + a newline, as orjson makes it (ten
    times faster on a regional «Подбор»): Russian text stays UTF-8, dates and anything else go through str."""
    import orjson

    options = (orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS
               | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS)
    return orjson.dumps(data, default=str, option=options).decode()


def _print_outcome(outcome: Any, as_json: bool) -> None:
    if as_json:
        print(outcome.message, file=sys.stderr)  # first: said even when the reader of stdout leaves early
        sys.stdout.write(_json_text(outcome.data))
        return
    print(outcome.message)
    for line in outcome.lines:
        print(line)
    for path in outcome.files:
        print(f"  → {path}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    as_json = bool(getattr(args, "json", False))
    try:
        outcome = args.handler(args)
    except MentorXLError as error:
        print(f"Ошибка: {error.message}", file=sys.stderr)
        if error.hint:
            print(f"Что сделать: {error.hint}", file=sys.stderr)
        if as_json:
            json.dump({"error": error.message, "hint": error.hint}, sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
        return error.exit_code
    except KeyboardInterrupt:
        print("Прервано.", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: one clear line, the traceback only when asked
        if os.environ.get("MENTORXL_DEBUG"):
            raise
        print(f"Внутренняя ошибка MentorXL ({type(error).__name__}: {error}). "
              "Запустите с MENTORXL_DEBUG=1 и сообщите разработчикам.", file=sys.stderr)
        return 3
    try:
        _print_outcome(outcome, as_json)
        sys.stdout.flush()
    except BrokenPipeError:  # `mentorxl roadmap --json | head`: the reader left, the work is done
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return int(outcome.exit_code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
