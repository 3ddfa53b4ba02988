"""Choosing the submissions: one program per cluster in cluster order, then round again.

AlphaCode submits one program from each cluster, largest cluster first, because "there are many ways solutions can
be incorrect while correct solutions tend to behave the same"; with fewer clusters than the budget it wraps around
to the first cluster, skipping programs already chosen. `proportional` spreads the submissions over the big
clusters by size instead (each next one goes to the cluster with the highest size / (2 × its submissions + 1),
a highest-averages rule), so a large cluster gets a second program before a cluster a third of its size gets its
first: when a few wrong programs hide inside the correct cluster (their bug not exercised by the inputs) a second
draw from it is worth more than a tenth singleton. `smallest` and `random` orders are kept for ablations. Inside
a cluster the program is drawn at random, or the one with the highest mean token log-probability (Codex's ranking),
or the highest value-head score (AlphaCode 2 style).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from clustering.clusters import Cluster

Order = Literal["largest", "smallest", "random", "diverse", "proportional"]
Pick = Literal["random", "mean-logprob", "value"]


@dataclass(frozen=True)
class Choice:
    program_id: str
    cluster_index: int  # position of its cluster in `clusters` as given (0 = largest for AlphaCode's order)
    cluster_size: int
    round: int  # 0 on the first pass over the clusters, 1 after wrapping around, ...
    score: float | None  # the pick rule's score, when it has one


def _ordered(clusters: Sequence[Cluster], order: Order, rng: random.Random) -> list[int]:
    indices = list(range(len(clusters)))
    if order in ("largest", "proportional"):
        return sorted(indices, key=lambda i: -clusters[i].size)  # stable: ties keep the given order
    if order == "smallest":
        return sorted(indices, key=lambda i: clusters[i].size)
    if order == "random":
        rng.shuffle(indices)
        return indices
    raise ValueError(f"unknown cluster order {order!r} (largest, smallest, random, diverse or proportional)")


def _ranked(members: Sequence[str], pick: Pick, scores: Mapping[str, float] | None, rng: random.Random) -> list[str]:
    if pick == "random":
        ranked = list(members)
        rng.shuffle(ranked)
        return ranked
    if scores is None:
        raise ValueError(f"pick rule '{pick}' needs a score for every program, and none were given")
    missing = [m for m in members if m not in scores]
    if missing:
        raise ValueError(
            f"pick rule '{pick}' needs a score for every program; {len(missing)} have none, e.g. {missing[0]}"
        )
    return sorted(members, key=lambda m: -scores[m])  # stable: ties keep the given order


def select(
    clusters: Sequence[Cluster],
    budget: int,
    *,
    order: Order = "largest",
    pick: Pick = "random",
    scores: Mapping[str, float] | None = None,
    seed: int = 0,
    sequence: Sequence[int] | None = None,
) -> list[Choice]:
    """Up to `budget` distinct programs: one per cluster per round, clusters in `order` (or in the given
    `sequence` of cluster indices, e.g. `robust.diverse_order`'s), members by `pick`."""
    rng = random.Random(seed)
    if sequence is None:
        sequence = _ordered(clusters, "largest" if order == "diverse" else order, rng)
    queues = {i: _ranked(clusters[i].members, pick, scores, rng) for i in sequence}
    chosen: list[Choice] = []
    taken: set[str] = set()

    def take(i: int, round_number: int) -> bool:
        queue = queues[i]
        while queue and queue[0] in taken:  # the same program may sit in two fuzzy clusters' views
            queue.pop(0)
        if not queue:
            return False
        program_id = queue.pop(0)
        taken.add(program_id)
        score = scores.get(program_id) if (scores is not None and pick != "random") else None
        chosen.append(Choice(program_id, i, clusters[i].size, round_number, score))
        return True

    if order == "proportional":
        given = dict.fromkeys(sequence, 0)  # submissions per cluster so far
        while len(chosen) < budget and given:
            # Sainte-Laguë's divisors 1, 3, 5, ...: a cluster's next submission waits until no cluster over a
            # third of its size (a fifth for its third submission) lacks a first one. Measured against D'Hondt's
            # 1, 2, 3 (second picks at half the size), which gave up too many clusters on model samples
            # (results/selection/README.md). Ties go to the earlier cluster of the sequence.
            i = max(given, key=lambda j: clusters[j].size / (2 * given[j] + 1))
            if take(i, given[i]):
                given[i] += 1
            else:
                del given[i]  # no programs left in it
        return chosen
    for round_number in range(max((len(c.members) for c in clusters), default=0)):
        for i in sequence:
            if take(i, round_number) and len(chosen) == budget:
                return chosen
    return chosen
