"""The аналитическая справка on monitoring, in Word: title, organisation, period, tables, charts, conclusions.

Built with python-docx from `core.monitoring.Monitoring` (no template: its tables grow with the data).
Times New Roman 14 (11 in tables), margins 30/15/20/20 mm as in the other documents. The charts are native
Word charts with their data (documents/word_chart.py): the reader changes or copies them in Word.
The module hands over checked bytes; the action writes the file (documents/ does not write files).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from mentorxl.core import vocabulary as v
from mentorxl.core.dates import russian_date
from mentorxl.core.indicators import Indicators, fraction, shown
from mentorxl.core.monitoring import IDLE_DAYS, Monitoring, Scores, counted, number, percent
from mentorxl.documents.render import check_docx
from mentorxl.documents.word_chart import Chart, Series, add_chart

FONT = "Times New Roman"
KIND_COLOURS = {v.SURVEY_ENTRY: "#9DC3E6", v.SURVEY_MIDDLE: "#F4B183", v.SURVEY_FINAL: "#70AD47"}
STATUS_COLOURS = {v.EVENT_DONE: "#70AD47", v.EVENT_IN_PROGRESS: "#FFC000", v.EVENT_PLANNED: "#9DC3E6",
                  v.EVENT_CANCELLED: "#BFBFBF"}
MEETINGS_COLOUR, IDLE_COLOUR = "#5B9BD5", "#C00000"
MAX_LABELLED_PAIRS = 30  # more bars than this: no figure above each (the table above has them)
MAX_PAIR_ROWS = 60  # a longer list of pairs is cut in the table (the chart and the totals keep them all)


def report_title(m: Monitoring) -> str:
    """The file name without «.docx»."""
    return f"Аналитическая справка по мониторингу наставничества на {m.today:%d.%m.%Y}"


# ---------------------------------------------------------------- charts


def survey_chart(m: Monitoring) -> Chart | None:
    """Mean answers per question, a bar for each questionnaire."""
    if not m.questions:
        return None
    series = [Series(kind, [q.means.get(kind, 0.0) for q in m.questions], KIND_COLOURS.get(kind, "#A5A5A5"))
              for kind in m.surveys]
    return Chart("bar", "Результаты анкетирования по вопросам", [q.label for q in m.questions], series,
                 height_mm=35 + 11 * len(m.questions) * max(1, len(m.surveys)) / 2, label_format="0.0",
                 value_axis={"min": 0, "max": 10, "major_unit": 2, "name": "Средний балл (1–10)"},
                 first_category_on_top=True)


def meetings_chart(m: Monitoring) -> Chart | None:
    """Meetings per pair (pairs of the year); a pair without meetings for longer than IDLE_DAYS is red, its
    bar and its figure (a pair with no meeting at all shows a red «0»)."""
    pairs = [a for a in m.activity if a.meetings or a.in_force]
    if not m.meetings or not pairs:
        return None
    idle = f" (красным — без встреч больше {IDLE_DAYS} дней)" if m.idle else ""
    series = Series("Встреч", [a.meetings for a in pairs], MEETINGS_COLOUR,
                    [IDLE_COLOUR if a.idle else None for a in pairs] if m.idle else ())
    return Chart("column", "Встречи наставнических пар" + idle, [f"№ {a.number}" for a in pairs], [series],
                 height_mm=75, legend=False, value_labels=len(pairs) <= MAX_LABELLED_PAIRS,
                 value_axis={"name": "Встреч", "min": 0, "major_unit": max(1, -(-max(a.meetings for a in pairs) // 8))},
                 category_axis={"num_font": {"name": FONT, "size": 8, "rotation": -90 if len(pairs) > 12 else 0}})


def roadmap_chart(m: Monitoring) -> Chart | None:
    """Events of the roadmap by status, one stacked bar."""
    r = m.roadmap
    parts = [(v.EVENT_DONE, r.done), (v.EVENT_IN_PROGRESS, r.in_progress), (v.EVENT_PLANNED, r.planned),
             (v.EVENT_CANCELLED, r.cancelled)]
    parts = [(name, n) for name, n in parts if n]
    if not parts:
        return None
    total = sum(n for _, n in parts)
    series = [Series(f"{name} — {n}", [n], STATUS_COLOURS[name]) for name, n in parts]
    return Chart("bar", f"Мероприятия дорожной карты: {total}, просрочено — {r.overdue}", [""], series,
                 height_mm=38, stacked=True,
                 value_axis={"visible": False, "max": total, "major_gridlines": {"visible": False}},
                 category_axis={"visible": False}, plot_layout={"x": 0.02, "y": 0.22, "width": 0.96, "height": 0.4})


# ---------------------------------------------------------------- the document


class _Writer:
    def __init__(self) -> None:
        from docx import Document
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        self.doc = Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        normal = self.doc.styles["Normal"]
        normal.font.name, normal.font.size = FONT, Pt(14)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        pf = normal.paragraph_format
        pf.space_before, pf.space_after = Pt(0), Pt(0)
        self._russian()
        self._page_numbers()

    def _russian(self) -> None:
        """Every language mark of the styles says ru-RU (python-docx's default template says en-US)."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        styles = self.doc.styles.element
        rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None and rpr.find(qn("w:lang")) is None:
            rpr.append(OxmlElement("w:lang"))
        for lang in styles.iter(qn("w:lang")):
            lang.set(qn("w:val"), "ru-RU")
            lang.set(qn("w:eastAsia"), "ru-RU")
        self.doc.core_properties.language = "ru-RU"

    def _page_numbers(self) -> None:
        """ГОСТ Р 7.0.97-2016: the page number in the middle of the top margin from the second page on."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        section = self.doc.sections[0]
        section.header_distance = Mm(10)
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER  # the first page: none
        p = section.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for kind, value in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
            run = p.add_run()
            run.font.size = Pt(12)
            if kind == "text":
                run.text = value or ""
                continue
            el = OxmlElement("w:instrText" if kind == "instr" else "w:fldChar")
            if kind == "instr":
                el.set(qn("xml:space"), "preserve")
                el.text = value
            else:
                el.set(qn("w:fldCharType"), kind)
            run._r.append(el)

    def para(self, text: str = "", *, bold: bool = False, align: str = "justify", indent: bool = True,
             size: float | None = None, after: float = 0, before: float = 0, italic: bool = False) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm, Pt

        p = self.doc.add_paragraph()
        p.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                       "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
        if indent and align == "justify":
            p.paragraph_format.first_line_indent = Mm(12.5)
        p.paragraph_format.space_after = Pt(after)
        p.paragraph_format.space_before = Pt(before)
        if text:
            run = p.add_run(text)
            run.bold, run.italic = bold, italic
            if size:
                run.font.size = Pt(size)
        return p

    def heading(self, text: str) -> None:
        p = self.para(text, bold=True, align="left", indent=False, before=10, after=4)
        p.paragraph_format.keep_with_next = True

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
              *, bold_last: bool = False) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.shared import Mm, Pt
        from docx.table import _Cell

        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))  # every row at once, then filled
        table.style = "Table Grid"
        table.autofit = False
        trs = table._tbl.tr_lst
        grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in trs]  # not `row.cells`: each reads the table
        for i, text in enumerate(header):
            paragraph = grid[0][i].paragraphs[0]
            run = paragraph.add_run(text)
            run.bold, run.font.size = True, Pt(header_size(text, widths[i]))
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        trs[0].get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on every page
        for n, row in enumerate(rows):
            for i, value in enumerate(row):
                paragraph = grid[n + 1][i].paragraphs[0]
                _cell_run(paragraph, "" if value is None else str(value), bold=bold_last and n == len(rows) - 1)
                if i > 0 and isinstance(value, int | float | str) and _numeric_text(str(value)):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)  # the grid LibreOffice lays out by
        for tr, cells in zip(trs, grid, strict=True):
            tr.get_or_add_trPr().insert(0, OxmlElement("w:cantSplit"))  # a row never splits over two pages
            for cell, width in zip(cells, widths, strict=True):
                cell.width = Mm(width)  # the cell widths Word lays out by
        self.para(after=4)

    def chart(self, chart: Chart | None) -> None:
        """A native Word chart in a centred paragraph of its own (nothing when there is nothing to draw)."""
        if chart is not None:
            add_chart(self.para(align="center", indent=False, after=4), chart)

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


HEADER_SIZE = 11.0


def _cell_run(paragraph: Any, text: str, *, bold: bool) -> None:
    """A table cell's run, 11 pt, bold or not: the XML python-docx writes for `add_run`, `font.size` and `bold`,
    made at once (python-docx looks up each child's place in the schema, and a table has hundreds of cells)."""
    from docx.oxml.ns import qn
    from lxml import etree

    if "\t" in text or "\n" in text or "\r" in text:  # python-docx's tabs and breaks
        from docx.shared import Pt

        run = paragraph.add_run(text)
        run.font.size, run.bold = Pt(11), bold
        return
    r = etree.SubElement(paragraph._p, qn("w:r"))
    rpr = etree.SubElement(r, qn("w:rPr"))
    if not bold:
        etree.SubElement(rpr, qn("w:b")).set(qn("w:val"), "0")
    else:
        etree.SubElement(rpr, qn("w:b"))
    etree.SubElement(rpr, qn("w:sz")).set(qn("w:val"), "22")
    t = etree.SubElement(r, qn("w:t"))
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
CELL_MARGINS_MM = 4.0  # left and right padding of a cell (1.9 mm each in Word and LibreOffice), rounded up
BOLD_CHAR_EM = 0.56  # the widest average of a bold Times Cyrillic letter, in em


def header_size(text: str, width_mm: float) -> float:
    """The size of a header cell's text at which its longest word fits the column: no word is broken inside a
    header («Промежуточна/я»)."""
    longest = max((len(word) for word in text.split()), default=0)
    if not longest:
        return HEADER_SIZE
    fits = (width_mm - CELL_MARGINS_MM) / (longest * BOLD_CHAR_EM * 25.4 / 72)
    return max(7.0, min(HEADER_SIZE, int(fits * 2) / 2))


def signature_name(full_name: str) -> str:
    """«О.\u00a0В.\u00a0Смирнова» from «Смирнова Ольга Викторовна», as a signature line writes it."""
    surname, *names = full_name.split()
    if not names:
        return full_name.strip()
    return "\u00a0".join([*(f"{n[0]}." for n in names if n), surname])


def _numeric_text(text: str) -> bool:
    s = text.replace("\u00a0%", "")
    for sign in ",+−.":
        s = s.replace(sign, "")
    return s.strip().isdigit() or text == "—"


def _mean(s: Scores, kind: str) -> str:
    return number(s.means[kind]) if kind in s.means else "—"


def _change(s: Scores) -> str:
    change = s.shown_change
    if change is None:
        return "—"
    return ("+" if change > 0 else "") + number(change)


def _date(d: Any) -> str:
    return d.strftime("%d.%m.%Y") if d else "—"


def _participants(w: _Writer, m: Monitoring) -> None:
    w.heading("1. Участники программы наставничества")
    mentors = counted(m.mentors_in_pairs, "наставник", "наставника", "наставников")
    mentees = counted(m.mentees_in_pairs, "наставляемый", "наставляемых", "наставляемых")
    pairs = counted(m.pairs, "наставническая пара (группа)", "наставнические пары (группы)",
                    "наставнических пар (групп)")
    staff = (f" — {percent(m.staff_share)} от {counted(m.staff, 'педагога', 'педагогов', 'педагогов')} организации"
             if m.staff and m.staff_share is not None else "")
    w.para(f"В {m.year} учебном году сформировано {pairs}, из них действуют {m.pairs_in_force}; в действующих "
           f"парах (группах) участвуют {mentors} и {mentees}{staff}.", after=4)
    rows: list[tuple[str, object]] = [
        ("Наставники в банке", m.mentors), ("Наставляемые в банке", m.mentees),
        ("Наставнические пары и группы учебного года", m.pairs), ("из них действующие", m.pairs_in_force),
        ("из них группы", m.groups), ("Наставники в действующих парах", m.mentors_in_pairs),
        ("Наставляемые в действующих парах", m.mentees_in_pairs),
    ]
    if m.staff and m.staff_share is not None:
        rows += [("Численность педагогов организации", m.staff),
                 ("Доля педагогов в действующих парах", percent(m.staff_share))]
    w.table(("Показатель", "Значение"), rows, (120, 45))
    if m.pairs:
        w.table(("Форма наставничества", "Пар (групп)"), list(m.by_form.items()), (120, 45))
        w.table(("Вид наставничества", "Пар (групп)"), list(m.by_kind.items()), (120, 45))


def _coverage(w: _Writer, m: Monitoring) -> None:
    c = m.coverage
    w.heading("2. Охват целевой группы")
    if not c.target:
        w.para("В банке наставляемых нет педагогов с категорией «Молодой специалист», «Новый сотрудник» или "
               "«Смена должности».", after=4)
        return
    w.para("Целевая группа — молодые специалисты, вновь принятые педагоги и сменившие должность; охваченными "
           "считаются те, кто состоит в действующей наставнической паре или группе.", after=4)
    rows: list[tuple[object, ...]] = [(cat, total, covered, percent(covered / total) if total else "—")
                                      for cat, (total, covered) in c.by_category.items()]
    rows.append(("Итого", c.target, c.covered, percent(c.share) if c.share is not None else "—"))
    w.table(("Категория", "В банке", "В парах", "Охват"), rows, (75, 30, 30, 30), bold_last=True)


def _meetings(w: _Writer, m: Monitoring) -> None:
    w.heading("3. Встречи наставнических пар")
    if not m.activity:
        w.para("Наставнические пары ещё не сформированы.", after=4)
        return
    w.para(f"Всего проведено {counted(m.meetings, 'встреча', 'встречи', 'встреч')} "
           f"({number(m.hours)} ч).", after=4)
    rows = [(a.number, a.mentor, "; ".join(a.mentees), a.meetings, number(a.hours), _date(a.last_meeting))
            for a in m.activity[:MAX_PAIR_ROWS]]
    w.table(("№ пары", "Наставник", "Наставляемые", "Встреч", "Часов", "Последняя встреча"), rows,
            (15, 42, 52, 17, 17, 22))
    if len(m.activity) > MAX_PAIR_ROWS:
        w.para(f"Показаны первые {MAX_PAIR_ROWS} пар из {len(m.activity)}; полный список — на листе "
               "«Мониторинг».", italic=True, after=4)
    w.chart(meetings_chart(m))
    if m.idle:
        listed = ", ".join(f"№ {a.number}" for a in m.idle)
        w.para(f"Без встреч более {IDLE_DAYS} дней: {listed}.", after=4)


def _surveys(w: _Writer, m: Monitoring) -> None:
    w.heading("4. Результаты анкетирования")
    if not m.surveys:
        w.para("Ответы анкет не внесены на лист «Анкеты».", after=4)
        return
    filled = ", ".join(f"{kind.casefold()} — {n}" for kind, n in m.respondents.items())
    w.para(f"Анкеты заполнены (число анкет): {filled}. Ответы даны по шкале от 1 до 10; в таблицах — средний "
           "балл, изменение — разница между последней и первой анкетой.", after=4)
    header = ("Вопрос", *m.surveys, "Изменение")
    width = 95 / max(1, len(m.surveys) + 1)
    rows = [(q.label, *(_mean(q, kind) for kind in m.surveys), _change(q)) for q in m.questions]
    rows.append(("Все вопросы", *(_mean(m.overall, kind) for kind in m.surveys), _change(m.overall)))
    w.table(header, rows, (70, *([width] * (len(m.surveys) + 1))), bold_last=True)
    w.chart(survey_chart(m))
    if m.roles:
        rows = [(r.label, *(_mean(r, kind) for kind in m.surveys), _change(r)) for r in m.roles]
        w.table(("Роль", *m.surveys, "Изменение"), rows, (70, *([width] * (len(m.surveys) + 1))))
    if m.satisfaction is not None:
        si = m.satisfaction
        w.para(f"Индекс удовлетворённости — {percent(si.index)}: средний балл {number(si.mean)} по "
               f"{counted(si.answers, 'ответу', 'ответам', 'ответам')} анкеты «{si.survey}», пересчитанный в "
               "проценты по формуле (балл − 1) / 9 × 100 %: ответ «1» — 0 %, ответ «10» — 100 %.", after=4)


def _roadmap(w: _Writer, m: Monitoring) -> None:
    r = m.roadmap
    w.heading("5. Выполнение дорожной карты")
    if not r.total:
        w.para("Дорожная карта не заполнена.", after=4)
        return
    share = percent(r.share) if r.share is not None else "—"
    w.para(f"Выполнено {r.done} из {r.counted} мероприятий (без отменённых) — {share}.", after=4)
    rows = [(v.EVENT_DONE, r.done), (v.EVENT_IN_PROGRESS, r.in_progress), (v.EVENT_PLANNED, r.planned),
            (v.EVENT_CANCELLED, r.cancelled), ("Всего", r.total)]  # the statuses add up to «Всего»
    w.table(("Статус", "Мероприятий"), rows, (120, 45), bold_last=True)
    if r.overdue:
        w.para(f"Из них просрочено (срок прошёл, отметки о выполнении нет): {r.overdue}.", after=4)
    w.chart(roadmap_chart(m))
    if r.overdue_events:
        caption = w.para("Просроченные мероприятия:", after=2, indent=False, align="left")
        caption.paragraph_format.keep_with_next = True  # never alone at the foot of a page
        w.table(("Мероприятие", "Срок", "Крайний срок"),
                [(e.event, e.term, _date(e.due)) for e in r.overdue_events], (95, 45, 25))


def _indicators(w: _Writer, found: Indicators) -> None:
    """Issue 14: the indicators the municipal coordinator collects, each with its numerator and denominator."""
    w.heading("7. Показатели для муниципального координатора")
    w.para("Показатели рассчитаны по тем же правилам, что и в муниципальной сводке; для каждого указаны "
           "числитель и знаменатель.", after=4)
    rows = [(i.title, fraction(i), shown(i)) for i in found.all()]
    w.table(("Показатель", "Числитель из знаменателя", "Значение"), rows, (95, 45, 30))
    if not found.pay_readable:
        w.para("Доплата наставникам установлена не суммой в рублях (например, в процентах оклада), поэтому её "
               "общий размер не рассчитан.", after=4)


def render_report(m: Monitoring, indicators: Indicators | None = None) -> bytes:
    """The справка as checked .docx bytes; with `indicators`, their section after the conclusions."""
    w = _Writer()
    if m.org:
        w.para(m.org, align="center", indent=False, after=12)
    w.para("АНАЛИТИЧЕСКАЯ СПРАВКА", bold=True, align="center", indent=False)
    w.para("по итогам мониторинга реализации программы наставничества", bold=True, align="center",
           indent=False)
    w.para(f"за период с {russian_date(m.period_start)} по {russian_date(m.today)}", align="center",
           indent=False, after=12)
    w.para("Цель мониторинга — оценить, как работает система наставничества: участие педагогов, работу "
           "наставнических пар, удовлетворённость участников и выполнение дорожной карты. Источники данных: "
           "банки наставников и наставляемых, журнал встреч, анкеты участников (входная, промежуточная, "
           "итоговая) и дорожная карта программы.", after=6)
    _participants(w, m)
    _coverage(w, m)
    _meetings(w, m)
    _surveys(w, m)
    _roadmap(w, m)
    w.heading("6. Выводы")
    for i, sentence in enumerate(m.conclusions, start=1):
        w.para(f"{i}. {sentence}", after=2)
    if indicators is not None:
        _indicators(w, indicators)
    if m.curator:
        w.para(before=24)
        from docx.enum.text import WD_TAB_ALIGNMENT
        from docx.shared import Mm

        position = (m.curator_position or "Куратор наставничества").strip()
        p = w.para(position[:1].upper() + position[1:], align="left", indent=False)
        p.paragraph_format.tab_stops.add_tab_stop(Mm(165), WD_TAB_ALIGNMENT.RIGHT)
        p.add_run("\t" + signature_name(m.curator))
    data = w.bytes()
    check_docx(data, report_title(m))
    return data
