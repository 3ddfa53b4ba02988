"""Sampling test inputs from the trained test-input model (AlphaCode §4.6: inputs for behaviour clustering).

The model reads the statement exactly as in training (`testgen_prompt_ids`) and writes one input per sample.
Samples are drawn with the fast sampler in rounds until `n` distinct, finished (ended with </s>), non-blank
inputs are found. The inputs are not guaranteed to be valid; clustering only needs them to tell programs apart.
"""

from __future__ import annotations

from pathlib import Path

import torch

from solver.model import AlphaCodeForConditionalGeneration, sample_programs
from solver.model.prompt import program_text
from solver.model.tokenizer import BOS_ID, load_tokenizer
from solver.problem import PublicProblem
from solver.training.data import testgen_prompt_ids

MAX_ROUNDS = 6  # each round asks for twice the missing count; a model that keeps repeating itself stops here


def sample_test_inputs(
    model_dir: Path,
    problem: PublicProblem,
    n: int,
    seed: int,
    *,
    temperature: float = 1.0,
    max_new_tokens: int | None = None,
    batch_size: int = 64,
    device: str | torch.device = "cpu",
    dtype: torch.dtype = torch.float32,
) -> list[str]:
    """Up to `n` distinct test inputs for `problem`, in the order first sampled (fewer only if the model produces
    fewer distinct finished inputs within MAX_ROUNDS rounds). Same arguments, same inputs. The model runs on
    `device` in `dtype` (float32 by default: the fast type on a CPU)."""
    if n < 0:
        raise ValueError(f"sample_test_inputs: n must be >= 0, got {n}")
    model_dir = Path(model_dir)
    tokenizer = load_tokenizer(model_dir)
    model = AlphaCodeForConditionalGeneration.from_pretrained(model_dir, dtype=dtype).to(device).eval()
    cfg = model.config
    prompt = torch.tensor(testgen_prompt_ids(tokenizer, problem, cfg.max_encoder_len).ids, dtype=torch.long)
    if prompt.numel() == 0:
        raise ValueError(f"sample_test_inputs: problem {problem.name!r} has an empty statement")
    max_new = max_new_tokens or cfg.max_decoder_len
    found: dict[str, None] = {}
    for round_index in range(MAX_ROUNDS):
        missing = n - len(found)
        if missing <= 0:
            break
        samples = sample_programs(
            model, prompt, num_samples=2 * missing, max_new_tokens=max_new, temperature=temperature,
            batch_size=batch_size, seed=seed * 1_000 + round_index,
        )  # fmt: skip
        for sample in samples:
            if not sample.finished:
                continue  # cut at max_new_tokens: the input is incomplete
            text = program_text(tokenizer, (BOS_ID, *sample.token_ids))
            if text.strip() and text not in found:
                found[text] = None
    return list(found)[:n]
