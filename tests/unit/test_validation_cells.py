from mentorxl.core import contract as k
from mentorxl.core.problems import Severity
from tests.unit.validation_builder import book, grid, mentee, mentor, problems, with_sheet

MARIA = "Иванова Мария Петровна"
ANNA = "Кузнецова Анна Сергеевна"


def test_a_value_outside_its_dropdown_list_is_a_warning_naming_the_list_and_the_choices():
    [p] = problems(book(mentees=[mentee(MARIA, status="Ждёт")]), "bad_choice")
    assert (p.severity, p.sheet, p.row, p.column, p.value) == (
        Severity.WARNING,
        "Наставляемые",
        2,
        "Статус",
        "Ждёт",
    )
    assert "не из списка «Статусы наставляемых»" in p.message
    assert "«Ожидает пары», «В паре»" in p.hint


def test_case_spaces_yo_and_dashes_do_not_matter_and_empty_is_fine():
    sheets = book(
        mentees=[mentee(MARIA, status="  ОЖИДАЕТ  ПАРЫ ", form="Учитель-учитель", category=None)],
        mentors=[mentor(ANNA, category="Высшая", reward="почетная грамота")],
    )
    assert problems(sheets, "bad_choice") == []


def test_every_sheet_with_dropdowns_is_checked():
    sheets = book(
        mentors=[mentor(ANNA)],
        pairs=[{"number": 1, "mentor": ANNA, "mentees": "", "kind": "парное", "status": "Проект"}],
    )
    with_sheet(sheets, k.MEETINGS, [{"pair": 1, "date": "10.09.2025", "format": "в зуме"}])
    with_sheet(
        sheets,
        k.ROADMAP,
        [
            {
                "stage": "1",
                "event": "Совещание",
                "term": "сентябрь 2025",
                "responsible": "Куратор",
                "status": "Готово",
            }
        ],
    )
    found = {(p.sheet, p.column, p.value) for p in problems(sheets, "bad_choice")}
    assert found == {
        ("Пары", "Вид", "парное"),
        ("Встречи", "Формат", "в зуме"),
        ("Дорожная карта", "Статус", "Готово"),
    }


def test_a_list_of_the_books_reference_sheet_replaces_the_default_list():
    sheets = book(
        mentees=[
            mentee(MARIA, category="Стажёр"),
            mentee("Петров Пётр Петрович", category="Молодой специалист"),
        ]
    )
    sheets[k.TAGS.name] = grid(
        k.TAGS,
        [{"tag": "ИКТ", "synonyms": "цифровые ресурсы", k.LIST_MENTEE_CATEGORIES: "Стажёр"}],
        extra=[k.LIST_MENTEE_CATEGORIES],
    )
    [p] = problems(sheets, "bad_choice")
    assert (p.row, p.value) == (3, "Молодой специалист")
    assert "«Стажёр»" in p.hint
