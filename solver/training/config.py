"""Typed training configuration: frozen dataclasses read from YAML, with `key=value` overrides on top.

One file describes one run (pre-training, fine-tuning or the test-input model). pydantic validates the YAML
into the dataclasses, so a wrong type or an unknown key fails with one line naming the file and the field.
The resolved config (after overrides) is written as `config.yaml` in the run directory; resuming a run with a
different config is refused, because a resumed run must reproduce the uninterrupted one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ConfigDict, TypeAdapter, ValidationError, with_config

from solver.errors import UsageError

Kind = Literal["pretrain", "finetune", "testgen"]


class TrainingConfigError(UsageError):
    """A config file or override that cannot be used; the message is one line naming the file and the field."""


_STRICT = ConfigDict(extra="forbid")


@with_config(_STRICT)
@dataclass(frozen=True)
class ModelSection:
    """The network. `init_from` (a saved model directory) wins over `preset`; the vocabulary comes from the
    tokenizer."""

    preset: str = "tiny"
    init_from: Path | None = None
    max_encoder_len: int = 1536
    max_decoder_len: int = 768
    dropout: float = 0.0
    n_kv_head: int | None = None  # None: the preset's (1, multi-query); n_head: standard multi-head (the ablation)


@with_config(_STRICT)
@dataclass(frozen=True)
class TokenizerSection:
    """A saved tokenizer directory; if it is missing and `train_on` is set, one is trained there first."""

    path: Path
    train_on: tuple[Path, ...] = ()
    vocab_size: int = 8000
    max_bytes: int | None = None


@with_config(_STRICT)
@dataclass(frozen=True)
class DataSection:
    """Pre-training: `sources` (directories or files of code). Fine-tuning and test inputs: `problems`."""

    sources: tuple[Path, ...] = ()
    max_bytes: int | None = None  # stop reading the corpus after this many bytes of kept files
    problems: Path | None = None
    # Pre-training only: the (encoder, decoder) token windows a chunk is cut into, when shorter than the model's
    # own windows. Short chunks cost far less per token (attention is quadratic), and a model with rotary
    # positions trained on them still takes the full windows afterwards.
    pivot_windows: tuple[int, int] | None = None
    # Fine-tuning only. incorrect_solutions off: value conditioning off (correct solutions only, header constant).
    # value_view: the value head learns only under the CORRECT header that sampling uses (solver/training/data.py).
    incorrect_solutions: bool = True
    value_view: bool = True


@with_config(_STRICT)
@dataclass(frozen=True)
class LossSection:
    """temperature 1.0 = no tempering. GOLD is on from `gold_start_step` (None: never); the steps before it are
    the paper's tempering-only phase."""

    temperature: float = 1.0
    gold_start_step: int | None = None
    gold_alpha: float = 0.5
    gold_beta: float = 0.05
    mlm_weight: float = 1.0
    mlm_probability: float = 0.15
    value_weight: float = 1.0


@with_config(_STRICT)
@dataclass(frozen=True)
class OptimSection:
    """AdamW and the schedule: linear warm-up from ~0 to `lr`, then cosine decay to `min_lr` at the last step."""

    lr: float = 1e-4
    min_lr: float = 1e-5
    warmup_steps: int = 1000
    beta1: float = 0.9
    beta2: float = 0.999
    weight_decay: float = 0.1
    grad_clip: float = 1.0


@with_config(_STRICT)
@dataclass(frozen=True)
class TrainSection:
    """steps counts optimizer steps; one step sees batch_size * grad_accum examples per process."""

    steps: int = 1000
    batch_size: int = 8
    grad_accum: int = 1
    checkpoint_every: int = 100
    keep_checkpoints: int = 2
    log_every: int = 10
    mixed_precision: Literal["auto", "no", "bf16"] = "auto"
    threads: int | None = None  # torch intra-op threads; None leaves torch's default
    length_buckets: bool = False  # fine-tuning and test-input data: batches of similar length (less padding)


@with_config(_STRICT)
@dataclass(frozen=True)
class TrainConfig:
    kind: Kind
    run_dir: Path
    tokenizer: TokenizerSection
    data: DataSection
    seed: int = 0
    model: ModelSection = field(default_factory=ModelSection)
    loss: LossSection = field(default_factory=LossSection)
    optim: OptimSection = field(default_factory=OptimSection)
    train: TrainSection = field(default_factory=TrainSection)

    def to_dict(self) -> dict[str, Any]:
        """Plain YAML-able data (paths as strings, tuples as lists)."""
        return _plain(asdict(self))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


_ADAPTER = TypeAdapter(TrainConfig)


def apply_override(data: dict[str, Any], override: str, where: str) -> None:
    """Set `a.b.c=value` in nested dicts; the value is parsed as YAML (numbers, lists, null)."""
    key, sep, raw = override.partition("=")
    if not sep or not key.strip():
        raise TrainingConfigError(f"{where}: override {override!r} is not key=value")
    parts = key.strip().split(".")
    node = data
    for part in parts[:-1]:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise TrainingConfigError(f"{where}: override {key!r}: {part!r} is not a section")
        node = child
    try:
        node[parts[-1]] = yaml.safe_load(raw) if raw.strip() else None
    except yaml.YAMLError:
        raise TrainingConfigError(f"{where}: override {key!r}: value {raw!r} is not valid YAML") from None


def config_from_dict(data: Any, where: str) -> TrainConfig:
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        field_name = ".".join(str(p) for p in first["loc"]) or "(top level)"
        unknown = first["type"] in ("extra_forbidden", "unexpected_keyword_argument")
        message = "unknown field" if unknown else first["msg"]
        raise TrainingConfigError(f"{where}: field '{field_name}': {message}") from None


def load_config(path: Path, overrides: list[str] | tuple[str, ...] = ()) -> TrainConfig:
    """Read a YAML config and apply `key=value` overrides (e.g. `train.steps=50`). Relative paths inside the
    file are taken relative to the current directory, as on the command line."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise TrainingConfigError(f"{path}: cannot read: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise TrainingConfigError(f"{path}: invalid YAML: {str(error).splitlines()[0]}") from None
    except UnicodeDecodeError as error:
        raise TrainingConfigError(f"{path}: not UTF-8 (byte {error.start})") from None
    except RecursionError:
        raise TrainingConfigError(f"{path}: nested too deeply to be a config") from None
    if not isinstance(data, dict):
        raise TrainingConfigError(f"{path}: expected a mapping of sections at the top level")
    for override in overrides:
        apply_override(data, override, str(path))
    config = config_from_dict(data, str(path))
    _check_values(config, str(path))
    return config


def _check_values(config: TrainConfig, where: str) -> None:
    checks = [
        ("train.steps", config.train.steps >= 1),
        ("train.batch_size", config.train.batch_size >= 1),
        ("train.grad_accum", config.train.grad_accum >= 1),
        ("train.checkpoint_every", config.train.checkpoint_every >= 1),
        ("train.keep_checkpoints", config.train.keep_checkpoints >= 1),
        ("train.log_every", config.train.log_every >= 1),
        ("loss.temperature", config.loss.temperature > 0),
        ("loss.mlm_probability", 0 <= config.loss.mlm_probability <= 1),
        ("optim.lr", config.optim.lr > 0),
        ("optim.min_lr", 0 <= config.optim.min_lr <= config.optim.lr),
        ("optim.warmup_steps", config.optim.warmup_steps >= 0),
        ("model.max_encoder_len", config.model.max_encoder_len >= 2),
        ("model.max_decoder_len", config.model.max_decoder_len >= 2),
        ("data.pivot_windows", config.data.pivot_windows is None or min(config.data.pivot_windows) >= 1),
    ]
    for name, ok in checks:
        if not ok:
            raise TrainingConfigError(f"{where}: field '{name}': value out of range")
    if config.kind == "pretrain" and not config.data.sources:
        raise TrainingConfigError(f"{where}: field 'data.sources': pre-training needs at least one source")
    if config.kind != "pretrain" and config.data.problems is None:
        raise TrainingConfigError(f"{where}: field 'data.problems': {config.kind} needs a problems path")
    # Paths are checked here, before a run directory or data report is written.
    init_from = config.model.init_from
    if init_from is not None and not (Path(init_from) / "config.json").is_file():
        raise TrainingConfigError(f"{where}: field 'model.init_from': {init_from}: no saved model (config.json) here")
    if config.data.problems is not None and not Path(config.data.problems).exists():
        raise TrainingConfigError(f"{where}: field 'data.problems': {config.data.problems}: no such file or directory")


def dump_config(config: TrainConfig) -> str:
    return yaml.safe_dump(config.to_dict(), sort_keys=False)
