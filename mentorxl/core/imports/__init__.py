"""Importing an online-form export (Yandex Forms, Google Forms) into a bank or into «Анкеты»: pure planning.

Mapping. Every export header is compared with the contract columns of the target sheet and their known
aliases («Отметка времени» / «Timestamp» / «Время создания» -> the timestamp, «Фамилия, имя, отчество»
-> ФИО, «Ваши профессиональные затруднения» -> Запросы…): first exactly (as `header_key`), then by
rapidfuzz similarity of the words and of their six-letter stems (Russian word forms), a little less for each
word the header has beyond the alias. A candidate must also fit the column's values (a name column holds
names, a role column roles…). The best pairs win, one header per column. A mapping saved in the workbook
(«Настройки», parameter «Сопоставление импорта: <kind>», JSON {header: target}) wins over the guess.
Targets: a contract column key, `timestamp`, `surname` / `first_name` / `patronymic` (put together into
ФИО), `skip`, and for surveys `question:<header on «Анкеты»>`.

Plan. People are matched by name (`person_key`: case, spaces, ё/е and Latin look-alikes ignored): a known
person gets the cells the export fills, but a filled cell keeps its value unless `overwrite`; a new person is
a new row; a name that is only similar to a known one («Иванова Марья Петровна» beside «Иванова Мария
Петровна») is reported and NOT loaded, so nobody is silently entered twice. A person who answered twice is
loaded once, from the latest answer. Free-text requests and competences become dictionary tags (the whole
fragment, then every run of its words, then a fuzzy look at the tag names); the fragments left over are
reported and kept in «Комментарий». Survey answers become one row per questionnaire; answers already in the
book (same person, questionnaire and date) are not loaded twice. A text beginning with = + - @ stays a plain
string: the workbook writers store strings as text, never as formulas.


Modules, one job each: `aliases` (known header aliases and the guessed mapping), `values` (reading the cells:
timestamps, answers, free text into tags), `planner` (the plan and what the people and survey imports share),
`people`, `surveys`, `plan` (`plan_import`), `roadmap` (a school's roadmap table from Word).
"""

from mentorxl.core.imports.aliases import (
    ALIASES,
    FIRST_NAME,
    IMPORT_KINDS,
    KIND_LABEL,
    MENTEES,
    MENTORS,
    PATRONYMIC,
    QUESTION,
    SKIP,
    SPEC_OF,
    SURNAME,
    SURVEY,
    THRESHOLD,
    TIMESTAMP,
    Export,
    map_headers,
    mapping_parameter,
    similarity,
    unique_headers,
)
from mentorxl.core.imports.plan import plan_import
from mentorxl.core.imports.planner import ImportPlan
from mentorxl.core.imports.values import answer_value, is_empty, parse_timestamp, text_to_tags

__all__ = [
    "ALIASES", "FIRST_NAME", "IMPORT_KINDS", "KIND_LABEL", "MENTEES", "MENTORS", "PATRONYMIC", "QUESTION", "SKIP",
    "SPEC_OF", "SURNAME", "SURVEY", "THRESHOLD", "TIMESTAMP", "Export", "ImportPlan", "answer_value", "is_empty",
    "map_headers", "mapping_parameter", "parse_timestamp", "plan_import", "similarity", "text_to_tags",
    "unique_headers",
]
