from mentorxl.core import contract as k
from mentorxl.core.problems import Severity
from tests.builders import settings_grid
from tests.unit.validation_builder import book, problems


def test_an_empty_director_is_a_warning_at_its_row_saying_what_it_is_needed_for():
    sheets = book()
    sheets[k.SETTINGS.name] = settings_grid({k.SET_HEAD: ""})
    [p] = problems(sheets, "setting_missing")
    assert (p.severity, p.sheet, p.row, p.column, p.value) == (
        Severity.WARNING,
        "Настройки",
        4,
        "Значение",
        "Руководитель",
    )
    assert "не заполнен параметр «Руководитель»" in p.message and "подписи приказов" in p.hint


def test_a_parameter_without_its_row_is_reported_without_a_row():
    sheets = book()
    sheets[k.SETTINGS.name] = [
        ["Параметр", "Значение"],
        [k.SET_ORG_FULL, "МБОУ «СШ № 1»"],
        [k.SET_HEAD, "Орлова Т. Н."],
        [k.SET_YEAR, "2025/2026"],
    ]
    [p] = problems(sheets, "setting_missing")
    assert (p.row, p.value) == (None, k.SET_CURATOR)


def test_complete_settings_give_no_problems():
    assert problems(book(), "setting_missing") == []


def test_an_optional_parameter_left_empty_is_no_problem_and_a_needed_one_is_only_a_warning():
    sheets = book()
    sheets[k.SETTINGS.name] = settings_grid({k.SET_HEAD: "", k.SET_CAPACITY: ""})
    found = problems(sheets)
    assert [(p.code, p.value) for p in found if p.sheet == "Настройки"] == [("setting_missing", "Руководитель")]
