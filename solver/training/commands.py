"""The `solve pretrain | finetune | train-testgen CONFIG.yaml` commands: config → tokenizer → data → trainer.

Each command reads a YAML config (see configs/), applies `key=value` overrides, prints what the data stage kept
and skipped (also saved as `data_report.json` in the run directory) and trains, resuming from the run's last
checkpoint if there is one.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from transformers import PreTrainedTokenizerFast

from solver.model.tokenizer import TokenizerError, load_tokenizer, train_tokenizer
from solver.training.config import Kind, TokenizerSection, TrainConfig, TrainingConfigError, load_config
from solver.training.data import (
    DataReport,
    EpochDataset,
    chunk_corpus,
    finetune_examples,
    fixed_dataset,
    pretrain_dataset,
    read_corpus,
    testgen_examples,
)
from solver.training.trainer import train


def prepare_tokenizer(section: TokenizerSection) -> PreTrainedTokenizerFast:
    """Load the configured tokenizer, training it first from `train_on` if it does not exist yet."""
    try:
        if not (section.path / "tokenizer.json").is_file() and section.train_on:
            print(f"training a tokenizer ({section.vocab_size} tokens) into {section.path}")
            train_tokenizer(list(section.train_on), section.vocab_size, section.path, max_bytes=section.max_bytes)
        return load_tokenizer(section.path)
    except TokenizerError as error:
        raise TrainingConfigError(f"field 'tokenizer': {error}") from None


def build_dataset(config: TrainConfig, tokenizer: PreTrainedTokenizerFast) -> tuple[EpochDataset, list[DataReport]]:
    enc, dec = config.model.max_encoder_len, config.model.max_decoder_len
    if config.kind == "pretrain":
        if config.data.pivot_windows is not None:
            enc, dec = (min(a, b) for a, b in zip(config.data.pivot_windows, (enc, dec), strict=True))
        files, file_report = read_corpus(config.data.sources, config.data.max_bytes)
        chunks, chunk_report = chunk_corpus(files, tokenizer, enc, dec)
        return pretrain_dataset(chunks, config.seed, enc, dec), [file_report, chunk_report]
    if config.kind == "finetune":
        examples, report = finetune_examples(config.data.problems, tokenizer, enc, dec,
                                             incorrect_solutions=config.data.incorrect_solutions,
                                             value_view=config.data.value_view)  # fmt: skip
    else:
        examples, report = testgen_examples(config.data.problems, tokenizer, enc, dec)
    buckets = config.train.batch_size if config.train.length_buckets else None
    return fixed_dataset(examples, config.seed, buckets), [report]


def run_config(config: TrainConfig) -> Path:
    tokenizer = prepare_tokenizer(config.tokenizer)
    dataset, reports = build_dataset(config, tokenizer)
    for report in reports:
        print(report.summary())
        for message in report.errors:
            print(f"  skipped: {message}")
    config.run_dir.mkdir(parents=True, exist_ok=True)
    (config.run_dir / "data_report.json").write_text(
        json.dumps([asdict(r) for r in reports], indent=2) + "\n", encoding="utf-8"
    )
    final = train(config, tokenizer, dataset)
    print(f"final model: {final}")
    return final


def _run(kind: Kind, config: Path, overrides: list[str] | None) -> None:
    loaded = load_config(config, overrides or [])
    if loaded.kind != kind:
        raise TrainingConfigError(f"{config}: field 'kind': is {loaded.kind!r}, this command trains {kind!r}")
    run_config(loaded)


def pretrain_command(config: Path, *, overrides: list[str] | None = None) -> None:
    """Pre-train the model on a code corpus (next-token on the decoder after a random pivot + MLM on the encoder)."""
    _run("pretrain", config, overrides)


def finetune_command(config: Path, *, overrides: list[str] | None = None) -> None:
    """Fine-tune on problems' correct and incorrect solutions (tempering, GOLD, value conditioning, value head)."""
    _run("finetune", config, overrides)


def train_testgen_command(config: Path, *, overrides: list[str] | None = None) -> None:
    """Train the test-input model: problem statement → one test input."""
    _run("testgen", config, overrides)
