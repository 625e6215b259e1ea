"""`plan_import`: what importing an export as mentees, mentors or survey answers would change."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from mentorxl.core.imports.aliases import (
    ALIASES,
    FIRST_NAME,
    IMPORT_KINDS,
    SKIP,
    SPEC_OF,
    SURNAME,
    SURVEY,
    THRESHOLD,
    Export,
    map_headers,
    mapping_parameter,
    similarity,
)
from mentorxl.core.imports.people import _plan_people
from mentorxl.core.imports.planner import ImportPlan, _Planner, _records
from mentorxl.core.imports.surveys import _plan_survey, _questions
from mentorxl.core.program import ProgramData
from mentorxl.errors import ColumnMissing


def plan_import(export: Export, kind: str, data: ProgramData, *, overwrite: bool = False,
                saved: Mapping[str, str] | None = None, today: date | None = None) -> ImportPlan:
    """What importing `export` as `kind` would change in the book (rules in the module docstring).
    Raises ColumnMissing when no column of the export holds the name."""
    if kind not in IMPORT_KINDS:
        raise ValueError(kind)
    mapping = map_headers(export, kind, saved=saved, questions=_questions(data))
    targets = set(mapping.values())
    name_target = "respondent" if kind == SURVEY else "name"
    if name_target not in targets and not {SURNAME, FIRST_NAME} <= targets:
        raise ColumnMissing(
            f"В выгрузке «{export.name}» не найден столбец с ФИО.",
            "Назовите столбец «ФИО» (или «Фамилия», «Имя», «Отчество») и загрузите снова, либо укажите его в "
            f"«Настройках», параметр «{mapping_parameter(kind)}».")
    planner = _Planner(export, kind, data, mapping, overwrite=overwrite, today=today or date.today())
    ignored = ALIASES[kind].get(SKIP, ())
    for header, target in mapping.items():
        if target == SKIP and not any(similarity(header, a) >= THRESHOLD for a in ignored):
            planner.report("import_unmapped_column", None, header, header, target=SPEC_OF[kind].name,
                           param=mapping_parameter(kind))
    records = _records(export, mapping)
    if kind == SURVEY:
        _plan_survey(planner, records)
    else:
        _plan_people(planner, records)
    return planner.plan
