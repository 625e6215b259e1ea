"""Makes the Word templates of templates/ (run `make templates`; the files are committed).

Layout of an order as ГОСТ Р 7.0.97-2016 describes it: the organisation's full name, ПРИКАЗ, the date
and the number on one line, the place, the title, the grounds, «ПРИКАЗЫВАЮ:», numbered clauses, the
signature block and «С приказом ознакомлены». Times New Roman 14 (12 in tables), margins left 30 mm,
right 15 mm, top and bottom 20 mm (the standard's minimum is 20/10/20/20). Pages are numbered as its
section 5 asks: from the second page on, in the middle of the top margin, 10 mm from the edge; the first
page has no number. A footer text (the program's number, the agreement's mentor) is on every page.

A school may replace a template with its own letterhead: keep the tags ({{ … }}, {%p … %}, {%tr … %});
the filters are listed in mentorxl/documents/env.py.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

OUT = Path(__file__).resolve().parents[1] / "templates"
FONT = "Times New Roman"
TEXT_WIDTH = 165  # mm: A4 210 − 30 − 15
TABLE_STYLE = "Текст таблицы"

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _fonts(element: object, size: float, lang: bool = True) -> None:
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)
        el.set(qn("w:val"), str(int(size * 2)))
    if lang and rpr.find(qn("w:lang")) is None:
        el = OxmlElement("w:lang")
        el.set(qn("w:val"), "ru-RU")
        el.set(qn("w:eastAsia"), "ru-RU")
        el.set(qn("w:bidi"), "ar-SA")
        rpr.append(el)


def _page_field(p: Paragraph, cached: str) -> None:
    """A PAGE field: Word and LibreOffice print the page's number in its place."""
    field = (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", cached), ("end", None))
    for kind, value in field:
        run = p.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = value
        elif kind == "text":
            run.text = value or ""
            continue
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


class Builder:
    """A document with the house style; paragraphs and tables added in reading order."""

    def __init__(self, title: str, footer: str = ""):
        self.doc = Document()
        self._page()
        self._styles()
        self._page_numbers(footer)
        props = self.doc.core_properties
        props.title, props.author, props.last_modified_by = title, "MentorXL", "MentorXL"
        props.language, props.comments = "ru-RU", "Шаблон MentorXL (scripts/make_templates.py)"
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):  # the empty first paragraph of python-docx
            body.remove(p)

    def _page(self) -> None:
        s = self.doc.sections[0]
        s.orientation = WD_ORIENT.PORTRAIT
        s.page_width, s.page_height = Mm(210), Mm(297)
        s.left_margin, s.right_margin, s.top_margin, s.bottom_margin = Mm(30), Mm(15), Mm(20), Mm(20)
        s.header_distance, s.footer_distance = Mm(10), Mm(10)

    def _styles(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name, normal.font.size = FONT, Pt(14)
        _fonts(normal.element, 14)
        pf = normal.paragraph_format
        pf.space_before, pf.space_after = Pt(0), Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
        pf.widow_control = True
        table = self.doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        table.base_style = normal
        table.font.size = Pt(12)
        _fonts(table.element, 12)
        table.paragraph_format.first_line_indent = Mm(0)
        for name in ("Footer", "Header"):
            style = self.doc.styles[name]
            style.font.name, style.font.size = FONT, Pt(12)
            _fonts(style.element, 12)

    def _page_numbers(self, footer: str) -> None:
        """ГОСТ Р 7.0.97: the page number in the middle of the top margin from the second page on (the first
        page's own header is empty); the footer text, if any, on every page."""
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(header, "2")  # the default header shows from page 2: its cached value says so
        section.first_page_header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        if footer:
            for part in (section.footer, section.first_page_footer):
                p = part.paragraphs[0]
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(footer)

    # ---- paragraphs

    def p(self, text: str = "", *, align: str = "justify", indent: bool = True, bold: bool = False,
          size: float | None = None, before: float = 0, after: float = 0, keep: bool = False,
          left: float = 0, tabs: Sequence[tuple[float, str]] = (), caps: bool = False,
          style: str | None = None) -> Paragraph:
        para = self.doc.add_paragraph(style=style)
        self.format(para, align=align, indent=indent, before=before, after=after, keep=keep, left=left,
                    tabs=tabs)
        if text:
            run = para.add_run(text)
            run.bold = bold or None
            run.font.all_caps = caps or None
            if size:
                run.font.size = Pt(size)
        return para

    @staticmethod
    def format(para: Paragraph, *, align: str = "justify", indent: bool = True, before: float = 0,
               after: float = 0, keep: bool = False, left: float = 0,
               tabs: Sequence[tuple[float, str]] = ()) -> None:
        pf = para.paragraph_format
        para.alignment = ALIGN[align]
        pf.first_line_indent = Mm(12.5) if indent else Mm(0)
        pf.left_indent = Mm(left) if left else None
        pf.space_before, pf.space_after = Pt(before), Pt(after)
        pf.keep_with_next = keep or None
        for pos, kind in tabs:
            alignment = WD_TAB_ALIGNMENT.RIGHT if kind == "right" else WD_TAB_ALIGNMENT.LEFT
            pf.tab_stops.add_tab_stop(Mm(pos), alignment)

    def fill(self, text: str, *, after: float = 0) -> None:
        """A line to fill in by hand: a tab in the text draws an underline to the right margin."""
        para = self.p(text, align="left", indent=False, before=6, after=after)
        para.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH - 2), WD_TAB_ALIGNMENT.RIGHT,
                                                     WD_TAB_LEADER.LINES)

    def tag(self, text: str) -> None:
        """A paragraph holding only a {%p … %} tag: docxtpl removes it when rendering."""
        self.p(text, align="left", indent=False)

    def blank(self, n: int = 1) -> None:
        for _ in range(n):
            self.p(align="left", indent=False)

    def line(self, left: str, right: str, *, before: float = 0, after: float = 0, bold: bool = False) -> None:
        """Two texts on one line: at the left margin and at the right one (date and №, signatures)."""
        self.p(f"{left}\t{right}", align="left", indent=False, tabs=[(TEXT_WIDTH, "right")], before=before,
               after=after, bold=bold)

    # ---- tables

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Sequence[str]]],
              widths: Sequence[float], *, borders: bool = True, header_bold: bool = True,
              keep_together: bool = False) -> Table:
        """A table: a header row (repeated on every page) and rows of cells, each cell a list of paragraph
        texts. A row whose first cell starts with «{%tr» is a loop tag row."""
        n_rows = len(rows) + (1 if headers else 0)
        t = self.doc.add_table(rows=n_rows, cols=len(widths))
        t.style = self.doc.styles["Table Grid"] if borders else None
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        grid = t._tbl.tblGrid
        for col, width in zip(grid.iterchildren(qn("w:gridCol")), widths, strict=True):
            col.set(qn("w:w"), str(int(Mm(width).twips)))
        all_rows: list[Sequence[Sequence[str]]] = [[[h] for h in headers]] if headers else []
        all_rows.extend(rows)
        for r, (row, cells) in enumerate(zip(t.rows, all_rows, strict=True)):
            is_header = bool(headers) and r == 0
            trpr = row._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:cantSplit"))  # ГОСТ Р 7.0.97: no row breaks over two pages
            if is_header:
                trpr.append(OxmlElement("w:tblHeader"))
            for cell, width, texts in zip(row.cells, widths, cells, strict=True):
                cell.width = Mm(width)
                first = cell.paragraphs[0]
                for i, text in enumerate(texts or [""]):
                    para = first if i == 0 else cell.add_paragraph()
                    para.style = self.doc.styles[TABLE_STYLE]
                    self.format(para, align="center" if is_header else "left", indent=False)
                    if text:
                        run = para.add_run(text)
                        run.bold = (is_header and header_bold) or None
        if keep_together:  # a signature block never splits over two pages
            for row in t.rows[:-1]:
                for cell in row.cells:
                    for para in cell.paragraphs:
                        para.paragraph_format.keep_with_next = True
            for cell in t.rows[-1].cells:  # the signature lines, with room to sign above them
                cell.paragraphs[0].paragraph_format.space_before = Pt(18)
        if not borders:
            tblpr = t._tbl.tblPr
            el = OxmlElement("w:tblBorders")
            for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
                b = OxmlElement(f"w:{side}")
                b.set(qn("w:val"), "nil")
                el.append(b)
            tblpr.append(el)
        return t

    def _russian(self) -> None:
        """Every language mark of the styles (python-docx's defaults say en-US) is Russian: a spelling checker
        underlines nothing in a Russian paper."""
        styles = self.doc.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is not None:
            rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            if rpr is not None and rpr.find(qn("w:lang")) is None:
                rpr.append(OxmlElement("w:lang"))
        for lang in styles.iter(qn("w:lang")):
            lang.set(qn("w:val"), "ru-RU")
            lang.set(qn("w:eastAsia"), "ru-RU")

    def save(self, name: str) -> Path:
        self._russian()
        OUT.mkdir(exist_ok=True)
        path = OUT / name
        self.doc.save(str(path))
        return path


# ---------------------------------------------------------------- the documents


def letterhead(b: Builder) -> None:
    """The organisation, ПРИКАЗ, the date and number line, the place."""
    b.p("{{ org.full_name }}", align="center", indent=False, bold=True)
    b.p("ПРИКАЗ", align="center", indent=False, bold=True, before=12, after=12, size=16)
    b.line("{{ order.date|ru_date }}",
           "№\u00a0{% if order.number %}{{ order.number }}{% else %}________{% endif %}")
    b.tag("{%p if org.place %}")
    b.p("{{ org.place }}", align="center", indent=False, before=6)
    b.tag("{%p endif %}")
    b.blank()


def signature_and_acquaintance(b: Builder, people: str = "participants") -> None:
    b.line("{{ head.position }}", "{{ head.name|initials_first }}", before=28)
    b.p("С приказом ознакомлены:", align="left", indent=False, before=24, after=6, keep=True)
    b.table(["№", "Фамилия, имя, отчество", "Подпись", "Дата"], [
        [[f"{{%tr for name in {people} %}}"], [], [], []],
        [["{{ loop.index }}"], ["{{ name }}"], [], []],
        [["{%tr endfor %}"], [], [], []],
    ], [10, 85, 35, 35])


def order_pairs() -> Path:
    b = Builder("Приказ о закреплении наставнических пар (групп)")
    letterhead(b)
    b.p("О закреплении наставнических пар (групп)", align="left", indent=False, bold=True, after=12)
    b.p("В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации, распоряжением Правительства "
        "Российской Федерации от 21.05.2025 № 1264-р, Положением о системе "
        "наставничества педагогических работников {{ org.short_name }}, на основании письменных согласий "
        "педагогических работников на осуществление наставничества и согласий наставляемых")
    b.p("ПРИКАЗЫВАЮ:", align="left", indent=False, before=6, after=6)
    b.p("1. Закрепить наставнические пары (группы){% if year %} на {{ year }} учебный год{% endif %} "
        "в следующем составе:", keep=True, after=6)
    b.table(["№", "Наставник, должность", "Наставляемые, должность", "Форма и вид наставничества",
             "Срок"], [
        [["{%tr for p in pairs %}"], [], [], [], []],
        [["{{ loop.index }}"],
         ["{{ p.mentor.name }}", "{% if p.mentor.position %}{{ p.mentor.position|lower_first }}{% endif %}"
          "{% if p.mentor_org %}{% if p.mentor.position %}, {% endif %}{{ p.mentor_org }} "
          "(сетевое наставничество){% endif %}"],
         ["{%p for m in p.mentees %}",
          "{{ m.name }}{% if m.position %}, {{ m.position|lower_first }}{% endif %}",
          "{%p endfor %}"],
         ["{{ p.form }}{% if p.kind %}; {{ p.kind }}{% endif %}"],
         ["с {{ p.start|short_date }}", "по {{ p.end|short_date }}"]],
        [["{%tr endfor %}"], [], [], [], []],
    ], [10, 40, 48, 36, 31])
    b.p("2. Установить срок наставничества {% if term.same %}с {{ term.start|ru_date }} по "
        "{{ term.end|ru_date }}{% else %}для каждой пары (группы) согласно пункту 1 настоящего приказа."
        "{% endif %}", before=6)
    b.p("3. Наставникам в течение месяца со дня издания настоящего приказа "
        "(до {{ order.programs_due|ru_date }}) "
        "разработать совместно с наставляемыми персонализированные программы наставничества"
        "{% if curator.name %} и согласовать их с {{ curator|position_name(\"творительный\") }}{% endif %}.")
    b.p("4. Наставникам вести журнал встреч наставнической пары (группы) и по окончании срока наставничества "
        "представить отчёт о выполнении персонализированной программы"
        "{% if curator.name %} {{ curator|position_name(\"дательный\") }}{% endif %}.")
    b.p("5. Контроль за исполнением приказа {% if curator.name %}возложить на "
        "{{ curator|position_name(\"винительный\") }}{% else %}оставляю за собой{% endif %}.")
    signature_and_acquaintance(b)
    return b.save("order_pairs.docx")


def order_reward() -> Path:
    b = Builder("Приказ о поощрении наставников")
    letterhead(b)
    b.p("О поощрении наставников", align="left", indent=False, bold=True, after=12)
    b.p("За добросовестное исполнение обязанностей наставника и результаты работы с наставляемыми в период "
        "с {{ order.period_start|ru_date }} по {{ order.period_end|ru_date }}, в соответствии со статьёй 191 "
        "Трудового кодекса Российской Федерации, Положением о системе наставничества педагогических работников "
        "{{ org.short_name }}{% if curator.name %}, на основании представления "
        "{{ curator|position_name(\"родительный\") }}{% endif %}")
    b.p("ПРИКАЗЫВАЮ:", align="left", indent=False, before=6, after=6)
    b.tag("{%p for g in groups %}")
    b.p("{{ loop.index }}. {{ g.verb }}:", keep=True)
    b.tag("{%p for m in g.people %}")
    b.p("{{ m|name_position(g.case) }}{% if loop.last %}.{% else %};{% endif %}", left=12.5, indent=False)
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.p("{{ groups|length + 1 }}. Контроль за исполнением приказа оставляю за собой.")
    signature_and_acquaintance(b)
    return b.save("order_reward.docx")


def program() -> Path:
    b = Builder("Персонализированная программа наставничества",
                footer="Программа наставничества № {{ pair.number }}")
    for text in ("УТВЕРЖДАЮ", "{{ head.position }}", "{{ org.short_name }}",
                 "____________ {{ head.name|initials_first }}", "«___» __________ 20___ г."):
        b.p(text, align="left", indent=False, left=95)
    b.p("ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА", align="center", indent=False, bold=True, before=18)
    b.p("{% if pair.is_group %}наставнической группы{% else %}наставнической пары{% endif %} "
        "№ {{ pair.number }}",
        align="center", indent=False, bold=True, after=12)
    b.table([], [
        [["Наставник"], ["{{ mentor|name_position }}"]],
        [["{% if pair.is_group %}Наставляемые{% elif mentees[0].female %}Наставляемая{% else %}Наставляемый"
          "{% endif %}"],
         ["{%p for m in mentees %}", "{{ m|name_position }}", "{%p endfor %}"]],
        [["Форма наставничества"], ["{{ pair.form }}"]],
        [["Вид наставничества"], ["{{ pair.kind }}"]],
        [["Срок реализации"], ["с {{ pair.start|ru_date }} по {{ pair.end|ru_date }}"]],
        [["Основание"], ["{% if pair.order_number %}приказ от {{ pair.order_date|ru_date }} "
                         "№ {{ pair.order_number }}{% else %}приказ о закреплении наставнических пар (групп)"
                         "{% endif %}"]],
    ], [50, 115])
    b.p("1. Цель программы", align="left", indent=False, bold=True, before=12, after=6, keep=True)
    b.p("{{ goal }}")
    b.p("2. Задачи", align="left", indent=False, bold=True, before=12, after=6, keep=True)
    b.tag("{%p for t in tasks %}")
    b.p("{{ loop.index }}) {{ t }}{% if loop.last %}.{% else %};{% endif %}")
    b.tag("{%p endfor %}")
    b.p("3. План мероприятий", align="left", indent=False, bold=True, before=12, after=6, keep=True)
    b.table(["№", "Срок", "Мероприятие", "Форма работы", "Отметка о выполнении"], [
        [["{%tr for e in plan %}"], [], [], [], []],
        [["{{ loop.index }}"], ["{{ e.month|month_year }}"], ["{{ e.activity }}"], ["{{ e.form }}"], []],
        [["{%tr endfor %}"], [], [], [], []],
    ], [8, 27, 70, 32, 28])
    b.p("4. Ожидаемые результаты", align="left", indent=False, bold=True, before=12, after=6, keep=True)
    b.tag("{%p for r in results %}")
    b.p("– {{ r }}{% if loop.last %}.{% else %};{% endif %}")
    b.tag("{%p endfor %}")
    b.p("5. Подписи", align="left", indent=False, bold=True, before=12, after=6, keep=True)
    b.line("Наставник", "____________ {{ mentor.name|initials_first }}", before=6)
    b.tag("{%p for m in mentees %}")
    b.line("{% if m.female %}Наставляемая{% else %}Наставляемый{% endif %}",
           "____________ {{ m.name|initials_first }}", before=12)
    b.tag("{%p endfor %}")
    b.tag("{%p if curator.name %}")
    b.line("Куратор наставничества", "____________ {{ curator.name|initials_first }}", before=12)
    b.tag("{%p endif %}")
    return b.save("program.docx")


def agreement() -> Path:
    b = Builder("Дополнительное соглашение к трудовому договору",
                footer="Дополнительное соглашение: {{ mentor.name|initials }}")
    b.p("ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № ____", align="center", indent=False, bold=True)
    b.p("к трудовому договору от «___» __________ 20___ г. № ______", align="center", indent=False, after=6)
    b.line("{{ org.place }}", "{{ agreement.date|ru_date }}", after=6)
    b.p("{{ org.full_name }}, именуемое в дальнейшем «Работодатель», в лице "
        "{{ head|position_name(\"родительный\") }}, {% if head.female %}действующей{% else %}действующего"
        "{% endif %} на основании Устава, с одной стороны, и {{ mentor.name }}, "
        "{% if mentor.female %}именуемая{% else %}именуемый{% endif %} в дальнейшем «Работник», с другой "
        "стороны, заключили настоящее дополнительное соглашение к трудовому договору о нижеследующем:")
    b.p("1. Работник с {% if mentor.female %}её{% else %}его{% endif %} письменного согласия в соответствии со "
        "статьёй 351.8 Трудового кодекса Российской Федерации наряду с работой, определённой трудовым договором, "
        "без освобождения от основной работы выполняет дополнительную работу по наставничеству в отношении:")
    b.tag("{%p for p in pairs %}")
    b.p("– {% for name in p.mentees %}{{ name|genitive }}{% if not loop.last %}, {% endif %}{% endfor %} "
        "({% if p.is_group %}наставническая группа{% else %}наставническая пара{% endif %} № {{ p.number }}"
        "{% if p.form %}, форма наставничества «{{ p.form }}»{% endif %}{% if p.kind %}, вид — {{ p.kind }}"
        "{% endif %}, с {{ p.start|short_date }} по {{ p.end|short_date }}){% if loop.last %}.{% else %};"
        "{% endif %}")
    b.tag("{%p endfor %}")
    b.p("2. Содержание дополнительной работы: разработка с наставляемым персонализированной программы "
        "наставничества, помощь в освоении трудовых функций и профессиональной адаптации, посещение и анализ "
        "занятий наставляемого, консультации, ведение журнала встреч, участие в мониторинге результатов.")
    b.p("3. Срок выполнения дополнительной работы: с {{ start|ru_date }} по {{ end|ru_date }}")
    b.p("4. За выполнение дополнительной работы Работнику устанавливается ежемесячная доплата в размере "
        "{{ pay }} "
        "в порядке, установленном локальными нормативными актами Работодателя.")
    b.p("5. Каждая из сторон вправе досрочно прекратить выполнение дополнительной работы, письменно "
        "предупредив другую сторону не позднее чем за три рабочих дня (статья 60.2 Трудового кодекса "
        "Российской Федерации).")
    b.p("6. Соглашение вступает в силу с {{ start|ru_date }}, является неотъемлемой частью трудового "
        "договора, составлено в двух экземплярах, имеющих равную юридическую силу, по одному для каждой "
        "из сторон. "
        "Остальные условия трудового договора не изменяются.", after=12, keep=True)
    b.table([], [
        [["Работодатель:"], ["Работник:"]],
        [["{{ org.short_name }}", "{{ org.address }}{% if org.inn %}, ИНН {{ org.inn }}{% endif %}"
          "{% if org.ogrn %}, ОГРН {{ org.ogrn }}{% endif %}"], ["{{ mentor.name }}"]],
        [["{{ head.position }}"], ["{% if mentor.position %}{{ mentor.position }}{% endif %}"]],
        [["____________ {{ head.name|initials_first }}"],
         ["____________ {{ mentor.name|initials_first }}",  # the worker's copy is signed for under the signature
          "Экземпляр получил{% if mentor.female %}а{% endif %}: ____________",
          "«___» __________ 20___\u00a0г."]],
    ], [82, 83], borders=False, keep_together=True)
    return b.save("agreement.docx")


def consent_pd() -> Path:
    b = Builder("Согласие на обработку персональных данных")
    b.p("СОГЛАСИЕ", align="center", indent=False, bold=True)
    b.p("на обработку персональных данных", align="center", indent=False, bold=True, after=12)
    b.p("Я, {{ person.name }}{% if person.position %}, {{ person.position|lower_first }}{% endif %},",
        indent=False, align="left")
    b.fill("паспорт: серия ______ № ___________, выдан «___» _________ 20___\u00a0г.,")
    b.fill("кем выдан: \t")
    b.fill("{% if person.female %}зарегистрированная{% else %}зарегистрированный{% endif %} по адресу: \t")
    b.fill("\t,", after=6)
    b.p("в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» "
        "свободно, своей волей и в своём интересе даю согласие {{ org.full_name_dative }} (далее — оператор), "
        "адрес: {{ org.address }}{% if org.inn %}, ИНН {{ org.inn }}{% endif %}{% if org.ogrn %}, "
        "ОГРН {{ org.ogrn }}{% endif %}, на обработку моих персональных данных.", indent=False)
    b.p("Цель обработки: организация и сопровождение наставничества педагогических работников, в котором я "
        "участвую в качестве {{ person.role_genitive }}: ведение банков наставников и наставляемых, подбор "
        "наставнических пар (групп), подготовка приказов, персонализированных программ и отчётов, "
        "мониторинг и оценка результатов наставничества.")
    b.p("Перечень персональных данных: фамилия, имя, отчество; должность; преподаваемый предмет; стаж "
        "педагогической работы; квалификационная категория; профессиональные запросы и компетенции; сведения "
        "об обучении по вопросам наставничества; ответы на анкеты мониторинга; контактный телефон и адрес "
        "электронной почты.")
    b.p("Перечень действий: сбор, запись, систематизация, накопление, хранение, уточнение (обновление, "
        "изменение), извлечение, использование, "
        "{% if org.authority %}передача (предоставление, доступ) {{ org.authority_dative }} для мониторинга "
        "наставничества, {% endif %}обезличивание, блокирование, удаление, уничтожение — с "
        "использованием средств автоматизации и без них. {% if org.authority %}Иным третьим лицам{% else %}"
        "Третьим лицам{% endif %} мои персональные данные не передаются; в сводные отчёты о наставничестве "
        "сведения обо мне включаются только в обезличенном виде.")
    b.p("Согласие действует со дня подписания до окончания моего участия в программе наставничества и "
        "хранения документов в сроки, установленные законодательством об архивном деле. Согласие может быть "
        "отозвано мной письменным заявлением, направленным оператору (часть 2 статьи 9 Федерального закона "
        "№ 152-ФЗ).")
    b.line("«___» __________ 20___ г.", "____________ / {{ person.name|initials_first }}", before=36)
    return b.save("consent_pd.docx")


# ---------------------------------------------------------------- the school year (issue 12)

LANDSCAPE_WIDTH = 252  # mm: A4 landscape 297 − 30 − 15


def _landscape(b: Builder) -> None:
    s = b.doc.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Mm(297), Mm(210)
    s.left_margin, s.right_margin, s.top_margin, s.bottom_margin = Mm(20), Mm(15), Mm(30), Mm(15)


def _merged_down(t: Table, row: int, columns: Sequence[int], value: str) -> None:
    """Cells of a loop row merged down: `value` renders to «restart» on a stage's first row, else «continue»."""
    for col in columns:
        tc_pr = t.rows[row].cells[col]._tc.get_or_add_tcPr()
        el = OxmlElement("w:vMerge")
        el.set(qn("w:val"), value)
        tc_pr.append(el)


def roadmap() -> Path:
    """The roadmap as the director approves it: landscape, the approval block, the table of the seeds."""
    b = Builder("План мероприятий (дорожная карта) по реализации Положения о системе наставничества")
    _landscape(b)
    for text in ("Приложение", "УТВЕРЖДЕНО", "приказом {{ head.position|position_genitive|lower_first }}",
                 "{{ org.short_name }}",
                 "от {{ order.date|ru_date }} №\u00a0{% if order.number %}{{ order.number }}"
                 "{% else %}________{% endif %}"):
        b.p(text, align="left", indent=False, left=170)
    b.p("План мероприятий (дорожная карта)", align="center", indent=False, bold=True, before=18)
    b.p("по реализации Положения о системе наставничества педагогических работников", align="center",
        indent=False, bold=True)
    b.p("в {{ org.short_name }}{% if year %} на {{ year }} учебный год{% endif %}", align="center", indent=False,
        bold=True, after=12)
    t = b.table(["№ п/п", "Наименование этапа", "Содержание деятельности и примерный план мероприятий",
                 "Сроки исполнения", "Ответственный", "Ожидаемый результат"], [
        [["{%tr for r in rows %}"], [], [], [], [], []],
        [["{{ r.stage_number }}"], ["{{ r.stage }}"], ["{{ r.event }}"], ["{{ r.term }}"],
         ["{{ r.responsible }}"], ["{{ r.result }}"]],
        [["{%tr endfor %}"], [], [], [], [], []],
    ], [12, 45, 85, 37, 38, 45])
    _merged_down(t, 2, (0, 1), "{{ r.merge }}")
    return b.save("roadmap.docx")


def order_roadmap() -> Path:
    b = Builder("Приказ об утверждении дорожной карты")
    letterhead(b)
    b.p("Об утверждении дорожной карты (плана мероприятий) по реализации Положения о системе наставничества "
        "педагогических работников", align="left", indent=False, bold=True, after=12)
    b.p("В соответствии с Положением о системе наставничества педагогических работников {{ org.short_name }}, "
        "в целях организации наставничества{% if year %} в {{ year }} учебном году{% endif %}")
    b.p("ПРИКАЗЫВАЮ:", align="left", indent=False, before=6, after=6)
    b.p("1. Утвердить дорожную карту (план мероприятий) по реализации Положения о системе наставничества "
        "педагогических работников в {{ org.short_name }}{% if year %} на {{ year }} учебный год{% endif %} "
        "(приложение; мероприятий — {{ events }}).")
    b.p("2. Ответственным исполнителям обеспечить выполнение мероприятий дорожной карты в установленные сроки.")
    b.p("3. Поручить {% if curator.name %}{{ curator|position_name(\"дательный\") }}{% else %}куратору "
        "наставничества{% endif %} ежеквартально информировать руководителя о ходе выполнения дорожной карты.")
    b.p("4. Контроль за исполнением приказа оставляю за собой.")
    signature_and_acquaintance(b)
    return b.save("order_roadmap.docx")


def order_curator() -> Path:
    b = Builder("Приказ о назначении куратора наставничества")
    letterhead(b)
    b.p("О назначении куратора наставничества", align="left", indent=False, bold=True, after=12)
    b.p("В соответствии с Положением о системе наставничества педагогических работников {{ org.short_name }}")
    b.p("ПРИКАЗЫВАЮ:", align="left", indent=False, before=6, after=6)
    b.p("1. Назначить куратором наставничества педагогических работников{% if year %} на {{ year }} учебный "
        "год{% endif %} {{ curator|position_name(\"винительный\") }}.")
    b.p("2. Куратору наставничества: формировать банки наставников и наставляемых; организовать подбор "
        "наставнических пар (групп) и разработку персонализированных программ наставничества; вести учёт "
        "встреч и анкетирования; проводить мониторинг и готовить аналитическую справку по итогам года; "
        "обеспечить выполнение дорожной карты.")
    b.p("3. Контроль за исполнением приказа оставляю за собой.")
    signature_and_acquaintance(b)
    return b.save("order_curator.docx")


def order_completion() -> Path:
    b = Builder("Приказ об итогах реализации персонализированных программ наставничества")
    letterhead(b)
    b.p("Об итогах реализации персонализированных программ наставничества", align="left", indent=False,
        bold=True, after=12)
    b.p("В соответствии с Положением о системе наставничества педагогических работников {{ org.short_name }}, "
        "в связи с окончанием срока наставничества и на основании отчётов о выполнении персонализированных "
        "программ наставничества")
    b.p("ПРИКАЗЫВАЮ:", align="left", indent=False, before=6, after=6)
    b.p("1. Считать завершённой реализацию персонализированных программ наставничества следующих "
        "наставнических пар (групп) с {{ order.date|ru_date }}:", keep=True, after=6)
    b.table(["№", "Наставник", "Наставляемые", "Срок наставничества"], [
        [["{%tr for p in pairs %}"], [], [], []],
        [["{{ loop.index }}"], ["{{ p.mentor }}"],
         ["{%p for m in p.mentees %}", "{{ m }}", "{%p endfor %}"],
         ["{% if p.start %}с {{ p.start|short_date }} {% endif %}по {{ p.end|short_date }}"]],
        [["{%tr endfor %}"], [], [], []],
    ], [12, 55, 63, 35])
    b.p("2. Поручить {% if curator.name %}{{ curator|position_name(\"дательный\") }}{% else %}куратору "
        "наставничества{% endif %} провести итоговое анкетирование наставников и наставляемых, обобщить "
        "отчёты пар (групп) и подготовить аналитическую справку об итогах наставничества.", before=6)
    b.p("3. Рассмотреть вопрос о поощрении наставников по итогам реализации программ.")
    b.p("4. Контроль за исполнением приказа оставляю за собой.")
    signature_and_acquaintance(b)
    return b.save("order_completion.docx")


def order_pairs_change() -> Path:
    b = Builder("Приказ о внесении изменений в состав наставнических пар (групп)")
    letterhead(b)
    b.p("О внесении изменений в состав наставнических пар (групп)", align="left", indent=False, bold=True,
        after=12)
    b.p("В соответствии с Положением о системе наставничества педагогических работников {{ org.short_name }}, "
        "на основании письменных согласий наставников")
    b.p("ПРИКАЗЫВАЮ:", align="left", indent=False, before=6, after=6)
    b.p("1. Прекратить досрочно наставничество в следующих наставнических парах (группах) с "
        "{{ order.date|ru_date }}:", keep=True, after=6)
    b.table(["№ пары", "Наставник", "Наставляемые", "Причина"], [
        [["{%tr for p in ended %}"], [], [], []],
        [["{{ p.number }}{% if p.order_number %} (приказ №\u00a0{{ p.order_number }}{% if p.order_date %} от\u00a0"
          "{{ p.order_date|short_date }}{% endif %}){% endif %}"], ["{{ p.mentor }}"],
         ["{%p for m in p.mentees %}", "{{ m }}", "{%p endfor %}"], ["{{ p.reason }}"]],
        [["{%tr endfor %}"], [], [], []],
    ], [30, 45, 50, 40])
    b.tag("{%p if replaced %}")
    b.p("2. Закрепить за наставляемыми новых наставников:", keep=True, before=6, after=6)
    b.table(["№ пары", "Наставляемый", "Новый наставник", "Срок наставничества"], [
        [["{%tr for p in replaced %}"], [], [], []],
        [["{{ p.number }}"], ["{{ p.mentee }}"], ["{{ p.mentor }}"],
         ["с {{ p.start|short_date }} по {{ p.end|short_date }}"]],
        [["{%tr endfor %}"], [], [], []],
    ], [16, 55, 55, 39])
    b.tag("{%p endif %}")
    b.p("{% if replaced %}3{% else %}2{% endif %}. Контроль за исполнением приказа оставляю за собой.",
        before=6)
    signature_and_acquaintance(b)
    return b.save("order_pairs_change.docx")


MAKERS = (order_pairs, order_reward, program, agreement, consent_pd,
          roadmap, order_roadmap, order_curator, order_completion, order_pairs_change)


def known_parts(made: Sequence[Path]) -> Path:
    """templates/known_parts.json: the parts of the templates just made, checked and cleaned once here, so that
    a command printing a standard template does neither (mentorxl/documents/env.py, `_known_parts`)."""
    import json

    from mentorxl.documents.env import KNOWN_PARTS, known_parts_of

    path = OUT / KNOWN_PARTS
    known = known_parts_of({p.name: p.read_bytes() for p in made})
    path.write_text(json.dumps(known, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return path


def main() -> int:
    made = [make() for make in MAKERS]
    for path in [*made, known_parts(made)]:
        print(f"  → {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
