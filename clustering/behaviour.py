"""Stage 4, clustering: run the surviving programs on the generated inputs and group them by what they print.

At most `max_clustered` programs are run (AlphaCode clusters up to 8192 samples per problem), drawn at random
when there are more; the rest take no part in selection. A signature entry is the normalised output, or how the
run ended when it did not end normally (a timeout or a crash is behaviour too; a program that does not compile
has "!CE" everywhere).

With a `TimeBudget` the runs go through `budget.run_within_budget` (a per-run limit from the examples, slow inputs
dropped, a CPU budget for the stage); with `population_filter` the inputs on which the example-passing programs
mostly crash, time out or all disagree are dropped (`evidence.judge_inputs`); with a `tolerance` (0 included)
clusters tolerate timeouts under the reduced limit and up to that share of disagreeing inputs
(`robust.robust_clusters`); None keeps AlphaCode's exact signatures.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from clustering.budget import BudgetReport, TimeBudget, run_within_budget
from clustering.clusters import Cluster, Signature, exact_clusters, fuzzy_clusters, signature_entry
from clustering.evidence import MIN_POPULATION, InputEvidence, input_weights, judge_inputs, project
from clustering.robust import robust_clusters
from solver.checking import normalise
from solver.execution import Executor, Limits, Program, RunResult, Status


@dataclass(frozen=True)
class Behaviour:
    signatures: dict[str, Signature]  # program id -> one entry per generated input
    clusters: tuple[Cluster, ...]  # largest first
    not_clustered: int  # programs left out by the max_clustered cap
    budget: BudgetReport | None = None  # what the time budget dropped or skipped
    evidence: InputEvidence | None = None  # what the population filter dropped
    weights: tuple[float, ...] = ()  # per input of the signatures: how much the population agrees on it


def signature_of(runs: Sequence[RunResult] | None, n_inputs: int) -> Signature:
    """One entry per input from a program's runs; None (did not compile) is "!CE" everywhere."""
    if runs is None:
        return tuple("!CE" for _ in range(n_inputs))
    return tuple(signature_entry(r.status.value, normalise(r.stdout) if r.status == Status.OK else "") for r in runs)


def signatures_of(
    executor: Executor,
    programs: Sequence[Program],
    inputs: Sequence[str],
    limits: Limits,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Signature]:
    if not inputs:  # nothing to tell programs apart: every program behaves "the same"
        return {p.id: () for p in programs}
    results = executor.run_many([(p, list(inputs)) for p in programs], limits, progress=progress)
    return {p.id: signature_of(r.runs if r.compile.ok else None, len(inputs)) for p, r in zip(programs, results)}


def cluster_programs(
    executor: Executor,
    programs: Mapping[str, Program],
    counts: Mapping[str, int],
    inputs: Sequence[str],
    limits: Limits,
    *,
    max_clustered: int = 8192,
    fuzzy: int = 0,
    fuzzy_method: Literal["graph", "agglomerative"] = "graph",
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
    budget: TimeBudget | None = None,
    example_seconds: Sequence[float] = (),
    population_filter: bool = False,
    population: Collection[str] | None = None,
    tolerance: float | None = None,
) -> Behaviour:
    """Signatures and clusters. `population`: the ids whose behaviour judges the inputs (default: all); with
    judge_all the programs that failed the examples are clustered too, but they are no evidence."""
    ids = list(programs)
    left_out = 0
    if len(ids) > max_clustered:
        chosen = set(random.Random(seed).sample(ids, max_clustered))
        left_out = len(ids) - max_clustered
        ids = [pid for pid in ids if pid in chosen]  # keep sampling order
    report = None
    if budget is not None and inputs:
        ran = run_within_budget(executor, {pid: programs[pid] for pid in ids}, inputs, limits, example_seconds,
                                budget, seed=seed, progress=progress)  # fmt: skip
        signatures = {pid: signature_of(runs, len(ran.kept)) for pid, runs in ran.runs.items()}
        report = ran.report
    else:
        signatures = signatures_of(executor, [programs[pid] for pid in ids], inputs, limits, progress)
    grouped = group(signatures, counts, population=population, population_filter=population_filter,
                    tolerance=tolerance, fuzzy=fuzzy, fuzzy_method=fuzzy_method)  # fmt: skip
    return Behaviour(grouped.signatures, grouped.clusters, left_out, report, grouped.evidence, grouped.weights)


def group(
    signatures: Mapping[str, Signature],
    counts: Mapping[str, int] | None = None,
    *,
    population: Collection[str] | None = None,
    population_filter: bool = False,
    tolerance: float | None = None,
    fuzzy: int = 0,
    fuzzy_method: Literal["graph", "agglomerative"] = "graph",
) -> Behaviour:
    """Clusters from signatures already computed (the part of `cluster_programs` after the runs; measurement
    scripts call it on sub-pools). `not_clustered` and `budget` are left empty."""
    evidence = None
    if population_filter:
        judged = {pid: sig for pid, sig in signatures.items() if population is None or pid in population}
        evidence = judge_inputs(judged)
        signatures = project(signatures, evidence.kept)
    weights = input_weights(signatures, counts)
    if fuzzy > 0:  # asked for by name: wins over the default tolerance
        clusters = fuzzy_clusters(signatures, fuzzy, fuzzy_method, counts)
    elif tolerance is not None and len(signatures) >= MIN_POPULATION:  # fewer programs are no evidence of noise
        clusters = robust_clusters(signatures, counts, tolerance, weights)
    else:
        clusters = exact_clusters(signatures, counts)
    return Behaviour(dict(signatures), tuple(clusters), 0, None, evidence, tuple(float(w) for w in weights))


def singleton_clusters(programs: Sequence[str]) -> tuple[Cluster, ...]:
    """The ablation without clustering: every program its own cluster of one, so that selection in random order
    is a uniform random choice of distinct programs."""
    return tuple(Cluster((pid,), ()) for pid in programs)
