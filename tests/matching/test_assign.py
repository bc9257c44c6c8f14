"""The assignment against independent oracles: brute force on small instances, and scipy's
linear_sum_assignment where the lexicographic objective reduces to total affinity."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from techvp.matching.assign import (
    Candidate,
    Objective,
    Problem,
    _Network,
    feasible,
    objective,
    solve,
    tie_key,
)


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    n_needs = draw(st.integers(1, 7))
    n_experts = draw(st.integers(1, 7))
    n_regions = draw(st.integers(1, 3))
    needs = [f"n{i}" for i in range(n_needs)]
    region_of = {n: f"r{draw(st.integers(0, n_regions - 1))}" for n in needs}
    quota = {f"r{r}": draw(st.integers(0, 3)) for r in range(n_regions)}
    capacity = {n: draw(st.integers(1, 2)) for n in needs}
    cands = []
    for need, e in itertools.product(needs, range(n_experts)):
        # Missing pairs stand for no application, a conflict of interest or a 不合格 record.
        if draw(st.integers(0, 9)) < 4:
            score, named = draw(st.integers(0, 12)), draw(st.integers(0, 5)) == 0
            cands.append(Candidate(need, f"e{e}", score, named))
    return Problem(cands, capacity, region_of, quota)


def brute_force(problem: Problem) -> Objective:
    """The best objective over every set of pairs, expert by expert (one need or none each)."""
    return best_sets(problem)[0]


def best_sets(problem: Problem) -> tuple[Objective, list[set[Candidate]]]:
    """The best objective and every set of pairs that reaches it."""
    by_expert: dict[str, list[Candidate]] = {}
    for c in problem.candidates:
        by_expert.setdefault(c.expert, []).append(c)
    options = [[None, *cs] for cs in by_expert.values()]
    best: Objective = (0, 0, 0)
    sets: list[set[Candidate]] = [set()]
    for combo in itertools.product(*options):
        chosen = [c for c in combo if c is not None]
        if feasible(problem, chosen):
            score = objective(chosen)
            if score > best:
                best, sets = score, []
            if score == best:
                sets.append(set(chosen))
    return best, sets


@settings(max_examples=60, deadline=None)
@given(problems())
def test_same_objective_as_brute_force_and_every_limit_holds(problem: Problem) -> None:
    chosen = solve(problem)
    assert feasible(problem, chosen)
    assert set(chosen) <= set(problem.candidates)
    best, sets = best_sets(problem)
    assert objective(chosen) == best
    # Among the optima, the one with the largest sum of tie keys (unique at these sizes).
    assert set(chosen) == max(sets, key=lambda s: sum(tie_key(c) for c in s))
    cands = sorted(problem.candidates, key=lambda c: (c.need, c.expert))
    if cands:  # the linear program's certificate held: the fallback was not needed
        assert _Network.of(problem, cands).solve_lp() is not None


def test_named_pair_beats_a_higher_affinity() -> None:
    cands = [Candidate("a", "x", 10, False), Candidate("a", "y", 1, True)]
    problem = Problem(cands, {"a": 1}, {"a": "r"}, {"r": 1})
    assert solve(problem) == [Candidate("a", "y", 1, True)]


def test_serving_two_enterprises_beats_affinity_and_naming() -> None:
    # x fits a best and is named by a, but only x can serve b: a gets y, b gets x.
    cands = [
        Candidate("a", "x", 90, True),
        Candidate("a", "y", 5, False),
        Candidate("b", "x", 1, False),
    ]
    problem = Problem(cands, {"a": 1, "b": 1}, {"a": "r", "b": "r"}, {"r": 5})
    assert solve(problem) == [Candidate("a", "y", 5, False), Candidate("b", "x", 1, False)]


def test_region_quota_binds() -> None:
    cands = [Candidate("a", "x", 5, False), Candidate("b", "y", 9, False)]
    problem = Problem(cands, {"a": 1, "b": 1}, {"a": "r", "b": "r"}, {"r": 1})
    assert solve(problem) == [Candidate("b", "y", 9, False)]


@settings(max_examples=8, deadline=None)
@given(st.integers(5, 30), st.integers(5, 40), st.integers(0, 2**31 - 1))
def test_total_affinity_equals_linear_sum_assignment(n: int, m: int, seed: int) -> None:
    """Every pair a candidate with a positive score, capacity 1, no quota that binds, nothing
    named: the best assignment serves min(n, m) needs and has the Hungarian method's total."""
    scores = np.random.default_rng(seed).integers(1, 10_000, size=(n, m))
    cands = [
        Candidate(f"n{i:02d}", f"e{j:02d}", int(scores[i, j]), False)
        for i in range(n)
        for j in range(m)
    ]
    region_of = {f"n{i:02d}": "r" for i in range(n)}
    problem = Problem(cands, dict.fromkeys(region_of, 1), region_of, {"r": n})
    chosen = solve(problem)
    rows, cols = linear_sum_assignment(scores, maximize=True)
    assert objective(chosen) == (min(n, m), 0, int(scores[rows, cols].sum()))
    assert feasible(problem, chosen)


def test_same_answer_twice() -> None:
    cands = [Candidate(f"n{i}", f"e{j}", 7, False) for i in range(4) for j in range(4)]
    region_of = {f"n{i}": "r" for i in range(4)}
    problem = Problem(cands, dict.fromkeys(region_of, 1), region_of, {"r": 3})
    assert solve(problem) == solve(problem)


@settings(max_examples=30, deadline=None)
@given(problems(), st.randoms(use_true_random=False))
def test_ties_break_the_same_way_whatever_the_input_order(problem: Problem, rnd: Any) -> None:
    """Equal scores everywhere make many optima; the same candidates, capacities and quotas
    given in another order (as other files or another dict order would) give the same pairs."""
    flat = [Candidate(c.need, c.expert, 5, c.named) for c in problem.candidates]
    shuffled = list(flat)
    rnd.shuffle(shuffled)
    needs = list(problem.capacity)
    rnd.shuffle(needs)
    other = Problem(
        shuffled,
        {n: problem.capacity[n] for n in needs},
        {n: problem.region_of[n] for n in needs},
        dict(reversed(list(problem.quota.items()))),
    )
    assert solve(other) == solve(Problem(flat, problem.capacity, problem.region_of, problem.quota))


@settings(max_examples=30, deadline=None)
@given(problems())
def test_the_fallback_integer_program_finds_the_same_objective(problem: Problem) -> None:
    """Should the linear program's certificate ever fail, `milp` answers: it must be exact too."""
    cands = sorted(problem.candidates, key=lambda c: (c.need, c.expert))
    if not cands:
        return
    x = _Network.of(problem, cands).solve_milp()
    chosen = [c for c, v in zip(cands, x[: len(cands)], strict=True) if v > 0.5]
    assert feasible(problem, chosen)
    assert objective(chosen) == brute_force(problem)
