"""Clusters by behaviour and the choice of submissions, on hand-made signatures with known answers."""

from __future__ import annotations

import pytest

from clustering.clusters import Cluster, exact_clusters, fuzzy_clusters, signature_entry
from clustering.selection import select

A, B, C, D = ("1", "2", "3"), ("1", "2", "4"), ("9", "9", "9"), ("!TLE", "!TLE", "!TLE")


def signatures() -> dict[str, tuple[str, ...]]:
    # p0-p3 behave as A (the likely-correct majority), p4-p5 as B (one input differs), p6 as C, p7-p9 time out.
    layout = [A, A, A, A, B, B, C, D, D, D]
    return {f"p{i}": sig for i, sig in enumerate(layout)}


def test_signature_entries():
    assert signature_entry("OK", "1 2") == signature_entry("OK", "1 2") != signature_entry("OK", "1 3")
    assert signature_entry("TLE", "") == "!TLE" != signature_entry("RE", "")


def test_exact_clusters_largest_first():
    clusters = exact_clusters(signatures())
    assert [c.members for c in clusters] == [("p0", "p1", "p2", "p3"), ("p7", "p8", "p9"), ("p4", "p5"), ("p6",)]


@pytest.mark.parametrize("method", ["graph", "agglomerative"])
def test_fuzzy_clusters_join_near_agreement(method):
    clusters = fuzzy_clusters(signatures(), max_disagreements=1, method=method)
    assert clusters[0].members == ("p0", "p1", "p2", "p3", "p4", "p5")
    assert sorted(c.size for c in clusters) == [1, 3, 6]
    assert fuzzy_clusters(signatures(), max_disagreements=0, method=method) == exact_clusters(signatures())


def test_graph_chains_but_complete_linkage_does_not():
    sigs = {"a": ("1", "1"), "b": ("1", "2"), "c": ("2", "2")}  # a~b and b~c, but a and c differ everywhere
    assert len(fuzzy_clusters(sigs, 1, "graph")) == 1
    assert len(fuzzy_clusters(sigs, 1, "agglomerative")) == 2


def test_largest_order_with_wrap_around():
    clusters = exact_clusters(signatures())
    picks = select(clusters, 6, order="largest", pick="mean-logprob", scores={f"p{i}": -i for i in range(10)})
    assert [c.program_id for c in picks] == ["p0", "p7", "p4", "p6", "p1", "p8"]
    assert [c.round for c in picks] == [0, 0, 0, 0, 1, 1]


def test_smallest_order_and_value_pick():
    clusters = exact_clusters(signatures())
    value = {f"p{i}": float(i % 4) for i in range(10)}
    picks = select(clusters, 4, order="smallest", pick="value", scores=value)
    assert [c.program_id for c in picks] == ["p6", "p5", "p7", "p3"]


def test_budget_larger_than_programs_returns_each_once():
    clusters = exact_clusters(signatures())
    picks = select(clusters, 50, seed=3)
    assert sorted(c.program_id for c in picks) == sorted(signatures())


def test_random_order_and_pick_are_seeded():
    clusters = exact_clusters(signatures())
    first = [c.program_id for c in select(clusters, 10, order="random", seed=1)]
    assert first == [c.program_id for c in select(clusters, 10, order="random", seed=1)]
    assert len(set(first)) == 10


def test_score_rules_need_scores():
    clusters = [Cluster(("x", "y"), A)]
    with pytest.raises(ValueError, match="needs a score"):
        select(clusters, 1, pick="value")
    with pytest.raises(ValueError, match="1 have none"):
        select(clusters, 1, pick="value", scores={"x": 1.0})


def test_proportional_order_spreads_picks_by_size():
    """Sainte-Laguë over cluster sizes (samples, duplicates included): the 30-sample cluster gets its second
    submission (30/3 = 10) before the 9-sample one gets its first; a cluster whose distinct programs run out
    drops out and its share goes to the next ones."""
    sizes = {"A": 30, "B": 12, "C": 9, "D": 4, "E": 1, "F": 1}
    clusters = [Cluster(tuple(f"{n}{i}" for i in range(6)), (n,), size) for n, size in sizes.items()]
    picks = select(clusters, 10, order="proportional", pick="mean-logprob", scores={f"{n}{i}": -i for n in sizes for i in range(6)})  # fmt: skip
    assert [c.program_id for c in picks] == ["A0", "B0", "A1", "C0", "A2", "A3", "B1", "D0", "A4", "C1"]
    assert [c.round for c in picks][:3] == [0, 0, 1]
    clusters[0] = Cluster(("A0", "A1"), ("A",), 30)  # 30 samples of only two distinct programs
    picks = select(clusters, 10, order="proportional", pick="mean-logprob", scores={f"{n}{i}": -i for n in sizes for i in range(6)})  # fmt: skip
    assert [c.program_id for c in picks] == ["A0", "B0", "A1", "C0", "B1", "D0", "C1", "B2", "C2", "B3"]


def test_proportional_picks_only_from_the_largest_clusters():
    """The metrics hand select() only the `budget` largest clusters (solver/evaluation/metrics.py): that is
    exact only if the proportional rule never reaches past them."""
    import random

    rng = random.Random(0)
    for _ in range(200):
        n = rng.randint(1, 25)
        clusters = sorted((Cluster(tuple(f"c{i}m{j}" for j in range(rng.randint(1, 4))), (str(i),), rng.randint(1, 40))
                           for i in range(n)), key=lambda c: -c.size)  # fmt: skip
        budget = rng.randint(1, 12)
        every = {c.cluster_index for c in select(clusters, budget, order="proportional")}
        assert every <= set(range(budget))
