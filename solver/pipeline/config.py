"""The settings of one `solve` run, typed and validated, saved next to its results (`config.yaml`).

Every stage reads its settings from here, so a run is reproduced by its saved config, and an ablation is this
config plus a few overrides. Defaults follow AlphaCode where it says something (half Python / half C++, random
rating and tags, temperature 0.25, 50 generated inputs, at most 8192 programs clustered, 10 submissions from the
largest clusters first).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from solver.errors import UsageError
from solver.problem import Language

if TYPE_CHECKING:  # torch is imported only where a model is loaded: `solve judge` and server runs go without it
    import torch

# Sized so that `solve PROBLEM.json` with the bundled default model finishes in about a minute on 2 quiet CPU cores:
# it samples ~500 programs a minute (MODEL_CARD.md), so ~30 s of sampling, then compiling and filtering the samples.
DEFAULT_SAMPLES = 256
DEFAULT_TESTGEN_DIR = Path(__file__).resolve().parent.parent / "data" / "default-testgen"


class SolveConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # sampling
    model: Path | None = None  # None: the bundled default model (or programs from `samples_from`)
    samples_from: Path | None = None  # a JSONL of programs made elsewhere instead of a model
    # an OpenAI-compatible server instead of a local model (solver/pipeline/server.py); the key comes from the
    # environment variable `api_key_env`, never from a config, which is saved next to the results
    policy_url: str | None = None
    served_model: str | None = None  # None: the one model the server lists
    api: Literal["chat", "completions"] = "chat"  # how instruct models are asked (the own model: completions)
    server_concurrency: int = Field(16, ge=1, le=1024)  # requests in flight per process
    n_per_request: int = Field(16, ge=1)  # samples per request (`n`); 1: one request per sample
    server_timeout: float = Field(600.0, gt=0)  # seconds per request, before it is retried
    api_key_env: str = "OPENAI_API_KEY"
    samples: int = Field(DEFAULT_SAMPLES, ge=1)
    languages: tuple[Language, ...] = (Language.PYTHON3, Language.CPP)  # split evenly, in this order
    random_metadata: bool = True  # random rating and tags in the prompt (App. C.2); off: the problem's own
    temperature: float = Field(0.25, ge=0)
    top_k: int | None = Field(None, ge=1)
    top_p: float = Field(1.0, gt=0, le=1)
    max_new_tokens: int = Field(768, ge=1)
    batch_size: int = Field(64, ge=1)
    # where a model loaded here runs (the policy and the test-input model; a server policy ignores both)
    device: Literal["auto", "cpu", "cuda"] = "auto"  # auto: cuda when torch sees a GPU, else cpu
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto"  # auto: bfloat16 on cuda, float32 on cpu
    # filtering
    filtering: bool = True
    # test inputs for clustering
    inputs: int = Field(50, ge=0)
    testgen_model: Path | None = None
    testgen_url: str | None = None  # an OpenAI-compatible server that writes inputs (as the causal policy does)
    testgen_served_model: str | None = None
    testgen: bool = True  # ask the test-input model (testgen_model, or the bundled one) for inputs; off: mutation only
    validate_inputs: bool = False  # keep only inputs on which the problem's reference solutions agree
    constrained_mutation: bool = True  # mutants keep to the ranges and properties parsed from the statement
    # programs the policy writes (test_generator/generators.py; only policies that write code: a causal model or an
    # instruct server, or the testgen_url server): generators print random valid inputs and scale to any number of
    # inputs, which raw inputs and mutants do not (4 is a good start); validators drop inputs of any source that
    # most of them reject, so invalid mutants stop splitting correct programs apart. 0: off
    input_generators: int = Field(0, ge=0)
    input_validators: int = Field(0, ge=0)
    # clustering
    clustering: bool = True
    max_clustered: int = Field(8192, ge=1)
    fuzzy: int = Field(0, ge=0)  # 0: exact signatures; k: join programs differing on at most k inputs
    fuzzy_method: Literal["graph", "agglomerative"] = "graph"
    clustering_budget: float | None = Field(None, gt=0)  # CPU seconds for the stage's runs; None: no bound
    run_limit_factor: float = Field(3.0, ge=0)  # per-run limit: factor × slowest example run, capped; 0: the problem's
    population_filter: bool = True  # drop inputs most example-passing programs crash or time out on, or all disagree on
    # robust clusters: the weighted share of inputs two programs may differ on (at 0, only a timeout under the
    # reduced limit matches anything); None: AlphaCode's exact signatures (results/selection/: the safer default)
    tolerance: float | None = Field(None, ge=0, lt=1)
    # selection
    budget: int = Field(10, ge=1)
    # proportional: submissions spread over the big clusters by size (clustering/selection.py; measured better than
    # largest-first on hard pools, equal on model samples: results/selection/README.md)
    order: Literal["largest", "smallest", "random", "diverse", "proportional"] = "proportional"
    pick: Literal["random", "mean-logprob", "value"] = "random"
    # evaluation
    judge_all: bool = False  # judge every program that passed the examples on the hidden tests (for n@k)
    # machinery
    seed: int = 0
    workers: int | None = Field(None, ge=1, le=500)  # the Executor's bound, MAX_WORKERS (host uids per worker)
    allow_unsafe: bool = False

    @field_validator("policy_url", "testgen_url")
    @classmethod
    def _url(cls, url: str | None) -> str | None:
        if url is not None and not url.strip().lower().startswith(("http://", "https://")):
            raise ValueError(f"{url!r} is not a server URL (http://HOST:PORT/v1)")
        return url

    @model_validator(mode="after")
    def _one_source(self) -> SolveConfig:
        if self.policy_url is not None and (self.model is not None or self.samples_from is not None):
            raise ValueError("policy_url excludes model and samples_from: programs come from one source")
        return self

    @field_validator("languages")
    @classmethod
    def _runnable(cls, languages: tuple[Language, ...]) -> tuple[Language, ...]:
        if not languages:
            raise ValueError("at least one language is needed")
        for language in languages:
            if not language.runnable:
                raise ValueError(f"{language.value} programs cannot be run (PYTHON3 or CPP)")
        return languages


def make_config(where: str, **values: object) -> SolveConfig:
    """Build a config, turning a validation error into one line naming the field."""
    try:
        return SolveConfig(**values)
    except ValidationError as error:
        raise UsageError(f"{where}: {field_error(error)}") from None


def field_error(error: ValidationError) -> str:
    """pydantic's first error as "field 'x': message", an unknown field said so plainly."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "config"
    return f"field '{field}': {'unknown field' if first['type'] == 'extra_forbidden' else first['msg']}"


def with_bundled_models(config: SolveConfig) -> SolveConfig:
    """Fill in the bundled models: the default policy when no program source is given, and with it the bundled
    test-input model (trained on the same task families) unless `testgen` is off or another one is named. A
    user's own policy keeps mutation-only inputs unless it names a test-input model, since the bundled one knows
    only the families' statements."""
    from solver.pipeline.sampling import DEFAULT_MODEL_DIR

    update: dict[str, object] = {}
    if config.model is None and config.samples_from is None and config.policy_url is None:
        update["model"] = DEFAULT_MODEL_DIR
    bundled_policy = update.get("model", config.model) == DEFAULT_MODEL_DIR
    if bundled_policy and config.testgen and config.testgen_model is None and (DEFAULT_TESTGEN_DIR / "config.json").is_file():
        update["testgen_model"] = DEFAULT_TESTGEN_DIR
    return config.model_copy(update=update) if update else config


def check_paths(config: SolveConfig, where: str) -> None:
    """The paths a run reads exist: checked before anything is loaded, started or written."""
    for name in ("model", "samples_from", "testgen_model"):
        path = getattr(config, name)
        if path is not None and not Path(path).exists():
            raise UsageError(f"{where}: field '{name}': {path}: no such file or directory")
    if config.testgen_model is not None and not (Path(config.testgen_model) / "config.json").is_file():
        raise UsageError(f"{where}: field 'testgen_model': {config.testgen_model}: not a test-input model directory "
                         "(no config.json)")  # fmt: skip


def resolve_device(device: str = "auto", dtype: str = "auto") -> tuple[torch.device, torch.dtype]:
    """The `device` and `dtype` settings → what a model is loaded with. "auto" is the GPU when torch sees one (in a
    Ray task that reserved a GPU, Ray's CUDA_VISIBLE_DEVICES shows it alone, as cuda:0) in bfloat16, else the CPU
    in float32: bfloat16 was measured slower than float32 on this CPU (README, "the fastest CPU path")."""
    import torch

    if device == "cuda" and not torch.cuda.is_available():
        raise UsageError("--device cuda: no CUDA device is available (torch.cuda.is_available() is False)")
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    if dtype == "auto":
        dtype = "bfloat16" if device == "cuda" else "float32"
    return torch.device(device), getattr(torch, dtype)


def check_device(config: SolveConfig) -> None:
    """A run that loads a model itself (a policy that is neither a server nor a file of samples, or the test-input
    model) fails now, not after sampling, when `device` names a GPU this machine lacks. Not for Ray runs: their
    problem tasks may run on other machines, with GPUs the driver's machine does not have."""
    local_policy = config.policy_url is None and config.samples_from is None
    if local_policy or (config.testgen and config.testgen_model is not None and config.inputs > 0):
        resolve_device(config.device, config.dtype)


def config_yaml(config: SolveConfig) -> str:
    import yaml

    return yaml.safe_dump(config.model_dump(mode="json"), sort_keys=False)


def load_solve_config(path: Path | None, overrides: list[str] | tuple[str, ...] = (), **values: object) -> SolveConfig:
    """A config from a YAML file (e.g. a run's saved config.yaml), then `values`, then `key=value` overrides."""
    import yaml

    from solver.training.config import apply_override

    data: dict = {}
    where = str(path) if path is not None else "config"
    if path is not None:
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except OSError as error:
            raise UsageError(f"{path}: cannot read: {error.strerror}") from None
        except UnicodeDecodeError as error:
            raise UsageError(f"{path}: not UTF-8 (byte {error.start})") from None
        except yaml.YAMLError as error:
            raise UsageError(f"{path}: invalid YAML: {str(error).splitlines()[0]}") from None
        except RecursionError:
            raise UsageError(f"{path}: invalid YAML: nested too deeply") from None
        if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
            raise UsageError(f"{path}: expected a mapping of settings by name")
    data.update({k: v for k, v in values.items() if v is not None})
    for override in overrides:
        apply_override(data, override, where)
    return make_config(where, **data)
