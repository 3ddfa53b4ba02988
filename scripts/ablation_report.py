"""The recipe ablations' numbers, from the saved records of `solve ablate experiments/ablations.yaml`.

For each variant: pass@1, pass@10, pass@100 and 10@k (filtering + clustering, filtering only, random choice) per
problem from its judged samples, averaged over problems with a 95% bootstrap interval (problems resampled), and
its sampling cost (seconds and generated tokens per problem, from samples/<group>/sampling.json). For each
ablation, the difference to the full recipe with a paired bootstrap interval (the same problems resampled for
both), and a plot of solve rate against k. Writes report.md, report.json and one PNG per ablation into the
experiment's directory (or --out). Variants not run yet are left out, so it can run while the experiment goes on.

    .venv/bin/python scripts/ablation_report.py results/default-model/ablations [--out DIR] [--resamples 2000]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import yaml

from solver.evaluation.report import draw_rules, run_metrics
from solver.pipeline.config import SolveConfig

BASELINE = "full"
ABLATIONS = {  # name -> (variants compared with the baseline, what the comparison asks)
    "tempering": (("no-tempering", "no-tempering-t1"), "training logits divided by T=0.2, or not"),
    "value-conditioning": (("no-value",), "CORRECT/INCORRECT conditioning with wrong programs, or correct ones only"),
    "metadata": (("fixed-metadata",), "random rating and tags per sample, or the problem's own"),
    "attention": (("mha",), "multi-query attention (1 K/V head) against multi-head (8), per CPU-minute of sampling"),
    "test-inputs": (("testgen-inputs",), "clustering inputs from mutation, or from the test-input model"),
}
METRICS = {"pass@1": ("pass_at_k", 1), "pass@10": ("pass_at_k", 10), "pass@100": ("pass_at_k", 100),
           "10@10": ("10@k_filter_cluster", 10), "10@100": ("10@k_filter_cluster", 100),
           "10@100 filtering only": ("10@k_filter", 100), "10@100 random": ("10@k_plain", 100)}  # fmt: skip
RULES = {"10@k_filter_cluster": "filtering + clustering", "10@k_filter": "filtering only", "10@k_plain": "random choice"}


def per_problem(experiment: Path, variant: str) -> pd.DataFrame | None:
    """One row per problem, a column per metric; None when the variant has no finished problem yet."""
    run = experiment / "runs" / variant
    if not (run / "problems.jsonl").exists():
        return None
    config = SolveConfig(**yaml.safe_load((run / "config.yaml").read_text(encoding="utf-8")))
    curves, _ = run_metrics(run, config, [1, 10, 100], 100)
    if curves.empty:
        return None
    wide = {name: curves[curves["k"] == k].set_index("problem")[column] for name, (column, k) in METRICS.items()}
    return pd.DataFrame(wide).dropna()


def sampling_cost(experiment: Path, variant: str) -> dict[str, float] | None:
    groups_file = experiment / "samples" / "groups.json"
    if not groups_file.exists():
        return None
    timing_file = experiment / "samples" / json.loads(groups_file.read_text())[variant] / "sampling.json"
    if not timing_file.exists():
        return None
    rows = json.loads(timing_file.read_text()).values()
    seconds = sum(r["seconds"] for r in rows)
    return {"seconds_per_problem": seconds / len(rows), "tokens_per_second": sum(r["tokens"] for r in rows) / seconds}


def bootstrap(values: np.ndarray, rng: np.random.Generator, resamples: int) -> tuple[float, float]:
    """95% interval of the mean; `values` may be differences of paired problems."""
    idx = rng.integers(0, len(values), size=(resamples, len(values)))
    means = values[idx].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("experiment", type=Path, help="the output directory of `solve ablate`")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--resamples", type=int, default=2000)
    args = parser.parse_args()
    out = args.out or args.experiment
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    variants = yaml.safe_load((args.experiment / "experiment.yaml").read_text(encoding="utf-8"))["variants"]
    tables = {v: t for v in variants if (t := per_problem(args.experiment, v)) is not None}

    summary = {}
    for variant, table in tables.items():
        summary[variant] = {"problems": len(table), "cost": sampling_cost(args.experiment, variant), "metrics": {
            name: {"mean": float(table[name].mean()), "ci95": bootstrap(table[name].to_numpy(), rng, args.resamples)}
            for name in METRICS}}  # fmt: skip
    comparisons = {}
    base = tables.get(BASELINE)
    for ablation, (others, question) in ABLATIONS.items():
        for other in others:
            if base is None or other not in tables:
                continue
            common = base.index.intersection(tables[other].index)
            diffs = {name: (tables[other].loc[common, name] - base.loc[common, name]).to_numpy() for name in METRICS}
            comparisons[f"{ablation}: {other}"] = {"question": question, "problems": len(common), "difference": {
                name: {"mean": float(d.mean()), "ci95": bootstrap(d, rng, args.resamples)} for name, d in diffs.items()}}
        plot(args.experiment, [BASELINE, *others], tables, out / f"{ablation}.png", f"{ablation}: {question}")

    report = {"summary": summary, "comparisons": comparisons}
    (out / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    (out / "report.md").write_text(markdown(report, args.experiment), encoding="utf-8")
    print((out / "report.md").read_text(encoding="utf-8"))


def plot(experiment: Path, variants: list[str], tables: dict, path: Path, title: str) -> None:
    present = [v for v in variants if v in tables]
    if len(present) < 2:
        return
    fig, axes = plt.subplots(1, len(present), figsize=(5 * len(present), 3.8), squeeze=False, sharey=True)
    for ax, variant in zip(axes[0], present, strict=True):
        config = SolveConfig(**yaml.safe_load((experiment / "runs" / variant / "config.yaml").read_text()))
        curves, _ = run_metrics(experiment / "runs" / variant, config, [1, 2, 5, 10, 20, 50, 100], 100)
        overall = curves.groupby("k", as_index=False).mean(numeric_only=True)
        draw_rules(ax, overall, RULES)
        ax.set_title(f"{variant} ({curves['problem'].nunique()} problems)", fontsize=9)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def markdown(report: dict, experiment: Path) -> str:
    names = list(METRICS)
    lines = ["# Recipe ablations", "", f"Written by `python scripts/ablation_report.py {experiment}` from the records of",
             "`solve ablate experiments/ablations.yaml` (models from `scripts/run_ablations.py`). Means over problems,",
             "95% bootstrap intervals over problems in brackets.", "",
             "| variant | problems | " + " | ".join(names) + " | sampling s/problem | tokens/s |",
             "|---|---:|" + "---:|" * (len(names) + 2)]  # fmt: skip
    for variant, row in report["summary"].items():
        cells = [f"{m['mean']:.3f} [{m['ci95'][0]:.2f}, {m['ci95'][1]:.2f}]" for m in row["metrics"].values()]
        cost = row["cost"] or {}
        lines.append(f"| {variant} | {row['problems']} | " + " | ".join(cells)
                     + f" | {cost.get('seconds_per_problem', float('nan')):.1f} | {cost.get('tokens_per_second', float('nan')):.0f} |")  # fmt: skip
    lines += ["", "Differences to `full` (paired over the same problems; an interval that excludes 0 is a difference the",
              "data support):", "", "| ablation | problems | " + " | ".join(names) + " |", "|---|---:|" + "---:|" * len(names)]  # fmt: skip
    for name, row in report["comparisons"].items():
        cells = [f"{d['mean']:+.3f} [{d['ci95'][0]:+.2f}, {d['ci95'][1]:+.2f}]" for d in row["difference"].values()]
        lines.append(f"| {name} | {row['problems']} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
