"""`make dist`: the wheel and «MentorXL для Windows.zip» in dist/.

The zip holds, in one folder «MentorXL»: the wheel, the master workbook (workbook/Наставничество.xlsm), a README
for Windows in Russian and install.cmd with the PowerShell script it runs (installer/windows/). Text files get
Windows line ends; the PowerShell script and the README a UTF-8 byte order mark, without which Windows
PowerShell 5.1 and old Notepad read Russian text as ANSI.

    .venv/bin/python scripts/make_dist.py [DIST_DIR]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
ZIP_NAME = "MentorXL для Windows.zip"
FOLDER = "MentorXL"
INSTALLER = ROOT / "installer" / "windows"
MASTER = ROOT / "workbook" / "Наставничество.xlsm"
BOM = b"\xef\xbb\xbf"
WITH_BOM = {".ps1", ".txt"}


def build_wheel(dist: Path) -> Path:
    """The wheel of this checkout (not editable), built by pip in an isolated environment."""
    dist.mkdir(parents=True, exist_ok=True)
    for old in dist.glob("mentorxl-*.whl"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="mentorxl-wheel-") as tmp:
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", tmp, str(ROOT)],
                       check=True, cwd=tmp)
        (built,) = Path(tmp).glob("mentorxl-*.whl")
        return Path(shutil.copy2(built, dist / built.name))


def windows_text(path: Path) -> bytes:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
    return BOM + text if path.suffix in WITH_BOM else text


def build_zip(wheel: Path, dist: Path) -> Path:
    target = dist / ZIP_NAME
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.write(wheel, f"{FOLDER}/{wheel.name}")
        z.write(MASTER, f"{FOLDER}/{MASTER.name}")
        for path in sorted(INSTALLER.iterdir()):
            z.writestr(f"{FOLDER}/{path.name}", windows_text(path))
    return target


def main(argv: list[str]) -> None:
    dist = Path(argv[0]) if argv else DIST
    wheel = build_wheel(dist)
    archive = build_zip(wheel, dist)
    print(f"Собраны: {wheel}\n         {archive}")


if __name__ == "__main__":
    main(sys.argv[1:])
