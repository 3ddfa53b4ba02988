"""A tiny seeded model and random token ids, shared by the model and sampler tests."""

from __future__ import annotations

import torch

from solver.model import AlphaCodeConfig, AlphaCodeForConditionalGeneration

VOCAB = 64


def tiny_model(seed: int = 0, **overrides) -> AlphaCodeForConditionalGeneration:
    """A seeded tiny model; a wide init makes its greedy outputs varied (the default init repeats one token)."""
    torch.manual_seed(seed)
    config = AlphaCodeConfig.from_preset("tiny", vocab_size=VOCAB, initializer_range=0.3, **overrides)
    return AlphaCodeForConditionalGeneration(config).eval()


def random_ids(*shape: int, seed: int = 1) -> torch.Tensor:
    # ids 5.. avoid the special tokens, so no prompt token reads as <pad>
    return torch.randint(5, VOCAB, shape, generator=torch.Generator().manual_seed(seed))
