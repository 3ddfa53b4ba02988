"""The default model's results, from the saved records of its evaluation experiments.

Reads the filter-cluster run of each experiment directory given (written by `solve ablate
experiments/default-model-*.yaml --out DIR`; judge_all is on, so every program's correctness is known), recomputes
pass@k and 10@k per problem from the records, splits the problems by their split (valid = unseen instances of the
training families, heldout = families never trained on), and writes into --out:
- `report.md` and `report.json`: per split, pass@k and 10@k for filtering + clustering, filtering only and random
  choice (the same samples, three choosing rules), per family, and median seconds per problem per stage;
- `solve_rate.png`: solve rate against k (log axis) for each split.

    .venv/bin/python scripts/default_model_report.py results/default-model/quick [...] --out results/default-model
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
import yaml  # noqa: E402

from solver.evaluation.report import draw_rules, family_of, run_metrics  # noqa: E402
from solver.evaluation.tables import summarise  # noqa: E402
from solver.pipeline.config import SolveConfig  # noqa: E402

SPLITS = {"valid": "unseen instances of the training families", "heldout": "families never seen in training"}
RULES = {"10@k_filter_cluster": "filtering + clustering", "10@k_filter": "filtering only", "10@k_plain": "random choice"}
STAGES = ("filtering", "inputs", "clustering", "selection", "hidden", "total")


def load(experiment: Path) -> tuple[pd.DataFrame, list[dict]]:
    run = experiment / "runs" / "filter-cluster"
    config = SolveConfig(**yaml.safe_load((run / "config.yaml").read_text()))
    spec = yaml.safe_load((experiment / "experiment.yaml").read_text())
    per_problem, _ = run_metrics(run, config, spec.get("ks"), 100)
    records = [json.loads(line) for line in (run / "problems.jsonl").read_text().splitlines() if line.strip()]
    return per_problem, records


def markdown(per_split: dict[str, dict], sources: list[str]) -> str:
    lines = ["# The default model: solve rates on the task families", "",
             "Written by `python scripts/default_model_report.py " + " ".join(sources) + "` from the records of the",
             "experiments in those directories (each names its `solve ablate` command in experiment.yaml).", ""]  # fmt: skip
    for split, n in per_split.items():
        lines += [f"## {split}: {SPLITS[split]} ({n['problems']} problems)", "",
                  "| k | pass@k | " + " | ".join(f"10@k {v}" for v in RULES.values()) + " |",
                  "|---:|---:|" + "---:|" * len(RULES)]  # fmt: skip
        for row in n["overall"]:
            lines.append(f"| {int(row['k'])} | {row['pass_at_k']:.3f} | " + " | ".join(f"{row[c]:.3f}" for c in RULES) + " |")
        lines += ["", "Per family, at the largest k (pass@1 is the share of correct samples):", "",
                  "| family | problems | pass@1 | pass@k | " + " | ".join(f"10@k {v}" for v in RULES.values()) + " |",
                  "|---|---:|---:|---:|" + "---:|" * len(RULES)]  # fmt: skip
        for row in n["by_family"]:
            lines.append(f"| {row['family']} | {row['problems']} | {row['pass_at_1']:.2f} | {row['pass_at_k']:.2f} | "
                         + " | ".join(f"{row[c]:.2f}" for c in RULES) + " |")  # fmt: skip
        lines += ["", "Median seconds per problem and stage (sampling is timed by the experiment's sampling step): "
                  + ", ".join(f"{s} {v:.2f}" for s, v in n["median_seconds"].items()), ""]  # fmt: skip
    return "\n".join(lines) + "\n"


def plot(per_split: dict[str, dict], path: Path) -> None:
    fig, axes = plt.subplots(1, len(per_split), figsize=(6 * len(per_split), 4), squeeze=False)
    for ax, (split, n) in zip(axes[0], per_split.items(), strict=True):
        draw_rules(ax, pd.DataFrame(n["overall"]), RULES)
        ax.set_title(f"{split}: {SPLITS[split]} ({n['problems']} problems)", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("experiments", type=Path, nargs="+", help="output directories of `solve ablate`")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    frames, records = [], []
    for experiment in args.experiments:
        frame, recs = load(experiment)
        frames.append(frame)
        records += recs
    table = pd.concat(frames, ignore_index=True)
    table["family"] = table["problem"].map(family_of)
    table["split"] = table["problem"].map(lambda name: name.split(".")[1])
    per_split = {}
    for split in SPLITS:
        part = table[table["split"] == split]
        if part.empty:
            continue
        last_k = part.groupby("problem")["k"].transform("max")
        by_family = summarise(part[part["k"] == last_k], "family")
        pass1 = summarise(part[part["k"] == 1], "family").set_index("family")["pass_at_k"]
        by_family["pass_at_1"] = by_family["family"].map(pass1)
        times = [r["report"]["seconds"] for r in records if r["problem"].split(".")[1] == split]
        per_split[split] = {
            "problems": int(part["problem"].nunique()),
            "overall": summarise(part).to_dict("records"),
            "by_family": by_family.to_dict("records"),
            "median_seconds": {s: statistics.median(t.get(s, 0.0) for t in times) for s in STAGES},
        }
    args.out.mkdir(parents=True, exist_ok=True)
    sources = [str(e) for e in args.experiments]
    (args.out / "report.md").write_text(markdown(per_split, sources))
    (args.out / "report.json").write_text(json.dumps(per_split, indent=1, default=float) + "\n")
    plot(per_split, args.out / "solve_rate.png")
    print((args.out / "report.md").read_text())


if __name__ == "__main__":
    main()
