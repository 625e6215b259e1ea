"""Issue 10, points 3–4: a status, a decision and a name mean one thing everywhere; a pair is never created
twice; an order number is never issued twice; the куратор's decisions and notes on «Подбор» survive every run."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorxl.actions.pairs import approve_pairs, match_pairs
from mentorxl.book.fake import FakeBook
from mentorxl.core import contract as k
from mentorxl.core import orders
from mentorxl.core.approval import plan_approval
from mentorxl.core.matching import match
from mentorxl.core.matching.result import MatchResult, MatchSuggestion, Unmatched
from mentorxl.core.models import Mentee, Pair, Suggestion
from mentorxl.core.statuses import Decision, MenteeStatus, PairStatus, parse
from mentorxl.core.suggestions import suggestion_rows
from mentorxl.documents import context as c
from tests.builders import grid, mentee, mentor, minimal_book
from tests.unit.validation_builder import problems

TODAY = date(2025, 9, 15)
MARIA, PETR = "Иванова Мария Петровна", "Петров Пётр Петрович"
ANNA, OLEG = "Кузнецова Анна Сергеевна", "Орлов Олег Олегович"


@pytest.mark.parametrize("typed", ["Утвердить", "утвердить", "  УТВЕРДИТЬ ", "Утвepдить"])  # the last: Latin «e», «p»
def test_a_decision_is_read_in_any_case_spacing_or_lookalike_letters(typed):
    assert Suggestion(decision=typed).choice is Decision.APPROVE and Suggestion(decision=typed).decided


def test_a_status_no_list_holds_is_unknown_and_an_empty_one_is_none():
    assert parse(PairStatus, "в работе?") is PairStatus.UNKNOWN
    assert parse(PairStatus, None) is PairStatus.NONE and parse(PairStatus, "  ") is PairStatus.NONE
    assert Pair(status="утверждёна").in_force and Pair(status="ДЕЙСТВУЕТ").in_force
    assert not Pair(status="Проект").in_force and Pair(status="Проект").exists
    assert not Pair(status="расторгнута").exists and not Pair(status="Завершена").exists


def test_an_empty_mentee_status_waits_and_a_lower_case_one_means_the_same():
    assert Mentee(status="").waiting and Mentee(status="ожидает  пары").waiting
    assert Mentee(status="в паре").state is MenteeStatus.PAIRED and not Mentee(status="в паре").waiting


@given(st.sampled_from(["Утвердить", "Отклонить", "Проект", "Утверждена", "Действует", "Ожидает пары"]),
       st.lists(st.sampled_from([str.upper, str.lower, str.title, lambda s: f"  {s} ", lambda s: s.replace("е", "ё")]),
                max_size=3))
def test_a_value_changed_only_in_case_spaces_or_yo_keeps_its_meaning(word, changes):
    typed = word
    for change in changes:
        typed = change(typed)
    for kind in (Decision, PairStatus, MenteeStatus):
        assert parse(kind, typed) is parse(kind, word)


def _book(suggestions, pairs=(), mentees=None):
    sheets = minimal_book(
        mentees=mentees or [mentee(MARIA), mentee(PETR)],
        mentors=[mentor(ANNA, capacity=3), mentor(OLEG, capacity=3)], pairs=pairs)
    sheets[k.SUGGESTIONS.name] = grid(k.SUGGESTIONS, suggestions)
    return FakeBook(sheets)


def test_lower_case_approve_is_approved_by_approval_as_by_matching():
    book = _book([{"mentee": MARIA, "mentor": ANNA, "matched": "ИКТ", "decision": "утвердить"}])
    assert [p["mentees"] for p in plan_approval(book.read(), today=TODAY).pairs] == [[MARIA]]


@pytest.mark.parametrize("status", ["Проект", "Утверждена", "действует", ""])
def test_a_mentee_with_a_pair_that_exists_is_never_given_a_second_one_and_approval_says_why(status):
    book = _book([{"mentee": MARIA, "mentor": ANNA, "matched": "ИКТ", "decision": "Утвердить"}],
                 pairs=[{"number": 6, "mentor": ANNA, "mentees": MARIA, "status": status}])
    outcome = approve_pairs(book, today=TODAY)
    assert outcome.exit_code == 1 and book.rows_of(k.PAIRS)[1:] == []
    assert "уже состоит в паре № 6" in outcome.message


@pytest.mark.parametrize("status", ["Завершена", "Расторгнута"])
def test_a_mentee_whose_pair_ended_may_be_paired_again(status):
    book = _book([{"mentee": MARIA, "mentor": ANNA, "matched": "ИКТ", "decision": "Утвердить"}],
                 pairs=[{"number": 6, "mentor": OLEG, "mentees": MARIA, "status": status}])
    outcome = approve_pairs(book, today=TODAY)
    assert outcome.exit_code == 0 and [p["number"] for p in outcome.data["pairs"]] == [7]


def test_a_new_pair_number_is_a_number_and_approval_lists_what_it_skipped():
    book = _book([{"mentee": MARIA, "mentor": ANNA, "matched": "ИКТ", "decision": "Утвердить"},
                  {"mentee": PETR, "mentor": OLEG, "matched": "ИКТ", "decision": "Утвердить"}],
                 pairs=[{"number": "№ 3", "mentor": OLEG, "mentees": PETR, "status": "Проект"}])
    outcome = approve_pairs(book, today=TODAY)
    written = book.rows_of(k.PAIRS)[-1]
    assert written["number"] == 4 and isinstance(written["number"], int)
    assert "Пропущено предложений: 1" in outcome.message and PETR in outcome.message


def test_a_mentee_in_a_draft_pair_is_not_matched_again_and_the_reason_names_the_draft():
    sheets = minimal_book(mentees=[mentee(MARIA)], mentors=[mentor(ANNA)],
                          pairs=[{"number": 6, "mentor": ANNA, "mentees": MARIA, "status": "Проект"}])
    result = match(FakeBook(sheets).read())
    assert result.suggestions == [] and [u.code for u in result.unmatched] == ["in_draft"]
    assert "№ 6" in result.unmatched[0].reason and "Проект" in result.unmatched[0].reason


def test_check_reports_a_draft_beside_a_pair_in_force_and_the_same_pair_twice():
    sheets = minimal_book(mentees=[mentee(MARIA, status="В паре"), mentee(PETR, status="В паре")],
                          mentors=[mentor(ANNA), mentor(OLEG)], pairs=[
        {"number": 1, "mentor": ANNA, "mentees": MARIA, "status": "Действует"},
        {"number": 2, "mentor": OLEG, "mentees": MARIA, "status": "Проект"},
        {"number": 3, "mentor": OLEG, "mentees": PETR, "status": "Утверждена"},
        {"number": 4, "mentor": "орлов олег олегович", "mentees": PETR, "status": ""},
    ])
    assert [(p.row, p.value) for p in problems(sheets, "mentee_draft_and_in_force")] == [(3, MARIA)]
    [twice] = problems(sheets, "pair_repeated")
    assert (twice.row, twice.column, twice.value) == (5, "Наставляемые", PETR) and "№ 3, 4" in twice.message


def _pair(number, mentee_name, status="Утверждена", order=""):
    return Pair(number=number, mentor=ANNA, mentees=[mentee_name], status=status, order_number=order)


def test_an_order_takes_approved_pairs_without_an_order_but_not_a_repeat_of_an_ordered_pair():
    pairs = [_pair("1", MARIA, order="12-о"), _pair("2", PETR), _pair("3", MARIA, status="Проект"), _pair("4", MARIA),
             _pair("5", "Сидорова Ольга Павловна", status="утверждена")]
    assert [p.number for p in orders.pairs_to_order(pairs)] == ["2", "5"]


def test_an_order_number_is_never_issued_twice():
    pairs = [_pair("1", MARIA, order="№ 149-о"), _pair("2", PETR, order="150-о")]
    assert orders.next_order_number(orders.orders_of(pairs)) == "151-о"
    assert orders.number_taken("149-О", pairs) and not orders.number_taken("151-о", pairs)
    assert c.next_order_number(["12", "3"]) == "13"  # the old name keeps working


def test_the_order_command_refuses_a_number_already_given(tmp_path):
    from mentorxl.actions.documents import make_order
    from mentorxl.errors import MentorXLError

    sheets = minimal_book(mentees=[mentee(MARIA), mentee(PETR)], mentors=[mentor(ANNA)], pairs=[
        {"number": 1, "mentor": ANNA, "mentees": MARIA, "status": "Утверждена", "order_number": "7"},
        {"number": 2, "mentor": ANNA, "mentees": PETR, "status": "Утверждена"}])
    with pytest.raises(MentorXLError, match="№ 7 уже выдан"):
        make_order(FakeBook(sheets), out_dir=tmp_path, number="7", on=TODAY, today=TODAY)


def _result(*pairs, unmatched=()):
    return MatchResult([MatchSuggestion(m, t, 90, ["ИКТ"], [], [], "причина") for m, t in pairs],
                       [Unmatched(m, "нет наставника", "no_mentor") for m in unmatched])


def test_the_merge_keeps_touched_rows_in_order_refreshes_them_and_replaces_the_untouched():
    previous = [
        Suggestion(mentee=MARIA, mentor=OLEG, score=95, decision="отклонить"),
        Suggestion(mentee=PETR, mentor=ANNA, score=60, extra={"Заметка": "позвонить"}),
        Suggestion(mentee="Сидорова Ольга Павловна", mentor=ANNA, score=50),
    ]
    rows = suggestion_rows(previous, _result((PETR, ANNA), (MARIA, ANNA), unmatched=["Сидорова Ольга Павловна"]))
    assert [(r["mentee"], r["mentor"], r.get("decision"), r["Заметка"]) for r in rows] == [
        (MARIA, OLEG, "Отклонить", None), (PETR, ANNA, "", "позвонить"), (MARIA, ANNA, "", None),
        ("Сидорова Ольга Павловна", "", None, None)]
    assert rows[1]["score"] == 90  # refreshed by the new run


def test_any_other_word_in_the_decision_column_is_kept_as_typed():
    rows = suggestion_rows([Suggestion(mentee=MARIA, mentor=OLEG, decision="подумать")], _result())
    assert [(r["mentee"], r["decision"]) for r in rows] == [(MARIA, "подумать")]


def test_a_rejected_pair_never_comes_back_and_a_note_stays_through_three_runs():
    sheets = minimal_book(mentees=[mentee(MARIA)], mentors=[mentor(ANNA), mentor(OLEG, "ИКТ; ФГОС")])
    book = FakeBook(sheets)
    match_pairs(book)
    [first] = [r for r in book.rows_of(k.SUGGESTIONS) if r["mentor"]]
    table = book.table(k.SUGGESTIONS)
    grid_rows = book.grids[table.sheet]
    grid_rows[0].append("Заметка")
    line = grid_rows[table.rows[0][0] - 1]
    line[table.columns["decision"]] = "Отклонить"
    line.extend([None] * (len(grid_rows[0]) - len(line)))
    line[-1] = "не та смена"
    for _ in range(3):
        match_pairs(book)
        rows = book.rows_of(k.SUGGESTIONS)
        assert (rows[0]["mentee"], rows[0]["mentor"], rows[0]["decision"]) == (MARIA, first["mentor"], "Отклонить")
        assert book.read().suggestions[0].extra == {"Заметка": "не та смена"}
        assert [r["mentor"] for r in rows[1:] if r["mentor"]] in ([], [m for m in (ANNA, OLEG) if m != first["mentor"]])
        assert sum(1 for r in rows if (r["mentee"], r["mentor"]) == (MARIA, first["mentor"])) == 1
