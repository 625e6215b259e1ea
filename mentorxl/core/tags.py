"""Request and competence tags: normalised against the dictionary of «Справочники».

A tag meets its canonical form through synonyms, case, ё, punctuation and word forms («цифровые
ресурсы» = «цифровых ресурсов»). A tag the dictionary does not know keeps its own normal form, so two
identical unknown tags still meet each other; `check` reports them with the nearest known tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from rapidfuzz import fuzz, process

_NON_WORD = re.compile(r"[^0-9a-zа-я]+")
# Endings of Russian nouns and adjectives, longest first; a stem keeps at least 3 letters.
_ENDINGS = tuple(sorted((
    "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ая", "яя", "ое", "ее", "ые",
    "ие", "ый", "ий", "ой", "ей", "ую", "юю", "ов", "ев", "ах", "ях", "ам", "ям", "ом", "ем", "ию", "ия",
    "ью", "а", "я", "ы", "и", "у", "ю", "о", "е", "ь", "й",
), key=len, reverse=True))


def _stem(word: str) -> str:
    if not re.match(r"^[а-я]+$", word) or len(word) <= 3:
        return word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=65536)
def tag_key(text: str) -> str:
    """The form tags are compared in: lower case, ё→е, punctuation and hyphens to spaces, word stems."""
    s = text.casefold().replace("ё", "е")
    words = [w for w in _NON_WORD.split(s) if w]
    return " ".join(_stem(w) for w in words)


class TagDictionary:
    """Canonical tags with their synonyms."""

    def __init__(self, entries: Mapping[str, Iterable[str]]):
        self._canonical: dict[str, str] = {}
        self._order: list[str] = []
        for tag, synonyms in entries.items():
            tag = tag.strip()
            if not tag:
                continue
            self._order.append(tag)
            for form in (tag, *synonyms):
                key = tag_key(form)
                if key:
                    self._canonical.setdefault(key, tag)
        self._choices = list(self._canonical.keys())

    def __len__(self) -> int:
        return len(self._order)

    @property
    def tags(self) -> list[str]:
        return list(self._order)

    def canonical(self, tag: str) -> str | None:
        """The dictionary's tag for what a user typed, or None if the dictionary does not know it."""
        return self._canonical.get(tag_key(tag))

    def normalize(self, tag: str) -> str:
        """The canonical tag when known; else the tag's own normal form, as the matcher compares it."""
        return self.canonical(tag) or tag_key(tag)

    def normalize_all(self, tags: Iterable[str]) -> list[str]:
        seen: dict[str, None] = {}
        for tag in tags:
            if (norm := self.normalize(tag)) and norm not in seen:
                seen[norm] = None
        return list(seen)

    @lru_cache(maxsize=4096)  # noqa: B019 - the dictionary lives for one run
    def nearest(self, tag: str) -> str | None:
        """The closest known tag for an unknown one (for a hint), or None when nothing is close."""
        if not self._choices:
            return None
        found = process.extractOne(tag_key(tag), self._choices, scorer=_near_score, score_cutoff=75)
        return self._canonical[found[0]] if found else None


def _near_score(a: str, b: str, **kwargs: object) -> float:
    """A typo («радителями») or a tag inside a longer phrase («оформление портфолио»); never a few letters
    matched inside an unrelated tag, as partial ratios do («танцы» is not «дистанционное обучение»)."""
    whole = fuzz.ratio(a, b)
    words = fuzz.token_set_ratio(a, b) if min(len(a), len(b)) >= 4 else 0.0
    return max(whole, words)
