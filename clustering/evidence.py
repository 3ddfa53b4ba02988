"""What the population of example-passing programs says about each generated input.

Without reference solutions there is no way to check that a generated input is valid, but the programs that pass
the examples are evidence: most of them are written to the statement, so an input on which most of them crash or
time out is most likely outside the constraints, and an input on which (nearly) every program prints something
different is one they read differently — noise that splits programs which agree on every valid input. Such inputs
are dropped and counted. The inputs that remain are weighted by how much the population agrees on them: a
fragmented input says less about who is right than one where most programs agree and a few do not.

Entries are those of `clusters.signature_entry`: an output digest, or "!STATUS" for a run that did not end
normally. Under the clustering stage's reduced per-run limit a timeout ("!TLE") says nothing about the output,
so it counts as unknown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from clustering.clusters import Signature

MIN_POPULATION = 5  # fewer example-passing programs are too few to judge inputs by
UNKNOWN = frozenset({"!TLE", "!SANDBOX_ERROR"})  # entries that say nothing about what the program would print


def is_crash(entry: str) -> bool:
    return entry.startswith("!") and entry not in UNKNOWN


@dataclass(frozen=True)
class InputEvidence:
    kept: tuple[int, ...]  # indices of the inputs kept, in input order
    dropped_crash: int  # most programs crashed on it
    dropped_timeout: int  # most programs timed out on it
    dropped_disagreement: int  # (nearly) every program printed something different

    def as_dict(self) -> dict[str, int]:
        return {"kept": len(self.kept), "dropped_crash": self.dropped_crash, "dropped_timeout": self.dropped_timeout,
                "dropped_disagreement": self.dropped_disagreement}  # fmt: skip


def judge_inputs(
    signatures: Mapping[str, Signature],
    *,
    failure_share: float = 0.5,
    min_programs: int = MIN_POPULATION,
) -> InputEvidence:
    """Which inputs to keep, judged from the signatures of the example-passing programs.

    An input is dropped when at least `failure_share` of the programs crash on it, or time out on it, or when the
    largest group of programs printing the same thing has at most max(2, 5%) of them. Fewer than `min_programs`
    programs are too few to judge by: everything is kept.
    """
    rows = list(signatures.values())
    n_inputs = len(rows[0]) if rows else 0
    if len(rows) < min_programs:
        return InputEvidence(tuple(range(n_inputs)), 0, 0, 0)
    kept, crash, timeout, disagreement = [], 0, 0, 0
    for i in range(n_inputs):
        column = [row[i] for row in rows]
        if sum(is_crash(e) for e in column) >= failure_share * len(column):
            crash += 1
        elif sum(e in UNKNOWN for e in column) >= failure_share * len(column):
            timeout += 1
        elif max(Counter(e for e in column if not e.startswith("!")).values(), default=0) <= max(2, 0.05 * len(column)):
            disagreement += 1
        else:
            kept.append(i)
    return InputEvidence(tuple(kept), crash, timeout, disagreement)


def project(signatures: Mapping[str, Signature], kept: Sequence[int]) -> dict[str, Signature]:
    """Signatures restricted to the kept inputs."""
    return {pid: tuple(sig[i] for i in kept) for pid, sig in signatures.items()}


def input_weights(signatures: Mapping[str, Signature], counts: Mapping[str, int] | None = None) -> np.ndarray:
    """Per input: the share of the programs with a known entry that give its most common entry. 1 where all agree
    (such an input separates nobody anyway), low where the population fragments."""
    rows = list(signatures.items())
    n_inputs = len(rows[0][1]) if rows else 0
    weights = np.ones(n_inputs)
    for i in range(n_inputs):
        tally: Counter[str] = Counter()
        for pid, sig in rows:
            if sig[i] not in UNKNOWN:
                tally[sig[i]] += counts.get(pid, 1) if counts is not None else 1
        total = sum(tally.values())
        weights[i] = tally.most_common(1)[0][1] / total if total else 0.0
    return weights
