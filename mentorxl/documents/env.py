"""The Word template environment: jinja2 with autoescape on, a strict undefined and our filters;
a .docx template parsed once, checked when loaded and rendered many times to validated bytes.

Filters a template may use (the template's author reads this list):
    {{ d|ru_date }}                  «1 сентября 2025 г.» (no-break spaces); no date → ««___» ______ 20___ г.»
    {{ d|month_year }}               «Сентябрь 2025»
    {{ d|short_date }}               «01.09.2025»
    {{ name|genitive }} |dative |accusative |instrumental |prepositional   the ФИО declined
    {{ name|decline("дательный") }}  the same with the case named in Russian
    {{ name|initials }}              «Иванова М. П.»;  {{ name|initials_first }}  «М. П. Иванова»
    {{ position|position_dative }}   a position declined (|position_genitive, …, |position("винительный"))
    {{ n|plural("пара", "пары", "пар") }}   the word for the number n
    {{ text|lower_first }}           «Директор» → «директор» (abbreviations such as «УВР» stay)
    {{ who|position_name("винительный") }}   «заместителя директора по УВР Смирнову Ольгу Викторовну»
    {{ who|name_position("дательный") }}     «Ивановой Марии Петровне, учителю математики»
                                     (who: a person of the context, with name and position)
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from lxml import etree
from markupsafe import Markup

from mentorxl.core.text import plural as russian_plural
from mentorxl.documents.zipped import Package
from mentorxl.errors import TemplateBroken

CASES: dict[str, str] = {
    "genitive": "родительный",
    "dative": "дательный",
    "accusative": "винительный",
    "instrumental": "творительный",
    "prepositional": "предложный",
}
NBSP = "\u00a0"  # «1 сентября», «2025 г.», «№ 12» never break apart at a line end
BLANK_DATE = "«___» __________ 20___\u00a0г."
FIX_HINT = ("Исправьте шаблон в Word или создайте стандартные шаблоны заново: "
            "python scripts/make_templates.py.")

# Characters XML 1.0 forbids (a control character pasted from elsewhere would corrupt the document).
_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BREAKS = re.compile(r"[\t\r\n]+")
_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_TAGS = re.compile(r"<[^>]+>")
_JINJA = re.compile(r"\{[{%#].*?[}%#]\}")


# ---------------------------------------------------------------- filters


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def ru_date(value: object) -> str:
    """«1 сентября 2025 г.» (Babel, Russian locale)."""
    d = _as_date(value)
    if d is None:
        return str(value) if value not in (None, "") else BLANK_DATE
    from babel.dates import format_date

    return format_date(d, "d\u00a0MMMM y", locale="ru") + NBSP + "г."


def month_year(value: object) -> str:
    """«Сентябрь 2025» (Babel's Russian «LLLL y», the first letter raised)."""
    d = _as_date(value)
    if d is None:
        return str(value or "")
    from babel.dates import format_date

    text = format_date(d, "LLLL y", locale="ru")
    return text[:1].upper() + text[1:]


def short_date(value: object) -> str:
    d = _as_date(value)
    return d.strftime("%d.%m.%Y") if d else str(value or "")


def plural(n: object, one: str, few: str, many: str) -> str:
    """The Russian word form for the number n: 1 пара, 2 пары, 5 пар, 21 пара, 11 пар."""
    try:
        count = int(float(str(n)))
    except ValueError:
        return many
    return russian_plural(count, one, few, many)


def lower_first(value: object) -> str:
    text = str(value or "")
    if len(text) > 1 and text[1].isupper():  # an abbreviation: «УВР», «МБОУ»
        return text
    return text[:1].lower() + text[1:]


def _words(function: str, value: object, *args: str) -> str:
    """A function of documents/declension.py on a name or position; an empty value stays empty, and a value
    the rules cannot handle is printed as typed (a document with one undeclined word beats no document)."""
    text = str(value or "").strip()
    if not text:
        return ""
    from mentorxl.documents import declension

    apply = getattr(declension, function)
    try:
        return str(apply(text, *args))
    except (ValueError, KeyError, IndexError):
        return text


def decline_name(value: object, case: str) -> str:
    """The ФИО in the case; a form the school wrote by hand for this case (context.Name) comes first."""
    forms = getattr(value, "forms", None)
    if forms:
        from mentorxl.documents.declension import decline

        try:
            return decline(str(value), case, overrides=forms)
        except ValueError:
            return str(value)
    return _words("decline", value, case)


def decline_position(value: object, case: str) -> str:
    return _words("decline_position", value, case)


def initials(value: object) -> str:
    return _words("initials", value)


def initials_first(value: object) -> str:
    return _words("initials_first", value)


def _declined(value: object, case: str, kind: str) -> str:
    if case in ("", "именительный"):
        return str(value or "").strip()
    return decline_name(value, case) if kind == "name" else decline_position(value, case)


def position_name(who: Mapping[str, Any], case: str = "именительный") -> str:
    """«заместителя директора по УВР Смирнову Ольгу Викторовну»: position (if any), then the name."""
    position = lower_first(_declined(who.get("position"), case, "position"))
    return " ".join(x for x in (position, _declined(who.get("name"), case, "name")) if x)


def name_position(who: Mapping[str, Any], case: str = "именительный") -> str:
    """«Ивановой Марии Петровне, учителю математики»: the name, then the position after a comma."""
    position = lower_first(_declined(who.get("position"), case, "position"))
    name = _declined(who.get("name"), case, "name")
    return f"{name}, {position}" if position else name


def _case_filter(function: Callable[[object, str], str], case: str) -> Callable[[object], str]:
    def apply(value: object) -> str:
        return function(value, case)

    return apply


def finalize(value: object) -> object:
    """Every printed value: None prints nothing, dates print in Russian, line breaks become spaces and
    characters XML forbids are dropped (autoescape then escapes & < > " ')."""
    if value is None:
        return ""
    if isinstance(value, date):
        return ru_date(value)
    if isinstance(value, str) and not isinstance(value, Markup):
        return _BREAKS.sub(" ", _BAD_XML_CHARS.sub("", value))
    return value


def make_env() -> jinja2.Environment:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=finalize,
                             keep_trailing_newline=True)
    filters: dict[str, Callable[..., Any]] = {
        "ru_date": ru_date, "month_year": month_year, "short_date": short_date, "plural": plural,
        "lower_first": lower_first, "decline": decline_name, "position": decline_position,
        "initials": initials, "initials_first": initials_first,
        "position_name": position_name, "name_position": name_position,
    }
    for english, russian in CASES.items():
        filters[english] = _case_filter(decline_name, russian)
        filters[f"position_{english}"] = _case_filter(decline_position, russian)
    env.filters.update(filters)
    return env


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """One environment per process: compiled templates keep a reference to it."""
    return make_env()


# ---------------------------------------------------------------- templates


def patch(xml: str) -> str:
    """docxtpl's cleaning of Word XML (tags split over runs, {%tr %}/{%p %} rows and paragraphs),
    then one paragraph per line, so that a jinja error line points at a paragraph."""
    from docxtpl import DocxTemplate

    patched: str = DocxTemplate.patch_xml(None, xml)  # patch_xml uses nothing of the instance
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


def _unpatch(xml: str) -> str:
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    return xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")


def _line_text(source: str, lineno: int | None) -> str:
    """The template text around a jinja error: the tag on that line, or the paragraph's text."""
    if not lineno:
        return ""
    lines = source.splitlines()
    line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    text = _TAGS.sub("", line)
    tags = _JINJA.findall(text)
    if tags:
        return tags[0]
    start = text.find("{")
    return (text[start:] if start >= 0 else text).strip()[:120]


def _tag_of(sources: Iterable[str], variable: str) -> str:
    """The first jinja tag of the template text that mentions `variable`."""
    word = re.compile(rf"\b{re.escape(variable)}\b")
    for source in sources:
        for tag in _JINJA.findall(_TAGS.sub("", source)):
            if word.search(tag):
                return str(tag)
    return "{{ " + variable + " }}"


@dataclass(slots=True)
class CompiledTemplate:
    """A .docx with its jinja parts compiled once; `render` makes a new .docx (bytes) per context."""

    name: str
    entries: list[tuple[zipfile.ZipInfo, bytes]]
    parts: dict[str, jinja2.Template]
    variables: frozenset[str]
    package: Package  # the zip of a document: the parts no document changes compressed once, here

    def render(self, context: Mapping[str, Any]) -> bytes:
        rendered: dict[str, bytes] = {}
        for part, template in self.parts.items():
            try:
                xml = _unpatch(template.render(context))
            except jinja2.UndefinedError as error:
                raise TemplateBroken(f"Шаблон «{self.name}»: неизвестное значение ({error.message}).",
                                     FIX_HINT) from error
            except jinja2.TemplateError as error:
                raise TemplateBroken(f"Шаблон «{self.name}» не заполняется: {error.message}.",
                                     FIX_HINT) from error
            data = xml.encode("utf-8")
            try:
                etree.fromstring(data)
            except etree.XMLSyntaxError as error:
                raise TemplateBroken(
                    f"Шаблон «{self.name}» дал повреждённый документ ({part}: {error.msg}).",
                    "Поставьте теги {%p …%} и {%tr …%} в отдельные абзацы и строки таблицы. " + FIX_HINT,
                ) from error
            rendered[part] = data
        return self.package.write(rendered)


KNOWN_PARTS = "known_parts.json"  # beside the standard templates; scripts/make_templates.py writes it
_XML_PART = (".xml", ".rels")


@dataclass(slots=True)
class _KnownParts:
    sound: set[str]  # SHA-256 of XML parts known to be sound
    cleaned: dict[str, str]  # SHA-256 of a part a document fills -> `patch` of it


@lru_cache(maxsize=1)
def _known_parts() -> _KnownParts:
    """The parts of the standard templates as scripts/make_templates.py made them (`known_parts_of`): a command
    that prints a standard template then needs neither docxtpl for `patch` (0,04 s to import: it brings
    python-docx along) nor the XML parser over its 800 KB of styles. A school's own template, and any part changed
    in Word, is checked and cleaned as before; a part found sound is not parsed again in this process (the
    three documents of `docs --kind roadmap` share their styles)."""
    from mentorxl.assets import asset_dir

    try:
        known = json.loads((asset_dir("templates") / KNOWN_PARTS).read_text(encoding="utf-8"))
        return _KnownParts(set(known["sound"]), dict(known["cleaned"]))
    except (OSError, ValueError, KeyError, TypeError):  # no file (a broken installation): every part checked
        return _KnownParts(set(), {})


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _entries(data: bytes, name: str) -> list[tuple[zipfile.ZipInfo, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise TemplateBroken(f"Шаблон «{name}» не читается как документ Word (.docx).", FIX_HINT) from error
    if not any(info.filename == "word/document.xml" for info, _ in entries):
        raise TemplateBroken(f"Шаблон «{name}» не читается как документ Word (.docx).", FIX_HINT)
    return entries


def _check_part(raw: bytes, part: str, name: str) -> None:
    try:
        etree.fromstring(raw)
    except etree.XMLSyntaxError as error:
        raise TemplateBroken(f"Шаблон «{name}» повреждён ({part}: {error.msg}).", FIX_HINT) from error


def known_parts_of(templates: Mapping[str, bytes]) -> dict[str, Any]:
    """What `_known_parts` reads (templates/known_parts.json), made of the standard templates by name: the
    SHA-256 of every XML part, each checked here, and `patch` of every part a document fills, by its SHA-256."""
    sound: set[str] = set()
    cleaned: dict[str, str] = {}
    for name, data in templates.items():
        for info, raw in _entries(data, name):
            if info.filename.endswith(_XML_PART):
                _check_part(raw, info.filename, name)
                sound.add(_digest(raw))
                if _PARTS.match(info.filename):
                    cleaned[_digest(raw)] = patch(raw.decode("utf-8"))
    return {"sound": sorted(sound), "cleaned": dict(sorted(cleaned.items()))}


def compile_template(data: bytes, name: str, keys: Iterable[str],
                     env: jinja2.Environment | None = None) -> CompiledTemplate:
    """Parse and check a template: a broken tag or a variable the document does not provide is one
    TemplateBroken naming the template and the tag."""
    env = env or environment()
    entries = _entries(data, name)
    known = _known_parts()
    digests = {info.filename: _digest(raw) for info, raw in entries if info.filename.endswith(_XML_PART)}
    for info, raw in entries:  # the parts copied as they are must be sound: checked once, here
        digest = digests.get(info.filename)
        if digest is not None and digest not in known.sound:
            _check_part(raw, info.filename, name)
            known.sound.add(digest)
    parts: dict[str, jinja2.Template] = {}
    sources: list[str] = []
    variables: set[str] = set()
    for info, raw in entries:
        if not _PARTS.match(info.filename):
            continue
        source = known.cleaned.get(digests[info.filename]) or patch(raw.decode("utf-8"))
        if "{" not in source:
            continue
        try:
            tree = env.parse(source)
            parts[info.filename] = env.from_string(tree)
        except jinja2.TemplateSyntaxError as error:
            tag = _line_text(source, error.lineno)
            raise TemplateBroken(f"Шаблон «{name}»: ошибка в теге «{tag}» ({error.message}).",
                                 FIX_HINT) from error
        variables |= meta.find_undeclared_variables(tree)
        sources.append(source)
    unknown = sorted(variables - set(keys) - set(env.globals))
    if unknown:
        shown = ", ".join(f"«{v}»" for v in unknown)
        raise TemplateBroken(
            f"Шаблон «{name}»: неизвестная переменная {shown} в теге «{_tag_of(sources, unknown[0])}».",
            f"В этом документе доступны: {', '.join(sorted(keys))}. " + FIX_HINT,
        )
    return CompiledTemplate(name, entries, parts, frozenset(variables), Package(entries, parts))


_CACHE: dict[tuple[str, int, int, frozenset[str]], CompiledTemplate] = {}


def load_template(path: Path, keys: Iterable[str]) -> CompiledTemplate:
    """The compiled template of a file, parsed once per process while the file is unchanged."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as error:
        raise TemplateBroken(f"Нет шаблона «{path.name}» ({path.parent}).", FIX_HINT) from error
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, frozenset(keys))
    if key not in _CACHE:
        _CACHE[key] = compile_template(path.read_bytes(), path.name, keys)
    return _CACHE[key]
