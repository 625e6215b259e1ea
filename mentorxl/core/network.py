"""The municipal bank of mentors and network pairs across schools (issue 14; pure).

What leaves a school's book is decided here, in `offer`, and it is only people who agreed
(«Согласие на сетевое наставничество»: a date or «да»):
- mentors who agreed, are ready for the matcher (both consents, status «Активен» or empty) and still have a
  free place after their pairs in force and the school's own suggestions;
- mentees who agreed, wait for a pair (with consent to personal data, in no pair in force) and whom the
  school's own optimal matching leaves without a mentor: no mentor of the school covers a request, or all
  who do are full.
Their requests and competences travel as the school's dictionary names them, so two schools' synonyms meet.

`network` matches them with the matcher of «Подобрать пары» (same rules, score, optimum and explanations) in
two rounds: first within each settlement («Населённый пункт»), then the mentees still without a mentor over
the whole bank with the places left — a mentor nearby is preferred to a better score farther away. A mentor is
never suggested to a mentee of the same school (they did not match at home). Each suggestion names the
mentor's organisation and settlement.

A folder often holds one organisation's books of two years (the archive and the book `new-year` made) or two
copies: `one_per_organisation` keeps its book of the latest «Учебный год», the one saved last among them, so
nobody is offered twice and no archive's waiting mentee is matched again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mentorxl.core import contract as k
from mentorxl.core.indicators import agreed
from mentorxl.core.matching import MatchResult, match
from mentorxl.core.matching.rules import is_waiting, mentor_unready, prepare
from mentorxl.core.models import Mentee, Mentor, Suggestion
from mentorxl.core.program import ProgramData
from mentorxl.core.text import person_key

LOCAL_UNMATCHED = frozenset({"no_mentor", "mentors_full"})


@dataclass(frozen=True, slots=True)
class Organisation:
    organisation: str  # the short name (else the full one)
    full_name: str
    inn: str
    place: str
    file: str = ""
    year: int = 0  # the first year of «Учебный год»; 0 when it is not written
    modified: str = ""  # when the book was saved, as it says itself (ISO); "" unknown


@dataclass(frozen=True, slots=True)
class Offer:
    """What one school gives the network: only people who agreed (see the module docstring)."""

    school: Organisation
    mentors: tuple[tuple[Mentor, int], ...] = ()  # (mentor, free places)
    mentees: tuple[Mentee, ...] = ()


@dataclass(frozen=True, slots=True)
class NetworkSuggestion:
    school: int  # the index of the mentee's school in the offers
    mentee: str
    mentor: str
    mentor_school: int
    score: int
    matched: list[str]
    missing: list[str]
    alternatives: list[str]
    reason: str
    same_place: bool


@dataclass(frozen=True, slots=True)
class NetworkUnmatched:
    school: int
    mentee: str
    reason: str


@dataclass(slots=True)
class Network:
    offers: list[Offer]
    suggestions: list[NetworkSuggestion] = field(default_factory=list)
    unmatched: list[NetworkUnmatched] = field(default_factory=list)
    stats: dict[str, object] = field(default_factory=dict)

    def bank(self) -> list[tuple[int, Mentor, int, int]]:
        """The municipal bank of mentors: (school, mentor, free places before, places taken by the network)."""
        taken: dict[tuple[int, str], int] = {}
        for s in self.suggestions:
            taken[(s.mentor_school, person_key(s.mentor))] = taken.get((s.mentor_school, person_key(s.mentor)), 0) + 1
        return [(i, m, free, taken.get((i, person_key(m.name)), 0))
                for i, offer in enumerate(self.offers) for m, free in offer.mentors]

    def of_school(self, school: int) -> tuple[list[NetworkSuggestion], list[NetworkUnmatched]]:
        return ([s for s in self.suggestions if s.school == school],
                [u for u in self.unmatched if u.school == school])


def organisation(data: ProgramData, file: str = "") -> Organisation:
    s = data.settings
    year = re.search(r"(?:19|20)\d\d", s.get(k.SET_YEAR))
    return Organisation(s.get(k.SET_ORG_SHORT) or s.get(k.SET_ORG_FULL) or file, s.get(k.SET_ORG_FULL),
                        s.get(k.SET_ORG_INN).strip(), s.get(k.SET_PLACE).strip(), file,
                        year=int(year[0]) if year else 0)


def _who(o: Organisation) -> str:
    digits = "".join(ch for ch in o.inn if ch.isdigit())
    if len(digits) in (10, 12):
        return "инн " + digits
    return "имя " + " ".join(f"{o.full_name} | {o.organisation}".casefold().replace("ё", "е").split())


def one_per_organisation(offers: Sequence[Offer]) -> tuple[list[Offer], list[tuple[Offer, Offer]]]:
    """The offers of the books to use, in their order, and (left out, used instead) for the others (see the
    module docstring): the latest school year, then the latest save."""
    best: dict[str, Offer] = {}
    for o in offers:
        key = _who(o.school)
        if key not in best or (o.school.year, o.school.modified) >= (best[key].school.year, best[key].school.modified):
            best[key] = o
    kept = {id(o) for o in best.values()}
    return [o for o in offers if id(o) in kept], [(o, best[_who(o.school)]) for o in offers if id(o) not in kept]


def _canonical(tags: Sequence[str], data: ProgramData) -> list[str]:
    return [data.tags.canonical(t) or t for t in tags]


def offer(data: ProgramData, file: str = "", local: MatchResult | None = None) -> Offer:
    """What of this book goes to the network (see the module docstring). `local`: the school's own
    matching, when already computed."""
    if not any(agreed(p.network_consent) for p in [*data.mentees, *data.mentors]):
        return Offer(organisation(data, file))  # nobody agreed: nothing leaves, no matching needed
    local = local if local is not None else match(data)
    pool = prepare(data)
    taken: dict[str, int] = {}
    for s in local.suggestions:
        taken[person_key(s.mentor)] = taken.get(person_key(s.mentor), 0) + 1
    mentors: list[tuple[Mentor, int]] = []
    for j, mentor in enumerate(pool.mentors):
        if not agreed(mentor.network_consent) or mentor_unready(mentor):
            continue
        free = pool.capacity[j] - taken.get(person_key(mentor.name), 0)
        if free > 0:
            mentors.append((mentor.model_copy(update={
                "competences": _canonical(mentor.competences, data), "preferred": [], "comment": "",
                "capacity": free, "status": "", "extra": {}}), free))
    alone = {person_key(u.mentee) for u in local.unmatched if u.code in LOCAL_UNMATCHED}
    mentees = tuple(
        m.model_copy(update={"requests": _canonical(m.requests, data), "preferred": [], "comment": "",
                             "status": "", "extra": {}})
        for m in data.mentees
        if agreed(m.network_consent) and is_waiting(m) and m.consent_pd is not None and person_key(m.name) in alone
    )
    return Offer(organisation(data, file), tuple(mentors), mentees)


def _tagged(name: str, school: int) -> str:
    return f"{name} ({school + 1})"  # one pool of many schools: the same ФИО in two schools stays two people


def _round(offers: Sequence[Offer], mentees: list[tuple[int, Mentee]], free: dict[tuple[int, str], int],
           same_place: bool) -> tuple[list[NetworkSuggestion], list[tuple[int, Mentee]], MatchResult | None]:
    """One matching over these mentees and the mentors with free places; the mentees it leaves."""
    mentors = [(i, m) for i, o in enumerate(offers) for m, _ in o.mentors if free[(i, person_key(m.name))] > 0]
    if not mentees or not mentors:
        return [], mentees, None
    data = ProgramData()
    data.mentees = [m.model_copy(update={"name": _tagged(m.name, i)}) for i, m in mentees]
    data.mentors = [m.model_copy(update={"name": _tagged(m.name, i), "capacity": free[(i, person_key(m.name))]})
                    for i, m in mentors]
    real = {person_key(_tagged(m.name, i)): (i, m.name) for i, m in [*mentees, *mentors]}
    # a mentor is never offered to a mentee of the own school: they did not match at home
    data.suggestions = [Suggestion(mentee=_tagged(e.name, a), mentor=_tagged(m.name, b), decision="Отклонить")
                        for a, e in mentees for b, m in mentors if a == b]
    result = match(data)
    found: list[NetworkSuggestion] = []
    done: set[str] = set()
    for s in result.suggestions:
        (school, mentee), (mentor_school, mentor) = real[person_key(s.mentee)], real[person_key(s.mentor)]
        free[(mentor_school, person_key(mentor))] -= 1
        done.add(person_key(s.mentee))
        where = offers[mentor_school].school
        reason = s.reason.split(" Группа вместе с:")[0]  # other schools' mentees are not named
        lead = (f"Наставник из {where.organisation}" + (f", {where.place}" if where.place else "")
                + (" (тот же населённый пункт)." if same_place else
                   ": в своём населённом пункте свободного наставника с такими компетенциями нет."))
        found.append(NetworkSuggestion(
            school=school, mentee=mentee, mentor=mentor, mentor_school=mentor_school, score=s.score,
            matched=list(s.matched), missing=list(s.missing),
            alternatives=[f"{real[person_key(a)][1]} ({offers[real[person_key(a)][0]].school.organisation})"
                          for a in s.alternatives if person_key(a) in real],
            reason=f"{lead} {reason}", same_place=same_place))
    left = [(i, m) for i, m in mentees if person_key(_tagged(m.name, i)) not in done]
    return found, left, result


def _place(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


def network(offers: Sequence[Offer]) -> Network:
    """Network suggestions for the mentees the offers hold (see the module docstring)."""
    result = Network(list(offers))
    free = {(i, person_key(m.name)): n for i, o in enumerate(offers) for m, n in o.mentors}
    waiting = [(i, m) for i, o in enumerate(offers) for m in o.mentees]
    places = {_place(o.school.place) for o in offers if o.school.place}
    left: list[tuple[int, Mentee]] = []
    for place in sorted(places):
        here = {i for i, o in enumerate(offers) if _place(o.school.place) == place}
        near = [(i, m) for i, m in waiting if i in here]
        own_free = {key: (n if key[0] in here else 0) for key, n in free.items()}
        found, rest, _ = _round(offers, near, own_free, same_place=True)
        for key, n in own_free.items():
            if key[0] in here:
                free[key] = n
        result.suggestions += found
        left += rest
    left += [(i, m) for i, m in waiting if not _place(offers[i].school.place)]
    found, rest, last = _round(offers, left, free, same_place=False)
    result.suggestions += found
    reasons = {}
    if last is not None:
        reasons = {u.mentee: u.reason for u in last.unmatched}
    for i, m in rest:
        why = reasons.get(_tagged(m.name, i), "")
        result.unmatched.append(NetworkUnmatched(
            i, m.name, "В муниципальном банке нет свободного наставника с такими компетенциями."
            if not why else "В муниципальном банке наставников: " + _lower_first(_untag(why, offers))))
    result.suggestions.sort(key=lambda s: (s.school, s.mentee))
    result.stats = {"schools": len(offers), "mentors": len(free), "mentees": len(waiting),
                    "suggested": len(result.suggestions), "unmatched": len(result.unmatched),
                    "same_place": sum(1 for s in result.suggestions if s.same_place)}
    return result


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _untag(text: str, offers: Sequence[Offer]) -> str:
    """A reason of the matcher names mentors of other schools with their tag «(N)»: say the school instead."""
    for i, o in enumerate(offers):
        text = text.replace(f" ({i + 1})", f" ({o.school.organisation})")
    return text


def as_rows(found: Sequence[NetworkSuggestion], unmatched: Sequence[NetworkUnmatched],
            offers: Sequence[Offer]) -> list[dict[str, object]]:
    """The rows of a school's suggestions sheet, by the column keys of «Подбор»."""
    rows: list[dict[str, object]] = [
        {"mentee": s.mentee, "mentor": s.mentor, "score": s.score, "matched": s.matched, "missing": s.missing,
         "alternatives": s.alternatives, "reason": s.reason, "decision": "",
         "mentor_org": offers[s.mentor_school].school.organisation}
        for s in found
    ]
    rows += [{"mentee": u.mentee, "mentor": "", "reason": u.reason, "mentor_org": ""} for u in unmatched]
    return rows

