"""The buttons of «Панель», defined once.

One row per button: its name (the Python function the Calc macro and mentorxl.excel expose), the VBA Sub of
the .xlsm, the caption, what it does (the text of «Панель» and of the README table), the command that does
the same from the command line, and what it asks the user before it runs. Everything that lists the buttons
reads this table: the VBA module (builder/vba/project.py → macros/MentorXL.bas), the Calc macro
(builder/ods.py → macros/mentorxl_buttons.py), the buttons drawn on «Панель» (.xlsm and .ods), the panel
text (builder/layout.py), the entry points (excel.py, libreoffice.py, one runner: actions/buttons.py) and
README.md (a test holds the README table to it). Pure data: no Office library, no file.
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT, DATE, FILE = "text", "date", "file"


@dataclass(frozen=True, slots=True)
class Question:
    key: str  # the answer's name for the action: "number", "date", "file"
    prompt: str  # what the dialog says, in Russian
    kind: str = TEXT  # "text" | "date" (empty = the default the prompt names) | "file" (a picker)
    file_filter: tuple[str, str] = ("", "")  # a picker: (title, "*.xlsx;*.csv")


@dataclass(frozen=True, slots=True)
class Button:
    name: str  # Python function of mentorxl.excel and of the Calc macro: check_data
    sub: str  # VBA Sub of macros/MentorXL.bas: CheckData
    caption: str  # on the button
    does: str  # what it does in the open book: «Панель» and the README table
    command: str  # the same from the command line
    asks: tuple[Question, ...] = ()


ORDER_NUMBER = Question("number", "Номер приказа (пусто — следующий свободный):")
ORDER_DATE = Question("date", "Дата приказа, например 01.09.2025 (пусто — сегодня):", DATE)
SURVEY_FILE = Question("file", "Выгрузка анкет Яндекс Форм или Google Форм или дорожная карта в Word", FILE,
                       ("Выгрузка анкет или дорожная карта (*.xlsx, *.csv, *.docx, *.doc, *.odt)",
                        "*.xlsx;*.csv;*.docx;*.doc;*.odt"))
PAIR_NUMBERS = Question("pairs", "Номера пар через запятую (пусто — все пары, чей срок закончился):")
END_REASON = Question("reason", "Причина досрочного завершения (пусто — пары завершаются по сроку; с причиной "
                                "пара расторгается и наставляемому подбирается замена):")

BUTTONS: tuple[Button, ...] = (
    Button("check_data", "CheckData", "Проверить данные",
           "Проверяет все листы, ничего не меняя в данных: каждая проблема — на листе «Ошибки» со ссылкой на "
           "ячейку и подсказкой, как исправить; ячейки с ошибками подсвечены красным, с предупреждениями — "
           "жёлтым (прошлая подсветка снимается, ваши цвета возвращаются). Из командной строки список пишется "
           "на лист «Ошибки» этой же книги (копия книги до записи — в папке «Резервные копии» рядом).",
           "mentorxl check КНИГА"),
    Button("match_pairs", "MatchPairs", "Подобрать пары",
           "Предлагает наставника каждому ожидающему наставляемому по совпадению запросов и компетенций: "
           "оценка, совпавшие и непокрытые запросы, альтернативы, пояснение — на листе «Подбор»; кому "
           "наставника нет — причина.",
           "mentorxl match КНИГА"),
    Button("approve_pairs", "ApprovePairs", "Утвердить пары",
           "Переносит строки «Подбора» с решением «Утвердить» на лист «Пары» (новый номер, статус "
           "«Утверждена», даты из «Настроек»), наставляемым ставит статус «В паре»; перенесённые строки "
           "«Подбора» отмечаются зелёным.",
           "mentorxl approve КНИГА"),
    Button("make_order", "MakeOrder", "Сформировать приказ",
           "Спрашивает номер и дату (пусто — следующий свободный номер и сегодня) и пишет приказ «О закреплении "
           "наставнических пар (групп)» в Word для утверждённых пар; номер и дату записывает в «Пары».",
           "mentorxl order КНИГА --number N --date Д", (ORDER_NUMBER, ORDER_DATE)),
    Button("pair_documents", "PairDocuments", "Документы по парам",
           "Персонализированные программы наставничества и дополнительные соглашения к трудовому договору "
           "для пар с приказом (согласия и приказ о поощрении — командой mentorxl docs).",
           "mentorxl docs КНИГА --kind programs (agreements)"),
    Button("monitoring_report", "MonitoringReport", "Отчёт по мониторингу",
           "Аналитическая справка в Word и книга «Мониторинг наставничества» с таблицами и диаграммами: анкеты, "
           "встречи, выполнение дорожной карты.",
           "mentorxl report КНИГА"),
    Button("import_surveys", "ImportSurveys", "Импорт анкет",
           "Спрашивает файл выгрузки Яндекс Форм или Google Форм (xlsx или csv; выбор начинается в папке книги) "
           "и добавляет ответы на лист «Анкеты»; документ Word с дорожной картой школы (docx, doc, odt) "
           "добавляет её мероприятия, которых ещё нет, на лист «Дорожная карта».",
           "mentorxl import КНИГА ВЫГРУЗКА --as survey (--as roadmap)", (SURVEY_FILE,)),
    Button("update_roadmap", "UpdateRoadmap", "Обновить дорожную карту",
           "Пересчитывает сроки мероприятий и просрочки, окрашивает просроченные строки «Дорожной карты».",
           "mentorxl roadmap КНИГА"),
    Button("complete_pairs", "CompletePairs", "Завершить пары",
           "Спрашивает номера пар и причину: пары, чей срок закончился (или названные), становятся «Завершена», "
           "наставляемые — «Завершил»; с причиной пара «Расторгнута», наставляемому подбирается новый наставник. "
           "Пишет приказ об итогах (или об изменении состава пар) и напоминает об итоговых анкетах.",
           "mentorxl complete КНИГА --pairs N,M --reason ТЕКСТ", (PAIR_NUMBERS, END_REASON)),
)

BY_NAME: dict[str, Button] = {b.name: b for b in BUTTONS}


def button(name: str) -> Button:
    """The button of this name; KeyError for a name no button has."""
    return BY_NAME[name]
