"""What a sampling policy is: anything that turns a problem's public view and a plan of prompts into programs.

The pipeline draws one `PromptSpec` per sample (language, random rating and tags, CORRECT SOLUTION) and hands the
whole plan to a policy, so every policy samples the same mix and the metadata is recorded the same way. Policies:
the project's encoder-decoder (`solver.pipeline.sampling.ModelPolicy`), a Hugging Face causal code model
(`solver.pipeline.causal.CausalPolicy`), and programs read from a file (`solver.pipeline.imported`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from solver.model.prompt import PromptSpec
from solver.problem import Language, PublicProblem


@dataclass(frozen=True)
class SamplingSettings:
    temperature: float = 0.25  # AlphaCode's choice for a model fine-tuned with tempering (T=0.2)
    top_k: int | None = None
    top_p: float = 1.0
    max_new_tokens: int = 768  # the decoder window
    batch_size: int = 64
    seed: int = 0


@dataclass(frozen=True)
class PolicySample:
    """One program as a policy produced it. Scores are None when the policy has no such number."""

    language: Language
    code: str  # the program text ("" when the policy produced no code: kept and counted, never run)
    spec: PromptSpec | None  # the prompt metadata it was sampled with (None for imported programs without one)
    n_tokens: int | None = None
    logprob_sum: float | None = None
    logprob_mean: float | None = None
    value: float | None = None  # the value head's P(correct), when the model has one
    finished: bool = True  # False when the sample was cut at max_new_tokens
    extra: Mapping[str, Any] = field(default_factory=dict)  # anything else worth keeping (e.g. a raw chat reply)


Progress = Callable[[int], None]  # called with the number of samples just completed


class Policy(Protocol):
    name: str  # shown in reports, e.g. "alphacode:solver/data/default-model" or "causal:qwen.gguf"

    def sample(
        self,
        problem: PublicProblem,
        plan: Sequence[PromptSpec],
        settings: SamplingSettings,
        progress: Progress | None = None,
    ) -> list[PolicySample]:
        """One sample per entry of `plan`, in plan order."""
        ...


class InputWriter(Protocol):
    """A policy that can also write test inputs for clustering (e.g. a causal model asked for inputs)."""

    def write_inputs(self, problem: PublicProblem, n: int, seed: int) -> list[str]: ...


class ProgramWriter(Protocol):
    """A policy that writes Python 3 programs for a free-form request (test-input generators and validators,
    test_generator/generators.py); [] when it cannot (the project's encoder-decoder only solves problems)."""

    def write_programs(self, request: str, n: int, seed: int) -> list[str]: ...


def helper_settings(seed: int) -> SamplingSettings:
    """How such helper programs are sampled: varied, since each generator should explore other inputs, but cooler
    than test inputs (0.8) since a program must also run; short, since a generator or validator is a few dozen lines."""
    return SamplingSettings(temperature=0.6, top_p=0.95, max_new_tokens=640, batch_size=16, seed=seed)
