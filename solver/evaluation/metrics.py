"""Solve-rate metrics: pass@k (Codex) and n@k (AlphaCode), computed from per-program outcomes.

pass@k is the chance that at least one of k samples is correct, estimated without bias from n ≥ k samples of
which c are correct: 1 - C(n-c, k) / C(n, k), evaluated as a product so it neither overflows nor cancels.

n@k is the chance that a system allowed n submissions, choosing them from k samples, solves the problem. It is
estimated as AlphaCode does: draw size-k subsets of the samples actually taken (without replacement, so a
program sampled three times is three samples), run the choosing rule on each subset, and average whether any
chosen submission is correct. Choosing rules, as ablations:
- filtering keeps the samples that pass the example tests. When none in the subset pass, every sample is kept,
  as AlphaCode does (it still submits something); the alternative, scoring the subset 0, would mix "no sample
  passes" into "the chooser failed";
- clustering groups the kept programs by identical behaviour on the generated inputs (a program not run on them,
  `signature=None`, is a cluster of its own) and submits through `clustering.selection.select`, so the rule
  scored here is the rule the solver runs; a cluster's size counts the subset's samples, duplicates included;
- without clustering, `n` distinct kept programs are chosen uniformly (or the best `n` by score with a score pick).
Where the rule draws at random, the average over that draw is taken exactly (hypergeometric) rather than sampled,
so the only Monte-Carlo noise left is the subset draw, and k = n (one subset) gives the exact value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from clustering.clusters import Cluster
from clustering.selection import Order, Pick, select


@dataclass(frozen=True)
class Outcome:
    """What happened to one distinct program among a problem's samples."""

    count: int  # how many of the n samples were this program (duplicates)
    passed_public: bool  # passed the problem's example tests
    correct: bool  # passed all tests (public and hidden)
    signature: tuple[str, ...] | None  # behaviour on the generated inputs (None: not run on them)
    score: float | None = None  # for pick rules by score


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k from n samples with c correct (Codex, Chen et al. 2021)."""
    if not 0 <= c <= n or k < 1:
        raise ValueError(f"pass@k needs 0 ≤ c ≤ n and k ≥ 1 (got n={n}, c={c}, k={k})")
    if k > n:
        raise ValueError(f"pass@{k} needs at least k samples, got n={n}")
    if n - c < k:
        return 1.0  # every size-k subset holds a correct sample
    # C(n-c, k) / C(n, k) = prod_{i=n-c+1}^{n} (1 - k/i): c factors, each in (0, 1), no huge binomials.
    return float(1.0 - np.prod(1.0 - k / np.arange(n - c + 1, n + 1)))


def _none_correct(total: np.ndarray, correct: np.ndarray, picks: np.ndarray) -> np.ndarray:
    """Chance that `picks` uniform draws without replacement from `total` programs, `correct` of them correct,
    find no correct one: C(total-correct, picks) / C(total, picks), element-wise over arrays of equal shape."""
    picks = np.minimum(picks, total)
    steps = np.arange(int(picks.max(initial=0)))  # (S,)
    wrong = (total - correct)[..., None] - steps  # (..., S)
    terms = np.clip(wrong / np.maximum(total[..., None] - steps, 1), 0.0, 1.0)
    return np.where(steps < picks[..., None], terms, 1.0).prod(axis=-1)


@dataclass(frozen=True)
class _Programs:
    """Outcomes as arrays, built once per call so every subset is a few numpy operations."""

    counts: np.ndarray  # (D,) samples per distinct program
    passed: np.ndarray  # (D,) bool
    correct: np.ndarray  # (D,) bool
    behaviour: np.ndarray  # (D,) cluster key: equal signatures share one, each None gets its own
    members: list[np.ndarray]  # behaviour key -> its programs' indices, ascending
    signatures: list[tuple[str, ...]]  # behaviour key -> signature (() for a program not run)
    scores: dict[str, float] | None  # program id (its index as text) -> score

    @classmethod
    def of(cls, outcomes: Sequence[Outcome], need_scores: bool) -> _Programs:
        if not outcomes:
            raise ValueError("n@k needs at least one program")
        if any(o.count < 1 for o in outcomes):
            raise ValueError("every outcome's count must be at least 1")
        keys: dict[object, int] = {}
        behaviour = [keys.setdefault(o.signature if o.signature is not None else ("not run", i), len(keys))
                     for i, o in enumerate(outcomes)]  # fmt: skip
        members: list[list[int]] = [[] for _ in keys]
        for index, key in enumerate(behaviour):
            members[key].append(index)
        scores = None
        if need_scores:
            missing = sum(o.score is None for o in outcomes)
            if missing:
                raise ValueError(f"a pick by score needs a score for every program; {missing} have none")
            scores = {str(i): float(o.score) for i, o in enumerate(outcomes)}  # type: ignore[arg-type]
        return cls(
            counts=np.array([o.count for o in outcomes], dtype=np.int64),
            passed=np.array([o.passed_public for o in outcomes], dtype=bool),
            correct=np.array([o.correct for o in outcomes], dtype=bool),
            behaviour=np.array(behaviour, dtype=np.int64),
            members=[np.array(m, dtype=np.int64) for m in members],
            signatures=[outcomes[m[0]].signature or () for m in members],
            scores=scores,
        )


def _kept(programs: _Programs, drawn: np.ndarray, filtering: bool) -> np.ndarray:
    """(R, D) bool: the programs each subset keeps for choosing."""
    present = drawn > 0
    if not filtering:
        return present
    passing = present & programs.passed
    # AlphaCode's fallback: a subset in which no sample passes the examples submits from all its samples.
    return np.where(passing.any(axis=1, keepdims=True), passing, present)


def _unclustered(programs: _Programs, kept: np.ndarray, budget: int, by_score: bool) -> np.ndarray:
    """(R,) chance of a correct submission when `budget` distinct kept programs are submitted."""
    if not by_score:
        total = kept.sum(axis=1)
        right = (kept & programs.correct).sum(axis=1)
        return 1.0 - _none_correct(total, right, np.full_like(total, budget))
    assert programs.scores is not None
    scores = np.array([programs.scores[str(i)] for i in range(len(programs.counts))])
    ranking = np.lexsort((np.arange(len(scores)), -scores))  # best first, ties by position (as select does)
    ranked = kept[:, ranking]  # (R, D)
    chosen = ranked & (np.cumsum(ranked, axis=1) <= budget)
    return (chosen & programs.correct[ranking]).any(axis=1).astype(float)


def _clustered(
    programs: _Programs, drawn: np.ndarray, kept: np.ndarray, budget: int, order: Order, pick: Pick, seed: int
) -> float:
    """Chance of a correct submission for one subset when submitting through clusters of behaviour."""
    indices = np.flatnonzero(kept)
    keys, first, where = np.unique(programs.behaviour[indices], return_index=True, return_inverse=True)
    sizes = np.bincount(where, weights=drawn[indices]).astype(np.int64)
    seen = np.argsort(first)  # clusters in the order their first program appears, as exact_clusters() meets them
    keys, sizes = keys[seen], sizes[seen]
    if order != "random" and len(keys) > budget:
        # With more clusters than submissions, select() takes one program from each of the first `budget`
        # clusters in its order and never reaches the rest; handing it only those keeps a 10,000-sample
        # problem fast. Same stable order as select(): size, ties by position.
        # ("proportional" picks only inside that prefix too: a cluster gets a first pick before any smaller one.
        # "diverse" needs the whole run's signatures and weights: recomputed metrics use the largest-first order.)
        top = np.lexsort((np.arange(len(keys)), sizes if order == "smallest" else -sizes))[:budget]
        keys, sizes = keys[top], sizes[top]
    clusters, members = [], []
    for key, size in zip(keys.tolist(), sizes.tolist()):
        inside = programs.members[key][kept[programs.members[key]]]
        members.append(inside)
        clusters.append(Cluster(tuple(str(i) for i in inside), programs.signatures[key], int(size)))
    choices = select(clusters, budget, order=order, pick=pick, scores=programs.scores, seed=seed)
    if pick != "random":
        return float(any(programs.correct[int(choice.program_id)] for choice in choices))
    # A random pick draws each cluster's programs uniformly; only how many came from each cluster matters.
    taken = Counter(choice.cluster_index for choice in choices)
    index = np.array(list(taken), dtype=np.int64)
    total = np.array([len(members[i]) for i in index])
    right = np.array([int(programs.correct[members[i]].sum()) for i in index])
    return float(1.0 - _none_correct(total, right, np.array([taken[i] for i in index])).prod())


def n_at_k(
    outcomes: Sequence[Outcome],
    n_submissions: int,
    k: int,
    *,
    filtering: bool,
    clustering: bool,
    order: Order = "largest",
    pick: Pick = "random",
    subsets: int = 100,
    seed: int = 0,
) -> float:
    """n@k: the chance that `n_submissions` chosen from `k` samples include a correct one (AlphaCode, App. A.3)."""
    programs = _Programs.of(outcomes, need_scores=pick != "random")
    n = int(programs.counts.sum())
    if not 1 <= k <= n:
        raise ValueError(f"n@k needs 1 ≤ k ≤ n, the number of samples (got k={k}, n={n})")
    if n_submissions < 1 or subsets < 1:
        raise ValueError("n_submissions and subsets must be at least 1")
    rng = np.random.default_rng(seed)
    if k == n:
        # One subset: the whole set. Only a random cluster order leaves randomness to average over.
        rows = subsets if (clustering and order == "random") else 1
        drawn = np.broadcast_to(programs.counts, (rows, len(programs.counts)))
    else:
        # Multivariate hypergeometric = k samples drawn without replacement, counted per distinct program.
        drawn = rng.multivariate_hypergeometric(programs.counts, k, size=subsets, method="count")  # (R, D)
    kept = _kept(programs, drawn, filtering)
    if not clustering:
        return float(_unclustered(programs, kept, n_submissions, by_score=pick != "random").mean())
    seeds = rng.integers(0, 2**31, size=len(drawn))
    values = [
        _clustered(programs, drawn[r], kept[r], n_submissions, order, pick, int(seeds[r])) for r in range(len(drawn))
    ]
    return float(np.mean(values))


VARIANTS = {"filter_cluster": (True, True), "filter": (True, False), "cluster": (False, True), "plain": (False, False)}


def curve(
    outcomes: Sequence[Outcome],
    ks: Sequence[int],
    *,
    n_submissions: int = 10,
    order: Order = "largest",
    pick: Pick = "random",
    subsets: int = 100,
    seed: int = 0,
) -> pd.DataFrame:
    """One problem's pass@k and n@k for each k: columns k, pass_at_k, and `{n}@k_<variant>` for the variants
    filter_cluster (AlphaCode), filter, cluster and plain (neither)."""
    n = sum(o.count for o in outcomes)
    c = sum(o.count for o in outcomes if o.correct)
    rows = []
    for k in ks:
        row: dict[str, float] = {"k": int(k), "pass_at_k": pass_at_k(n, c, int(k))}
        for name, (filtering, clustering) in VARIANTS.items():
            row[f"{n_submissions}@k_{name}"] = n_at_k(
                outcomes, n_submissions, int(k), filtering=filtering, clustering=clustering, order=order, pick=pick,
                subsets=subsets, seed=seed,
            )  # fmt: skip
        rows.append(row)
    return pd.DataFrame(rows)


def value_auc(outcomes: Sequence[Outcome]) -> float | None:
    """ROC AUC of the outcomes' scores for telling correct programs from wrong ones, over samples (duplicates
    weigh by their count); None when all programs are correct or all are wrong."""
    from sklearn.metrics import roc_auc_score

    missing = sum(o.score is None for o in outcomes)
    if missing:
        raise ValueError(f"value AUC needs a score for every program; {missing} have none")
    labels = [o.correct for o in outcomes]
    if len(set(labels)) < 2:
        return None
    return float(roc_auc_score(labels, [o.score for o in outcomes], sample_weight=[o.count for o in outcomes]))
