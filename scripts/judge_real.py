"""Judge every accepted human Python 3 solution of the CodeContests subset on its own problem's tests.

Writes results/judge-real/report.md (acceptance rate, and every rejection with its verdict and reason) and
results/judge-real/report.json. The subset records no time limits, so every problem gets the generous limits below.

    .venv/bin/python scripts/judge_real.py [--data ../shared/data/codecontests-subset] [--out results/judge-real]

A rejection's explanation comes from `judge_real_notes.yaml` (a note per problem, written after reading the
problem and the failing output) or, failing that, from a rule: a wrong answer on a problem whose statement allows
several answers, when the file has no checker, is explained as such.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

import yaml

from solver.execution import Executor, Program
from solver.judge import Verdict, judge_many
from solver.execution import Limits
from solver.problem import Language, Tests, load_problems

ROOT = Path(__file__).resolve().parent.parent
LIMITS = Limits(time_seconds=10.0, memory_bytes=1024 * 2**20)  # no limits recorded: CodeContests' default 10 s
MULTI_ANSWER = re.compile(
    r"\b(any of them|print any|output any|multiple (possible )?(answers|solutions)|several (possible )?(answers|solutions)"
    r"|any (valid|correct|optimal) (answer|solution)|more than one (answer|solution))\b",
    re.IGNORECASE,
)


def all_tests(problem) -> Tests:
    hidden = problem.hidden_tests
    return Tests(input=problem.public_tests.input + hidden.input, output=problem.public_tests.output + hidden.output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "codecontests-subset")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "judge-real")
    args = parser.parse_args()
    notes_path = Path(__file__).with_name("judge_real_notes.yaml")
    notes = yaml.safe_load(notes_path.read_text()) if notes_path.exists() else {}
    notes = notes or {}

    problems = load_problems(args.data)
    rows = []
    start = time.perf_counter()
    with Executor() as executor:
        isolation = executor.isolation_level
        for problem in problems:
            sources = problem.solutions.of(Language.PYTHON3)
            if not sources:
                continue
            report = judge_many(executor, [Program(Language.PYTHON3, sources[0])], all_tests(problem), LIMITS)[0]
            failed = next((t for t in report.tests if t.verdict != Verdict.OK), None)
            row = {
                "problem": problem.name,
                "verdict": report.verdict.value,
                "tests": len(report.tests),
                "max_cpu_seconds": round(report.max_cpu_seconds, 3),
                "max_memory_mib": round(report.max_memory_bytes / 2**20, 1),
            }
            if failed is not None:
                row["failed_test"] = failed.index + 1
                row["detail"] = failed.reason
                note = notes.get(problem.name)
                if note:
                    row["explanation"] = note
                elif "interactive problem" in problem.description.lower():
                    row["explanation"] = "an interactive problem: recorded transcripts cannot judge it"
                elif failed.verdict == Verdict.WA and MULTI_ANSWER.search(problem.description):
                    row["explanation"] = "the statement accepts several answers and the data has no checker"
                else:
                    row["explanation"] = "UNEXPLAINED"
            rows.append(row)
            print(f"{row['verdict']:>13}  {problem.name}", flush=True)
    seconds = time.perf_counter() - start

    accepted = sum(r["verdict"] == "OK" for r in rows)
    rejected = [r for r in rows if r["verdict"] != "OK"]
    args.out.mkdir(parents=True, exist_ok=True)
    summary = {
        "command": "python scripts/judge_real.py",
        "problems": len(rows),
        "accepted": accepted,
        "acceptance_rate": round(accepted / max(len(rows), 1), 4),
        "unexplained": sum(r.get("explanation") == "UNEXPLAINED" for r in rows),
        "limits": {"time_seconds": LIMITS.time_seconds, "memory_mib": LIMITS.memory_bytes // 2**20},
        "isolation": isolation,
        "seconds": round(seconds, 1),
        "rows": rows,
    }
    (args.out / "report.json").write_text(json.dumps(summary, indent=1) + "\n")
    lines = [
        "# Judging real accepted solutions",
        "",
        f"Command: `.venv/bin/python scripts/judge_real.py` (data: the {len(rows)} CodeContests problems in "
        "`../shared/data/codecontests-subset/`, each judged with its one accepted human Python 3 solution on all of "
        "its public, private and generated tests).",
        "",
        f"The data records no time limits, so every problem gets {LIMITS.time_seconds:g} s CPU "
        f"(CodeContests' default test timeout) and {LIMITS.memory_bytes // 2**20} MiB. Isolation: {isolation}. "
        f"Wall time of the whole run: {seconds:.0f} s.",
        "",
        f"**Accepted: {accepted} / {len(rows)} ({100 * accepted / max(len(rows), 1):.1f}%).** "
        f"Rejections: {len(rejected)}, unexplained: {summary['unexplained']}.",
        "",
        "| problem | verdict | failed test | detail | explanation |",
        "|---|---|---|---|---|",
    ]
    for r in rejected:
        detail = r.get("detail", "").replace("|", "\\|")
        lines.append(f"| {r['problem']} | {r['verdict']} | {r.get('failed_test', '')} | {detail} | {r['explanation']} |")
    (args.out / "report.md").write_text("\n".join(lines) + "\n")
    print(f"accepted {accepted}/{len(rows)}; report in {args.out / 'report.md'}")


if __name__ == "__main__":
    main()
