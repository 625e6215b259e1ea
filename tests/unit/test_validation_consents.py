from mentorxl.core.problems import Severity
from tests.unit.validation_builder import book, mentee, mentor, problems

MARIA = "Иванова Мария Петровна"
ANNA = "Кузнецова Анна Сергеевна"
PAIR = {"number": 7, "mentor": ANNA, "mentees": MARIA, "status": "Действует"}


def _codes(sheets):
    return [
        (p.code, p.severity, p.sheet, p.row, p.column)
        for p in problems(sheets)
        if p.code.startswith(("consent", "required_empty"))
    ]


def test_a_mentee_waiting_for_a_pair_without_consent_is_an_error_and_not_a_second_required_empty():
    [p] = [
        p
        for p in problems(book(mentees=[mentee(MARIA, consent=None)]))
        if p.column == "Согласие на обработку ПДн"
    ]
    assert (p.code, p.severity, p.sheet, p.row) == ("consent_pd_missing", Severity.ERROR, "Наставляемые", 2)
    assert "ожидает подбора пары" in p.message and MARIA in p.message


def test_a_mentee_with_no_status_counts_as_waiting():
    [p] = problems(book(mentees=[mentee(MARIA, consent=None, status=None)]), "consent_pd_missing")
    assert p.row == 2


def test_a_finished_mentee_without_consent_is_only_a_warning():
    assert _codes(book(mentees=[mentee(MARIA, consent=None, status="Завершил")])) == [
        ("consent_pd_missing_waiting", Severity.WARNING, "Наставляемые", 2, "Согласие на обработку ПДн")
    ]


def test_a_finished_mentee_still_in_a_pair_in_force_without_consent_is_an_error_naming_the_pair():
    sheets = book(
        mentees=[mentee(MARIA, consent=None, status="Завершил")], mentors=[mentor(ANNA)], pairs=[PAIR]
    )
    [p] = problems(sheets, "consent_pd_missing")
    assert p.row == 2 and "состоит в действующей паре № 7" in p.message


def test_an_active_mentor_without_either_consent_gets_two_errors():
    sheets = book(mentors=[mentor(ANNA, consent=None)])
    assert _codes(sheets) == [
        ("consent_pd_missing", Severity.ERROR, "Наставники", 2, "Согласие на обработку ПДн"),
        ("consent_mentoring_missing", Severity.ERROR, "Наставники", 2, "Согласие на наставничество"),
    ]
    assert "числится активным наставником" in problems(sheets, "consent_mentoring_missing")[0].message


def test_a_mentor_not_ready_gets_warnings_unless_they_lead_a_pair_in_force():
    idle = book(mentors=[mentor(ANNA, consent=None, status="Не готов")])
    assert [(c, s) for c, s, *_ in _codes(idle)] == [
        ("consent_pd_missing_waiting", Severity.WARNING),
        ("consent_mentoring_missing_idle", Severity.WARNING),
    ]
    busy = book(
        mentees=[mentee(MARIA, status="В паре")],
        mentors=[mentor(ANNA, consent=None, status="Не готов")],
        pairs=[PAIR],
    )
    [p] = problems(busy, "consent_mentoring_missing")
    assert "ведёт действующую пару № 7" in p.message


def test_an_unreadable_consent_date_is_reported_once_as_a_bad_date():
    found = problems(book(mentees=[mentee(MARIA, consent="вчера")]))
    assert [(p.code, p.column) for p in found] == [("bad_date", "Согласие на обработку ПДн")]


def test_consents_given_give_no_problems():
    assert problems(book(mentees=[mentee(MARIA)], mentors=[mentor(ANNA)])) == []
