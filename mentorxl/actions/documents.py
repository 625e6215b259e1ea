"""«Сформировать приказ» and the other documents in Word: programs, agreements, consents, the reward order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import partial
from pathlib import Path

from mentorxl.actions.base import Outcome
from mentorxl.actions.output import output_dir, take_back
from mentorxl.actions.register import order_number, record
from mentorxl.book.files import next_free, write_atomically
from mentorxl.book.port import WorkbookPort
from mentorxl.core import contract as k
from mentorxl.core import orders
from mentorxl.core import paperwork as w
from mentorxl.core import vocabulary as v
from mentorxl.core.dates import add_months
from mentorxl.core.models import Pair
from mentorxl.core.problems import problem
from mentorxl.core.program import ProgramData
from mentorxl.core.readiness import Readiness, listing, moved_starts, readiness
from mentorxl.core.text import clean, hidden_latin
from mentorxl.documents.orders import Rendered
from mentorxl.errors import MentorXLError, NothingToDo, NotReady

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


def gate(data: ProgramData, kind: str, *, today: date, again: bool = False,
         pairs: Iterable[Pair] | None = None) -> Readiness:
    """The readiness gate (core/readiness.py): errors in what the document prints stop it with their list;
    `pairs`: the pairs the document lists, when the action chose them."""
    ready = readiness(data, kind, today=today, again=again, pairs=pairs)
    if not ready.ready:
        found = listing(ready.errors)
        raise NotReady(
            f"{ready.title}: документ не составлен — в данных, которые в него попадут, есть ошибки "
            f"({len(found)}):\n" + "\n".join(f"• {line}" for line in found),
            "Исправьте перечисленные ячейки (кнопка «Проверить данные» покажет их) и повторите.")
    return ready


def warn_of(payload: dict[str, object], lines: list[str], ready: Readiness, *more: str) -> None:
    """Warnings of the gate go under the message and into the JSON; they do not stop the document."""
    notes = [*(f"Предупреждение: {line}" for line in listing(ready.warnings)), *(m for m in more if m)]
    lines.extend(notes)
    if notes:
        payload["warnings"] = notes


def _settings_names(data: ProgramData) -> list[str]:
    return [clean(data.settings.get(key)) for key in (k.SET_HEAD, k.SET_CURATOR)]


def _pair_names(pairs: Iterable[Pair]) -> list[str]:
    return [name for p in pairs for name in (p.mentor, *p.mentees)]


def _with_note(message: str, note: str) -> str:
    return f"{message}\n{note}" if note else message


def _book_dir(book: WorkbookPort) -> Path | None:
    return book.path.parent if book.path is not None else None


def write_documents(folder: Path, docs: Sequence[Rendered]) -> list[Path]:
    """Each document written atomically under a name no earlier file has: results never overwrite each other
    (a program the куратор has edited in Word stays as she left it)."""
    from mentorxl.documents.render import unique_names

    made = [p for p in (folder, *folder.parents) if not p.exists()]  # deepest first
    written: list[Path] = []
    try:
        for doc, name in zip(docs, unique_names(d.title for d in docs), strict=True):
            path = next_free(folder / name)
            write_atomically(path, partial(Path.write_bytes, data=doc.data))
            written.append(path)
    except BaseException:  # a full disk halfway: no half batch, no empty folder is left
        take_back(written, made)
        raise
    return written


def make_order(book: WorkbookPort, *, out_dir: Path | None, number: str | None, on: date | None,
               today: date) -> Outcome:
    """The order «О закреплении наставнических пар (групп)» for the approved pairs with no order yet;
    the pairs get «Номер приказа» and «Дата приказа»."""
    from mentorxl.documents.orders import pairs_order

    data = book.read(required=[k.PAIRS])
    pairs = w.pairs_to_order(data)
    if not pairs:
        done = orders.orders_of(p for p in data.pairs if p.in_force)
        already = f" Утверждённые пары уже внесены в приказ № {', '.join(done)}." if done else ""
        raise NothingToDo(f"Нет утверждённых пар без приказа.{already}", APPROVE_FIRST)
    ready = gate(data, "order", today=today)
    number = order_number(data, number)
    on = on or today
    moved = moved_starts(data, pairs, on)
    earlier = {id(p): p.start or data.settings.start_date for p, _ in moved}
    ends: list[tuple[int, str, object]] = []
    for pair, start in moved:  # no term begins before the order that fixes it
        pair.start = start
        if pair.end is not None and pair.end <= start:  # an end the move left behind: a full term from the start
            pair.end = add_months(start, data.settings.term_months)
            ends.append((pair.row, "end", pair.end))
    doc = pairs_order(data, pairs, number=number, on=on, today=today, book_dir=_book_dir(book))
    folder = output_dir(book, data, out_dir)
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    files = write_documents(folder, [doc])
    try:
        book.update_cells(k.PAIRS, [u for p in pairs for u in ((p.row, "order_number", number),
                                                                 (p.row, "order_date", on))]
                          + [(p.row, "start", start) for p, start in moved] + ends)
        record(book, [(number, on, orders.KIND_PAIRS, [p.number for p in pairs], files[0])])
        saved = book.save()
    except BaseException:  # the number could not be written: no order document may carry it
        take_back(files, made)
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
    shifted = [problem("start_moved", k.PAIRS.name, p.row, k.PAIRS.column("start").header,
                       f"{earlier[id(p)] or on:%d.%m.%Y}", number=p.number, on=f"{on:%d.%m.%Y}")
               for p, _ in moved]
    warn_of(payload, lines, Readiness("order", [], [*ready.warnings, *shifted]), note)
    return Outcome(message, files=files, data=payload, open_files=True, lines=lines)


def _programs(data: ProgramData, today: date, book_dir: Path | None, again: bool) -> tuple[list[Rendered], str]:
    from mentorxl.documents.programs import programs

    if not w.pairs_in_force(data):
        raise NothingToDo(f"Нет пар со статусом «{v.PAIR_APPROVED}» или «{v.PAIR_ACTIVE}»: "
                          "программы писать не для кого.", APPROVE_FIRST)
    docs = programs(data, today=today, book_dir=book_dir)
    return docs, f"Персонализированные программы наставничества: {len(docs)}."


def _agreements(data: ProgramData, today: date, book_dir: Path | None, again: bool) -> tuple[list[Rendered], str]:
    from mentorxl.documents.programs import agreements

    if not w.pairs_in_force(data):
        raise NothingToDo(f"Нет пар со статусом «{v.PAIR_APPROVED}» или «{v.PAIR_ACTIVE}»: "
                          "дополнительные соглашения писать не с кем.", APPROVE_FIRST)
    pairs = w.pairs_for_agreements(data, again=again)
    if not pairs:
        raise NothingToDo("Со всеми наставниками пар в силе соглашения уже составлены: в «Пары» заполнен "
                          f"столбец «{k.PAIRS.column('agreement_date').header}».",
                          "Чтобы напечатать соглашение ещё раз (например, взамен утерянного), очистите дату "
                          "в этом столбце или повторите команду с ключом --again.")
    docs = agreements(data, today=today, book_dir=book_dir, pairs=pairs)
    return docs, f"Дополнительные соглашения к трудовым договорам наставников (ТК РФ ст. 351.8): {len(docs)}."


def _consents(data: ProgramData, today: date, book_dir: Path | None, again: bool) -> tuple[list[Rendered], str]:
    from mentorxl.documents.programs import consents

    if not w.people_missing_consent(data, again=again):
        issued = w.people_missing_consent(data, again=True)
        raise NothingToDo("Бланки согласия печатать некому: " + (
            f"у {len(issued)} чел. без даты согласия бланк уже выдан (столбец «Бланк согласия выдан»)."
            if issued else "у всех наставников и наставляемых заполнена дата согласия на обработку ПДн."),
                          "Бланк печатается для тех, у кого пуст столбец «Согласие на обработку ПДн» и ещё не "
                          "заполнен «Бланк согласия выдан»; чтобы напечатать его снова, очистите эту дату или "
                          "повторите команду с ключом --again.")
    docs = consents(data, today=today, book_dir=book_dir, again=again)
    return docs, (f"Бланки согласия на обработку персональных данных: {len(docs)}. Когда человек подпишет "
                  "согласие, впишите дату в столбец «Согласие на обработку ПДн».")


def _reward(data: ProgramData, today: date, book_dir: Path | None, again: bool, *,
            number: str = "") -> tuple[list[Rendered], str]:
    from mentorxl.documents.orders import reward_order

    rewarded = w.rewarded_mentors(data)
    if not rewarded:
        raise NothingToDo("Ни у одного наставника не заполнен столбец «Поощрение».",
                          "Выберите в столбце «Поощрение» листа «Наставники» благодарность, почётную грамоту "
                          "или премию и нажмите кнопку снова.")
    number = number or order_number(data)
    doc = reward_order(data, today=today, book_dir=book_dir, number=number)
    return [doc], f"Приказ № {number} о поощрении наставников: поощряемых — {len(rewarded)}."


MAKERS: dict[str, Callable[[ProgramData, date, Path | None, bool], tuple[list[Rendered], str]]] = {
    "programs": _programs, "agreements": _agreements, "consents": _consents, "reward": _reward,
}
PRINTED: dict[str, Callable[[ProgramData], list[str]]] = {  # the names each kind of document prints
    "programs": lambda data: [*_pair_names(w.pairs_in_force(data)), *_settings_names(data)],
    "agreements": lambda data: [*_pair_names(w.pairs_in_force(data)), *_settings_names(data)],
    "consents": lambda data: [who.name for who, _ in w.people_missing_consent(data, again=True)],
    "reward": lambda data: [*(m.name for m in data.mentors if m.reward), *_settings_names(data)],
}


def _record(book: WorkbookPort, data: ProgramData, kind: str, today: date, again: bool) -> str:
    """What was issued goes into the book, when it has the column: «Дата доп. соглашения» of «Пары» for the
    agreements, «Бланк согласия выдан» of the banks for the consent forms. Returns a note when it cannot."""
    if kind == "agreements":
        targets = [(k.PAIRS, [p.row for p in w.pairs_for_agreements(data, again=again)], "agreement_date")]
    elif kind == "consents":
        mentors = {id(m) for m in data.mentors}
        people = [who for who, _ in w.people_missing_consent(data, again=again)]
        targets = [(k.MENTORS, [p.row for p in people if id(p) in mentors], "consent_form_on"),
                   (k.MENTEES, [p.row for p in people if id(p) not in mentors], "consent_form_on")]
    else:
        return ""
    missing = []
    for spec, rows, key in targets:
        table = data.tables.get(spec.key)
        if not rows:
            continue
        if table is None or key not in table.columns:
            missing.append(f"«{spec.column(key).header}» на лист «{spec.name}»")
            continue
        book.update_cells(spec, [(row, key, today) for row in rows if row])
    if missing:
        return ("Чтобы книга помнила, что уже выдано, добавьте столбец " + " и ".join(missing)
                + ": тогда повторный запуск не напечатает те же документы ещё раз.")
    return ""


def make_documents(book: WorkbookPort, *, kind: str, out_dir: Path | None, today: date,
                   again: bool = False, number: str | None = None) -> Outcome:
    """kind: programs | agreements | consents | reward. The readiness gate first; agreements and consent forms
    are recorded in the book (their date), so they are not issued twice by accident (`again` reissues); the
    reward order takes the next free number (or `number`, when free) and its row of «Приказы»."""
    if kind not in MAKERS:
        raise MentorXLError(f"Неизвестный вид документов «{kind}».", f"Выберите один из: {', '.join(KINDS)}.")
    data = book.read()
    ready = gate(data, kind, today=today, again=again)
    issued = order_number(data, number) if kind == "reward" else ""
    if issued:
        docs, summary = _reward(data, today, _book_dir(book), again, number=issued)
    else:
        docs, summary = MAKERS[kind](data, today, _book_dir(book), again)
    folder = output_dir(book, data, out_dir)
    if SUBFOLDERS[kind]:
        folder = folder / SUBFOLDERS[kind]
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    files = write_documents(folder, docs)
    try:
        recorded = _record(book, data, kind, today, again)
        if issued:
            record(book, [(issued, today, orders.KIND_REWARD, [], files[0])])
        saved = book.save() if kind in ("agreements", "consents", "reward") else None
    except BaseException:  # the date of issue or the number could not be recorded: the documents are not issued
        take_back(files, made)
        raise
    if saved:
        summary += " Номер приказа записан на лист «Приказы»." if issued else " Дата выдачи записана в книгу."
    note = lookalike_note(PRINTED[kind](data))
    payload: dict[str, object] = {"kind": kind, "files": [str(f) for f in files]}
    lines = [f.name for f in files]
    warn_of(payload, lines, ready, note, recorded)
    if saved:
        files.append(saved)
    return Outcome(f"{summary} Папка: {folder}", files=files, data=payload,
                   open_files=kind == "reward", lines=lines)
