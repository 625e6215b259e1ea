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

from mentorxl.core.matching.engine import greedy_baseline, match
from mentorxl.core.matching.result import MatchResult, MatchSuggestion, Unmatched

__all__ = ["MatchResult", "MatchSuggestion", "Unmatched", "greedy_baseline", "match"]
