"""Text normalisation the contract promises: headers, names, lists inside a cell."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
# Characters no text of a cell means, and XML (so Word) cannot hold: dropped when a value is read.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# Invisible marks (soft hyphen, zero widths, direction marks, BOM): not part of a name when names are compared.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_LIST_SPLIT = re.compile(r"[;,\n\r]+")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# Latin letters that look like Cyrillic ones in print.
LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxyk", "АаВСсЕеНКМОоРрТХхук")
_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=4096)
def header_key(text: object) -> str:
    """A header as the reader compares it: case, spaces, line breaks, ё/е and a trailing «*» ignored."""
    s = str(text or "").replace("ё", "е").replace("Ё", "Е").casefold()
    s = _SPACES.sub("", s)
    return s.rstrip("*")


def sheet_key(name: str) -> str:
    return header_key(name)


def clean(text: object) -> str:
    """Trim and collapse spaces; keep the letters as typed."""
    if text is None:
        return ""
    s = str(text)
    if s.isprintable() and "  " not in s:  # no whitespace but single ASCII spaces: nothing to collapse (fast)
        return s.strip(" ")
    return _SPACES.sub(" ", _CONTROL.sub("", s)).strip()


def name_key(name: object) -> str:
    """A ФИО as names are compared: trimmed, spaces collapsed, ё→е, case folded."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", clean(name))).strip().replace("ё", "е").replace("Ё", "Е").casefold()


def split_list(cell: object) -> list[str]:
    """Items of a list typed in one cell, separated by «;», «,» or a line break."""
    if cell is None:
        return []
    return [item for part in _LIST_SPLIT.split(str(cell)) if (item := clean(part))]


def split_names(cell: object) -> list[str]:
    """Several ФИО in one cell: «;» or a line break; a comma too, since ФИО holds no comma."""
    return split_list(cell)


def hidden_latin(text: str) -> str:
    """The Latin letters inside words that are otherwise Cyrillic («Иванoва» with a Latin o); '' if none."""
    found: list[str] = []
    for word in clean(text).split(" "):
        if _CYRILLIC.search(word) and _LATIN.search(word):
            found.extend(ch for ch in word if _LATIN.match(ch))
    return "".join(dict.fromkeys(found))


def fix_lookalikes(text: str) -> str:
    """The text with look-alike Latin letters replaced inside Cyrillic words (for matching, never to save)."""
    words = []
    for word in clean(text).split(" "):
        words.append(word.translate(LOOKALIKES) if _CYRILLIC.search(word) else word)
    return " ".join(words)


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian word form for the number n: 1 пара, 2 пары, 5 пар, 21 пара, 11 пар."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


@lru_cache(maxsize=1 << 17)
def person_key(name: str) -> str:
    """A ФИО as people are matched across sheets and files: look-alike Latin letters read as Cyrillic."""
    return name_key(fix_lookalikes(name) if _LATIN.search(name) else name)


@lru_cache(maxsize=4096)
def status_key(status: str) -> str:
    """A status or a list value as compared: case, spaces and ё/е ignored, dashes alike."""
    return header_key(status.replace("—", "–").replace("-", "–"))


def shown(value: object, limit: int = 80) -> str:
    """A cell value as a user reads it in a message."""
    s = "" if value is None else _CONTROL.sub("\ufffd", str(value))  # a control character shows as �
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        s = str(int(value))
    return s if len(s) <= limit else s[: limit - 1] + "…"


# A ФИО made only of these (ASCII but «^» and «`», Russian letters, quotes and dashes) holds nothing odd.
_PLAIN_NAME = re.compile(r"[\x20-\x5d\x5f\x61-\x7eА-яЁё«»–—]*")


def _plain(s: str, name: bool) -> bool:
    return _PLAIN_NAME.fullmatch(s) is not None if name else s.isprintable()


def odd_characters(text: object, *, name: bool = False) -> str:
    """What a value holds that no one typed on purpose, as a user reads it («управляющий символ U+0007»);
    '' when nothing. In a ФИО emoji and other pictographs count too."""
    s = str(text or "")
    # fast: every character flagged outside a ФИО is unprintable, and a plain ФИО holds none of those flagged;
    # tabs and line breaks (a list in a cell) are never flagged
    if _plain(s, name) or _plain(s.replace("\n", "").replace("\r", "").replace("\t", ""), name):
        return ""
    found: list[str] = []
    for ch in dict.fromkeys(s):
        category = unicodedata.category(ch)
        if _CONTROL.match(ch) or (category == "Cc" and ch not in "\t\n\r"):
            found.append(f"управляющий символ U+{ord(ch):04X}")
        elif _INVISIBLE.match(ch):
            found.append(f"невидимый символ U+{ord(ch):04X}")
        elif name and (category in ("So", "Sk", "Cs", "Co", "Cn") or ch >= "\U0001F000"):
            found.append(f"«{ch}»")
    return ", ".join(found)
