"""The default model's results, from the saved records of its two evaluation experiments.

Reads `results/default-model/{valid,heldout}/` (written by `solve ablate experiments/default-model-*.yaml --out
...`), recomputes the metrics of each split's filter-cluster run with `solve evaluate` (which needs judge_all, as
ablate sets it), and writes into results/default-model/:
- `report.md` and `report.json`: per split, pass@1/10/100 and 10@k for filtering + clustering, filtering only and
  random choice (the same samples, three choosing rules), per family, and seconds per problem per stage;
- `solve_rate.png`: solve rate against k (log axis) for both splits.

    .venv/bin/python scripts/default_model_report.py [--results results/default-model]
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from solver.evaluation.report import evaluate_command  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SPLITS = {"valid": "unseen instances of the training families", "heldout": "families never seen in training"}
RULES = {"10@k_filter_cluster": "filtering + clustering", "10@k_filter": "filtering only", "10@k_plain": "random choice"}
STAGES = ("sampling", "filtering", "inputs", "clustering", "selection", "hidden", "total")


def split_numbers(split_dir: Path) -> dict:
    run = split_dir / "runs" / "filter-cluster"
    evaluate_command(run)
    overall = pd.read_csv(run / "metrics" / "overall.csv")
    by_family = pd.read_csv(run / "metrics" / "by_family.csv")
    records = [json.loads(line) for line in (run / "problems.jsonl").read_text().splitlines() if line.strip()]
    seconds = {stage: statistics.median(r["report"]["seconds"].get(stage, 0.0) for r in records) for stage in STAGES}
    # Sampling happens once per problem, before the variants run: its time is in the ablation's sample files.
    return {"problems": len(records), "overall": overall.to_dict("records"), "by_family": by_family,
            "median_seconds": seconds}  # fmt: skip


def markdown(numbers: dict[str, dict]) -> str:
    lines = ["# The default model: solve rates on the task families", "",
             "Written by `python scripts/default_model_report.py` from the records of",
             "`solve ablate experiments/default-model-valid.yaml --out results/default-model/valid` and",
             "`solve ablate experiments/default-model-heldout.yaml --out results/default-model/heldout`.", ""]  # fmt: skip
    for split, n in numbers.items():
        lines += [f"## {split}: {SPLITS[split]} ({n['problems']} problems)", ""]
        lines += ["| k | pass@k | " + " | ".join(f"10@k {v}" for v in RULES.values()) + " |",
                  "|---:|---:|" + "---:|" * len(RULES)]  # fmt: skip
        for row in n["overall"]:
            lines.append(f"| {int(row['k'])} | {row['pass_at_k']:.3f} | "
                         + " | ".join(f"{row[c]:.3f}" for c in RULES) + " |")  # fmt: skip
        lines += ["", "Per family (k = the most samples):", "",
                  "| family | problems | pass@1 | pass@k | " + " | ".join(f"10@k {v}" for v in RULES.values()) + " |",
                  "|---|---:|---:|---:|" + "---:|" * len(RULES)]  # fmt: skip
        table = n["by_family"]
        first, last = table[table.k == table.k.min()], table[table.k == table.k.max()]
        for (_, low), (_, high) in zip(first.iterrows(), last.iterrows(), strict=True):
            lines.append(f"| {high['family']} | {int(high['problems'])} | {low['pass_at_k']:.2f} | {high['pass_at_k']:.2f} | "
                         + " | ".join(f"{high[c]:.2f}" for c in RULES) + " |")  # fmt: skip
        lines += ["", "Median seconds per problem per stage (after sampling): "
                  + ", ".join(f"{s} {v:.2f}" for s, v in n["median_seconds"].items()), ""]  # fmt: skip
    return "\n".join(lines) + "\n"


def plot(numbers: dict[str, dict], path: Path) -> None:
    fig, axes = plt.subplots(1, len(numbers), figsize=(6 * len(numbers), 4), squeeze=False)
    for ax, (split, n) in zip(axes[0], numbers.items(), strict=True):
        frame = pd.DataFrame(n["overall"])
        ax.plot(frame["k"], frame["pass_at_k"], "k--", marker="o", label="pass@k")
        for column, label in RULES.items():
            ax.plot(frame["k"], frame[column], marker="o", label=f"10@k {label}")
        ax.set_xscale("log")
        ax.set_ylim(0, 1)
        ax.set_xlabel("k (samples per problem)")
        ax.set_ylabel("solve rate")
        ax.set_title(f"{split}: {SPLITS[split]}")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=ROOT / "results" / "default-model")
    args = parser.parse_args()
    numbers = {split: split_numbers(args.results / split) for split in SPLITS if (args.results / split / "runs").is_dir()}
    if not numbers:
        raise SystemExit(f"{args.results}: no evaluated split (run the two `solve ablate` commands first)")
    (args.results / "report.md").write_text(markdown(numbers))
    plot(numbers, args.results / "solve_rate.png")
    as_json = {s: {**n, "by_family": n["by_family"].to_dict("records")} for s, n in numbers.items()}
    (args.results / "report.json").write_text(json.dumps(as_json, indent=1) + "\n")
    print(f"wrote {args.results / 'report.md'}, report.json and solve_rate.png")


if __name__ == "__main__":
    main()
