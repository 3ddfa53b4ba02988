"""Stage 4, clustering: run the surviving programs on the generated inputs and group them by what they print.

At most `max_clustered` programs are run (AlphaCode clusters up to 8192 samples per problem), drawn at random
when there are more; the rest take no part in selection. A signature entry is the normalised output, or how the
run ended when it did not end normally (a timeout or a crash is behaviour too; a program that does not compile
has "!CE" everywhere).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from clustering.clusters import Cluster, Signature, exact_clusters, fuzzy_clusters, signature_entry
from solver.checking import normalise
from solver.execution import Executor, Limits, Program, Status


@dataclass(frozen=True)
class Behaviour:
    signatures: dict[str, Signature]  # program id -> one entry per generated input
    clusters: tuple[Cluster, ...]  # largest first
    not_clustered: int  # programs left out by the max_clustered cap


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
    signatures = {}
    for program, result in zip(programs, results):
        if not result.compile.ok:
            signatures[program.id] = tuple("!CE" for _ in inputs)
            continue
        signatures[program.id] = tuple(
            signature_entry(run.status.value, normalise(run.stdout) if run.status == Status.OK else "")
            for run in result.runs
        )
    return signatures


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
) -> Behaviour:
    ids = list(programs)
    left_out = 0
    if len(ids) > max_clustered:
        chosen = set(random.Random(seed).sample(ids, max_clustered))
        left_out = len(ids) - max_clustered
        ids = [pid for pid in ids if pid in chosen]  # keep sampling order
    signatures = signatures_of(executor, [programs[pid] for pid in ids], inputs, limits, progress)
    if fuzzy > 0:
        clusters = fuzzy_clusters(signatures, fuzzy, fuzzy_method, counts)
    else:
        clusters = exact_clusters(signatures, counts)
    return Behaviour(signatures, tuple(clusters), left_out)


def singleton_clusters(programs: Sequence[str]) -> tuple[Cluster, ...]:
    """The ablation without clustering: every program its own cluster of one, so that selection in random order
    is a uniform random choice of distinct programs."""
    return tuple(Cluster((pid,), ()) for pid in programs)
