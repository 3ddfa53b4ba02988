"""Grouping programs by behaviour: identical outputs on the generated inputs form a cluster.

A program's *signature* is one entry per generated input: the normalised output when the run ended normally, or
a marker for how it ended otherwise (a crash or a timeout is behaviour too). Exact matching of signatures is
AlphaCode's rule and the default. When generated inputs may be invalid, programs that agree on all but a few
inputs can be joined instead: through an agreement graph (connected components, networkx) or by agglomerative
clustering on the fraction of inputs where two signatures differ (scikit-learn).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

Signature = tuple[str, ...]


def signature_entry(status: str, normalised_output: str) -> str:
    """One input's entry: a short digest of the output, or the way the run failed ("TLE", "RE", ...)."""
    if status != "OK":
        return f"!{status}"
    return hashlib.blake2b(normalised_output.encode(), digest_size=8).hexdigest()


@dataclass(frozen=True)
class Cluster:
    members: tuple[str, ...]  # distinct program ids, in the order they were given
    signature: Signature  # the signature of the first member (for fuzzy clusters, members may differ slightly)
    n_samples: int = 0  # samples behind the members (a program sampled 3 times counts 3); 0 = one per member

    @property
    def size(self) -> int:
        """How many samples behave this way: what "largest cluster" means. Duplicates count, as they would
        had every sample been clustered on its own."""
        return self.n_samples or len(self.members)


def _weight(ids: Sequence[str], counts: Mapping[str, int] | None) -> int:
    return sum(counts.get(i, 1) for i in ids) if counts is not None else len(ids)


def exact_clusters(signatures: Mapping[str, Signature], counts: Mapping[str, int] | None = None) -> list[Cluster]:
    """Programs with identical signatures, largest cluster first (ties: first seen first). `counts` gives how many
    samples each program id stands for (default 1)."""
    groups: dict[Signature, list[str]] = defaultdict(list)
    for program_id, signature in signatures.items():
        groups[signature].append(program_id)
    clusters = [Cluster(tuple(ids), sig, _weight(ids, counts)) for sig, ids in groups.items()]
    return sorted(clusters, key=lambda c: -c.size)  # sorted() is stable: ties keep first-seen order


def _disagreements(distinct: Sequence[Signature]) -> np.ndarray:
    """(D, D) matrix: on how many inputs two signatures differ."""
    codes: dict[str, int] = {}
    matrix = np.array([[codes.setdefault(e, len(codes)) for e in sig] for sig in distinct], dtype=np.int64)  # (D, I)
    return (matrix[:, None, :] != matrix[None, :, :]).sum(axis=2)


def fuzzy_clusters(
    signatures: Mapping[str, Signature],
    max_disagreements: int = 2,
    method: Literal["graph", "agglomerative"] = "graph",
    counts: Mapping[str, int] | None = None,
) -> list[Cluster]:
    """Join programs whose signatures differ on at most `max_disagreements` inputs.

    `graph` links every such pair of distinct signatures and takes connected components (chains can join
    signatures further apart); `agglomerative` uses complete linkage, so every pair inside a cluster is within
    the bound. Largest cluster first.
    """
    exact = exact_clusters(signatures, counts)
    if len(exact) <= 1:
        return exact
    distinct = [c.signature for c in exact]
    lengths = {len(s) for s in distinct}
    if len(lengths) != 1:
        raise ValueError("fuzzy clustering needs every signature to cover the same inputs")
    far = _disagreements(distinct)
    if method == "graph":
        import networkx as nx

        graph = nx.Graph()
        graph.add_nodes_from(range(len(distinct)))
        rows, cols = np.nonzero(np.triu(far <= max_disagreements, k=1))
        graph.add_edges_from(zip(rows.tolist(), cols.tolist()))
        groups = [sorted(component) for component in nx.connected_components(graph)]
    elif method == "agglomerative":
        from sklearn.cluster import AgglomerativeClustering

        model = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="complete", distance_threshold=max_disagreements + 0.5
        )
        labels = model.fit_predict(far.astype(float))
        by_label: dict[int, list[int]] = defaultdict(list)
        for index, label in enumerate(labels):
            by_label[int(label)].append(index)
        groups = list(by_label.values())
    else:
        raise ValueError(f"unknown fuzzy clustering method {method!r} (graph or agglomerative)")
    clusters = []
    for group in groups:
        members = tuple(m for i in sorted(group) for m in exact[i].members)
        clusters.append(Cluster(members, exact[min(group)].signature, _weight(members, counts)))
    order = {program_id: i for i, program_id in enumerate(signatures)}
    return sorted(clusters, key=lambda c: (-c.size, order[c.members[0]]))
