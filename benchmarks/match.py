"""Time matching end to end on a large generated batch beside a peer, in the same run.

Ours: `match_batch` on a `techvp demo --needs 5000 --experts 20000 --no-staff` repository
(TF-IDF scoring, top 5 recommendations both ways, the candidate pairs' scores and matched terms,
the exact assignment with regional quotas: three certified linear programs), then writing the
five files. Loading and validating the records are timed apart (benchmarks/validate.py).
Peer: scipy's `linear_sum_assignment` on a dense needs × experts score matrix of the same shape,
without quotas (the matrix alone is 800 MB).
Each part runs in its own process, so each peak memory (ru_maxrss) is its own.

Run by hand: python benchmarks/match.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from demo_repo import generate

NOW = datetime(2022, 3, 1, tzinfo=UTC)
BATCH = "wuhan-2022"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ours(root: Path) -> dict[str, object]:
    from techvp.build import run
    from techvp.matching.files import write_files
    from techvp.matching.result import match_batch

    start = time.perf_counter()
    result = run(root, NOW)
    loaded = time.perf_counter() - start
    experts = [e.record for e in result.views.experts_by_batch[BATCH]]
    applications = [len(e.applications) for e in experts]
    applied_to = {n for e in experts for n in e.applications}
    rows = result.eligibility(BATCH)
    peak_before = _peak_mb()
    start = time.perf_counter()
    proposal = match_batch(result.views, rows, BATCH)
    matched = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        write_files(proposal, Path(out))
        written = time.perf_counter() - start
    return {
        "needs": len(result.views.needs_by_batch[BATCH]),
        "experts": len(experts),
        "applications_mean": round(statistics.mean(applications), 2),
        "applications_min_max": [min(applications), max(applications)],
        "needs_applied_to": len(applied_to),
        "load_validate_s": round(loaded, 2),
        "match_s": round(matched, 2),
        "write_s": round(written, 2),
        "assigned": len(proposal.assignments),
        "quota": proposal.quota_total,
        "unmatched_by_reason": proposal.unmatched_by_reason(),
        "peak_mb_after_load": round(peak_before),
        "peak_mb": round(_peak_mb()),
    }


def peer(needs: int, experts: int) -> dict[str, object]:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    scores = np.random.default_rng(0).random((needs, experts))
    start = time.perf_counter()
    rows, _ = linear_sum_assignment(scores, maximize=True)
    elapsed = time.perf_counter() - start
    return {"lsa_s": round(elapsed, 4), "pairs": len(rows), "peak_mb": round(_peak_mb())}


def _child(*args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, check=True, text=True
    ).stdout
    return json.loads(out.splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--needs", type=int, default=5_000)
    parser.add_argument("--experts", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="reuse or keep the generated repository here")
    parser.add_argument("--part", choices=["ours", "peer"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part == "ours":
        print(json.dumps(ours(args.keep)))
        return
    if args.part == "peer":
        print(json.dumps(peer(args.needs, args.experts)))
        return
    root = args.keep or Path(tempfile.mkdtemp(prefix="techvp-match-"))
    if not (root / "submissions").exists():
        # 1–9 applications an expert, about 5 on average, as issue 11 asks.
        generate(root, args.needs, args.experts, "--applications", "9", "--no-staff")
    mine = _child("--part", "ours", "--keep", str(root))
    print("ours:", json.dumps(mine, ensure_ascii=False))
    other = _child(
        "--part", "peer", "--needs", str(mine["needs"]), "--experts", str(mine["experts"])
    )
    print("peer:", json.dumps(other))
    # At toy sizes the peer finishes in well under a millisecond: no ratio to speak of.
    floor = max(float(other["lsa_s"]), 1e-4)  # type: ignore[arg-type]
    ratio = float(mine["match_s"]) / floor  # type: ignore[arg-type]
    print(
        f"match {mine['match_s']} s vs linear_sum_assignment {other['lsa_s']} s: "
        f"ratio {ratio:.2f}; peak {mine['peak_mb']} MB vs {other['peak_mb']} MB"
    )


if __name__ == "__main__":
    main()
