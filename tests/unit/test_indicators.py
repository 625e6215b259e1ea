"""The municipal indicators on a school computed by hand (numbers in the comments)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorxl.core import contract as k
from mentorxl.core import indicators as ix
from mentorxl.core.models import Mentee
from mentorxl.core.monitoring import survey_results
from tests.builders import settings_grid
from tests.unit.validation_builder import book, mentee, mentor, program, with_sheet

TODAY = date(2026, 5, 25)
A, B, C, D = "Петрова Анна Сергеевна", "Смирнов Илья Дмитриевич", "Белова Инна Викторовна", "Орлова Ксения Викторовна"
E, F, G = "Ушла Вера Павловна", "Старова Нина Петровна", "Уехавшая Яна Олеговна"
M1, M2 = "Кузнецова Ольга Ивановна", "Орлов Игорь Петрович"
Q1, Q2 = "Удовлетворённость программой", "Полезность встреч"
PP = "педагог – педагог"


def school(pay: str = "3 000 рублей", *, reuse_roles: bool = False) -> ix.Indicators:
    sheets = book(
        mentees=[
            mentee(A, birth_date="01.03.2000", experience=6),  # 26 years old: young
            mentee(B, experience=2),  # the first three years: young, no pair
            mentee(C, birth_date="01.01.1980", experience=10),  # not young
            mentee(D, young="да", experience=15),  # said so
            mentee(E, young="нет", birth_date="01.01.2001", status="Выбыл"),  # said no; left anyway
            mentee(F, category="Молодой специалист", experience=4, status="Завершил"),  # stayed a year after
            mentee(G, birth_date="01.01.1999", status="Выбыл"),  # left after her pair ended
        ],
        mentors=[mentor(M1), mentor(M2), mentor(C), mentor("Старый Пётр Ильич", status="Выбыл")],
        pairs=[
            {"number": "1", "mentor": M1, "mentees": A, "form": PP, "kind": "традиционное",
             "start": "01.10.2025", "end": "31.05.2026", "status": "Действует"},  # 8 months
            {"number": "2", "mentor": M2, "mentees": f"{C}; {D}", "form": PP, "kind": "групповое",
             "start": "01.10.2025", "status": "Утверждена"},  # 9 months by the setting
            {"number": "3", "mentor": M1, "mentees": F, "kind": "традиционное", "start": "01.09.2024",
             "end": "20.05.2025", "status": "Завершена"},  # 370 days before today
            {"number": "4", "mentor": M2, "mentees": G, "form": PP, "kind": "краткосрочное",
             "start": "01.09.2024", "end": "30.04.2025", "status": "Завершена"},
            {"number": "5", "mentor": M2, "mentees": B, "status": "Расторгнута"},  # not counted
        ],
    )
    sheets[k.SETTINGS.name] = settings_grid({k.SET_STAFF: 40, k.SET_MENTOR_PAY: pay})
    final = [
        {"respondent": M1, "role": "Наставник", "survey": "Итоговая", Q1: 9, Q2: 8},
        {"respondent": M2, "role": "Наставник", "survey": "Итоговая", Q1: 10, Q2: ""},
        {"respondent": A, "role": "Наставляемый", "survey": "Итоговая", Q1: 7, Q2: 6},
        {"respondent": D, "role": "Наставляемый", "survey": "Итоговая", Q1: 8, Q2: 9},
        {"respondent": A, "role": "Наставляемый", "survey": "Входная", Q1: 3, Q2: 3},  # not the final one
    ]
    with_sheet(sheets, k.SURVEYS, final, extra=[Q1, Q2])
    data = program(sheets)
    return ix.indicators(data, TODAY, survey_results(data)[3] if reuse_roles else None)


def pair(found: ix.Indicator) -> tuple[float, float]:
    return found.numerator, found.denominator


def test_teachers_in_the_program_are_different_people_of_both_banks_over_the_staff() -> None:
    # mentees A B C D F, mentors M1 M2 C: seven people (C once), of 40
    assert pair(school().get(ix.TEACHERS)) == (7, 40)


def test_mentors_are_those_of_the_bank_who_did_not_leave_over_the_staff() -> None:
    assert pair(school().get(ix.MENTORS)) == (3, 40)


def test_young_specialists_by_birth_date_experience_the_column_and_the_category() -> None:
    # young: A (age), B (experience), D (said so), F (category); with a pair of the year: A, D, F
    found = school().get(ix.YOUNG)
    assert pair(found) == (3, 4)
    assert ix.shown(found) == "75\u00a0%"


def test_satisfaction_is_the_mean_of_the_final_answers_of_each_role() -> None:
    s = school()
    assert pair(s.get(ix.SATISFACTION_MENTORS)) == (27, 3)
    assert pair(s.get(ix.SATISFACTION_MENTEES)) == (30, 4)
    assert ix.shown(s.get(ix.SATISFACTION_MENTEES)) == "7,5"


def test_the_summary_reusing_the_reports_role_scores_gets_the_same_satisfaction() -> None:
    assert school(reuse_roles=True) == school()


def test_retention_counts_the_young_specialists_whose_pair_ended_a_year_ago_and_who_did_not_leave() -> None:
    assert pair(school().get(ix.RETENTION)) == (1, 2)


def test_pay_is_the_monthly_sum_times_the_months_of_the_pairs_in_force() -> None:
    found = school().get(ix.PAY)
    assert pair(found) == (3000 * 17, 17)
    assert ix.shown(found) == "51\u00a0000 руб."


def test_pay_as_a_percentage_of_the_salary_gives_no_sum_and_says_so() -> None:
    s = school("15 % должностного оклада")
    assert s.get(ix.PAY).value is None
    assert not s.pay_readable


def test_pairs_and_groups_are_counted_by_form_and_by_kind() -> None:
    s = school()
    pairs = {i.title: pair(i) for i in s.pairs}
    assert pairs == {f"Пары: форма: {PP}": (2, 3), "Пары: форма: не указана": (1, 3),
                     "Пары: вид: традиционное": (2, 3), "Пары: вид: краткосрочное": (1, 3)}
    assert {i.title: pair(i) for i in s.groups} == {f"Группы: форма: {PP}": (1, 1), "Группы: вид: групповое": (1, 1)}


def test_totals_add_numerators_and_denominators() -> None:
    one = school()
    both = ix.total([one, school("2000")])
    assert pair(both.get(ix.YOUNG)) == (6, 8)
    assert pair(both.get(ix.PAY)) == (3000 * 17 + 2000 * 17, 34)
    assert {i.title: pair(i) for i in both.groups}[f"Группы: форма: {PP}"] == (2, 2)


@pytest.mark.parametrize(("text", "roubles"), [("3 000 рублей", 3000), ("2500 руб. в месяц", 2500),
                                               ("1\u00a0500,50", 1500.5), ("", None), ("по договорённости", None)])
def test_monthly_pay_reads_roubles_as_schools_write_them(text: str, roubles: float | None) -> None:
    assert ix.monthly_pay(text) == roubles


@given(st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31)))
def test_a_mentee_is_young_by_birth_date_exactly_until_the_35th_birthday(born: date) -> None:
    person = Mentee(name=A, birth_date=born)
    assert ix.is_young(person, TODAY) == (ix.age_on(born, TODAY) < 35)
    assert ix.age_on(born, TODAY) == (TODAY.year - born.year
                                       - (1 if (TODAY.month, TODAY.day) < (born.month, born.day) else 0))


@pytest.mark.parametrize(("cell", "agreed"), [("да", True), ("01.09.2025", True), ("", False), ("нет", False),
                                              ("Нет согласия", False)])
def test_a_consent_cell_is_a_date_or_yes(cell: str, agreed: bool) -> None:
    assert ix.agreed(cell) is agreed


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from([" ", "\u00a0", ""]),
       st.sampled_from([" рублей", " руб. в месяц", " ₽", ""]))
def test_monthly_pay_reads_any_sum_with_or_without_thousands_spaces(roubles: int, space: str, unit: str) -> None:
    typed = f"{roubles:,}".replace(",", space) + unit
    assert ix.monthly_pay(typed) == roubles
    assert ix.monthly_pay(f"{roubles} % оклада") is None


def test_retention_across_years_matches_people_by_a_token_of_the_name_not_the_name_itself() -> None:
    from mentorxl.core.retention import YearPeople, retention_across, token

    assert token("Ершова Анастасия Игоревна") == token("ЕРШОВА  анастасия игоревна")
    assert "Ершова" not in token("Ершова Анастасия Игоревна")
    before = YearPeople(frozenset({token("Ершова А. И."), token("Смирнов И. Д.")}), frozenset())
    now = YearPeople(frozenset(), frozenset({token("Ершова А. И.")}))
    assert (retention_across(before, now).numerator, retention_across(before, now).denominator) == (1, 2)
    assert retention_across(None, now).value is None
