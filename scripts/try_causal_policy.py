"""Manual check of the causal-model policy on a real model: sample programs for one problem, judge them on the
public tests, time everything, and print a table.

    .venv/bin/python scripts/try_causal_policy.py --model /work/models/qwen --problem problems/examples/X.json \
        --samples 8 [--batch-size 4] [--max-new-tokens 384] [--inputs 5] [--threads 1] [--out DIR]

Samples are split evenly between Python 3 and C++ (Python first), as the pipeline's plan does. Per batch it reports
wall seconds (the first batch of each language includes the prompt's prefill) and generated tokens per second;
per sample, whether code could be extracted, whether the program prints an input prompt, and its public verdict.
`--out DIR` keeps each program and reply, so that `solve judge PROBLEM FILE` can re-judge any of them.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from solver.execution import Executor, Program
from solver.judge import judge
from solver.model.prompt import PromptSpec
from solver.pipeline.causal import CausalPolicy
from solver.pipeline.policy import SamplingSettings
from solver.problem import Language, load_problem


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--problem", type=Path, required=True)
    parser.add_argument("--samples", type=int, default=8)
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--max-new-tokens", type=int, default=384)
    parser.add_argument("--temperature", type=float, default=SamplingSettings.temperature)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--inputs", type=int, default=5, help="also time write_inputs for this many (0: skip)")
    parser.add_argument("--languages", default="PYTHON3,CPP")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="torch threads (1 when other jobs share the cores: OpenMP threads stall otherwise)",
    )
    args = parser.parse_args()
    if args.threads is not None:
        import torch

        torch.set_num_threads(args.threads)
    console = Console()

    problem = load_problem(args.problem).public_view()
    started = time.perf_counter()
    policy = CausalPolicy(args.model)
    load_seconds = time.perf_counter() - started

    languages = [Language(name.strip()) for name in args.languages.split(",")]
    share, extra = divmod(args.samples, len(languages))
    plan = [PromptSpec(None, (), lang) for i, lang in enumerate(languages) for _ in range(share + (i < extra))]
    settings = SamplingSettings(temperature=args.temperature, max_new_tokens=args.max_new_tokens,
                                batch_size=args.batch_size, seed=args.seed)  # fmt: skip
    marks = [time.perf_counter()]
    sizes: list[int] = []

    def progress(k: int) -> None:
        marks.append(time.perf_counter())
        sizes.append(k)

    samples = policy.sample(problem, plan, settings, progress)
    sample_seconds = marks[-1] - marks[0]

    # Samples come back in plan order, which is the order they were generated in (languages grouped).
    batches, position = [], 0
    for number, size in enumerate(sizes):
        group = samples[position : position + size]
        seconds = marks[number + 1] - marks[number]
        tokens = sum(s.n_tokens or 0 for s in group)
        batches.append({"language": group[0].language.value, "size": size, "seconds": round(seconds, 2),
                        "tokens": tokens, "tokens_per_second": round(tokens / seconds, 2)})  # fmt: skip
        position += size

    rows = []
    with Executor() as executor:
        for number, sample in enumerate(samples):
            verdict = "-"
            if sample.code:
                verdict = judge(executor, Program(sample.language, sample.code), problem).verdict.value
            rows.append({"sample": number, "language": sample.language.value, "tokens": sample.n_tokens,
                         "finished": sample.finished, "logprob_mean": round(sample.logprob_mean or 0.0, 3),
                         "code": bool(sample.code), "prompts_for_input": sample.extra["prompts_for_input"],
                         "public_verdict": verdict})  # fmt: skip
            if args.out is not None:
                args.out.mkdir(parents=True, exist_ok=True)
                if sample.code:
                    (args.out / f"s{number:02d}{sample.language.extension}").write_text(sample.code)
                (args.out / f"s{number:02d}.reply.txt").write_text(sample.extra["reply"])

    inputs, input_seconds = [], None
    if args.inputs > 0:
        started = time.perf_counter()
        inputs = policy.write_inputs(problem, args.inputs, args.seed)
        input_seconds = time.perf_counter() - started

    table = Table(title=f"{policy.name} on {problem.name} (T={args.temperature}, max {args.max_new_tokens} tokens)")
    for column in rows[0]:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    console.print(table)
    batch_table = Table(title="batches (first of each language includes the prefill)")
    for column in batches[0]:
        batch_table.add_column(column)
    for batch in batches:
        batch_table.add_row(*(str(v) for v in batch.values()))
    console.print(batch_table)
    summary = {
        "model": policy.name, "problem": problem.name, "load_seconds": round(load_seconds, 1),
        "sample_seconds": round(sample_seconds, 1), "seconds_per_sample": round(sample_seconds / len(samples), 1),
        "with_code": sum(r["code"] for r in rows), "prompts_for_input": sum(r["prompts_for_input"] for r in rows),
        "passed_public": sum(r["public_verdict"] == "OK" for r in rows), "samples": len(rows),
        "unfinished": sum(not r["finished"] for r in rows),
        "write_inputs": {"asked": args.inputs, "got": len(inputs), "seconds": input_seconds and round(input_seconds, 1)},
    }  # fmt: skip
    console.print(summary)
    for text in inputs:
        console.print("[bold]input[/bold]\n" + text)
    if args.out is not None:
        (args.out / "summary.json").write_text(json.dumps({**summary, "batches": batches, "rows": rows,
                                                           "inputs": inputs}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
