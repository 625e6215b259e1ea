"""Planning the import of online-form exports shaped like real Yandex Forms and Google Forms ones."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorxl.core import contract as k
from mentorxl.core.imports import (
    QUESTION,
    SKIP,
    TIMESTAMP,
    Export,
    map_headers,
    parse_timestamp,
    plan_import,
    similarity,
    text_to_tags,
    unique_headers,
)
from mentorxl.core.program import ProgramData
from mentorxl.core.tags import TagDictionary
from mentorxl.core.vocabulary import DEFAULT_TAGS
from mentorxl.errors import ColumnMissing
from tests.unit.validation_builder import book, mentee, mentor, program, with_sheet

TODAY = date(2025, 11, 20)
TAGS = TagDictionary(DEFAULT_TAGS)

GOOGLE_MENTEES = [
    "Отметка времени",
    "Адрес электронной почты",
    "Фамилия, имя, отчество (полностью)",
    "Ваша должность",
    "Какой предмет вы преподаёте?",
    "Педагогический стаж (полных лет)",
    "Вы являетесь",
    "Ваши профессиональные затруднения (перечислите через запятую)",
    "Согласие на обработку персональных данных",
    "Ваш любимый формат встреч",
]
YANDEX_SURVEY = [
    "ID",
    "Время создания",
    "ФИО",
    "Ваша роль в программе наставничества",
    "Насколько вы удовлетворены участием в программе наставничества? (1 — совсем нет, 10 — полностью)",
    "Оцените полезность встреч с наставником (от 1 до 10)",
    "Оцените роль наставника в вашем профессиональном росте",
    "Ваши пожелания",
]
QUESTIONS = ["Удовлетворённость программой наставничества", "Полезность встреч", "Пожелания"]


def export(headers: list[str], *rows: Sequence[object], name: str = "Анкета (ответы).csv") -> Export:
    return Export(name, unique_headers(headers), [(i + 2, list(r)) for i, r in enumerate(rows)])


def mentee_row(
    name: str,
    requests: str = "ИКТ, работа с родителями",
    when: str = "12.09.2025 10:15:33",
    consent: str = "Да, согласна",
) -> list[object]:
    return [
        when,
        "anna@example.ru",
        name,
        "учитель математики",
        "математика",
        "2",
        "молодой специалист",
        requests,
        consent,
        "очно",
    ]


def school(*mentees: dict[str, object], surveys: list[dict[str, object]] | None = None) -> ProgramData:
    sheets = book(
        mentees=list(mentees),
        mentors=[mentor("Кузнецова Ольга Ивановна")],
        pairs=[
            {
                "number": "3",
                "mentor": "Кузнецова Ольга Ивановна",
                "mentees": "Петрова Анна Сергеевна",
                "status": "Действует",
            }
        ],
    )
    with_sheet(sheets, k.SURVEYS, surveys or [], extra=QUESTIONS)
    return program(sheets)


# ---------------------------------------------------------------- mapping


def test_google_form_headers_map_to_the_columns_of_the_mentee_bank() -> None:
    mapping = map_headers(export(GOOGLE_MENTEES, mentee_row("Петрова Анна Сергеевна")), "mentees")
    assert mapping == {
        "Отметка времени": TIMESTAMP,
        "Адрес электронной почты": SKIP,
        "Фамилия, имя, отчество (полностью)": "name",
        "Ваша должность": "position",
        "Какой предмет вы преподаёте?": "subject",
        "Педагогический стаж (полных лет)": "experience",
        "Вы являетесь": "category",
        "Ваши профессиональные затруднения (перечислите через запятую)": "requests",
        "Согласие на обработку персональных данных": "consent_pd",
        "Ваш любимый формат встреч": SKIP,
    }


def test_long_survey_questions_meet_the_question_columns_already_on_the_sheet() -> None:
    row = ["1", "2026-05-20 10:00:00", "Петрова Анна Сергеевна", "Наставляемый", "8", "9", "7", "Всё хорошо"]
    mapping = map_headers(export(YANDEX_SURVEY, row), "survey", questions=QUESTIONS)
    assert mapping["Время создания"] == TIMESTAMP
    assert mapping["ФИО"] == "respondent"
    assert mapping["Ваша роль в программе наставничества"] == "role"
    assert mapping[YANDEX_SURVEY[4]] == QUESTION + "Удовлетворённость программой наставничества"
    assert mapping[YANDEX_SURVEY[5]] == QUESTION + "Полезность встреч"
    assert mapping["Ваши пожелания"] == QUESTION + "Пожелания"
    assert mapping["ID"] == SKIP


def test_a_question_sharing_one_word_with_a_column_stays_a_question() -> None:
    row = ["1", "2026-05-20", "Петрова Анна Сергеевна", "Наставляемый", "8", "9", "7", ""]
    mapping = map_headers(export(YANDEX_SURVEY, row), "survey", questions=QUESTIONS)
    assert mapping["Оцените роль наставника в вашем профессиональном росте"] == (
        QUESTION + "Оцените роль наставника в вашем профессиональном росте"
    )


def test_a_column_whose_values_do_not_fit_is_not_taken_for_the_name() -> None:
    rows = [["12.09.2025", "Анна", "учитель"], ["13.09.2025", "Олег", "учитель"]]
    mapping = map_headers(
        export(["Отметка времени", "Ваше имя и как к вам обращаться", "Должность"], *rows), "mentees"
    )
    assert "name" not in mapping.values()


def test_a_saved_mapping_wins_over_the_guess() -> None:
    e = export(
        ["Отметка времени", "ФИО", "Что вы преподаёте", "Какие у вас трудности"],
        ["12.09.2025", "Петрова Анна Сергеевна", "математика", "ИКТ"],
    )
    saved = {"что вы преподаёте": "subject", "КАКИЕ У ВАС ТРУДНОСТИ": "requests"}
    mapping = map_headers(e, "mentees", saved=saved)
    assert mapping["Что вы преподаёте"] == "subject" and mapping["Какие у вас трудности"] == "requests"


def test_separate_surname_name_and_patronymic_columns_make_one_name() -> None:
    e = export(
        ["Отметка времени", "Фамилия", "Имя", "Отчество", "Запросы"],
        ["12.09.2025 9:00:00", "Петрова", "Анна", "Сергеевна", "ИКТ"],
    )
    plan = plan_import(e, "mentees", school(), today=TODAY)
    assert [r["name"] for r in plan.new_rows] == ["Петрова Анна Сергеевна"]


def test_an_export_without_a_name_column_stops_with_a_clear_message() -> None:
    e = export(["Отметка времени", "Должность"], ["12.09.2025", "учитель"])
    with pytest.raises(ColumnMissing, match="не найден столбец с ФИО"):
        plan_import(e, "mentees", school(), today=TODAY)


@given(st.text(min_size=1, max_size=60).filter(lambda s: any(ch.isalpha() for ch in s)))
def test_a_header_is_exactly_similar_to_itself(header: str) -> None:
    assert similarity(header, header) == 101.0


# ---------------------------------------------------------------- people


def test_a_new_mentee_gets_dictionary_tags_the_consent_date_and_the_waiting_status() -> None:
    requests = (
        "Затрудняюсь в составлении рабочих программ по обновлённым ФГОС, нужна помощь с ИКТ и с родителями"
    )
    plan = plan_import(
        export(GOOGLE_MENTEES, mentee_row("Смирнова Елена Олеговна", requests)),
        "mentees",
        school(),
        today=TODAY,
    )
    assert plan.new_rows == [
        {
            "name": "Смирнова Елена Олеговна",
            "position": "учитель математики",
            "subject": "математика",
            "experience": 2,
            "category": "Молодой специалист",
            "requests": "ФГОС и рабочие программы; ИКТ и цифровые ресурсы; Работа с родителями",
            "consent_pd": date(2025, 9, 12),
            "status": "Ожидает пары",
        }
    ]
    assert [p.code for p in plan.problems] == ["import_unmapped_column"]
    assert plan.problems[0].value == "Ваш любимый формат встреч"


def test_requests_no_tag_covers_are_reported_and_kept_in_the_comment() -> None:
    plan = plan_import(
        export(
            GOOGLE_MENTEES,
            mentee_row("Смирнова Елена Олеговна", "функцианальная грамотнсть; боюсь публичных выступлений"),
        ),
        "mentees",
        school(),
        today=TODAY,
    )
    row = plan.new_rows[0]
    assert row["requests"] == "Функциональная грамотность"
    assert row["comment"] == "Из анкеты, без тега: боюсь публичных выступлений"
    unknown = [p for p in plan.problems if p.code == "import_tag_unknown"]
    assert [(p.sheet, p.row, p.value) for p in unknown] == [
        ("Анкета (ответы).csv", 2, "боюсь публичных выступлений")
    ]


@pytest.mark.parametrize(
    ("typed", "nearest"),
    [
        ("Работа с радителями", "Работа с родителями"),
        ("проэктная деятельность", "Проектная деятельность"),
        ("оформление портфолио", "Подготовка к аттестации"),
        ("танцы", None),
        ("конфликты с коллегами", None),
        ("вязание", None),
    ],
)
def test_the_similar_tag_named_in_a_hint_is_a_typo_or_a_synonym_inside_never_a_few_shared_letters(
    typed: str, nearest: str | None
) -> None:
    assert TAGS.nearest(typed) == nearest


@pytest.mark.parametrize("fragment", ["танцы", "и ещё танцы", "конфликты с коллегами"])
def test_an_untagged_request_unlike_every_tag_gets_no_similar_tag_in_its_warning(fragment: str) -> None:
    plan = plan_import(
        export(GOOGLE_MENTEES, mentee_row("Смирнова Елена Олеговна", fragment)), "mentees", school(), today=TODAY
    )
    [unknown] = [p for p in plan.problems if p.code == "import_tag_unknown"]
    assert unknown.value == fragment and "Похожий тег" not in unknown.message


def test_a_near_miss_of_a_known_name_is_reported_and_never_added() -> None:
    data = school(mentee("Петрова Анна Сергеевна", consent=None))
    plan = plan_import(
        export(GOOGLE_MENTEES, mentee_row("Петрова Анна Сергевна")), "mentees", data, today=TODAY
    )
    assert plan.new_rows == [] and plan.updates == [] and plan.skipped == 1
    near = [p for p in plan.problems if p.code == "import_near_name"]
    assert len(near) == 1
    assert "«Петрова Анна Сергевна» похоже на «Петрова Анна Сергеевна»" in near[0].message
    assert "строка 2" in near[0].message


def test_a_known_person_gets_only_the_empty_cells_filled() -> None:
    data = school(
        mentee("Петрова Анна Сергеевна", requests="Методика урока", consent=None, position="учитель")
    )
    plan = plan_import(
        export(GOOGLE_MENTEES, mentee_row("  петрова анна  сергеевна ")), "mentees", data, today=TODAY
    )
    assert plan.new_rows == []
    updates = {key: value for _, key, value in plan.updates}
    assert updates["consent_pd"] == date(2025, 9, 12) and updates["subject"] == "математика"
    assert "requests" not in updates and "position" not in updates
    kept = sorted(p.column or "" for p in plan.problems if p.code == "import_kept")
    assert kept == ["Должность", "Запросы"]
    assert {p.sheet for p in plan.problems if p.code == "import_kept"} == {"Наставляемые"}


def test_with_overwrite_a_known_persons_filled_cells_are_replaced() -> None:
    data = school(mentee("Петрова Анна Сергеевна", requests="Методика урока", position="учитель"))
    plan = plan_import(
        export(GOOGLE_MENTEES, mentee_row("Петрова Анна Сергеевна")),
        "mentees",
        data,
        overwrite=True,
        today=TODAY,
    )
    updates = {key: value for _, key, value in plan.updates}
    assert updates["requests"] == "ИКТ и цифровые ресурсы; Работа с родителями"
    assert updates["position"] == "учитель математики"
    assert not [p for p in plan.problems if p.code == "import_kept"]


def test_latin_lookalike_letters_find_the_known_person_and_are_reported() -> None:
    data = school(mentee("Петрова Анна Сергеевна", consent=None))
    plan = plan_import(
        export(GOOGLE_MENTEES, mentee_row("Пeтрова Анна Сергеевна")),
        "mentees",
        data,  # Latin e
        today=TODAY,
    )
    assert plan.new_rows == [] and plan.matched == 1
    assert [p.code for p in plan.problems if p.code == "latin_in_name"] == ["latin_in_name"]


def test_a_person_who_answered_twice_is_loaded_once_from_the_latest_answer() -> None:
    e = export(
        GOOGLE_MENTEES,
        mentee_row("Смирнова Елена Олеговна", "ИКТ", when="13.09.2025 18:00:00"),
        mentee_row("Смирнова Елена Олеговна", "ВПР", when="12.09.2025 10:00:00"),
    )
    plan = plan_import(e, "mentees", school(), today=TODAY)
    assert [r["requests"] for r in plan.new_rows] == ["ИКТ и цифровые ресурсы"]
    repeated = [p for p in plan.problems if p.code == "import_repeated"]
    assert repeated and "строки 2, 3" in repeated[0].message and plan.skipped == 1


def test_a_formula_like_answer_stays_a_plain_string_and_is_reported() -> None:
    e = export(
        ["Отметка времени", "ФИО", "Комментарий"],
        ["12.09.2025", "Смирнова Елена Олеговна", '=HYPERLINK("http://example.ru","нажмите")'],
    )
    plan = plan_import(e, "mentees", school(), today=TODAY)
    assert plan.new_rows[0]["comment"] == '=HYPERLINK("http://example.ru","нажмите")'
    assert [p.code for p in plan.problems] == ["import_formula_text"]


def test_a_new_mentor_without_consent_to_mentoring_is_not_ready() -> None:
    e = export(
        ["Отметка времени", "ФИО", "В чём вы можете помочь коллегам?", "Согласие на наставничество"],
        ["12.09.2025", "Орлов Игорь Петрович", "ОГЭ; олимпиады", "Нет"],
        ["12.09.2025", "Белова Инна Викторовна", "проекты", "Да"],
    )
    plan = plan_import(e, "mentors", school(), today=TODAY)
    rows = {r["name"]: r for r in plan.new_rows}
    assert rows["Орлов Игорь Петрович"]["status"] == "Не готов"
    assert rows["Орлов Игорь Петрович"]["competences"] == "Подготовка к ОГЭ и ЕГЭ; Работа с одарёнными детьми"
    assert rows["Белова Инна Викторовна"]["consent_mentoring"] == date(2025, 9, 12)
    assert rows["Белова Инна Викторовна"]["status"] == "Активен"


# ---------------------------------------------------------------- surveys


def test_survey_answers_take_role_and_pair_from_the_book() -> None:
    e = export(
        ["Время создания", "ФИО", *YANDEX_SURVEY[4:6], "Ваши пожелания"],
        ["2026-05-20 10:00:00", "петрова анна сергеевна", "8", "9 баллов", "Больше открытых уроков"],
        ["2026-05-21 11:00:00", "Кузнецова Ольга Ивановна", 10, 9, ""],
        name="Итоговая анкета (ответы).xlsx",
    )
    plan = plan_import(e, "survey", school(mentee("Петрова Анна Сергеевна")), today=TODAY)
    assert plan.new_rows == [
        {
            "date": date(2026, 5, 20),
            "respondent": "Петрова Анна Сергеевна",
            "role": "Наставляемый",
            "pair": "3",
            "survey": "Итоговая",
            "Удовлетворённость программой наставничества": 8,
            "Полезность встреч": 9,
            "Пожелания": "Больше открытых уроков",
        },
        {
            "date": date(2026, 5, 21),
            "respondent": "Кузнецова Ольга Ивановна",
            "role": "Наставник",
            "pair": "3",
            "survey": "Итоговая",
            "Удовлетворённость программой наставничества": 10,
            "Полезность встреч": 9,
        },
    ]
    guessed = [p for p in plan.problems if p.code == "import_survey_guessed"]
    assert guessed and "«Итоговая» по названию файла" in guessed[0].message
    assert plan.new_questions == []


def test_new_questions_are_listed_to_be_added_to_the_sheet() -> None:
    e = export(
        ["Отметка времени", "ФИО", "Анкета", "Чему вы научились за год?"],
        ["20.05.2026", "Петрова Анна Сергеевна", "итоговая анкета", "Планировать уроки"],
    )
    plan = plan_import(e, "survey", school(mentee("Петрова Анна Сергеевна")), today=TODAY)
    assert plan.new_questions == ["Чему вы научились за год?"]
    assert plan.new_rows[0]["Чему вы научились за год?"] == "Планировать уроки"
    assert plan.new_rows[0]["survey"] == "Итоговая"


def test_answers_already_in_the_book_are_not_loaded_twice() -> None:
    earlier: list[dict[str, object]] = [
        {
            "date": "20.05.2026",
            "respondent": "Петрова Анна Сергеевна",
            "role": "Наставляемый",
            "survey": "Итоговая",
        }
    ]
    data = school(mentee("Петрова Анна Сергеевна"), surveys=earlier)
    e = export(
        ["Отметка времени", "ФИО", "Анкета"], ["20.05.2026 12:00", "Петрова Анна Сергеевна", "Итоговая"]
    )
    plan = plan_import(e, "survey", data, today=TODAY)
    assert plan.new_rows == [] and plan.skipped == 1


def test_an_unknown_respondent_is_loaded_with_a_warning_naming_the_nearest_person() -> None:
    e = export(
        ["Отметка времени", "ФИО", "Роль", "Анкета"],
        ["20.09.2025", "Петрова Анна Сергевна", "наставляемый", "Входная"],
    )
    plan = plan_import(e, "survey", school(mentee("Петрова Анна Сергеевна")), today=TODAY)
    assert plan.new_rows[0]["respondent"] == "Петрова Анна Сергевна"
    assert plan.new_rows[0]["pair"] is None  # no pair known: the cell is left empty, not an empty string
    unknown = [p for p in plan.problems if p.code == "import_unknown_respondent"]
    assert unknown and "Похоже на «Петрова Анна Сергеевна»" in unknown[0].message


# ---------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.09.2025 10:15:33", datetime(2025, 9, 12, 10, 15, 33)),
        ("2025-09-12 10:15:33", datetime(2025, 9, 12, 10, 15, 33)),
        ("2025/09/12 10:15:33 PM GMT+3", datetime(2025, 9, 12, 22, 15, 33)),
        ("9/13/2025 8:05:00", datetime(2025, 9, 13, 8, 5)),
        ("12.09.2025, 10:15", datetime(2025, 9, 12, 10, 15)),
        (45912.5, datetime(2025, 9, 12, 12, 0)),
        ("12 сентября 2025", datetime(2025, 9, 12)),
    ],
)
def test_timestamps_as_the_form_services_write_them_are_read(text: object, expected: datetime) -> None:
    assert parse_timestamp(text) == expected


@given(
    st.lists(
        st.sampled_from(
            [
                "ИКТ",
                "родители",
                "боюсь выступать",
                "ВПР и ОГЭ",
                "кружок",
                "просто трудно",
                "рабочая программа",
                "xyz",
            ]
        ),
        min_size=1,
        max_size=6,
    )
)
def test_every_fragment_of_a_request_is_either_tagged_or_reported(fragments: list[str]) -> None:
    tags, left = text_to_tags("; ".join(fragments), TAGS)
    for fragment in fragments:
        own_tags, own_left = text_to_tags(fragment, TAGS)
        assert (own_tags and set(own_tags) <= set(tags)) or (own_left == [fragment] and fragment in left)
    assert set(tags) <= set(TAGS.tags) and len(tags) == len(set(tags))


@pytest.mark.parametrize(
    ("comment", "warned"),
    [
        ("=1+2", True),
        ("@SUM(A1:A2)", True),
        ('+HYPERLINK("http://x")', True),
        ("-cmd|' /C calc'!A0", True),
        ("- больше практики", False),
        ("+7 900 000-00-00", False),
        ("-5", False),
    ],
)
def test_only_text_excel_would_take_for_a_formula_is_reported(comment: str, warned: bool) -> None:
    e = export(["ФИО", "Комментарий"], ["Смирнова Елена Олеговна", comment])
    plan = plan_import(e, "mentees", school(), today=TODAY)
    assert plan.new_rows[0]["comment"] == comment
    assert [p.code for p in plan.problems] == (["import_formula_text"] if warned else [])
