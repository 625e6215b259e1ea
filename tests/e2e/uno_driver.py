"""Drives a real headless LibreOffice through UNO for the end-to-end tests.

Run by the system Python that has the `uno` module (Debian's python3-uno), never imported by pytest:
    python3 uno_driver.py inspect DOC            -> JSON: sheets, database ranges, buttons with their macros,
                                                     Basic modules
    python3 uno_driver.py click DOC BUTTON...    -> JSON: what each click did; the document is saved by the macro
    python3 uno_driver.py look DOC               -> JSON: languages, frozen panes, headers and widths per sheet
A click is made as LibreOffice makes it: the script bound to the button's «performaction» event is looked
up on the form and invoked through the document's script provider.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def office_environment() -> dict[str, str]:
    """The environment without a virtualenv: LibreOffice's own Python finds its prefix through PATH, and a
    venv's python3 first on PATH (as under `make test`) makes it load another Python's standard library
    and die with std::bad_alloc when a macro is looked up. A user starts LibreOffice from the desktop."""
    env = os.environ.copy()
    env.pop("VIRTUAL_ENV", None)
    env["PATH"] = os.pathsep.join(
        part for part in env.get("PATH", "").split(os.pathsep) if not (Path(part).parent / "pyvenv.cfg").exists())
    return env


class Office:
    def __init__(self) -> None:
        self.profile = tempfile.TemporaryDirectory(prefix="mentorxl-uno-")
        self.pipe = f"mentorxl_{os.getpid()}_{int(time.time() * 1000)}"
        self.process = subprocess.Popen(
            ["soffice", f"-env:UserInstallation={Path(self.profile.name).as_uri()}", "--headless", "--invisible",
             "--nologo", "--norestore", "--nodefault", f"--accept=pipe,name={self.pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=office_environment())
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 90
        while True:
            try:
                self.ctx = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if time.time() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.5)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def open(self, path: Path):
        return self.desktop.loadComponentFromURL(
            path.resolve().as_uri(), "_blank", 0,
            (_prop("Hidden", True), _prop("MacroExecutionMode", 4)))  # ALWAYS_EXECUTE_NO_WARN

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.desktop.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.profile.cleanup()


def buttons(doc) -> list[dict[str, object]]:
    """Every push button on every sheet, with the script its click runs."""
    found = []
    for name in doc.Sheets.ElementNames:
        forms = doc.Sheets.getByName(name).DrawPage.Forms
        for f in range(forms.Count):
            form = forms.getByIndex(f)
            for i in range(form.Count):
                control = form.getByIndex(i)
                if "CommandButton" not in control.ImplementationName and not hasattr(control, "Label"):
                    continue
                events = [{"listener": e.ListenerType, "method": e.EventMethod, "type": e.ScriptType,
                           "script": e.ScriptCode} for e in form.getScriptEvents(i)]
                found.append({"sheet": name, "name": control.Name, "label": getattr(control, "Label", ""),
                              "events": events})
    return found


def basic_modules(doc) -> dict[str, dict[str, str]]:
    """The Basic libraries of the document (a .xlsm's VBA project imported by LibreOffice): library ->
    module -> source."""
    found: dict[str, dict[str, str]] = {}
    libraries = doc.BasicLibraries
    for name in libraries.ElementNames:
        if not libraries.isLibraryLoaded(name):
            libraries.loadLibrary(name)
        library = libraries.getByName(name)
        found[name] = {module: library.getByName(module) for module in library.ElementNames}
    return found


def inspect(office: Office, path: Path) -> dict[str, object]:
    """Sheets (and the hidden ones), database ranges (Excel tables), buttons with their scripts, Basic modules,
    user-defined document properties."""
    doc = office.open(path)
    try:
        ranges = doc.DatabaseRanges
        return {
            "sheets": list(doc.Sheets.ElementNames),
            "hidden": [name for name in doc.Sheets.ElementNames if not doc.Sheets.getByName(name).IsVisible],
            "tables": list(ranges.ElementNames),
            "buttons": buttons(doc),
            "basic": basic_modules(doc),
            "properties": {p.Name: doc.DocumentProperties.UserDefinedProperties.getPropertyValue(p.Name)
                           for p in doc.DocumentProperties.UserDefinedProperties.PropertySetInfo.Properties},
        }
    finally:
        doc.close(True)


def _locale(obj) -> str:
    loc = obj.CharLocale
    return f"{loc.Language}-{loc.Country}"


def look(office: Office, path: Path) -> dict[str, object]:
    """What a куратор sees: the document's and every cell style's language; per sheet the frozen rows and
    columns, the header row (its texts, widths in 1/100 mm, language of its cells) and the shown text of
    column B (the values of «Настройки»)."""
    doc = office.open(path)
    try:
        controller = doc.getCurrentController()
        styles = doc.StyleFamilies.getByName("CellStyles")
        sheets = {}
        for name in doc.Sheets.ElementNames:
            sheet = doc.Sheets.getByName(name)
            controller.setActiveSheet(sheet)
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            last_col = min(cursor.RangeAddress.EndColumn, 40)
            last_row = min(cursor.RangeAddress.EndRow, 60)
            headers = [sheet.getCellByPosition(c, 0).String for c in range(last_col + 1)]
            sheets[name] = {
                "frozen": [controller.getSplitRow(), controller.getSplitColumn()] if controller.hasFrozenPanes()
                else [0, 0],
                "headers": headers,
                "widths": [sheet.Columns.getByIndex(c).Width for c in range(last_col + 1)],
                "header_locales": sorted({_locale(sheet.getCellByPosition(c, 0)) for c in range(last_col + 1)}),
                "cell_locales": sorted({_locale(sheet.getCellByPosition(c, r)) for c in range(last_col + 1)
                                        for r in range(1, min(last_row, 5) + 1)}),
                "column_b": [sheet.getCellByPosition(1, r).String for r in range(last_row + 1)],
                "column_a": [sheet.getCellByPosition(0, r).String for r in range(last_row + 1)],
            }
        return {
            "document_locale": _locale(doc),
            "style_locales": sorted({_locale(styles.getByName(n)) for n in styles.ElementNames}),
            "sheets": sheets,
        }
    finally:
        doc.close(True)


def click(office: Office, path: Path, wanted: list[str]) -> dict[str, object]:
    done = []
    for name in wanted:
        doc = office.open(path)  # each click on a freshly opened document, as a user would reopen it
        try:
            button = next(b for b in buttons(doc) if b["name"] == name or b["label"] == name)
            event = next(e for e in button["events"] if e["method"] == "actionPerformed")
            script = doc.getScriptProvider().getScript(event["script"])
            script.invoke((), (), ())
            done.append({"button": button["label"], "script": event["script"]})
        finally:
            doc.close(True)
    return {"clicked": done}


def set_cells(office: Office, path: Path, assignments: list[str]) -> dict[str, object]:
    """`Sheet!A1=value` assignments typed as a user would, then saved: for a test to mark decisions."""
    doc = office.open(path)
    try:
        for assignment in assignments:
            target, value = assignment.split("=", 1)
            sheet, cell = target.split("!")
            doc.Sheets.getByName(sheet).getCellRangeByName(cell).setString(value)
        doc.store()
    finally:
        doc.close(True)
    return {"set": len(assignments)}


def main() -> None:
    command, doc, *rest = sys.argv[1:]
    office = Office()
    try:
        if command == "inspect":
            result = inspect(office, Path(doc))
        elif command == "look":
            result = look(office, Path(doc))
        elif command == "set":
            result = set_cells(office, Path(doc), rest)
        else:
            result = click(office, Path(doc), rest)
    finally:
        office.close()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
