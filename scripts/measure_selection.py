"""Measure how well clustering and selection find the correct programs of labelled pools: before vs after.

    .venv/bin/python scripts/measure_selection.py [--hc NAME ...] [--families FAMILY:INDEX ...] [--draws 5]
        [--budget 60] [--out results/selection]

Pools: the labelled real-contestant pools of `../shared/data/pools-hc/` (the selection sees id, language and code
only; labels are read here for scoring), and instances of the task families (`make_problem(family, "valid", i)`:
reference programs correct, judged wrong programs not). Each pool is filtered on its examples in the sandbox; the
example-passing programs are clustered once per variant, in the same run:
- `before`: main's behaviour before issue #17 (mutated inputs, the problem's time limit, exact signatures,
  largest cluster first);
- `after`: the new defaults: inputs mutated within the statement's constraints, a per-run limit from the
  examples, slow inputs dropped, a CPU budget (`--budget`), inputs dropped on the population's evidence, exact
  signatures, largest cluster first; the `after-*` rows change one thing on the same runs (the diverse order;
  robust clusters where a timeout under the reduced limit matches anything, with tolerance 0, 0.03 or 0.1).
Hard sub-pools (all example-passing wrong programs plus a random ~10% correct ones, `--draws` draws) re-cluster the
same signatures. Scores: first pick correct (expected over the random pick inside the cluster), any of 10 correct
(20 seeds), the exact random baselines (c/p and 1 - C(p-c,10)/C(p,10)), how many clusters the correct programs
form and the share of them in the largest, and the stage's seconds per program. Writes `OUT/selection.json` and
`OUT/selection.md`.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from dataclasses import dataclass
from math import comb
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clustering.behaviour import Behaviour, cluster_programs, group  # noqa: E402
from clustering.budget import TimeBudget  # noqa: E402
from clustering.robust import diverse_order  # noqa: E402
from clustering.selection import select  # noqa: E402
from solver.execution import Executor, Limits, Program  # noqa: E402
from solver.judge import judge_many, limits_of  # noqa: E402
from solver.problem import Problem, load_problem, parse_problem, parse_language  # noqa: E402
from test_generator.generate import generate_inputs  # noqa: E402

HC = ROOT.parent / "shared" / "data" / "pools-hc"
HC_POOLS = ("cooking_the_books", "boomerang", "lunch_scheduling", "winning_at_sports")  # cheapest first
FAMILY_POOLS = ("count_divisors:0", "lis_length:0", "grid_paths_obstacles:0", "connected_components:0")
PICK_SEEDS = 20


@dataclass(frozen=True)
class Pool:
    name: str
    problem: Problem
    programs: dict[str, Program]  # Program.id -> program: all the selection sees (id, language, code)
    correct: dict[str, bool]  # id -> label, for scoring only


def hc_pool(name: str) -> Pool:
    problem = load_problem(HC / f"{name}.problem.json")
    programs, correct = {}, {}
    for line in (HC / f"{name}.samples.jsonl").read_text().splitlines():
        record = json.loads(line)
        program = Program(parse_language(record["language"]), record["code"])
        programs[program.id], correct[program.id] = program, bool(record["correct"])
    return Pool(f"hc/{name}", problem, programs, correct)


def family_pool(spec: str) -> Pool:
    from problems.families.build import all_families, make_problem

    name, index = spec.split(":")
    family = next(f for f in all_families() if f.name == name)
    record = make_problem(family, "valid", int(index))
    problem = parse_problem(record, spec)
    programs, correct = {}, {}
    for label, field in ((True, problem.solutions), (False, problem.incorrect_solutions)):
        for language, code in zip(field.language, field.solution):
            if language.runnable:
                program = Program(language, code)
                programs[program.id], correct[program.id] = program, label
    return Pool(f"family/{spec}", problem, programs, correct)


def scores(behaviour: Behaviour, order: str, correct: dict[str, bool]) -> dict[str, float]:
    clusters = list(behaviour.clusters)
    sequence = diverse_order(clusters, _weights(behaviour)) if order == "diverse" else list(range(len(clusters)))
    ids = [m for c in clusters for m in c.members]
    p, c = len(ids), sum(correct[m] for m in ids)
    first = clusters[sequence[0]]
    rule = "proportional" if order == "proportional" else "largest"  # clusters come largest first
    any10 = mean(any(correct[ch.program_id] for ch in select(clusters, 10, order=rule, seed=s, sequence=sequence))
                 for s in range(PICK_SEEDS))  # fmt: skip
    per_cluster = [sum(correct[m] for m in cl.members) for cl in clusters]
    return {
        "programs": p, "correct": c, "first_pick": sum(correct[m] for m in first.members) / len(first.members),
        "any_of_10": any10, "random_first": c / p if p else 0.0,
        "random_10": 1 - comb(p - c, 10) / comb(p, 10) if p >= 10 else float(c > 0),
        "clusters": len(clusters), "correct_clusters": sum(1 for n in per_cluster if n),
        "correct_in_largest": max(per_cluster) / c if c else 0.0,
    }  # fmt: skip


def _weights(behaviour: Behaviour):
    import numpy as np

    return np.array(behaviour.weights) if behaviour.weights else None


# How each setting groups and orders the signatures of its run: (run, population filter, tolerance, order).
SETTINGS = {
    "before": ("before", False, None, "largest"),
    "after": ("after", True, None, "largest"),  # the new defaults
    "after-diverse": ("after", True, None, "diverse"),
    "after-proportional": ("after", True, None, "proportional"),
    "after-timeouts-match": ("after", True, 0.0, "largest"),
    "after-tolerance-0.03": ("after", True, 0.03, "largest"),
    "after-tolerance-0.1": ("after", True, 0.1, "largest"),
}


def regroup(signatures: dict, ids: list[str], setting: str) -> Behaviour:
    _, population_filter, tolerance, _ = SETTINGS[setting]
    return group({pid: signatures[pid] for pid in ids}, population_filter=population_filter, tolerance=tolerance)


def hard_draws(pool: Pool, passing: list[str], draws: int) -> list[list[str]]:
    wrong = [pid for pid in passing if not pool.correct[pid]]
    right = [pid for pid in passing if pool.correct[pid]]
    if not wrong or not right:
        return []
    k = max(1, round(len(wrong) / 9))  # ~10% correct among the example-passing
    out = []
    for d in range(draws):
        chosen = set(wrong) | set(random.Random(d).sample(right, min(k, len(right))))
        out.append([pid for pid in passing if pid in chosen])
    return out


def measure_pool(executor: Executor, pool: Pool, args: argparse.Namespace) -> dict:
    public, limits = pool.problem.public_view(), limits_of(pool.problem)
    if args.time_limit:  # the pools-hc files carry their 20 s labelling limit; the runs used 2 s
        limits = Limits(time_seconds=min(limits.time_seconds, args.time_limit), memory_bytes=limits.memory_bytes)
    ids = list(pool.programs)
    reports = judge_many(executor, [pool.programs[i] for i in ids], public.public_tests, limits, public.checker,
                         stop_on_failure=True)  # fmt: skip
    passing = [pid for pid, r in zip(ids, reports) if r.accepted]
    example_seconds = [r.max_cpu_seconds for r in reports if r.accepted]
    out: dict = {"pool": pool.name, "programs": len(ids), "passing": len(passing),
                 "passing_correct": sum(pool.correct[p] for p in passing), "variants": {}}  # fmt: skip
    if not passing:
        return out
    to_cluster = {pid: pool.programs[pid] for pid in passing}
    counts = {pid: 1 for pid in passing}
    runs = {}
    for run in ("before", "after"):
        inputs = generate_inputs(public, args.inputs, 0, constrained=(run == "after")).inputs
        start = time.perf_counter()
        if run == "before":
            behaviour = cluster_programs(executor, to_cluster, counts, inputs, limits)
        else:  # the runs only: the settings below filter and group
            behaviour = cluster_programs(executor, to_cluster, counts, inputs, limits, example_seconds=example_seconds,
                                         budget=TimeBudget(total_seconds=args.budget))  # fmt: skip
        seconds = time.perf_counter() - start
        runs[run] = (behaviour, len(inputs), seconds)
        if args.keep_signatures:
            args.keep_signatures.mkdir(parents=True, exist_ok=True)
            with open(args.keep_signatures / f"{pool.name.replace('/', '_')}.{run}.pickle", "wb") as handle:
                pickle.dump({"signatures": behaviour.signatures, "correct": pool.correct, "passing": passing}, handle)
    facts = {run: {"inputs": n, "seconds": round(sec, 2), "seconds_per_program": round(sec / len(passing), 4),
                   "budget": b.budget.as_dict() if b.budget else None} for run, (b, n, sec) in runs.items()}  # fmt: skip
    signatures = {run: b.signatures for run, (b, _, _) in runs.items()}
    out["variants"] = score_settings(pool.name, pool.correct, passing, signatures, facts, args.draws)
    return out


def score_settings(name: str, correct: dict[str, bool], passing: list[str], signatures: dict, facts: dict,
                   draws: int) -> dict:  # fmt: skip
    """Every setting of SETTINGS on the signatures of its run, the full pool and the hard sub-pools."""
    sub_pools = hard_draws(Pool(name, None, {}, correct), passing, draws)  # type: ignore[arg-type]
    variants = {}
    for setting, (run, _, _, order) in SETTINGS.items():
        full = regroup(signatures[run], passing, setting)
        hard = [scores(regroup(signatures[run], draw, setting), order, correct) for draw in sub_pools]
        variants[setting] = {
            **facts[run], "evidence": full.evidence.as_dict() if full.evidence else None,
            "full": scores(full, order, correct),
            "hard": {key: round(mean(h[key] for h in hard), 4) for key in hard[0]} if hard else None,
            "hard_draws": len(hard),
        }  # fmt: skip
        print(name, setting, json.dumps(variants[setting]["full"]), flush=True)
    return variants


def rescore(args: argparse.Namespace) -> None:
    """Score SETTINGS again on the signatures a measuring run kept (`--keep-signatures`), without running
    anything: the run facts (seconds, budget) come from that run's selection.json."""
    old = json.loads((args.out / "selection.json").read_text())
    results = []
    for entry in old["pools"]:
        stem = args.rescore / entry["pool"].replace("/", "_")
        if not entry["variants"] or not all(Path(f"{stem}.{run}.pickle").exists() for run in ("before", "after")):
            continue
        kept = {run: pickle.loads(Path(f"{stem}.{run}.pickle").read_bytes()) for run in ("before", "after")}
        facts = {run: next({k: v[k] for k in ("inputs", "seconds", "seconds_per_program", "budget")}
                           for v in entry["variants"].values() if (v["budget"] is None) == (run == "before"))
                 for run in ("before", "after")}  # fmt: skip
        signatures = {run: kept[run]["signatures"] for run in kept}
        variants = score_settings(entry["pool"], kept["after"]["correct"], kept["after"]["passing"], signatures,
                                  facts, args.draws)  # fmt: skip
        results.append({**entry, "variants": variants})
    command = old["command"].split(" (scored again:")[0] + f" (scored again: {' '.join(sys.argv[1:])})"
    (args.out / "selection.json").write_text(json.dumps({"command": command, "pools": results}, indent=1))
    (args.out / "selection.md").write_text(markdown(results, command))


def markdown(results: list[dict], command: str) -> str:
    lines = [f"Command: `{command}`", "", "| pool | variant | p | c | first | any-10 | random first | random 10 | "
             "clusters | correct clusters | correct in largest | s | s/program |", "|" + "---|" * 13]  # fmt: skip
    for part in ("full", "hard"):
        if part == "hard":
            lines += ["", "Hard sub-pools (~10% correct among the example-passing; mean over draws):", "",
                      lines[2], lines[3]]  # fmt: skip
        for r in results:
            for variant, v in r["variants"].items():
                s = v[part]
                if s is None:
                    continue
                lines.append(
                    f"| {r['pool']} | {variant} | {s['programs']} | {s['correct']} | {s['first_pick']:.2f} | "
                    f"{s['any_of_10']:.2f} | {s['random_first']:.2f} | {s['random_10']:.2f} | {s['clusters']:.0f} | "
                    f"{s['correct_clusters']:.1f} | {s['correct_in_largest']:.2f} | {v['seconds']:.1f} | "
                    f"{v['seconds_per_program']:.3f} |"
                )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hc", nargs="*", default=list(HC_POOLS))
    parser.add_argument("--families", nargs="*", default=list(FAMILY_POOLS))
    parser.add_argument("--time-limit", type=float, default=2.0, help="cap on the problems' limits (0: none)")
    parser.add_argument("--keep-signatures", type=Path, help="also pickle each run's signatures to this directory")
    parser.add_argument("--inputs", type=int, default=50)
    parser.add_argument("--draws", type=int, default=5)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "selection")
    parser.add_argument("--rescore", type=Path, help="score again from the signatures kept in this directory")
    args = parser.parse_args()
    if args.rescore:
        return rescore(args)
    pools = [family_pool(s) for s in args.families] + [hc_pool(n) for n in args.hc]  # the cheap ones first
    results = []
    args.out.mkdir(parents=True, exist_ok=True)
    command = "python scripts/measure_selection.py " + " ".join(sys.argv[1:])
    with Executor(workers=args.workers) as executor:
        for pool in pools:
            results.append(measure_pool(executor, pool, args))
            (args.out / "selection.json").write_text(json.dumps({"command": command, "pools": results}, indent=1))
            (args.out / "selection.md").write_text(markdown(results, command))


if __name__ == "__main__":
    main()
