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


def _book(args: argparse.Namespace, suffix: str = "", result: Path | None = None) -> Any:
    from mentorxl.book.headless import HeadlessBook

    return HeadlessBook(Path(args.book), out=result)


def _changing(args: argparse.Namespace, action: Callable[[Any], Any], *, out: Path | None = None,
              lists_only: bool = False) -> Any:
    """Run an action that changes the book: one MentorXL writer at a time, and the book checked writable before
    any work (an order is not issued when its number cannot be written)."""
    from mentorxl.book.lock import writing

    book = _book(args, result=out)
    with writing(book.target):
        book.check_target(lists_only=lists_only)
        return action(book)


def cmd_new(args: argparse.Namespace) -> Any:
    from mentorxl.actions.workbook import new_workbook

    return new_workbook(Path(args.path), org=args.org, demo=args.demo, variant=args.roadmap, today=_today(args))


def cmd_check(args: argparse.Namespace) -> Any:
    from mentorxl.actions.check import check_book

    return _changing(args, lambda book: check_book(book, today=_today(args)), out=_path(args.out), lists_only=True)


def cmd_match(args: argparse.Namespace) -> Any:
    from mentorxl.actions.pairs import match_pairs

    return _changing(args, lambda book: match_pairs(book, exact=args.exact), out=_path(args.out), lists_only=True)


def cmd_approve(args: argparse.Namespace) -> Any:
    from mentorxl.actions.pairs import approve_pairs

    return _changing(args, lambda book: approve_pairs(book, today=_today(args), approve_all=args.all),
                     out=_path(args.out))


def cmd_order(args: argparse.Namespace) -> Any:
    from mentorxl.actions.documents import make_order

    return _changing(args, lambda book: make_order(book, out_dir=_path(args.out), number=args.number, on=args.date,
                                                   today=_today(args)))


def cmd_docs(args: argparse.Namespace) -> Any:
    from mentorxl.actions.documents import make_documents

    if args.kind == "roadmap":
        from mentorxl.actions.roadmap import roadmap_documents

        # its two orders take their numbers on «Приказы»: a change, one writer at a time
        return _changing(args, lambda book: roadmap_documents(book, out_dir=_path(args.out), today=_today(args),
                                                              number=args.number, on=args.date))
    if args.number or args.date:
        raise MentorXLError("Ключи --number и --date задают номер и дату приказа об утверждении дорожной карты: "
                            f"для «--kind {args.kind}» они не применяются.",
                            "Уберите их или используйте «mentorxl docs КНИГА --kind roadmap --number N --date Д» "
                            "(для приказа о закреплении пар — «mentorxl order КНИГА --number N --date Д»).")
    if args.kind == "programs":  # only reads the book: it may stay open in Excel meanwhile
        return make_documents(_book(args), kind=args.kind, out_dir=_path(args.out), today=_today(args),
                              again=args.again)
    # agreements, consent forms and the reward order record what was issued in the book: a change
    return _changing(args, lambda book: make_documents(book, kind=args.kind, out_dir=_path(args.out),
                                                       today=_today(args), again=args.again))


def cmd_roadmap(args: argparse.Namespace) -> Any:
    from mentorxl.actions.monitoring import roadmap_status

    return _changing(args, lambda book: roadmap_status(book, today=_today(args)), lists_only=True)


def cmd_report(args: argparse.Namespace) -> Any:
    from mentorxl.actions.monitoring import monitoring_report

    return monitoring_report(_book(args, "мониторинг"), out_dir=_path(args.out), today=_today(args))


def cmd_consolidate(args: argparse.Namespace) -> Any:
    from mentorxl.actions.monitoring import consolidate

    return consolidate(Path(args.folder), out=Path(args.out), today=_today(args), year=args.year)


def cmd_import(args: argparse.Namespace) -> Any:
    from mentorxl.actions.monitoring import import_export

    if args.as_ == "suggestions":  # issue 14: network suggestions of `mentorxl network`
        from mentorxl.actions.network import import_suggestions

        return _changing(args, lambda book: import_suggestions(book, Path(args.export)), out=_path(args.out))
    if args.as_ == "roadmap":  # a Word document, not a form export: its own action
        from mentorxl.actions.roadmap import import_roadmap

        return _changing(args, lambda book: import_roadmap(book, Path(args.export), overwrite=args.overwrite,
                                                           today=_today(args)), out=_path(args.out))
    return _changing(args, lambda book: import_export(book, Path(args.export), as_=args.as_,
                                                      overwrite=args.overwrite), out=_path(args.out))


def cmd_complete(args: argparse.Namespace) -> Any:
    from mentorxl.actions.completion import complete_pairs, parse_numbers

    return _changing(args, lambda book: complete_pairs(book, on=args.date, numbers=parse_numbers(args.pairs),
                                                       reason=args.reason, out_dir=_path(args.out),
                                                       today=_today(args)))


def cmd_new_year(args: argparse.Namespace) -> Any:
    from mentorxl.actions.new_year import new_year

    return new_year(Path(args.book), out=_path(args.out), today=_today(args))


def cmd_network(args: argparse.Namespace) -> Any:
    from mentorxl.actions.network import network_suggestions

    return network_suggestions(Path(args.folder), out=Path(args.out))


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
    c.add_argument("--out", help="записать книгу с листом «Ошибки» в отдельный файл, не меняя эту")

    c = command("match", cmd_match, "подобрать наставников наставляемым")
    c.add_argument("book")
    c.add_argument("--json", action="store_true")
    c.add_argument("--out", help="записать книгу с листом «Подбор» в отдельный файл, не меняя эту")
    c.add_argument("--exact", action="store_true",
                   help="точный оптимум по всем покрывающим парам (для проверки и замеров; дольше)")

    c = command("approve", cmd_approve, "перенести утверждённые предложения в «Пары»")
    c.add_argument("book")
    c.add_argument("--all", action="store_true", help="утвердить все предложения, кроме отклонённых")
    c.add_argument("--out", help="записать книгу с новыми парами в отдельный файл, не меняя эту")

    c = command("order", cmd_order, "приказ о закреплении наставнических пар (групп)")
    c.add_argument("book")
    c.add_argument("--out", help="папка для документов")
    c.add_argument("--number", help="номер приказа (по умолчанию — следующий свободный)")
    c.add_argument("--date", type=_date, help="дата приказа (по умолчанию — сегодня)")

    c = command("docs", cmd_docs, "программы, допсоглашения, согласия, приказ о поощрении, дорожная карта")
    c.add_argument("book")
    c.add_argument("--kind", required=True, choices=["programs", "agreements", "consents", "reward", "roadmap"])
    c.add_argument("--again", action="store_true",
                   help="напечатать соглашения и бланки согласия ещё раз, хотя их дата выдачи уже записана")
    c.add_argument("--number", help="номер приказа об утверждении дорожной карты (для --kind roadmap)")
    c.add_argument("--date", type=_date, help="дата приказа об утверждении дорожной карты (по умолчанию — сегодня)")
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
    c.add_argument("--year", help="учебный год сводки, например 2025/2026 (по умолчанию — текущий)")

    c = command("import", cmd_import, "загрузить выгрузку онлайн-формы (xlsx или csv) или дорожную карту (docx)")
    c.add_argument("book")
    c.add_argument("export")
    c.add_argument("--as", dest="as_", required=True,
                   choices=["mentees", "mentors", "survey", "roadmap", "suggestions"])
    c.add_argument("--overwrite", action="store_true", help="перезаписывать заполненные ячейки")
    c.add_argument("--out", help="записать книгу с загруженными строками в отдельный файл, не меняя эту")

    c = command("complete", cmd_complete,
                "завершить пары, срок которых закончился (или названные; досрочно — с причиной)")
    c.add_argument("book")
    c.add_argument("--date", type=_date, help="дата завершения (по умолчанию — сегодня)")
    c.add_argument("--pairs", help="номера пар через запятую: 3,5")
    c.add_argument("--reason",
                   help="причина досрочного завершения: пара расторгается, наставляемому подбирается замена")
    c.add_argument("--out", help="папка для приказа")
    c.add_argument("--json", action="store_true", help="вывести итог в JSON")

    c = command("new-year", cmd_new_year, "книга следующего учебного года из этой (эта остаётся архивом)")
    c.add_argument("book")
    c.add_argument("--out", help="путь к новой книге (по умолчанию — рядом, с новым учебным годом в имени)")
    c.add_argument("--json", action="store_true", help="вывести итог в JSON")

    c = command("network", cmd_network, "муниципальный банк наставников и сетевые пары (по согласию)")
    c.add_argument("folder")
    c.add_argument("--out", required=True, help="файл сетевого подбора .xlsx")

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


def _os_error_in(error: BaseException) -> OSError | None:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError):
            return current
        inner = next((a for a in current.args if isinstance(a, OSError)), None)
        current = inner or current.__cause__ or current.__context__
    return None


def _fail(error: MentorXLError, as_json: bool) -> int:
    print(f"Ошибка: {error.message}", file=sys.stderr)
    if error.hint:
        print(f"Что сделать: {error.hint}", file=sys.stderr)
    if as_json:
        json.dump({"error": error.message, "hint": error.hint}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    return error.exit_code


def _fewer_collections() -> None:
    """A command is a short process that builds many long-lived objects (a regional book's rows, its sheets'
    XML, the matching's candidates) and leaves few cycles: the objects loaded so far are set aside for good, and
    the cycle collector runs far less often than its default (which rescans the growing heap again and again —
    a tenth of a regional `match`). The memory of a run stays the same."""
    import gc

    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if argv is None:  # the `mentorxl` process itself, not a test calling main() inside pytest
        _fewer_collections()
    as_json = bool(getattr(args, "json", False))
    try:
        outcome = args.handler(args)
    except MentorXLError as error:
        return _fail(error, as_json)
    except OSError as error:  # a read-only folder, a full disk: the user's to fix, not a bug
        from mentorxl.errors import from_os_error

        return _fail(from_os_error(error), as_json)
    except KeyboardInterrupt:
        print("Прервано.", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: one clear line, the traceback only when asked
        cause = _os_error_in(error)
        if cause is not None:  # XlsxWriter and others wrap the system's refusal in their own exception
            from mentorxl.errors import from_os_error

            return _fail(from_os_error(cause), as_json)
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
