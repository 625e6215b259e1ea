from mentorxl.core import contract as k
from mentorxl.core.problems import Severity
from tests.unit.validation_builder import book, problems, with_sheet

Q1, Q2 = "Насколько полезны встречи?", "Что улучшить?"


def _answers(*rows):
    sheets = book()
    return with_sheet(
        sheets,
        k.SURVEYS,
        [
            {
                "respondent": "Иванова Мария Петровна",
                "role": "Наставляемый",
                "survey": "Итоговая",
                Q1: a,
                Q2: b,
            }
            for a, b in rows
        ],
        extra=[Q1, Q2],
    )


def test_a_score_outside_one_to_ten_in_a_numeric_question_is_a_warning_at_its_cell():
    found = problems(
        _answers((8, "больше практики"), (11, "всё хорошо"), ("0", "нет"), (7, None)), "survey_bad_score"
    )
    assert [(p.severity, p.sheet, p.row, p.column, p.value) for p in found] == [
        (Severity.WARNING, "Анкеты", 3, Q1, "11"),
        (Severity.WARNING, "Анкеты", 4, Q1, "0"),
    ]
    assert "вне шкалы 1–10" in found[0].message


def test_text_questions_and_scores_within_the_scale_give_no_problems():
    assert problems(_answers((1, "12 встреч"), (10, "5"), (5.5, "ничего"))) == []
