"""From families to problem files: instances, tests, verification in the sandbox, splits.

An instance is a pure function of (family, split, index, seed): the same command writes the same files on any
machine. Three splits, as the default model's evaluation needs them:
- `train`: instances of the training families (everything not in HELD_OUT_FAMILIES);
- `valid`: unseen instances of the training families (different seeds; a statement equal to a training one is
  skipped and the next index taken);
- `heldout`: instances of the HELD_OUT_FAMILIES, which no training run ever sees.

Verification runs every program of every instance on all its tests in the sandbox: a reference program that is
not accepted is a bug in its family (the build stops and names it); a wrong program that is accepted is dropped
and counted (its mistake did not show on this instance's tests). The labels of the wrong programs kept are the
judge's, not the family's word.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from problems.families.base import Code, Family, Kind
from solver.errors import UsageError

SPLITS = ("train", "valid", "heldout")
# Whole families never trained on: one or two per broad topic, so that the held-out number says something about
# each kind of task rather than one.
HELD_OUT_FAMILIES: tuple[str, ...] = (
    "lcm_of_pair",  # math (gcd_of_array is trained)
    "last_digit_power",  # number theory (modular_power is trained)
    "anagram_check",  # strings (most_frequent_letter is trained)
    "clock_after_minutes",  # implementation
    "boat_pairing",  # greedy, two pointers (pairs_sum_at_most is trained)
    "count_triples_divisible",  # brute force
    "min_cost_grid_path",  # dp (grid_paths_obstacles is trained)
    "bipartite_check",  # graphs (connected_components and bfs_shortest_path are trained)
)
SLOW_WRONG_FRACTION = 0.25  # "too slow" programs run into the time limit: kept on a quarter of the instances
EXAMPLE_COUNTS = (1, 1, 2, 2, 3)


class FamilyError(UsageError):
    """A family that produced something unusable: a reference program rejected, a bad test, too few programs."""


def all_families() -> list[Family]:
    from problems.families.catalog import FAMILIES

    names = [f.name for f in FAMILIES]
    repeated = sorted(n for n, c in Counter(names).items() if c > 1)
    if repeated:
        raise FamilyError(f"family names must be unique; repeated: {', '.join(repeated)}")
    return list(FAMILIES)


def families_of(split: str, families: Sequence[Family] | None = None) -> list[Family]:
    families = all_families() if families is None else families
    held = set(HELD_OUT_FAMILIES)
    return [f for f in families if (f.name in held) == (split == "heldout")]


# ------------------------------------------------------------------------------------------------ one instance


def _layout(statement_parts: Any, examples: Sequence[tuple[str, str]], rng: random.Random) -> str:
    """The statement as CodeContests lays it out: legend, Input, Output, Example(s), Note."""
    parts = [statement_parts.legend.strip(), "Input", statement_parts.input.strip(), "Output",
             statement_parts.output.strip(), "Examples" if len(examples) > 1 else rng.choice(("Example", "Examples"))]  # fmt: skip
    for given, expected in examples:
        parts += ["Input", given.rstrip("\n") + "\n", "Output", expected.rstrip("\n") + "\n"]
    if statement_parts.note.strip():
        parts += ["Note", statement_parts.note.strip()]
    return "\n\n".join(parts) + "\n"


def _inputs(family: Family, p: dict[str, Any], rng: random.Random, kind: Kind, count: int, seen: set[str]) -> list[str]:
    """`count` distinct inputs of one kind (fewer when the family cannot make more: tiny input spaces)."""
    found: list[str] = []
    for _ in range(count * 8):
        if len(found) == count:
            break
        text = family.make_input(p, rng, kind)
        if not isinstance(text, str) or not text.endswith("\n"):
            raise FamilyError(f"family {family.name}: make_input({kind!r}) must return text ending with a newline")
        if text not in seen:
            seen.add(text)
            found.append(text)
    return found


def _solutions_field(codes: Iterable[Code]) -> dict[str, list[str]]:
    codes = list(codes)
    return {"language": [c.language for c in codes], "solution": [c.source for c in codes]}


def make_problem(family: Family, split: str, index: int, seed: int = 0, large: bool = True) -> dict[str, Any]:
    """One instance as a CodeContests-schema dict (plus `family`, `split` and the wrong programs' `mistakes`).
    Without `large`, the instance has no tests near the maximum size and no "too slow" wrong programs (which only
    such tests can catch): the training split is built so, since the model never sees tests and those tests cost
    most of the time to make and to judge."""
    rng = random.Random(f"{family.name}|{split}|{index}|{seed}")
    p = family.draw(rng)
    statement = family.statement(p, rng)
    seen: set[str] = set()
    examples = _inputs(family, p, rng, "example", rng.choice(EXAMPLE_COUNTS), seen)
    kinds = {kind: count for kind, count in family.tests.items() if large or kind != "large"}
    hidden = [text for kind, count in kinds.items() for text in _inputs(family, p, rng, kind, count, seen)]  # type: ignore[arg-type]
    if not examples or not hidden:
        raise FamilyError(f"family {family.name}: instance {index} has no example or no hidden test")
    answers = {text: family.answer(p, text) for text in examples + hidden}
    solutions = family.solutions(p)
    wrong = [c for c in family.wrong_solutions(p) if c.mistake != "too slow" or (large and rng.random() < SLOW_WRONG_FRACTION)]
    for lang in ("PYTHON3", "CPP"):
        if sum(c.language == lang for c in solutions) < 2:
            raise FamilyError(f"family {family.name}: needs at least two reference {lang} programs")
    checker = family.checker(p)
    problem: dict[str, Any] = {
        "name": f"{family.name}.{split}.{index:04d}",
        "description": _layout(statement, [(t, answers[t]) for t in examples], rng),
        "public_tests": {"input": examples, "output": [answers[t] for t in examples]},
        "private_tests": {"input": hidden, "output": [answers[t] for t in hidden]},
        "generated_tests": {"input": [], "output": []},
        "solutions": _solutions_field(solutions),
        "incorrect_solutions": _solutions_field(wrong),
        "cf_rating": family.rating,
        "cf_tags": list(family.tags),
        "time_limit": {"seconds": int(family.time_limit), "nanos": int(round(family.time_limit % 1 * 1e9))},
        "memory_limit_bytes": family.memory_mb * 2**20,
        "source": "families",
        "family": family.name,
        "split": split,
        "mistakes": [c.mistake for c in wrong],
    }
    if checker is not None:
        problem["checker"] = {"language": "PYTHON3", "source": checker}
    return problem


def make_split(split: str, count: int, families: Sequence[Family], seed: int = 0,
               avoid: set[str] | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """`count` instances of each family; statements in `avoid` (hashes) are skipped for fresh indices. Training
    instances have no large tests (see `make_problem`)."""
    problems = []
    for family in families:
        index = 0
        made = 0
        while made < count:
            problem = make_problem(family, split, index, seed, large=split != "train")
            index += 1
            digest = statement_digest(problem)
            if avoid is not None and digest in avoid:
                continue
            problems.append(problem)
            made += 1
            if index > 4 * count + 20:
                raise FamilyError(f"family {family.name}: cannot make {count} {split} instances unlike the others")
    return problems


def statement_digest(problem: dict[str, Any]) -> str:
    return hashlib.sha256(problem["description"].encode()).hexdigest()


# ------------------------------------------------------------------------------------------------ verification


@dataclass
class FamilyStats:
    """What verification found for one family."""

    instances: int = 0
    programs_ok: int = 0
    wrong_kept: Counter = field(default_factory=Counter)  # by mistake
    wrong_dropped: Counter = field(default_factory=Counter)
    tests: int = 0
    retried: int = 0  # reference programs judged again after a time-out (accepted the second time)


def verify(problems: list[dict[str, Any]], workers: int | None = None,
           progress: Callable[[int], None] | None = None) -> dict[str, FamilyStats]:  # fmt: skip
    """Judge every program of every problem (in place: accepted wrong programs are removed from the dicts)."""
    from solver.execution import Executor, Program
    from solver.judge import judge_many, limits_of
    from solver.problem import Language, Problem, Tests

    stats: dict[str, FamilyStats] = defaultdict(FamilyStats)
    with Executor(workers=workers) as executor:
        for done, raw in enumerate(problems, 1):
            problem = Problem.model_validate(raw)
            tests = Tests(input=problem.public_tests.input + problem.private_tests.input,
                          output=problem.public_tests.output + problem.private_tests.output)  # fmt: skip
            right = [Program(Language(lang), src) for lang, src in zip(problem.solutions.language, problem.solutions.solution)]
            wrong = [Program(Language(lang), src) for lang, src in
                     zip(problem.incorrect_solutions.language, problem.incorrect_solutions.solution)]  # fmt: skip
            limits = limits_of(problem)
            reports = judge_many(executor, right, tests, limits, problem.checker)
            for i, report in enumerate(reports):
                if not report.accepted and any(t.verdict.value == "TLE" for t in report.tests):
                    # A busy machine can push a run past the wall-clock limit: judge it once more before blaming
                    # the family, and count the retry.
                    report = judge_many(executor, [right[i]], tests, limits, problem.checker)[0]
                    stats[raw["family"]].retried += 1
                if not report.accepted:
                    bad = next(t for t in report.tests if t.verdict.value != "OK")
                    raise FamilyError(f"family {raw['family']}: {problem.name}: reference program {i + 1} "
                                      f"({right[i].language.value}) got {bad.verdict.value} on test {bad.index + 1}: "
                                      f"{bad.reason[:200]}")  # fmt: skip
            wrong_reports = judge_many(executor, wrong, tests, limits, problem.checker, stop_on_failure=True)
            keep = [i for i, r in enumerate(wrong_reports) if not r.accepted]
            family = stats[raw["family"]]
            family.instances += 1
            family.programs_ok += len(right)
            family.tests += len(tests)
            for i, mistake in enumerate(raw["mistakes"]):
                (family.wrong_kept if i in keep else family.wrong_dropped)[mistake] += 1
            raw["incorrect_solutions"] = {k: [v[i] for i in keep] for k, v in raw["incorrect_solutions"].items()}
            raw["mistakes"] = [raw["mistakes"][i] for i in keep]
            if progress:
                progress(done)
    return dict(stats)


def write_jsonl(path: Path, problems: Sequence[dict[str, Any]]) -> None:
    """Written beside the destination and renamed into place: a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w") as f:
        for problem in problems:
            f.write(json.dumps(problem, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def _verified_earlier(path: Path, problems: Sequence[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The problems of `path` when it holds exactly these instances (same names and statements, in order), as an
    earlier build with the same seed and counts wrote them after verifying them; else None. Its wrong programs
    are kept as they are: verification dropped the ones the tests could not catch."""
    if not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8") as lines:
            written = [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError):
        return None
    same = len(written) == len(problems) and all(
        w.get("name") == p["name"] and statement_digest(w) == statement_digest(p) for w, p in zip(written, problems))
    return written if same else None


def build(out: Path, counts: dict[str, int], seed: int = 0, workers: int | None = None, check: bool = True,
          log: Callable[[str], None] = print) -> dict[str, Any]:  # fmt: skip
    """Write OUT/{train,valid,heldout}.jsonl and OUT/report.json; returns the report."""
    out.mkdir(parents=True, exist_ok=True)
    families = all_families()
    report: dict[str, Any] = {"seed": seed, "counts": counts, "held_out_families": list(HELD_OUT_FAMILIES), "splits": {}}
    train_digests: set[str] = set()
    for split in SPLITS:
        started = time.perf_counter()
        chosen = families_of(split, families) if split != "valid" else families_of("train", families)
        problems = make_split(split, counts[split], chosen, seed, avoid=train_digests if split == "valid" else None)
        if split == "train":
            train_digests = {statement_digest(p) for p in problems}
        made = time.perf_counter() - started
        earlier = _verified_earlier(out / f"{split}.jsonl", problems) if check else None
        if earlier is not None:  # a build that stopped in a later split: this one is done, keep its file
            report["splits"][split] = {"problems": len(earlier), "families": [f.name for f in chosen],
                                       "make_seconds": round(made, 1), "verified": True, "reused": True}  # fmt: skip
            log(f"{split}: {len(earlier)} problems already built and verified in {out / f'{split}.jsonl'}")
            continue
        def progress(done: int) -> None:
            if done % 200 == 0:
                log(f"{split}: {done}/{len(problems)} problems verified ({time.perf_counter() - started - made:.0f} s)")

        stats = verify(problems, workers, progress) if check else {}
        write_jsonl(out / f"{split}.jsonl", problems)
        report["splits"][split] = {
            "problems": len(problems), "families": [f.name for f in chosen], "make_seconds": round(made, 1),
            "verify_seconds": round(time.perf_counter() - started - made, 1), "verified": check,
            "per_family": {name: {"instances": s.instances, "reference_programs": s.programs_ok, "tests": s.tests, "retried": s.retried,
                                  "wrong_kept": dict(s.wrong_kept), "wrong_dropped": dict(s.wrong_dropped)}
                           for name, s in sorted(stats.items())},
        }  # fmt: skip
        log(f"{split}: {len(problems)} problems from {len(chosen)} families "
            f"({made:.0f} s to make, {report['splits'][split]['verify_seconds']:.0f} s to verify)")  # fmt: skip
    (out / "report.json").write_text(json.dumps(report, indent=1) + "\n")
    return report
