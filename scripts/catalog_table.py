"""The README table of problem codes, from the catalogue of core/messages.py: code, severity, the message with
its placeholders shown as «…».

    .venv/bin/python scripts/catalog_table.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mentorxl.core.messages import CATALOG  # noqa: E402

SEVERITY = {"error": "ошибка", "warning": "предупреждение"}


def shown(template: str) -> str:
    """The message as a reader of the README sees it: every {placeholder} becomes «…» (or … inside quotes)."""
    text = re.sub(r"\{[a-z_]+\}", "…", template)
    return text.replace("|", "\\|")


def table() -> str:
    lines = ["| код | важность | что значит |", "|---|---|---|"]
    lines += [f"| `{code}` | {SEVERITY[e.severity]} | {shown(e.message)} |" for code, e in CATALOG.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
