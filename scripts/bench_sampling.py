"""Benchmark of the fast mass sampler against standard multi-head attention and Hugging Face generate().

    .venv/bin/python scripts/bench_sampling.py [--quick] [--threads N] [--out results/bench/sampling.json]

On the ~20M configuration (preset "small-20m": d_model 256, 8 query heads, 2 encoder / 12 decoder blocks, 8k
vocabulary, random init) with a 400-token prompt, measured side by side in one run, generated tokens per second of:
  fast-mqa      the fast sampler, n_kv_head=1 (multi-query attention);
  fast-mha      the fast sampler on the same model with n_kv_head=8 (standard multi-head attention);
  generate-mqa  model.generate(do_sample=True) on the MQA model, same temperature, top_k=0, top_p=1;
  limit         the machine's fp32 matmul FLOP rate (a large timed matmul) / the model's FLOPs per generated token
                (2 x decoder parameters incl. the tied output layer, plus self- and cross-attention terms).
Every sample runs the full length: the sampler gets eos_id=None (</s> is an ordinary token, no stopping) and
generate() gets min_new_tokens=max_new_tokens (its EOS logit is masked).

Each configuration runs in a fresh subprocess, with the same allocator setting for every method (glibc keeps
freed blocks, see solver.model.sampling.keep_freed_memory_for_reuse), after a short warm-up. Peak memory: after the
warm-up the process's peak-RSS mark is reset (/proc/self/clear_refs), so `peak_rss_mb` (ru_maxrss) is the peak
resident set during the timed call, model and torch runtime included; `sampling_mb` = peak - resident set just
before the call, i.e. what sampling added. generate() is slow at large batches, so it is capped with its own
`max_time` stopping criterion: its tokens/s then covers only the first steps, whose contexts are short, which
flatters generate(); capped rows are marked. The full run skips fast-mha at batch 512 x 768 tokens (about ten
minutes and a 9.0 GiB K/V cache on 2 cores); the quick run measures 128 new tokens at batches 16 and 128.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil
import torch
from rich.console import Console
from rich.table import Table

from solver.model import AlphaCodeConfig, AlphaCodeForConditionalGeneration, sample_programs
from solver.model.sampling import keep_freed_memory_for_reuse

PRESET = "small-20m"
PROMPT_LEN = 400
TEMPERATURE = 0.25  # AlphaCode's sampling temperature
MODEL_SEED = 0
METHODS = ("fast-mqa", "fast-mha", "generate-mqa")
TARGETS = {"mqa_over_generate_b128": 5.0, "mqa_over_mha_b128_n768": 2.0, "fraction_of_limit_at_best_batch": 0.30}
FULL = {"batches": [1, 16, 128, 512], "new_tokens": [256, 768], "generate_max_time": 45.0,
        "skip": [("fast-mha", 512, 768)]}  # fmt: skip
QUICK = {"batches": [16, 128], "new_tokens": [128], "generate_max_time": 6.0, "skip": []}


@dataclass(frozen=True)
class Case:
    method: str  # fast-mqa | fast-mha | generate-mqa
    batch: int
    new_tokens: int
    threads: int
    generate_max_time: float


def build_model(n_kv_head: int) -> AlphaCodeForConditionalGeneration:
    torch.manual_seed(MODEL_SEED)
    return AlphaCodeForConditionalGeneration(AlphaCodeConfig.from_preset(PRESET, n_kv_head=n_kv_head)).eval()


def prompt_ids() -> torch.Tensor:
    return torch.randint(5, 8000, (PROMPT_LEN,), generator=torch.Generator().manual_seed(1))


def fast_sampler_tokens(model, prompt: torch.Tensor, batch: int, new_tokens: int, max_time: float | None) -> int:
    """One batch from the fast sampler (never capped: max_time is generate()'s knob). Returns tokens generated."""
    samples = sample_programs(model, prompt, num_samples=batch, max_new_tokens=new_tokens, temperature=TEMPERATURE,
                              batch_size=batch, seed=0, eos_id=None)  # fmt: skip
    return sum(len(s.token_ids) for s in samples)


def generate_tokens(model, prompt: torch.Tensor, batch: int, new_tokens: int, max_time: float | None) -> int:
    """The same batch from Hugging Face generate(), EOS masked, stopped early after max_time seconds if given."""
    with torch.inference_mode():
        out = model.generate(prompt[None], do_sample=True, temperature=TEMPERATURE, top_k=0, top_p=1.0,
                             num_return_sequences=batch, max_new_tokens=new_tokens, min_new_tokens=new_tokens,
                             max_time=max_time)  # fmt: skip
    return (out.shape[1] - 1) * batch  # minus the <s> column


def run_case(case: Case) -> dict:
    """Time one configuration (inside a worker subprocess)."""
    torch.set_num_threads(case.threads)
    keep_freed_memory_for_reuse()
    model = build_model(n_kv_head=8 if case.method == "fast-mha" else 1)
    prompt = prompt_ids()
    run = generate_tokens if case.method == "generate-mqa" else fast_sampler_tokens
    run(model, prompt, min(case.batch, 4), 4, None)  # warm-up: first-call allocations and kernel selection
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak-RSS mark: measure the timed call only
    rss_before = psutil.Process().memory_info().rss
    start = time.perf_counter()
    tokens = run(model, prompt, case.batch, case.new_tokens, case.generate_max_time)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    return {
        **asdict(case),
        "tokens": tokens,
        "seconds": seconds,
        "tokens_per_second": tokens / seconds,
        "capped": tokens < case.batch * case.new_tokens,
        "rss_before_mb": rss_before / 2**20,
        "peak_rss_mb": peak / 2**20,
        "sampling_mb": (peak - rss_before) / 2**20,
    }


def matmul_flops_per_second(threads: int, size: int = 4096, repeats: int = 3) -> float:
    """Median FLOP rate of a large fp32 matmul: what the model's matmuls could reach at best on this machine."""
    torch.set_num_threads(threads)
    a, b = torch.randn(size, size), torch.randn(size, size)
    a @ b
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        rates.append(2 * size**3 / (time.perf_counter() - start))
    return statistics.median(rates)


def flops_per_token(config: AlphaCodeConfig, new_tokens: int) -> float:
    """Forward FLOPs to generate one token, averaged over a sample of new_tokens tokens."""
    d, hd, layers = config.d_model, config.head_dim, config.decoder_layers
    q_and_out = 2 * d * config.n_head * hd
    kv = 2 * d * config.n_kv_head * hd
    per_block = 2 * (q_and_out + kv) + 2 * config.ffn_ratio * d * d  # self + cross attention, MLP
    decoder_params = layers * per_block + config.vocab_size * d  # the tied output layer is a d x V matmul
    # Cross-attention K/V are computed once per problem, not per token: drop those projections.
    per_token_params = decoder_params - layers * kv
    mean_context = (new_tokens + 1) / 2
    attention = layers * 2 * 2 * config.n_head * hd * (mean_context + PROMPT_LEN)  # QK^T and PV, self + cross
    return 2 * per_token_params + attention


def kv_cache_bytes_per_sample(config: AlphaCodeConfig, new_tokens: int) -> int:
    return 2 * config.decoder_layers * config.n_kv_head * new_tokens * config.head_dim * 4  # K and V, fp32


def run_in_subprocess(case: Case) -> dict:
    cmd = [sys.executable, __file__, "--worker", json.dumps(asdict(case))]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench_sampling worker failed for {case}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a small subset (about a minute)")
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="torch threads (default: all cores)")
    parser.add_argument("--out", type=Path, default=Path("results/bench/sampling.json"))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_case(Case(**json.loads(args.worker)))))
        return

    plan = QUICK if args.quick else FULL
    console = Console(width=160)
    flop_rate = matmul_flops_per_second(args.threads)
    console.print(f"matmul: {flop_rate / 1e9:.0f} GFLOP/s fp32 on {args.threads} threads")
    rows = []
    for new_tokens in plan["new_tokens"]:
        for batch in plan["batches"]:
            for method in METHODS:
                if (method, batch, new_tokens) in plan["skip"]:
                    console.print(f"  {method:13s} N={new_tokens:4d} B={batch:4d}: skipped (time cap)")
                    continue
                row = run_in_subprocess(Case(method, batch, new_tokens, args.threads, plan["generate_max_time"]))
                console.print(f"  {method:13s} N={new_tokens:4d} B={batch:4d}: {row['tokens_per_second']:8.0f} tok/s"
                              f"  +{row['sampling_mb']:6.0f} MB{'  (capped)' if row['capped'] else ''}")  # fmt: skip
                rows.append(row)

    mqa, mha = AlphaCodeConfig.from_preset(PRESET), AlphaCodeConfig.from_preset(PRESET, n_kv_head=8)
    by = {(r["method"], r["batch"], r["new_tokens"]): r for r in rows}
    summary = []
    for new_tokens in plan["new_tokens"]:
        limit = flop_rate / flops_per_token(mqa, new_tokens)
        best = max((r for r in rows if r["method"] == "fast-mqa" and r["new_tokens"] == new_tokens),
                   key=lambda r: r["tokens_per_second"])  # fmt: skip
        for batch in plan["batches"]:
            tps = {m: by[(m, batch, new_tokens)]["tokens_per_second"] if (m, batch, new_tokens) in by else None
                   for m in METHODS}  # fmt: skip
            mqa_tps = tps["fast-mqa"]
            summary.append({
                "new_tokens": new_tokens, "batch": batch, "tokens_per_second": tps, "limit_tps": limit,
                "generate_capped": by[("generate-mqa", batch, new_tokens)]["capped"],
                "mqa_over_mha": mqa_tps / tps["fast-mha"] if tps["fast-mha"] else None,
                "mqa_over_generate": mqa_tps / tps["generate-mqa"],
                "fraction_of_limit": mqa_tps / limit,
                "is_best_batch": batch == best["batch"],
                "sampling_mb": {m: by[(m, batch, new_tokens)]["sampling_mb"] for m in METHODS if (m, batch, new_tokens) in by},
                "peak_rss_mb": {m: by[(m, batch, new_tokens)]["peak_rss_mb"] for m in METHODS if (m, batch, new_tokens) in by},
            })  # fmt: skip

    result = {
        "command": " ".join(["python scripts/bench_sampling.py", *sys.argv[1:]]), "preset": PRESET, "prompt_len": PROMPT_LEN, "temperature": TEMPERATURE, "quick": args.quick,
        "threads": args.threads, "machine": platform.processor() or platform.machine(), "torch": torch.__version__,
        "matmul_gflops": flop_rate / 1e9,
        "flops_per_token": {n: flops_per_token(mqa, n) for n in plan["new_tokens"]},
        "kv_cache_bytes_per_sample": {
            "mqa": {n: kv_cache_bytes_per_sample(mqa, n) for n in plan["new_tokens"]},
            "mha": {n: kv_cache_bytes_per_sample(mha, n) for n in plan["new_tokens"]},
        },
        "peak_memory_method": "ru_maxrss of a fresh subprocess per configuration, peak mark reset after warm-up "
        "(peak_rss_mb includes model and runtime; sampling_mb = peak - RSS before the timed call)",
        "targets": TARGETS, "runs": rows, "summary": summary,
    }  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print_table(console, result)
    console.print(f"wrote {args.out}")


def print_table(console: Console, result: dict) -> None:
    def fmt(value: float | None, spec: str) -> str:
        return "skipped" if value is None else format(value, spec)

    title = f"sampling tokens/s, {result['preset']}, prompt {result['prompt_len']}, {result['threads']} threads"
    table = Table(title=title)
    for col in ("N", "B", "fast MQA", "fast MHA", "generate", "limit", "MQA/MHA", "MQA/gen", "of limit",
                "+MB MQA/MHA/gen"):  # fmt: skip
        table.add_column(col, justify="right")
    for s in result["summary"]:
        tps, mb = s["tokens_per_second"], s["sampling_mb"]
        table.add_row(
            str(s["new_tokens"]), str(s["batch"]), fmt(tps["fast-mqa"], ".0f"), fmt(tps["fast-mha"], ".0f"),
            fmt(tps["generate-mqa"], ".0f") + ("*" if s["generate_capped"] else ""), f"{s['limit_tps']:.0f}",
            fmt(s["mqa_over_mha"], ".2f"), f"{s['mqa_over_generate']:.2f}",
            f"{s['fraction_of_limit']:.0%}{' (best)' if s['is_best_batch'] else ''}",
            "/".join(fmt(mb.get(m), ".0f") for m in METHODS),
        )  # fmt: skip
    console.print(table)
    kv = result["kv_cache_bytes_per_sample"]
    for n in kv["mqa"]:
        console.print(f"K/V cache per sample at {n} new tokens: MQA {kv['mqa'][n] / 2**20:.2f} MiB, "
                      f"MHA {kv['mha'][n] / 2**20:.2f} MiB")  # fmt: skip
    console.print("* generate() stopped by max_time: its rate covers only the first, cheapest steps")


if __name__ == "__main__":
    main()
