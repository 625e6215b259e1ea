from datetime import date

import pytest

from mentorxl.core.roadmaps import ROADMAP_VARIANTS, SCHOOL_STAGES, RoadmapItem, default_roadmap
from mentorxl.core.terms import parse_term

VARIANTS = sorted(ROADMAP_VARIANTS)
SEVEN_STAGES = (
    "Подготовка условий для реализации системы наставничества",
    "Формирование банка наставляемых",
    "Формирование банка наставников",
    "Отбор и обучение наставников",
    "Организация работы наставнических пар и групп",
    "Завершение персонализированных программ наставничества",
    "Информационная поддержка системы наставничества",
)


def _stages(items: list[RoadmapItem]) -> list[str]:
    return list(dict.fromkeys(item.stage for item in items))


def test_the_three_variants_have_russian_titles():
    assert VARIANTS == ["kindergarten", "school", "target_model"]
    assert all(title and "наставничества" in title for title, _ in ROADMAP_VARIANTS.values())


@pytest.mark.parametrize("variant", ["school", "kindergarten"])
def test_the_school_and_kindergarten_roadmaps_follow_the_seven_stages_of_the_regulation_in_order(variant):
    assert SCHOOL_STAGES == SEVEN_STAGES
    assert _stages(default_roadmap(variant, 2025)) == list(SEVEN_STAGES)


def test_the_target_model_has_seven_stages_and_names_the_student_forms():
    items = default_roadmap("target_model", 2025)
    assert len(_stages(items)) == 7
    text = " ".join(item.event for item in items)
    for form in ("«ученик – ученик»", "«учитель – ученик»", "«студент – ученик»", "«работодатель – ученик»"):
        assert form in text
    responsible = {part.strip().casefold() for item in items for part in item.responsible.split(",")}
    assert {"директор", "куратор", "заместитель директора по вр"} <= responsible


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_default_roadmap_has_twenty_to_thirty_events_each_with_a_responsible_and_a_result(variant):
    items = default_roadmap(variant, 2025)
    assert 20 <= len(items) <= 30
    assert all(item.stage and item.event and item.responsible.strip() and item.result for item in items)
    assert len({item.event for item in items}) == len(items)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("year_start", [2024, 2025, 2031])
def test_every_default_term_is_understood_and_dated_inside_its_school_year(variant, year_start):
    for item in default_roadmap(variant, year_start):
        assert "{" not in item.term + item.result
        term = parse_term(item.term, year_start)
        assert term.understood, item.term
        assert all(date(year_start, 9, 1) <= d <= date(year_start + 1, 8, 31) for d in term.occurrences)


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_term_names_the_years_of_its_school_year_so_it_dates_itself(variant):
    for item in default_roadmap(variant, 2031):
        assert "2031" in item.term or "2032" in item.term, item.term
        term = parse_term(item.term, 1990)  # a wrong school year in «Настройки» must not move the dates
        assert all(date(2031, 9, 1) <= d <= date(2032, 8, 31) for d in term.occurrences), item.term


def test_the_school_roadmap_holds_the_key_events_of_the_regulation():
    events = " ".join(item.event for item in default_roadmap("school", 2025)).casefold()
    for words in ("положения о системе наставничества", "приказа о закреплении наставнических пар",
                  "письменного согласия", "152-фз", "анкетирование", "обучение наставников",
                  "персонализированных программ", "промежуточное анкетирование", "итоговое анкетирование",
                  "лучшие практики", "поощрение наставников", "на сайте"):
        assert words in events, words


def test_the_kindergarten_roadmap_speaks_of_a_preschool():
    items = default_roadmap("kindergarten", 2025)
    people = " ".join(item.responsible for item in items)
    assert "Заведующий" in people and "Старший воспитатель" in people
    assert "Директор" not in people


def test_an_unknown_variant_is_refused_in_russian():
    with pytest.raises(ValueError, match="Нет такой дорожной карты"):
        default_roadmap("university", 2025)
