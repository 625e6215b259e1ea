"""«Подобрать пары»: mentors for mentees by request tags, optimal and explained (pure core).

    result = match(data)            # data: ProgramData
    result.suggestions              # [MatchSuggestion(mentee, mentor, score, matched, missing, alternatives, ...)]
    result.unmatched                # [Unmatched(mentee, reason, code)]
    result.as_json()                # the `mentorxl match --json` object of WORKBOOK.md

Modules: rules (hard rules and the pool), score (0–100 with the weights of «Настройки»), candidates
(exact or sparse candidate graph), assign (the lexicographic optimum: count, then score), pricing (column
generation by the mentors' prices; the proof behind `--exact`), augment
(augmenting paths: the count is the largest possible), explain (Russian reasons), engine (the run).
"""

from typing import TYPE_CHECKING, Any

from mentorxl.core.matching.result import MatchResult, MatchSuggestion, Unmatched

if TYPE_CHECKING:
    from mentorxl.core.matching.engine import greedy_baseline, match

__all__ = ["MatchResult", "MatchSuggestion", "Unmatched", "greedy_baseline", "match"]


def __getattr__(name: str) -> Any:
    """`match` and `greedy_baseline` load the engine (and numpy) when first asked for: the result's rows alone
    («Утвердить пары» reads «Подбор» through core/suggestions.py) import no numpy."""
    if name in ("match", "greedy_baseline"):
        from mentorxl.core.matching import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
