"""Word templates: the committed ones are sound and laid out as promised; a broken one is one clear error."""

from __future__ import annotations

import functools
import importlib.util
import io
import json
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from docx import Document
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from mentorxl.actions.documents import make_order
from mentorxl.book.fake import FakeBook
from mentorxl.documents import context as c
from mentorxl.documents.env import (
    KNOWN_PARTS,
    CompiledTemplate,
    compile_template,
    finalize,
    known_parts_of,
    load_template,
)
from mentorxl.documents.render import read_docx, template_path
from mentorxl.errors import TemplateBroken
from tests.builders import mentee, mentor, minimal_book

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = {
    "order_pairs.docx": c.ORDER_KEYS, "order_reward.docx": c.REWARD_KEYS, "program.docx": c.PROGRAM_KEYS,
    "agreement.docx": c.AGREEMENT_KEYS, "consent_pd.docx": c.CONSENT_KEYS,
}
KEYS = frozenset({"org", "people"})
CONTEXT = {"org": {"name": "Школа «Ромашка» & Co <1>"}, "people": ["Иванова", "Петров"]}


def docx_bytes(paragraphs: Sequence[str | Sequence[str]]) -> bytes:
    """A small .docx: each item a paragraph, given as one text or as its runs (Word splits text into runs)."""
    doc = Document()
    for item in paragraphs:
        para = doc.add_paragraph()
        for run in [item] if isinstance(item, str) else item:
            para.add_run(run)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def load_script(name: str = "make_templates") -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("name", "keys"), list(TEMPLATES.items()))
def test_every_committed_template_loads_against_the_keys_of_its_document(name: str,
                                                                          keys: frozenset[str]) -> None:
    template = load_template(template_path(name), keys)
    assert "word/document.xml" in template.parts
    assert template.variables <= keys


def test_the_committed_templates_are_what_the_script_makes(tmp_path: Path) -> None:
    script = load_script()
    script.OUT = tmp_path  # type: ignore[attr-defined]
    script.main()
    for name in TEMPLATES:
        committed_path = ROOT / "templates" / name
        with zipfile.ZipFile(tmp_path / name) as made, zipfile.ZipFile(committed_path) as committed:
            for part in ("word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml",
                         "word/footer1.xml", "word/footer2.xml"):
                if part in made.namelist():
                    assert made.read(part) == committed.read(part), f"{name}: run `make templates` ({part})"


def test_the_known_parts_beside_the_templates_are_those_of_the_committed_templates(tmp_path: Path) -> None:
    script = load_script()
    script.OUT = tmp_path  # type: ignore[attr-defined]
    script.main()
    made = sorted(p.name for p in tmp_path.glob("*.docx"))
    committed = {name: (ROOT / "templates" / name).read_bytes() for name in made}
    shipped = json.loads((ROOT / "templates" / KNOWN_PARTS).read_text(encoding="utf-8"))
    assert shipped == known_parts_of(committed), "run `make templates`"


def test_the_preview_pictures_of_the_readme_show_the_documents_as_they_are_made_now(tmp_path: Path) -> None:
    previews = load_script("render_previews")
    made = previews.documents(tmp_path)  # type: ignore[attr-defined]
    assert list(made) == ["order", "programs", "agreements", "consents", "reward", "roadmap", "completion"]
    for kind in made:
        assert (ROOT / "docs" / f"preview_{kind}.png").read_bytes().startswith(b"\x89PNG")
    recorded = (ROOT / "docs" / "previews.sha256").read_text(encoding="utf-8")
    assert previews.fingerprints(made) == recorded, (  # type: ignore[attr-defined]
        "a template or a document's wording changed: run `.venv/bin/python scripts/render_previews.py`")


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_templates_use_times_new_roman_14_a4_and_the_usual_margins(name: str) -> None:
    doc = Document(str(ROOT / "templates" / name))
    section = doc.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(x.mm) for x in margins if x is not None] == [30, 15, 20, 20]
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    table_style = doc.styles["Текст таблицы"]
    assert table_style.font.size == Pt(12)
    assert section.different_first_page_header_footer  # ГОСТ Р 7.0.97: no number on the first page,
    header_xml = section.header._element.xml  # the others numbered in the middle of the top margin
    assert "PAGE" in header_xml and "fldChar" in header_xml
    assert "PAGE" not in section.first_page_header._element.xml
    assert section.header_distance is not None and round(section.header_distance.mm) >= 10
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                assert all(p.style.name == "Текст таблицы" for p in cell.paragraphs)


def test_a_template_renders_values_with_quotes_ampersands_and_angle_brackets_as_text() -> None:
    template = compile_template(docx_bytes(["{{ org.name }}", "{%p for n in people %}", "— {{ n }}",
                                            "{%p endfor %}"]), "t.docx", KEYS)
    body = read_docx(template.render(CONTEXT)).body
    assert body == ["Школа «Ромашка» & Co <1>", "— Иванова", "— Петров"]


def test_a_tag_split_by_word_into_several_runs_still_works() -> None:
    template = compile_template(docx_bytes([["{{ org.", "name", " }}"]]), "t.docx", KEYS)
    assert read_docx(template.render(CONTEXT)).body == ["Школа «Ромашка» & Co <1>"]


def test_an_unknown_variable_names_the_template_and_the_tag() -> None:
    with pytest.raises(TemplateBroken) as caught:
        compile_template(docx_bytes(["Приказ для {{ pupil.name|dative }}"]), "order_pairs.docx", KEYS)
    assert "«order_pairs.docx»" in caught.value.message
    assert "«pupil»" in caught.value.message
    assert "{{ pupil.name|dative }}" in caught.value.message
    assert "org, people" in caught.value.hint


@pytest.mark.parametrize(("text", "tag"), [
    ("{{ org.name }", "{{ org.name }"),
    ("{% if org.name %}без конца", "{% if org.name %}"),
    ("{{ org.name|nosuchfilter }}", "{{ org.name|nosuchfilter }}"),
    ("{%p for n in people %}", "{%p for n in people %}"),
])
def test_a_broken_tag_names_the_template_and_the_tag(text: str, tag: str) -> None:
    with pytest.raises(TemplateBroken) as caught:
        compile_template(docx_bytes(["Начало", text, "Конец"]), "мой шаблон.docx", KEYS)
    assert "«мой шаблон.docx»" in caught.value.message
    assert tag.replace("%p ", "% ") in caught.value.message or tag in caught.value.message
    assert "make_templates" in caught.value.hint


def test_an_attribute_the_context_lacks_is_a_clear_error_at_render_time() -> None:
    template = compile_template(docx_bytes(["{{ org.nickname }}"]), "t.docx", KEYS)
    with pytest.raises(TemplateBroken) as caught:
        template.render(CONTEXT)
    assert "«t.docx»" in caught.value.message and "nickname" in caught.value.message


def test_a_file_that_is_not_a_word_document_is_a_broken_template() -> None:
    with pytest.raises(TemplateBroken) as caught:
        compile_template(b"PK\x03\x04 not really", "order_pairs.docx", KEYS)
    assert "«order_pairs.docx»" in caught.value.message


def test_a_missing_template_file_is_a_broken_template(tmp_path: Path) -> None:
    with pytest.raises(TemplateBroken):
        load_template(tmp_path / "nothing.docx", KEYS)


def test_a_schools_own_template_beside_the_book_replaces_the_standard_one(tmp_path: Path) -> None:
    own = tmp_path / "Шаблоны"
    own.mkdir()
    (own / "order_pairs.docx").write_bytes(docx_bytes([
        "Бланк школы № 5", "ПРИКАЗ № {{ order.number }}", "{%p for p in pairs %}",
        "{{ p.number }}. {{ p.mentor.name|initials_first }}", "{%p endfor %}",
        "{{ head.name|initials_first }}"]))
    book = FakeBook(minimal_book(
        mentees=[mentee("Петрова Анна Сергеевна")], mentors=[mentor("Иванова Мария Петровна")],
        pairs=[{"number": "1", "mentor": "Иванова Мария Петровна", "mentees": "Петрова Анна Сергеевна",
                "status": "Утверждена"}]), path=tmp_path / "Наставничество.xlsx")
    outcome = make_order(book, out_dir=None, number="3", on=None, today=date(2025, 9, 1))
    body = read_docx(outcome.files[0].read_bytes()).body
    assert body == ["Бланк школы № 5", "ПРИКАЗ № 3", "1. М. П. Иванова", "Т. Н. Орлова"]


def test_a_schools_template_with_an_unknown_variable_stops_the_order_early(tmp_path: Path) -> None:
    own = tmp_path / "Шаблоны"
    own.mkdir()
    (own / "order_pairs.docx").write_bytes(docx_bytes(["{{ director }}"]))
    book = FakeBook(minimal_book(
        mentees=[mentee("Петрова Анна Сергеевна")], mentors=[mentor("Иванова Мария Петровна")],
        pairs=[{"number": "1", "mentor": "Иванова Мария Петровна", "mentees": "Петрова Анна Сергеевна",
                "status": "Утверждена"}]), path=tmp_path / "Наставничество.xlsx")
    with pytest.raises(TemplateBroken) as caught:
        make_order(book, out_dir=None, number=None, on=None, today=date(2025, 9, 1))
    assert "«director»" in caught.value.message
    assert book.log == [] and not (tmp_path / "Документы").exists()


@functools.cache
def small_template() -> CompiledTemplate:
    paragraphs = ["«{{ org.name }}»", "{%p for n in people %}", "{{ n }}.", "{%p endfor %}"]
    return compile_template(docx_bytes(paragraphs), "t.docx", KEYS)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_any_text_typed_into_a_cell_makes_a_sound_document_that_reads_back_as_typed(text: str) -> None:
    data = small_template().render({"org": {"name": text}, "people": [text, "Ёлкина"]})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))  # well-formed, or lxml raises
    shown = str(finalize(text))
    assert read_docx(data).body == [f"«{shown}»", f"{shown}.", "Ёлкина."]
