"""The short Chinese summary `techvp match` prints: places per region, named pairs honoured,
unmatched needs by reason."""

from __future__ import annotations

from techvp.matching.records import MatchResult
from techvp.messages import matching as text


def summary(result: MatchResult) -> str:
    lines = [
        text.SUMMARY_HEAD.format(
            batch=result.batch,
            quota=result.quota_total,
            assigned=len(result.assignments),
            served=result.served,
        )
    ]
    lines += [
        text.SUMMARY_REGION.format(
            name=r.name, region=r.region, needs=r.needs, quota=r.quota, assigned=r.assigned
        )
        for r in result.quota
    ]
    lines.append(
        text.SUMMARY_NAMED.format(honoured=result.named_honoured, total=result.named_total)
    )
    lines.append(text.SUMMARY_UNMATCHED.format(count=len(result.unmatched)))
    lines += [
        text.SUMMARY_REASON.format(reason=text.REASONS[code], count=count)
        for code, count in result.unmatched_by_reason().items()
    ]
    return "\n".join(lines)
