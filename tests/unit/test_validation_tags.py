from mentorxl.core import contract as k
from mentorxl.core.problems import Severity
from tests.unit.validation_builder import book, mentee, mentor, problems, with_sheet

MARIA = "Иванова Мария Петровна"


def test_an_unknown_tag_is_a_warning_suggesting_the_nearest_known_tag():
    [p] = problems(book(mentees=[mentee(MARIA, "ИКТ; Работа с радителями")]), "unknown_tag")
    assert (p.severity, p.sheet, p.row, p.column, p.value) == (
        Severity.WARNING,
        "Наставляемые",
        2,
        "Запросы",
        "Работа с радителями",
    )
    assert "нет в словаре" in p.message and "«Работа с родителями»" in p.message


def test_an_unknown_tag_with_nothing_near_gets_no_suggestion():
    [p] = problems(book(mentors=[mentor("Кузнецова Анна Сергеевна", "вязание")]), "unknown_tag")
    assert p.sheet == "Наставники" and p.column == "Компетенции" and "Возможно" not in p.message


def test_synonyms_and_word_forms_of_known_tags_are_not_unknown():
    assert problems(book(mentees=[mentee(MARIA, "цифровых ресурсов; ОВЗ; родительское собрание")])) == []


def test_the_tag_dictionary_of_the_book_replaces_the_default_one():
    sheets = with_sheet(
        book(mentees=[mentee(MARIA, "Вязание; ИКТ")]), k.TAGS, [{"tag": "Вязание", "synonyms": "рукоделие"}]
    )
    assert [p.value for p in problems(sheets, "unknown_tag")] == ["ИКТ"]


def test_a_row_without_tags_is_one_error_instead_of_required_empty():
    sheets = book(mentees=[mentee(MARIA, ";"), mentee("Петров Пётр Петрович", "")])
    found = [(p.code, p.severity, p.row, p.column) for p in problems(sheets)]
    assert found == [("no_tags", Severity.ERROR, 2, "Запросы"), ("no_tags", Severity.ERROR, 3, "Запросы")]
    assert "ни один тег" in problems(sheets)[0].message


def test_people_who_left_need_no_tags():
    sheets = book(
        mentees=[mentee(MARIA, "", status="Выбыл")],
        mentors=[mentor("Кузнецова Анна Сергеевна", "", status="Выбыл")],
    )
    assert problems(sheets) == []
