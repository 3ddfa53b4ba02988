"""`solve ablate EXPERIMENT.yaml`: run every variant of an experiment on one problem set and compare them.

An experiment is a base config plus named variants, each a few overrides:

    name: filtering-and-clustering
    problems: problems/examples
    base: {samples: 64, inputs: 50}
    variants:
      alphacode: {}
      no-clustering: {clustering: false}
      no-filtering: {filtering: false}
      random-choice: {filtering: false, clustering: false}
    ks: [1, 4, 16, 64]          # optional: k for pass@k and 10@k (default: powers of 2 up to the samples)

Variants that differ only after sampling share their samples: each distinct sampling setting samples every problem
once into `samples/<group>/<problem>.jsonl`, and each variant is then a resumable batch run over those files
(`runs/<variant>/`, with judge_all so every program's correctness is known). The metrics are recomputed from the
saved records: `summary.csv|md`, `curves.csv`, and the plots `10_at_k.png` and `pass_at_k.png`.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError
from rich.console import Console

from solver.errors import UsageError
from solver.locations import check_output_dir
from solver.pipeline.config import (
    SolveConfig,
    check_device,
    check_paths,
    config_yaml,
    field_error,
    make_config,
    with_bundled_models,
)
from solver.problem import Problem, load_problems

console = Console(highlight=False)
# What sampling depends on: variants equal on these share their samples. Device and dtype count: another dtype
# rounds the logits otherwise, and a GPU has other kernels and another random stream, so the samples differ.
SAMPLING_FIELDS = ("model", "samples_from", "policy_url", "served_model", "api", "samples", "languages",
                   "random_metadata", "temperature", "top_k", "top_p", "max_new_tokens", "batch_size", "device",
                   "dtype", "seed")  # fmt: skip


class Experiment(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    problems: Path
    base: dict[str, Any] = {}
    variants: dict[str, dict[str, Any]]
    ks: list[int] | None = None
    subsets: int = 100  # random size-k subsets averaged for n@k


def load_experiment(path: Path) -> tuple[Experiment, dict[str, SolveConfig]]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        experiment = Experiment.model_validate(data)
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise UsageError(f"{path}: not UTF-8 (byte {error.start})") from None
    except yaml.YAMLError as error:
        raise UsageError(f"{path}: invalid YAML: {str(error).splitlines()[0]}") from None
    except RecursionError:
        raise UsageError(f"{path}: invalid YAML: nested too deeply") from None
    except ValidationError as error:
        raise UsageError(f"{path}: {field_error(error)}") from None
    if not experiment.variants:
        raise UsageError(f"{path}: field 'variants': at least one variant is needed")
    make_config(f"{path}: base", **experiment.base)  # a bad base setting is named as such, not as every variant's
    configs = {}
    for name, overrides in experiment.variants.items():
        values = {**experiment.base, **(overrides or {}), "judge_all": True}
        configs[name] = with_bundled_models(make_config(f"{path}: variant '{name}'", **values))
    return experiment, configs


def sampling_key(config: SolveConfig) -> str:
    return json.dumps(config.model_dump(mode="json", include=set(SAMPLING_FIELDS)), sort_keys=True)


def write_samples(problems: list[Problem], config: SolveConfig, directory: Path) -> None:
    """Sample every problem once into DIR/<problem>.jsonl (the --samples-from format, with the prompt metadata and
    scores as fields). Problems whose file exists are skipped, and files appear whole, so this resumes too.
    DIR/sampling.json records each problem's sampling seconds and generated tokens (samples per CPU-minute is
    what architecture ablations compare); it is not a `.jsonl`, so no problem's samples are looked up in it."""
    from solver.pipeline.output import safe_name
    from solver.pipeline.policy import SamplingSettings
    from solver.pipeline.sampling import plan_prompts, policy_for

    directory.mkdir(parents=True, exist_ok=True)
    todo = [p for p in problems if not (directory / f"{safe_name(p.name)}.jsonl").exists()]
    if not todo:
        return
    policy = policy_for(config)
    settings = SamplingSettings(config.temperature, config.top_k, config.top_p, config.max_new_tokens,
                                config.batch_size, config.seed)  # fmt: skip
    timing_file = directory / "sampling.json"
    timings = json.loads(timing_file.read_text(encoding="utf-8")) if timing_file.exists() else {}
    for problem in todo:
        public = problem.public_view()
        plan = plan_prompts(public, config.samples, config.languages, config.seed, config.random_metadata)
        start = time.perf_counter()
        with console.status(f"sampling {config.samples} programs for {problem.name}"):
            samples = policy.sample(public, plan, settings)
        timings[problem.name] = {"seconds": round(time.perf_counter() - start, 3), "samples": len(samples),
                                 "tokens": sum(s.n_tokens or 0 for s in samples)}  # fmt: skip
        lines = []
        for i, s in enumerate(samples):
            prompt = None if s.spec is None else {"rating": s.spec.rating, "tags": list(s.spec.tags)}
            lines.append(json.dumps({
                "id": f"s{i:05d}", "language": s.language.value, "code": s.code, "logprob_sum": s.logprob_sum,
                "logprob_mean": s.logprob_mean, "value": s.value, "n_tokens": s.n_tokens, "finished": s.finished,
                "prompt": prompt, **dict(s.extra),
            }, ensure_ascii=False))  # fmt: skip
        target = directory / f"{safe_name(problem.name)}.jsonl"
        tmp = target.with_suffix(".tmp")
        tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        tmp.replace(target)
        tmp = timing_file.with_suffix(".tmp")  # after the samples: a problem timed is a problem sampled
        tmp.write_text(json.dumps(timings, indent=1) + "\n", encoding="utf-8")
        tmp.replace(timing_file)
        console.print(f"sampled {len(samples)} programs for {problem.name}")


def ablate_command(experiment: Path, *, out: Path | None = None, ray: str | None = None) -> int:
    """Run every variant of EXPERIMENT (YAML: base config + variants) on its problems; tables and plots into OUT."""
    from solver.evaluation.report import experiment_report
    from solver.pipeline.batch import run_batch

    spec, configs = load_experiment(experiment)
    out = Path(out) if out is not None else Path("results") / spec.name
    problems = load_problems(spec.problems)
    for name, config in configs.items():  # every path the variants read, before anything is written
        check_paths(config, f"{experiment}: variant '{name}'")
        if ray is None:  # Ray's problem tasks may find GPUs this machine lacks
            check_device(config)
    check_output_dir(out, "--out")
    (out / "configs").mkdir(parents=True, exist_ok=True)
    (out / "experiment.yaml").write_text(Path(experiment).read_text(encoding="utf-8"), encoding="utf-8")
    groups: dict[str, str] = {}
    for name, config in configs.items():
        (out / "configs" / f"{name}.yaml").write_text(config_yaml(config), encoding="utf-8")
        groups.setdefault(sampling_key(config), f"g{len(groups)}")
    variant_groups = {name: groups[sampling_key(config)] for name, config in configs.items()}
    (out / "samples").mkdir(exist_ok=True)  # which samples each variant uses: reports read sampling costs by it
    (out / "samples" / "groups.json").write_text(json.dumps(variant_groups, indent=1) + "\n", encoding="utf-8")
    console.print(f"{spec.name}: {len(configs)} variants, {len(groups)} sampling setting(s), {len(problems)} problems")
    for name, config in configs.items():
        samples_dir = config.samples_from
        if samples_dir is None:
            samples_dir = out / "samples" / groups[sampling_key(config)]
            write_samples(problems, config, samples_dir)
        run_config = config.model_copy(update={"samples_from": samples_dir, "model": None, "policy_url": None})
        console.print(f"[bold]variant {name}[/]")
        run_batch(problems, run_config, out / "runs" / name, ray)
    experiment_report(out, spec, configs)
    return 0
