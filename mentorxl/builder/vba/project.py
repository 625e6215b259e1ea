"""The VBA project of the master .xlsm (xl/vbaProject.bin), built from source text, reproducible to the byte.

The project holds no compiled code: `_VBA_PROJECT` says version 0xFFFF, so Excel compiles the modules from
their source when it opens the book (MS-OVBA 2.3.4.1), on any Excel version and bitness. What is written
(MS-OVBA 2.2, 2.3), all inside one compound file (cfb.py):

    PROJECT           text: ID, Document=/Module=/Class= lines, Name, unprotected CMG/DPB/GC, workspace
    PROJECTwm         module names in the code page and in UTF-16
    VBA/_VBA_PROJECT  CC 61 FF FF 00 01 00: no p-code
    VBA/dir           compressed records: project information, references (stdole, Office), modules
    VBA/<module>      each module's source, compressed (ovba.py), at offset 0 (no performance cache)

The modules of the master book: the document modules matching the workbook's code names (XlsxWriter gives
"ThisWorkbook" and "Sheet1".."SheetN" to a book with a VBA project), the xlwings module and its Dictionary
class read from the installed xlwings (as `xlwings quickstart --standalone` embeds them), and MentorXL
(macros/MentorXL.bas, one Sub per button of «Панель»).
"""

from __future__ import annotations

import codecs
import importlib.util
import re
import struct
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from mentorxl.builder.vba.cfb import write_compound_file
from mentorxl.builder.vba.ovba import compress
from mentorxl.core.buttons import BUTTONS as REGISTRY
from mentorxl.core.buttons import Button

STANDARD, CLASS, DOCUMENT = "standard", "class", "document"
KINDS = (STANDARD, CLASS, DOCUMENT)

WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"
WORKSHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"
CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"

# Sub name -> (caption of the button on «Панель», function of mentorxl.excel it runs), from the one registry
BUTTONS: dict[str, tuple[str, str]] = {b.sub: (b.caption, b.name) for b in REGISTRY}

# The references Excel gives every new workbook besides VBA and Excel themselves (MS-OVBA 2.3.4.2.2.5).
REFERENCES: tuple[tuple[str, str], ...] = (
    ("stdole", r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\Windows\System32\stdole2.tlb"
               r"#OLE Automation"),
    ("Office", r"*\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#C:\Program Files\Common Files"
               r"\Microsoft Shared\OFFICE16\MSO.DLL#Microsoft Office 16.0 Object Library"),
)

_VBA_PROJECT_STREAM = bytes.fromhex("CC61FFFF000100")  # Reserved1, Version 0xFFFF, Reserved2, Reserved3
_SYS_KIND_WIN64 = 3
_LCID = 0x0409
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,30}")
_HEADER_ATTRIBUTE = re.compile(r"Attribute\s+(VB_\w+)\s*=\s*(.*?)\s*", re.IGNORECASE)
_SUB = re.compile(r"^[ \t]*(?:Public[ \t]+)?Sub[ \t]+(\w+)[ \t]*\(\)(.*?)^[ \t]*End[ \t]+Sub\b",
                  re.IGNORECASE | re.MULTILINE | re.DOTALL)
_RUN_PYTHON = re.compile(r'RunPython[ \t]+"import mentorxl\.excel as m; m\.(\w+)\(\)"')
_UNPROTECTED = struct.pack("<I", 0)  # CMG: ProjectProtectionState, nothing locked
_NO_PASSWORD = b"\x00"  # DPB: ProjectPassword, none
_VISIBLE = b"\xff"  # GC: ProjectVisibilityState, the project can be viewed
_HOST_EXTENDER = "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000"


class VbaProjectError(ValueError):
    """The modules cannot make a VBA project (a bad name, a character outside the code page...)."""


@dataclass(frozen=True)
class VbaModule:
    name: str  # "xlwings", "Dictionary", "MentorXL", "ThisWorkbook", "Sheet1"...
    kind: str  # "standard" | "class" | "document"
    source: str  # VBA source text as in a .bas/.cls file


def build_vba_project(modules: Sequence[VbaModule], *, project_name: str = "MentorXLProject",
                      codepage: int = 1252) -> bytes:
    """The bytes of a vbaProject.bin holding `modules` in this order; the same input gives the same bytes.

    The project name must differ from every module name (VBA refuses a module named like its project).
    """
    codec = _codec(codepage)
    _check_names(modules, project_name)
    project_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"mentorxl:vba:{project_name}")).upper() + "}"
    streams = {
        "PROJECT": _project_stream(modules, project_name, project_id, codec),
        "PROJECTwm": _name_map(modules, codec),
        "VBA/_VBA_PROJECT": _VBA_PROJECT_STREAM,
        "VBA/dir": compress(_dir_stream(modules, project_name, codepage, codec)),
    }
    for module in modules:
        streams[f"VBA/{module.name}"] = compress(_encode(stored_source(module), codec, module.name))
    return write_compound_file(streams)


def stored_source(module: VbaModule) -> str:
    """The module text as the VBA editor keeps it after an import: CRLF lines and the header attributes.

    A .cls loses its VERSION/BEGIN/END block; class and document modules get the attributes the editor adds
    (VB_Base, VB_TemplateDerived, VB_Customizable); a missing `Attribute VB_Name` line is added.
    """
    if module.kind not in KINDS:
        raise VbaProjectError(f"module {module.name}: unknown kind {module.kind!r}, expected one of {KINDS}")
    lines = module.source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if module.kind == CLASS and len(lines) > 1 and lines[0].upper().startswith("VERSION ") \
            and lines[1].strip().upper() == "BEGIN":
        end = next((i for i, line in enumerate(lines) if line.strip().upper() == "END"), None)
        if end is None:
            raise VbaProjectError(f"module {module.name}: the VERSION/BEGIN block has no END")
        lines = lines[end + 1:]
    header: dict[str, str] = {}
    spelled: dict[str, str] = {}
    while lines and (found := _HEADER_ATTRIBUTE.fullmatch(lines[0])):
        header[found.group(1).upper()] = found.group(2)
        spelled.setdefault(found.group(1).upper(), found.group(1))
        lines.pop(0)
    named = header.pop("VB_NAME", f'"{module.name}"')
    if named.strip('"') != module.name:
        raise VbaProjectError(f"module {module.name}: its source says Attribute VB_Name = {named}")
    attributes = [("VB_Name", f'"{module.name}"')]
    if module.kind != STANDARD:
        for name, default in _object_defaults(module).items():
            attributes.append((name, header.pop(name.upper(), default)))
    attributes += [(spelled[key], value) for key, value in header.items()]
    return "".join(f"Attribute {name} = {value}\r\n" for name, value in attributes) \
        + "".join(line + "\r\n" for line in lines)


def _object_defaults(module: VbaModule) -> dict[str, str]:
    document = module.kind == DOCUMENT
    base = CLASS_BASE if not document else WORKBOOK_BASE if module.name == "ThisWorkbook" else WORKSHEET_BASE
    return {
        "VB_Base": f'"{base}"',
        "VB_GlobalNameSpace": "False",
        "VB_Creatable": "False",
        "VB_PredeclaredId": str(document),
        "VB_Exposed": str(document),
        "VB_TemplateDerived": "False",
        "VB_Customizable": str(document),
    }


def document_module(name: str, *, workbook: bool = False) -> VbaModule:
    """The empty document module of the workbook (its code name) or of a sheet."""
    base = WORKBOOK_BASE if workbook else WORKSHEET_BASE
    return VbaModule(name, DOCUMENT, f'Attribute VB_Name = "{name}"\r\nAttribute VB_Base = "{base}"\r\n')


def document_names(sheet_count: int, workbook: str = "ThisWorkbook") -> list[str]:
    """The code names XlsxWriter gives a book with a VBA project: the workbook's, then Sheet1..SheetN."""
    return [workbook] + [f"Sheet{i}" for i in range(1, sheet_count + 1)]


def standard_modules(buttons: Mapping[str, str], *, documents: Sequence[str] = ("ThisWorkbook",)
                     ) -> list[VbaModule]:
    """The modules of the master book: documents (the workbook first, then the sheets), xlwings, MentorXL.

    `buttons` maps a Sub name to the mentorxl.excel function it must run; macros/MentorXL.bas must have
    each of them (VbaProjectError otherwise). `documents` are the workbook's and sheets' code names.
    """
    modules = [document_module(name, workbook=i == 0) for i, name in enumerate(documents)]
    package = _xlwings_dir()
    modules.append(VbaModule("xlwings", STANDARD, _read(package / "xlwings.bas")))
    modules.append(VbaModule("Dictionary", CLASS, _read(package / "addin" / "Dictionary.cls")))
    modules.append(mentorxl_module(buttons))
    return modules


MODULE_HEADER = """Attribute VB_Name = "MentorXL"
' MentorXL: the macros behind the buttons of the dashboard sheet. Each Sub runs one function of the
' Python module mentorxl.excel through RunPython of the xlwings module of this workbook (standalone mode).
' GENERATED from the button registry mentorxl/core/buttons.py by `make workbook`: do not edit by hand.
' Keep this file ASCII-only: the VBA editor reads it in the code page of the user's Windows.
Option Explicit
"""


def mentorxl_source(buttons: Sequence[Button] = REGISTRY) -> str:
    """The text of macros/MentorXL.bas: one Sub per button of the registry, in its order."""
    parts = [MODULE_HEADER]
    for i, b in enumerate(buttons, start=1):
        parts.append(f"\n' button {i} of the dashboard: mentorxl.excel.{b.name}\n"
                     f"Public Sub {b.sub}()\n"
                     f'    RunPython "import mentorxl.excel as m; m.{b.name}()"\n'
                     "End Sub\n")
    return "".join(parts)


def mentorxl_module(buttons: Mapping[str, str]) -> VbaModule:
    """The MentorXL module made from the registry, checked to run the function `buttons` names for each Sub."""
    source = mentorxl_source()
    if not source.isascii():
        raise VbaProjectError("the MentorXL module must be ASCII-only")
    calls = macro_calls(source)
    wrong = {sub: fn for sub, fn in buttons.items() if calls.get(sub) != fn}
    if wrong:
        raise VbaProjectError(f"the button registry has no Subs that run mentorxl.excel as asked: {wrong}")
    return VbaModule("MentorXL", STANDARD, source)


def macro_calls(source: str) -> dict[str, str]:
    """Sub name -> the mentorxl.excel function its RunPython line runs ("" when it runs none)."""
    calls = {}
    for found in _SUB.finditer(source):
        run = _RUN_PYTHON.search(found.group(2))
        calls[found.group(1)] = run.group(1) if run else ""
    return calls


def sub_names(source: str) -> list[str]:
    """The names of the Subs without parameters a module declares (the ones a button can run)."""
    return [found.group(1) for found in _SUB.finditer(source)]


def _xlwings_dir() -> Path:
    spec = importlib.util.find_spec("xlwings")
    if spec is None or spec.origin is None:
        raise VbaProjectError("xlwings is not installed: its VBA module cannot be embedded")
    return Path(spec.origin).parent


def _read(path: Path) -> str:
    return path.read_bytes().decode("cp1252")


def _codec(codepage: int) -> str:
    try:
        return codecs.lookup(f"cp{codepage}").name
    except LookupError:
        raise VbaProjectError(f"unknown code page {codepage}") from None


def _encode(text: str, codec: str, what: str) -> bytes:
    try:
        return text.encode(codec)
    except UnicodeEncodeError as error:
        wrong = text[error.start:error.end]
        raise VbaProjectError(f"{what}: {wrong!r} is not in the code page {codec}") from None


def _check_names(modules: Sequence[VbaModule], project_name: str) -> None:
    seen = {project_name.upper(): "the project"}
    for name in [project_name, *(m.name for m in modules)]:
        if not _IDENTIFIER.fullmatch(name):
            raise VbaProjectError(f"{name!r} is not a VBA name: an ASCII letter, then letters, digits "
                                  f"or _, 31 at most")
    for module in modules:
        if module.name.upper() in seen:
            raise VbaProjectError(f"module {module.name}: the name is taken by {seen[module.name.upper()]}")
        seen[module.name.upper()] = f"module {module.name}"


def _project_stream(modules: Sequence[VbaModule], project_name: str, project_id: str, codec: str) -> bytes:
    lines = [f'ID="{project_id}"']
    for module in modules:
        if module.kind == DOCUMENT:
            lines.append(f"Document={module.name}/&H00000000")
        elif module.kind == CLASS:
            lines.append(f"Class={module.name}")
        else:
            lines.append(f"Module={module.name}")
    lines += [
        f'Name="{project_name}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        f'CMG="{encrypt_value(project_id, _UNPROTECTED, seed=0x51)}"',
        f'DPB="{encrypt_value(project_id, _NO_PASSWORD, seed=0x62)}"',
        f'GC="{encrypt_value(project_id, _VISIBLE, seed=0x73)}"',
        "",
        "[Host Extender Info]",
        _HOST_EXTENDER,
        "",
        "[Workspace]",
        *(f"{module.name}=0, 0, 0, 0, C" for module in modules),
        "",
    ]
    return _encode("\r\n".join(lines) + "\r\n", codec, "PROJECT")


def encrypt_value(project_id: str, data: bytes, *, seed: int, ignored: bytes | None = None) -> str:
    """MS-OVBA 2.4.3.2 data encryption of a PROJECT value (CMG, DPB, GC), with a fixed seed: reproducible.

    `ignored`: the (seed & 6) / 2 filler bytes the specification leaves free (zeros by default).
    """
    filler = bytes((seed & 6) // 2) if ignored is None else ignored
    if len(filler) != (seed & 6) // 2:
        raise ValueError(f"seed {seed:#04x} takes {(seed & 6) // 2} ignored bytes, not {len(filler)}")
    version = 2
    project_key = sum(project_id.encode("ascii")) & 0xFF
    out = bytearray([seed, seed ^ version, seed ^ project_key])
    unencrypted, encrypted1, encrypted2 = project_key, seed ^ project_key, seed ^ version
    plain = filler + struct.pack("<I", len(data)) + data
    for byte in plain:
        value = byte ^ ((encrypted2 + unencrypted) & 0xFF)
        out.append(value)
        encrypted2, encrypted1, unencrypted = encrypted1, value, byte
    return out.hex().upper()


def decrypt_value(text: str) -> tuple[int, bytes]:
    """MS-OVBA 2.4.3.3: (project key, data) of an encrypted PROJECT value."""
    raw = bytes.fromhex(text)
    seed, version_enc, key_enc = raw[:3]
    if seed ^ version_enc != 2:
        raise ValueError("not an MS-OVBA encrypted value: the version is not 2")
    project_key = seed ^ key_enc
    unencrypted, encrypted1, encrypted2 = project_key, key_enc, version_enc
    plain = bytearray()
    for value in raw[3:]:
        byte = value ^ ((encrypted2 + unencrypted) & 0xFF)
        plain.append(byte)
        encrypted2, encrypted1, unencrypted = encrypted1, value, byte
    rest = plain[(seed & 6) // 2:]
    (length,) = struct.unpack("<I", rest[:4])
    if length != len(rest) - 4:
        raise ValueError("MS-OVBA encrypted value: the length does not match the data")
    return project_key, bytes(rest[4:])


def _name_map(modules: Sequence[VbaModule], codec: str) -> bytes:
    out = bytearray()
    for module in modules:
        out += _encode(module.name, codec, module.name) + b"\x00"
        out += module.name.encode("utf-16-le") + b"\x00\x00"
    return bytes(out + b"\x00\x00")


def _record(ident: int, payload: bytes) -> bytes:
    return struct.pack("<HI", ident, len(payload)) + payload


def _text_records(ident: int, unicode_ident: int, text: str, codec: str) -> bytes:
    return _record(ident, _encode(text, codec, text)) + _record(unicode_ident, text.encode("utf-16-le"))


def _dir_stream(modules: Sequence[VbaModule], project_name: str, codepage: int, codec: str) -> bytes:
    """The decompressed `dir` stream (MS-OVBA 2.3.4.2)."""
    out = bytearray()
    out += _record(0x0001, struct.pack("<I", _SYS_KIND_WIN64))  # PROJECTSYSKIND
    out += _record(0x0002, struct.pack("<I", _LCID))  # PROJECTLCID
    out += _record(0x0014, struct.pack("<I", _LCID))  # PROJECTLCIDINVOKE
    out += _record(0x0003, struct.pack("<H", codepage))  # PROJECTCODEPAGE
    out += _record(0x0004, _encode(project_name, codec, project_name))  # PROJECTNAME
    out += _text_records(0x0005, 0x0040, "", codec)  # PROJECTDOCSTRING
    out += _text_records(0x0006, 0x003D, "", codec)  # PROJECTHELPFILEPATH (HelpFile1, HelpFile2)
    out += _record(0x0007, struct.pack("<I", 0))  # PROJECTHELPCONTEXT
    out += _record(0x0008, struct.pack("<I", 0))  # PROJECTLIBFLAGS
    out += struct.pack("<HIIH", 0x0009, 4, 1, 0)  # PROJECTVERSION: Reserved 4, major 1, minor 0
    out += _text_records(0x000C, 0x003C, "", codec)  # PROJECTCONSTANTS
    for name, libid in REFERENCES:
        out += _text_records(0x0016, 0x003E, name, codec)  # REFERENCENAME
        encoded = _encode(libid, codec, name)
        out += _record(0x000D, struct.pack("<I", len(encoded)) + encoded + struct.pack("<IH", 0, 0))
    out += _record(0x000F, struct.pack("<H", len(modules)))  # PROJECTMODULES
    out += _record(0x0013, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE
    for module in modules:
        out += _record(0x0019, _encode(module.name, codec, module.name))  # MODULENAME
        out += _record(0x0047, module.name.encode("utf-16-le"))  # MODULENAMEUNICODE
        out += _text_records(0x001A, 0x0032, module.name, codec)  # MODULESTREAMNAME
        out += _text_records(0x001C, 0x0048, "", codec)  # MODULEDOCSTRING
        out += _record(0x0031, struct.pack("<I", 0))  # MODULEOFFSET: the source starts the stream
        out += _record(0x001E, struct.pack("<I", 0))  # MODULEHELPCONTEXT
        out += _record(0x002C, struct.pack("<H", 0xFFFF))  # MODULECOOKIE
        out += _record(0x0021 if module.kind == STANDARD else 0x0022, b"")  # MODULETYPE
        out += _record(0x002B, b"")  # module terminator
    out += _record(0x0010, b"")  # dir terminator
    return bytes(out)
