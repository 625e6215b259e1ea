"""Names and positions declined by case for orders and programs: a wrapper over pytrovich.

    decline("Иванова Мария Петровна", "винительный")          -> «Иванову Марию Петровну»
    decline("Мамедов Эльчин Рашид оглы", "родительный")      -> «Мамедова Эльчина Рашид оглы»
    decline("Иванова М. П.", "дательный")                     -> «Ивановой М. П.» (initials stay)
    decline_position("учитель-логопед", "дательный")          -> «учителю-логопеду»
    initials("Иванова Мария Петровна") -> «Иванова М. П.»;  initials_first(...) -> «М. П. Иванова»
    detect_gender("Ким Ольга") -> "female"

A name is read in any of the usual orders: «Фамилия Имя Отчество», «Имя Отчество Фамилия», «Фамилия Имя»,
«Имя Фамилия», «Фамилия И. О.», «И. О. Фамилия»; extra spaces are dropped and every word keeps the
capitalisation it was typed in (ИВАНОВА -> ИВАНОВОЙ). The gender comes from the patronymic (оглы/кызы
included), then a first name we know, then the surname; when nothing tells it, a surname that declines
differently for men and women (Ковальчук) is left as typed rather than guessed.

Where pytrovich 0.2.0 is wrong we correct it here (each has a test named after it):
  * capitals: it appends a lower-case ending to a word typed in capitals (ИВАНОВой);
  * female first names in -ль are left undeclined (Айгуль, Гузель: the norm is Айгули, Гузелью);
  * «ы» after г, к, х, ж, ш, ч, щ in an ending (Лихым, Большым instead of Лихим, Большим).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pytrovich.detector import PetrovichGenderDetector
    from pytrovich.enums import Case, NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

__all__ = ["CASES", "decline", "decline_position", "detect_gender", "initials", "initials_first"]

CASES = ("именительный", "родительный", "дательный", "винительный", "творительный", "предложный")
_ENGLISH = {"nominative": 0, "genitive": 1, "dative": 2, "accusative": 3, "instrumental": 4,
            "prepositional": 5}
_GENDERS = {"male": "male", "m": "male", "м": "male", "муж": "male", "мужской": "male",
            "female": "female", "f": "female", "ж": "female", "жен": "female", "женский": "female"}

SURNAME, FIRST, PATRONYMIC, INITIAL, FIXED = "surname", "first", "patronymic", "initial", "fixed"

_MALE_PARTICLES = frozenset({"оглы", "оглу", "огли", "улы", "уулу", "угли", "ogli", "oglu"})
_FEMALE_PARTICLES = frozenset({"кызы", "гызы", "кизи", "кыз", "qizi"})
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)+$")
_GLUED_INITIALS = re.compile(r"^((?:[^\W\d_]\.)+)([^\W\d_][^.]+)$")  # «М.П.Иванова»
_HUSHING_AND_VELAR = "гкхжшчщ"

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# First names a school list often holds, so that «Мария Ковальчук» reads as «Имя Фамилия» and «Лейсан»,
# «Алсу», «Нино» tell the gender (pytrovich guesses by the ending and takes «Лейсан» for a man).
_MALE_NAMES = _wordset("""
александр алексей анатолий андрей антон аркадий арсений артём артур богдан борис вадим валентин валерий
василий виктор виталий владимир владислав всеволод вячеслав геннадий георгий герман глеб григорий даниил
данила денис дмитрий евгений егор иван игорь илья кирилл константин лев леонид максим марк матвей михаил
никита николай олег павел пётр роман руслан савва семён сергей станислав степан тимофей тимур фёдор фома
эдуард юрий яков ярослав айдар азат айрат алмаз булат дамир ильдар ильнур ильшат марат наиль радик рамиль
ринат ришат рустам салават тагир фарид шамиль эльдар рашид эльчин рамиз магомед ахмед али гусейн рамзан
ашот арам тигран давид мелитон отто эрик
""")
_FEMALE_NAMES = _wordset("""
александра алёна алина алла анастасия ангелина анна антонина валентина валерия вера вероника виктория
галина дарья диана евгения екатерина елена елизавета жанна зинаида зоя инна ирина кира кристина ксения
лариса лидия любовь людмила маргарита марина мария милана надежда наталья наталия нина оксана олеся ольга
полина раиса светлана софья софия таисия тамара татьяна ульяна юлия яна айгуль айгюль айсылу алсу альбина
гузель гульназ гульнара гульшат динара лейсан ляйсан миляуша резеда чулпан эльвира эльмира ильсияр лилия
айгерим карине лусине нино зарема мадина патимат лейла сабина роза эльза
""")
_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына",
                    "ский", "цкий", "ской", "цкой", "ская", "цкая")


# ---------------------------------------------------------------- cases and genders


def _case_index(case: str) -> int:
    key = " ".join(str(case).lower().split()).removesuffix(" падеж")
    if key in CASES:
        return CASES.index(key)
    if key in _ENGLISH:
        return _ENGLISH[key]
    raise ValueError(f"Неизвестный падеж «{case}». Укажите один из падежей: {', '.join(CASES)}.")


def _gender_name(gender: str | None) -> str | None:
    if gender is None or not str(gender).strip():
        return None
    found = _GENDERS.get(str(gender).strip().lower())
    if found is None:
        raise ValueError(f"Неизвестный пол «{gender}». Укажите «male» (мужской) или «female» (женский).")
    return found


# ---------------------------------------------------------------- reading a name


@dataclass(frozen=True)
class _Word:
    text: str
    role: str


def _key(word: str) -> str:
    return word.lower().replace("ё", "е")


_MALE_KEYS = frozenset(_key(n) for n in _MALE_NAMES)
_FEMALE_KEYS = frozenset(_key(n) for n in _FEMALE_NAMES)


def _known_first_name(word: str) -> bool:
    key = _key(word)
    return key in _MALE_KEYS or key in _FEMALE_KEYS


def _looks_like_patronymic(word: str) -> bool:
    return len(word) >= 5 and word.lower().endswith(("ич", "вна", "чна"))


def _looks_like_surname(word: str) -> bool:
    return word.lower().endswith(_SURNAME_ENDINGS) and not _known_first_name(word)


def _split(text: str) -> list[str]:
    words: list[str] = []
    for word in text.split():
        glued = _GLUED_INITIALS.match(word)
        words.extend(glued.groups() if glued else (word,))
    return words


def _particle(word: str) -> str | None:
    """«оглы» -> male, «кызы» -> female (also written after a hyphen: «Рашид-оглы»)."""
    tail = word.lower().rsplit("-", 1)[-1]
    if tail in _MALE_PARTICLES:
        return "male"
    if tail in _FEMALE_PARTICLES:
        return "female"
    return None


def _roles(words: list[str]) -> list[str]:
    """The role of every word: surname, first name, patronymic, an initial, or a word kept as typed."""
    if any(_INITIALS.match(w) for w in words):
        plain = iter((SURNAME, FIRST, PATRONYMIC))
        return [INITIAL if _INITIALS.match(w) else FIXED if _particle(w) else next(plain, FIXED)
                for w in words]
    particles = _MALE_PARTICLES | _FEMALE_PARTICLES
    particle = next((i for i, w in enumerate(words) if i and w.lower() in particles), None)
    if particle is not None:  # «Рашид оглы»: the father's name and the particle stay as typed
        before, after = len(words[:particle - 1]), len(words[particle + 1:])
        if after and before == 1:  # «Эльчин Рашид оглы Мамедов»
            return [FIRST, FIXED, FIXED, SURNAME] + [FIXED] * (after - 1)
        named = [SURNAME, FIRST][:before] + [FIXED] * max(0, before - 2)
        return named + [FIXED, FIXED] + [FIXED] * after
    roles = _ordered_roles(words)
    return [FIXED if _particle(w) else role for w, role in zip(words, roles, strict=True)]


def _ordered_roles(words: list[str]) -> list[str]:
    if len(words) == 1:
        return [FIRST if _known_first_name(words[0]) else SURNAME]
    first, second = words[0], words[1]
    if len(words) == 2:
        if _looks_like_patronymic(second):
            return [FIRST, PATRONYMIC]
        if _name_first(first, second):
            return [FIRST, SURNAME]
        return [SURNAME, FIRST]
    third = words[2]
    rest = [FIXED] * (len(words) - 3)
    if _looks_like_patronymic(second) and (not _looks_like_patronymic(third) or _known_first_name(first)):
        return [FIRST, PATRONYMIC, SURNAME, *rest]
    return [SURNAME, FIRST, PATRONYMIC, *rest]


def _name_first(first: str, second: str) -> bool:
    """Two words: is it «Мария Ковальчук» rather than «Ковальчук Мария»?"""
    known_first, known_second = _known_first_name(first), _known_first_name(second)
    if known_first != known_second:
        return known_first
    return _looks_like_surname(second) and not _looks_like_surname(first)


@lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[_Word, ...]:
    words = _split(text)
    return tuple(_Word(w, role) for w, role in zip(words, _roles(words), strict=True))


# ---------------------------------------------------------------- gender


def _detected(part: str, word: str) -> str | None:
    from pytrovich.enums import Gender

    found = _detector().detect(**{part: word})
    return {Gender.MALE: "male", Gender.FEMALE: "female"}.get(found)


def _gender_of(words: tuple[_Word, ...]) -> str | None:
    """The patronymic (оглы/кызы too), then a first name we know, the surname, a first name by its ending."""
    by_role: dict[str, str] = {}
    for word in words:
        by_role.setdefault(word.role, word.text)
        if word.role == FIXED and _particle(word.text):
            return _particle(word.text)
    patronymic = by_role.get(PATRONYMIC, "").lower()
    if patronymic.endswith("ич"):
        return "male"
    if patronymic.endswith(("вна", "чна", "шна")):
        return "female"
    first = by_role.get(FIRST, "")
    if _key(first) in _MALE_KEYS:
        return "male"
    if _key(first) in _FEMALE_KEYS:
        return "female"
    surname = by_role.get(SURNAME)
    from_surname = _detected("lastname", surname.lower()) if surname else None
    return from_surname or (_detected("firstname", first.lower()) if first else None)


def detect_gender(full_name: str) -> str | None:
    """"male", "female" or None (nothing in the name tells it: «Ковальчук С. А.»)."""
    text = " ".join(str(full_name or "").split())
    return _gender_of(_parse(text)) if text else None


# ---------------------------------------------------------------- one word


@lru_cache(maxsize=1)
def _maker() -> PetrovichDeclinationMaker:
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


@lru_cache(maxsize=1)
def _detector() -> PetrovichGenderDetector:
    from pytrovich.detector import PetrovichGenderDetector

    return PetrovichGenderDetector()


def _pytrovich_case(index: int) -> Case:
    from pytrovich.enums import Case

    return (Case.NOMINATIVE, Case.GENITIVE, Case.DATIVE, Case.ACCUSATIVE, Case.INSTRUMENTAL,
            Case.PREPOSITIONAL)[index]


def _name_part(role: str) -> NamePart:
    from pytrovich.enums import NamePart

    return {SURNAME: NamePart.LASTNAME, FIRST: NamePart.FIRSTNAME, PATRONYMIC: NamePart.MIDDLENAME}[role]


_THIRD_DECLENSION = ("", "и", "и", "", "ю", "и")  # Любовь: Любови, Любови, Любовь, Любовью, о Любови


@lru_cache(maxsize=8192)
def _inflect_lower(word: str, role: str, gender: str | None, case: int) -> str:
    """One lower-case word (hyphenated parts included) in the case; pytrovich plus our corrections."""
    from pytrovich.enums import Gender

    if case == 0 or not word:
        return word
    if role == FIRST and gender == "female" and word.endswith("ь"):
        stem = word[:-1] if _THIRD_DECLENSION[case] == "и" else word
        return stem + _THIRD_DECLENSION[case]
    if gender is None and role == SURNAME and not word.endswith(("а", "я")):
        return word  # Ковальчук, Ким: a man's and a woman's forms differ; a guess would be worse than none
    known = {"male": Gender.MALE, "female": Gender.FEMALE}.get(gender or "")
    result: str = _maker().make(_name_part(role), known or Gender.ANDROGYNOUS, _pytrovich_case(case), word,
                                known_gender=known is not None)
    return _spelling(word, result)


def _spelling(word: str, result: str) -> str:
    """No «ы» after г, к, х, ж, ш, ч, щ in an added ending: Лихым -> Лихим."""
    common = 0
    while common < min(len(word), len(result)) and word[common] == result[common]:
        common += 1
    chars = list(result)
    for i in range(max(common, 1), len(chars)):
        if chars[i] == "ы" and chars[i - 1] in _HUSHING_AND_VELAR:
            chars[i] = "и"
    return "".join(chars)


def _restyle(typed: str, result: str) -> str:
    """The result written the way the word was typed, each part of a double name on its own:
    ИВАНОВА -> ИВАНОВОЙ, Петрова-водкина -> Петровой-водкиной."""
    typed_parts, result_parts = typed.split("-"), result.split("-")
    if len(typed_parts) != len(result_parts):
        return _restyle_part(typed, result)
    return "-".join(_restyle_part(t, r) for t, r in zip(typed_parts, result_parts, strict=True))


def _restyle_part(typed: str, result: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return result.upper()
    if typed.islower():
        return result.lower()
    chars = []
    for i, char in enumerate(result.lower()):
        if i < len(typed) and typed[i].lower() == char:
            chars.append(typed[i])
        else:
            chars.append(char.upper() if i == 0 and typed[:1].isupper() else char)
    return "".join(chars)


def _inflect(word: str, role: str, gender: str | None, case: int) -> str:
    return _restyle(word, _inflect_lower(word.lower(), role, gender, case))


# ---------------------------------------------------------------- names


@lru_cache(maxsize=8192)
def _decline_name(text: str, case: int, gender: str | None) -> str:
    words = _parse(text)
    gender = gender or _gender_of(words)
    return " ".join(_inflect(w.text, w.role, gender, case) if w.role in (SURNAME, FIRST, PATRONYMIC)
                    else w.text for w in words)


def decline(full_name: str, case: str, *, gender: str | None = None,
            overrides: Mapping[str, str] | None = None) -> str:
    """The full name in the case («родительный» … or «genitive» …); an empty name gives "".

    gender: "male"/"female" when the name does not tell it («Ковальчук С. А.»); None: read from the name.
    overrides: ready forms a school wrote by hand, by case name: {"дательный": "Ковальчук Светлане"}.
    Raises ValueError with the list of cases for an unknown case name.
    """
    index = _case_index(case)
    for key, text in (overrides or {}).items():
        if _case_index(key) == index:
            return text
    text = " ".join(str(full_name or "").split())
    if not text:
        return ""
    return _decline_name(text, index, _gender_name(gender))


def _initial_letters(word: _Word) -> list[str]:
    if word.role == INITIAL:
        return [part + "." for part in word.text.split(".") if part]
    return ["-".join(part[:1].upper() + "." for part in word.text.split("-") if part)]


def _short(full_name: str) -> tuple[str, list[str]]:
    text = " ".join(str(full_name or "").split())
    words = _parse(text) if text else ()
    surname = " ".join(w.text for w in words if w.role == SURNAME)
    letters: list[str] = []
    for i, word in enumerate(words):
        fathers_name = (word.role == FIXED and i + 1 < len(words) and not _particle(word.text)
                        and _particle(words[i + 1].text) is not None)
        if word.role in (FIRST, PATRONYMIC, INITIAL) or fathers_name:
            letters.extend(_initial_letters(word))
    return surname, letters


def initials(full_name: str) -> str:
    """«Иванова Мария Петровна» -> «Иванова М. П.» (also from «М.П. Иванова» or «Мария Петровна Иванова»)."""
    surname, letters = _short(full_name)
    return " ".join(x for x in (surname, " ".join(letters)) if x) or " ".join(str(full_name or "").split())


def initials_first(full_name: str) -> str:
    """«Иванова Мария Петровна» -> «М. П. Иванова»."""
    surname, letters = _short(full_name)
    return " ".join(x for x in (" ".join(letters), surname) if x) or " ".join(str(full_name or "").split())


# ---------------------------------------------------------------- positions

# Nouns that head a school position; after an adjective («старший воспитатель») a known noun is the head,
# otherwise the adjective itself is («заведующий хозяйством», «исполняющий обязанности директора»).
_POSITION_NOUNS = _wordset("""
учитель педагог воспитатель директор заместитель руководитель инструктор методист тьютор советник психолог
логопед дефектолог организатор преподаватель специалист секретарь библиотекарь концертмейстер тренер
бухгалтер лаборант наставник помощник ассистент сторож врач повар завхоз делопроизводитель председатель
куратор программист документовед водитель дворник уборщик медсестра сестра няня сотрудник аккомпаниатор
""")
_STRESSED_ENDING = frozenset({"врач", "секретарь"})  # врачом, секретарём
_OBLIQUE = ("ом", "ем", "ём", "ам", "ям", "ой", "ей", "ым", "им", "ах", "ях", "ов", "ев", "ью")
_ADJECTIVE = ("ый", "ий", "ой", "ая", "яя")


def _adjective(word: str, case: int) -> str:
    stem, ending = word[:-2], word[-2:]
    last = stem[-1:] if stem else ""
    if ending == "яя":
        endings = ("яя", "ей", "ей", "юю", "ей", "ей")
    elif ending == "ая":
        soft = last in "жшчщ"
        endings = ("ая", "ей" if soft else "ой", "ей" if soft else "ой", "ую", "ей" if soft else "ой",
                   "ей" if soft else "ой")
    elif ending == "ий" and last not in "гкх":
        endings = ("ий", "его", "ему", "его", "им", "ем")
    else:
        instrumental = "им" if last in _HUSHING_AND_VELAR else "ым"
        endings = (ending, "ого", "ому", "ого", instrumental, "ом")
    return stem + endings[case]


def _noun(word: str, case: int) -> str:
    """A noun of a position; masculine nouns are animate (accusative = genitive)."""
    if case == 0 or not word.isalpha() or not re.search("[а-яё]", word):
        return word
    last = word[-1]
    if last in "ая":
        stem = word[:-1]
        hard = last == "а" and stem[-1:] not in _HUSHING_AND_VELAR
        hushing = stem[-1:] in "жшчщц"
        genitive = "ы" if hard else "и"
        accusative = "у" if last == "а" else "ю"
        instrumental = "ей" if hushing or last == "я" else "ой"
        return stem + ("", genitive, "е", accusative, instrumental, "е")[case]
    if last in "ьй":
        instrumental = "ём" if word in _STRESSED_ENDING else "ем"
        return word[:-1] + ("", "я", "ю", "я", instrumental, "е")[case]
    if last in "бвгджзклмнпрстфхцчшщ":
        instrumental = "ем" if last in "жшчщц" and word not in _STRESSED_ENDING else "ом"
        return word + ("", "а", "у", "а", instrumental, "е")[case]
    return word


def _is_adjective(word: str) -> bool:
    lower = word.lower()
    return len(lower) > 3 and lower.endswith(_ADJECTIVE) and lower not in _POSITION_NOUNS


def _is_head_noun(word: str) -> bool:
    lower = word.lower()
    first = lower.split("-", 1)[0]
    if first in _POSITION_NOUNS:
        return True
    return (lower.isalpha() and bool(re.fullmatch("[а-яё]+", lower)) and lower[-1] in "бвгджзклмнпрстфхцчшщь"
            and not lower.endswith(_OBLIQUE))


def _decline_noun_word(word: str, case: int) -> str:
    parts = word.split("-")
    whole_upper = word.isupper()
    out = []
    for part in parts:
        abbreviation = part.isupper() and not whole_upper
        if len(part) < 3 or abbreviation or not re.fullmatch("[а-яёА-ЯЁ]+", part):
            out.append(part)
        else:
            out.append(_restyle(part, _noun(part.lower(), case)))
    return "-".join(out)


@lru_cache(maxsize=2048)
def _decline_position(text: str, case: int) -> str:
    words = text.split(" ")
    adjectives = 0
    while adjectives < len(words) and _is_adjective(words[adjectives]):
        adjectives += 1
    out = list(words)
    head_is_noun = adjectives < len(words) and (adjectives == 0 or _is_head_noun(words[adjectives]))
    declined_adjectives = adjectives if head_is_noun else max(adjectives, 1)
    for i in range(min(declined_adjectives, len(words))):
        word = words[i]
        if _is_adjective(word):
            out[i] = _restyle(word, _adjective(word.lower(), case))
    if head_is_noun:
        out[adjectives] = _decline_noun_word(words[adjectives], case)
    return " ".join(out)


def decline_position(position: str, case: str) -> str:
    """The position in the case: its first noun and the adjectives before it decline, the rest stays:
    «старший воспитатель» -> «старшему воспитателю», «заместитель директора по УВР» -> «заместителю
    директора по УВР», «педагог-психолог» -> «педагогу-психологу», «заведующая» -> «заведующей»."""
    index = _case_index(case)
    text = " ".join(str(position or "").split())
    return _decline_position(text, index) if text else ""


_NEUTER_ADJECTIVE = {"ое": ("ое", "ого", "ому", "ое", "ым", "ом"), "ее": ("ее", "его", "ему", "ее", "им", "ем")}
_NEUTER_NOUN = ("ие", "ия", "ию", "ие", "ием", "ии")


def _org_word(word: str, case: int) -> str:
    lower = word.lower()
    if len(lower) > 3 and lower[-2:] in _NEUTER_ADJECTIVE:
        return _restyle(word, lower[:-2] + _NEUTER_ADJECTIVE[lower[-2:]][case])
    if len(lower) > 3 and lower.endswith("ие"):
        return _restyle(word, lower[:-2] + _NEUTER_NOUN[case])
    if _is_adjective(word):
        return _restyle(word, _adjective(lower, case))
    if lower.endswith(("ия", "ция")):  # организация, гимназия: genitive, dative and prepositional in «и»
        return _restyle(word, lower[:-1] + ("я", "и", "и", "ю", "ей", "и")[case])
    return _restyle(word, _noun(lower, case))


def decline_organisation(name: str, case: str) -> str:
    """An organisation's full name in the case: the words before its proper name in quotes decline
    («Муниципальное бюджетное общеобразовательное учреждение «СОШ № 5»» -> «Муниципальному бюджетному
    общеобразовательному учреждению «СОШ № 5»»), the quoted name and what follows stay as typed."""
    index = _case_index(case)
    text = " ".join(str(name or "").split())
    cut = min((i for i in (text.find("«"), text.find('"')) if i >= 0), default=len(text))
    head, tail = text[:cut].rstrip(), text[cut:]
    words = head.split(" ") if head else []
    declined = list(words)
    for i, word in enumerate(words):  # the adjectives, then the head noun; what follows it stays in its case
        if not re.fullmatch("[А-ЯЁа-яё]+", word) or word.isupper():
            break
        declined[i] = _org_word(word, index)
        lower = word.lower()
        if not (lower[-2:] in _NEUTER_ADJECTIVE or _is_adjective(word)):
            break
    return " ".join(part for part in (" ".join(declined), tail) if part)
