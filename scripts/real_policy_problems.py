"""Pick the easiest problems of the CodeContests subset for the real-policy experiment and write them as one JSONL.

The subset records no Codeforces ratings, so "easiest" is read from the problem index: every A problem, then B
problems in a seeded order, until `--count` are chosen. A problem is kept only if its one accepted human Python 3
solution is accepted by the judge under the limits the experiment uses (the subset records none, so the project's
default 2 s and 256 MiB): a problem its own reference cannot pass (several accepted answers and no checker, an
interactive problem, a reference too slow for 2 s) cannot tell a correct sample from a wrong one.

    .venv/bin/python scripts/real_policy_problems.py [--data ../shared/data/codecontests-subset] \
        [--out runs/real-policy/problems.jsonl] [--count 25] [--seed 0]

Prints the chosen problems and the ones passed over, with the reason; `experiments/real-policy.yaml` reads the file.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from solver.execution import Executor, Limits, Program
from solver.judge import Verdict, judge_many
from solver.problem import Language, Tests, load_problems

ROOT = Path(__file__).resolve().parent.parent
LIMITS = Limits(time_seconds=2.0, memory_bytes=256 * 2**20)  # the project's defaults for a problem without limits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "codecontests-subset")
    parser.add_argument("--out", type=Path, default=ROOT / "runs" / "real-policy" / "problems.jsonl")
    parser.add_argument("--count", type=int, default=25)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    problems = load_problems(args.data)
    by_index: dict[str, list] = {}
    for problem in problems:
        by_index.setdefault((problem.cf_index or "?")[:1], []).append(problem)
    rng = random.Random(args.seed)
    ordered = []
    for letter in sorted(by_index):
        group = sorted(by_index[letter], key=lambda p: p.name)
        rng.shuffle(group)
        ordered += group

    chosen, passed_over = [], []
    with Executor() as executor:
        for problem in ordered:
            if len(chosen) == args.count:
                break
            sources = problem.solutions.of(Language.PYTHON3)
            if not sources:
                passed_over.append((problem.name, "no Python 3 solution"))
                continue
            tests = Tests(input=problem.public_tests.input + problem.hidden_tests.input,
                          output=problem.public_tests.output + problem.hidden_tests.output)  # fmt: skip
            report = judge_many(executor, [Program(Language.PYTHON3, sources[0])], tests, LIMITS)[0]
            if report.verdict is not Verdict.OK:
                passed_over.append((problem.name, f"reference {report.verdict.name} under 2 s / 256 MiB"))
                continue
            chosen.append(problem)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    partial = args.out.with_suffix(".partial")
    with partial.open("w") as out:
        for problem in chosen:
            out.write(json.dumps(problem.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False) + "\n")
    partial.replace(args.out)  # whole or not at all
    print(f"{len(chosen)} problems -> {args.out}")
    for problem in chosen:
        print(f"  {problem.name}  ({len(problem.hidden_tests.input)} hidden tests)")
    for name, reason in passed_over:
        print(f"  passed over: {name}: {reason}")


if __name__ == "__main__":
    main()
