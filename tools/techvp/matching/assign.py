"""The exact assignment: which expert goes to which need.

The candidates are (need, expert) pairs already cleared of every rule (eligibility, conflicts
of interest, applied or recommended: see techvp.matching.result). Among them the assignment
maximizes, in this order (lexicographically):

1. enterprises served: needs that get at least one expert;
2. named-and-agreed pairs honoured (可优先考虑、直接安排);
3. total affinity, in integer units (techvp.matching.affinity.SCALE);

subject to each need ≤ its capacity, each expert ≤ one place, each region ≤ its quota.

The limits form a flow network (region → need → expert; a need's first place is its own arc,
so "served" is a flow too), so the constraint matrix is totally unimodular and every vertex of
the linear relaxation is integral: two linear programs solve it exactly (scipy's `linprog`,
HiGHS dual simplex), no branch and bound. The first maximizes served × (named pairs + 1) +
named (1 and 2 at once: more served always wins, then more named). Its dual, rounded to the
integers it must be, is checked exactly in integer arithmetic (feasible and complementary to
the rounded primal); by complementary slackness the first program's optima are then exactly
the feasible points that keep every variable with a nonzero reduced cost at its bound and every
row with a nonzero dual tight. The second maximizes affinity over that face (same matrix, so
again integral) and is certified the same way. Should a certificate ever fail, the two-stage
integer program (`milp`) that preceded this one answers instead.

Ties (equal objectives) break by an explicit rule, as a third program over the second's face:
the largest sum of the chosen pairs' `tie_key`, an integer from 1 to 2**20 hashed from the two
ids. It prefers no id range (an order-based key would favour low ids) and depends neither on
the order records come in nor on the solver; two optimal sets with equal key sums are
improbable, and even then the programs, built from candidates, needs, experts and regions in id
order, give the same vertex (HiGHS is deterministic). tests/matching/test_assign.py checks the
rule against brute force and permutes the input.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, OptimizeResult, linprog, milp

Vector = NDArray[np.float64]
TIE_RANGE = 2**20  # tie keys are 1..TIE_RANGE: sums stay exact integers in floating point


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


def tie_key(candidate: Candidate) -> int:
    """A pair's fixed weight among equal objectives: 1 to 2**20 from a hash of the two ids."""
    digest = hashlib.blake2b(f"{candidate.need}\n{candidate.expert}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big") % TIE_RANGE + 1


def solve(problem: Problem) -> list[Candidate]:
    """The lexicographically best feasible set of candidates, in (need, expert) order."""
    cands = sorted(problem.candidates, key=lambda c: (c.need, c.expert))
    if not cands:
        return []
    net = _Network.of(problem, cands)
    x = net.solve_lp()
    if x is None:
        x = net.solve_milp()
    return [c for c, v in zip(cands, x[: len(cands)], strict=True) if v > 0.5]


@dataclass
class _Network:
    """The program: columns are the pairs x, then per need its first place y and further
    places z; rows are, per need, Σx − y − z = 0 (A_eq), then per expert Σx ≤ 1 and per
    region Σ(y + z) ≤ quota (A_ub)."""

    a_eq: sparse.csr_matrix
    a_ub: sparse.csr_matrix
    b_ub: Vector
    lower: Vector
    upper: Vector
    stages: list[Vector]  # objectives to maximize, in order

    @classmethod
    def of(cls, problem: Problem, cands: list[Candidate]) -> _Network:
        needs = sorted({c.need for c in cands})
        experts = sorted({c.expert for c in cands})
        regions = sorted({problem.region_of[n] for n in needs})
        n_pairs, n_needs = len(cands), len(needs)
        need_at = {n: i for i, n in enumerate(needs)}
        expert_at = {e: i for i, e in enumerate(experts)}
        region_at = {r: i for i, r in enumerate(regions)}
        pair_need = np.array([need_at[c.need] for c in cands])
        pair_expert = np.array([expert_at[c.expert] for c in cands])
        need_region = np.array([region_at[problem.region_of[n]] for n in needs])
        width = n_pairs + 2 * n_needs
        place = np.arange(n_pairs, width)  # the y columns, then the z columns
        a_eq = _ones(pair_need, np.arange(n_pairs), n_needs, width)
        a_eq -= _ones(np.tile(np.arange(n_needs), 2), place, n_needs, width)
        a_ub = sparse.vstack(
            [
                _ones(pair_expert, np.arange(n_pairs), len(experts), width),
                _ones(np.tile(need_region, 2), place, len(regions), width),
            ]
        ).tocsr()
        capacity = np.array([problem.capacity[n] for n in needs], dtype=float)
        quota = np.array([problem.quota.get(r, 0) for r in regions], dtype=float)
        upper = np.concatenate(
            [np.ones(n_pairs), np.minimum(capacity, 1), np.maximum(capacity - 1, 0)]
        )
        named = np.array([1.0 if c.named else 0.0 for c in cands])
        served = np.zeros(width)
        served[:n_pairs] = named
        served[n_pairs : n_pairs + n_needs] = named.sum() + 1
        affinity = np.zeros(width)
        affinity[:n_pairs] = [float(c.score) for c in cands]
        ties = np.zeros(width)
        ties[:n_pairs] = [float(tie_key(c)) for c in cands]
        b_ub = np.concatenate([np.ones(len(experts)), quota])
        stages = [served, affinity, ties]
        return cls(a_eq.tocsr(), a_ub, b_ub, np.zeros(width), upper, stages)

    def solve_lp(self) -> Vector | None:
        """Each stage's optimum over the previous stage's optimal face; None when a
        certificate fails."""
        lower, upper, tight = self.lower, self.upper, np.zeros(len(self.b_ub), dtype=bool)
        x = lower
        for weights in self.stages:
            a_eq = sparse.vstack([self.a_eq, self.a_ub[tight]]).tocsr()
            b_eq = np.concatenate([np.zeros(self.a_eq.shape[0]), self.b_ub[tight]])
            result = linprog(
                -weights,
                A_ub=self.a_ub,
                b_ub=self.b_ub,
                A_eq=a_eq,
                b_eq=b_eq,
                bounds=np.column_stack([lower, upper]),
                method="highs-ds",
            )
            if result.status != 0:
                return None
            face = self._face(weights, result, a_eq, b_eq, lower, upper)
            if face is None:
                return None
            x, lower, upper, more = face
            tight = tight | more
        return x

    def _face(
        self,
        weights: Vector,
        result: OptimizeResult,
        a_eq: sparse.csr_matrix,
        b_eq: Vector,
        lower: Vector,
        upper: Vector,
    ) -> tuple[Vector, Vector, Vector, NDArray[np.bool_]] | None:
        """The rounded optimum and the face of all optima, when the rounded primal and dual
        pass an exact check (every value is a small integer, exact in floating point)."""
        x = np.rint(result.x)
        dual_ub = np.rint(result.ineqlin.marginals)  # ≤ 0: minimizing -weights
        dual_eq = np.rint(result.eqlin.marginals)
        reduced = -weights - self.a_ub.T @ dual_ub - a_eq.T @ dual_eq
        slack = self.b_ub - self.a_ub @ x
        certified = (
            np.array_equal(a_eq @ x, b_eq)
            and bool(np.all(slack >= 0) and np.all((lower <= x) & (x <= upper)))
            and bool(np.all(dual_ub <= 0) and np.all(slack[dual_ub < 0] == 0))
            and bool(np.all(x[reduced > 0] == lower[reduced > 0]))
            and bool(np.all(x[reduced < 0] == upper[reduced < 0]))
        )
        if not certified:
            return None
        lower = np.where(reduced < 0, upper, lower)
        upper = np.where(reduced > 0, lower, upper)
        return x, lower, upper, dual_ub < 0

    def solve_milp(self) -> Vector:
        """The same stages as integer programs, each optimum kept as a constraint."""
        constraints = [
            LinearConstraint(self.a_eq, 0, 0),
            LinearConstraint(self.a_ub, -np.inf, self.b_ub),
        ]
        x = self.lower
        for weights in self.stages:
            x = _maximize(weights, constraints, self.upper)
            best = float(np.rint(weights @ x))
            constraints.append(LinearConstraint(weights[None, :], best, np.inf))
        return x


def _ones(
    row_of: NDArray[np.int_], cols: NDArray[np.int_], n_rows: int, n_cols: int
) -> sparse.csr_matrix:
    """A 0/1 matrix with a 1 at (row_of[k], cols[k]) for every k."""
    data = np.ones(len(cols))
    return sparse.csr_matrix((data, (row_of, cols)), shape=(n_rows, n_cols))


def _maximize(weights: Vector, constraints: list[LinearConstraint], upper: Vector) -> NDArray[Any]:
    result = milp(
        -weights,
        constraints=constraints,
        integrality=np.ones(len(weights)),
        bounds=Bounds(0, upper),
        options={"mip_rel_gap": 0.0, "disp": False},
    )
    if result.x is None:  # cannot happen: choosing nothing is always feasible
        raise RuntimeError(f"assignment solver failed: {result.message}")
    return np.rint(result.x)
