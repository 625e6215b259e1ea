from mentorxl.core import contract as k
from mentorxl.core.program import load_program
from mentorxl.core.rows import load_rows
from mentorxl.core.table import locate


def test_title_rows_above_the_header_are_ignored_and_rows_keep_their_excel_numbers():
    grid = [["Банк наставляемых МБОУ СШ № 1"], [], ["ФИО", "Запросы", "Согласие на обработку ПДн"],
            ["Иванова Мария Петровна", "ИКТ", "01.09.2025"]]
    table = locate(k.MENTEES, "Наставляемые", grid)
    assert table.header_row == 3
    assert table.rows[0][0] == 4
    assert not table.missing


def test_columns_are_found_by_header_text_in_any_order_and_extra_columns_are_kept():
    grid = [["Моя пометка", "Запросы", "ФИО", "Согласие на обработку ПДн"],
            ["важно", "ФГОС", "Петров Иван Ильич", 45901]]
    table = locate(k.MENTEES, "Наставляемые", grid)
    rows, problems = load_rows(table)
    assert rows[0].name == "Петров Иван Ильич"
    assert rows[0].requests == ["ФГОС"]
    assert rows[0].extra == {"Моя пометка": "важно"}
    assert problems == []


def test_empty_rows_are_skipped():
    grid = [["ФИО", "Запросы", "Согласие на обработку ПДн"], [None, None, None], ["", " ", ""],
            ["Петров Иван Ильич", "ФГОС", "01.09.2025"]]
    table = locate(k.MENTEES, "Наставляемые", grid)
    assert [n for n, _ in table.rows] == [4]


def test_a_header_merged_down_over_two_rows_is_found_in_the_top_cell():
    grid = [["ФИО", "Профессиональные запросы", None],
            [None, "Запросы", "Согласие на обработку ПДн"],
            ["Петров Иван Ильич", "ФГОС", "01.09.2025"]]
    table = locate(k.MENTEES, "Наставляемые", grid)
    assert table.header_row == 2
    assert table.columns["name"] == 0 and table.columns["requests"] == 1


def test_a_missing_required_column_is_one_problem_naming_the_sheet_and_the_column():
    grid = [["ФИО", "Запросы"], ["Петров Иван Ильич", "ФГОС"]]
    data = load_program({"mentees": locate(k.MENTEES, "Наставляемые", grid)})
    assert [(p.code, p.sheet, p.column) for p in data.problems] == [
        ("column_missing", "Наставляемые", "Согласие на обработку ПДн")]


def test_a_sheet_without_any_header_says_which_headers_it_expects():
    data = load_program({"mentees": locate(k.MENTEES, "Наставляемые", [["просто текст"], [1, 2]])})
    assert data.problems[0].code == "header_not_found"
    assert "«ФИО»" in data.problems[0].message


def test_unreadable_cells_become_problems_and_the_row_still_loads():
    grid = [["ФИО", "Запросы", "Согласие на обработку ПДн", "Стаж, лет"],
            ["Петров Иван Ильич", "ФГОС", "вчера", "пять"]]
    rows, problems = load_rows(locate(k.MENTEES, "Наставляемые", grid))
    assert rows[0].name == "Петров Иван Ильич" and rows[0].consent_pd is None and rows[0].experience is None
    assert {(p.code, p.row, p.column) for p in problems} == {
        ("bad_date", 2, "Согласие на обработку ПДн"), ("bad_number", 2, "Стаж, лет")}
    assert "вчера" in next(p.message for p in problems if p.code == "bad_date")


def test_an_empty_required_cell_is_reported_with_its_row():
    grid = [["ФИО", "Запросы", "Согласие на обработку ПДн"], ["Петров Иван Ильич", "", "01.09.2025"]]
    _, problems = load_rows(locate(k.MENTEES, "Наставляемые", grid))
    assert [(p.code, p.row, p.column) for p in problems] == [("required_empty", 2, "Запросы")]
