"""The VBA project we build (vbaProject.bin): read back by independent readers (olefile, oletools' olevba,
LibreOffice), compared with the project xlwings ships in quickstart_standalone.xlsm, reproducible to the
byte."""

from __future__ import annotations

import importlib.metadata
import io
import os
import re
import struct
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import olefile
import pytest
import xlsxwriter

from mentorxl.assets import asset_dir
from mentorxl.builder.vba import cfb
from mentorxl.builder.vba.ovba import decompress
from mentorxl.builder.vba.project import (
    BUTTONS,
    CLASS,
    DOCUMENT,
    STANDARD,
    WORKBOOK_BASE,
    WORKSHEET_BASE,
    VbaModule,
    VbaProjectError,
    build_vba_project,
    decrypt_value,
    document_module,
    document_names,
    encrypt_value,
    macro_calls,
    mentorxl_module,
    standard_modules,
    stored_source,
    sub_names,
)

XLWINGS = Path(str(importlib.metadata.distribution("xlwings").locate_file("xlwings")))
QUICKSTART = XLWINGS / "quickstart_standalone.xlsm"
FUNCTIONS = {sub: function for sub, (_caption, function) in BUTTONS.items()}
PROCEDURE = re.compile(r"^[ \t]*(?:(?:Public|Private|Friend)[ \t]+)?(?:Static[ \t]+)?"
                       r"(?:Sub|Function|Property[ \t]+(?:Get|Let|Set))[ \t]+(\w+)",
                       re.IGNORECASE | re.MULTILINE)


def _olevba():
    with warnings.catch_warnings():  # oletools' pyparsing grammar warns about deprecated names on import
        warnings.simplefilter("ignore")
        from oletools import olevba
    return olevba


def _macros(data: bytes, filename: str = "vbaProject.bin") -> dict[str, str]:
    """Module name -> source text, as olevba extracts them."""
    parser = _olevba().VBA_Parser(filename, data=data)
    try:
        return {Path(name).stem: code for _file, _stream, name, code in parser.extract_macros()}
    finally:
        parser.close()


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n")


def _master_modules(sheet_count: int = 3) -> list[VbaModule]:
    return standard_modules(FUNCTIONS, documents=document_names(sheet_count))


@pytest.fixture(scope="module")
def project() -> bytes:
    return build_vba_project(_master_modules())


@pytest.fixture(scope="module")
def quickstart_bin() -> bytes:
    with zipfile.ZipFile(QUICKSTART) as book:
        return book.read("xl/vbaProject.bin")


def _ole(data: bytes) -> olefile.OleFileIO:
    return olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)


def _dir_records(data: bytes) -> list[tuple[int, bytes]]:
    records, pos = [], 0
    while pos < len(data):
        ident, size = struct.unpack_from("<HI", data, pos)
        if ident == 0x0009:  # PROJECTVERSION: "Reserved" 4 stands where a size would, then 6 bytes follow
            size = 6
        records.append((ident, data[pos + 6:pos + 6 + size]))
        pos += 6 + size
    return records


def _project_text(data: bytes) -> dict[str, list[str]]:
    text = _ole(data).openstream("PROJECT").read().decode("cp1252")
    values: dict[str, list[str]] = {}
    for line in text.split("\r\n"):
        key, _, value = line.partition("=")
        values.setdefault(key, []).append(value)
    return values


# --- the compound file -------------------------------------------------------------------------------------

def test_the_project_is_a_compound_file_with_the_streams_excel_expects(project):
    ole = _ole(project)
    assert ole.parsing_issues == []
    assert sorted("/".join(p) for p in ole.listdir()) == sorted([
        "PROJECT", "PROJECTwm", "VBA/_VBA_PROJECT", "VBA/dir", "VBA/ThisWorkbook", "VBA/Sheet1", "VBA/Sheet2",
        "VBA/Sheet3", "VBA/xlwings", "VBA/Dictionary", "VBA/MentorXL",
    ])
    assert len(project) % 512 == 0


@pytest.mark.parametrize("size", [0, 1, 63, 64, 4095, 4096, 4097, 70_000])
def test_streams_below_and_above_the_mini_stream_cutoff_read_back(size):
    data = bytes(i * 31 % 256 for i in range(size))
    streams = {"small": b"x" * 100, "S/inner": data, "S/big": b"y" * 5000}
    ole = _ole(cfb.write_compound_file(streams))
    for path, expected in streams.items():
        assert ole.openstream(path).read() == expected


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 7, 8, 11, 16, 31, 40])
def test_the_children_of_a_storage_form_an_ordered_red_black_tree(count):
    names = [f"Module{i}" for i in range(count)] + ["a", "_VBA_PROJECT"]
    ole = _ole(cfb.write_compound_file({f"VBA/{n}": b"." for n in names}))
    storage = next(e for e in ole.direntries if e is not None and e.name == "VBA")
    _assert_red_black(ole, storage.sid_child, len(names))


def test_the_built_project_directory_trees_are_valid(project):
    ole = _ole(project)
    root = ole.direntries[0]
    _assert_red_black(ole, root.sid_child, 3)
    vba = next(e for e in ole.direntries if e is not None and e.name == "VBA")
    _assert_red_black(ole, vba.sid_child, 9)


def _assert_red_black(ole: olefile.OleFileIO, top: int, count: int) -> None:
    entries = ole.direntries
    ordered: list[str] = []

    def walk(sid: int, parent_red: bool) -> int:
        if sid == cfb.NOSTREAM:
            return 1
        entry = entries[sid]
        red = entry.color == cfb.RED
        assert not (red and parent_red), f"two red nodes in a row at {entry.name}"
        left = walk(entry.sid_left, red)
        ordered.append(entry.name)
        right = walk(entry.sid_right, red)
        assert left == right, f"black heights differ under {entry.name}"
        return left + (not red)

    assert entries[top].color == cfb.BLACK
    walk(top, False)
    assert len(ordered) == count
    keys = [cfb.sort_key(name) for name in ordered]
    assert keys == sorted(keys) and len(set(keys)) == count


def test_names_that_differ_only_by_case_are_refused():
    with pytest.raises(ValueError, match="twice"):
        cfb.write_compound_file({"VBA/dir": b"1", "VBA/DIR": b"2"})


# --- the VBA project ---------------------------------------------------------------------------------------

def test_two_builds_of_the_same_modules_are_identical_bytes():
    assert build_vba_project(_master_modules()) == build_vba_project(_master_modules())


def test_builds_in_processes_with_different_hash_seeds_are_identical_bytes():
    script = ("import hashlib, sys; from mentorxl.builder.vba import BUTTONS, build_vba_project, "
              "document_names, standard_modules; functions = {s: f for s, (_, f) in BUTTONS.items()}; "
              "sys.stdout.write(hashlib.sha256(build_vba_project(standard_modules(functions, "
              "documents=document_names(3)))).hexdigest())")
    digests = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, cwd=Path(__file__).parents[2]).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_olevba_recovers_every_module_exactly(project):
    macros = _macros(project)
    modules = _master_modules()
    assert set(macros) == {m.name for m in modules}
    for module in modules:
        assert macros[module.name] == stored_source(module)


def test_the_mentorxl_module_is_the_committed_bas_file(project):
    committed = (asset_dir("macros") / "MentorXL.bas").read_bytes().decode("ascii")
    assert _lines(_macros(project)["MentorXL"]) == _lines(committed)


def test_the_xlwings_module_is_the_one_of_the_installed_xlwings(project):
    version = importlib.metadata.version("xlwings")
    code = _macros(project)["xlwings"]
    assert f'XLWINGS_VERSION As String = "{version}"' in code
    assert _lines(code) == _lines((XLWINGS / "xlwings.bas").read_text(encoding="cp1252"))


def test_our_modules_are_what_the_vba_editor_stored_in_xlwings_quickstart(project, quickstart_bin):
    ours, theirs = _macros(project), _macros(quickstart_bin)
    assert _lines(ours["xlwings"]) == _lines(theirs["xlwings"])
    # the editor's import of Dictionary.cls: the same text, only identifiers re-cased (err -> Err)
    assert ours["Dictionary"].lower() == theirs["Dictionary"].lower()
    assert ours["ThisWorkbook"] == theirs["ThisWorkbook"]
    assert ours["Sheet1"] == theirs["Sheet1"]


def test_vba_project_stream_asks_excel_to_compile_from_source(project):
    stream = _ole(project).openstream("VBA/_VBA_PROJECT").read()
    reserved, version = struct.unpack_from("<HH", stream)
    assert (reserved, version) == (0x61CC, 0xFFFF)


def test_the_dir_stream_declares_the_project_its_references_and_its_modules(project, quickstart_bin):
    ours = _dir_records(decompress(_ole(project).openstream("VBA/dir").read()))
    theirs = _dir_records(decompress(_ole(quickstart_bin).openstream("VBA/dir").read()))
    head = [ident for ident, _ in ours[:14]]
    assert head == [ident for ident, _ in theirs[:14]]  # PROJECTINFORMATION, record for record
    values = dict(ours)
    assert struct.unpack("<H", values[0x0003]) == (1252,)
    assert values[0x0004] == b"MentorXLProject"
    assert [value for ident, value in ours if ident == 0x0016] == [b"stdole", b"Office"]
    names = [value.decode() for ident, value in ours if ident == 0x0019]
    assert names == ["ThisWorkbook", "Sheet1", "Sheet2", "Sheet3", "xlwings", "Dictionary", "MentorXL"]
    types = [ident for ident, _ in ours if ident in (0x0021, 0x0022)]
    assert types == [0x22, 0x22, 0x22, 0x22, 0x21, 0x22, 0x21]
    assert {value for ident, value in ours if ident == 0x0031} == {b"\x00\x00\x00\x00"}  # source at offset 0
    assert ours[-1] == (0x0010, b"")


def test_the_project_stream_lists_the_modules_by_kind(project):
    values = _project_text(project)
    assert values["Document"] == [f"{n}/&H00000000" for n in ("ThisWorkbook", "Sheet1", "Sheet2", "Sheet3")]
    assert values["Module"] == ["xlwings", "MentorXL"]
    assert values["Class"] == ["Dictionary"]
    assert values["Name"] == ['"MentorXLProject"']
    assert re.fullmatch(r'"\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}"', values["ID"][0])


def test_the_project_is_unprotected_visible_and_without_password(project):
    values = _project_text(project)
    key = sum(values["ID"][0].strip('"').encode()) & 0xFF
    assert decrypt_value(values["CMG"][0].strip('"')) == (key, b"\x00\x00\x00\x00")
    assert decrypt_value(values["DPB"][0].strip('"')) == (key, b"\x00")
    assert decrypt_value(values["GC"][0].strip('"')) == (key, b"\xff")


def test_our_encryption_reproduces_what_excel_wrote_in_xlwings_quickstart(quickstart_bin):
    values = _project_text(quickstart_bin)
    project_id = values["ID"][0].strip('"')
    for field, data in (("CMG", b"\x00\x00\x00\x00"), ("DPB", b"\x00"), ("GC", b"\xff")):
        written = values[field][0].strip('"')
        assert decrypt_value(written)[1] == data
        seed = int(written[:2], 16)
        ignored = _ignored_bytes(written)
        assert encrypt_value(project_id, data, seed=seed, ignored=ignored) == written


def _ignored_bytes(text: str) -> bytes:
    """The filler bytes Excel chose (MS-OVBA 2.4.3.3, the first (Seed & 6) / 2 decrypted bytes)."""
    raw = bytes.fromhex(text)
    seed, encrypted2, encrypted1 = raw[:3]
    unencrypted = seed ^ encrypted1
    filler = bytearray()
    for value in raw[3:3 + (seed & 6) // 2]:
        unencrypted = value ^ ((encrypted2 + unencrypted) & 0xFF)
        filler.append(unencrypted)
        encrypted2, encrypted1 = encrypted1, value
    return bytes(filler)


def test_the_name_map_stream_names_every_module_twice(project):
    stream = _ole(project).openstream("PROJECTwm").read()
    names = ("ThisWorkbook", "Sheet1", "Sheet2", "Sheet3", "xlwings", "Dictionary", "MentorXL")
    expected = b"".join(n.encode() + b"\x00" + n.encode("utf-16-le") + b"\x00\x00" for n in names)
    assert stream == expected + b"\x00\x00"


# --- modules and their text --------------------------------------------------------------------------------

def test_the_committed_mentorxl_bas_runs_the_function_of_every_button():
    path = asset_dir("macros") / "MentorXL.bas"
    raw = path.read_bytes()
    assert raw.isascii()
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF, as the VBA editor imports and exports
    text = raw.decode("ascii")
    assert text.startswith('Attribute VB_Name = "MentorXL"\r\n')
    assert macro_calls(text) == FUNCTIONS


def test_every_button_function_exists_in_mentorxl_excel():
    import mentorxl.excel as excel

    for function in FUNCTIONS.values():
        assert callable(getattr(excel, function, None)), function


def test_every_button_macro_names_one_procedure_in_the_whole_project():
    names = [n.upper() for m in _master_modules() for n in PROCEDURE.findall(stored_source(m))]
    for sub in BUTTONS:
        assert names.count(sub.upper()) == 1, sub


def test_a_mentorxl_bas_without_a_buttons_sub_is_refused():
    with pytest.raises(VbaProjectError, match="RemoveAll"):
        mentorxl_module({**FUNCTIONS, "RemoveAll": "remove_all"})


def test_a_class_file_is_stored_as_the_vba_editor_imports_it():
    source = ('VERSION 1.0 CLASS\r\nBEGIN\r\n  MultiUse = -1  \'True\r\nEND\r\nAttribute VB_Name = "Pair"\r\n'
              'Attribute VB_Exposed = True\r\nOption Explicit\r\nAttribute X.VB_UserMemId = 0\r\n')
    assert stored_source(VbaModule("Pair", CLASS, source)).split("\r\n")[:10] == [
        'Attribute VB_Name = "Pair"',
        'Attribute VB_Base = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"',
        "Attribute VB_GlobalNameSpace = False",
        "Attribute VB_Creatable = False",
        "Attribute VB_PredeclaredId = False",
        "Attribute VB_Exposed = True",
        "Attribute VB_TemplateDerived = False",
        "Attribute VB_Customizable = False",
        "Option Explicit",
        "Attribute X.VB_UserMemId = 0",
    ]


def test_a_standard_module_gets_its_name_attribute_and_crlf_lines():
    assert stored_source(VbaModule("Tools", STANDARD, "Sub A()\nEnd Sub")) == \
        'Attribute VB_Name = "Tools"\r\nSub A()\r\nEnd Sub\r\n'


def test_document_modules_carry_the_base_of_a_workbook_or_a_sheet():
    book = stored_source(document_module("Book", workbook=True))
    sheet = stored_source(document_module("Sheet1"))
    assert f'Attribute VB_Base = "{WORKBOOK_BASE}"' in book
    assert f'Attribute VB_Base = "{WORKSHEET_BASE}"' in sheet
    assert "Attribute VB_PredeclaredId = True" in sheet and "Attribute VB_Customizable = True" in sheet
    assert stored_source(VbaModule("ThisWorkbook", DOCUMENT, "")) == stored_source(
        document_module("ThisWorkbook", workbook=True))


@pytest.mark.parametrize(("modules", "project_name", "message"), [
    ([VbaModule("MentorXL", STANDARD, "")], "MentorXL", "taken by the project"),
    ([VbaModule("A", STANDARD, ""), VbaModule("a", CLASS, "")], "P", "taken by module A"),
    ([VbaModule("Модуль", STANDARD, "")], "P", "not a VBA name"),
    ([VbaModule("A", STANDARD, 'MsgBox "Привет"')], "P", "not in the code page"),
    ([VbaModule("A", STANDARD, 'Attribute VB_Name = "B"')], "P", "VB_Name"),
    ([VbaModule("A", "form", "")], "P", "unknown kind"),
])
def test_modules_that_cannot_make_a_project_are_refused(modules, project_name, message):
    with pytest.raises(VbaProjectError, match=message):
        build_vba_project(modules, project_name=project_name)


def test_another_code_page_encodes_names_and_source_in_it():
    data = build_vba_project([VbaModule("A", STANDARD, "' Привет\r\n")], project_name="P", codepage=1251)
    code = decompress(_ole(data).openstream("VBA/A").read())
    assert code.decode("cp1251") == 'Attribute VB_Name = "A"\r\n\' Привет\r\n'


# --- the workbook ------------------------------------------------------------------------------------------

SHEETS = ["Панель", "Настройки", "Пары"]


def _xlsm(path: Path, vba: bytes) -> Path:
    book = xlsxwriter.Workbook(str(path))
    for name in SHEETS:
        book.add_worksheet(name)
    panel = book.get_worksheet_by_name("Панель")
    assert panel is not None
    for row, (sub, (caption, _function)) in enumerate(BUTTONS.items()):
        panel.insert_button(row * 3, 1, {"macro": sub, "caption": caption, "width": 220, "height": 40})
    book.add_vba_project(io.BytesIO(vba), is_stream=True)
    book.close()
    return path


@pytest.fixture(scope="module")
def xlsm(tmp_path_factory, project) -> Path:
    return _xlsm(tmp_path_factory.mktemp("book") / "Наставничество.xlsm", project)


def test_an_xlsm_made_with_xlsxwriter_carries_every_module(xlsm, project):
    macros = _macros(xlsm.read_bytes(), xlsm.name)
    assert macros == _macros(project)


def test_the_code_names_of_the_xlsm_match_the_document_modules(xlsm):
    with zipfile.ZipFile(xlsm) as book:
        workbook = book.read("xl/workbook.xml").decode()
        sheets = [book.read(f"xl/worksheets/sheet{i}.xml").decode() for i in range(1, len(SHEETS) + 1)]
    names = [re.findall(r'codeName="(\w+)"', xml)[0] for xml in [workbook, *sheets]]
    assert names == document_names(len(SHEETS))


def test_every_button_of_the_xlsm_runs_a_sub_of_the_mentorxl_module(xlsm):
    with zipfile.ZipFile(xlsm) as book:
        vml = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".vml"))
    macros = re.findall(r"<x:FmlaMacro>\[0\]!(\w+)</x:FmlaMacro>", vml)
    assert macros == list(BUTTONS)
    mentorxl = stored_source(mentorxl_module(FUNCTIONS))
    assert set(macros) <= set(sub_names(mentorxl))


@pytest.mark.libreoffice
def test_libreoffice_imports_the_modules_and_binds_the_buttons_to_their_subs(xlsm, tmp_path, soffice):
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "ods", "--outdir", str(tmp_path), str(xlsm)],
        capture_output=True, text=True, timeout=240,
    )
    ods = tmp_path / (xlsm.stem + ".ods")
    assert ods.exists(), done.stderr[-2000:]
    with zipfile.ZipFile(ods) as book:
        basic = {Path(n).stem: book.read(n).decode() for n in book.namelist()
                 if n.startswith("Basic/MentorXLProject/") and not n.endswith("script-lb.xml")}
        content = book.read("content.xml").decode()
    assert set(basic) == {m.name for m in _master_modules()}
    kinds = {name: re.findall(r'script:moduleType="(\w+)"', text)[0] for name, text in basic.items()}
    assert kinds == {"ThisWorkbook": "document", "Sheet1": "document", "Sheet2": "document",
                     "Sheet3": "document", "xlwings": "normal", "Dictionary": "class", "MentorXL": "normal"}
    for sub, function in FUNCTIONS.items():
        assert f"Public Sub {sub}()" in basic["MentorXL"]
        assert f"m.{function}()" in basic["MentorXL"]
    bound = re.findall(r"vnd\.sun\.star\.script:MentorXLProject\.MentorXL\.(\w+)\?", content)
    assert bound == list(BUTTONS)
