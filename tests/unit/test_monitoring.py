"""Monitoring figures and conclusions on a small school built in the test."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorxl.core import contract as k
from mentorxl.core.models import SurveyAnswer
from mentorxl.core.monitoring import monitor, number, percent, plural, satisfaction_index, survey_results
from mentorxl.core.program import ProgramData
from tests.builders import settings_grid
from tests.unit.validation_builder import book, mentee, mentor, program, with_sheet

TODAY = date(2026, 5, 25)
Q1, Q2, FREE = "Удовлетворённость программой", "Полезность встреч", "Пожелания"
A, B, C = "Петрова Анна Сергеевна", "Смирнов Илья Дмитриевич", "Белова Инна Викторовна"
M1, M2 = "Кузнецова Ольга Ивановна", "Орлов Игорь Петрович"


def survey(who: str, role: str, kind: str, q1: object, q2: object, free: str = "") -> dict[str, object]:
    return {
        "date": "20.09.2025" if kind == "Входная" else "20.05.2026",
        "respondent": who,
        "role": role,
        "survey": kind,
        Q1: q1,
        Q2: q2,
        FREE: free,
    }


def school(surveys: list[dict[str, object]] | None = None) -> ProgramData:
    sheets = book(
        mentees=[
            mentee(A, category="Молодой специалист"),
            mentee(B, category="Новый сотрудник"),
            mentee("Орлова Ксения Викторовна", category="молодой  специалист"),
            mentee(C, category="Педагог с затруднениями"),
            mentee("Ушла Вера Павловна", category="Молодой специалист", status="Выбыл"),
        ],
        mentors=[mentor(M1), mentor(M2), mentor("Старый Пётр Ильич", status="Выбыл")],
        pairs=[
            {
                "number": "1",
                "mentor": M1,
                "mentees": A,
                "form": "педагог – педагог",
                "kind": "традиционное",
                "start": "01.10.2025",
                "status": "Действует",
            },
            {
                "number": "2",
                "mentor": M2,
                "mentees": f"{B}; {C}",
                "form": "педагог – педагог",
                "kind": "групповое",
                "start": "01.10.2025",
                "status": "Утверждена",
            },
            {"number": "3", "mentor": M2, "mentees": "Орлова Ксения Викторовна", "status": "Расторгнута"},
            {
                "number": "4",
                "mentor": M1,
                "mentees": "Ушла Вера Павловна",
                "kind": "краткосрочное",
                "status": "Завершена",
            },
        ],
    )
    sheets[k.SETTINGS.name] = settings_grid({k.SET_YEAR: "2025/2026", k.SET_PLACE: "г. Заречный"})
    with_sheet(
        sheets,
        k.MEETINGS,
        [
            {"pair": "1", "date": "01.10.2025", "hours": 1.5},
            {"pair": "№ 1", "date": "10.05.2026", "hours": 2},
            {"pair": "1", "date": "01.06.2026", "hours": 1, "topic": "планируется"},
            {"pair": "2", "date": "01.03.2026", "hours": 1},
        ],
    )
    with_sheet(
        sheets,
        k.ROADMAP,
        [
            {
                "stage": "1",
                "event": "Положение",
                "term": "до 15 сентября 2025 г.",
                "responsible": "Директор",
                "status": "Выполнено",
                "done_on": "10.09.2025",
            },
            {
                "stage": "1",
                "event": "Семинар",
                "term": "Октябрь 2025",
                "responsible": "Куратор",
                "status": "Отменено",
            },
            {
                "stage": "2",
                "event": "Методические материалы",
                "term": "до 31 октября 2025 г.",
                "responsible": "Куратор",
                "status": "Запланировано",
            },
            {
                "stage": "3",
                "event": "Мониторинг",
                "term": "ежеквартально",
                "responsible": "Куратор",
                "status": "В работе",
            },
            {"stage": "7", "event": "Итоговая конференция", "term": "Май 2026", "responsible": "Куратор"},
        ],
    )
    default = [
        survey(A, "Наставляемый", "Входная", 6, 7, "Больше практики"),
        survey(B, "наставляемый", "Входная", 6, 7),
        survey(M1, "Наставник", "Входная", 8, None),
        survey(A, "Наставляемый", "Итоговая", 8, 8),
        survey(B, "Наставляемый", "Итоговая", 8, 8),
        survey(M1, "Наставник", "Итоговая", "8,5", 11),
    ]
    with_sheet(sheets, k.SURVEYS, default if surveys is None else surveys, extra=[Q1, Q2, FREE])
    return program(sheets)


def test_survey_means_per_question_role_and_questionnaire_and_their_change() -> None:
    m = monitor(school(), TODAY)
    assert m.surveys == ["Входная", "Итоговая"]
    assert m.respondents == {"Входная": 3, "Итоговая": 3}
    q1, q2 = m.questions
    assert (q1.label, q1.means, q1.counts) == (
        Q1,
        {"Входная": pytest.approx(20 / 3), "Итоговая": 8.166666666666666},
        {"Входная": 3, "Итоговая": 3},
    )
    assert q2.means == {
        "Входная": 7.0,
        "Итоговая": 8.0,
    }  # 11 is outside the scale, the empty answer is no answer
    assert q2.change == 1.0
    mentors, mentees = m.roles  # roles in the order of the vocabulary
    assert (mentees.label, mentees.means) == ("Наставляемый", {"Входная": 6.5, "Итоговая": 8.0})
    assert (mentors.label, mentors.means) == ("Наставник", {"Входная": 8.0, "Итоговая": 8.5})
    assert m.overall.means == {"Входная": 6.8, "Итоговая": 8.1}
    assert FREE not in {q.label for q in m.questions}


def test_the_satisfaction_index_is_the_final_mean_scaled_from_one_to_ten() -> None:
    si = monitor(school(), TODAY).satisfaction
    assert si is not None
    assert (si.survey, si.mean, si.answers) == ("Итоговая", 8.1, 5)
    assert si.index == pytest.approx((8.1 - 1) / 9)


def test_without_a_final_questionnaire_the_index_is_of_the_latest_one() -> None:
    rows = [survey(A, "Наставляемый", "Входная", 4, 4), survey(A, "Наставляемый", "Промежуточная", 10, 10)]
    si = monitor(school(rows), TODAY).satisfaction
    assert si is not None and si.survey == "Промежуточная" and si.index == 1.0


def test_meetings_and_hours_per_pair_and_pairs_idle_for_over_a_month() -> None:
    m = monitor(school(), TODAY)
    activity = {a.number: a for a in m.activity}
    assert sorted(activity) == ["1", "2", "4"]  # the cancelled pair is not counted
    one, two, four = activity["1"], activity["2"], activity["4"]
    assert (one.meetings, one.hours, one.last_meeting, one.idle_days, one.idle) == (
        2,
        3.5,
        date(2026, 5, 10),
        15,
        False,
    )  # the meeting planned for June is not counted yet
    assert (two.meetings, two.last_meeting, two.idle_days, two.idle) == (1, date(2026, 3, 1), 85, True)
    assert (four.in_force, four.idle, four.form, four.kind) == (False, False, "не указана", "краткосрочное")
    assert (m.meetings, m.hours) == (3, 4.5)
    assert [a.number for a in m.idle] == ["2"]


def test_counts_of_people_and_pairs_by_form_and_kind() -> None:
    m = monitor(school(), TODAY)
    assert (m.mentors, m.mentees, m.pairs, m.pairs_in_force, m.groups) == (2, 4, 3, 2, 1)
    assert (m.mentors_in_pairs, m.mentees_in_pairs) == (2, 3)
    assert m.by_form == {"педагог – педагог": 2, "не указана": 1}
    assert m.by_kind == {"традиционное": 1, "групповое": 1, "краткосрочное": 1}


def test_coverage_of_the_target_group_counts_pairs_in_force_only() -> None:
    c = monitor(school(), TODAY).coverage
    assert (c.target, c.covered) == (3, 2)
    assert c.by_category == {"Молодой специалист": (2, 1), "Новый сотрудник": (1, 1)}
    assert c.share == pytest.approx(2 / 3)


def test_roadmap_completion_leaves_cancelled_events_out_and_counts_overdue_ones() -> None:
    r = monitor(school(), TODAY).roadmap
    assert (r.total, r.done, r.cancelled, r.in_progress, r.planned, r.overdue) == (5, 1, 1, 1, 2, 1)
    assert r.share == 0.25
    assert [(e.row, e.event, e.due) for e in r.overdue_events] == [
        (4, "Методические материалы", date(2025, 10, 31))
    ]


def test_conclusions_say_in_plain_russian_what_the_figures_show() -> None:
    found = monitor(school(), TODAY).conclusions
    assert found == [
        "Оценка «Удовлетворённость программой» выросла с 6,7 до 8,2 балла (анкеты: входная и итоговая).",
        "Индекс удовлетворённости — 79\u00a0% (итоговая анкета: 3 анкеты, 5 ответов на вопросы): средний уровень.",
        "Сильнее всего выросла оценка «Удовлетворённость программой»: +1,5 балла.",
        "Проведено 3 встречи общей продолжительностью 4,5 ч; в среднем 1,0 встречи на пару.",
        "У 1 пары (№ 2) не было встреч больше 30 дней.",
        "Наставничеством охвачено 2 из 3 педагогов целевой группы (67\u00a0%).",
        "Дорожная карта выполнена на 25\u00a0% (1 из 4 мероприятий).",
        "Просрочено 1 мероприятие дорожной карты.",
    ]


def test_the_satisfaction_sentence_follows_the_satisfaction_questions_own_row() -> None:
    m = monitor(school(), TODAY)
    [row] = [q for q in m.questions if q.label == "Удовлетворённость программой"]
    first, last = (f"{row.means[kind]:.1f}".replace(".", ",") for kind in ("Входная", "Итоговая"))
    assert m.conclusions[0].startswith(f"Оценка «Удовлетворённость программой» выросла с {first} до {last}")
    assert (first, last) != ("6,8", "8,1")  # not the mean of every question (the row «Все вопросы»)


def test_without_a_satisfaction_question_the_sentence_names_the_row_of_all_questions() -> None:
    rows = [survey(A, "Наставляемый", "Входная", 5, 5), survey(A, "Наставляемый", "Итоговая", 8, 8)]
    m = monitor(school(rows), TODAY)
    m.questions = [q for q in m.questions if "Удовлетвор" not in q.label]
    from mentorxl.core.monitoring import conclusions

    assert conclusions(m)[0].startswith("Средний балл по всем вопросам вырос с 5,0 до 8,0 балла")


def test_the_conclusions_never_tell_the_reader_to_press_a_button_the_to_do_note_does() -> None:
    m = monitor(school(), TODAY)
    assert not any(re.search(r"«Подобрать пары»|кнопк|лист «|отметьте|заполните", s, re.IGNORECASE)
                   for s in m.conclusions)
    assert "Подберите наставников (1 педагог целевой группы без пары): кнопка «Подобрать пары»." in m.to_do
    assert "Свяжитесь с наставниками пар без встреч больше 30 дней: № 2." in m.to_do


def test_participants_are_the_people_in_pairs_and_shares_use_the_staff_setting() -> None:
    m = monitor(school(), TODAY)
    assert m.participants == m.mentors_in_pairs + m.mentees_in_pairs
    assert m.staff is None and m.staff_share is None


def test_a_falling_satisfaction_and_a_gap_between_roles_are_named() -> None:
    rows = [
        survey(A, "Наставляемый", "Входная", 8, 8),
        survey(M1, "Наставник", "Входная", 9, 9),
        survey(A, "Наставляемый", "Итоговая", 4, 6),
        survey(M1, "Наставник", "Итоговая", 9, 9),
    ]
    found = monitor(school(rows), TODAY).conclusions
    assert found[0] == ("Оценка «Удовлетворённость программой» снизилась с 8,5 до 6,5 балла "
                        "(анкеты: входная и итоговая).")
    assert any(s.startswith("Ниже всего оценено «Удовлетворённость программой» (6,5 балла)") for s in found)
    assert "Наставляемые оценивают программу ниже, чем наставники (5,0 против 9,0 балла)." in found


def test_an_empty_school_gets_conclusions_asking_for_the_missing_data() -> None:
    m = monitor(program(book()), TODAY)
    assert m.satisfaction is None and m.coverage.share is None and m.roadmap.share is None
    assert m.conclusions[0] == "Анкетирование участников в отчётном периоде не проводилось."
    assert m.conclusions[-1] == "Дорожная карта программы не утверждена."
    assert m.to_do[0].startswith("Проведите входную анкету") and m.to_do[-1] == "Заполните лист «Дорожная карта»."


def test_the_figures_serialise_to_json() -> None:
    import json

    data = monitor(school(), TODAY).as_json()
    text = json.dumps(data, ensure_ascii=False)
    assert data["today"] == "2026-05-25" and data["idle"] == ["2"]
    assert data["overall"]["change"] == pytest.approx(1.3) and data["coverage"]["share"] == pytest.approx(
        2 / 3
    )
    assert "Оценка «Удовлетворённость программой» выросла" in text


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (1, "встреча"),
        (2, "встречи"),
        (5, "встреч"),
        (11, "встреч"),
        (21, "встреча"),
        (22, "встречи"),
        (112, "встреч"),
        (0, "встреч"),
    ],
)
def test_the_word_for_a_number_follows_russian_rules(n: int, word: str) -> None:
    assert plural(n, "встреча", "встречи", "встреч") == word


def test_numbers_and_percents_are_written_the_russian_way() -> None:
    assert (number(6.75), number(8.0), number(-0.3), percent(0.789)) == ("6,8", "8,0", "−0,3", "79\u00a0%")


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Входная", "Промежуточная", "Итоговая"]),
            st.one_of(st.integers(-5, 15), st.floats(0, 12, allow_nan=False), st.text(max_size=3)),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_the_satisfaction_index_stays_between_zero_and_one(answers: list[tuple[str, object]]) -> None:
    data = ProgramData(
        surveys=[
            SurveyAnswer(respondent="Х", role="Наставляемый", survey=kind, answers={Q1: value})  # type: ignore[dict-item]
            for kind, value in answers
        ]
    )
    _, _, _, _, overall = survey_results(data)
    si = satisfaction_index(overall)
    assert si is None or 0.0 <= si.index <= 1.0


def test_a_pair_formed_by_a_recent_order_is_not_idle_yet() -> None:
    from mentorxl.core.models import Pair

    pairs = [
        Pair(
            number="1",
            mentor=M1,
            mentees=[A],
            start=date(2025, 10, 1),
            order_date=date(2026, 5, 20),
            status="Утверждена",
        ),
        Pair(number="2", mentor=M2, mentees=[B], start=date(2026, 4, 1), status="Действует"),
        Pair(number="3", mentor=M2, mentees=[C], status="Действует"),
    ]
    activity = {a.number: a for a in monitor(ProgramData(pairs=pairs), TODAY).activity}
    assert (activity["1"].idle_days, activity["1"].idle) == (5, False)
    assert (activity["2"].idle_days, activity["2"].idle) == (54, True)
    assert (activity["3"].idle_days, activity["3"].idle) == (None, True)  # no meeting and no date at all


def test_pairs_fixed_recently_without_meetings_are_not_said_to_have_met() -> None:
    from mentorxl.core.monitoring import conclusions

    m = monitor(school(), TODAY)
    import dataclasses

    m.activity = [dataclasses.replace(a, meetings=0) for a in m.activity if not a.idle]
    found = conclusions(m)
    assert not any(s.startswith("Все действующие пары встречались") for s in found)
    assert any(s.startswith("Пар без встреч более 30 дней нет;") and "ещё не встречал" in s for s in found)


@pytest.mark.parametrize(("fresh", "said"), [(1, "1 пара, закреплённая"), (3, "3 пары, закреплённые"),
                                             (8, "8 пар, закреплённых"), (21, "21 пара, закреплённая")])
def test_the_pairs_that_have_not_met_yet_agree_with_their_number(fresh: int, said: str) -> None:
    import dataclasses

    from mentorxl.core.monitoring import conclusions

    m = monitor(school(), TODAY)
    quiet = dataclasses.replace(next(a for a in m.activity if a.in_force and not a.idle), meetings=0)
    m.activity = [quiet] * fresh
    sentence = next(s for s in conclusions(m) if s.startswith("Пар без встреч более 30 дней нет;"))
    assert said in sentence.replace("\u00a0", " ")
