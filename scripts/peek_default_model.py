"""What a model writes for one problem: sample programs as `solve` would and report how many are even well-formed.

Samples N programs (half Python 3, half C++), each with its own random rating and tag set in the prompt header, at
AlphaCode's temperature 0.25 (unless --temperature) with the fast sampler, scored at the fine-tuning temperature 0.2. Reports the sampling
seconds (prompt encoding included, model loading not), how many samples ended with </s> rather than at the token
limit, how many Python samples compile() and how many C++ samples pass `g++ -fsyntax-only`, the number of distinct
programs, and prints the most likely sample of each language. `samples_per_minute` is the throughput of this run,
from which the default `--samples` of `solve` is sized.

    .venv/bin/python scripts/peek_default_model.py [--model solver/data/default-model] --problem PATH [--samples 64]
                                                   [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import tempfile
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import torch

from solver.model import AlphaCodeForConditionalGeneration
from solver.model.prompt import build_prompt, encode_prompt, program_text, sample_spec
from solver.model.sampling import sample_programs
from solver.model.tokenizer import load_tokenizer
from solver.problem import Language, load_problems

ROOT = Path(__file__).resolve().parents[1]
TEMPERATURE = 0.25  # AlphaCode's sampling temperature for a tempered + GOLD model
SCORE_TEMPERATURE = 0.2  # the fine-tuning (tempering) temperature
GXX_SECONDS = 20


@dataclass(frozen=True)
class Peek:
    model: str
    problem: str
    samples: int
    temperature: float
    max_new_tokens: int
    batch_size: int
    seconds: float
    samples_per_minute: float
    finished: float  # fraction that ended with </s>
    mean_tokens: float
    distinct_programs: int
    python_samples: int
    python_compiles: float  # fraction of the Python samples that compile()
    cpp_samples: int
    cpp_syntax_ok: float | None  # fraction passing g++ -fsyntax-only (None: not checked)
    mean_logprob: float
    mean_value: float
    examples: dict[str, str]  # language -> the sample with the best mean log-prob


def python_compiles(code: str) -> bool:
    with warnings.catch_warnings():  # compile() warns about odd literals; only whether it compiles matters here
        warnings.simplefilter("ignore")
        try:
            compile(code, "<sample>", "exec")
        except (SyntaxError, ValueError):  # ValueError: a NUL byte in the source
            return False
    return True


def cpp_syntax_ok(code: str) -> bool:
    """`g++ -std=c++17 -fsyntax-only` accepts it (compilation only: nothing the model wrote is run)."""
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch, "sample.cpp")
        source.write_text(code, encoding="utf-8")
        try:
            done = subprocess.run(["g++", "-std=c++17", "-fsyntax-only", str(source)], check=False,
                                  capture_output=True, timeout=GXX_SECONDS, stdin=subprocess.DEVNULL)  # fmt: skip
        except subprocess.TimeoutExpired:
            return False
        return done.returncode == 0


def peek(model_dir: Path, problem_path: Path, n: int, max_new_tokens: int = 768, batch_size: int = 64,
         seed: int = 0, check_cpp: bool = True, temperature: float = TEMPERATURE) -> Peek:  # fmt: skip
    model = AlphaCodeForConditionalGeneration.from_pretrained(model_dir, dtype=torch.float32).eval()
    tokenizer = load_tokenizer(model_dir)
    problem = load_problems(problem_path)[0].public_view()
    rng = random.Random(seed)
    languages = [Language.PYTHON3] * (n - n // 2) + [Language.CPP] * (n // 2)
    specs = [sample_spec(rng, language) for language in languages]
    start = time.perf_counter()
    prompts = [torch.tensor(encode_prompt(tokenizer, build_prompt(problem, s), model.config.max_encoder_len).ids)
               for s in specs]  # fmt: skip
    samples = sample_programs(model, prompts, 1, max_new_tokens, temperature=temperature, batch_size=batch_size,
                              seed=seed, score_temperature=SCORE_TEMPERATURE)  # fmt: skip
    seconds = time.perf_counter() - start
    codes = [program_text(tokenizer, s.token_ids) for s in samples]
    python = [c for c, s in zip(codes, specs, strict=True) if s.language == Language.PYTHON3]
    cpp = [c for c, s in zip(codes, specs, strict=True) if s.language == Language.CPP]
    cpp_ok = None
    if check_cpp and cpp:
        with ThreadPoolExecutor(2) as pool:
            cpp_ok = sum(pool.map(cpp_syntax_ok, cpp)) / len(cpp)
    examples = {}
    for language in (Language.PYTHON3, Language.CPP):
        ranked = sorted((s.logprob_mean, c) for s, c, p in zip(samples, codes, specs, strict=True)
                        if p.language == language)  # fmt: skip
        if ranked:
            examples[language.value] = ranked[-1][1]
    return Peek(
        model=str(model_dir), problem=str(problem_path), samples=n, temperature=temperature, max_new_tokens=max_new_tokens,
        batch_size=batch_size, seconds=round(seconds, 2), samples_per_minute=round(60 * n / seconds, 1),
        finished=sum(s.finished for s in samples) / n, mean_tokens=statistics.mean(len(s.token_ids) for s in samples),
        distinct_programs=len(set(codes)), python_samples=len(python),
        python_compiles=sum(map(python_compiles, python)) / max(len(python), 1), cpp_samples=len(cpp),
        cpp_syntax_ok=cpp_ok, mean_logprob=statistics.mean(s.logprob_mean for s in samples),
        mean_value=statistics.mean(s.value for s in samples), examples=examples,
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "solver" / "data" / "default-model")
    parser.add_argument("--problem", type=Path, required=True)
    parser.add_argument("--samples", type=int, default=64)
    parser.add_argument("--max-new-tokens", type=int, default=768)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--temperature", type=float, default=TEMPERATURE)
    parser.add_argument("--no-cpp-check", action="store_true", help="skip g++ -fsyntax-only on the C++ samples")
    parser.add_argument("--json", type=Path, help="also write the report here")
    parser.add_argument("--example-lines", type=int, default=30, help="lines of each example to print")
    args = parser.parse_args()
    if args.samples < 1:
        parser.error("--samples must be at least 1")
    report = peek(args.model, args.problem, args.samples, args.max_new_tokens, args.batch_size, args.seed,
                  not args.no_cpp_check, args.temperature)  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2) + "\n", encoding="utf-8")
    cpp = "not checked" if report.cpp_syntax_ok is None else f"{report.cpp_syntax_ok:.0%}"
    print(f"{report.problem}: {report.samples} samples in {report.seconds:.1f} s "
          f"({report.samples_per_minute:.0f} per minute, batch {report.batch_size})")  # fmt: skip
    print(f"  finished with </s>: {report.finished:.0%}; mean length {report.mean_tokens:.0f} tokens; "
          f"{report.distinct_programs} distinct programs")  # fmt: skip
    print(f"  Python compiles: {report.python_compiles:.0%} of {report.python_samples}; "
          f"C++ passes g++ -fsyntax-only: {cpp} of {report.cpp_samples}")  # fmt: skip
    print(f"  mean log-prob per token {report.mean_logprob:.3f}; mean value {report.mean_value:.3f}")
    for language, code in report.examples.items():
        lines = code.splitlines()
        print(f"--- most likely {language} sample ({len(lines)} lines) ---")
        print("\n".join(lines[: args.example_lines]) + ("\n..." if len(lines) > args.example_lines else ""))


if __name__ == "__main__":
    main()
