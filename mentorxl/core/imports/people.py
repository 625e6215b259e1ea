"""People into a bank: free-text requests and competences as tags, new and known persons."""

from __future__ import annotations

from mentorxl.core import vocabulary as v
from mentorxl.core.imports.aliases import MENTEES
from mentorxl.core.imports.planner import _filled, _near, _Planner, _Record, _same, _shown
from mentorxl.core.imports.values import _text
from mentorxl.core.models import Person
from mentorxl.core.text import hidden_latin, person_key


def _plan_people(p: _Planner, records: list[_Record]) -> None:
    spec = p.plan.spec
    bank: list[Person] = list(p.data.mentees if p.kind == MENTEES else p.data.mentors)
    known = {person_key(x.name): x for x in bank if x.name}
    columns = [c for c in spec.columns if c.key != "name"]
    for r in p.latest(records):
        name = _text(r.values["name"])
        name_header = p.header_of("name")
        p.check_text(r, "name", name)
        if letters := hidden_latin(name):
            p.report("latin_in_name", r.line, name_header, name, letters=letters)
        key = person_key(name)
        person = known.get(key)
        if person is None and (near := _near(key, known)) is not None:
            p.report("import_near_name", r.line, name_header, name, known=near.name, bank=spec.name,
                     known_row=near.row)
            p.plan.skipped += 1
            continue
        values: dict[str, object] = {}
        leftovers: list[str] = []
        for column in columns:
            if column.key in r.values:
                value, left = p.convert(r, column, r.values[column.key])
                leftovers += left
                if value is not None:
                    values[column.key] = value
        if leftovers:
            note = "Из анкеты, без тега: " + "; ".join(leftovers)
            values["comment"] = f"{values['comment']}. {note}" if values.get("comment") else note
        if person is None:
            _new_person(p, name, values)
        else:
            _update_person(p, person, values)


def _new_person(p: _Planner, name: str, values: dict[str, object]) -> None:
    row: dict[str, object] = {"name": name, **values}
    if "status" not in row:
        if p.kind == MENTEES:
            row["status"] = v.MENTEE_WAITING
        else:
            row["status"] = v.MENTOR_ACTIVE if row.get("consent_mentoring") else v.MENTOR_NOT_READY
    p.plan.new_rows.append(row)


def _update_person(p: _Planner, person: Person, values: dict[str, object]) -> None:
    p.plan.matched += 1
    spec = p.plan.spec
    for key, value in values.items():
        column = spec.column(key)
        old = getattr(person, key, None)
        if _filled(old) and _same(old, value, column, p.data.tags):
            continue
        if _filled(old) and not p.overwrite:
            if key != "comment":
                p.report("import_kept", person.row, column.header, _shown(value), sheet=spec.name,
                         person=person.name, old=_shown(old))
            continue
        p.plan.updates.append((person.row, key, value))
