"""The training objectives, each a small pure function on tensors (AlphaCode §4.2–4.3, App. C.3).

- `token_loss`: next-token loss on the decoder with tempering (logits divided by T; 1.0 = off) and, optionally,
  GOLD weights max(p^α, β) computed from the tempered distribution and detached.
- `value_loss`: binary cross-entropy of the value head's logit against "this solution is correct".
- `mask_for_mlm` / `mlm_loss`: BERT-style masked language modelling on the encoder (15%, 80/10/10).
- `pivot_split`: a pre-training file cut at a uniformly random pivot, before → encoder, after → decoder.

Shapes: B batch, T decoder positions, S encoder positions, V vocabulary, M masked positions.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor

IGNORE = -100  # label of positions that carry no loss (padding), as in Hugging Face
TEMPERATURE = 0.2  # AlphaCode §4.3: training logits are divided by 0.2
GOLD_ALPHA = 0.5  # App. C.3: weight = max(p^alpha, beta)
GOLD_BETA = 0.05
MLM_PROBABILITY = 0.15


@dataclass(frozen=True)
class TokenLoss:
    """Mean loss over the target tokens, and how many tokens it averaged (for weighting across batches)."""

    loss: Tensor  # scalar
    n_tokens: int


def token_loss(
    logits: Tensor,
    labels: Tensor,
    temperature: float = TEMPERATURE,
    gold: bool = False,
    alpha: float = GOLD_ALPHA,
    beta: float = GOLD_BETA,
) -> TokenLoss:
    """−mean over target tokens of w·log p(target), p = softmax(logits / temperature).

    logits (B, T, V); labels (B, T) with IGNORE at padding. Without GOLD w = 1 (tempered cross-entropy). With GOLD,
    w = max(p^alpha, beta) of the target token under the same tempered distribution, detached: the gradient is
    then −Σ w ∇log p, the δ-reward GOLD objective, which concentrates on tokens the model already finds likely
    (precision over recall, the right trade for sampling many programs).
    """
    if temperature <= 0:
        raise ValueError(f"temperature: must be positive, got {temperature}")
    logp = F.log_softmax(logits.float() / temperature, dim=-1)  # (B, T, V)
    keep = labels != IGNORE  # (B, T)
    target_logp = logp.gather(-1, labels.clamp(min=0).unsqueeze(-1)).squeeze(-1)  # (B, T)
    weights = gold_weights(target_logp, alpha, beta) if gold else torch.ones_like(target_logp)
    n = int(keep.sum())
    total = -(weights * target_logp * keep).sum()
    return TokenLoss(loss=total / max(n, 1), n_tokens=n)


def gold_weights(target_logp: Tensor, alpha: float = GOLD_ALPHA, beta: float = GOLD_BETA) -> Tensor:
    """max(p^alpha, beta) for log-probabilities of targets, detached: no gradient flows through the weight."""
    return torch.clamp(torch.exp(alpha * target_logp.detach()), min=beta)


def value_loss(value_logits: Tensor, correct: Tensor) -> Tensor:
    """Binary cross-entropy of the value logit (B,) against correctness labels (B,) of 0/1; mean over B."""
    return F.binary_cross_entropy_with_logits(value_logits.float(), correct.float())


def value_accuracy(value_logits: Tensor, correct: Tensor) -> Tensor:
    """Fraction of sequences where the value head's decision (logit > 0) matches the label."""
    return ((value_logits > 0) == correct.bool()).float().mean()


@dataclass(frozen=True)
class MLMBatch:
    """Encoder ids after corruption (B, S), and labels (B, S): the original id where a loss is taken, else IGNORE."""

    input_ids: Tensor
    labels: Tensor


def mask_for_mlm(
    input_ids: Tensor,
    attention_mask: Tensor,
    generator: torch.Generator,
    vocab_size: int,
    mask_id: int,
    first_ordinary_id: int,
    probability: float = MLM_PROBABILITY,
) -> MLMBatch:
    """Choose `probability` of the real (non-padding) encoder tokens for the MLM loss; of those, 80% become
    <mask>, 10% a random ordinary token and 10% stay as they are (BERT). Random draws come from `generator`,
    so a training step's masking is reproducible from its seed."""
    chosen = (torch.rand(input_ids.shape, generator=generator) < probability) & attention_mask.bool()  # (B, S)
    action = torch.rand(input_ids.shape, generator=generator)  # (B, S): <0.8 mask, <0.9 random, else keep
    random_ids = torch.randint(first_ordinary_id, vocab_size, input_ids.shape, generator=generator)
    return corrupt_for_mlm(input_ids, chosen, action, random_ids, mask_id)


def corrupt_for_mlm(input_ids: Tensor, chosen: Tensor, action: Tensor, random_ids: Tensor, mask_id: int) -> MLMBatch:
    """The deterministic half of `mask_for_mlm`: given the draws, apply the 80/10/10 rule."""
    corrupted = torch.where(chosen & (action < 0.8), torch.full_like(input_ids, mask_id), input_ids)
    corrupted = torch.where(chosen & (action >= 0.8) & (action < 0.9), random_ids, corrupted)
    labels = torch.where(chosen, input_ids, torch.full_like(input_ids, IGNORE))
    return MLMBatch(input_ids=corrupted, labels=labels)


def mlm_loss(masked_logits: Tensor, targets: Tensor) -> Tensor:
    """Cross-entropy of the output layer's logits at the chosen encoder positions (M, V) against the original ids
    (M,). Zero (with a gradient path) when nothing was chosen, so a batch of tiny prompts never produces NaN."""
    if targets.numel() == 0:
        return masked_logits.sum() * 0.0
    return F.cross_entropy(masked_logits.float(), targets)


def pivot_split(
    tokens: Sequence[int], rng: random.Random, max_encoder: int, max_decoder: int
) -> tuple[list[int], list[int]]:
    """Cut a file's tokens at a pivot drawn uniformly among the cuts that leave both sides non-empty and within
    their windows: tokens[:pivot] → encoder, tokens[pivot:] → decoder. Needs 2 <= len(tokens) <= max_encoder +
    max_decoder (longer files are first cut into chunks of that size by the data stage)."""
    n = len(tokens)
    if n < 2 or n > max_encoder + max_decoder:
        raise ValueError(f"pivot_split: {n} tokens do not fit 2..{max_encoder + max_decoder}")
    low, high = max(1, n - max_decoder), min(n - 1, max_encoder)
    pivot = rng.randint(low, high)
    return list(tokens[:pivot]), list(tokens[pivot:])
