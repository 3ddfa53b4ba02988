"""Build the bundled default model, solver/data/default-model, end to end from a clean checkout.

AlphaCode's recipe, shrunk to about an hour on 2 CPU cores:
  1. tokenizer: `solve train-tokenizer` (byte-level BPE, 8000 tokens) on the pre-training corpus;
  2. pre-training: `solve pretrain configs/pretrain-default.yaml` (Python 3.11's standard library and libstdc++'s
     headers, the code every Debian 12 machine has; next-token loss after a random pivot + MLM on the encoder);
  3. fine-tuning data: a copy of ../shared/data/codecontests-subset (170 Codeforces problems, one accepted Python 3
     solution each, no incorrect ones) with incorrect solutions added, each judged in the sandbox and kept only if it
     fails the problem's tests: one single-site mutant of the accepted solution (a literal off by one, a comparison
     or +/- flipped: a near miss, like most wrong submissions) and the accepted solution of another problem;
  4. fine-tuning: `solve finetune configs/finetune-default.yaml` (tempering T=0.2, CORRECT/INCORRECT value
     conditioning, GOLD after a tempering-only phase, value head);
  5. export: the model stored as float16 (half the bytes, and a finer mantissa than bfloat16 for weights of this
     size) with its tokenizer into solver/data/default-model, plus MODEL_CARD.md with the numbers of this run and a
     sampling check made by scripts/peek_default_model.py on two bundled problems.
The problems in problems/examples are never trained on: they are what users run the default model on.

A stage whose output exists is skipped and an interrupted training stage resumes from its last checkpoint, so
rerunning continues where a run stopped; the export, the sampling check and the model card are always redone.

    .venv/bin/python scripts/train_default_model.py [--work-dir runs/default-model] [--out solver/data/default-model]
                                                    [--threads 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
import tokenize
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = (Path("/usr/lib/python3.11"), Path("/usr/include/c++/12"))
VOCAB_SIZE = 8000
SIZE_BUDGET_BYTES = 12 * 1024 * 1024  # the default model lives in git
PEEK_PROBLEMS = ("problems/examples/lcm_pairs.json", "problems/examples/day_and_night.json")
PEEK_SAMPLES = 64
EXPORT_FILES = ("config.json", "generation_config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                "special_tokens_map.json")  # fmt: skip

# Single-site mutations: each turns an accepted program into a plausible near miss.
_FLIPS = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "==", "+": "-", "-": "+", "+=": "-=",
          "-=": "+=", "//": "/"}  # fmt: skip


# ------------------------------------------------------------------------------------------------ stage runner


@dataclass(frozen=True)
class Paths:
    work: Path
    data: Path
    out: Path

    @property
    def tokenizer(self) -> Path:
        return self.work / "tokenizer"

    @property
    def pretrain(self) -> Path:
        return self.work / "pretrain"

    @property
    def finetune(self) -> Path:
        return self.work / "finetune"

    @property
    def problems(self) -> Path:
        return self.work / "finetune-problems"

    @property
    def timings(self) -> Path:
        return self.work / "timings.json"


def solve_command(*args: str) -> list[str]:
    solve = Path(sys.executable).with_name("solve")
    if not solve.is_file():
        sys.exit(f"{solve}: the `solve` command is not installed next to this Python (pip install -e .)")
    return [str(solve), *args]


def run_logged(command: list[str]) -> None:
    print("$ " + " ".join(command), flush=True)
    env = {**os.environ, "TQDM_MININTERVAL": "30"}  # a progress line every 30 s, not a log full of bars
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def timed(paths: Paths, stage: str, done: Path, action) -> None:
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


# ------------------------------------------------------------------------------------------------ stages 1, 2, 4


def train_tokenizer(paths: Paths) -> None:
    run_logged(solve_command("train-tokenizer", *map(str, CORPUS), "--out", str(paths.tokenizer),
                             "--vocab-size", str(VOCAB_SIZE)))  # fmt: skip


def pretrain(paths: Paths, steps: int | None, threads: int | None) -> None:
    overrides = [f"run_dir={paths.pretrain}", f"tokenizer.path={paths.tokenizer}"]
    overrides += [f"train.steps={steps}"] if steps else []
    overrides += [f"train.threads={threads}"] if threads else []
    run_logged(solve_command("pretrain", "configs/pretrain-default.yaml", "--overrides", *overrides))


def finetune(paths: Paths, steps: int | None, threads: int | None) -> None:
    overrides = [f"run_dir={paths.finetune}", f"tokenizer.path={paths.tokenizer}",
                 f"model.init_from={paths.pretrain / 'model'}", f"data.problems={paths.problems}"]  # fmt: skip
    overrides += [f"train.steps={steps}"] if steps else []
    overrides += [f"train.threads={threads}"] if threads else []
    run_logged(solve_command("finetune", "configs/finetune-default.yaml", "--overrides", *overrides))


# ------------------------------------------------------------------------------------------------ stage 3


def mutants(source: str, rng: random.Random) -> list[str]:
    """Every single-site mutant of a Python program that still compiles, in a seeded random order: one integer
    literal moved by one, or one operator flipped (`<` ↔ `<=`, `==` ↔ `!=`, `+` ↔ `-`, `//` → `/`, ...)."""
    try:
        tokens = list(tokenize.generate_tokens(StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return []
    lines = source.splitlines(keepends=True)
    sites = []
    for token in tokens:
        if token.start[0] != token.end[0]:
            continue
        if token.type == tokenize.NUMBER and token.string.isdigit():
            step = rng.choice((-1, 1)) if int(token.string) > 0 else 1
            sites.append((token, str(int(token.string) + step)))
        elif token.type == tokenize.OP and token.string in _FLIPS:
            sites.append((token, _FLIPS[token.string]))
    rng.shuffle(sites)
    out = []
    for token, replacement in sites:
        row, start, end = token.start[0] - 1, token.start[1], token.end[1]
        changed = lines[:row] + [lines[row][:start] + replacement + lines[row][end:]] + lines[row + 1 :]
        text = "".join(changed)
        try:
            compile(text, "<mutant>", "exec")
        except (SyntaxError, ValueError):
            continue
        out.append(text)
    return out


def make_finetune_problems(paths: Paths, mutants_tried: int = 4) -> None:
    """Copy the CodeContests subset into paths.problems with judged incorrect solutions added (see the module
    docstring); what was kept and why goes to incorrect_solutions.json beside it."""
    from solver.execution import Executor, Program
    from solver.judge import Verdict, judge_many, limits_of
    from solver.problem import Language, Tests, load_problems

    files = sorted(paths.data.glob("*.json"))
    if not files:
        sys.exit(f"{paths.data}: no problem files (*.json); is ../shared beside the repository?")
    raws = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    problems = [load_problems(f)[0] for f in files]
    counts = {"problems": len(files), "correct_solution_rejected": 0, "mutants_kept": 0, "foreign_kept": 0,
              "candidates_judged": 0}  # fmt: skip
    temp = paths.problems.with_name(paths.problems.name + ".partial")
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(parents=True)
    rng = random.Random(0)
    with Executor() as executor:
        for index, (file, raw, problem) in enumerate(zip(files, raws, problems, strict=True)):
            (correct,) = problem.solutions.solution  # the subset holds exactly one accepted Python 3 solution
            other = problems[(index + rng.randrange(1, len(problems))) % len(problems)].solutions.solution[0]
            candidates = [correct, *mutants(correct, rng)[:mutants_tried], other]
            hidden = problem.hidden_tests
            tests = Tests(input=problem.public_tests.input + hidden.input,
                          output=problem.public_tests.output + hidden.output)  # fmt: skip
            reports = judge_many(executor, [Program(Language.PYTHON3, c) for c in candidates], tests,
                                 limits_of(problem), problem.checker, stop_on_failure=True)  # fmt: skip
            counts["candidates_judged"] += len(candidates)
            verdicts = [r.verdict for r in reports]
            incorrect = []
            if verdicts[0] != Verdict.OK:  # the record's own solution fails here: its labels cannot be trusted
                counts["correct_solution_rejected"] += 1
            else:
                failing = [c for c, v in zip(candidates[1:-1], verdicts[1:-1], strict=True)
                           if v not in (Verdict.OK, Verdict.SANDBOX_ERROR)]  # fmt: skip
                if failing:
                    incorrect.append(failing[0])
                    counts["mutants_kept"] += 1
                if verdicts[-1] not in (Verdict.OK, Verdict.SANDBOX_ERROR):
                    incorrect.append(other)
                    counts["foreign_kept"] += 1
            raw = {**raw, "incorrect_solutions": {"language": ["PYTHON3"] * len(incorrect), "solution": incorrect}}
            (temp / file.name).write_text(json.dumps(raw) + "\n", encoding="utf-8")
    temp.rename(paths.problems)
    (paths.work / "incorrect_solutions.json").write_text(json.dumps(counts, indent=2) + "\n")
    print("fine-tuning problems:", json.dumps(counts))


# ------------------------------------------------------------------------------------------------ stage 5


def export(paths: Paths) -> None:
    """Final fine-tuned model → float16 safetensors + tokenizer in paths.out (replaced whole)."""
    import torch

    from solver.model import AlphaCodeForConditionalGeneration
    from solver.model.tokenizer import load_tokenizer

    final = paths.finetune / "model"
    model = AlphaCodeForConditionalGeneration.from_pretrained(final, dtype=torch.float32)
    tokenizer = load_tokenizer(final)
    temp = paths.out.with_name(paths.out.name + ".partial")
    shutil.rmtree(temp, ignore_errors=True)
    model.to(torch.float16).save_pretrained(temp)
    tokenizer.save_pretrained(str(temp))
    for extra in set(os.listdir(temp)) - set(EXPORT_FILES):  # keep the directory to what loading needs
        (temp / extra).unlink()
    size = sum(f.stat().st_size for f in temp.iterdir())
    if size > SIZE_BUDGET_BYTES:
        sys.exit(f"{temp}: {size / 2**20:.1f} MiB is over the {SIZE_BUDGET_BYTES / 2**20:.0f} MiB budget")
    shutil.rmtree(paths.out, ignore_errors=True)
    temp.rename(paths.out)
    print(f"exported {paths.out} ({size / 2**20:.2f} MiB)")


def peek(paths: Paths) -> list[dict]:
    results = []
    for problem in PEEK_PROBLEMS:
        report = paths.work / f"peek-{Path(problem).stem}.json"
        run_logged([sys.executable, "scripts/peek_default_model.py", "--model", str(paths.out), "--problem", problem,
                    "--samples", str(PEEK_SAMPLES), "--json", str(report)])  # fmt: skip
        results.append(json.loads(report.read_text()))
    return results


# ------------------------------------------------------------------------------------------------ model card


def _metrics(run_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines() if line.strip()]


def _losses(record: dict) -> str:
    parts = [f"token {record['token_loss']:.3f}", f"MLM {record['mlm_loss']:.3f}"]
    if record.get("value_acc") is not None:
        parts += [f"value {record['value_loss']:.3f}", f"value accuracy {record['value_acc']:.2f}"]
    return ", ".join(parts)


def write_model_card(paths: Paths, peeks: list[dict]) -> None:
    """MODEL_CARD.md in paths.out, from the records this run left in paths.work."""
    import yaml

    from solver.model import AlphaCodeForConditionalGeneration

    model = AlphaCodeForConditionalGeneration.from_pretrained(paths.out)
    cfg = model.config
    params = sum(p.numel() for p in model.parameters())
    size = sum(f.stat().st_size for f in paths.out.iterdir() if f.name != "MODEL_CARD.md")
    tok = json.loads((paths.tokenizer / "tokenizer_training.json").read_text())
    corpus, chunks = json.loads((paths.pretrain / "data_report.json").read_text())
    (finetune_report,) = json.loads((paths.finetune / "data_report.json").read_text())
    incorrect = json.loads((paths.work / "incorrect_solutions.json").read_text())
    timings = json.loads(paths.timings.read_text())
    pre_cfg = yaml.safe_load((paths.pretrain / "config.yaml").read_text())
    fine_cfg = yaml.safe_load((paths.finetune / "config.yaml").read_text())
    pre, fine = _metrics(paths.pretrain), _metrics(paths.finetune)
    pre_steps, pre_batch = pre_cfg["train"]["steps"], pre_cfg["train"]["batch_size"]
    mean_chunk = chunks["counts"]["tokens"] / chunks["kept"]
    fine_steps, fine_batch = fine_cfg["train"]["steps"], fine_cfg["train"]["batch_size"]
    n_examples = finetune_report["kept"]
    threads = pre_cfg["train"]["threads"]
    threads_text = {None: "torch's default number of threads", 1: "one torch thread"}.get(threads, f"{threads} threads")
    minutes = sum(timings.values()) / 60
    peek_rows = "\n".join(
        f"| {Path(p['problem']).name} | {p['samples']} | {p['seconds']:.1f} | {p['samples_per_minute']:.0f} | "
        f"{p['finished']:.0%} | {p['mean_tokens']:.0f} | {p['python_compiles']:.0%} | "
        + ("n/a" if p["cpp_syntax_ok"] is None else f"{p['cpp_syntax_ok']:.0%}")
        + f" | {p['distinct_programs']} |"
        for p in peeks
    )
    example = peeks[0]["examples"].get("PYTHON3", "")
    text = f"""# The bundled default model

What `solve PROBLEM.json` samples from when no `--model` is given: a small AlphaCode-style encoder-decoder
(`solver.model.AlphaCodeForConditionalGeneration`) with its byte-level BPE tokenizer, trained on this project's CPU in
about {minutes:.0f} minutes by `scripts/train_default_model.py`. It is here so that the pipeline runs end to end on a
fresh clone, not to solve problems: see "How weak it is" below.

## Model

- Preset `default`: d_model {cfg.d_model}, {cfg.n_head} query heads and {cfg.n_kv_head} key/value head (multi-query
  attention), head size {cfg.head_dim}, FFN {cfg.ffn_ratio} x d_model, {cfg.encoder_layers} encoder block and
  {cfg.decoder_layers} decoder blocks, rotary positions, tied embeddings, value head.
- {params:,} parameters; vocabulary {cfg.vocab_size}; windows: {cfg.max_encoder_len} problem tokens, {cfg.max_decoder_len}
  program tokens (the windows it was trained with).
- Stored as float16 safetensors: {size / 2**20:.2f} MiB on disk with the tokenizer. Load it with
  `AlphaCodeForConditionalGeneration.from_pretrained(dir, dtype=torch.float32)`: without `dtype`, transformers 5
  keeps the stored float16, which is slower on a CPU and not what it was trained in.

## Data

- Tokenizer: byte-level BPE, {tok["vocab_size"]} tokens, trained on {tok["files_read"]:,} files ({tok["bytes_read"]:,}
  bytes) of {", ".join(Path(s).as_posix() for s in tok["sources"])}; {tok["chars_per_token"]:.2f} characters per token on
  {tok["held_out_files"]} held-out files.
- Pre-training: the same directories (Python 3.11's standard library and libstdc++'s headers, the code a Debian 12
  machine has): {corpus["kept"]:,} files, {corpus["counts"]["bytes"]:,} bytes, {chunks["counts"]["tokens"]:,} tokens in
  {chunks["kept"]:,} chunks of at most {cfg.max_encoder_len + cfg.max_decoder_len} tokens, each split at a random pivot
  into encoder and decoder parts every time it is read. No competitive-programming code at all.
- Fine-tuning: the {incorrect["problems"]} Codeforces problems of `../shared/data/codecontests-subset`, each with one
  accepted Python 3 solution, plus incorrect solutions made for this run and kept only if they fail the problem's
  tests in the sandbox: {incorrect["mutants_kept"]} single-site mutants of the accepted solutions (an integer literal
  off by one or an operator flipped) and {incorrect["foreign_kept"]} accepted solutions of other problems.
  {n_examples} examples in all ({finetune_report["counts"].get("correct", 0)} correct,
  {finetune_report["counts"].get("incorrect", 0)} incorrect). There are no C++ solutions in the data, so C++ is learnt
  from libstdc++'s headers only. The bundled problems in `problems/examples` were never trained on.

## Training

| stage | steps | batch | seen | wall-clock | first logged losses | final losses |
| --- | --- | --- | --- | --- | --- | --- |
| tokenizer | | | | {timings.get("tokenizer", 0):.0f} s | | |
| pre-training | {pre_steps} | {pre_batch} chunks | ~{pre_steps * pre_batch * mean_chunk / 1e6:.2f}M tokens | {timings["pretrain"] / 60:.1f} min | {_losses(pre[0])} | {_losses(pre[-1])} |
| incorrect solutions | | | {incorrect["candidates_judged"]} programs judged | {timings["incorrect_solutions"]:.0f} s | | |
| fine-tuning | {fine_steps} | {fine_batch} solutions | {fine_steps * fine_batch / n_examples:.1f} passes | {timings["finetune"] / 60:.1f} min | {_losses(fine[0])} | {_losses(fine[-1])} |

Pre-training: next-token loss on the decoder plus masked language modelling (15%) on the encoder, AdamW, learning rate
{pre_cfg["optim"]["lr"]:g} after {pre_cfg["optim"]["warmup_steps"]} warm-up steps, cosine to {pre_cfg["optim"]["min_lr"]:g}.
Fine-tuning (AlphaCode §4.3): tempering (logits / {fine_cfg["loss"]["temperature"]:g}), CORRECT/INCORRECT SOLUTION in
the prompt header with the problem's true tags, GOLD (alpha {fine_cfg["loss"]["gold_alpha"]:g}, beta
{fine_cfg["loss"]["gold_beta"]:g}) from step {fine_cfg["loss"]["gold_start_step"]} after a tempering-only phase, MLM,
and the value head trained on the CORRECT/INCORRECT labels; learning rate {fine_cfg["optim"]["lr"]:g} to
{fine_cfg["optim"]["min_lr"]:g}. Losses are averages over the last logged window ({pre_cfg["train"]["log_every"]}
steps); token losses are tempered during fine-tuning, so they are not comparable with pre-training's. Training used
{threads_text}. The machine was shared with other jobs while this ran, so the
times are longer than a quiet machine would take.

## What it writes

`scripts/peek_default_model.py`: {peeks[0]["samples"]} samples per problem, half Python 3 and half C++, random
ratings and tags, temperature 0.25, batch {peeks[0]["batch_size"]}, up to {peeks[0]["max_new_tokens"]} new tokens.

| problem | samples | seconds | per minute | ended with </s> | mean tokens | Python compiles | C++ passes g++ -fsyntax-only | distinct |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
{peek_rows}

Its most likely Python sample for {Path(peeks[0]["problem"]).name}:

```python
{chr(10).join(example.splitlines()[:25])}
```

## How weak it is

{weakness(peeks, fine[-1]["value_acc"], finetune_report["counts"].get("incorrect", 0) / n_examples)}

## Rebuild

From the repository root, with `../shared` beside it (about an hour on 2 cores):

    .venv/bin/python scripts/train_default_model.py{f" --threads {threads}" if threads else ""}

which runs, with its work directory's paths as overrides (default `runs/default-model`):

    solve train-tokenizer /usr/lib/python3.11 /usr/include/c++/12 --out runs/default-model/tokenizer --vocab-size 8000
    solve pretrain configs/pretrain-default.yaml
    (incorrect solutions judged in the sandbox, written to runs/default-model/finetune-problems)
    solve finetune configs/finetune-default.yaml
    (export as float16 into solver/data/default-model, then scripts/peek_default_model.py on
     {" and ".join(PEEK_PROBLEMS)})

Training is deterministic given the seed, but float32 sums on another CPU may differ in the last bits, so a rebuild
gives a model of the same quality, not the same bytes.
"""
    (paths.out / "MODEL_CARD.md").write_text(text, encoding="utf-8")
    print(f"wrote {paths.out / 'MODEL_CARD.md'}")


def weakness(peeks: list[dict], value_acc: float, incorrect_share: float) -> str:
    python = sum(p["python_compiles"] * p["python_samples"] for p in peeks) / sum(p["python_samples"] for p in peeks)
    cpp = [p["cpp_syntax_ok"] * p["cpp_samples"] for p in peeks if p["cpp_syntax_ok"] is not None]
    cpp_text = f"{sum(cpp) / sum(p['cpp_samples'] for p in peeks):.0%}" if cpp else "(not checked)"
    return f"""Very. About five million parameters trained for well under an hour on a CPU, on a few million tokens of library
code and 170 competitive-programming solutions: it has picked up what contest Python looks like (imports,
`input()`, loops over `range`, `print`) but not how to write it. In the check above {python:.0%} of its Python
samples compile and {cpp_text} of its C++ samples pass `g++ -fsyntax-only`; asked for C++ it mostly writes Python-like
text, since fine-tuning had no C++ at all. It will practically never solve a problem, and its value head has learnt
little (training accuracy {value_acc:.0%}, where always answering INCORRECT scores {incorrect_share:.0%}). It is here so that `solve` runs end to end on a
fresh clone, sampling, filtering, clustering and selecting honestly on what it writes; to solve problems, pass
`--model` with a model trained for longer (this script with more pre-training steps is the way to make one) or use
another policy."""


# ------------------------------------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=Path("runs/default-model"),
        help="tokenizer, checkpoints, fine-tuning data and logs (relative to the repository)",
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data/codecontests-subset"))
    parser.add_argument("--out", type=Path, default=Path("solver/data/default-model"))
    parser.add_argument("--pretrain-steps", type=int, help="override train.steps (smoke tests only)")
    parser.add_argument("--finetune-steps", type=int, help="override train.steps (smoke tests only)")
    parser.add_argument("--threads", type=int, help="torch threads for training; 1 is faster than 2 on 2 cores "
                        "that other jobs are also using (OpenMP threads then wait for each other)")  # fmt: skip
    args = parser.parse_args()
    paths = Paths(*(p if p.is_absolute() else ROOT / p for p in (args.work_dir, args.data, args.out)))
    paths.work.mkdir(parents=True, exist_ok=True)
    timed(paths, "tokenizer", paths.tokenizer / "tokenizer.json", lambda: train_tokenizer(paths))
    timed(paths, "pretrain", paths.pretrain / "model", lambda: pretrain(paths, args.pretrain_steps, args.threads))
    timed(paths, "incorrect_solutions", paths.problems, lambda: make_finetune_problems(paths))
    timed(paths, "finetune", paths.finetune / "model", lambda: finetune(paths, args.finetune_steps, args.threads))
    export(paths)
    write_model_card(paths, peek(paths))
    print(f"done: {paths.out}")


if __name__ == "__main__":
    main()
