"""What a matching produces, as typed objects the CSV files, `match.json`, the Excel forms and
the site all read: `MatchResult` and its rows. `MatchResult.to_json()` is the one JSON form."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from techvp.matching.affinity import Components
from techvp.matching.quota import QuotaRow

Direction = Literal["for_need", "for_expert"]
TERM_SEP = "、"


def score_text(score: float) -> str:
    """A score as the files show it: four decimals."""
    return f"{score:.4f}"


@dataclass(frozen=True)
class Assignment:
    """One proposed pair, with its affinity, the components behind it and the matched terms."""

    need_id: str
    expert_id: str
    score: float
    text: float  # text similarity, [0, 1]
    field: float  # research-field similarity, [0, 1]
    applied: bool  # the expert applied to this need
    named: bool  # the need named this expert and both agreed
    matched_terms: tuple[str, ...]

    @classmethod
    def of(cls, need: str, expert: str, c: Components, terms: tuple[str, ...]) -> Assignment:
        return cls(need, expert, c.score, c.text, c.field, c.applied, c.named, terms)


@dataclass(frozen=True)
class Unmatched:
    """A need that got no expert; `reason` is a code of REASONS, `reason_text` its Chinese."""

    need_id: str
    reason: str
    reason_text: str


@dataclass(frozen=True)
class Recommendation:
    """An expert pushed to a need (`for_need`) or a need pushed to an expert (`for_expert`)."""

    direction: Direction
    need_id: str
    expert_id: str
    rank: int  # from 1, within the need (for_need) or the expert (for_expert)
    score: float
    matched_terms: tuple[str, ...]


@dataclass(frozen=True)
class MatchResult:
    """One batch's proposal: quota per region, the pairs, the needs left out, the pushes.

    Provisional until staff write the appointment records. Rows are in id order (quota rows in
    the batch's region order; recommendations by direction, then need or expert, then rank)."""

    batch: str
    quota_total: int
    quota: tuple[QuotaRow, ...]
    assignments: tuple[Assignment, ...]
    unmatched: tuple[Unmatched, ...]
    recommendations: tuple[Recommendation, ...]
    named_total: int  # named-and-agreed pairs in the batch (placed or not)

    @property
    def named_honoured(self) -> int:
        return sum(1 for a in self.assignments if a.named)

    @property
    def served(self) -> int:
        return len({a.need_id for a in self.assignments})

    def unmatched_by_reason(self) -> dict[str, int]:
        return dict(sorted(Counter(u.reason for u in self.unmatched).items()))

    def to_json(self) -> dict[str, Any]:
        """Plain data (str, int, bool, lists, dicts) for json.dumps(..., sort_keys=True)."""
        return {
            "batch": self.batch,
            "quota_total": self.quota_total,
            "summary": {
                "assigned": len(self.assignments),
                "served": self.served,
                "named_honoured": self.named_honoured,
                "named_total": self.named_total,
                "unmatched_by_reason": self.unmatched_by_reason(),
            },
            "quota": [
                {
                    "region": r.region,
                    "name": r.name,
                    "needs": r.needs,
                    "share": r.share_text(),
                    "quota": r.quota,
                    "assigned": r.assigned,
                }
                for r in self.quota
            ],
            "assignments": [
                {
                    "need_id": a.need_id,
                    "expert_id": a.expert_id,
                    "score": score_text(a.score),
                    "text": score_text(a.text),
                    "field": score_text(a.field),
                    "applied": a.applied,
                    "named": a.named,
                    "matched_terms": list(a.matched_terms),
                }
                for a in self.assignments
            ],
            "unmatched": [
                {"need_id": u.need_id, "reason": u.reason, "reason_text": u.reason_text}
                for u in self.unmatched
            ],
            "recommendations": [
                {
                    "direction": r.direction,
                    "need_id": r.need_id,
                    "expert_id": r.expert_id,
                    "rank": r.rank,
                    "score": score_text(r.score),
                    "matched_terms": list(r.matched_terms),
                }
                for r in self.recommendations
            ],
        }
