"""What the documents say, before any Word file: contexts built from the workbook's rows."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorxl.book.fake import FakeBook
from mentorxl.core import contract as k
from mentorxl.core.program import ProgramData
from mentorxl.documents import context as c
from mentorxl.documents import env
from mentorxl.documents.render import safe_filename, unique_names
from mentorxl.errors import SettingMissing
from tests.builders import Grid, grid, mentee, mentor, minimal_book, settings_grid

ON = date(2025, 9, 1)


def school(pairs: list[dict[str, object]] | None = None, settings: Grid | None = None) -> ProgramData:
    mentees = [
        mentee("Петрова Анна Сергеевна", "ИКТ; урок", position="Учитель английского языка"),
        mentee("Сидоров Иван Ильич", "родители", position="учитель истории"),
        mentee("Алиева Айгюль Рашид кызы", "Моя особая тема", consent=None),
    ]
    mentors = [
        mentor("Иванова Мария Петровна", position="учитель математики", reward="Почётная грамота"),
        mentor("Кузнецов Олег Игоревич", position="учитель физики", reward="благодарность", consent=None),
        mentor("Ким Ольга Вадимовна", position="педагог-психолог", reward="Премия"),
    ]
    if pairs is None:
        pairs = [
            {"number": "1", "mentor": "Иванова Мария Петровна",
             "mentees": "Петрова Анна Сергеевна; Сидоров Иван Ильич",
             "form": "педагог – педагог", "kind": "групповое", "status": "Утверждена", "start": "01.09.2025",
             "end": "31.05.2026"},
            {"number": "2", "mentor": "Кузнецов Олег Игоревич", "mentees": "Алиева Айгюль Рашид кызы",
             "status": "Утверждена", "order_number": "7-н"},
            {"number": "3", "mentor": "Ким Ольга Вадимовна", "mentees": "Алиева Айгюль Рашид кызы",
             "status": "Проект"},
        ]
    sheets = {k.SETTINGS.name: settings} if settings is not None else {}
    return FakeBook(minimal_book(mentees=mentees, mentors=mentors, pairs=pairs, **sheets)).read()


@pytest.mark.parametrize(("name", "female"), [
    ("Иванова Мария Петровна", True),
    ("Сидоров Иван Ильич", False),
    ("Алиева Айгюль Рашид кызы", True),
    ("Мамедов Эльдар Гусейн оглы", False),
    ("Шевченко Анна Викторовна", True),
    ("Шевченко Андрей Викторович", False),
    ("ЦОЙ ЕЛЕНА ВЛАДИМИРОВНА", True),
    ("Смирнова О. В.", True),
])
def test_a_persons_gender_is_read_from_the_patronymic_then_the_surname(name: str, female: bool) -> None:
    assert c.is_female(name) is female


@pytest.mark.parametrize(("numbers", "expected"), [
    ([], "1"),
    (["12", "9", ""], "13"),
    (["45-н", "7-н"], "46-н"),
    (["№ 5/о"], "№ 6/о"),
    (["ОД-99", "ОД-100"], "ОД-101"),
])
def test_the_next_order_number_follows_the_largest_one_in_its_pattern(numbers: list[str],
                                                                        expected: str) -> None:
    assert c.next_order_number(numbers) == expected


def test_only_approved_pairs_without_an_order_go_into_a_new_order() -> None:
    data = school()
    assert [p.number for p in c.pairs_to_order(data)] == ["1"]
    assert [p.number for p in c.pairs_in_force(data)] == ["1", "2"]


def test_the_order_context_has_exactly_the_declared_keys() -> None:
    data = school()
    ctx = c.order_context(data, c.pairs_to_order(data), number="12", on=ON, today=ON)
    assert set(ctx) == c.ORDER_KEYS


def test_a_group_is_one_row_with_every_mentee_and_positions_from_the_banks() -> None:
    data = school()
    ctx = c.order_context(data, c.pairs_to_order(data), number="12", on=ON, today=ON)
    [row] = ctx["pairs"]
    assert row["is_group"] is True
    assert row["mentor"] == {"name": "Иванова Мария Петровна", "position": "учитель математики",
                             "female": True}
    assert [(m["name"], m["position"]) for m in row["mentees"]] == [
        ("Петрова Анна Сергеевна", "Учитель английского языка"), ("Сидоров Иван Ильич", "учитель истории")]
    assert (row["start"], row["end"]) == (date(2025, 9, 1), date(2026, 5, 31))
    assert ctx["term"] == {"start": date(2025, 9, 1), "end": date(2026, 5, 31), "same": True}
    assert ctx["order"] == {"number": "12", "date": ON, "programs_due": date(2025, 10, 1)}


def test_a_pair_without_dates_takes_the_settings_start_and_term() -> None:
    settings = settings_grid({k.SET_START: "15.09.2025", k.SET_TERM_MONTHS: "6"})
    data = school([{"number": "5", "mentor": "Иванова Мария Петровна", "mentees": "Петрова Анна Сергеевна",
                    "status": "Утверждена"}], settings)
    ctx = c.order_context(data, data.pairs, number="1", on=ON, today=ON)
    assert (ctx["pairs"][0]["start"], ctx["pairs"][0]["end"]) == (date(2025, 9, 15), date(2026, 3, 15))


def test_pairs_with_different_terms_are_said_to_follow_the_table() -> None:
    data = school([
        {"number": "1", "mentor": "Иванова Мария Петровна", "mentees": "Петрова Анна Сергеевна",
         "status": "Утверждена", "start": "01.09.2025"},
        {"number": "2", "mentor": "Ким Ольга Вадимовна", "mentees": "Сидоров Иван Ильич",
         "status": "Утверждена", "start": "01.10.2025"},
    ])
    ctx = c.order_context(data, data.pairs, number="1", on=ON, today=ON)
    assert ctx["term"]["same"] is False
    assert ctx["term"]["start"] == date(2025, 9, 1)


def test_everyone_signs_the_acquaintance_list_once_with_the_curator_first() -> None:
    data = school([
        {"number": "1", "mentor": "Иванова Мария Петровна", "mentees": "Петрова Анна Сергеевна",
         "status": "Утверждена"},
        {"number": "2", "mentor": "иванова  мария петровна", "mentees": "Сидоров Иван Ильич",
         "status": "Утверждена"},
    ])
    ctx = c.order_context(data, data.pairs, number="1", on=ON, today=ON)
    assert ctx["participants"] == ["Смирнова Ольга Викторовна", "Иванова Мария Петровна",
                                   "Петрова Анна Сергеевна", "Сидоров Иван Ильич"]


@pytest.mark.parametrize("setting", [k.SET_ORG_FULL, k.SET_HEAD])
def test_a_missing_organisation_or_director_stops_the_order_naming_the_setting(setting: str) -> None:
    data = school(settings=settings_grid({setting: ""}))
    with pytest.raises(SettingMissing) as caught:
        c.order_context(data, c.pairs_to_order(data), number="1", on=ON, today=ON)
    assert f"«{setting}»" in caught.value.message
    assert "Настройк" in caught.value.hint


def test_without_a_curator_the_order_still_has_a_context_with_an_empty_curator() -> None:
    data = school(settings=settings_grid({k.SET_CURATOR: "", k.SET_CURATOR_POSITION: ""}))
    ctx = c.order_context(data, c.pairs_to_order(data), number="1", on=ON, today=ON)
    assert ctx["curator"]["name"] == ""
    assert ctx["participants"][0] == "Иванова Мария Петровна"


def test_the_reward_order_groups_mentors_by_kind_with_the_case_each_verb_needs() -> None:
    ctx = c.reward_context(school(), today=ON)
    assert set(ctx) == c.REWARD_KEYS
    assert [(g["verb"], g["case"], [p["name"] for p in g["people"]]) for g in ctx["groups"]] == [
        ("Объявить благодарность", "дательный", ["Кузнецов Олег Игоревич"]),
        ("Наградить почётной грамотой", "винительный", ["Иванова Мария Петровна"]),
        ("Выплатить премию за эффективную наставническую деятельность", "дательный", ["Ким Ольга Вадимовна"]),
    ]


@pytest.mark.parametrize(("kind", "verb"), [
    ("Благодарственное письмо", "Вручить благодарственное письмо"),
    ("ПОЧЁТНАЯ ГРАМОТА", "Наградить почётной грамотой"),
    ("премия", "Выплатить премию за эффективную наставническую деятельность"),
    ("Ценный подарок", "Поощрить (ценный подарок)"),
])
def test_a_reward_kind_typed_any_way_finds_its_clause(kind: str, verb: str) -> None:
    assert c.reward_clause(kind)[0] == verb


@pytest.mark.parametrize(("start", "end", "months"), [
    (date(2025, 9, 1), date(2026, 5, 31), 9),
    (date(2025, 9, 1), date(2026, 6, 1), 9),  # a last month of one day gets no meeting
    (date(2025, 9, 20), date(2025, 12, 20), 4),
    (date(2025, 9, 1), date(2025, 9, 5), 1),
])
def test_the_plan_has_a_meeting_for_every_month_of_the_term(start: date, end: date, months: int) -> None:
    assert len(c.plan_months(start, end)) == months
    assert c.plan_months(start, end)[0] == date(start.year, start.month, 1)


def test_a_program_opens_with_diagnostics_ends_with_a_final_meeting_and_covers_every_request() -> None:
    data = school()
    ctx = c.program_context(data, data.pairs[0], today=ON)
    assert set(ctx) == c.PROGRAM_KEYS
    plan = [e["activity"] for e in ctx["plan"]]
    assert len(plan) == 9
    assert plan[0].startswith("Знакомство, диагностика") and "наставляемых" in plan[0]
    assert plan[-1].startswith("Итоговая встреча")
    assert any(a.startswith("Промежуточная встреча") for a in plan)
    assert [e["month"] for e in ctx["plan"]][:2] == [date(2025, 9, 1), date(2025, 10, 1)]
    assert ctx["tasks"][0].startswith("освоить цифровые образовательные ресурсы")  # «ИКТ» is a synonym
    assert len(ctx["tasks"]) == 3  # ИКТ, методика урока, работа с родителями
    assert ("в области цифровых образовательных ресурсов, проектирования и проведения современного урока и "
            "взаимодействия с родителями") in ctx["goal"]


def test_a_request_the_dictionary_does_not_know_still_gets_a_task_and_a_result() -> None:
    data = school()
    ctx = c.program_context(data, data.pairs[1], today=ON)
    assert ctx["tasks"] == ["развить профессиональные компетенции по теме «Моя особая тема»"]
    assert "«Моя особая тема»" in ctx["results"][0]
    assert ctx["pair"]["is_group"] is False


def test_a_goal_typed_in_pairs_is_kept_as_the_programs_goal() -> None:
    data = school([{"number": "1", "mentor": "Иванова Мария Петровна", "mentees": "Петрова Анна Сергеевна",
                    "status": "Действует", "goal": "Подготовка к аттестации на первую категорию"}])
    goal = c.program_context(data, data.pairs[0], today=ON)["goal"]
    assert goal == "Подготовка к аттестации на первую категорию"


def test_one_agreement_per_mentor_lists_all_their_pairs() -> None:
    data = school([
        {"number": "1", "mentor": "Иванова Мария Петровна", "mentees": "Петрова Анна Сергеевна",
         "status": "Утверждена", "start": "01.09.2025", "end": "31.12.2025"},
        {"number": "2", "mentor": "Иванова Мария Петровна", "mentees": "Сидоров Иван Ильич",
         "status": "Действует", "start": "01.10.2025", "end": "31.05.2026"},
        {"number": "3", "mentor": "Ким Ольга Вадимовна", "mentees": "Алиева Айгюль Рашид кызы",
         "status": "Завершена"},
    ])
    [ctx] = c.agreement_contexts(data, today=ON)
    assert set(ctx) == c.AGREEMENT_KEYS
    assert [p["number"] for p in ctx["pairs"]] == ["1", "2"]
    assert (ctx["start"], ctx["end"]) == (date(2025, 9, 1), date(2026, 5, 31))
    assert ctx["pay"] == "3 000 рублей"  # the setting of tests/builders.settings_grid


def test_a_network_mentor_gets_no_agreement_from_this_school_and_the_order_names_their_organisation() -> None:
    data = school([
        {"number": "1", "mentor": "Иванова Мария Петровна", "mentees": "Петрова Анна Сергеевна",
         "status": "Утверждена"},
        {"number": "2", "mentor": "Ближняя Ольга Петровна", "mentees": "Сидоров Иван Ильич",
         "status": "Утверждена", "mentor_org": "МКОУ «Берёзовская СОШ»"},
    ])
    assert [ctx["mentor"]["name"] for ctx in c.agreement_contexts(data, today=ON)] == ["Иванова Мария Петровна"]
    rows = c.order_context(data, data.pairs, number="1", on=ON, today=ON)["pairs"]
    assert [r["mentor_org"] for r in rows] == ["", "МКОУ «Берёзовская СОШ»"]


def test_the_pay_of_the_agreement_comes_from_its_setting_when_given() -> None:
    data = school(settings=settings_grid({c.SET_MENTOR_PAY: "15 % должностного оклада"}))
    assert c.agreement_contexts(data, today=ON)[0]["pay"] == "15 % должностного оклада"


def test_a_consent_form_is_due_for_everyone_without_the_date_of_one() -> None:
    data = school()
    missing = [(p.name, role) for p, role in c.people_missing_consent(data)]
    assert missing == [("Кузнецов Олег Игоревич", "Наставник"), ("Алиева Айгюль Рашид кызы", "Наставляемый")]
    who, role = c.people_missing_consent(data)[1]
    ctx = c.consent_context(data, who, role, today=ON)
    assert set(ctx) == c.CONSENT_KEYS
    assert ctx["person"]["role_genitive"] == "наставляемой"  # Алиева: a woman
    assert ctx["person"]["female"] is True


def test_a_consent_form_needs_the_organisation_but_not_the_director() -> None:
    data = school(settings=settings_grid({k.SET_HEAD: ""}))
    who, role = c.people_missing_consent(data)[0]
    assert c.consent_context(data, who, role, today=ON)["head"]["name"] == ""
    data = school(settings=grid(k.SETTINGS, []))
    with pytest.raises(SettingMissing):
        c.consent_context(data, who, role, today=ON)


# ---- filters of the template environment


@pytest.mark.parametrize(("n", "word"), [(1, "пара"), (2, "пары"), (4, "пары"), (5, "пар"), (11, "пар"),
                                         (12, "пар"), (21, "пара"), (22, "пары"), (111, "пар"), (0, "пар")])
def test_plural_picks_the_russian_form_for_the_number(n: int, word: str) -> None:
    assert env.plural(n, "пара", "пары", "пар") == word


@given(st.integers(min_value=0, max_value=10**6))
def test_plural_always_returns_one_of_the_three_forms(n: int) -> None:
    assert env.plural(n, "один", "несколько", "много") in ("один", "несколько", "много")
    assert env.plural(n, "a", "b", "c") == env.plural(n % 100 + 100, "a", "b", "c")


def test_dates_print_in_russian_and_a_missing_date_is_a_blank_to_fill() -> None:
    assert env.ru_date(date(2025, 9, 1)) == "1\u00a0сентября 2025\u00a0г."
    assert env.ru_date(date(2026, 5, 31)).replace("\u00a0", " ") == "31 мая 2026 г."
    assert env.ru_date(None) == env.BLANK_DATE
    assert env.month_year(date(2026, 2, 1)) == "Февраль 2026"
    assert env.short_date(date(2026, 2, 1)) == "01.02.2026"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_the_dates_of_documents_are_written_as_babels_russian_locale_writes_them(day: date) -> None:
    from babel.dates import format_date

    assert env.ru_date(day) == format_date(day, "d\u00a0MMMM y", locale="ru") + "\u00a0г."
    written = format_date(day, "LLLL y", locale="ru")
    assert env.month_year(day) == written[:1].upper() + written[1:]


def test_lower_first_keeps_abbreviations() -> None:
    assert env.lower_first("Директор") == "директор"
    assert env.lower_first("УВР") == "УВР"
    assert env.lower_first("") == ""


def test_printed_values_lose_control_characters_and_line_breaks() -> None:
    assert env.finalize("Иванова\x0bМария\nПетровна\x01") == "ИвановаМария Петровна"
    assert env.finalize(None) == ""
    assert env.finalize(date(2025, 9, 1)) == "1\u00a0сентября 2025\u00a0г."


@given(st.text(max_size=300))
def test_a_safe_file_name_is_never_empty_and_never_has_what_windows_forbids(text: str) -> None:
    name = safe_filename(text)
    assert name
    assert not set(name) & set('<>:"/\\|?*')
    assert not any(ord(ch) < 32 for ch in name)
    assert not name.endswith((".", " "))
    assert len(name) <= 150


def test_a_batch_of_names_stays_distinct_ignoring_case() -> None:
    assert unique_names(["Согласие (Иванова)", "согласие (иванова)", "Приказ № 1/о"]) == [
        "Согласие (Иванова).docx", "согласие (иванова) (2).docx", "Приказ № 1_о.docx"]
