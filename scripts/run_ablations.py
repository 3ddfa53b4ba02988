"""Train the ablation models and evaluate them (issue #16): which parts of AlphaCode's recipe matter here.

Every model is fine-tuned from the bundled model's pre-trained checkpoint (runs/default-model/pretrain, built by
scripts/train_default_model.py) for the same steps (configs/ablation-finetune.yaml) on the same 12 task families,
and evaluated on unseen instances of those families (the valid split: 6 per family):
  full          tempering T=0.2, value conditioning with the value view, GOLD, true metadata in training
  no-tempering  loss.temperature=1.0 (sampled at two temperatures, as AlphaCode tunes T' per model)
  no-value      only correct programs (no CORRECT/INCORRECT conditioning, no value head loss)
  mha           standard multi-head attention (n_kv_head = n_head): its own pre-training, then the same fine-tuning
The sampling-side ablations use the full model: fixed metadata (the problem's own rating and tags instead of
random ones) and test inputs from the test-input model (runs/default-model/testgen) instead of mutation.

Stages are skipped when their output exists, and training resumes from its last checkpoint, so rerunning continues
where a run stopped (across sessions). The evaluation is `solve ablate experiments/ablations.yaml`, resumable too;
`scripts/ablation_report.py` turns it into results/default-model/ablations/.

    .venv/bin/python scripts/run_ablations.py [--stages data full no-tempering no-value mha testgen eval]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from train_default_model import ROOT, Paths, run_logged, solve_command, timed, train

FAMILIES = (  # a mix of tags, on which the bundled model's pass@1 is between 0.03 and 0.26 (results/default-model)
    "bfs_shortest_path", "count_primes_upto", "gcd_of_array", "distinct_sum_construction", "grid_neighbors",
    "tree_diameter", "max_sum_after_k_negations", "min_coins_greedy", "pairs_sum_at_most", "kth_smallest",
    "balanced_brackets", "knapsack_01",
)  # fmt: skip
FINETUNE = "configs/ablation-finetune.yaml"
MODELS = {  # name -> overrides of the common fine-tuning run
    "full": [],
    "no-tempering": ["loss.temperature=1.0"],
    "no-value": ["data.incorrect_solutions=false", "loss.value_weight=0.0"],
}
STAGES = ("data", *MODELS, "mha", "testgen", "eval")


def subset(source: Path, target: Path) -> int:
    """The lines of a split whose problem belongs to FAMILIES (names are FAMILY.SPLIT.INDEX), written whole."""
    kept = 0
    tmp = target.with_suffix(".tmp")
    with source.open(encoding="utf-8") as lines, tmp.open("w", encoding="utf-8") as out:
        for line in lines:
            if json.loads(line)["name"].split(".")[0] in FAMILIES:
                out.write(line)
                kept += 1
    tmp.replace(target)
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    parser.add_argument("--default-work-dir", type=Path, default=ROOT / "runs/default-model",
                        help="the bundled model's work directory: tokenizer, pre-training, families")  # fmt: skip
    parser.add_argument("--work-dir", type=Path, default=ROOT / "runs/ablations")
    parser.add_argument("--threads", type=int, help="torch threads for training (overrides the configs)")
    args = parser.parse_args()
    base = Paths(args.default_work_dir)
    work = Paths(args.work_dir)  # timings.json of this script's stages lives here
    work.work.mkdir(parents=True, exist_ok=True)
    tokenizer = f"tokenizer.path={base.tokenizer}"
    data = f"data.problems={work.work / 'train.jsonl'}"

    if "data" in args.stages:
        # The families' valid split needs the full build (its statements are checked against the train split);
        # a build whose train split is already there resumes at the valid split.
        timed(work, "families", base.families / "report.json", lambda: run_logged(solve_command(
            "families", "build", "--out", str(base.families), "--train=60", "--valid=6", "--heldout=25")))
        for split in ("train", "valid"):
            print(f"{split}: {subset(base.families / f'{split}.jsonl', work.work / f'{split}.jsonl')} problems")
    for name, overrides in MODELS.items():
        if name in args.stages:
            run_dir = work.work / name
            timed(work, name, run_dir / "model", lambda run_dir=run_dir, overrides=overrides: train(
                "finetune", FINETUNE, [f"run_dir={run_dir}", tokenizer, data, f"model.init_from={base.pretrain / 'model'}",
                                       *overrides], args.threads))  # fmt: skip
    if "mha" in args.stages:
        pretrain = work.work / "pretrain-mha"
        timed(work, "pretrain-mha", pretrain / "model", lambda: train("pretrain", "configs/pretrain-default.yaml", [
            f"run_dir={pretrain}", tokenizer, "model.n_kv_head=8"], args.threads))  # fmt: skip
        timed(work, "mha", work.work / "mha" / "model", lambda: train("finetune", FINETUNE, [
            f"run_dir={work.work / 'mha'}", tokenizer, data, f"model.init_from={pretrain / 'model'}"], args.threads))
    if "testgen" in args.stages:  # the bundled test-input model's own stage (scripts/train_default_model.py)
        timed(work, "testgen", base.testgen / "model", lambda: train("train-testgen", "configs/testgen-default.yaml", [
            f"run_dir={base.testgen}", tokenizer, f"model.init_from={base.pretrain / 'model'}",
            f"data.problems={base.families / 'train.jsonl'}"], args.threads))  # fmt: skip
    if "eval" in args.stages:
        run_logged(solve_command("ablate", "experiments/ablations.yaml", "--out", "results/default-model/ablations"))


if __name__ == "__main__":
    main()
