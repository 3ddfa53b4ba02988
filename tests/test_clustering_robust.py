"""Inputs judged by the population, robust clusters and the diverse order, on hand-made signatures."""

from __future__ import annotations

import numpy as np

from clustering.behaviour import group
from clustering.clusters import exact_clusters
from clustering.evidence import input_weights, judge_inputs, project
from clustering.robust import distances, diverse_order, robust_clusters
from clustering.selection import select


def test_inputs_most_programs_crash_or_time_out_on_are_dropped():
    # input 0: valid; 1: most crash; 2: most time out; 3: every program prints something else; 4: valid
    sigs = {f"p{i}": ("a", "!RE" if i < 4 else "x", "!TLE" if i > 1 else "y", f"d{i}", "b" if i < 5 else "c")
            for i in range(6)}  # fmt: skip
    evidence = judge_inputs(sigs)
    assert evidence.kept == (0, 4)
    assert (evidence.dropped_crash, evidence.dropped_timeout, evidence.dropped_disagreement) == (1, 1, 1)
    assert project(sigs, evidence.kept)["p5"] == ("a", "c")


def test_too_few_programs_keep_every_input():
    assert judge_inputs({"a": ("!RE", "x"), "b": ("!RE", "y")}).kept == (0, 1)


def test_weights_are_the_share_of_the_most_common_known_entry():
    sigs = {"a": ("1", "1", "!TLE"), "b": ("1", "2", "!TLE"), "c": ("1", "3", "5"), "d": ("1", "1", "!TLE")}
    assert np.allclose(input_weights(sigs), [1.0, 0.5, 1.0])
    assert np.allclose(input_weights(sigs, {"a": 3, "b": 1, "c": 1, "d": 1}), [1.0, 4 / 6, 1.0])


def test_unknown_entries_do_not_count_as_disagreement():
    far = distances([("1", "2", "3", "4"), ("1", "2", "!TLE", "4"), ("1", "9", "3", "4")], np.ones(4))
    assert far[0, 1] == 0.0 and far[1, 2] == 1 / 3 and far[0, 2] == 0.25
    assert distances([("1", "!TLE", "!TLE"), ("1", "!TLE", "2")], np.ones(3))[0, 1] == 1.0  # too little overlap


def test_robust_clusters_join_a_few_noisy_disagreements():
    # 6 "correct" programs agree on 19 of 20 inputs; input 19 is noise (each prints its own thing);
    # 3 wrong ones differ on inputs 0-4.
    base = tuple(str(i) for i in range(20))
    sigs = {f"ok{k}": base[:19] + (f"n{k}",) for k in range(6)}
    sigs |= {f"bad{k}": ("w",) * 5 + base[5:19] + (f"m{k}",) for k in range(3)}
    assert len(exact_clusters(sigs)) == 9
    clusters = robust_clusters(sigs, tolerance=0.1)
    assert [sorted(c.members) for c in clusters] == [[f"ok{k}" for k in range(6)], [f"bad{k}" for k in range(3)]]
    assert robust_clusters(sigs, tolerance=0.0) == exact_clusters(sigs)  # no unknown entries: exact


def test_timeouts_under_a_reduced_limit_do_not_split_a_cluster():
    sigs = {"a": ("1", "2", "3", "4"), "b": ("1", "!TLE", "3", "4"), "c": ("1", "2", "3", "4"), "d": ("0", "0", "0", "0")}
    clusters = robust_clusters(sigs, tolerance=0.05)
    assert sorted(clusters[0].members) == ["a", "b", "c"] and clusters[0].size == 3


def test_diverse_order_covers_contested_answers_before_noise():
    # A and B (the big clusters) disagree on input 0; S0-S2 differ from A only on input 1, where A and B agree;
    # T gives a third answer on input 0.
    sigs = {**{f"a{k}": ("x", "1") for k in range(5)}, **{f"b{k}": ("y", "1") for k in range(2)},
            **{f"s{k}": ("x", str(k + 2)) for k in range(3)}, "t": ("z", "1")}  # fmt: skip
    clusters = exact_clusters(sigs)
    assert [c.members[0] for c in clusters] == ["a0", "b0", "s0", "s1", "s2", "t"]
    order = diverse_order(clusters)
    assert [clusters[i].members[0] for i in order] == ["a0", "b0", "t", "s0", "s1", "s2"]
    picks = select(clusters, 3, sequence=order, seed=0)
    assert [p.program_id[0] for p in picks] == ["a", "b", "t"]


def test_diverse_order_without_contested_inputs_is_by_size():
    sigs = {"a": ("1",), "b": ("1",), "c": ("2",)}
    clusters = exact_clusters(sigs)
    assert diverse_order(clusters) == [0, 1]


def test_group_filters_inputs_then_clusters_the_rest():
    sigs = {f"p{i}": ("!RE", "1", "2" if i else "3") for i in range(6)}
    behaviour = group(sigs, population_filter=True, tolerance=0.2)
    assert behaviour.evidence is not None and behaviour.evidence.dropped_crash == 1
    assert all(len(s) == 2 for s in behaviour.signatures.values())
    assert len(behaviour.clusters) == 2  # p0 differs on the second input, of weight 5/6: 45% of the weight
    assert len(group(sigs, population_filter=True, tolerance=0.5).clusters) == 1


def test_tolerance_none_is_exact_and_zero_lets_timeouts_match():
    sigs = {f"p{i}": ("1", "2", "3") for i in range(5)} | {"slow": ("1", "!TLE", "3"), "bad": ("1", "2", "4")}
    assert len(group(sigs).clusters) == 3  # None: AlphaCode's exact signatures
    joined = group(sigs, tolerance=0.0).clusters
    assert sorted(joined[0].members) == ["p0", "p1", "p2", "p3", "p4", "slow"] and len(joined) == 2
    few = {"a": ("1", "2"), "b": ("1", "!TLE")}  # too few programs to judge by: exact
    assert len(group(few, tolerance=0.0).clusters) == 2
