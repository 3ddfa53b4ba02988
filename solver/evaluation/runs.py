"""Reading a batch run back: its saved records become per-problem program outcomes for the metrics.

Metrics are always recomputed from `samples.jsonl` and `problems.jsonl`, never from memory, so any run directory
can be evaluated again later, with other k or other selection rules. A program's outcome is built from its first
sample's record (duplicates share verdicts) with `count` = how many samples it was. Samples without a runnable
program are outcomes of their own that never pass. A program counts as correct only if it passed the examples
and the hidden tests; programs that failed the examples are incorrect without further judging. Runs made without
`judge_all` judged only the chosen programs, so other programs' correctness is unknown and they are refused here.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from solver.errors import UsageError
from solver.evaluation.metrics import Outcome


@dataclass(frozen=True)
class ProblemRecords:
    name: str
    rating: int | None
    tags: tuple[str, ...]
    outcomes: tuple[Outcome, ...]
    solved_by_run: bool | None  # what the run's own choice of submissions achieved
    values: tuple[tuple[float, bool], ...]  # (value-head score, correct) per sample that has a score

    @property
    def n_samples(self) -> int:
        return sum(o.count for o in self.outcomes)


def _read_jsonl(path: Path) -> list[dict]:
    """A record file, or its gzipped copy (PATH.gz: how large runs are committed under results/), or both: a run
    resumed after compressing appends to a fresh plain file, and the two are read in order."""
    packed = path.with_name(path.name + ".gz")
    if not path.is_file() and not packed.is_file():
        raise UsageError(f"{path}: missing; is this a `solve batch` run directory?")
    rows = []
    if packed.is_file():
        try:
            text = gzip.decompress(packed.read_bytes()).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError) as error:
            raise UsageError(f"{packed}: not a readable gzip file of JSON lines ({error})") from None
        rows += _parse(packed, text)
    if path.is_file():
        rows += _parse(path, path.read_text(encoding="utf-8"))
    return rows


def _parse(path: Path, text: str) -> list[dict]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            raise UsageError(f"{path}:{number}: not JSON (a torn line? rerun the batch command to repair it)") from None
    return rows


def load_run(run: Path, score: str | None = None) -> list[ProblemRecords]:
    """Every finished problem of a run, in the order they finished. `score`: the sample field used as an outcome's
    score (e.g. "logprob_mean" or "value") for pick rules that need one."""
    run = Path(run)
    last: dict[str, dict] = {}  # a problem retried after failing (`solve batch --retry-failed`) has two records
    for record in _read_jsonl(run / "problems.jsonl"):
        last[record["problem"]] = record
    problems = list(last.values())
    by_problem: dict[str, list[dict]] = defaultdict(list)
    for record in _read_jsonl(run / "samples.jsonl"):
        by_problem[record["problem"]].append(record)
    out = []
    for p in problems:
        if p.get("failed"):  # its pipeline raised: no samples to score (`solve batch` printed why)
            continue
        samples = by_problem.get(p["problem"], [])
        programs: dict[str, dict] = {}
        counts: dict[str, int] = defaultdict(int)
        for i, s in enumerate(samples):
            key = s["program_id"] or f"no-code-{i}"
            programs.setdefault(key, s)
            counts[key] += 1
        outcomes = []
        for key, s in programs.items():
            if s["passed_public"] and s["correct"] is None:
                raise UsageError(f"{run}: problem {p['problem']!r} was run without judge_all (or has no hidden "
                                 "tests), so the correctness of unchosen programs is unknown")  # fmt: skip
            signature = tuple(s["signature"]) if s["signature"] is not None else None
            outcomes.append(Outcome(counts[key], bool(s["passed_public"]), bool(s["correct"]), signature,
                                    s.get(score) if score else None))  # fmt: skip
        values = tuple((s["value"], bool(s["correct"])) for s in samples if s.get("value") is not None)
        hidden = p["report"]["hidden"]
        out.append(ProblemRecords(p["problem"], p.get("rating"), tuple(p.get("tags") or ()), tuple(outcomes),
                                  None if hidden is None else bool(hidden["solved"]), values))  # fmt: skip
    return out
