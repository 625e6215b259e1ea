from datetime import date

from mentorxl.core import contract as k
from mentorxl.core.models import Setting
from mentorxl.core.settings import Settings


def _settings(**values):
    return Settings.from_rows(Setting(row=i + 2, parameter=p, value=v) for i, (p, v) in enumerate(values.items()))


def test_parameters_are_found_by_name_ignoring_case_and_spaces_and_defaults_fill_the_gaps():
    s = _settings(**{"наставляемых на наставника,  не более": "3"})
    assert s.capacity == 3
    assert s.term_months == 9
    assert s.weights.coverage == 50


def test_a_bad_value_is_a_problem_naming_the_parameter_and_the_default_is_used():
    s = _settings(**{k.SET_CAPACITY: "два", k.SET_TERM_MONTHS: "2,5", k.SET_START: "потом"})
    assert s.capacity == 2 and s.term_months == 9 and s.start_date is None
    assert [(p.code, p.row) for p in s.problems] == [("setting_bad", 2), ("setting_bad", 3), ("bad_date", 4)]
    assert "Наставляемых на наставника, не более" in s.problems[0].message


def test_the_start_date_reads_any_date_form():
    assert _settings(**{k.SET_START: "1 октября 2025"}).start_date == date(2025, 10, 1)
