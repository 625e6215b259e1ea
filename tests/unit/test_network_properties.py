"""Whatever the banks hold, the network carries only people who agreed (pure core, random schools)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorxl.core import contract as k
from mentorxl.core.models import Mentee, Mentor, Setting
from mentorxl.core.network import network, offer
from mentorxl.core.program import ProgramData
from mentorxl.core.settings import Settings

TAGS = ("ИКТ", "ОГЭ", "родители", "проекты")
PLACES = ("с. Берёзовка", "г. Заречный")
CONSENT = date(2025, 9, 1)

person = st.tuples(st.lists(st.sampled_from(TAGS), min_size=1, max_size=2, unique=True), st.booleans())
school = st.tuples(st.lists(person, max_size=5), st.lists(person, max_size=3), st.sampled_from(PLACES))


def book(i: int, mentees: list[tuple[list[str], bool]], mentors: list[tuple[list[str], bool]],
         place: str) -> ProgramData:
    data = ProgramData()
    data.settings = Settings.from_rows([Setting(parameter=k.SET_ORG_SHORT, value=f"Школа {i}"),
                                        Setting(parameter=k.SET_PLACE, value=place)])
    data.mentees = [Mentee(name=f"Наставляемая{i}{'Да' if yes else 'Нет'}{n} Анна Ивановна", requests=tags,
                           consent_pd=CONSENT, network_consent="да" if yes else "")
                    for n, (tags, yes) in enumerate(mentees)]
    data.mentors = [Mentor(name=f"Наставница{i}{'Да' if yes else 'Нет'}{n} Ольга Петровна", competences=tags,
                           consent_pd=CONSENT, consent_mentoring=CONSENT, network_consent="да" if yes else "",
                           capacity=1)
                    for n, (tags, yes) in enumerate(mentors)]
    return data


@settings(max_examples=40, deadline=None)
@given(st.lists(school, min_size=1, max_size=4))
def test_only_people_who_agreed_leave_their_school_and_never_to_a_mentor_of_their_own(schools) -> None:
    offers = [offer(book(i, *s)) for i, s in enumerate(schools)]
    net = network(offers)
    named = [s.mentee for s in net.suggestions] + [s.mentor for s in net.suggestions]
    named += [u.mentee for u in net.unmatched] + [m.name for _, m, _, _ in net.bank()]
    named += [a for s in net.suggestions for a in s.alternatives]
    assert all("Да" in name.split()[0] for name in named)
    assert all(s.school != s.mentor_school for s in net.suggestions)
    taken: dict[tuple[int, str], int] = {}
    for s in net.suggestions:
        taken[(s.mentor_school, s.mentor)] = taken.get((s.mentor_school, s.mentor), 0) + 1
    assert all(n <= 1 for n in taken.values())  # capacity 1 each
