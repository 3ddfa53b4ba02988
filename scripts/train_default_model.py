"""Build the bundled default models end to end from a clean checkout: the policy (solver/data/default-model) and
the test-input model (solver/data/default-testgen).

AlphaCode's recipe, shrunk to fit 2 CPU cores (each training run under 90 minutes):
  1. tokenizer: `solve train-tokenizer` (byte-level BPE, 8000 tokens) on the pre-training corpus;
  2. pre-training: `solve pretrain configs/pretrain-default.yaml` (Python 3.11's standard library and libstdc++'s
     headers, the code every Debian 12 machine has; next-token loss after a random pivot + MLM on the encoder);
  3. data: `solve families build` writes the task families' three splits (train, valid = unseen instances of the
     training families, heldout = families never trained on), every program judged in the sandbox;
  4. fine-tuning: `solve finetune configs/finetune-default.yaml` on the train split (tempering T=0.2,
     CORRECT/INCORRECT value conditioning with the judged wrong programs, GOLD after a tempering-only phase, value
     head, MLM), then `configs/finetune2-default.yaml`, a second run continuing from the first (one run must fit
     90 minutes, and one pass over the split is not enough);
  5. the test-input model: `solve train-testgen configs/testgen-default.yaml` (same architecture, initialised from
     the same pre-trained checkpoint, AlphaCode §4.6) on the train split's test inputs;
  6. export: both models as float16 safetensors with the tokenizer (under 50 MB together).
The evaluation is separate (scripts/eval_default_model.py → results/default-model/), as is the model card's table
of solve rates.

A stage whose output exists is skipped and an interrupted training stage resumes from its last checkpoint, so
rerunning continues where a run stopped (across sessions too); the export is always redone.

    .venv/bin/python scripts/train_default_model.py [--work-dir runs/default-model] [--threads N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = (Path("/usr/lib/python3.11"), Path("/usr/include/c++/12"))
VOCAB_SIZE = 8000
SPLIT_SIZES = {"train": 60, "valid": 6, "heldout": 25}  # instances per family
SIZE_BUDGET_BYTES = 50 * 1024 * 1024  # both models together live in git
EXPORT_FILES = ("config.json", "generation_config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                "special_tokens_map.json")  # fmt: skip
POLICY_OUT = ROOT / "solver" / "data" / "default-model"
TESTGEN_OUT = ROOT / "solver" / "data" / "default-testgen"


@dataclass(frozen=True)
class Paths:
    work: Path

    tokenizer = property(lambda self: self.work / "tokenizer")
    pretrain = property(lambda self: self.work / "pretrain")
    families = property(lambda self: self.work / "families")
    finetune = property(lambda self: self.work / "finetune")
    finetune2 = property(lambda self: self.work / "finetune2")
    testgen = property(lambda self: self.work / "testgen")
    timings = property(lambda self: self.work / "timings.json")


def solve_command(*args: str) -> list[str]:
    solve = Path(sys.executable).with_name("solve")
    if not solve.is_file():
        sys.exit(f"{solve}: the `solve` command is not installed next to this Python (pip install -e .)")
    return [str(solve), *args]


def run_logged(command: list[str]) -> None:
    print("$ " + " ".join(command), flush=True)
    env = {**os.environ, "TQDM_MININTERVAL": "30"}  # a progress line every 30 s, not a log full of bars
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def timed(paths: Paths, stage: str, done: Path, action: Callable[[], None]) -> None:
    """Run one stage unless its output `done` exists, and record its wall-clock seconds (a stage resumed after an
    interruption adds to what its earlier runs took)."""
    if done.exists():
        print(f"== {stage}: already done ({done})", flush=True)
        return
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    timings = json.loads(paths.timings.read_text()) if paths.timings.exists() else {}
    timings[stage] = round(timings.get(stage, 0.0) + seconds, 1)
    paths.timings.write_text(json.dumps(timings, indent=2) + "\n")
    print(f"== {stage}: {seconds:.0f} s", flush=True)


def train(kind: str, config: str, overrides: list[str], threads: int | None) -> None:
    overrides = overrides + ([f"train.threads={threads}"] if threads else [])
    run_logged(solve_command(kind, config, "--overrides", *overrides))


def export(run: Path, out: Path) -> int:
    """A trained model → float16 safetensors + tokenizer in `out` (replaced whole); returns its size in bytes.
    float16 rather than bfloat16: half the bytes of float32, and a finer mantissa for weights of this size."""
    import torch

    from solver.model import AlphaCodeForConditionalGeneration
    from solver.model.tokenizer import load_tokenizer

    model = AlphaCodeForConditionalGeneration.from_pretrained(run / "model", dtype=torch.float32)
    tokenizer = load_tokenizer(run / "model")
    temp = out.with_name(out.name + ".partial")
    shutil.rmtree(temp, ignore_errors=True)
    model.to(torch.float16).save_pretrained(temp)
    tokenizer.save_pretrained(str(temp))
    for extra in set(os.listdir(temp)) - set(EXPORT_FILES):  # keep the directory to what loading needs
        (temp / extra).unlink()
    card = out / "MODEL_CARD.md"
    if card.exists():  # the card is written by the evaluation, from its numbers: keep it across re-exports
        shutil.copy2(card, temp / card.name)
    shutil.rmtree(out, ignore_errors=True)
    temp.rename(out)
    size = sum(f.stat().st_size for f in out.iterdir() if f.name != card.name)
    print(f"exported {out} ({size / 2**20:.2f} MiB)")
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work-dir", type=Path, default=Path("runs/default-model"),
                        help="tokenizer, checkpoints, family splits and logs (relative to the repository)")  # fmt: skip
    parser.add_argument("--threads", type=int, help="torch threads for training (overrides the configs)")
    parser.add_argument("--workers", type=int, help="sandbox workers for verifying the families (default: all cores)")
    args = parser.parse_args()
    paths = Paths(args.work_dir if args.work_dir.is_absolute() else ROOT / args.work_dir)
    paths.work.mkdir(parents=True, exist_ok=True)
    common = [f"tokenizer.path={paths.tokenizer}"]
    pretrained = f"model.init_from={paths.pretrain / 'model'}"
    train_split = f"data.problems={paths.families / 'train.jsonl'}"

    timed(paths, "tokenizer", paths.tokenizer / "tokenizer.json", lambda: run_logged(solve_command(
        "train-tokenizer", *map(str, CORPUS), "--out", str(paths.tokenizer), "--vocab-size", str(VOCAB_SIZE))))
    timed(paths, "pretrain", paths.pretrain / "model", lambda: train(
        "pretrain", "configs/pretrain-default.yaml", [f"run_dir={paths.pretrain}", *common], args.threads))
    workers = ["--workers", str(args.workers)] if args.workers else []
    timed(paths, "families", paths.families / "report.json", lambda: run_logged(solve_command(
        "families", "build", "--out", str(paths.families), *workers,
        *(f"--{split}={count}" for split, count in SPLIT_SIZES.items()))))
    timed(paths, "finetune", paths.finetune / "model", lambda: train(
        "finetune", "configs/finetune-default.yaml", [f"run_dir={paths.finetune}", *common, pretrained, train_split],
        args.threads))
    timed(paths, "finetune2", paths.finetune2 / "model", lambda: train(
        "finetune", "configs/finetune2-default.yaml",
        [f"run_dir={paths.finetune2}", *common, f"model.init_from={paths.finetune / 'model'}", train_split],
        args.threads))
    timed(paths, "testgen", paths.testgen / "model", lambda: train(
        "train-testgen", "configs/testgen-default.yaml", [f"run_dir={paths.testgen}", *common, pretrained, train_split],
        args.threads))
    size = export(paths.finetune2, POLICY_OUT) + export(paths.testgen, TESTGEN_OUT)
    if size > SIZE_BUDGET_BYTES:
        sys.exit(f"the two models take {size / 2**20:.1f} MiB, over the {SIZE_BUDGET_BYTES / 2**20:.0f} MiB budget")
    print(f"done: {POLICY_OUT} and {TESTGEN_OUT} ({size / 2**20:.1f} MiB together)")


if __name__ == "__main__":
    main()
