"""The exact assignment: which expert goes to which need.

The candidates are (need, expert) pairs already cleared of every rule (eligibility, conflicts
of interest, applied or recommended: see techvp.matching.result). Among them the assignment
maximizes, in this order (lexicographically):

1. enterprises served: needs that get at least one expert;
2. named-and-agreed pairs honoured (可优先考虑、直接安排);
3. total affinity, in integer units (techvp.matching.affinity.SCALE);

subject to each need ≤ its capacity, each expert ≤ one place, each region ≤ its quota.

It is solved as two integer programs with scipy's `milp` (HiGHS, relative gap 0): the first
weighs a served need above every named pair (served × (named pairs + 1) + named: 1 and 2 at
once), the second maximizes affinity with the first's optimum fixed as a constraint. Every
objective is an integer, so the result is exact. The candidates are given in (need, expert) id
order and HiGHS is deterministic, so equal objectives always come out as the same pairs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp


@dataclass(frozen=True)
class Candidate:
    need: str
    expert: str
    score: int  # affinity in units of 1/SCALE
    named: bool  # the need named this expert and both agreed


@dataclass(frozen=True)
class Problem:
    """What the assignment needs to know, and nothing else (so tests can build it directly)."""

    candidates: Sequence[Candidate]
    capacity: Mapping[str, int]  # need id → places it asks for
    region_of: Mapping[str, str]  # need id → region slug
    quota: Mapping[str, int]  # region slug → places


Objective = tuple[int, int, int]  # (needs served, named pairs, total affinity units)


def objective(chosen: Sequence[Candidate]) -> Objective:
    return (
        len({c.need for c in chosen}),
        sum(1 for c in chosen if c.named),
        sum(c.score for c in chosen),
    )


def feasible(problem: Problem, chosen: Sequence[Candidate]) -> bool:
    """Whether a set of pairs keeps every limit (used by the tests and as a last check)."""
    per_need: dict[str, int] = {}
    per_region: dict[str, int] = {}
    experts = [c.expert for c in chosen]
    for c in chosen:
        per_need[c.need] = per_need.get(c.need, 0) + 1
        region = problem.region_of[c.need]
        per_region[region] = per_region.get(region, 0) + 1
    return (
        len(set(experts)) == len(experts)
        and len({(c.need, c.expert) for c in chosen}) == len(chosen)
        and all(n <= problem.capacity[need] for need, n in per_need.items())
        and all(n <= problem.quota.get(region, 0) for region, n in per_region.items())
    )


def solve(problem: Problem) -> list[Candidate]:
    """The lexicographically best feasible set of candidates, in (need, expert) order."""
    cands = sorted(problem.candidates, key=lambda c: (c.need, c.expert))
    if not cands:
        return []
    needs = sorted({c.need for c in cands})
    experts = sorted({c.expert for c in cands})
    regions = sorted({problem.region_of[n] for n in needs})
    n_pairs, n_needs = len(cands), len(needs)
    need_at = {n: i for i, n in enumerate(needs)}
    expert_at = {e: i for i, e in enumerate(experts)}
    region_at = {r: i for i, r in enumerate(regions)}
    pair_need = np.array([need_at[c.need] for c in cands])
    pair_expert = np.array([expert_at[c.expert] for c in cands])
    pair_region = np.array([region_at[problem.region_of[c.need]] for c in cands])
    pairs = np.arange(n_pairs)
    blocks = [
        _rows(pair_need, pairs, n_needs, n_pairs + n_needs),  # need ≤ capacity
        _rows(pair_expert, pairs, len(experts), n_pairs + n_needs),  # expert ≤ 1
        _rows(pair_region, pairs, len(regions), n_pairs + n_needs),  # region ≤ quota
    ]
    upper = [
        np.array([problem.capacity[n] for n in needs], dtype=float),
        np.ones(len(experts)),
        np.array([problem.quota.get(r, 0) for r in regions], dtype=float),
    ]
    # served_n ≤ Σ x over the need's pairs.
    served = sparse.hstack([-_rows(pair_need, pairs, n_needs, n_pairs), sparse.eye(n_needs)])
    constraints = [
        LinearConstraint(sparse.vstack(blocks).tocsr(), -np.inf, np.concatenate(upper)),
        LinearConstraint(served.tocsr(), -np.inf, np.zeros(n_needs)),
    ]
    # Stage 1 counts served needs × (named pairs + 1) + named pairs: more served always wins,
    # then more named; all small integers, so one solve is exact for both.
    named = np.array([1.0 if c.named else 0.0 for c in cands])
    stages = [
        np.concatenate([named, np.full(n_needs, named.sum() + 1)]),
        np.concatenate([[float(c.score) for c in cands], np.zeros(n_needs)]),
    ]
    x = np.zeros(n_pairs + n_needs)
    for weights in stages:
        x = _maximize(weights, constraints)
        best = float(np.rint(weights @ x))
        constraints.append(LinearConstraint(weights[None, :], best, np.inf))
    chosen = [c for c, v in zip(cands, x[:n_pairs], strict=True) if v > 0.5]
    return chosen


def _rows(
    row_of: NDArray[np.int_], pairs: NDArray[np.int_], n_rows: int, n_cols: int
) -> sparse.csr_matrix:
    """A 0/1 matrix with a 1 at (row_of[p], p) for every pair p."""
    data = np.ones(len(pairs))
    return sparse.csr_matrix((data, (row_of, pairs)), shape=(n_rows, n_cols))


def _maximize(weights: NDArray[np.float64], constraints: list[LinearConstraint]) -> NDArray[Any]:
    result = milp(
        -weights,
        constraints=constraints,
        integrality=np.ones(len(weights)),
        bounds=Bounds(0, 1),
        options={"mip_rel_gap": 0.0, "disp": False},
    )
    if result.x is None:  # cannot happen: choosing nothing is always feasible
        raise RuntimeError(f"assignment solver failed: {result.message}")
    return np.rint(result.x)
