"""Training throughput of the ~20M model on this CPU, next to the machine's matmul FLOP rate.

A full training step (MLM corruption, encoder + decoder forward, tempered GOLD token loss, MLM and value losses,
backward, grad clip, AdamW) runs on random problem/program tokens at the paper's 2:1 encoder:decoder length
ratio. Tokens/s counts encoder + decoder tokens. The limit is the measured float32 (and bf16) matmul rate divided
by the step's FLOPs per token: 6 per parameter a token passes through (forward 2, backward 4). 6N with N all
parameters would overcount, because encoder tokens (2/3 of them) pass through the 2 encoder blocks only, not the
12 decoder blocks; `step_flops` counts each weight against the tokens it sees. The fraction is reported for both.

    .venv/bin/python scripts/bench_training.py [--quick] [--threads 2]
Writes results/bench/training.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

import torch

from solver.model.modeling import AlphaCodeConfig, AlphaCodeForConditionalGeneration
from solver.model.tokenizer import MASK_ID, SPECIAL_TOKENS
from solver.training.config import LossSection
from solver.training.data import Example, collate
from solver.training.losses import mask_for_mlm
from solver.training.trainer import Objective

ROOT = Path(__file__).resolve().parents[1]


def matmul_flops(dtype: torch.dtype, n: int, repeats: int) -> float:
    """Median FLOP/s of an n×n by n×n matmul (2n³ FLOPs)."""
    a, b = torch.randn(n, n, dtype=dtype), torch.randn(n, n, dtype=dtype)
    for _ in range(2):
        a @ b
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - start)
    return 2 * n**3 / statistics.median(times)


def step_flops(model: AlphaCodeForConditionalGeneration, B: int, S: int, T: int, mlm_fraction: float) -> float:
    """Training FLOPs of one step, 6 per weight per token that passes through it: encoder blocks and the decoder's
    cross-attention K/V projections see the S encoder tokens, the rest of the decoder the T decoder tokens, the
    tied output layer the T decoder tokens plus the MLM positions. Attention scores (O(S², T·S)) are left out."""
    enc = sum(p.numel() for p in model.encoder.blocks.parameters())
    cross_kv = sum(p.numel() for b in model.decoder.blocks for p in (b.cross_attn.k_proj.weight,
                                                                     b.cross_attn.v_proj.weight))  # fmt: skip
    dec = sum(p.numel() for p in model.decoder.blocks.parameters()) - cross_kv
    out = model.encoder.embed_tokens.weight.numel()
    return 6 * B * ((enc + cross_kv) * S + dec * T + out * (T + mlm_fraction * S))


def batch(B: int, S: int, T: int, vocab: int, generator: torch.Generator) -> dict[str, torch.Tensor]:
    examples = []
    for row in range(B):
        enc = torch.randint(len(SPECIAL_TOKENS), vocab, (S,), generator=generator).tolist()
        dec = [1, *torch.randint(len(SPECIAL_TOKENS), vocab, (T,), generator=generator).tolist()]
        examples.append(Example(tuple(enc), tuple(dec), correct=row % 2 == 0))
    return collate(examples)


def tokens_per_second(preset: str, B: int, S: int, T: int, steps: int, precision: str) -> tuple[float, int, float]:
    torch.manual_seed(0)
    config = AlphaCodeConfig.from_preset(preset, vocab_size=8000, max_encoder_len=S, max_decoder_len=T)
    model = AlphaCodeForConditionalGeneration(config).train()
    params = sum(p.numel() for p in model.parameters())
    objective = Objective(model, LossSection(temperature=0.2, gold_start_step=0))
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.1)
    generator = torch.Generator().manual_seed(0)
    data = batch(B, S, T, config.vocab_size, generator)
    times = []
    for step in range(steps + 1):  # the first step warms up allocations and is not timed
        start = time.perf_counter()
        mlm = mask_for_mlm(data["input_ids"], data["attention_mask"], generator, config.vocab_size, MASK_ID,
                           len(SPECIAL_TOKENS))  # fmt: skip
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bf16"):
            parts = objective(data, mlm.input_ids, mlm.labels, gold=True)
        parts.total.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        optimizer.zero_grad()
        if step:
            times.append(time.perf_counter() - start)
    return B * (S + T) / statistics.median(times), params, step_flops(model, B, S, T, 0.15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter sequences and fewer steps")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--preset", default="small-20m")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "bench" / "training.json")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    B, S, T, steps = (2, 256, 128, 3) if args.quick else (4, 1024, 512, 5)
    peaks = {
        "no": matmul_flops(torch.float32, 1024 if args.quick else 2048, 5 if args.quick else 10),
        "bf16": matmul_flops(torch.bfloat16, 1024 if args.quick else 2048, 5 if args.quick else 10),
    }
    rows = []
    for precision in ("no", "bf16"):
        rate, params, flops = tokens_per_second(args.preset, B, S, T, steps, precision)
        achieved = rate * flops / (B * (S + T))
        rows.append({
            "mixed_precision": precision,
            "tokens_per_s": rate,
            "model_flops_per_s": achieved,
            "matmul_flops_per_s": peaks[precision],
            "fraction_of_matmul_rate": achieved / peaks[precision],
            "limit_tokens_per_s": peaks[precision] / (flops / (B * (S + T))),
        })  # fmt: skip
    result = {
        "preset": args.preset,
        "params": params,
        "flops_per_token_6n": 6 * params,
        "flops_per_token_counted": flops / (B * (S + T)),
        "batch": B,
        "encoder_tokens": S,
        "decoder_tokens": T,
        "timed_steps": steps,
        "threads": args.threads,
        "quick": args.quick,
        "torch": torch.__version__,
        "machine": platform.processor() or platform.machine(),
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    result["command"] = " ".join(["python scripts/bench_training.py", *sys.argv[1:]])
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{args.preset}: {params / 1e6:.1f}M params, 6N = {6 * params / 1e6:.0f} MFLOP/token, counted per token "
          f"(encoder tokens skip the decoder) {flops / (B * (S + T)) / 1e6:.0f} MFLOP, "
          f"batch {B} x ({S} enc + {T} dec), {args.threads} threads")  # fmt: skip
    header = ("precision", "tokens/s", "limit tok/s", "model GFLOP/s", "matmul GFLOP/s", "fraction")
    print(f"{header[0]:<10}{header[1]:>10}{header[2]:>13}{header[3]:>15}{header[4]:>16}{header[5]:>10}")
    for r in rows:
        print(f"{r['mixed_precision']:<10}{r['tokens_per_s']:>10.0f}{r['limit_tokens_per_s']:>13.0f}"
              f"{r['model_flops_per_s'] / 1e9:>15.1f}{r['matmul_flops_per_s'] / 1e9:>16.1f}"
              f"{r['fraction_of_matmul_rate']:>10.1%}")  # fmt: skip
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
