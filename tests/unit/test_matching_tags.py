"""Requests and competences meet on the dictionary's tags: synonyms, case, ё, punctuation, word forms."""

from __future__ import annotations

import pytest

from mentorxl.core.matching import match
from mentorxl.core.matching.rules import TagSpace
from mentorxl.core.tags import TagDictionary
from mentorxl.core.vocabulary import DEFAULT_TAGS
from tests.unit.matching_builder import mentee, mentor, program


@pytest.mark.parametrize(("request_tag", "competence"), [
    ("ИКТ-компетентность", "цифровые ресурсы"),
    ("икт", "ИКТ и цифровые ресурсы"),
    ("Цифровых ресурсов", "ИКТ"),
    ("работа с семьёй", "Работа с родителями"),
    ("Родительские собрания", "родительское собрание"),
    ("одаренные дети", "Работа с одарёнными детьми"),
    ("ФГОС!", "обновлённые  ФГОС"),
])
def test_different_spellings_of_one_tag_meet(request_tag, competence):
    result = match(program([mentee("Иванова Анна Петровна", [request_tag])],
                           [mentor("Кузнецова Ольга Ивановна", [competence])]))
    assert len(result.suggestions) == 1
    assert result.suggestions[0].matched == [TagDictionary(DEFAULT_TAGS).canonical(competence)]


def test_tags_the_dictionary_does_not_know_still_meet_each_other_exactly():
    result = match(program([mentee("Иванова Анна Петровна", ["Нейросети на уроке", "ИКТ"])],
                           [mentor("Кузнецова Ольга Ивановна", ["нейросети на уроке"]),
                            mentor("Другой Наставник Петрович", ["Нейросети в управлении"])]))
    assert [(s.mentor, s.matched, s.missing) for s in result.suggestions] == [
        ("Кузнецова Ольга Ивановна", ["Нейросети на уроке"], ["ИКТ и цифровые ресурсы"])]


def test_tags_that_share_no_dictionary_entry_do_not_meet():
    result = match(program([mentee("Иванова Анна Петровна", ["Работа с родителями"])],
                           [mentor("Кузнецова Ольга Ивановна", ["ИКТ"])]))
    assert not result.suggestions
    assert result.unmatched[0].code == "no_mentor"
    assert "«Работа с родителями»" in result.unmatched[0].reason


def test_a_tag_typed_twice_in_other_words_counts_once():
    space = TagSpace(TagDictionary(DEFAULT_TAGS))
    assert space.encode(["ИКТ", "цифровые ресурсы", "Работа с родителями", "родители"]) == (0, 1)
    assert space.names == ["ИКТ и цифровые ресурсы", "Работа с родителями"]
