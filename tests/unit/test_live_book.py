from datetime import date, datetime

from mentorxl.book.live import COLOR_ERROR, MARKS_SHEET, LiveBook
from mentorxl.book.port import CellMark
from mentorxl.core import contract as k
from tests.builders import grid, mentee, mentor, minimal_book
from tests.fakes.xlwings_fake import FakeExcelBook


def _excel(**more):
    sheets = minimal_book(mentees=[mentee("Иванова Мария Петровна", consent=datetime(2025, 9, 1))],
                          mentors=[mentor("Кузнецова Анна Сергеевна")], **more)
    # a user's own column between ours, with her notes
    sheets[k.PAIRS.name] = [[*k.PAIRS.headers[:3], "Заметки куратора", *k.PAIRS.headers[3:]],
                            ["1", "Кузнецова Анна Сергеевна", "Петров Пётр Петрович", "не трогать", None, None]]
    return FakeExcelBook(sheets)


def test_the_live_book_reads_every_sheet_in_one_call_each_as_typed_rows():
    data = LiveBook(_excel()).read()
    assert data.mentees[0].consent_pd == date(2025, 9, 1)
    assert data.mentors[0].name == "Кузнецова Анна Сергеевна"
    assert data.pairs[0].mentees == ["Петров Пётр Петрович"]


def test_appending_pairs_writes_our_columns_only_and_grows_the_excel_table():
    xl = _excel()
    pairs = xl.sheet(k.PAIRS.name)
    table = pairs.add_table("tblPairs", (1, 1), (2, 12))
    live = LiveBook(xl)
    live.read()
    live.append_rows(k.PAIRS, [{"number": "2", "mentor": "Кузнецова Анна Сергеевна",
                                "mentees": ["Иванова Мария Петровна", "Орлов Олег Олегович"],
                                "start": date(2025, 10, 1), "status": "Утверждена"}])
    assert pairs.cells[(3, 1)] == "2"
    assert pairs.cells[(3, 3)] == "Иванова Мария Петровна; Орлов Олег Олегович"
    assert pairs.cells[(3, 7)] == datetime(2025, 10, 1)  # «Дата начала» sits after the user's column
    assert (3, 4) not in pairs.written  # the user's own column is never written
    assert pairs.cells[(2, 4)] == "не трогать"
    assert table.range.last_cell.row == 3


def test_problems_are_written_to_their_sheet_with_links_to_the_cells():
    xl = _excel(**{k.PROBLEMS.name: grid(k.PROBLEMS, [{"sheet": "старое", "message": "старое"}] * 3)})
    live = LiveBook(xl)
    live.read()
    live.replace_rows(k.PROBLEMS, [{"sheet": "Наставляемые", "row": 2, "column": "ФИО", "message": "Плохо",
                                    "link": "'Наставляемые'!A2"}])
    sheet = xl.sheet(k.PROBLEMS.name)
    assert sheet.cells[(2, 1)] == "Наставляемые" and sheet.links[(2, 1)] == "#'Наставляемые'!A2"
    assert (3, 1) not in sheet.cells and (4, 5) not in sheet.cells  # old problems are gone


def test_a_check_colours_problem_cells_and_the_next_check_gives_back_the_users_own_colour():
    xl = _excel()
    mentees = xl.sheet(k.MENTEES.name)
    mentees.colors[(2, 1)] = (200, 230, 200)  # the user's own green
    live = LiveBook(xl)
    live.read()
    live.mark_cells([CellMark(k.MENTEES.name, 2, "ФИО", "Латинская буква")])
    assert mentees.colors[(2, 1)] == COLOR_ERROR
    assert xl.sheet(MARKS_SHEET).visible is False
    live.read()
    live.mark_cells([])
    assert mentees.colors[(2, 1)] == (200, 230, 200)


def test_text_that_looks_like_a_formula_is_written_as_text():
    xl = _excel()
    live = LiveBook(xl)
    data = live.read()
    live.update_cells(k.MENTEES, [(data.mentees[0].row, "comment", "=1+1")])
    col = k.MENTEES.headers.index("Комментарий") + 1
    assert xl.sheet(k.MENTEES.name).cells[(2, col)] == "=1+1"


def test_the_live_book_never_saves_behind_the_users_back():
    assert LiveBook(_excel()).save() is None


def test_a_survey_row_with_a_new_question_adds_its_header_after_the_last_column_and_widens_the_table():
    sheets = minimal_book()
    sheets[k.SURVEYS.name] = [[*k.SURVEYS.headers, "Полезность встреч"],
                              ["20.09.2025", "Петрова Анна Сергеевна", "Наставляемый", "1", "Входная", 7]]
    xl = FakeExcelBook(sheets)
    surveys = xl.sheet(k.SURVEYS.name)
    width = len(k.SURVEYS.headers) + 1
    table = surveys.add_table("tblSurveys", (1, 1), (2, width))
    live = LiveBook(xl)
    live.read()
    live.append_rows(k.SURVEYS, [{"respondent": "Смирнов Илья Дмитриевич", "survey": "Итоговая",
                                  "полезность  встреч": 9, "Пожелания": "Больше встреч"}], own_columns=True)
    assert surveys.cells[(1, width + 1)] == "Пожелания"
    assert surveys.cells[(3, width)] == 9  # a known question found by its header, whatever the spacing
    assert surveys.cells[(3, width + 1)] == "Больше встреч"
    assert (table.range.last_cell.row, table.range.last_cell.column) == (3, width + 1)


def test_match_in_live_excel_keeps_a_rejection_and_the_note_beside_it_on_the_same_row():
    from mentorxl.actions.pairs import match_pairs

    sheets = minimal_book(mentees=[mentee("Иванова Мария Петровна")],
                          mentors=[mentor("Кузнецова Анна Сергеевна"), mentor("Орлов Олег Олегович")])
    sheets[k.SUGGESTIONS.name] = grid(k.SUGGESTIONS, [  # by header: the columns may move
        {"mentee": "Иванова Мария Петровна", "mentor": "Кузнецова Анна Сергеевна", "score": 95, "decision": "отклонить",
         "Заметка": "не та смена"},
        {"mentee": "Петров Пётр Петрович", "mentor": "Орлов Олег Олегович", "score": 40},
    ], extra=["Заметка"])
    xl = FakeExcelBook(sheets)
    for _ in range(3):
        match_pairs(LiveBook(xl))
        rows = LiveBook(xl).read().suggestions
        assert [(r.mentee, r.mentor, r.decision, r.extra) for r in rows] == [
            ("Иванова Мария Петровна", "Кузнецова Анна Сергеевна", "Отклонить", {"Заметка": "не та смена"}),
            ("Иванова Мария Петровна", "Орлов Олег Олегович", "", {}),
        ]
