"""ProgramData for matching tests, built from plain values (no workbook), and an independent oracle.

`people()` takes short specs; `random_program()` makes a seeded regional-like pool in memory; the
oracle functions recompute eligibility from the raw rows with the plainest code, so that the tests do
not trust the matcher's own rules module.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np

from mentorxl.core import contract as k
from mentorxl.core.models import Mentee, Mentor, Pair, Setting, Suggestion
from mentorxl.core.program import ProgramData
from mentorxl.core.settings import Settings

CONSENT = date(2025, 9, 1)
TAGS = ("ИКТ и цифровые ресурсы", "Работа с родителями", "Методика урока", "Дисциплина на уроке",
        "Проектная деятельность", "Подготовка к ОГЭ и ЕГЭ", "Классное руководство", "Инклюзивное образование")
SUBJECTS = ("математика", "русский язык", "история", "биология", "начальные классы")


def mentee(name: str, requests: str | list[str] = "ИКТ", **more: object) -> Mentee:
    values: dict[str, object] = {"name": name, "requests": requests, "consent_pd": CONSENT,
                                 "status": "Ожидает пары"}
    values.update(more)
    return Mentee.model_validate(values)


def mentor(name: str, competences: str | list[str] = "ИКТ", **more: object) -> Mentor:
    values: dict[str, object] = {"name": name, "competences": competences, "consent_pd": CONSENT,
                                 "consent_mentoring": CONSENT, "status": "Активен"}
    values.update(more)
    return Mentor.model_validate(values)


def pair(number: str, mentor_name: str, mentees: Sequence[str], status: str = "Действует") -> Pair:
    return Pair.model_validate({"number": number, "mentor": mentor_name, "mentees": list(mentees),
                                "status": status})


def suggestion(mentee_name: str, mentor_name: str, decision: str) -> Suggestion:
    return Suggestion.model_validate({"mentee": mentee_name, "mentor": mentor_name, "decision": decision})


def program(mentees: Sequence[Mentee] = (), mentors: Sequence[Mentor] = (), pairs: Sequence[Pair] = (),
            suggestions: Sequence[Suggestion] = (), settings: Mapping[str, object] | None = None) -> ProgramData:
    rows = [Setting(parameter=p, value=str(v)) for p, v in (settings or {}).items()]
    for number, m in enumerate(mentees, start=2):
        m.row = number
    return ProgramData(settings=Settings.from_rows(rows), mentees=list(mentees), mentors=list(mentors),
                       pairs=list(pairs), suggestions=list(suggestions))


def random_program(mentees: int, mentors: int, seed: int, *, capacity: int = 2) -> ProgramData:
    """A seeded pool with skewed request popularity, subjects, experience and categories."""
    rng = random.Random(seed)
    tags = [f"Тема {i}" for i in range(24)]
    weights = [1 / (r + 1) ** 0.8 for r in range(len(tags))]

    def pick(low: int, high: int) -> list[str]:
        chosen: set[str] = set()
        count = rng.randint(low, high)
        while len(chosen) < count:
            chosen.add(rng.choices(tags, weights)[0])
        return sorted(chosen)

    categories = ("высшая", "первая", "соответствие занимаемой должности", "")
    return program(
        [mentee(f"Наставляемая {i}", pick(1, 4), subject=rng.choice(SUBJECTS), experience=rng.randint(0, 5))
         for i in range(mentees)],
        [mentor(f"Наставник {j}", pick(2, 6), subject=rng.choice(SUBJECTS), experience=rng.randint(3, 30),
                category=rng.choice(categories), trained_on=CONSENT if rng.random() < 0.6 else None)
         for j in range(mentors)],
        settings={k.SET_CAPACITY: capacity},
    )


# --- the oracle: eligibility from the raw rows, written independently of mentorxl.core.matching.rules


def _norm(name: str) -> str:
    return " ".join(name.split()).replace("ё", "е").replace("Ё", "Е").casefold()


def oracle_pool(data: ProgramData) -> tuple[list[Mentee], list[Mentor], list[int], set[tuple[str, str]]]:
    """Eligible mentees and mentors, each mentor's remaining capacity, rejected (mentee, mentor) names."""
    in_force = [p for p in data.pairs if p.status in ("Утверждена", "Действует")]
    paired = {_norm(n) for p in in_force for n in p.mentees}
    load: dict[str, int] = {}
    for p in in_force:
        load[_norm(p.mentor)] = load.get(_norm(p.mentor), 0) + len(p.mentees)
    mentees = [m for m in data.mentees if m.consent_pd and m.status in ("", "Ожидает пары")
               and _norm(m.name) not in paired]
    mentors = [m for m in data.mentors if m.consent_pd and m.consent_mentoring and m.status in ("", "Активен")]
    default = data.settings.capacity
    capacity = [max(0, (m.capacity if m.capacity is not None else default) - load.get(_norm(m.name), 0))
                for m in mentors]
    rejected = {(_norm(s.mentee), _norm(s.mentor)) for s in data.suggestions if s.decision == "Отклонить"}
    return mentees, mentors, capacity, rejected


def oracle_edges(data: ProgramData, fixed: set[str]) -> tuple[list[Mentee], list[Mentor], list[int],
                                                               list[tuple[int, int]]]:
    """The eligibility graph without the fixed mentees: pairs covering a request, allowed by every rule."""
    mentees, mentors, capacity, rejected = oracle_pool(data)
    mentees = [m for m in mentees if _norm(m.name) not in fixed]
    tags = data.tags
    edges = []
    for i, a in enumerate(mentees):
        wanted = set(tags.normalize_all(a.requests))
        for j, b in enumerate(mentors):
            if _norm(a.name) == _norm(b.name) or (_norm(a.name), _norm(b.name)) in rejected:
                continue
            if wanted & set(tags.normalize_all(b.competences)):
                edges.append((i, j))
    return mentees, mentors, capacity, edges


def maximum_count(n: int, capacity: Sequence[int], edges: Sequence[tuple[int, int]]) -> int:
    """The largest number of mentees with a mentor: scipy's maximum bipartite matching over mentor slots."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_bipartite_matching

    offset = np.r_[0, np.cumsum(capacity)].astype(int)
    rows, cols = [], []
    for i, j in edges:
        for s in range(capacity[j]):
            rows.append(i)
            cols.append(offset[j] + s)
    if not rows or not n or not offset[-1]:
        return 0
    graph = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, int(offset[-1])))
    matched = maximum_bipartite_matching(graph, perm_type="column")
    return int((matched >= 0).sum())


def augmenting_path_exists(n: int, capacity: Sequence[int], edges: Sequence[tuple[int, int]],
                           assignment: Mapping[int, int]) -> bool:
    """A plain BFS: could an unassigned mentee get a mentor by re-shuffling the assigned ones?"""
    neighbours: dict[int, list[int]] = {}
    for i, j in edges:
        neighbours.setdefault(i, []).append(j)
    members: dict[int, list[int]] = {}
    for i, j in assignment.items():
        members.setdefault(j, []).append(i)
    for root in range(n):
        if root in assignment:
            continue
        seen_mentors: set[int] = set()
        queue, seen = [root], {root}
        while queue:
            i = queue.pop()
            for j in neighbours.get(i, ()):
                if j in seen_mentors:
                    continue
                seen_mentors.add(j)
                if len(members.get(j, ())) < capacity[j]:
                    return True
                for other in members.get(j, ()):
                    if other not in seen:
                        seen.add(other)
                        queue.append(other)
    return False
