"""The municipal network (issue 14): `mentorxl network FOLDER --out FILE` and
`mentorxl import BOOK FILE --as suggestions`."""

from __future__ import annotations

from pathlib import Path

from mentorxl.actions.base import Outcome
from mentorxl.book.port import WorkbookPort
from mentorxl.core import contract as k
from mentorxl.core.models import Suggestion
from mentorxl.core.text import person_key


def network_suggestions(folder: Path, *, out: Path) -> Outcome:
    """Read every school's book, build the bank of mentors who agreed and suggest network mentors."""
    from mentorxl.book.consolidate import organisations_books
    from mentorxl.book.network_file import BANK_SHEET, gather_all, write_network
    from mentorxl.core.network import network, one_per_organisation

    folder, out = Path(folder), Path(out)
    files = organisations_books(folder, out, result="Сетевой подбор")
    read, failures = gather_all(files, folder)
    offers, older = one_per_organisation(read)
    net = network(offers)
    try:
        write_network(out, net, failures)
    except OSError as error:  # a folder that cannot be made, a disk full: exit 2 with what to do
        from mentorxl.errors import from_os_error

        raise from_os_error(error) from error
    mentors = sum(len(o.mentors) for o in offers)
    mentees = sum(len(o.mentees) for o in offers)
    message = (f"Сетевой подбор готов: «{out.name}». Организаций — {len(offers)}, в банке наставников "
               f"(«{BANK_SHEET}») — {mentors}, наставляемых без наставника в своей организации — {mentees}, "
               f"предложено наставников — {len(net.suggestions)}, из них в том же населённом пункте — "
               f"{net.stats['same_place']}.")
    if failures:
        message += f" Файлов не прочитано — {len(failures)}."
    if older:
        message += (f" Не учтено книг — {len(older)}: у их организаций есть книга более позднего учебного года или "
                    "сохранённая позже (см. ниже).")
    schools = sum(1 for i in range(len(offers)) if any(net.of_school(i)))
    message += (f" Листов организаций — {schools}: каждая загружает свой командой "
                "mentorxl import КНИГА ФАЙЛ --as suggestions.")
    return Outcome(
        message, files=[out], exit_code=0 if offers else 1, open_files=True,
        data={"file": str(out), "stats": net.stats, "failures": [{"file": f.file, "reason": f.reason}
                                                                 for f in failures],
              "not_used": [{"file": o.school.file, "used": used.school.file} for o, used in older]},
        lines=[f"Не прочитан «{f.file}»: {f.reason}" for f in failures]
        + [f"Не учтена «{o.school.file}» ({o.school.organisation}): вместо неё — «{used.school.file}»"
           for o, used in older],
    )


def _row(s: Suggestion) -> dict[str, object]:
    return {c.key: getattr(s, c.key) for c in k.SUGGESTIONS.columns}


def import_suggestions(book: WorkbookPort, file: Path) -> Outcome:
    """This school's network suggestions into «Подбор», beside its own ones; earlier network rows are replaced
    (a decision typed on one of them is kept when the same pair comes again)."""
    from mentorxl.book.network_file import read_school_suggestions

    data = book.read(required=[k.SETTINGS, k.MENTEES])
    s = data.settings
    sheet, found = read_school_suggestions(Path(file), inn=s.get(k.SET_ORG_INN), full_name=s.get(k.SET_ORG_FULL),
                                           short_name=s.get(k.SET_ORG_SHORT))
    bank = {person_key(m.name) for m in data.mentees}
    earlier = {(person_key(x.mentee), person_key(x.mentor)): x.decision for x in data.suggestions if x.mentor_org}
    own = [x for x in data.suggestions if not x.mentor_org]
    taken = [x for x in found if person_key(x.mentee) in bank]
    strangers = [x.mentee for x in found if person_key(x.mentee) not in bank]
    for x in taken:
        x.decision = earlier.get((person_key(x.mentee), person_key(x.mentor)), x.decision)
    book.replace_rows(k.SUGGESTIONS, [_row(x) for x in [*own, *taken]])
    saved = book.save()
    offered = [x for x in taken if x.mentor]
    message = (f"Сетевой подбор загружен с листа «{sheet}»: предложено наставников из других организаций — "
               f"{len(offered)}, без наставника и по сети — {len(taken) - len(offered)}. Отметьте «Утвердить» "
               "на листе «Подбор» и нажмите «Утвердить пары»: в приказ пара войдёт с организацией наставника.")
    if strangers:
        message += f" Не загружено (нет в банке наставляемых): {len(strangers)}."
    return Outcome(message, files=[saved] if saved else [], exit_code=0 if taken else 1,
                   data={"sheet": sheet, "suggested": len(offered), "unmatched": len(taken) - len(offered),
                         "not_in_bank": strangers},
                   lines=[f"{x.mentee} ← {x.mentor} ({x.mentor_org})" for x in offered]
                   + [f"Нет в банке наставляемых: {name}" for name in strangers])
