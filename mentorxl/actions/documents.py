"""«Сформировать приказ» and the other documents in Word: programs, agreements, consents, the reward order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import partial
from pathlib import Path

from mentorxl.actions.base import Outcome
from mentorxl.book.files import next_free, write_atomically
from mentorxl.book.port import WorkbookPort
from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.models import Pair
from mentorxl.core.program import ProgramData
from mentorxl.core.text import clean, hidden_latin
from mentorxl.documents import context as c
from mentorxl.documents.orders import Rendered
from mentorxl.errors import MentorXLError, NothingToDo

DEFAULT_FOLDER = "Документы"
KINDS = ("programs", "agreements", "consents", "reward")
SUBFOLDERS = {
    "programs": "Программы наставничества",
    "agreements": "Дополнительные соглашения",
    "consents": "Согласия на обработку ПДн",
    "reward": "",
}
APPROVE_FIRST = ("Сначала подберите и утвердите пары: кнопки «Подобрать пары» и «Утвердить пары» "
                 "(или команды mentorxl match и mentorxl approve). В приказ попадают строки листа «Пары» "
                 f"со статусом «{v.PAIR_APPROVED}» и пустым столбцом «Номер приказа».")


def lookalike_note(names: Iterable[str]) -> str:
    """A warning for the names typed with Latin letters that look Russian: the documents print them with the
    Russian letters (documents/context.person), the book still holds them as typed."""
    found = {name: letters for name in dict.fromkeys(clean(n) for n in names) if (letters := hidden_latin(name))}
    if not found:
        return ""
    letters = "".join(dict.fromkeys("".join(found.values())))
    shown = ", ".join(f"«{name}»" for name in found)
    return (f"Внимание: в ФИО {shown} есть латинские буквы ({', '.join(letters)}), похожие на русские; в документах "
            "они напечатаны русскими. Исправьте ФИО в книге: «Проверить данные» покажет ячейки.")


def _settings_names(data: ProgramData) -> list[str]:
    return [clean(data.settings.get(key)) for key in (k.SET_HEAD, k.SET_CURATOR)]


def _pair_names(pairs: Iterable[Pair]) -> list[str]:
    return [name for p in pairs for name in (p.mentor, *p.mentees)]


def _with_note(message: str, note: str) -> str:
    return f"{message}\n{note}" if note else message


def output_dir(book: WorkbookPort, data: ProgramData, out_dir: Path | None) -> Path:
    """--out, else the setting «Папка документов» (relative to the book), else «Документы» beside the book."""
    if out_dir is not None:
        return Path(out_dir)
    base = book.path.parent if book.path is not None else Path.cwd()
    folder = clean(data.settings.get(k.SET_DOCS_FOLDER))
    if folder:
        path = Path(folder).expanduser()
        return path if path.is_absolute() else base / path
    return base / DEFAULT_FOLDER


def _book_dir(book: WorkbookPort) -> Path | None:
    return book.path.parent if book.path is not None else None


def write_documents(folder: Path, docs: Sequence[Rendered]) -> list[Path]:
    """Each document written atomically under a name no earlier file has: results never overwrite each other
    (a program the куратор has edited in Word stays as she left it)."""
    from mentorxl.documents.render import unique_names

    written: list[Path] = []
    for doc, name in zip(docs, unique_names(d.title for d in docs), strict=True):
        path = next_free(folder / name)
        write_atomically(path, partial(Path.write_bytes, data=doc.data))
        written.append(path)
    return written


def make_order(book: WorkbookPort, *, out_dir: Path | None, number: str | None, on: date | None,
               today: date) -> Outcome:
    """The order «О закреплении наставнических пар (групп)» for the approved pairs with no order yet;
    the pairs get «Номер приказа» and «Дата приказа»."""
    from mentorxl.documents.orders import pairs_order

    data = book.read(required=[k.PAIRS])
    pairs = c.pairs_to_order(data)
    if not pairs:
        done = sorted({p.order_number for p in data.pairs
                       if c.status_is(p, v.PAIR_APPROVED) and p.order_number})
        already = f" Утверждённые пары уже внесены в приказ № {', '.join(done)}." if done else ""
        raise NothingToDo(f"Нет утверждённых пар без приказа.{already}", APPROVE_FIRST)
    number = clean(number) or c.next_order_number(p.order_number for p in data.pairs)
    on = on or today
    doc = pairs_order(data, pairs, number=number, on=on, today=today, book_dir=_book_dir(book))
    folder = output_dir(book, data, out_dir)
    files = write_documents(folder, [doc])
    try:
        book.update_cells(k.PAIRS, [u for p in pairs for u in ((p.row, "order_number", number),
                                                                 (p.row, "order_date", on))])
        saved = book.save()
    except BaseException:  # the number could not be written: no order document may carry it
        for written in files:
            written.unlink(missing_ok=True)
        raise
    groups = sum(1 for p in pairs if p.is_group)
    counted = f"{len(pairs)}" + (f", из них групп — {groups}" if groups else "")
    message = (f"Приказ № {number} от {on:%d.%m.%Y} о закреплении наставнических пар (групп) готов: "
               f"пар и групп — {counted}. Номер и дата приказа записаны в «Пары».")
    note = lookalike_note([*_pair_names(pairs), *_settings_names(data)])
    message = _with_note(message, note)
    if saved:
        files.append(saved)
    lines = [f"№ {p.number}: {p.mentor} — {'; '.join(p.mentees)}" for p in pairs]
    payload: dict[str, object] = {"order": {"number": number, "date": on.isoformat(),
                                            "pairs": [p.number for p in pairs], "file": str(files[0])}}
    if note:
        payload["warnings"] = [note]
    return Outcome(message, files=files, data=payload, open_files=True, lines=lines)


def _programs(data: ProgramData, today: date, book_dir: Path | None) -> tuple[list[Rendered], str]:
    from mentorxl.documents.programs import programs

    if not c.pairs_in_force(data):
        raise NothingToDo(f"Нет пар со статусом «{v.PAIR_APPROVED}» или «{v.PAIR_ACTIVE}»: "
                          "программы писать не для кого.", APPROVE_FIRST)
    docs = programs(data, today=today, book_dir=book_dir)
    return docs, f"Персонализированные программы наставничества: {len(docs)}."


def _agreements(data: ProgramData, today: date, book_dir: Path | None) -> tuple[list[Rendered], str]:
    from mentorxl.documents.programs import agreements

    if not c.pairs_in_force(data):
        raise NothingToDo(f"Нет пар со статусом «{v.PAIR_APPROVED}» или «{v.PAIR_ACTIVE}»: "
                          "дополнительные соглашения писать не с кем.", APPROVE_FIRST)
    docs = agreements(data, today=today, book_dir=book_dir)
    return docs, f"Дополнительные соглашения к трудовым договорам наставников (ТК РФ ст. 351.8): {len(docs)}."


def _consents(data: ProgramData, today: date, book_dir: Path | None) -> tuple[list[Rendered], str]:
    from mentorxl.documents.programs import consents

    if not c.people_missing_consent(data):
        raise NothingToDo("У всех наставников и наставляемых заполнена дата согласия на обработку ПДн.",
                          "Бланк согласия печатается для тех, у кого пуст столбец "
                          "«Согласие на обработку ПДн».")
    docs = consents(data, today=today, book_dir=book_dir)
    return docs, (f"Бланки согласия на обработку персональных данных: {len(docs)}. Когда человек подпишет "
                  "согласие, впишите дату в столбец «Согласие на обработку ПДн».")


def _reward(data: ProgramData, today: date, book_dir: Path | None) -> tuple[list[Rendered], str]:
    from mentorxl.documents.orders import reward_order

    rewarded = [m for m in data.mentors if m.name and m.reward]
    if not rewarded:
        raise NothingToDo("Ни у одного наставника не заполнен столбец «Поощрение».",
                          "Выберите в столбце «Поощрение» листа «Наставники» благодарность, почётную грамоту "
                          "или премию и нажмите кнопку снова.")
    doc = reward_order(data, today=today, book_dir=book_dir)
    return [doc], f"Приказ о поощрении наставников: поощряемых — {len(rewarded)}."


MAKERS: dict[str, Callable[[ProgramData, date, Path | None], tuple[list[Rendered], str]]] = {
    "programs": _programs, "agreements": _agreements, "consents": _consents, "reward": _reward,
}
PRINTED: dict[str, Callable[[ProgramData], list[str]]] = {  # the names each kind of document prints
    "programs": lambda data: [*_pair_names(c.pairs_in_force(data)), *_settings_names(data)],
    "agreements": lambda data: [*_pair_names(c.pairs_in_force(data)), *_settings_names(data)],
    "consents": lambda data: [who.name for who, _ in c.people_missing_consent(data)],
    "reward": lambda data: [*(m.name for m in data.mentors if m.reward), *_settings_names(data)],
}


def make_documents(book: WorkbookPort, *, kind: str, out_dir: Path | None, today: date) -> Outcome:
    """kind: programs | agreements | consents | reward. Nothing in the book changes."""
    if kind not in MAKERS:
        raise MentorXLError(f"Неизвестный вид документов «{kind}».", f"Выберите один из: {', '.join(KINDS)}.")
    data = book.read()
    docs, summary = MAKERS[kind](data, today, _book_dir(book))
    folder = output_dir(book, data, out_dir)
    if SUBFOLDERS[kind]:
        folder = folder / SUBFOLDERS[kind]
    files = write_documents(folder, docs)
    note = lookalike_note(PRINTED[kind](data))
    payload: dict[str, object] = {"kind": kind, "files": [str(f) for f in files]}
    if note:
        payload["warnings"] = [note]
    return Outcome(_with_note(f"{summary} Папка: {folder}", note), files=files, data=payload,
                   open_files=kind == "reward", lines=[f.name for f in files])
