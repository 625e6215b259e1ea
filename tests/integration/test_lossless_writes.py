"""The command line changes a book losslessly or not at all (issue 10, point 2).

Books carrying what users and Excel put into a workbook — drawings, images, charts, comments, form buttons,
VBA, custom properties, data validations and conditional formats (also in `extLst`), sparklines (x14),
defined names, the user's own sheet, columns and colours — go through real commands (`approve` changes «Пары»
and «Наставляемые», `check` writes «Ошибки»). Every zip part outside the sheets the command means to change is
compared byte for byte with the backup copy; inside the changed sheets, every element other than the cells is
compared too. Books are made by XlsxWriter, by LibreOffice (soffice --headless), and by hand-written XML for
what only Excel makes (x14 validations and sparklines, ctrlProps form controls, custom properties).
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zipfile
import zlib
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from python_calamine import CalamineWorkbook

from mentorxl.actions.demo import correct_as_curator
from mentorxl.book.package import Package
from mentorxl.cli import main
from mentorxl.core import contract as k
from tests.builders import grid, mentee, mentor, minimal_book

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
MASTER = Path(__file__).resolve().parents[2] / "workbook" / "Наставничество.xlsm"
TODAY = "01.10.2025"

X14_VALIDATION = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:dataValidations xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" count="1">'
    '<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1>'
    '<xm:f>\'Справочники\'!$A$2:$A$6</xm:f></x14:formula1><xm:sqref>K2:K500</xm:sqref></x14:dataValidation>'
    '</x14:dataValidations></ext>'
    '<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    '<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/>'
    '<x14:sparklines><x14:sparkline><xm:f>\'Пары\'!A2:A5</xm:f><xm:sqref>M2</xm:sqref></x14:sparkline>'
    '</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>'
)
CTRL_PROP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<formControlPr '
             'xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="Button" '
             'lockText="1"/>')
CUSTOM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
          'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
          'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Школа"><vt:lpwstr>СОШ № 1'
          '</vt:lpwstr></property></Properties>')


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = zlib.compress(b"\x00\xff\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def _sheets() -> dict[str, list[list[object]]]:
    sheets = minimal_book(
        mentees=[mentee("Иванова Мария Петровна", "ИКТ", "01.09.2025", subject="Физика")],
        mentors=[mentor("Кузнецова Анна Сергеевна", "ИКТ", "01.09.2025", subject="Физика")])
    sheets[k.SUGGESTIONS.name] = grid(k.SUGGESTIONS, [{
        "mentee": "Иванова Мария Петровна", "mentor": "Кузнецова Анна Сергеевна", "score": 90,
        "decision": "Утвердить"}])
    sheets[k.PROBLEMS.name] = grid(k.PROBLEMS, [])
    sheets["Мой лист"] = [["Заметки куратора"], ["позвонить в понедельник"]]
    return sheets


def xlsxwriter_book(path: Path) -> Path:
    """Everything XlsxWriter can put into a book, on the sheets the commands change and beside them."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    if path.suffix == ".xlsm":
        with zipfile.ZipFile(MASTER) as master:
            wb.add_vba_project(io.BytesIO(master.read("xl/vbaProject.bin")), is_stream=True)
    wb.set_custom_property("Школа", "СОШ № 1")
    wb.define_name("МоиПары", f"='{k.PAIRS.name}'!$A$1:$K$100")
    red = wb.add_format({"bg_color": "#FFC7CE", "bold": True})
    for name, rows in _sheets().items():
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value, red if (name, r, c) == (k.MENTEES.name, 1, 0) else None)
        if name in (k.PAIRS.name, k.MENTEES.name):
            ws.write(0, 12, "Мой столбец", red)
            ws.set_column(12, 12, 25)
            ws.data_validation("K2:K500", {"validate": "list", "source": ["Проект", "Утверждена", "Действует"]})
            ws.conditional_format("A2:K500", {"type": "cell", "criteria": "==", "value": '"Проект"', "format": red})
            ws.add_sparkline("N2", {"range": f"'{name}'!A2:A5"})
            ws.write_comment("A1", "Заголовок не меняйте")
            ws.insert_image("P2", "точка.png", {"image_data": io.BytesIO(_png())})
            if path.suffix == ".xlsm":
                ws.insert_button("P8", {"macro": "CheckData", "caption": "Проверить"})
        if name == "Мой лист":
            chart = wb.add_chart({"type": "column"})
            chart.add_series({"values": "='Мой лист'!$B$1:$B$3"})
            ws.insert_chart("D2", chart)
    wb.close()
    return path


def _with_parts(path: Path, parts: dict[str, bytes], edit: dict[str, tuple[bytes, bytes]]) -> Path:
    """Rewrite the zip with extra parts and text replacements in some: what Excel writes and XlsxWriter cannot."""
    source = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename in edit:
                old, new = edit[info.filename]
                assert old in data, (info.filename, old)
                data = data.replace(old, new, 1)
            zout.writestr(info, data)
        for name, data in parts.items():
            zout.writestr(name, data)
    return path


def excel_only_book(path: Path) -> Path:
    """A book with x14 validations and sparklines in the changed sheet's extLst, a ctrlProps form control and
    custom properties, written as Excel writes them (hand-made XML)."""
    plain = path.with_name("plain.xlsx")
    write = openpyxl.Workbook()
    write.remove(write.active)
    for name, rows in _sheets().items():
        ws = write.create_sheet(name)
        for row in rows:
            ws.append(row)
    write.save(plain)
    shutil.copy(plain, path)
    with zipfile.ZipFile(path) as z:
        pairs = Package(path).sheets[k.PAIRS.name]
        rels = pairs.replace("worksheets/", "worksheets/_rels/") + ".rels"
        has_rels = rels in z.namelist()
    sheet_rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
                  b'openxmlformats.org/package/2006/relationships"><Relationship Id="rIdCtrl1" Type="http://schemas.'
                  b'openxmlformats.org/officeDocument/2006/relationships/ctrlProp" '
                  b'Target="../ctrlProps/ctrlProp1.xml"/>'
                  b'</Relationships>')
    assert not has_rels
    return _with_parts(path, {
        "xl/ctrlProps/ctrlProp1.xml": CTRL_PROP.encode(), "docProps/custom.xml": CUSTOM.encode(), rels: sheet_rels,
    }, {
        pairs: (b"</worksheet>", X14_VALIDATION.encode() + b"</worksheet>"),
        "[Content_Types].xml": (b"</Types>", b'<Override PartName="/xl/ctrlProps/ctrlProp1.xml" ContentType="'
                                b'application/vnd.ms-excel.controlproperties+xml"/><Override PartName="/docProps/'
                                b'custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-'
                                b'properties+xml"/></Types>'),
        "_rels/.rels": (b"</Relationships>", b'<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.'
                        b'org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>'
                        b"</Relationships>"),
    })


def _libreoffice_convert(soffice: str, source: Path, out: Path) -> Path:
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{out}/profile",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    return out / (source.stem + ".xlsx")


def libreoffice_book(soffice: str, path: Path) -> Path:
    """The XlsxWriter book as LibreOffice Calc saves it."""
    source = xlsxwriter_book(path.with_name("source.xlsx"))
    shutil.move(_libreoffice_convert(soffice, source, path.parent / "lo"), path)
    return path


def _not_cells(xml: bytes) -> list[bytes]:
    """Every child of the worksheet except the cells, the dimension and the links «Ошибки» gets to its cells,
    serialised: what must not move."""
    root = etree.fromstring(xml)
    return [etree.tostring(child) for child in root
            if child.tag not in (f"{MAIN}sheetData", f"{MAIN}dimension", f"{MAIN}hyperlinks")]


def run_commands(book: Path) -> tuple[Path, set[str]]:
    """`check` (writes «Ошибки») and `approve` (writes «Пары», «Наставляемые»); the sheet parts they may change."""
    assert main(["check", str(book), "--today", TODAY]) in (0, 1)
    assert main(["approve", str(book), "--today", TODAY]) == 0
    backups = sorted((book.parent / "Резервные копии").iterdir())
    assert len(backups) == 2
    package = Package(book)
    allowed = {package.sheets[name] for name in (k.PROBLEMS.name, k.PAIRS.name, k.MENTEES.name)}
    for name in (k.PROBLEMS.name, k.PAIRS.name, k.MENTEES.name):
        allowed |= {part for part, _ in package.tables(name)}
    allowed.add("xl/styles.xml")  # a date format, the colours of problem cells
    package.close()
    coloured, store = marked(book)
    allowed |= coloured | store
    if store:  # the hidden sheet of the marks is the one part added
        allowed |= {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}
    return backups[0], allowed


def assert_lossless(original: Path, book: Path, allowed: set[str]) -> None:
    with zipfile.ZipFile(original) as before, zipfile.ZipFile(book) as after:
        assert set(after.namelist()) - set(before.namelist()) <= allowed
        assert before.namelist() == after.namelist()[:len(before.namelist())]
        changed = {n for n in before.namelist() if before.read(n) != after.read(n)}
        assert changed <= allowed, changed - allowed
        for name in changed - {"xl/styles.xml"}:
            if "/worksheets/" in name:
                assert _not_cells(before.read(name)) == _not_cells(after.read(name)), name
    _assert_pair_written(book)


def _assert_pair_written(book: Path) -> None:
    pairs = CalamineWorkbook.from_path(str(book)).get_sheet_by_name(k.PAIRS.name).to_python()
    assert pairs[1][1:3] == ["Кузнецова Анна Сергеевна", "Иванова Мария Петровна"]


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm"])
def test_a_book_made_by_xlsxwriter_keeps_every_part_through_check_and_approve(tmp_path, capsys, suffix):
    book = xlsxwriter_book(tmp_path / f"Книга{suffix}")
    original, allowed = run_commands(book)
    capsys.readouterr()
    assert_lossless(original, book, allowed)
    with zipfile.ZipFile(book) as z:
        names = set(z.namelist())
    assert {"docProps/custom.xml", "xl/media/image1.png", "xl/comments1.xml"} <= names
    assert ("xl/vbaProject.bin" in names) == (suffix == ".xlsm")


def test_a_book_with_what_only_excel_writes_keeps_it_through_check_and_approve(tmp_path, capsys):
    book = excel_only_book(tmp_path / "Книга.xlsx")
    original, allowed = run_commands(book)
    capsys.readouterr()
    assert_lossless(original, book, allowed)
    with zipfile.ZipFile(book) as z:
        pairs = z.read(Package(book).sheets[k.PAIRS.name])
        assert z.read("xl/ctrlProps/ctrlProp1.xml") == CTRL_PROP.encode()
        assert z.read("docProps/custom.xml") == CUSTOM.encode()
    assert b"x14:sparklineGroups" in pairs and b"x14:dataValidations" in pairs


@pytest.mark.libreoffice
def test_a_book_saved_by_libreoffice_keeps_every_part_through_check_and_approve(tmp_path, capsys, soffice):
    book = libreoffice_book(soffice, tmp_path / "Книга.xlsx")
    original, allowed = run_commands(book)
    capsys.readouterr()
    assert_lossless(original, book, allowed)
    _assert_pair_written(_libreoffice_convert(soffice, book, tmp_path / "again"))  # Calc opens what was written


def test_a_sheet_the_writer_cannot_change_whole_is_refused_with_what_would_be_lost(tmp_path, capsys):
    book = xlsxwriter_book(tmp_path / "Книга.xlsx")
    package = Package(book)
    problems = package.sheets[k.PROBLEMS.name]
    package.close()
    _with_parts(book, {}, {problems: (b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A2:C2"/>'
                                                       b"</mergeCells>")})
    before = book.read_bytes()
    code = main(["check", str(book), "--today", TODAY])
    err = capsys.readouterr().err
    assert code == 2 and "без потерь" in err and "объединённые ячейки A2:C2" in err and "--out" in err
    assert book.read_bytes() == before and not (tmp_path / "Резервные копии").exists()


def marked(book: Path) -> tuple[set[str], set[str]]:
    """The sheet parts the command line coloured (problem cells, overdue terms), and the part of its hidden
    sheet «MentorXL.marks.cli» that remembers their own styles."""
    from mentorxl.book.headless import MARKS_SHEET

    package = Package(book)
    try:
        if MARKS_SHEET not in package.sheets:
            return set(), set()
        rows = CalamineWorkbook.from_path(str(book)).get_sheet_by_name(MARKS_SHEET).to_python()
        return {package.sheets[str(r[0])] for r in rows if r and r[0]}, {package.sheets[MARKS_SHEET]}
    finally:
        package.close()


def test_the_master_workbook_with_buttons_keeps_every_part_through_the_whole_day(tmp_path, capsys):
    """`mentorxl new --demo` (.xlsm: VBA, form buttons, tables, dropdowns, conditional formats, «Панель»
    formulas), then check, match, approve and order: only the sheets those commands write change (the order
    adds its row to «Приказы»)."""
    book = tmp_path / "Наставничество.xlsm"
    assert main(["new", str(book), "--demo", "--today", TODAY]) == 0
    original = tmp_path / "original.xlsm"
    shutil.copy(book, original)
    for argv in (["check", str(book)], ["match", str(book)], ["approve", str(book), "--all"]):
        assert main([*argv, "--today", TODAY]) in (0, 1), argv
    correct_as_curator(book, date(2025, 10, 1))  # the gate lets the order go
    assert main(["order", str(book), "--out", str(tmp_path / "Документы"), "--today", TODAY]) == 0
    capsys.readouterr()
    package = Package(book)
    written = (k.PROBLEMS.name, k.SUGGESTIONS.name, k.PAIRS.name, k.ORDERS.name, k.MENTEES.name, k.MENTORS.name)
    allowed = {package.sheets[name] for name in written} | {"xl/styles.xml"}
    for name in written:
        allowed |= {part for part, _ in package.tables(name)}
    package.close()
    coloured, store = marked(book)
    allowed |= coloured | {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}
    with zipfile.ZipFile(original) as before, zipfile.ZipFile(book) as after:
        assert set(after.namelist()) - set(before.namelist()) == store
        assert before.namelist() == after.namelist()[:len(before.namelist())]
        changed = {n for n in before.namelist() if before.read(n) != after.read(n)}
        assert changed <= allowed, changed - allowed
        assert "xl/vbaProject.bin" not in changed
        for name in changed - {"xl/styles.xml"}:
            if "/worksheets/" in name:
                assert _not_cells(before.read(name)) == _not_cells(after.read(name)), name
    assert len(list((tmp_path / "Резервные копии").iterdir())) == 5
