"""Properties over random programs: no hard rule is ever broken, and no mentee left without a mentor
could get one by re-shuffling the others (the count is the maximum bipartite matching)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorxl.core import contract as k
from mentorxl.core.matching import match
from mentorxl.core.matching.rules import prepare
from tests.unit.matching_builder import (
    _norm,
    augmenting_path_exists,
    maximum_count,
    mentee,
    mentor,
    oracle_edges,
    oracle_pool,
    pair,
    program,
    suggestion,
)

TAGS = ["ИКТ", "цифровые ресурсы", "Работа с родителями", "Методика урока", "ФГОС", "Нейросети"]
NAMES = [f"Человек Номер {i}" for i in range(16)]  # mentees take from the start, mentors from the end: overlap


@st.composite
def programs(draw):
    mentee_names = draw(st.lists(st.sampled_from(NAMES[:11]), min_size=1, max_size=10, unique=True))
    mentor_names = draw(st.lists(st.sampled_from(NAMES[7:]), min_size=1, max_size=5, unique=True))
    maybe = st.sampled_from([None, *["01.09.2025"] * 7])
    tags = st.lists(st.sampled_from(TAGS), min_size=draw(st.sampled_from([0, 1, 1, 1])), max_size=3)
    mentees = [mentee(name, draw(tags), consent_pd=draw(maybe),
                      status=draw(st.sampled_from(["Ожидает пары"] * 5 + ["", "В паре", "Выбыл"])),
                      preferred=draw(st.lists(st.sampled_from(mentor_names), max_size=2)) if mentor_names else [])
               for name in mentee_names]
    mentors = [mentor(name, draw(tags), consent_pd=draw(maybe), consent_mentoring=draw(maybe),
                      status=draw(st.sampled_from(["Активен"] * 5 + ["", "Не готов"])),
                      capacity=draw(st.sampled_from([None, None, 0, 1, 1, 2, 3])),
                      preferred=draw(st.lists(st.sampled_from(mentee_names), max_size=2)) if mentee_names else [])
               for name in mentor_names]
    pairs, decisions = [], []
    if mentor_names:
        earlier = [f"Прежний Наставляемый {i}" for i in range(4)] + mentee_names
        for n in range(draw(st.integers(0, 4))):
            pairs.append(pair(str(n + 1), draw(st.sampled_from(mentor_names)),
                              draw(st.lists(st.sampled_from(earlier), min_size=1, max_size=2, unique=True)),
                              status=draw(st.sampled_from(["Действует", "Утверждена", "Завершена"]))))
    if mentee_names and mentor_names:
        for _ in range(draw(st.integers(0, 4))):
            decisions.append(suggestion(draw(st.sampled_from(mentee_names)), draw(st.sampled_from(mentor_names)),
                                        draw(st.sampled_from(["Утвердить", "Отклонить", "Отклонить", ""]))))
    return program(mentees, mentors, pairs, decisions, settings={k.SET_CAPACITY: draw(st.integers(1, 3))})


def check_hard_rules(data, result) -> None:
    mentees, mentors, capacity, rejected = oracle_pool(data)
    waiting = {_norm(m.name): m for m in mentees}
    ready = {_norm(m.name): j for j, m in enumerate(mentors)}
    approved = {(_norm(s.mentee), _norm(s.mentor)) for s in data.suggestions if s.decision == "Утвердить"}
    load: dict[int, int] = {}
    seen: set[str] = set()
    for s in result.suggestions:
        a, b = _norm(s.mentee), _norm(s.mentor)
        assert a in waiting and b in ready, "only waiting mentees with consent and ready mentors"
        assert a not in seen, "a mentee gets one mentor"
        seen.add(a)
        assert a != b, "nobody with themselves"
        assert (a, b) not in rejected, "a rejected pair never comes back"
        load[ready[b]] = load.get(ready[b], 0) + 1
        if s.decision:
            assert (a, b) in approved
        elif not s.reason.startswith("Взаимный выбор"):
            assert s.matched, "an optimised pair covers a request"
    assert all(load[j] <= capacity[j] for j in load), "capacity respected"


def check_largest_count(data, result) -> None:
    fixed = {_norm(data_mentee.name) for data_mentee in
             (prepare(data).mentees[f.mentee] for f in prepare(data).fixed)}
    mentees, mentors, capacity, edges = oracle_edges(data, fixed)
    for s in result.suggestions:
        if _norm(s.mentee) in fixed:
            j = next(j for j, m in enumerate(mentors) if _norm(m.name) == _norm(s.mentor))
            capacity[j] -= 1
    index_of = {_norm(m.name): i for i, m in enumerate(mentees)}
    mentor_of = {_norm(m.name): j for j, m in enumerate(mentors)}
    assignment = {index_of[_norm(s.mentee)]: mentor_of[_norm(s.mentor)] for s in result.suggestions
                  if _norm(s.mentee) not in fixed}
    assert len(assignment) == maximum_count(len(mentees), capacity, edges)
    assert not augmenting_path_exists(len(mentees), capacity, edges, assignment)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_the_result_never_breaks_a_hard_rule_and_no_augmenting_path_is_left(data):
    result = match(data)
    check_hard_rules(data, result)
    check_largest_count(data, result)
    waiting = {_norm(m.name) for m in oracle_pool(data)[0]}
    listed = {_norm(s.mentee) for s in result.suggestions} | {_norm(u.mentee) for u in result.unmatched}
    assert waiting <= listed, "every waiting mentee is either suggested a mentor or told why not"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_the_sparse_mode_keeps_the_same_rules_and_the_same_count(data):
    exact, sparse = match(data, exact=True), match(data, exact=False)
    check_hard_rules(data, sparse)
    check_largest_count(data, sparse)
    assert len(sparse.suggestions) == len(exact.suggestions)
