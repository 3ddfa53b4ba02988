"""The real-policy results, from the saved records of a `solve batch` run with judge_all (experiments/real-policy.yaml).

Recomputes from the run's records, per problem and overall: pass@k, and 10@k under four choosing rules on the same
samples — filtering + clustering (AlphaCode), filtering only (10 random example-passing programs), clustering
only, and random choice among all samples; the samples' fate (compiled, passed the examples, correct, cut at the
token limit) by language; generated tokens per second of sampling; seconds per problem and stage; and solved
problems per CPU-hour (the problems the run's own 10 submissions solved, over the run's wall time times the cores).
Writes `report.md`, `report.json` and `solve_rate.png` (solve rate against k, log axis) into --out. Finished
problems only, so it can be run while the batch is still going.

    .venv/bin/python scripts/real_policy_report.py results/real-policy/run --out results/real-policy [--cores 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import yaml

from solver.evaluation.report import draw_rules, run_metrics
from solver.evaluation.tables import summarise
from solver.pipeline.config import SolveConfig

RULES = {"10@k_filter_cluster": "filtering + clustering", "10@k_filter": "filtering only",
         "10@k_cluster": "clustering only", "10@k_plain": "random choice"}  # fmt: skip
STAGES = ("sampling", "filtering", "inputs", "clustering", "selection", "hidden", "total")
TABLE_KS = (1, 10, 100)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sample_fates(samples: list[dict]) -> dict[str, dict[str, int]]:
    """Per language: samples, compiled (no CE), passed the examples, correct, cut at the token limit."""
    fates: dict[str, Counter] = {}
    for s in samples:
        c = fates.setdefault(s["language"], Counter())
        c["samples"] += 1
        c["compiled"] += s.get("public_verdict") != "CE"
        c["passed_examples"] += bool(s.get("passed_public"))
        c["correct"] += bool(s.get("correct"))
        c["cut_at_limit"] += s.get("finished") is False
    return {language: dict(c) for language, c in sorted(fates.items())}


def markdown(report: dict, source: str) -> str:
    o = report["overall"]
    lines = [
        "# Real policy: solve rates on the easiest CodeContests problems", "",
        f"Written by `python scripts/real_policy_report.py {source}` from the run's records "
        f"({report['problems']} problems finished; the run's settings in its `config.yaml`).", "",
        *([f"Failed, not counted (`solve batch ... --retry-failed` runs them again): "
           + "; ".join(f"{name}: {error}" for name, error in report["failed"].items()), ""] if report["failed"] else []),
        f"Policy: `{report['policy']}`, {report['samples_per_problem']} samples per problem "
        f"(temperature {report['temperature']}, top-p {report['top_p']}, at most {report['max_new_tokens']} tokens).", "",
        "| k | pass@k | " + " | ".join(f"10@k {v}" for v in RULES.values()) + " |",
        "|---:|---:|" + "---:|" * len(RULES),
    ]  # fmt: skip
    for row in o:
        lines.append(f"| {int(row['k'])} | {row['pass_at_k']:.3f} | " + " | ".join(f"{row[c]:.3f}" for c in RULES) + " |")
    t = report["throughput"]
    lines += [
        "", f"Solved by the run's own 10 submissions: **{report['solved']} of {report['problems']}**; "
        f"{report['solved_per_cpu_hour']:.2f} solved problems per CPU-hour ({t['wall_hours']:.2f} h wall x "
        f"{report['cores']} cores).", "",
        f"Sampling: {t['generated_tokens']} tokens in {t['sampling_seconds']:.0f} s = **{t['tokens_per_second']:.1f} "
        f"generated tokens/s**; {t['seconds_per_sample']:.2f} s per sample.", "",
        "Median seconds per problem and stage: "
        + ", ".join(f"{s} {v:.1f}" for s, v in report["median_seconds"].items()), "",
        "Samples by language (all problems): ", "",
        "| language | samples | compiled | passed the examples | correct | cut at the token limit |",
        "|---|---:|---:|---:|---:|---:|",
    ]  # fmt: skip
    for language, c in report["fates"].items():
        lines.append(f"| {language} | {c.get('samples', 0)} | {c.get('compiled', 0)} | {c.get('passed_examples', 0)} | "
                     f"{c.get('correct', 0)} | {c.get('cut_at_limit', 0)} |")  # fmt: skip
    lines += ["", "Per problem (pass@k from all samples; 10@100 for each rule; `solved`: the run's own choice):", "",
              "| problem | passed examples | correct | clusters | pass@1 | pass@10 | pass@100 | "
              + " | ".join(f"10@100 {v}" for v in RULES.values()) + " | solved | seconds |",
              "|---|---:|---:|---:|---:|---:|---:|" + "---:|" * len(RULES) + "---|---:|"]  # fmt: skip
    for p in report["per_problem"]:
        lines.append(f"| {p['problem']} | {p['passed_examples']} | {p['correct']} | {p['clusters']} | {p['pass@1']:.2f} | "
                     f"{p['pass@10']:.2f} | {p['pass@100']:.2f} | " + " | ".join(f"{p[c]:.2f}" for c in RULES)
                     + f" | {'yes' if p['solved'] else 'no'} | {p['seconds']:.0f} |")  # fmt: skip
    return "\n".join(lines) + "\n"


def plot(overall: pd.DataFrame, path: Path, title: str) -> None:
    fig, ax = plt.subplots(figsize=(6.5, 4))
    draw_rules(ax, overall, RULES, top=min(1.0, max(0.05, float(overall["pass_at_k"].max()) * 1.15)))
    ax.set_title(title, fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path, help="a `solve batch` run directory (judge_all on)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cores", type=int, default=os.cpu_count(), help="cores the run had (CPU-hours = wall x cores)")
    args = parser.parse_args()

    config = SolveConfig(**yaml.safe_load((args.run / "config.yaml").read_text()))
    last = {r["problem"]: r for r in read_jsonl(args.run / "problems.jsonl")}  # a retried failure: its last record
    records = [r for r in last.values() if not r.get("failed")]
    failed = {r["problem"]: r["failed"] for r in last.values() if r.get("failed")}
    samples = read_jsonl(args.run / "samples.jsonl")
    n = config.samples
    ks = sorted({k for k in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if k <= n} | {n})
    per_problem, _ = run_metrics(args.run, config, ks, 100)
    overall = summarise(per_problem)

    by_problem: dict[str, list[dict]] = {}
    for s in samples:
        by_problem.setdefault(s["problem"], []).append(s)
    rows = []
    for r in records:
        rep, own = r["report"], by_problem.get(r["problem"], [])
        curve = per_problem[per_problem["problem"] == r["problem"]].set_index("k")

        def at(k: int, col: str, curve=curve) -> float:
            return float(curve.loc[min(k, n), col])

        rows.append({
            "problem": r["problem"], "passed_examples": rep["filtering"]["passed_programs"],
            "correct": sum(bool(s.get("correct")) for s in own), "clusters": rep["clustering"]["clusters"],
            **{f"pass@{k}": at(k, "pass_at_k") for k in TABLE_KS}, **{c: at(100, c) for c in RULES},
            "solved": bool(rep["hidden"] and rep["hidden"]["solved"]), "seconds": rep["seconds"]["total"],
        })  # fmt: skip
    seconds = [r["report"]["seconds"] for r in records]
    sampling = sum(s.get("sampling", 0.0) for s in seconds)
    tokens = sum(s.get("n_tokens") or 0 for s in samples)
    wall = sum(s["total"] for s in seconds)
    solved = sum(row["solved"] for row in rows)
    report = {
        "problems": len(records), "failed": failed, "policy": f"{config.served_model} at {config.policy_url}" if config.policy_url
        else str(config.model), "samples_per_problem": n, "temperature": config.temperature, "top_p": config.top_p,
        "max_new_tokens": config.max_new_tokens, "cores": args.cores,
        "overall": overall.to_dict("records"), "per_problem": rows, "fates": sample_fates(samples),
        "solved": solved, "solved_per_cpu_hour": solved / max(wall * args.cores / 3600, 1e-9),
        "throughput": {"generated_tokens": tokens, "sampling_seconds": sampling,
                       "tokens_per_second": tokens / max(sampling, 1e-9), "seconds_per_sample": sampling / max(len(samples), 1),
                       "wall_hours": wall / 3600},
        "median_seconds": {s: statistics.median(t.get(s, 0.0) for t in seconds) for s in STAGES} if seconds else {},
    }  # fmt: skip
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.md").write_text(markdown(report, str(args.run)), encoding="utf-8")
    (args.out / "report.json").write_text(json.dumps(report, indent=1, default=float) + "\n", encoding="utf-8")
    plot(overall, args.out / "solve_rate.png", f"{report['policy']}: {len(records)} CodeContests problems, {n} samples each")
    print((args.out / "report.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
