"""pass@k and n@k against exact combinatorial values, brute-force enumeration and hand-worked cases; tables."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clustering.clusters import exact_clusters
from clustering.selection import select
from solver.evaluation import Outcome, curve, label, n_at_k, pass_at_k, rating_band, summarise, value_auc, write_tables

# ------------------------------------------------------------------------------------------------- pass@k


def brute_pass_at_k(n: int, c: int, k: int) -> Fraction:
    """Share of the size-k subsets of n samples (the first c correct) that hold a correct one."""
    subsets = list(itertools.combinations(range(n), k))
    return Fraction(sum(any(i < c for i in s) for s in subsets), len(subsets))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n), st.integers(1, n))))
def test_pass_at_k_matches_enumeration(nck):
    n, c, k = nck
    assert pass_at_k(n, c, k) == pytest.approx(float(brute_pass_at_k(n, c, k)), abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 300).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n), st.integers(1, n))))
def test_pass_at_k_monotone_and_one_when_every_subset_has_a_correct_sample(nck):
    n, c, k = nck
    value = pass_at_k(n, c, k)
    assert 0.0 <= value <= 1.0
    if k < n:
        assert pass_at_k(n, c, k + 1) >= value - 1e-12
    if c < n:
        assert pass_at_k(n, c + 1, k) >= value - 1e-12
    if n - c < k:
        assert value == 1.0
    if c == 0:
        assert value == 0.0


def test_pass_at_k_is_stable_for_large_n():
    # C(10^6, 100) overflows a float; the product form does not, and agrees with exact rational arithmetic.
    exact = 1 - Fraction(math.comb(10**6 - 3, 100), math.comb(10**6, 100))
    assert pass_at_k(10**6, 3, 100) == pytest.approx(float(exact), rel=1e-9)
    assert pass_at_k(10**6, 1, 1) == pytest.approx(1e-6, rel=1e-9)


@pytest.mark.parametrize("n, c, k", [(5, 1, 6), (5, 6, 1), (5, -1, 1), (5, 1, 0)])
def test_pass_at_k_refuses_impossible_arguments(n, c, k):
    with pytest.raises(ValueError):
        pass_at_k(n, c, k)


# ------------------------------------------------------------------------------------------------- n@k


def distinct(n: int, correct: int, **extra) -> list[Outcome]:
    """n distinct programs sampled once each, the first `correct` of them correct, all behaving differently."""
    return [Outcome(1, i < correct, i < correct, (f"sig{i}",), **extra) for i in range(n)]


def test_plain_n_at_k_at_k_equal_n_is_pass_at_n_submissions_exactly():
    # With every program distinct, choosing 10 distinct programs at random from all n samples is choosing a
    # random 10-subset of the samples: exactly pass@10.
    outcomes = distinct(60, 5)
    assert n_at_k(outcomes, 10, 60, filtering=False, clustering=False) == pytest.approx(pass_at_k(60, 5, 10), abs=1e-12)


def test_plain_n_at_k_below_n_averages_to_pass_at_n_submissions():
    # A random 10-subset of a random 30-subset is a random 10-subset: the subset average converges to pass@10.
    outcomes = distinct(60, 5)
    value = n_at_k(outcomes, 10, 30, filtering=False, clustering=False, subsets=4000, seed=3)
    assert value == pytest.approx(pass_at_k(60, 5, 10), abs=0.02)


def test_duplicates_count_as_samples_but_are_submitted_once():
    # 4 distinct programs, one correct, sampled 1, 5, 5, 5 times. Submitting 2 distinct programs from all 16
    # samples: the chance the correct one is among 2 of 4 distinct programs, 1 - C(3,2)/C(4,2) = 1/2 —
    # not pass@2 over the 16 samples (0.125), which would submit duplicates.
    outcomes = [Outcome(1, True, True, ("a",)), *[Outcome(5, True, False, (f"w{i}",)) for i in range(3)]]
    assert n_at_k(outcomes, 2, 16, filtering=False, clustering=False) == pytest.approx(0.5)
    assert pass_at_k(16, 1, 2) == pytest.approx(0.125)


def hand_made() -> list[Outcome]:
    # p0 correct and p1 wrong behave alike on the generated inputs (cluster X, 4 samples); p2 (Y, 2 samples) and
    # p3 (Z, 1 sample) are wrong. p1 and p3 fail the examples.
    return [
        Outcome(3, True, True, ("X",), score=0.2),
        Outcome(1, False, False, ("X",), score=0.9),
        Outcome(2, True, False, ("Y",), score=0.5),
        Outcome(1, False, False, ("Z",), score=0.1),
    ]


@pytest.mark.parametrize(
    "budget, order, expected",
    [
        (1, "largest", 0.5),  # one random member of X = {p0, p1}
        (3, "largest", 0.5),  # X, Y, Z once each
        (4, "largest", 1.0),  # wraps around to X again: both members submitted
        (1, "smallest", 0.0),  # Z only
        (2, "smallest", 0.0),  # Z then Y
        (3, "smallest", 0.5),
    ],
)
def test_clustered_exact_value_at_k_equal_n(budget, order, expected):
    value = n_at_k(hand_made(), budget, 7, filtering=False, clustering=True, order=order)
    assert value == pytest.approx(expected, abs=1e-12)


def test_filtering_removes_the_programs_failing_the_examples():
    # Filtered, X holds p0 only: the first submission is right.
    assert n_at_k(hand_made(), 1, 7, filtering=True, clustering=True) == 1.0
    # Filtered without clustering: 1 of the 2 kept programs (p0, p2) at random.
    assert n_at_k(hand_made(), 1, 7, filtering=True, clustering=False) == pytest.approx(0.5)


def test_pick_by_score():
    # The value pick takes p1 (0.9) from X: wrong. Without clustering the top score overall is p1 too.
    assert n_at_k(hand_made(), 1, 7, filtering=False, clustering=True, pick="value") == 0.0
    assert n_at_k(hand_made(), 1, 7, filtering=False, clustering=False, pick="value") == 0.0
    assert n_at_k(hand_made(), 2, 7, filtering=False, clustering=False, pick="value") == 0.0  # p1, p2
    assert n_at_k(hand_made(), 3, 7, filtering=False, clustering=False, pick="value") == 1.0  # p1, p2, p0
    with pytest.raises(ValueError, match="score"):
        n_at_k(distinct(5, 1), 1, 5, filtering=False, clustering=True, pick="value")


def test_when_nothing_passes_the_examples_filtering_keeps_everything():
    outcomes = [Outcome(o.count, False, o.correct, o.signature) for o in hand_made()]
    for clustering in (False, True):
        filtered = n_at_k(outcomes, 2, 5, filtering=True, clustering=clustering, subsets=50, seed=1)
        unfiltered = n_at_k(outcomes, 2, 5, filtering=False, clustering=clustering, subsets=50, seed=1)
        assert filtered == unfiltered


def test_clustered_value_matches_select_on_exact_clusters():
    # At k = n with a score pick everything is deterministic: the metric must submit what the solver's own
    # exact_clusters() + select() submit.
    outcomes = [Outcome(1 + i % 3, True, i % 7 == 0, (str(i % 5),), score=(i * 37 % 11) / 11) for i in range(40)]
    signatures = {str(i): o.signature for i, o in enumerate(outcomes)}
    counts = {str(i): o.count for i, o in enumerate(outcomes)}
    scores = {str(i): o.score for i, o in enumerate(outcomes)}
    for budget in (1, 3, 5, 8):
        chosen = select(exact_clusters(signatures, counts), budget, pick="value", scores=scores)
        expected = float(any(outcomes[int(c.program_id)].correct for c in chosen))
        n = sum(o.count for o in outcomes)
        assert n_at_k(outcomes, budget, n, filtering=False, clustering=True, pick="value") == expected


def subset_outcomes(outcomes: list[Outcome], sample_ids: tuple[int, ...]) -> list[Outcome]:
    owner = [i for i, o in enumerate(outcomes) for _ in range(o.count)]
    taken = [owner[s] for s in sample_ids]
    return [
        Outcome(taken.count(i), o.passed_public, o.correct, o.signature, o.score)
        for i, o in enumerate(outcomes)
        if i in taken
    ]


def interleaved() -> list[Outcome]:
    # Behaviours A and B alternate, so which cluster a subset meets first (the tie-break between equal sizes)
    # depends on the subset, as it would in a run on those samples alone.
    layout = [("A", False), ("B", True), ("A", False), ("C", False), ("B", True), ("A", False)]
    return [Outcome(1, True, right, (sig,)) for sig, right in layout] + [Outcome(2, False, False, ("D",))]


@pytest.mark.parametrize("filtering, clustering", [(True, True), (False, True), (True, False), (False, False)])
@pytest.mark.parametrize(
    "make, budget", [(lambda: [*hand_made(), Outcome(1, True, True, ("W",))], 2), (interleaved, 1)]
)
def test_subset_average_matches_enumerating_every_subset(filtering, clustering, make, budget):
    # Every size-3 subset of the 8 samples, each scored exactly (k = n on the subset), averaged: the estimator's
    # target. The sampled estimate must land near it.
    outcomes = make()
    n, k = sum(o.count for o in outcomes), 3
    exact = [
        n_at_k(subset_outcomes(outcomes, ids), budget, k, filtering=filtering, clustering=clustering)
        for ids in itertools.combinations(range(n), k)
    ]
    target = sum(exact) / len(exact)
    estimate = n_at_k(outcomes, budget, k, filtering=filtering, clustering=clustering, subsets=3000, seed=7)
    assert estimate == pytest.approx(target, abs=0.03)


def alphacode_like() -> list[Outcome]:
    # 400 programs: most fail the examples; 30 pass them but are wrong in 12 scattered ways; 6 correct ones
    # share one behaviour. The wrong-but-plausible ones are sampled as often as the correct ones.
    outcomes = [Outcome(1 + i % 2, False, False, (f"crash{i % 50}",)) for i in range(364)]
    outcomes += [Outcome(2, True, False, (f"wrong{i % 12}",)) for i in range(30)]
    outcomes += [Outcome(2, True, True, ("right",)) for _ in range(6)]
    return outcomes


def test_filtering_and_clustering_beat_random_choice():
    outcomes = alphacode_like()
    n = sum(o.count for o in outcomes)
    for k in (20, 100, 300, n):
        both = n_at_k(outcomes, 10, k, filtering=True, clustering=True, subsets=200, seed=2)
        plain = n_at_k(outcomes, 10, k, filtering=False, clustering=False, subsets=200, seed=2)
        filtered = n_at_k(outcomes, 10, k, filtering=True, clustering=False, subsets=200, seed=2)
        assert both >= plain
        assert both >= filtered - 0.05
    assert n_at_k(outcomes, 10, n, filtering=True, clustering=True) == 1.0  # "right" is the largest cluster


def test_random_order_is_averaged_over_orders_at_k_equal_n():
    # Three single-program clusters, one right; one submission in random cluster order: 1/3 on average.
    outcomes = [Outcome(1, True, i == 0, (str(i),)) for i in range(3)]
    value = n_at_k(outcomes, 1, 3, filtering=False, clustering=True, order="random", subsets=600, seed=0)
    assert value == pytest.approx(1 / 3, abs=0.06)


def test_n_at_k_argument_checks():
    with pytest.raises(ValueError, match="k ≤ n"):
        n_at_k(distinct(5, 1), 1, 6, filtering=False, clustering=False)
    with pytest.raises(ValueError):
        n_at_k([], 1, 1, filtering=False, clustering=False)
    with pytest.raises(ValueError):
        n_at_k([Outcome(0, True, True, None)], 1, 1, filtering=False, clustering=False)


def test_n_at_k_handles_ten_thousand_samples():
    # The size the brief asks for; correctness at that size, not speed (timings live in benchmarks).
    outcomes = [
        Outcome(1 + i % 2, i % 20 == 0, i % 100 == 0, (f"s{i % 700}",) if i % 20 else ("ok",)) for i in range(6667)
    ]
    n = sum(o.count for o in outcomes)
    assert n == 10_000
    value = n_at_k(outcomes, 10, 1000, filtering=True, clustering=True, subsets=100)
    assert 0.0 <= value <= 1.0


# ------------------------------------------------------------------------------------------------- curve, tables


def test_curve_columns_and_values():
    outcomes = distinct(30, 3)
    table = curve(outcomes, [1, 10, 30])
    assert list(table.columns) == ["k", "pass_at_k", "10@k_filter_cluster", "10@k_filter", "10@k_cluster", "10@k_plain"]
    assert table["pass_at_k"].tolist() == pytest.approx([pass_at_k(30, 3, k) for k in (1, 10, 30)])
    # Every sample here passes the examples exactly when correct: filtering finds the right one at once.
    assert table.loc[table.k == 30, "10@k_filter"].item() == 1.0
    assert table.loc[table.k == 30, "10@k_plain"].item() == pytest.approx(pass_at_k(30, 3, 10))


def per_problem_frame() -> pd.DataFrame:
    rows = [
        ("a", 900, ["math"], 1.0),
        ("b", 1250, ["math", "dp"], 0.0),
        ("c", None, [], 0.5),
        ("d", 1599, ["dp"], 0.25),
    ]
    frames = [
        label(
            pd.DataFrame({"k": [1, 10], "pass_at_k": [v / 2, v], "10@k_plain": [v, v]}),
            problem=p,
            cf_rating=r,
            cf_tags=t,
        )
        for p, r, t, v in rows
    ]
    return pd.concat(frames, ignore_index=True)


def test_rating_bands():
    assert [rating_band(r) for r in (800, 1199, 1200, 1599, 1600, 3500, 0, None)] == [
        "800-1199", "800-1199", "1200-1599", "1200-1599", "1600-1999", "3200-3599", "unrated", "unrated",
    ]  # fmt: skip


def test_summaries_overall_by_rating_and_by_tag():
    frame = per_problem_frame()
    overall = summarise(frame)
    assert overall["problems"].tolist() == [4, 4]
    assert overall.loc[overall.k == 10, "pass_at_k"].item() == pytest.approx((1.0 + 0.0 + 0.5 + 0.25) / 4)
    bands = summarise(frame, by="rating")
    at10 = bands[bands.k == 10].set_index("rating_band")
    assert list(at10.index) == ["800-1199", "1200-1599", "unrated"]
    assert at10.loc["1200-1599", "pass_at_k"] == pytest.approx(0.125)
    assert at10.loc["1200-1599", "problems"] == 2
    tags = summarise(frame, by="tag")
    at10 = tags[tags.k == 10].set_index("tag")
    assert at10.loc["math", "problems"] == 2 and at10.loc["dp", "problems"] == 2  # "b" counts under both
    assert at10.loc["dp", "pass_at_k"] == pytest.approx(0.125)
    assert at10.loc["untagged", "pass_at_k"] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="cannot summarise"):
        summarise(frame, by="colour")


def test_repeated_rows_of_a_problem_weigh_once():
    frame = per_problem_frame()
    doubled = pd.concat([frame, frame[frame.problem == "a"].assign(pass_at_k=0.0)], ignore_index=True)
    at10 = summarise(doubled).set_index("k").loc[10]
    assert at10["pass_at_k"] == pytest.approx((0.5 + 0.0 + 0.5 + 0.25) / 4)  # "a" averages 1.0 and 0.0
    assert at10["problems"] == 4


def test_write_tables(tmp_path):
    frame = summarise(per_problem_frame(), by="rating")
    written = write_tables({"by_rating": frame}, tmp_path / "tables")
    assert sorted(p.name for p in written) == ["by_rating.csv", "by_rating.md"]
    again = pd.read_csv(tmp_path / "tables" / "by_rating.csv")
    assert again["pass_at_k"].tolist() == pytest.approx(frame["pass_at_k"].tolist())
    markdown = (tmp_path / "tables" / "by_rating.md").read_text()
    assert markdown.splitlines()[0].startswith("| rating_band") and "800-1199" in markdown


# ------------------------------------------------------------------------------------------------- value head


def test_value_auc():
    separated = [
        Outcome(1, True, True, None, 0.9),
        Outcome(3, True, False, None, 0.1),
        Outcome(1, True, True, None, 0.8),
    ]
    assert value_auc(separated) == 1.0
    # One wrong program (weight 2) outscores one right one: of the 2 right x 3 wrong sample pairs, the pairs
    # (right 0.5, wrong 0.7) x2 are misordered: AUC = 1 - 2/6.
    mixed = [Outcome(1, True, True, None, 0.9), Outcome(1, True, True, None, 0.5),
             Outcome(2, True, False, None, 0.7), Outcome(1, True, False, None, 0.1)]  # fmt: skip
    assert value_auc(mixed) == pytest.approx(1 - 2 / 6)
    assert value_auc([Outcome(2, True, True, None, 0.3)]) is None
    with pytest.raises(ValueError, match="score"):
        value_auc([Outcome(1, True, True, None), Outcome(1, True, False, None, 0.2)])
