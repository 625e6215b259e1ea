"""`--json` goes through orjson: the text is the one `json.dumps(ensure_ascii=False, indent=2, default=str)`
made before, Russian letters as they are (UTF-8), dates and other objects through str."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from mentorxl.cli import _json_text

scalars = (st.text() | st.integers(-(2**53), 2**53) | st.booleans() | st.none()
           | st.dates() | st.sampled_from(["Иванова Мария Петровна", "ё «»\n\t\\\"", ""]))
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                         | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=30)


def _before(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


@given(documents)
def test_the_json_text_is_the_same_as_the_standard_library_made(data):
    assert _json_text(data) == _before(data)


def test_russian_text_stays_readable_and_dates_and_paths_go_through_str():
    data = {"mentee": "Соколова Анна Ивановна", "due": date(2026, 5, 25), "file": Path("out/Книга — подбор.xlsx"),
            "score": 87, "missing": []}
    text = _json_text(data)
    assert "Соколова Анна Ивановна" in text and "\\u" not in text
    assert text == _before(data)
    assert json.loads(text)["due"] == "2026-05-25"
