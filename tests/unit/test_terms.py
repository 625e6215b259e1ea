import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorxl.core.terms import Term, is_overdue, next_due, parse_term, school_year_start

D = date
QUARTERS_2023 = (D(2023, 10, 31), D(2023, 12, 31), D(2024, 3, 31), D(2024, 5, 31))
QUARTERS_2025 = (D(2025, 10, 31), D(2025, 12, 31), D(2026, 3, 31), D(2026, 5, 31))
MONTHS_2025 = (D(2025, 9, 30), D(2025, 10, 31), D(2025, 11, 30), D(2025, 12, 31), D(2026, 1, 31),
               D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30), D(2026, 5, 31))
END_2026 = (D(2026, 5, 31),)
NO_DATE = ()

# (as typed, year_start, occurrences, recurring). These 40 are the «Сроки» of /work/shared/seeds as typed
# there (line breaks, double spaces kept); the 2022 roadmap of seed 003 is read in the 2021/2022 school year.
SEED_TERMS = [
    ("регулярно", 2025, END_2026, "постоянно"),
    ("Сентябрь-\nоктябрь 2023, далее – ежеквартально", 2025, QUARTERS_2023, "ежеквартально"),
    ("Сентябрь – октябрь 2023, далее – ежеквартально", 2025, QUARTERS_2023, "ежеквартально"),
    ("Октябрь 2023, далее – ежеквартально", 2025, QUARTERS_2023, "ежеквартально"),
    ("Октябрь\n2023, далее – постоянно", 2025, (D(2023, 10, 31), D(2024, 5, 31)), "постоянно"),
    ("Декабрь, май", 2025, (D(2025, 12, 31), D(2026, 5, 31)), None),
    ("Постоянно", 2025, END_2026, "постоянно"),
    ("сентябрь", 2025, (D(2025, 9, 30),), None),
    ("Ежегодно сентябрь\n (дополнительно по запросу)", 2025, (D(2025, 9, 30),), "ежегодно"),
    ("В течение учебного  года ", 2025, END_2026, "в течение года"),
    ("Ежегодно апрель – май ", 2025, END_2026, "ежегодно"),
    ("Сентябрь, октябрь", 2025, (D(2025, 9, 30), D(2025, 10, 31)), None),
    ("Октябрь-ноябрь", 2025, (D(2025, 11, 30),), None),
    ("Октябрь-ноябрь, в течение года", 2025, (D(2025, 11, 30), D(2026, 5, 31)), "в течение года"),
    ("В течение года", 2025, END_2026, "в течение года"),
    ("Ноябрь", 2025, (D(2025, 11, 30),), None),
    ("Ноябрь, декабрь", 2025, (D(2025, 11, 30), D(2025, 12, 31)), None),
    ("В течение года (1 раз в месяц)", 2025, MONTHS_2025, "ежемесячно"),
    ("Ноябрь, в течении года", 2025, (D(2025, 11, 30), D(2026, 5, 31)), "в течение года"),
    ("Декабрь, в течении года", 2025, (D(2025, 12, 31), D(2026, 5, 31)), "в течение года"),
    ("По завершении наставнических отношений", 2025, END_2026, None),
    ("В конце учебного года", 2025, END_2026, None),
    ("январь", 2021, (D(2022, 1, 31),), None),
    ("январь-февраль", 2021, (D(2022, 2, 28),), None),
    ("февраль", 2021, (D(2022, 2, 28),), None),
    ("март", 2021, (D(2022, 3, 31),), None),
    ("до 15 марта 2022 г.", 2021, (D(2022, 3, 15),), None),
    ("до 31 марта 2022 г", 2021, (D(2022, 3, 31),), None),
    ("В соответствии с дорожной картой", 2021, NO_DATE, None),
    ("в соответствии со сроками реализации программ наставничества", 2021, NO_DATE, None),
    ("до 24.04.2022 г.", 2021, (D(2022, 4, 24),), None),
    ("сентябрь 2022 г.", 2021, (D(2022, 9, 30),), None),
    ("ноябрь 2022 г.", 2021, (D(2022, 11, 30),), None),
    ("декабрь 2022г.", 2021, (D(2022, 12, 31),), None),
    ("в течение года", 2021, (D(2022, 5, 31),), "в течение года"),
    ("в соответствии со сроками, устанавливаемыми Минпросвещения России", 2021, NO_DATE, None),
    ("март — декабрь 2022 г.", 2021, (D(2022, 12, 31),), None),
    ("март - декабрь 2022 г.", 2021, (D(2022, 12, 31),), None),
    ("апрель 2022 г.", 2021, (D(2022, 4, 30),), None),
    ("май, август 2022 г.", 2021, (D(2022, 5, 31), D(2022, 8, 31)), None),
]

# The phrasings the contract and the brief name, and the typing habits around them.
OTHER_TERMS = [
    ("Сентябрь – октябрь 2025, далее – ежеквартально", 2025, QUARTERS_2025, "ежеквартально"),
    ("Сентябрь—Октябрь  2025 гг., далее—ежеквартально", 2025, QUARTERS_2025, "ежеквартально"),
    ("СЕНТЯБРЬ - ОКТЯБРЬ 2025 ГОДА", 2025, (D(2025, 10, 31),), None),
    ("сентябрь – октябрь, 2023 г.", 2025, (D(2023, 10, 31),), None),
    ("до 15 марта 2026 г.", 2025, (D(2026, 3, 15),), None),
    ("Ежегодно сентябрь", 2025, (D(2025, 9, 30),), "ежегодно"),
    ("ежемесячно", 2025, MONTHS_2025, "ежемесячно"),
    ("с ноября ежемесячно", 2025, MONTHS_2025[2:], "ежемесячно"),
    ("Ежеквартально", 2025, QUARTERS_2025, "ежеквартально"),
    ("1 раз в четверть", 2025, QUARTERS_2025, "ежеквартально"),
    ("раз в полугодие", 2025, (D(2025, 12, 31), D(2026, 5, 31)), "раз в полугодие"),
    ("2 раза в год", 2025, (D(2025, 12, 31), D(2026, 5, 31)), "раз в полугодие"),
    ("по мере необходимости", 2025, NO_DATE, "по мере необходимости"),
    ("по запросу", 2025, NO_DATE, "по мере необходимости"),
    ("по графику", 2025, NO_DATE, None),
    ("I полугодие", 2025, (D(2025, 12, 31),), None),
    ("II полугодие", 2025, END_2026, None),
    ("II четверть", 2025, (D(2025, 12, 31),), None),
    ("IV четверть", 2025, END_2026, None),
    ("по итогам I четверти", 2025, (D(2025, 10, 31),), None),
    ("конец учебного года", 2025, END_2026, None),
    ("начало учебного года", 2025, (D(2025, 9, 30),), None),
    ("май 2026", 2025, END_2026, None),
    ("в мае", 2025, END_2026, None),
    ("01.09.2025", 2025, (D(2025, 9, 1),), None),
    ("2025-09-15", 2025, (D(2025, 9, 15),), None),
    ("до 01.10.2025", 2025, (D(2025, 10, 1),), None),
    ("к 1 сентября 2025 г.", 2025, (D(2025, 9, 1),), None),
    ("до сентября", 2025, (D(2025, 9, 1),), None),
    ("до конца сентября", 2025, (D(2025, 9, 30),), None),
    ("с 1 по 15 сентября", 2025, (D(2025, 9, 15),), None),
    ("1-15 сентября", 2025, (D(2025, 9, 15),), None),
    ("с 01.09.2025 по 30.09.2025", 2025, (D(2025, 9, 30),), None),
    ("в течение 2025–2026 уч. года", 2024, END_2026, "в течение года"),
    ("I полугодие 2025/2026 учебного года", 2030, (D(2025, 12, 31),), None),
    ("август-сентябрь", 2025, (D(2025, 9, 30),), None),
    ("Сентябрь 2023 г. – май 2024 г.", 2025, (D(2024, 5, 31),), None),
    ("декабрь, май 2024", 2025, (D(2023, 12, 31), D(2024, 5, 31)), None),
    ("3 неделя сентября", 2025, (D(2025, 9, 21),), None),
    ("в течение первой недели сентября", 2025, (D(2025, 9, 7),), None),
    ("последняя неделя мая", 2025, END_2026, None),
    ("2025 г.", 2025, (D(2025, 12, 31),), None),
    ("<p>Ноябрь, декабрь</p>", 2025, (D(2025, 11, 30), D(2025, 12, 31)), None),
    ("до конца календарного года", 2025, (D(2025, 12, 31),), None),  # the December of the school year
    ("в течение сентября", 2025, (D(2025, 9, 30),), None),
    ("в течение первого полугодия", 2025, (D(2025, 12, 31),), None),
    ("в течение II четверти", 2025, (D(2025, 12, 31),), None),
    ("не позднее 15 октября 2025 г.", 2025, (D(2025, 10, 15),), None),
    ("сентябрь-май", 2025, END_2026, None),
    ("октябрь, февраль, май", 2025, (D(2025, 10, 31), D(2026, 2, 28), D(2026, 5, 31)), None),
    ("ноябрь – декабрь 2025 г., март 2026 г.", 2025, (D(2025, 12, 31), D(2026, 3, 31)), None),
    ("по итогам полугодия", 2025, (D(2025, 12, 31), D(2026, 5, 31)), "раз в полугодие"),
    ("1 раз в квартал", 2025, QUARTERS_2025, "ежеквартально"),
    ("один раз в месяц", 2025, MONTHS_2025, "ежемесячно"),
    ("до 20 числа каждого месяца", 2025, MONTHS_2025, "ежемесячно"),
    ("раз в две недели", 2025, END_2026, "постоянно"),
    ("апрель 2026 г. (итоговое анкетирование)", 2025, (D(2026, 4, 30),), None),
]


@pytest.mark.parametrize(("text", "year_start", "occurrences", "recurring"), SEED_TERMS + OTHER_TERMS)
def test_a_term_as_schools_type_it_is_understood_with_its_deadlines(text, year_start, occurrences, recurring):
    term = parse_term(text, year_start)
    assert term == Term(text, True, occurrences[0] if occurrences else None, occurrences, recurring)


def test_the_collection_holds_at_least_sixty_phrasings():
    assert len({text for text, *_ in SEED_TERMS + OTHER_TERMS}) >= 60


@pytest.mark.parametrize(
    "text",
    ["когда получится", "в течение месяца", "3 раза в год", "в каникулы", "в течение двух недель после приказа",
     "", "   ", "Мероприятие", "31 февраля", "0 мая"],
)
def test_text_without_a_term_is_not_understood(text):
    term = parse_term(text, 2025)
    assert (term.understood, term.first_due, term.occurrences, term.recurring) == (False, None, (), None)


def test_the_year_start_may_be_passed_by_name():
    assert parse_term("сентябрь", year_start=2030).first_due == D(2030, 9, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2025/2026", 2025), ("2025-2026", 2025), ("2025–2026 учебный год", 2025), ("2025", 2025),
     ("2025/26 уч. г.", 2025), (2025.0, 2025)],
)
def test_the_school_year_is_read_from_its_first_year(text, expected):
    assert school_year_start(text, D(2030, 1, 1)) == expected


@pytest.mark.parametrize(
    ("today", "expected"), [(D(2025, 9, 1), 2025), (D(2026, 8, 31), 2025), (D(2026, 1, 15), 2025)]
)
def test_without_a_school_year_the_one_holding_today_is_taken(today, expected):
    assert school_year_start(None, today) == expected
    assert school_year_start("когда-нибудь", today) == expected


def test_the_next_deadline_is_the_first_not_passed_else_the_last():
    term = parse_term("Декабрь, май", 2025)
    assert next_due(term, D(2025, 11, 1)) == D(2025, 12, 31)
    assert next_due(term, D(2025, 12, 31)) == D(2025, 12, 31)
    assert next_due(term, D(2026, 1, 1)) == D(2026, 5, 31)
    assert next_due(term, D(2026, 7, 1)) == D(2026, 5, 31)
    assert next_due(parse_term("по запросу", 2025), D(2026, 7, 1)) is None


ONE_TERM = parse_term("до 15 октября 2025 г.", 2025)
QUARTERLY = parse_term("Сентябрь – октябрь 2025, далее – ежеквартально", 2025)
TWO_DATES = parse_term("Декабрь, май", 2025)


@pytest.mark.parametrize("status", ["", None, "Запланировано", "В работе", " в  работе "])
def test_a_single_term_is_overdue_once_its_date_passed_whatever_the_status_but_done(status):
    assert is_overdue(ONE_TERM, status, D(2025, 10, 16))
    assert not is_overdue(ONE_TERM, status, D(2025, 10, 15))


@pytest.mark.parametrize("status", ["Выполнено", "выполнено", "Отменено", "ОТМЕНЕНО "])
def test_done_or_cancelled_events_are_never_overdue(status):
    assert not is_overdue(ONE_TERM, status, D(2030, 1, 1))
    assert not is_overdue(QUARTERLY, status, D(2030, 1, 1))


def test_a_recurring_term_is_overdue_only_when_nothing_started_after_its_first_deadline():
    assert is_overdue(QUARTERLY, "", D(2025, 11, 1))
    assert is_overdue(QUARTERLY, "Запланировано", D(2025, 11, 1))
    assert not is_overdue(QUARTERLY, "В работе", D(2026, 7, 1))
    assert not is_overdue(QUARTERLY, "", D(2025, 10, 31))


def test_several_dates_are_overdue_when_nothing_started_after_the_first_or_the_last_passed():
    assert is_overdue(TWO_DATES, "Запланировано", D(2026, 1, 10))
    assert not is_overdue(TWO_DATES, "В работе", D(2026, 1, 10))
    assert is_overdue(TWO_DATES, "В работе", D(2026, 6, 1))


def test_terms_without_a_date_are_never_overdue():
    for text in ("по запросу", "по графику", "когда получится"):
        assert not is_overdue(parse_term(text, 2025), "", D(2030, 1, 1))


FRAGMENTS = [
    "сентябрь", "октября", "май", "декабрь", "август", "январь", "–", "—", "-", ",", ";", "\n", " ", "до",
    "с", "по", "к", "далее", "ежеквартально", "ежемесячно", "ежегодно", "в течение", "года", "учебного",
    "постоянно",
    "по запросу", "I", "II", "IV", "четверть", "полугодие", "неделя", "3", "15", "31", "1 раз в", "месяц",
    "конец", "начало", "г.", "гг.", "по графику", "(", ")", "2", "раза в год", "завершении", "программы",
]
_EXPLICIT_YEAR = re.compile(r"\d{4}|\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d\d")


@given(st.text(max_size=80), st.integers(1900, 2100))
def test_any_text_is_parsed_without_raising_into_sorted_deadlines(text, year_start):
    term = parse_term(text, year_start)
    assert list(term.occurrences) == sorted(set(term.occurrences))
    assert term.first_due == (term.occurrences[0] if term.occurrences else None)
    assert term.understood or not term.occurrences


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map(" ".join), st.integers(1990, 2090))
def test_without_an_explicit_year_every_deadline_falls_in_the_school_year(text, year_start):
    term = parse_term(text, year_start)
    assert list(term.occurrences) == sorted(set(term.occurrences))
    if not _EXPLICIT_YEAR.search(text):
        assert all(D(year_start, 8, 1) <= d <= D(year_start + 1, 8, 31) for d in term.occurrences)


@given(st.text(max_size=60), st.dates(D(1990, 1, 1), D(2090, 12, 31)))
def test_school_year_start_never_raises(text, today):
    assert 1900 <= school_year_start(text, today) <= 2099
