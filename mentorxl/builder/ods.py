"""The master workbook for LibreOffice Calc (.ods) with its buttons.

The same layout as the Excel book is built as .xlsx, LibreOffice converts it to .ods (tables,
dropdowns, formats and conditional formats come through its own import), then we add what makes the
buttons work: the Python macro embedded as Scripts/python/mentorxl_buttons.py (from macros/), one
push button per action on «Панель» bound to it, and the paths of this installation of mentorxl in the
document's user-defined properties, so the macro can find it.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from lxml import etree

from mentorxl.assets import asset_dir
from mentorxl.book.files import atomic_path
from mentorxl.builder.layout import BUTTONS_COLUMN
from mentorxl.builder.ods_finish import frozen_panes, russian_meta, russian_styles, view_settings
from mentorxl.core.buttons import BUTTONS as REGISTRY
from mentorxl.core.contract import PANEL_NAME
from mentorxl.errors import MentorXLError

MACRO_FILE = "mentorxl_buttons.py"
SCRIPT_PATH = f"Scripts/python/{MACRO_FILE}"
PATH_PROPERTY = "MentorXL.path"
PYTHON_PROPERTY = "MentorXL.python"

# (python function of the embedded macro, caption) in the order of the work on the roadmap (core/buttons.py)
CALC_BUTTONS: tuple[tuple[str, str], ...] = tuple((b.name, b.caption) for b in REGISTRY)


def macro_source() -> bytes:
    """The macro embedded in the .ods: macros/mentorxl_buttons.py and one function per button of the registry."""
    text = (asset_dir("macros") / MACRO_FILE).read_text(encoding="utf-8").rstrip("\n") + "\n"
    for name, _caption in CALC_BUTTONS:
        text += f"\n\ndef {name}(*_event):\n    _click({name!r})\n"
    text += "\n\ng_exportedScripts = (" + ", ".join(name for name, _ in CALC_BUTTONS) + ",)\n"
    return text.encode("utf-8")


NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "form": "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "script": "urn:oasis:names:tc:opendocument:xmlns:script:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def find_soffice() -> str:
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice", "/opt/libreoffice/program/soffice"):
        if Path(candidate).exists():
            return candidate
    raise MentorXLError("Для книги .ods нужен LibreOffice, а он не найден.",
                        "Установите LibreOffice (в Astra Linux, РЕД ОС, ALT — из репозитория дистрибутива) "
                        "или создайте книгу .xlsx / .xlsm.")


def convert(source: Path, target_format: str, outdir: Path, *, timeout: int = 180) -> Path:
    """LibreOffice converts a file headless, with a profile of its own (a running LibreOffice is not disturbed)."""
    with tempfile.TemporaryDirectory(prefix="mentorxl-lo-") as profile:
        command = [find_soffice(), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", target_format, "--outdir", str(outdir), str(source)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    result = outdir / (source.stem + "." + target_format.split(":")[0])
    if not result.exists():
        raise MentorXLError(f"LibreOffice не смог преобразовать «{source.name}» в {target_format}.",
                            f"Проверьте установку LibreOffice. Его ответ: {done.stderr.strip()[:300]}")
    return result


def install_paths() -> list[str]:
    """Where this mentorxl and its libraries are installed, for the macro's site.addsitedir."""
    paths = [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()]
    if site.ENABLE_USER_SITE:
        paths.append(site.getusersitepackages())
    package_root = str(Path(__file__).resolve().parents[2])
    paths.append(package_root)  # a checkout or an editable install
    return list(dict.fromkeys(p for p in paths if Path(p).is_dir()))


_UNIT_CM = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6}


def _columns_cm(root: etree._Element, table: etree._Element, count: int) -> float:
    """The width of the first `count` columns of a sheet, in cm, from the column styles the conversion
    wrote: the buttons go right of the instruction text of «Панель», never over it."""
    widths: dict[str, float] = {}
    for style in root.iterfind(".//style:style[@style:family='table-column']", NS):
        props = style.find("style:table-column-properties", NS)
        width = props.get(_q("style", "column-width"), "") if props is not None else ""
        unit = next((u for u in _UNIT_CM if width.endswith(u)), None)
        if unit:
            widths[style.get(_q("style", "name"), "")] = float(width[: -len(unit)]) * _UNIT_CM[unit]
    total, seen = 0.0, 0
    for column in table.iter(_q("table", "table-column")):
        repeated = int(column.get(_q("table", "number-columns-repeated"), "1"))
        take = min(repeated, count - seen)
        total += take * widths.get(column.get(_q("table", "style-name"), ""), 2.26)
        seen += take
        if seen >= count:
            break
    return total


def _buttons_xml(table: etree._Element, x_cm: float) -> None:
    for old in table.findall("office:forms", NS):  # the conversion leaves an empty one
        table.remove(old)
    forms = etree.Element(_q("office", "forms"), {_q("form", "automatic-focus"): "false",
                                                  _q("form", "apply-design-mode"): "false"})
    form = etree.SubElement(forms, _q("form", "form"), {
        _q("form", "name"): "MentorXL",
        _q("form", "control-implementation"): "ooo:com.sun.star.form.component.Form",
    })
    shapes = etree.Element(_q("table", "shapes"))
    for i, (function, caption) in enumerate(CALC_BUTTONS):
        control_id = f"mxlButton{i + 1}"
        button = etree.SubElement(form, _q("form", "button"), {
            _q("form", "name"): function,
            _q("form", "control-implementation"): "ooo:com.sun.star.form.component.CommandButton",
            _q("xml", "id"): control_id,
            _q("form", "id"): control_id,
            _q("form", "label"): caption,
            _q("office", "target-frame"): "",
            _q("xlink", "href"): "",
            _q("form", "image-position"): "center",
        })
        listeners = etree.SubElement(button, _q("office", "event-listeners"))
        etree.SubElement(listeners, _q("script", "event-listener"), {
            _q("script", "language"): "ooo:script",
            _q("script", "event-name"): "form:performaction",
            _q("xlink", "href"): f"vnd.sun.star.script:{MACRO_FILE}${function}?language=Python&location=document",
            _q("xlink", "type"): "simple",
        })
        etree.SubElement(shapes, _q("draw", "control"), {
            _q("draw", "z-index"): str(i),
            _q("draw", "name"): caption,
            _q("svg", "width"): "6.2cm",
            _q("svg", "height"): "0.9cm",
            _q("svg", "x"): f"{x_cm:.2f}cm",
            _q("svg", "y"): f"{1.0 + i * 1.1:.1f}cm",
            _q("draw", "control"): control_id,
            _q("draw", "style-name"): BUTTON_SHAPE_STYLE,
            _q("draw", "text-style-name"): BUTTON_TEXT_STYLE,
        })
    # office:forms and table:shapes come before the columns of a table (ODF 1.2, 9.1.2)
    first_column = next((i for i, child in enumerate(table) if isinstance(child.tag, str) and (
        child.tag.startswith(f"{{{NS['table']}}}table-column") or child.tag.endswith("table-header-columns"))), 0)
    table.insert(first_column, shapes)
    table.insert(first_column, forms)


BUTTON_SHAPE_STYLE, BUTTON_TEXT_STYLE = "mxlButtonShape", "mxlButtonText"


def _button_styles(root: etree._Element) -> None:
    """The caption centred, in a font of its own: without these styles LibreOffice writes «start» and the
    document's default font into the file when a macro saves it, and the captions shrink to the left."""
    styles = root.find("office:automatic-styles", NS)
    if styles is None:
        styles = etree.Element(_q("office", "automatic-styles"))
        root.insert(0, styles)
    shape = etree.SubElement(styles, _q("style", "style"), {_q("style", "name"): BUTTON_SHAPE_STYLE,
                                                            _q("style", "family"): "graphic"})
    etree.SubElement(shape, _q("style", "paragraph-properties"), {_q("fo", "text-align"): "center"})
    text = etree.SubElement(styles, _q("style", "style"), {_q("style", "name"): BUTTON_TEXT_STYLE,
                                                           _q("style", "family"): "paragraph"})
    etree.SubElement(text, _q("style", "paragraph-properties"), {_q("fo", "text-align"): "center"})
    etree.SubElement(text, _q("style", "text-properties"), {
        _q("style", "font-name"): "Liberation Sans", _q("fo", "font-size"): "10pt", _q("fo", "font-weight"): "bold",
        _q("fo", "language"): "ru", _q("fo", "country"): "RU"})


def _patch_content(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    _button_styles(root)
    panel = root.find(f".//table:table[@table:name='{PANEL_NAME}']", NS)
    if panel is None:
        raise MentorXLError(f"В преобразованной книге нет листа «{PANEL_NAME}».", "Сообщите разработчикам.")
    _buttons_xml(panel, _columns_cm(root, panel, BUTTONS_COLUMN) + 0.4)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _patch_meta(xml: bytes, paths: Sequence[str]) -> bytes:
    root = etree.fromstring(xml)
    russian_meta(root)
    meta = root.find("office:meta", NS)
    assert meta is not None
    for name, value in ((PATH_PROPERTY, "|".join(paths)), (PYTHON_PROPERTY, "{}.{}".format(*sys.version_info[:2]))):
        for old in meta.findall(f"meta:user-defined[@meta:name='{name}']", NS):
            meta.remove(old)
        item = etree.SubElement(meta, _q("meta", "user-defined"), {_q("meta", "name"): name,
                                                                    _q("meta", "value-type"): "string"})
        item.text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _patch_manifest(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    for path, media in (("Scripts/", "application/binary"), ("Scripts/python/", "application/binary"),
                        (SCRIPT_PATH, "")):
        etree.SubElement(root, _q("manifest", "file-entry"), {_q("manifest", "full-path"): path,
                                                              _q("manifest", "media-type"): media})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def embed_buttons(ods: Path, target: Path, *, paths: Sequence[str] | None = None,
                  frozen: Mapping[str, tuple[int, int]] | None = None) -> Path:
    """Copy `ods` to `target` with the macro, the buttons and the install paths added, in Russian, with the
    panes `frozen` (sheet -> rows, columns) frozen (ods_finish.py)."""
    macro = macro_source()
    with zipfile.ZipFile(ods) as src, atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w") as out:
        # the mimetype entry stays first and uncompressed, as ODF requires
        out.writestr(zipfile.ZipInfo("mimetype"), src.read("mimetype"), compress_type=zipfile.ZIP_STORED)
        for info in src.infolist():
            if info.filename == "mimetype":
                continue
            data = src.read(info.filename)
            if info.filename == "content.xml":
                data = russian_styles(_patch_content(data))
            elif info.filename == "styles.xml":
                data = russian_styles(data)
            elif info.filename == "settings.xml" and frozen:
                data = view_settings(data, frozen, PANEL_NAME)
            elif info.filename == "meta.xml":
                data = _patch_meta(data, paths if paths is not None else install_paths())
            elif info.filename == "META-INF/manifest.xml":
                data = _patch_manifest(data)
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        out.writestr(SCRIPT_PATH, macro, compress_type=zipfile.ZIP_DEFLATED)
    return target


def build_ods(path: Path, *, org: str | None = None, demo: bool = False, variant: str = "school",
              today: date) -> Path:
    from mentorxl.builder.workbook import build_workbook

    with tempfile.TemporaryDirectory(prefix="mentorxl-ods-") as tmp:
        folder = Path(tmp)
        xlsx = build_workbook(folder / (path.stem + ".xlsx"), org=org, demo=demo, variant=variant, today=today,
                              calc_buttons=True)
        ods = convert(xlsx, "ods", folder / "converted")
        embed_buttons(ods, path, frozen=frozen_panes(xlsx))
    os.utime(path)
    return path
