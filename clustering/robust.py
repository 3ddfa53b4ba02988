"""Clustering that tolerates a few disagreeing inputs, and an order of clusters that covers different behaviours.

Exact signatures fragment when a few generated inputs are invalid or when a reduced time limit cuts some runs
short: one odd input puts two correct programs in different clusters. Here two signatures are compared by the
weighted share of inputs on which they differ, counting only the inputs where both are known (a timeout under
the reduced limit is unknown) and weighting each input by how much the population agrees on it
(`evidence.input_weights`). Clusters then grow around *leaders*: signatures taken in order of density (how many
samples lie within the tolerance of them), each joining the nearest earlier leader within the tolerance or
becoming a leader itself. The densest signature is the behaviour most programs share up to noise, which is what
AlphaCode's "largest cluster" means.

Choosing the rest of the submissions by size alone spends picks on clusters that differ from those already picked
only where the population is noisy. `diverse_order` looks at the *contested* inputs — where the big clusters
disagree — and defers a cluster that repeats, on all of them, the answers of a larger one, so that the picks
cover the different ways the big clusters split before they spend a second pick on the same one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from clustering.clusters import Cluster, Signature, exact_clusters
from clustering.evidence import UNKNOWN, input_weights

MIN_OVERLAP = 0.5  # two signatures known together on less than this share of the weight are not comparable
MAX_BIG = 10  # the big clusters, whose disagreements make the contested inputs


def _codes(distinct: Sequence[Signature]) -> tuple[np.ndarray, np.ndarray]:
    """(D, I) integer codes of the entries and a (D, I) mask of the known ones."""
    table: dict[str, int] = {}
    codes = np.array([[table.setdefault(e, len(table)) for e in sig] for sig in distinct], dtype=np.int64)
    known = np.array([[e not in UNKNOWN for e in sig] for sig in distinct], dtype=bool)
    return codes.reshape(len(distinct), -1), known.reshape(len(distinct), -1)


def distances(distinct: Sequence[Signature], weights: np.ndarray) -> np.ndarray:
    """(D, D) weighted share of disagreeing inputs among those both signatures know; 1 when they share too little."""
    codes, known = _codes(distinct)
    size = len(distinct)
    disagree = np.zeros((size, size), dtype=np.float32)
    both = np.zeros((size, size), dtype=np.float32)
    for i, w in enumerate(weights):  # one input at a time: D×D memory, whatever the number of inputs
        if w <= 0:
            continue
        together = known[:, i][:, None] & known[None, :, i]
        both += w * together
        disagree += w * (together & (codes[:, i][:, None] != codes[None, :, i]))
    total = float(np.sum(weights))
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(both > 0, disagree / np.maximum(both, 1e-12), 1.0)
    out[both < MIN_OVERLAP * total] = 1.0
    np.fill_diagonal(out, 0.0)
    return out


def robust_clusters(
    signatures: Mapping[str, Signature],
    counts: Mapping[str, int] | None = None,
    tolerance: float = 0.1,
    weights: np.ndarray | None = None,
) -> list[Cluster]:
    """Density-leader clusters of signatures within `tolerance` (weighted share of disagreeing inputs). Largest
    first; with tolerance 0 and no unknown entries, the exact clusters."""
    exact = exact_clusters(signatures, counts)
    if len(exact) <= 1:
        return exact
    if weights is None:
        weights = input_weights(signatures, counts)
    distinct = [c.signature for c in exact]
    far = distances(distinct, weights)
    near = far <= tolerance + 1e-9
    sizes = np.array([c.size for c in exact], dtype=float)
    density = near.astype(float) @ sizes
    order = sorted(range(len(exact)), key=lambda i: (-density[i], -sizes[i], i))
    leaders: list[int] = []
    groups: dict[int, list[int]] = {}
    for i in order:
        candidates = [leader for leader in leaders if near[i, leader]]
        if candidates:
            groups[min(candidates, key=lambda leader: (far[i, leader], leaders.index(leader)))].append(i)
        else:
            leaders.append(i)
            groups[i] = [i]
    clusters = []
    for leader in leaders:
        members = tuple(m for i in sorted(groups[leader]) for m in exact[i].members)
        clusters.append(Cluster(members, exact[leader].signature, int(sum(sizes[i] for i in groups[leader]))))
    position = {pid: i for i, pid in enumerate(signatures)}
    return sorted(clusters, key=lambda c: (-c.size, position[c.members[0]]))


def diverse_order(clusters: Sequence[Cluster], weights: np.ndarray | None = None) -> list[int]:
    """Indices of `clusters` (given largest first) in the order to take them.

    The *big* clusters (of two or more samples, at most MAX_BIG; at least the two largest) define the contested
    inputs: those where they disagree. Clusters are taken largest first, except that one whose answers on the
    contested inputs repeat those of a cluster already taken comes after all the others."""
    if len(clusters) <= 2:
        return list(range(len(clusters)))
    signatures = [c.signature for c in clusters]
    n_inputs = len(signatures[0])
    if weights is None or len(weights) != n_inputs:
        weights = np.ones(n_inputs)
    big = [i for i, c in enumerate(clusters) if c.size >= 2][:MAX_BIG]
    if len(big) < 2:
        big = [0, 1]
    codes, known = _codes(signatures)
    contested = [i for i in range(n_inputs) if len({int(codes[b, i]) for b in big if known[b, i]}) > 1]
    if not contested:
        return list(range(len(clusters)))
    # Largest first, but a cluster that gives the same answers as an already chosen one on every contested input
    # (it differs only where the population is noise) waits until every cluster with something new is taken.
    chosen: list[int] = []
    deferred: list[int] = []
    seen: set[tuple] = set()
    for c in range(len(clusters)):
        answers = tuple(int(codes[c, i]) if known[c, i] else -1 for i in contested)
        if answers in seen:
            deferred.append(c)
        else:
            seen.add(answers)
            chosen.append(c)
    return chosen + deferred
