"""The demo school as data (no files), and the parts of the workbook layout that are pure logic."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorxl.builder import demo
from mentorxl.builder.layout import (
    SURVEY_QUESTIONS,
    RowData,
    SchoolData,
    book_layout,
    due_dates,
    overdue_by_formula,
    roadmap_rows,
    windows_interpreter,
    xlwings_config,
)
from mentorxl.core import contract as k
from mentorxl.core import vocabulary as v
from mentorxl.core.dates import add_months
from mentorxl.core.roadmaps import ROADMAP_VARIANTS
from mentorxl.core.tags import TagDictionary
from mentorxl.core.terms import is_overdue, parse_term
from mentorxl.core.text import hidden_latin, split_list, split_names

TODAY = date(2025, 11, 20)
TAGS = TagDictionary(v.DEFAULT_TAGS)
any_day = st.dates(min_value=date(2023, 9, 1), max_value=date(2031, 8, 31))


def dates_in(row: RowData) -> list[date]:
    """The dates of what happened: all but the planned end of a pair."""
    return [value for key, value in row.items() if isinstance(value, date) and key != "end"]


def in_force(school: SchoolData) -> list[RowData]:
    return [p for p in school.pairs if p["status"] == v.PAIR_ACTIVE]


def test_the_demo_school_has_the_size_the_issue_asks_for():
    school = demo.demo_school(TODAY)
    assert 15 <= len(school.mentees) <= 20
    assert 10 <= len(school.mentors) <= 14
    pairs = in_force(school)
    groups = [p for p in pairs if len(split_names(p["mentees"])) > 1]
    assert len(groups) == 1 and 3 <= len(pairs) - len(groups) <= 4
    assert all(p["order_number"] and p["order_date"] for p in pairs)
    assert school.settings[k.SET_CAPACITY] == 3 and school.settings["Численность педагогов"] == 80


def test_the_same_day_gives_the_same_school():
    assert demo.demo_school(TODAY) == demo.demo_school(TODAY)


def test_the_organisation_given_on_the_command_line_replaces_both_demo_names():
    settings = demo.demo_school(TODAY, org="МАОУ «Лицей № 1»").settings
    assert settings[k.SET_ORG_FULL] == settings[k.SET_ORG_SHORT] == "МАОУ «Лицей № 1»"


def test_demo_schools_made_with_different_names_have_different_inns_with_a_right_control_digit():
    inns = {demo.demo_school(TODAY, org=f"МБОУ «СОШ № {n}»").settings[k.SET_ORG_INN] for n in range(1, 9)}
    assert len(inns) == 8 and demo.SETTINGS[k.SET_ORG_INN] not in inns
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    for inn in inns:
        control = sum(int(c) * w for c, w in zip(inn[:9], weights, strict=True)) % 11 % 10
        assert len(inn) == 10 and int(inn[9]) == control


def test_a_district_school_of_the_demo_has_its_own_settings_and_lacks_the_mentors_it_does_not_have():
    rural = demo.NETWORK_SCHOOLS[0]
    school = demo.demo_school(TODAY, org=rural.short_name)
    assert school.settings[k.SET_ORG_INN] == rural.inn and school.settings[k.SET_PLACE] == rural.place
    assert school.settings[k.SET_ORG_FULL] == rural.full_name and school.settings["Численность педагогов"] == 34
    names = {m["name"] for m in school.mentors}
    assert not names & rural.without and len(names) == len(demo.MENTORS) - len(rural.without)
    assert len({s.inn for s in demo.NETWORK_SCHOOLS} | {demo.SETTINGS[k.SET_ORG_INN]}) == 4
    assert len({s.place for s in demo.NETWORK_SCHOOLS}) == 3


def test_the_demo_fills_the_columns_the_indicators_and_the_network_read():
    from mentorxl.core.indicators import age_on

    school = demo.demo_school(TODAY)
    sept = date(2025, 9, 1)
    young = [m for m in school.mentees if m["category"] == demo.YOUNG]
    assert all(age_on(m["birth_date"], sept) < 35 and m["young"] == "да" for m in young)
    assert all(age_on(m["birth_date"], sept) >= 35 for m in school.mentors)
    under_35_not_by_category = [m["name"] for m in school.mentees
                                if m["category"] != demo.YOUNG and age_on(m["birth_date"], sept) < 35]
    assert "Романова Екатерина Павловна" in under_35_not_by_category
    assert {m["name"] for m in school.mentees if m["young"] == "нет"} == {"Васильева Татьяна Игоревна"}
    assert {m["name"] for m in school.mentees if m["network_consent"]} == demo.NETWORK_MENTEES
    assert {m["name"] for m in school.mentors if m["network_consent"]} == demo.NETWORK_MENTORS
    for key in (k.SET_ORG_INN, k.SET_ORG_OGRN, k.SET_ORG_ADDRESS, k.SET_MENTOR_PAY, "Численность педагогов"):
        assert school.settings[key], key


def test_every_demo_tag_is_known_to_the_dictionary_except_the_deliberate_typos():
    school = demo.demo_school(TODAY)
    typed = [t for m in school.mentees for t in split_list(m["requests"])]
    typed += [t for m in school.mentors for t in split_list(m["competences"])]
    unknown = {t for t in typed if TAGS.canonical(t) is None}
    assert unknown == demo.DEMO_TAG_TYPOS
    assert all(TAGS.nearest(t) for t in unknown)  # the checker can name the tag meant


def test_most_requests_are_typed_as_synonyms_or_word_forms_not_as_canonical_names():
    school = demo.demo_school(TODAY)
    typed = [t for m in school.mentees for t in split_list(m["requests"])]
    assert sum(t in v.DEFAULT_TAGS for t in typed) < len(typed) / 4


def test_every_request_of_a_mentee_in_a_pair_is_covered_by_the_mentor():
    school = demo.demo_school(TODAY)
    mentors = {m["name"]: m for m in school.mentors}
    mentees = {m["name"]: m for m in school.mentees}
    for pair in in_force(school):
        offered = set(TAGS.normalize_all(split_list(mentors[pair["mentor"]]["competences"])))
        for name in split_names(pair["mentees"]):
            wanted = set(TAGS.normalize_all(split_list(mentees[name]["requests"])))
            assert wanted - {TAGS.normalize(t) for t in demo.DEMO_TAG_TYPOS} <= offered, name


def test_the_demo_problems_point_at_the_rows_that_hold_them():
    school = demo.demo_school(TODAY)
    rows = {k.MENTEES.name: school.mentees, k.MENTORS.name: school.mentors}
    keys = {(spec.name, c.header): c.key for spec in (k.MENTEES, k.MENTORS) for c in spec.columns}
    found = {}
    for sheet, row, column, code in demo.DEMO_PROBLEMS:
        found[code] = rows[sheet][row - demo.NAME_ROW][keys[sheet, column]]
    assert hidden_latin(str(found["latin_in_name"])) == "o"
    assert found["consent_mentoring_missing"] is None
    assert found["bad_date"] == "31.09.2025"
    mentor = school.mentors[demo.NO_CONSENT_MENTOR]["name"]
    assert any(p["mentor"] == mentor for p in in_force(school))


def test_entry_surveys_cover_everyone_in_a_pair_and_middle_surveys_only_some():
    school = demo.demo_school(TODAY)
    pairs = in_force(school)
    people = {p["mentor"] for p in pairs} | {n for p in pairs for n in split_names(p["mentees"])}
    entry = {s["respondent"] for s in school.surveys if s["survey"] == v.SURVEY_ENTRY}
    middle = {s["respondent"] for s in school.surveys if s["survey"] == v.SURVEY_MIDDLE}
    assert entry == people
    assert middle and middle < people
    assert all(1 <= s[q] <= 10 for s in school.surveys for q in SURVEY_QUESTIONS)


@settings(max_examples=40, deadline=None)
@given(any_day)
def test_on_any_day_nothing_in_the_demo_happened_after_it_and_pairs_last_three_to_twelve_months(today):
    school = demo.demo_school(today)
    rows = [*school.mentees, *school.mentors, *school.pairs, *school.surveys, *school.meetings,
            *school.roadmap]
    assert all(d <= today for row in rows for d in dates_in(row))
    for pair in school.pairs:
        if pair["start"]:
            assert add_months(pair["start"], 3) <= pair["end"] <= add_months(pair["start"], 12)
    assert all(p["status"] in (v.PAIR_ACTIVE, v.PAIR_DRAFT) for p in school.pairs) == (today <= date(
        today.year if today.month < 9 else today.year + 1, 5, 31))


@settings(max_examples=40, deadline=None)
@given(any_day)
def test_roadmap_events_marked_done_have_a_date_and_statuses_come_from_the_list(today):
    for row in demo.demo_school(today).roadmap:
        assert row["status"] in v.EVENT_STATUSES
        assert (row["status"] == v.EVENT_DONE) == (row.get("done_on") is not None)


def test_meetings_follow_the_order_every_one_to_three_weeks():
    school = demo.demo_school(TODAY)
    order = in_force(school)[0]["order_date"]
    days = sorted(m["date"] for m in school.meetings if m["pair"] == 1)
    assert days and days[0] > order
    assert all(timedelta(days=7) <= b - a <= timedelta(days=21) for a, b in pairwise(days))


# ---------------------------------------------------------------- the layout the demo is written into
@pytest.mark.parametrize("variant", list(ROADMAP_VARIANTS))
def test_the_overdue_highlight_formula_agrees_with_the_programs_own_rule(variant):
    year = 2025
    days = [date(2025, 9, 1) + timedelta(days=n) for n in range(0, 365, 9)]
    for row in roadmap_rows(variant, year):
        term = parse_term(str(row["term"]), year)
        first, last = due_dates(str(row["term"]), year)
        for status in ("", *v.EVENT_STATUSES):
            for today in days:
                assert overdue_by_formula(status, first, last, today) == is_overdue(term, status, today), (
                    row["term"], status, today)


def test_the_roadmap_of_a_new_book_is_numbered_and_planned():
    rows = roadmap_rows("school", 2025)
    assert [r["number"] for r in rows] == list(range(1, len(rows) + 1))
    assert {r["status"] for r in rows} == {v.EVENT_PLANNED}


def test_xlwings_config_records_the_interpreter_only_for_its_own_platform(tmp_path):
    windows = dict(xlwings_config(r"C:\Python311\python.exe", "win32", str(tmp_path)))
    assert windows["Interpreter_Win"] == r"C:\Python311\python.exe" and "Interpreter_Mac" not in windows
    mac = dict(xlwings_config("/usr/local/bin/python3", "darwin", str(tmp_path)))
    assert mac["Interpreter_Mac"] == "/usr/local/bin/python3" and "Interpreter_Win" not in mac
    assert all(value for value in (*windows.values(), *mac.values())), "an empty key hides the user's config"
    assert "Conda Env" not in windows


def test_on_windows_the_buttons_run_pythonw_beside_the_python_that_built_the_book(tmp_path):
    (tmp_path / "python.exe").write_bytes(b"")
    (tmp_path / "pythonw.exe").write_bytes(b"")
    config = dict(xlwings_config(str(tmp_path / "python.exe"), "win32", str(tmp_path)))
    assert config["Interpreter_Win"] == str(tmp_path / "pythonw.exe")


def test_without_a_pythonw_beside_it_the_interpreter_itself_is_recorded(tmp_path):
    (tmp_path / "python.exe").write_bytes(b"")
    assert windows_interpreter(str(tmp_path / "python.exe")) == str(tmp_path / "python.exe")
    assert windows_interpreter(str(tmp_path / "python3.11")) == str(tmp_path / "python3.11")


def test_the_portable_book_has_no_xlwings_sheet_so_the_users_own_xlwings_conf_is_not_overridden():
    layout = book_layout(org=None, year_start=2025, variant="school", today=TODAY, xlwings=True, portable=True)
    assert [s.name for s in layout.sheets] == list(k.SHEET_ORDER)


def test_xlwings_config_names_the_conda_environment_the_interpreter_lives_in(tmp_path):
    env = tmp_path / "miniconda3" / "envs" / "school"
    (env / "conda-meta").mkdir(parents=True)
    config = dict(xlwings_config(str(env / "python.exe"), "win32", str(env)))
    assert config["Conda Path"] == str(tmp_path / "miniconda3") and config["Conda Env"] == "school"


def test_the_layout_puts_the_sheets_in_contract_order_with_the_xlwings_sheet_last_and_hidden():
    layout = book_layout(org=None, year_start=2025, variant="school", today=TODAY, xlwings=True)
    assert [s.name for s in layout.sheets] == [*k.SHEET_ORDER, "xlwings.conf"]
    assert layout.sheets[-1].hidden
