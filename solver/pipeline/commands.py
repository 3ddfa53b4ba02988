"""`solve PROBLEM.json [--budget 10] [--out DIR] ...`: the solve pipeline as a command.

Everything the user can set is a keyword of `solve_command`, which the CLI turns into options; the values are
checked once, as a `SolveConfig`, before anything slow starts (model loading, sandboxes).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Literal

from rich.console import Console

from solver.errors import UsageError
from solver.execution import Executor
from solver.locations import check_output_dir
from solver.pipeline.config import (
    DEFAULT_SAMPLES,
    SolveConfig,
    check_device,
    check_paths,
    make_config,
    with_bundled_models,
)
from solver.problem import Language, Problem, load_problems, parse_language

console = Console(highlight=False)


def parse_languages(names: list[str] | None) -> tuple[Language, ...]:
    if not names:
        return (Language.PYTHON3, Language.CPP)
    try:
        return tuple(parse_language(name) for name in names)
    except ValueError as error:
        raise UsageError(f"--languages: {error}") from None


def load_one_problem(path: Path) -> Problem:
    problems = load_problems(path)
    if len(problems) != 1:
        raise UsageError(f"{path}: holds {len(problems)} problems; `solve` takes one (use `solve batch` for many)")
    return problems[0]


def require_compilers(config: SolveConfig) -> None:
    """A missing compiler would otherwise show up as every C++ sample 'failing to compile'."""
    if (Language.CPP in config.languages or config.samples_from is not None) and shutil.which("g++") is None:
        raise UsageError("g++ is not installed (apt install g++), and C++ programs need it; "
                         "or sample Python only with --languages PYTHON3")  # fmt: skip


def solve_command(
    problem: Path,
    *,
    budget: int = 10,
    model: Path | None = None,
    samples_from: Path | None = None,
    policy_url: str | None = None,
    served_model: str | None = None,
    api: Literal["chat", "completions"] = "chat",
    server_concurrency: int = 16,
    n_per_request: int = 16,
    api_key_env: str = "OPENAI_API_KEY",
    samples: int = DEFAULT_SAMPLES,
    languages: list[str] | None = None,
    temperature: float = 0.25,
    top_k: int | None = None,
    top_p: float = 1.0,
    max_new_tokens: int = 768,
    batch_size: int = 64,
    device: Literal["auto", "cpu", "cuda"] = "auto",
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto",
    inputs: int = 50,
    testgen_model: Path | None = None,
    testgen_url: str | None = None,
    testgen_served_model: str | None = None,
    testgen: bool = True,
    validate_inputs: bool = False,
    input_generators: int = 0,
    input_validators: int = 0,
    max_clustered: int = 8192,
    fuzzy: int = 0,
    fuzzy_method: Literal["graph", "agglomerative"] = "graph",
    clustering_budget: float | None = None,
    run_limit_factor: float = 3.0,
    population_filter: bool = True,
    tolerance: float | None = None,
    constrained_mutation: bool = True,
    order: Literal["largest", "smallest", "random", "diverse", "proportional"] = "proportional",
    pick: Literal["random", "mean-logprob", "value"] = "random",
    filtering: bool = True,
    clustering: bool = True,
    random_metadata: bool = True,
    judge_all: bool = False,
    seed: int = 0,
    workers: int | None = None,
    allow_unsafe: bool = False,
    out: Path | None = None,
) -> int:
    """Solve PROBLEM: sample programs, filter on the examples, cluster by behaviour, choose BUDGET submissions.

    Without --model the bundled default model samples, and the bundled test-input model writes inputs (--no-testgen:
    mutation only); --model takes one of the project's checkpoints or a Hugging Face causal code model (a directory
    or a .gguf file); --policy-url samples through an OpenAI-compatible server (vLLM, SGLang, llama-server, TGI,
    `solve serve`; --served-model names its model, the key is read from $OPENAI_API_KEY or --api-key-env);
    --samples-from takes programs sampled elsewhere (JSONL). --testgen-url: a server that also writes test inputs.
    --input-generators N / --input-validators N: programs the policy (or the --testgen-url server) writes to print
    test inputs and to check them (a causal model or an instruct server; 4 generators is a good start).
    --device and --dtype place the models loaded here (the policy and the test-input model): auto is cuda in
    bfloat16 when torch sees a GPU, else cpu in float32; a --policy-url server ignores them.
    Exits 0 when the problem is solved (a submission passes the hidden tests) or, for a file without hidden tests,
    when submissions were chosen; 1 otherwise.
    """
    if sum(source is not None for source in (model, samples_from, policy_url)) > 1:
        raise UsageError("--model, --policy-url and --samples-from exclude each other: programs come from one source")
    config = make_config(
        "solve", model=model, samples_from=samples_from, policy_url=policy_url, served_model=served_model, api=api,
        server_concurrency=server_concurrency, n_per_request=n_per_request, api_key_env=api_key_env,
        testgen_url=testgen_url, testgen_served_model=testgen_served_model, samples=samples, languages=parse_languages(languages),
        random_metadata=random_metadata, temperature=temperature, top_k=top_k, top_p=top_p,
        max_new_tokens=max_new_tokens, batch_size=batch_size, device=device, dtype=dtype, filtering=filtering,
        inputs=inputs, testgen_model=testgen_model, testgen=testgen, validate_inputs=validate_inputs,
        input_generators=input_generators, input_validators=input_validators, clustering=clustering,
        max_clustered=max_clustered, fuzzy=fuzzy, fuzzy_method=fuzzy_method, budget=budget, order=order, pick=pick,
        clustering_budget=clustering_budget, run_limit_factor=run_limit_factor, population_filter=population_filter,
        tolerance=tolerance, constrained_mutation=constrained_mutation, judge_all=judge_all, seed=seed,
        workers=workers, allow_unsafe=allow_unsafe,
    )  # fmt: skip
    config = with_bundled_models(config)  # recorded in the saved config, so the run says which models it used
    the_problem = load_one_problem(problem)
    check_paths(config, "solve")
    if out is not None:
        check_output_dir(out, "--out")  # now, not after the whole pipeline has run
    require_compilers(config)
    check_device(config)
    policy, imported, writer = None, None, None
    if samples_from is not None:
        from solver.pipeline.imported import check_scores, read_samples, report_malformed

        imported = read_samples(samples_from)
        check_scores(imported, pick)
        report_malformed(imported)
    else:
        from solver.pipeline.sampling import policy_for

        with console.status("loading the model" if policy_url is None else f"asking {policy_url} for its models"):
            policy = policy_for(config)
    if samples_from is None or testgen_url is not None:
        from solver.pipeline.sampling import input_writer_for

        writer = input_writer_for(config, policy)  # a test-input server is checked now, not after sampling
    from solver.pipeline.output import print_summary, write_outputs
    from solver.pipeline.solve import run_pipeline

    with Executor(workers=config.workers, allow_unsafe=config.allow_unsafe) as executor:
        result = run_pipeline(the_problem, config, executor, policy=policy, imported=imported, writer=writer,
                              console=console)  # fmt: skip
    print_summary(result, console)
    if out is not None:
        write_outputs(result, out)
        console.print(f"wrote {len(result.choices)} submissions, samples.jsonl, report.json and config.yaml to {out}")
    if result.hidden is not None:  # unsolved is 1 even when something was submitted, as for any judge
        return 0 if result.n_correct_chosen else 1
    return 0 if result.choices else 1
