"""A document's zip written part by part (documents/zipped.py) is byte for byte what zipfile writes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorxl.documents.zipped import Package

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
FILLED = ("word/document.xml", "word/footer1.xml")


def entries_of(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return [(info, archive.read(info)) for info in archive.infolist()]


def as_zipfile_writes(entries: list[tuple[zipfile.ZipInfo, bytes]], filled: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            zf.writestr(info, filled.get(info.filename, data), compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(p.name for p in TEMPLATES.glob("*.docx")))
def test_a_document_of_every_template_is_the_zip_zipfile_writes(name: str) -> None:
    entries = entries_of((TEMPLATES / name).read_bytes())
    package = Package(entries_of((TEMPLATES / name).read_bytes()), FILLED)
    filled = {part: f"<w:document>{name} {part}</w:document>".encode() for part in FILLED}
    assert package.write(filled) == as_zipfile_writes(entries, filled)


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(["word/document.xml", "Шаблон/часть.xml", "b.bin"]), st.binary(),
                       min_size=3), st.binary())
def test_members_of_any_name_content_and_attributes_are_written_as_zipfile_writes_them(
        members: dict[str, bytes], document: bytes) -> None:
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w") as zf:
        for i, (name, data) in enumerate(members.items()):
            info = zipfile.ZipInfo(name, (2020 + i, 1 + i, 2 + i, i, 3 * i, 2 * i))
            info.external_attr = (0o644 << 16) if i else 0
            zf.writestr(info, data)
    entries = entries_of(source.getvalue())
    filled = {"word/document.xml": document}
    written = Package(entries_of(source.getvalue()), filled).write(filled)
    assert written == as_zipfile_writes(entries, filled)
    with zipfile.ZipFile(io.BytesIO(written)) as back:
        assert back.testzip() is None
        assert {n: back.read(n) for n in back.namelist()} == {**members, **filled}
