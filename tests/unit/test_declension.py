"""Names and positions declined for orders: the hand-written reference list, the shapes a name is typed in,
the corrections to pytrovich (each named after the bug) and the positions of a school."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytrovich.enums import Case, Gender, NamePart
from pytrovich.maker import PetrovichDeclinationMaker

from mentorxl.documents.declension import (
    CASES,
    decline,
    decline_position,
    detect_gender,
    initials,
    initials_first,
)

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "names_declension.tsv"
UNSEEN = REFERENCE.with_name("names_declension_unseen.tsv")  # written after the rules, to measure them honestly
OBLIQUE = ("родительный", "дательный", "винительный", "творительный")


def reference_rows(path: Path = REFERENCE) -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("ФИО\t"):
            continue
        name, gender, *forms = line.split("\t")
        rows.append((name, gender, forms))
    return rows


ROWS = reference_rows()
UNSEEN_ROWS = reference_rows(UNSEEN)


def raw_pytrovich(part: NamePart, gender: Gender, case: Case, word: str) -> str:
    return PetrovichDeclinationMaker().make(part, gender, case, word)


# ---------------------------------------------------------------- the reference list


def test_the_reference_list_holds_at_least_150_varied_names_with_four_forms_each() -> None:
    assert len(ROWS) >= 150
    assert all(len(forms) == 4 and all(forms) for _, _, forms in ROWS)
    names = " ".join(name for name, _, _ in ROWS)
    for sample in ("оглы", "кызы", "енко", "Ким", "Пак", "Шмидт", "-", "М. П.", "ИВАНОВА", "ё", "вич "):
        assert sample in names, sample


def test_the_unseen_list_names_other_people_than_the_reference_list() -> None:
    assert len(UNSEEN_ROWS) >= 50
    assert not {name for name, _, _ in UNSEEN_ROWS} & {name for name, _, _ in ROWS}
    assert all(len(forms) == 4 and all(forms) for _, _, forms in UNSEEN_ROWS)


@pytest.mark.parametrize(("name", "gender", "forms"), ROWS + UNSEEN_ROWS,
                         ids=[row[0].strip() for row in ROWS + UNSEEN_ROWS])
def test_every_name_of_the_reference_list_is_declined_in_every_case(name: str, gender: str,
                                                                     forms: list[str]) -> None:
    got = [decline(name, case, gender=gender or None) for case in OBLIQUE]
    assert got == forms


def test_typing_a_reference_name_in_capitals_gives_the_same_forms_in_capitals() -> None:
    for name, gender, forms in ROWS:
        got = [decline(name.upper(), case, gender=gender or None) for case in OBLIQUE]
        assert got == [form.upper() for form in forms]


# ---------------------------------------------------------------- how a name is typed


def test_the_nominative_returns_the_name_with_extra_spaces_dropped() -> None:
    assert decline("  Иванова   Мария Петровна ", "именительный") == "Иванова Мария Петровна"


def test_an_empty_name_gives_an_empty_text() -> None:
    assert decline("", "дательный") == ""
    assert decline("   ", "родительный") == ""
    assert initials("") == "" and initials_first(" ") == ""


def test_the_prepositional_case_is_declined_too() -> None:
    assert decline("Иванова Мария Петровна", "предложный") == "Ивановой Марии Петровне"
    assert decline("Зуев Дмитрий Валерьевич", "предложный") == "Зуеве Дмитрии Валерьевиче"
    assert decline("Мамедов Эльчин Рашид оглы", "предложный") == "Мамедове Эльчине Рашид оглы"


@pytest.mark.parametrize("case", ["genitive", "Родительный", "родительный падеж", " GENITIVE "])
def test_a_case_may_be_named_in_english_or_in_any_capitalisation(case: str) -> None:
    assert decline("Петров Иван Сергеевич", case) == "Петрова Ивана Сергеевича"


def test_english_names_of_every_case_are_accepted() -> None:
    english = ("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional")
    name = "Смирнова Ольга Викторовна"
    assert [decline(name, e) for e in english] == [decline(name, r) for r in CASES]


def test_an_unknown_case_is_refused_with_a_russian_message_listing_the_cases() -> None:
    with pytest.raises(ValueError, match="Неизвестный падеж «звательный»") as caught:
        decline("Петров Иван", "звательный")
    assert all(case in str(caught.value) for case in CASES)
    with pytest.raises(ValueError, match="Неизвестный падеж"):
        decline_position("учитель", "ablative")


def test_a_surname_that_differs_for_men_and_women_stays_as_typed_when_nothing_tells_the_gender() -> None:
    assert detect_gender("Ковальчук С. А.") is None
    assert decline("Ковальчук С. А.", "дательный") == "Ковальчук С. А."
    assert decline("Ковальчук С. А.", "дательный", gender="male") == "Ковальчуку С. А."
    assert decline("Ковальчук С. А.", "дательный", gender="женский") == "Ковальчук С. А."


def test_a_surname_in_a_declines_even_when_the_gender_is_unknown() -> None:
    assert decline("Сковорода А. В.", "творительный") == "Сковородой А. В."


def test_an_unknown_gender_value_is_refused_in_russian() -> None:
    with pytest.raises(ValueError, match="Неизвестный пол"):
        decline("Петров Иван", "дательный", gender="мужчина?")


def test_the_given_gender_wins_over_the_one_read_from_the_name() -> None:
    assert decline("Ким Саша", "дательный", gender="male") == "Киму Саше"
    assert decline("Ким Саша", "дательный", gender="female") == "Ким Саше"


def test_initials_glued_to_the_surname_are_kept_and_the_surname_declines() -> None:
    assert decline("М.П.Иванова", "творительный") == "М.П. Ивановой"


def test_a_name_with_a_patronymic_particle_written_with_a_hyphen_keeps_it() -> None:
    assert decline("Алиева Лейла Гусейн-кызы", "дательный") == "Алиевой Лейле Гусейн-кызы"
    assert detect_gender("Алиев Эльдар Гусейн-оглы") == "male"


def test_a_particle_after_initials_is_kept_and_tells_the_gender() -> None:
    assert decline("Мамедов Э. Р. оглы", "творительный") == "Мамедовым Э. Р. оглы"
    assert initials("Мамедов Э. Р. оглы") == "Мамедов Э. Р."


def test_words_after_the_patronymic_are_kept_as_typed() -> None:
    assert decline("Иванова Мария Петровна (декрет)", "дательный") == "Ивановой Марии Петровне (декрет)"


# ---------------------------------------------------------------- overrides


def test_a_hand_written_form_of_the_school_replaces_the_declined_one_for_its_case_only() -> None:
    overrides = {"дательный": "Ковальчук Светлане Анатольевне (по паспорту)"}
    name = "Ковальчук Светлана Анатольевна"
    assert decline(name, "дательный", overrides=overrides) == "Ковальчук Светлане Анатольевне (по паспорту)"
    assert decline(name, "dative", overrides=overrides) == "Ковальчук Светлане Анатольевне (по паспорту)"
    assert decline(name, "родительный", overrides=overrides) == "Ковальчук Светланы Анатольевны"


def test_an_override_under_an_unknown_case_name_is_refused() -> None:
    with pytest.raises(ValueError, match="Неизвестный падеж"):
        decline("Петров Иван", "дательный", overrides={"давательный": "Петрову Ивану"})


# ---------------------------------------------------------------- gender


@pytest.mark.parametrize(("name", "gender"), [
    ("Иванова Мария Петровна", "female"), ("Петров Иван Сергеевич", "male"),
    ("Мамедов Эльчин Рашид оглы", "male"), ("Алиева Айгюль Рашид кызы", "female"),
    ("Ким Ольга", "female"), ("Ким Сергей", "male"), ("Зайнуллина Лейсан", "female"),
    ("Иванова М. П.", "female"), ("О. И. Кузнецов", "male"), ("Шевченко Т. Г.", None),
    ("Ковальчук", None), ("Беридзе Нино", "female"), ("Седых Илья", "male"), ("", None),
])
def test_the_gender_is_read_from_the_patronymic_then_the_first_name_then_the_surname(
        name: str, gender: str | None) -> None:
    assert detect_gender(name) == gender


def test_the_patronymic_decides_the_gender_over_a_misleading_first_name() -> None:
    assert detect_gender("Петрова Саша Игоревна") == "female"
    assert detect_gender("Петров Женя Игоревич") == "male"


# ---------------------------------------------------------------- initials


@pytest.mark.parametrize(("name", "short", "first"), [
    ("Иванова Мария Петровна", "Иванова М. П.", "М. П. Иванова"),
    ("Мария Петровна Иванова", "Иванова М. П.", "М. П. Иванова"),
    ("Иванова М.П.", "Иванова М. П.", "М. П. Иванова"),
    ("М. П. Иванова", "Иванова М. П.", "М. П. Иванова"),
    ("Кузнецова Анна", "Кузнецова А.", "А. Кузнецова"),
    ("Мамедов Эльчин Рашид оглы", "Мамедов Э. Р.", "Э. Р. Мамедов"),
    ("Петрова-Водкина Анна-Мария Ивановна", "Петрова-Водкина А.-М. И.", "А.-М. И. Петрова-Водкина"),
    ("ёлкина юлия семёновна", "ёлкина Ю. С.", "Ю. С. ёлкина"),
    ("  Орлова   Татьяна  Николаевна ", "Орлова Т. Н.", "Т. Н. Орлова"),
    ("Иванова", "Иванова", "Иванова"),
])
def test_initials_follow_the_surname_or_come_before_it(name: str, short: str, first: str) -> None:
    assert initials(name) == short
    assert initials_first(name) == first


# ---------------------------------------------------------------- the corrections to pytrovich


def test_pytrovich_bug_capitals_get_a_lower_case_ending() -> None:
    raw = raw_pytrovich(NamePart.LASTNAME, Gender.FEMALE, Case.GENITIVE, "ИВАНОВА")
    assert raw == "ИВАНОВой"  # pytrovich mixes the typed capitals with a lower-case ending
    assert decline("ИВАНОВА МАРИЯ ПЕТРОВНА", "родительный") == "ИВАНОВОЙ МАРИИ ПЕТРОВНЫ"
    assert decline("иванова мария петровна", "родительный") == "ивановой марии петровны"


def test_pytrovich_bug_female_first_names_in_soft_l_stay_undeclined() -> None:
    raw = raw_pytrovich(NamePart.FIRSTNAME, Gender.FEMALE, Case.GENITIVE, "Айгуль")
    assert raw == "Айгуль"  # the norm declines them like Любовь: Айгули, Айгулью
    assert decline("Гарипова Айгуль Ринатовна", "родительный") == "Гариповой Айгули Ринатовны"
    assert decline("Гарипова Айгуль Ринатовна", "винительный") == "Гарипову Айгуль Ринатовну"
    assert decline("Шайхутдинова Гузель Рашитовна", "творительный") == "Шайхутдиновой Гузелью Рашитовной"


def test_pytrovich_bug_y_after_a_velar_in_the_ending_of_an_adjective_surname() -> None:
    raw = raw_pytrovich(NamePart.LASTNAME, Gender.MALE, Case.INSTRUMENTAL, "Лихой")
    assert raw == "Лихым"  # «ы» never follows г, к, х in Russian spelling
    assert decline("Лихой Андрей Борисович", "творительный") == "Лихим Андреем Борисовичем"
    assert decline("Большой Олег Петрович", "творительный") == "Большим Олегом Петровичем"


def test_declining_many_names_twice_gives_the_same_text_each_time() -> None:
    first = [decline(name, "дательный", gender=g or None) for name, g, _ in ROWS]
    again = [decline(name, "дательный", gender=g or None) for name, g, _ in ROWS]
    assert first == again


# ---------------------------------------------------------------- positions


@pytest.mark.parametrize(("position", "dative"), [
    ("учитель математики", "учителю математики"),
    ("педагог дополнительного образования", "педагогу дополнительного образования"),
    ("педагог-психолог", "педагогу-психологу"),
    ("учитель-логопед", "учителю-логопеду"),
    ("учитель-дефектолог", "учителю-дефектологу"),
    ("старший воспитатель", "старшему воспитателю"),
    ("заместитель директора по УВР", "заместителю директора по УВР"),
    ("музыкальный руководитель", "музыкальному руководителю"),
    ("инструктор по физической культуре", "инструктору по физической культуре"),
    ("социальный педагог", "социальному педагогу"),
    ("методист", "методисту"),
    ("заведующий", "заведующему"),
    ("заведующая", "заведующей"),
    ("воспитатель", "воспитателю"),
    ("директор", "директору"),
    ("советник директора по воспитанию", "советнику директора по воспитанию"),
    ("тьютор", "тьютору"),
    ("педагог-организатор", "педагогу-организатору"),
    ("преподаватель-организатор ОБЗР", "преподавателю-организатору ОБЗР"),
    ("учитель начальных классов", "учителю начальных классов"),
    ("главный бухгалтер", "главному бухгалтеру"),
    ("старшая вожатая", "старшей вожатой"),
    ("заведующий хозяйством", "заведующему хозяйством"),
    ("заведующая детским садом", "заведующей детским садом"),
    ("исполняющий обязанности директора", "исполняющему обязанности директора"),
    ("педагог-библиотекарь", "педагогу-библиотекарю"),
    ("Учитель физики", "Учителю физики"),
    ("УЧИТЕЛЬ-ЛОГОПЕД", "УЧИТЕЛЮ-ЛОГОПЕДУ"),
    ("и. о. директора", "и. о. директора"),
])
def test_a_position_declines_its_first_noun_and_the_adjectives_before_it(position: str, dative: str) -> None:
    assert decline_position(position, "дательный") == dative


@pytest.mark.parametrize(("position", "forms"), [
    ("учитель математики", ["учителя математики", "учителю математики", "учителя математики",
                            "учителем математики", "учителе математики"]),
    ("старший воспитатель", ["старшего воспитателя", "старшему воспитателю", "старшего воспитателя",
                             "старшим воспитателем", "старшем воспитателе"]),
    ("заведующая", ["заведующей", "заведующей", "заведующую", "заведующей", "заведующей"]),
    ("педагог-психолог", ["педагога-психолога", "педагогу-психологу", "педагога-психолога",
                          "педагогом-психологом", "педагоге-психологе"]),
    ("секретарь", ["секретаря", "секретарю", "секретаря", "секретарём", "секретаре"]),
    ("медицинская сестра", ["медицинской сестры", "медицинской сестре", "медицинскую сестру",
                            "медицинской сестрой", "медицинской сестре"]),
])
def test_a_position_takes_every_oblique_case(position: str, forms: list[str]) -> None:
    assert [decline_position(position, case) for case in CASES[1:]] == forms


def test_a_position_in_the_nominative_or_empty_stays_as_typed() -> None:
    assert decline_position("  учитель   физики ", "именительный") == "учитель физики"
    assert decline_position("", "дательный") == ""


# ---------------------------------------------------------------- never a crash


WORDS = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЕЁИКМОПС -", max_size=40)


@given(WORDS, st.sampled_from(CASES), st.sampled_from([None, "male", "female"]))
def test_any_typed_words_are_declined_without_an_error_and_keep_their_count(
        text: str, case: str, gender: str | None) -> None:
    assert len(decline(text, case, gender=gender).split()) == len(text.split())


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЕЁИКМОПС .-()", max_size=40),
       st.sampled_from(CASES))
def test_any_typed_text_gives_a_text_for_every_function(text: str, case: str) -> None:
    for result in (decline(text, case), initials(text), initials_first(text), decline_position(text, case)):
        assert isinstance(result, str)
        assert (result == "") == (text.strip() == "")
