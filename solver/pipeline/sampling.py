"""Stage 1, sampling: a plan of prompts → programs from a policy → distinct programs with their counts.

The plan gives every sample its own metadata (AlphaCode §4.4, App. C.2): languages split evenly in the configured
order, a rating uniform over 800..3500 in steps of 100 and a tag set uniform over the 50 most common combinations,
always CORRECT SOLUTION. Identical programs are kept once and counted: each is run once, but clusters are sized by
samples, so a program the model wrote five times weighs five.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from solver.errors import UsageError
from solver.execution import Program
from solver.model.prompt import PromptSpec, sample_spec, spec_from_problem
from solver.pipeline.policy import PolicySample, Progress, SamplingSettings
from solver.problem import Language, PublicProblem

if TYPE_CHECKING:  # torch is imported when a model loads, not with this module
    import torch

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "default-model"
# Scores are log-probabilities under the distribution the model was fine-tuned to (logits / 0.2, tempering), the
# one its mean log-prob ranking is meaningful for.
SCORE_TEMPERATURE = 0.2


def plan_prompts(
    problem: PublicProblem, n: int, languages: Sequence[Language], seed: int, random_metadata: bool = True
) -> list[PromptSpec]:
    """One prompt spec per sample: languages in equal shares (the first ones get the remainder), each with a
    random rating and tag set, or with the problem's own when `random_metadata` is off."""
    rng = random.Random(seed)
    share, extra = divmod(n, len(languages))
    plan = []
    for position, language in enumerate(languages):
        for _ in range(share + (position < extra)):
            if random_metadata:
                plan.append(sample_spec(rng, language))
            else:
                plan.append(spec_from_problem(problem, language))
    return plan


@dataclass(frozen=True)
class SampledProgram:
    """One sample: its stable id, what the policy returned, and the distinct program it is (None: no code)."""

    id: str
    sample: PolicySample
    program_id: str | None


@dataclass(frozen=True)
class SampleSet:
    samples: tuple[SampledProgram, ...]
    programs: dict[str, Program]  # distinct runnable programs, in order of first appearance
    counts: Counter[str]  # samples per program id

    @property
    def n_no_code(self) -> int:
        return sum(1 for s in self.samples if s.program_id is None)

    @property
    def n_duplicates(self) -> int:
        return len(self.samples) - self.n_no_code - len(self.programs)

    def first_sample(self) -> dict[str, PolicySample]:
        """The first sample behind each program: where its scores are read from."""
        first: dict[str, PolicySample] = {}
        for s in self.samples:
            if s.program_id is not None:
                first.setdefault(s.program_id, s.sample)
        return first


def collect(samples: Sequence[PolicySample], ids: Sequence[str] | None = None) -> SampleSet:
    """Deduplicate samples into distinct programs. Ids default to s00000, s00001, ... in sample order."""
    ids = list(ids) if ids is not None else [f"s{i:05d}" for i in range(len(samples))]
    records, programs, counts = [], {}, Counter()
    for sample_id, sample in zip(ids, samples, strict=True):
        program_id = None
        if sample.code.strip() and sample.language.runnable:
            program = Program(sample.language, sample.code)
            program_id = program.id
            programs.setdefault(program_id, program)
            counts[program_id] += 1
        records.append(SampledProgram(sample_id, sample, program_id))
    return SampleSet(tuple(records), programs, counts)


class ModelPolicy:
    """The project's encoder-decoder: every prompt encoded once, samples drawn by the fast mass sampler."""

    def __init__(self, model_dir: Path, *, device: str | torch.device = "cpu", dtype: torch.dtype | None = None):
        import torch

        from solver.model import AlphaCodeForConditionalGeneration
        from solver.model.tokenizer import load_tokenizer

        model_dir = Path(model_dir)
        if not (model_dir / "config.json").is_file():
            raise UsageError(f"{model_dir}: not a model directory (no config.json)")
        self.name = f"alphacode:{model_dir}"
        self.tokenizer = load_tokenizer(model_dir)
        # Weights may be stored compactly (bfloat16); sampling on a CPU is fastest in float32, hence the default.
        model = AlphaCodeForConditionalGeneration.from_pretrained(model_dir, dtype=dtype or torch.float32)
        self.model = model.to(device).eval()

    def sample(
        self,
        problem: PublicProblem,
        plan: Sequence[PromptSpec],
        settings: SamplingSettings,
        progress: Progress | None = None,
    ) -> list[PolicySample]:
        import torch

        from solver.model.prompt import build_prompt, encode_prompt, program_text
        from solver.model.sampling import sample_programs
        from solver.model.tokenizer import BOS_ID

        cfg = self.model.config
        prompts: dict[str, int] = {}  # distinct prompt text -> index: samples sharing metadata share an encoding
        order = []
        for spec in plan:
            order.append(prompts.setdefault(build_prompt(problem, spec), len(prompts)))
        encoded = [torch.tensor(encode_prompt(self.tokenizer, text, cfg.max_encoder_len).ids) for text in prompts]
        max_new = min(settings.max_new_tokens, cfg.max_decoder_len)
        # Samples grouped by prompt, cut into batches; one sampler call per batch so progress shows as it works.
        flat = sorted(order)
        drawn: dict[int, list] = {}
        for start in range(0, len(flat), settings.batch_size):
            batch = Counter(flat[start : start + settings.batch_size])
            chunk = sorted(batch)
            samples = sample_programs(
                self.model, [encoded[i] for i in chunk], [batch[i] for i in chunk], max_new,
                temperature=settings.temperature, top_k=settings.top_k, top_p=settings.top_p,
                batch_size=settings.batch_size, seed=settings.seed * 100_003 + start,
                score_temperature=SCORE_TEMPERATURE,
            )  # fmt: skip
            for sample in samples:
                drawn.setdefault(chunk[sample.prompt_index], []).append(sample)
            if progress is not None:
                progress(len(samples))
        out = []
        for spec, prompt_index in zip(plan, order):
            sample = drawn[prompt_index].pop(0)
            code = program_text(self.tokenizer, (BOS_ID, *sample.token_ids))
            scores = (len(sample.token_ids), sample.logprob_sum, sample.logprob_mean, sample.value, sample.finished)
            out.append(PolicySample(spec.language, code, spec, *scores))
        return out


def load_policy(model: Path | None, device: str = "auto", dtype: str = "auto"):
    """`--model PATH` → a policy: the project's own checkpoints, or any Hugging Face causal model (a directory or a
    .gguf file). No path: the bundled default model. `device` and `dtype` as in `SolveConfig` (see resolve_device)."""
    from solver.pipeline.config import resolve_device

    model = DEFAULT_MODEL_DIR if model is None else Path(model)
    if model == DEFAULT_MODEL_DIR and not (model / "config.json").is_file():
        raise UsageError(f"the bundled default model is missing from {model}; pass --model DIR")
    if not model.exists():
        raise UsageError(f"{model}: no such model file or directory")
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # the stages report progress themselves; loading bars only clutter logs
    device, dtype = resolve_device(device, dtype)
    if is_own_model(model):
        return ModelPolicy(model, device=device, dtype=dtype)
    from solver.pipeline.causal import CausalPolicy, looks_like_causal_model

    if looks_like_causal_model(model):
        return CausalPolicy(model, device=device, dtype=dtype)
    raise UsageError(f"{model}: neither one of this project's checkpoints nor a Hugging Face causal model "
                     "(a directory with config.json, or a .gguf file)")  # fmt: skip


def policy_for(config):
    """The policy a `SolveConfig` names: an inference server (`policy_url`) or a model on disk (`model`)."""
    if config.policy_url is not None:
        from solver.pipeline.server import policy_from_config

        return policy_from_config(config)
    return load_policy(config.model, config.device, config.dtype)


def input_writer_for(config, policy):
    """Who writes test inputs besides the test-input model, and the input generators and validators: a server
    named by `testgen_url`, else the policy when it can (a causal model), else nobody (mutation fills in)."""
    if config.testgen_url is not None and config.testgen:
        from solver.pipeline.server import testgen_writer_from_config

        return testgen_writer_from_config(config)
    return policy if hasattr(policy, "write_inputs") else None


def is_own_model(path: Path) -> bool:
    import json

    config = path / "config.json"
    try:
        return path.is_dir() and json.loads(config.read_text()).get("model_type") == "alphacode"
    except (OSError, ValueError, AttributeError):
        return False
