"""Running the clustering stage within a time budget.

Clustering runs every surviving program on every generated input, and with the problem's own time limit a single
input near the top of a range can cost (programs × limit): 188 programs on a problem with ranges up to 10^7 took
1540 s. Three measures bound that cost:

1. A per-run limit derived from the examples: `factor` times the slowest example run of the programs that passed
   (a high quantile, so that one outlier does not set it), never above the problem's limit, never below a floor
   (process start-up and a busy machine's noise). Generated inputs have the examples' shape, so a program that
   needs far longer on one of them than on any example is either slow or looping — clustering learns little
   from waiting for it.
2. A probe: a few programs run every input first. An input on which many of them hit the limit stops there (it is
   dropped for everyone, since signatures must cover the same inputs); the probe's CPU per input also orders the
   rest, cheapest first.
3. A total CPU budget for the stage: inputs are run in groups, cheapest first, and once the CPU spent (or the
   estimate of the next group) passes the budget, the remaining inputs are skipped.

What was dropped or skipped is reported (`BudgetReport`), and ends up in report.json.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from solver.execution import Executor, Limits, Program, RunResult, Status
from solver.execution.results import sandbox_error

RUN_OVERHEAD_SECONDS = 0.002  # what a run costs beyond its own CPU (fork, sandbox, supervisor), measured per run
GROUP_INPUTS = 5  # at least this many inputs per group after the probe: the budget is checked between groups


@dataclass(frozen=True)
class TimeBudget:
    """How the clustering stage bounds its cost."""

    total_seconds: float | None = None  # CPU seconds for the whole stage; None: no bound
    factor: float = 3.0  # per-run limit = factor × slowest example run; 0: the problem's own limit
    floor_seconds: float = 0.5  # also sets the wall limit (3 × CPU + 1 s): a busy machine must not time out a trivial run
    quantile: float = 0.9  # which example-passing program's example time counts as "the slowest"
    probe_programs: int = 8
    slow_share: float = 0.5  # an input on which this share of the probe hits the limit is dropped


@dataclass(frozen=True)
class BudgetReport:
    run_limit_seconds: float
    inputs_offered: int
    inputs_run: int
    dropped_slow: int  # inputs on which many probe programs hit the limit
    skipped_budget: int  # inputs never run on every program because the budget ran out
    cpu_seconds: float  # CPU spent by the stage's runs (a timeout counts its limit)
    probe_programs: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "run_limit_seconds": self.run_limit_seconds, "inputs_offered": self.inputs_offered,
            "inputs_run": self.inputs_run, "dropped_slow": self.dropped_slow, "skipped_budget": self.skipped_budget,
            "cpu_seconds": round(self.cpu_seconds, 3), "probe_programs": self.probe_programs,
        }  # fmt: skip


@dataclass(frozen=True)
class BudgetedRuns:
    runs: dict[str, tuple[RunResult, ...] | None]  # program id -> one run per kept input; None: did not compile
    kept: tuple[int, ...]  # indices (into the offered inputs) of the inputs every program ran, in input order
    report: BudgetReport


def run_limit(example_seconds: Sequence[float], limits: Limits, budget: TimeBudget) -> float:
    """The per-run CPU limit for clustering runs."""
    if budget.factor <= 0 or not example_seconds:
        return limits.time_seconds
    ordered = sorted(example_seconds)
    slowest = ordered[max(0, math.ceil(budget.quantile * len(ordered)) - 1)]  # nearest rank
    return round(min(limits.time_seconds, max(budget.floor_seconds, budget.factor * slowest)), 3)


def _cost(run: RunResult, limit: float) -> float:
    return (limit if run.status == Status.TLE else run.cpu_seconds) + RUN_OVERHEAD_SECONDS


def _probe_ids(programs: Mapping[str, Program], n: int, seed: int) -> list[str]:
    """A seeded sample with both languages when there are both: C++ and Python differ most in speed."""
    ids = list(programs)
    if len(ids) <= n:
        return ids
    rng = random.Random(seed)
    by_language: dict[str, list[str]] = {}
    for pid in ids:
        by_language.setdefault(programs[pid].language.value, []).append(pid)
    chosen: list[str] = []
    pools = [rng.sample(group, len(group)) for group in by_language.values()]
    while len(chosen) < n:
        for pool in pools:
            if pool and len(chosen) < n:
                chosen.append(pool.pop())
    order = {pid: i for i, pid in enumerate(ids)}
    return sorted(chosen, key=order.__getitem__)


def run_within_budget(
    executor: Executor,
    programs: Mapping[str, Program],
    inputs: Sequence[str],
    limits: Limits,
    example_seconds: Sequence[float],
    budget: TimeBudget,
    *,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
) -> BudgetedRuns:
    """Run every program on as many inputs as the budget allows. `progress(n)`: programs done with the probe or
    with every group (as a fraction of the whole, in programs)."""
    limit = run_limit(example_seconds, limits, budget)
    run_limits = Limits(time_seconds=limit, memory_bytes=limits.memory_bytes, output_bytes=limits.output_bytes)
    n_inputs, ids = len(inputs), list(programs)
    runs: dict[str, list[RunResult | None] | None] = {pid: [None] * n_inputs for pid in ids}
    spent = 0.0

    def execute(group_ids: Sequence[str], indices: Sequence[int]) -> None:
        nonlocal spent
        if not group_ids or not indices:
            return
        texts = [inputs[i] for i in indices]
        results = executor.run_many([(programs[pid], texts) for pid in group_ids], run_limits)
        for pid, result in zip(group_ids, results):
            if not result.compile.ok:
                runs[pid] = None
                continue
            row = runs[pid]
            assert row is not None
            for i, run in zip(indices, result.runs):
                row[i] = run
                spent += _cost(run, limit)

    probe = _probe_ids(programs, budget.probe_programs, seed)
    execute(probe, range(n_inputs))
    if progress is not None:
        progress(len(probe))
    slow, cost = [], []
    for i in range(n_inputs):
        probe_runs = [row[i] for pid in probe if (row := runs[pid]) is not None and row[i] is not None]
        hits = sum(run.status == Status.TLE for run in probe_runs)
        slow.append(bool(probe_runs) and hits >= budget.slow_share * len(probe_runs))
        cost.append(sum(_cost(run, limit) for run in probe_runs) / max(1, len(probe_runs)))
    # Cheapest first; ties (and the case of no probe evidence) keep the given order.
    order = sorted((i for i in range(n_inputs) if not slow[i]), key=lambda i: cost[i])
    rest = [pid for pid in ids if pid not in set(probe)]
    done_inputs: list[int] = []
    skipped = 0
    # Without a budget there is nothing to check between groups: one batch keeps every worker busy to the end.
    size = len(order) if budget.total_seconds is None else max(GROUP_INPUTS, len(order) // 4)
    for start in range(0, len(order), max(1, size)):
        group = order[start : start + size]
        estimate = sum(cost[i] for i in group) * len(rest)
        if rest and budget.total_seconds is not None and spent + estimate > budget.total_seconds:
            skipped = len(order) - start
            break
        execute(rest, group)
        done_inputs += group
    if progress is not None:
        progress(len(ids))
    kept = tuple(sorted(done_inputs))
    final: dict[str, tuple[RunResult, ...] | None] = {}
    for pid in ids:
        row = runs[pid]
        # A run missing from a result (the batch ended it early) is the judge's failure, not the program's.
        final[pid] = None if row is None else tuple(row[i] or sandbox_error("not run") for i in kept)
    report = BudgetReport(limit, n_inputs, len(kept), sum(slow), skipped, spent, len(probe))
    return BudgetedRuns(final, kept, report)
