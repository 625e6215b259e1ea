"""What «Подобрать пары» returns: suggestions with reasons, mentees left without a mentor, figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class MatchSuggestion:
    mentee: str
    mentor: str
    score: int  # 0–100
    matched: list[str]  # requests the mentor covers, as the dictionary names them
    missing: list[str]  # requests left uncovered
    alternatives: list[str]  # up to two other mentors with a free place who cover a request
    reason: str  # the plain-Russian explanation
    decision: str = ""  # «Утвердить» when the куратор already approved this pair
    group: str | None = None  # «Группа N» when the mentor takes several mentees with a shared request


@dataclass(frozen=True, slots=True)
class Unmatched:
    mentee: str
    reason: str  # Russian
    code: str  # no_consent | in_pair | in_draft | no_requests | no_mentor | rejected | mentors_full


@dataclass(slots=True)
class MatchResult:
    suggestions: list[MatchSuggestion] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """Exactly the `mentorxl match --json` object of WORKBOOK.md."""
        return {
            "suggestions": [
                {"mentee": s.mentee, "mentor": s.mentor, "score": s.score, "matched": list(s.matched),
                 "missing": list(s.missing), "alternatives": list(s.alternatives)}
                for s in self.suggestions
            ],
            "unmatched": [{"mentee": u.mentee, "reason": u.reason} for u in self.unmatched],
        }
