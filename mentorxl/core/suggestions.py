"""What «Подобрать пары» writes on «Подбор»: the new suggestions merged with what the куратор typed there.

A run never loses a decision. The rule (one for every book: the file, live Excel, Calc, the fake):
- a previous row the куратор touched — a decision «Утвердить»/«Отклонить» (any case or spelling), any other
  text typed in «Решение», or anything in the user's own columns beside it — stays, in its order, with what was
  typed; its score, tags and explanation are refreshed when the new run suggests the same pair again;
- a rejected pair is never suggested again (the matcher reads the rejection from the kept row), so it comes
  back neither in this run nor in any later one;
- previous rows nobody touched are replaced by the new suggestions, then the mentees left without a mentor.
"""

from __future__ import annotations

from collections.abc import Sequence

from mentorxl.core.matching.result import MatchResult, MatchSuggestion
from mentorxl.core.models import Suggestion
from mentorxl.core.statuses import Decision
from mentorxl.core.text import person_key

Key = tuple[str, str]


def touched(row: Suggestion) -> bool:
    """The куратор typed something on this row: a decision, another word in «Решение», or a note beside it."""
    return bool((row.mentee or row.mentor) and (row.choice is not Decision.NONE or row.extra))


def _decision(row: Suggestion) -> str:
    return row.choice.value if row.decided else row.decision  # «утвердить» is written as the list spells it


def _fresh(s: MatchSuggestion) -> dict[str, object]:
    return {"mentee": s.mentee, "mentor": s.mentor, "score": s.score, "matched": s.matched, "missing": s.missing,
            "alternatives": s.alternatives, "reason": s.reason, "decision": s.decision}


def _kept(row: Suggestion) -> dict[str, object]:
    return {"mentee": row.mentee, "mentor": row.mentor, "score": row.score, "matched": row.matched,
            "missing": row.missing, "alternatives": row.alternatives, "reason": row.reason}


def suggestion_rows(previous: Sequence[Suggestion], result: MatchResult) -> list[dict[str, object]]:
    """Rows for «Подбор» by column key, the user's own columns by their header (None where a row has nothing,
    so a writer clears the cell a moved row left)."""
    fresh: dict[Key, dict[str, object]] = {
        (person_key(s.mentee), person_key(s.mentor)): _fresh(s) for s in result.suggestions}
    fresh.update({(person_key(u.mentee), ""): {"mentee": u.mentee, "mentor": "", "reason": u.reason}
                  for u in result.unmatched if (person_key(u.mentee), "") not in fresh})
    own = list(dict.fromkeys(h for row in previous if touched(row) for h in row.extra))
    rows: list[dict[str, object]] = []
    written: set[Key] = set()
    for row in previous:
        if not touched(row) or row.key in written:
            continue
        written.add(row.key)
        line = dict(fresh.get(row.key) or _kept(row))
        line["decision"] = _decision(row)
        line.update({h: row.extra.get(h) for h in own})
        rows.append(line)
    for key, line in fresh.items():
        if key not in written:
            rows.append({**line, **dict.fromkeys(own)})
    return rows
