"""Screenshots of «Панель» and «Подбор» of the demo .ods from a real LibreOffice window under Xvfb, into docs/.

Run by the system Python with the `uno` module (python3-uno), not from the venv (see tests/e2e/uno_driver.py
on why LibreOffice must not see the venv's python3); `make screenshots` does it all:

    .venv/bin/mentorxl new out/shots/Наставничество.ods --demo --today 20.11.2025
    python3 scripts/screenshots.py out/shots/Наставничество.ods docs/

Steps: a headless LibreOffice clicks «Подобрать пары», marks the first two suggestions «Утвердить» and clicks
«Утвердить пары» (the green rows on «Подбор»); then a visible LibreOffice on a virtual screen (Xvfb, 1600×1000)
opens the book on each sheet, and `import` (ImageMagick) takes the window. Needs: xvfb, imagemagick
(and libreoffice-l10n-ru for a Russian interface).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from uno_driver import Office, _prop, click, office_environment, set_cells  # noqa: E402

SIZE = (1600, 1000)
SHOTS = (("Панель", "screenshot_panel.png"), ("Подбор", "screenshot_matching.png"))
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse">
<value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse">
<value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse">
<value>99.0</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse">
<value>ru-RU</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse">
<value>ru-RU</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


class VisibleOffice(Office):
    """LibreOffice with a window on the virtual screen DISPLAY, a fresh profile without first-start dialogs."""

    def __init__(self) -> None:
        self.profile = tempfile.TemporaryDirectory(prefix="mentorxl-shots-")
        user = Path(self.profile.name) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(PROFILE_SETTINGS, encoding="utf-8")
        self.pipe = f"mentorxl_shots_{os.getpid()}"
        # C.UTF-8: file names stay Unicode on a machine without the ru_RU locale; the Russian interface (package
        # libreoffice-l10n-ru, when installed) comes from the profile above
        env = {**office_environment(), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        self.process = subprocess.Popen(
            ["soffice", f"-env:UserInstallation={Path(self.profile.name).as_uri()}", "--nologo", "--norestore",
             "--nodefault", f"--accept=pipe,name={self.pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        self._connect()

    def _connect(self) -> None:
        import uno  # type: ignore[import-not-found]

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

    def open_visible(self, path: Path):
        return self.desktop.loadComponentFromURL(path.resolve().as_uri(), "_blank", 0,
                                                 (_prop("MacroExecutionMode", 4),))


def prepare(book: Path) -> None:
    """Suggestions on «Подбор», the first two approved and moved to «Пары» (headless)."""
    office = Office()
    try:
        click(office, book, ["Подобрать пары"])
        set_cells(office, book, ["Подбор!C2=Утвердить", "Подбор!C3=Утвердить"])
        click(office, book, ["Утвердить пары"])
    finally:
        office.close()


def shoot(book: Path, docs: Path) -> list[Path]:
    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = display
    time.sleep(1.5)
    office = VisibleOffice()
    made = []
    try:
        doc = office.open_visible(book)
        window = doc.getCurrentController().getFrame().getContainerWindow()
        window.setPosSize(0, 0, SIZE[0], SIZE[1], 15)
        window.setVisible(True)
        for sheet, name in SHOTS:
            controller = doc.getCurrentController()
            controller.setActiveSheet(doc.Sheets.getByName(sheet))
            controller.select(doc.Sheets.getByName(sheet).getCellRangeByName("A1"))
            time.sleep(3)
            target = docs / name
            subprocess.run(["import", "-display", display, "-window", "root", str(target)], check=True)
            made.append(target)
        doc.close(True)
    finally:
        office.close()
        xvfb.terminate()
        xvfb.wait(timeout=10)
    return made


def main(argv: list[str]) -> None:
    import faulthandler

    faulthandler.dump_traceback_later(240, exit=True)  # a hung LibreOffice says where
    source, docs = Path(argv[0]), Path(argv[1])
    for tool in ("Xvfb", "import", "soffice"):
        if shutil.which(tool) is None:
            sys.exit(f"Нет программы {tool}: apt-get install xvfb imagemagick libreoffice-calc")
    with tempfile.TemporaryDirectory(prefix="mentorxl-shots-") as tmp:
        book = Path(tmp) / source.name
        shutil.copy2(source, book)
        os.environ["MENTORXL_NO_DIALOGS"] = "1"
        prepare(book)
        os.environ.pop("MENTORXL_NO_DIALOGS")
        for path in shoot(book, docs):
            print(f"Снимок: {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
