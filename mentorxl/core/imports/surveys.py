"""Survey answers into «Анкеты»: one row per questionnaire, roles, pairs, the questionnaire guessed."""

from __future__ import annotations

from datetime import date

from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.dates import parse_date
from mentorxl.core.imports.aliases import QUESTION
from mentorxl.core.imports.planner import _near, _Planner, _Record
from mentorxl.core.imports.values import _role, _survey_kind, _text, answer_value, parse_timestamp
from mentorxl.core.program import ProgramData
from mentorxl.core.text import header_key, person_key


def _guess_survey(p: _Planner, records: list[_Record]) -> tuple[str, str]:
    """The questionnaire of an export without an «Анкета» column: from the file name, else from the month."""
    if kind := _survey_kind(p.export.name):
        return kind, f"названию файла «{p.export.name}»"
    months = [r.when.month for r in records if r.when]
    month = max(set(months), key=months.count) if months else p.today.month
    if month in (9, 10, 11):
        return v.SURVEY_ENTRY, "месяцу заполнения (сентябрь – ноябрь)"
    if month in (12, 1, 2, 3):
        return v.SURVEY_MIDDLE, "месяцу заполнения (декабрь – март)"
    return v.SURVEY_FINAL, "месяцу заполнения (апрель – август)"


def _pairs_of(data: ProgramData) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Mentee key -> pair number, mentor key -> pair numbers, over pairs in force (else all pairs)."""
    mentees: dict[str, str] = {}
    mentors: dict[str, list[str]] = {}
    for pair in sorted(data.pairs, key=lambda x: x.in_force):
        for name in pair.mentees:
            mentees[person_key(name)] = pair.number
        mentors.setdefault(person_key(pair.mentor), [])
        if pair.in_force:
            mentors[person_key(pair.mentor)].append(pair.number)
    return mentees, mentors


def _plan_survey(p: _Planner, records: list[_Record]) -> None:
    data = p.data
    mentees = {person_key(x.name): x for x in data.mentees if x.name}
    mentors = {person_key(x.name): x for x in data.mentors if x.name}
    curator = person_key(data.settings.get(k.SET_CURATOR))
    mentee_pair, mentor_pairs = _pairs_of(data)
    have = {(person_key(s.respondent), header_key(s.survey), s.date) for s in data.surveys}
    guessed: tuple[str, str] | None = None
    if "survey" not in p.plan.mapping.values():
        guessed = _guess_survey(p, records)
        p.report("import_survey_guessed", None, None, "", survey=guessed[0], why=guessed[1])
    known_questions = set(_questions(data))
    for target in p.plan.mapping.values():
        question = target[len(QUESTION):]
        if target.startswith(QUESTION) and question not in known_questions | set(p.plan.new_questions):
            p.plan.new_questions.append(question)
    name_header = p.header_of("name")
    for r in records:
        name = _text(r.values.get("name"))
        if not name:
            p.report("import_name_empty", r.line)
            p.plan.skipped += 1
            continue
        key = person_key(name)
        person = mentors.get(key) or mentees.get(key)
        if person is not None:
            name = person.name
        elif key != curator:
            near = _near(key, {**mentees, **mentors})
            p.report("import_unknown_respondent", r.line, name_header, name,
                     nearest=f" Похоже на «{near.name}»." if near else "")
        role = _role(r.values["role"]) if "role" in r.values else None
        role = role or (v.ROLE_MENTOR if key in mentors else v.ROLE_MENTEE if key in mentees
                        else v.ROLE_CURATOR if key == curator else None)
        if role is None:
            p.report("import_role_unknown", r.line, p.header_of("role"), name)
        survey = (_survey_kind(r.values["survey"]) if "survey" in r.values else None) or \
            (guessed[0] if guessed else _text(r.values.get("survey")))
        day = _survey_date(r)
        if (key, header_key(survey), day) in have:
            p.plan.skipped += 1
            continue
        have.add((key, header_key(survey), day))
        pair = _text(r.values.get("pair")) or mentee_pair.get(key, "") or \
            (mentor_pairs[key][0] if len(mentor_pairs.get(key, [])) == 1 else "")
        row: dict[str, object] = {"date": day, "respondent": name, "role": role, "pair": pair or None,
                                  "survey": survey}  # None: the cell stays empty, not an empty string
        for target, raw in r.values.items():
            if target.startswith(QUESTION) and (answer := answer_value(raw)) is not None:
                p.check_text(r, target, answer)
                row[target[len(QUESTION):]] = answer
        p.plan.new_rows.append(row)
        p.plan.matched += person is not None


def _survey_date(r: _Record) -> date | None:
    if "date" in r.values:
        day = parse_date(r.values["date"])
        if day is None and (stamp := parse_timestamp(r.values["date"])):
            day = stamp.date()
        if day is not None:
            return day
    return r.when.date() if r.when else None


def _questions(data: ProgramData) -> list[str]:
    table = data.tables.get(k.SURVEYS.key)
    if table is not None and table.found:
        return list(table.extra)
    return list(dict.fromkeys(q for s in data.surveys for q in s.answers))
