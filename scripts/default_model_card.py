"""Write solver/data/default-model/MODEL_CARD.md from the records the training and evaluation left behind.

Reads the work directory of scripts/train_default_model.py (tokenizer report, data reports, configs, metrics,
stage timings, the families' build report) and the evaluation report of scripts/default_model_report.py, so that
every number on the card comes from a file a command wrote.

    .venv/bin/python scripts/default_model_card.py [--work-dir runs/default-model] [--results results/default-model]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "solver" / "data" / "default-model" / "MODEL_CARD.md"


def _metrics(run: Path) -> list[dict]:
    return [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines() if line.strip()]


def _losses(record: dict) -> str:
    parts = [f"token {record['token_loss']:.3f}", f"MLM {record['mlm_loss']:.3f}"]
    if record.get("value_acc") is not None:
        parts += [f"value {record['value_loss']:.3f}", f"value accuracy {record['value_acc']:.2f}"]
    return ", ".join(parts)


def _row(stage: str, run: Path, unit: str, minutes: float) -> str:
    cfg = yaml.safe_load((run / "config.yaml").read_text())
    metrics = _metrics(run)
    steps, batch = cfg["train"]["steps"], cfg["train"]["batch_size"]
    return (f"| {stage} | {steps} | {batch} {unit} | {minutes:.0f} min | {_losses(metrics[0])} | {_losses(metrics[-1])} |")


def _peeks(results: Path) -> str:
    """The sampling checks of scripts/peek_default_model.py saved as results/default-model/peek-*.json."""
    rows = []
    for path in sorted(results.glob("peek-*.json")):
        p = json.loads(path.read_text())
        cpp = "n/a" if p["cpp_syntax_ok"] is None else f"{p['cpp_syntax_ok']:.0%}"
        rows.append(f"| {Path(p['problem']).name} | {p['samples']} | {p['seconds']:.1f} | {p['finished']:.0%} | "
                    f"{p['mean_tokens']:.0f} | {p['python_compiles']:.0%} | {cpp} | {p['distinct_programs']} |")  # fmt: skip
    if not rows:
        return "Not checked yet."
    head = ("`scripts/peek_default_model.py --problem P --samples 64 --json results/default-model/peek-NAME.json`: half "
            "Python 3, half C++, random ratings and tags, temperature 0.25.\n\n"
            "| problem | samples | seconds | ended with </s> | mean tokens | Python compiles | C++ passes g++ -fsyntax-only "
            "| distinct |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n")  # fmt: skip
    return head + "\n".join(rows)


def _results(results: Path) -> str:
    report = results / "report.json"
    if not report.exists():
        return "Not evaluated yet (see results/default-model/)."
    data = json.loads(report.read_text())
    lines = []
    for split, n in data.items():
        last = n["overall"][-1]
        first = n["overall"][0]
        lines.append(f"- `{split}` ({n['problems']} problems): pass@{int(first['k'])} {first['pass_at_k']:.2f}, "
                     f"pass@{int(last['k'])} {last['pass_at_k']:.2f}; 10@{int(last['k'])} with filtering + clustering "
                     f"{last['10@k_filter_cluster']:.2f}, filtering only {last['10@k_filter']:.2f}, random choice "
                     f"{last['10@k_plain']:.2f}.")  # fmt: skip
    return "\n".join(lines) + f"\n\nPer family and per k: `{(results / 'report.md').relative_to(ROOT)}`."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work-dir", type=Path, default=ROOT / "runs" / "default-model")
    parser.add_argument("--results", type=Path, default=ROOT / "results" / "default-model")
    args = parser.parse_args()
    work = args.work_dir
    from solver.model import AlphaCodeForConditionalGeneration

    model = AlphaCodeForConditionalGeneration.from_pretrained(OUT.parent)
    cfg = model.config
    params = sum(p.numel() for p in model.parameters())
    size = sum(f.stat().st_size for f in OUT.parent.iterdir() if f.name != OUT.name)
    tok = json.loads((work / "tokenizer" / "tokenizer_training.json").read_text())
    corpus, chunks = json.loads((work / "pretrain" / "data_report.json").read_text())
    (fine,) = json.loads((work / "finetune" / "data_report.json").read_text())
    from problems.families.build import HELD_OUT_FAMILIES, families_of

    report = work / "families" / "report.json"  # absent when only the train split was built
    families = json.loads(report.read_text()) if report.exists() else {
        "held_out_families": list(HELD_OUT_FAMILIES),
        "splits": {"train": {"problems": fine["counts"]["problems_used"], "families": [f.name for f in families_of("train")]}},
    }  # fmt: skip
    timings = json.loads((work / "timings.json").read_text())
    fine_cfg = yaml.safe_load((work / "finetune" / "config.yaml").read_text())
    splits = families["splits"]
    held = ", ".join(families["held_out_families"])
    text = f"""# The bundled default model

What `solve PROBLEM.json` samples from when no `--model` is given: a small AlphaCode-style encoder-decoder
(`solver.model.AlphaCodeForConditionalGeneration`) trained on this project's 2-core CPU by
`scripts/train_default_model.py` on the project's own task families (`problems/families/`), to solve new
instances of the {len(splits["train"]["families"])} families it was trained on; how far it gets is measured below. It
is not meant for real Codeforces problems: for those, pass `--model` with a real code model (any local Hugging Face
causal model, e.g. the Qwen2.5-Coder GGUF of the README).

## Model

- Preset `default`: d_model {cfg.d_model}, {cfg.n_head} query heads and {cfg.n_kv_head} key/value head (multi-query
  attention), head size {cfg.head_dim}, FFN {cfg.ffn_ratio} x d_model, {cfg.encoder_layers} encoder and
  {cfg.decoder_layers} decoder blocks, rotary positions, tied embeddings, value head; {params:,} parameters;
  vocabulary {cfg.vocab_size}; windows {cfg.max_encoder_len} problem tokens and {cfg.max_decoder_len} program tokens.
- Stored as float16 safetensors ({size / 2**20:.1f} MiB with the tokenizer). Load it with
  `AlphaCodeForConditionalGeneration.from_pretrained(dir, dtype=torch.float32)`.

## Data

- Tokenizer: byte-level BPE, {tok["vocab_size"]} tokens, on {tok["files_read"]:,} files ({tok["bytes_read"]:,} bytes)
  of {", ".join(tok["sources"])}; {tok["chars_per_token"]:.2f} characters per token on held-out files.
- Pre-training: the same code ({corpus["kept"]:,} files, {chunks["counts"]["tokens"]:,} tokens in {chunks["kept"]:,}
  chunks), next-token loss on the decoder after a random pivot plus MLM on the encoder.
- Fine-tuning: the `train` split of `solve families build` ({splits["train"]["problems"]} instances of
  {len(splits["train"]["families"])} families): {fine["kept"]:,} programs, {fine["counts"].get("correct", 0):,} reference
  programs (Python 3 and C++) and {fine["counts"].get("incorrect", 0):,} wrong ones, each labelled by the sandbox;
  prompts with the instance's true rating and tags and CORRECT/INCORRECT SOLUTION. Held-out families (never
  trained on): {held}.

## Training

| stage | steps | batch | wall-clock | first logged losses | final losses |
| --- | --- | --- | --- | --- | --- |
{_row("pre-training", work / "pretrain", "chunks", timings["pretrain"] / 60)}
{_row("fine-tuning", work / "finetune", "programs", timings.get("finetune", 0) / 60)}
{_row("fine-tuning, second run", work / "finetune2", "programs", timings.get("finetune2", 0) / 60) if (work / "finetune2").is_dir() else ""}

Fine-tuning follows AlphaCode §4.3: tempering (logits / {fine_cfg["loss"]["temperature"]:g}), value conditioning and
the value head, GOLD (alpha {fine_cfg["loss"]["gold_alpha"]:g}, beta {fine_cfg["loss"]["gold_beta"]:g}) from step
{fine_cfg["loss"]["gold_start_step"]} after a tempering-only phase, MLM; learning rate {fine_cfg["optim"]["lr"]:g}
to {fine_cfg["optim"]["min_lr"]:g}. The second run (configs/finetune2-default.yaml) continues from the first with GOLD
from its first step and batches grouped by length; the first run alone (about 0.7 passes over the programs) left a
model whose samples did not compile. Token losses are tempered in fine-tuning, so they are not comparable with
pre-training's. The machine was shared with other jobs, so the times are longer than a quiet machine's.

## What it writes

{_peeks(args.results)}

## What it solves

{_results(args.results)}

## Rebuild

    .venv/bin/python scripts/train_default_model.py     # tokenizer, pre-training, families, fine-tuning, export
    .venv/bin/python scripts/default_model_card.py      # this card, from the records

Training is deterministic given the seed, but float32 sums on another CPU may differ in the last bits, so a rebuild
gives a model of the same quality, not the same bytes.
"""
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
