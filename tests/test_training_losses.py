"""Each training loss term against numbers worked out by hand on tiny tensors."""

from __future__ import annotations

import math
import random

import pytest
import torch

from solver.training.losses import (
    IGNORE,
    corrupt_for_mlm,
    gold_weights,
    mask_for_mlm,
    mlm_loss,
    pivot_split,
    token_loss,
    value_accuracy,
    value_loss,
)

LN3 = math.log(3.0)


def logits_1x1(*row: float) -> torch.Tensor:
    return torch.tensor([[list(row)]], requires_grad=True)  # (B=1, T=1, V)


def test_untempered_loss_is_cross_entropy() -> None:
    # softmax([0, ln 3]) = [1/4, 3/4]
    out = token_loss(logits_1x1(0.0, LN3), torch.tensor([[1]]), temperature=1.0)
    assert out.n_tokens == 1
    assert out.loss.item() == pytest.approx(-math.log(0.75), rel=1e-6)


def test_tempering_divides_logits_by_t() -> None:
    # [0, ln 3] / 0.5 = [0, ln 9] → p = [1/10, 9/10]
    out = token_loss(logits_1x1(0.0, LN3), torch.tensor([[1]]), temperature=0.5)
    assert out.loss.item() == pytest.approx(-math.log(0.9), rel=1e-6)
    # The default is the paper's T = 0.2: [0, ln 3] / 0.2 = [0, 5 ln 3] → p(1) = 243 / 244
    default = token_loss(logits_1x1(0.0, LN3), torch.tensor([[1]]))
    assert default.loss.item() == pytest.approx(-math.log(243 / 244), rel=1e-5)


def test_gold_weight_is_sqrt_p_of_tempered_distribution_and_detached() -> None:
    logits = logits_1x1(0.0, LN3)
    out = token_loss(logits, torch.tensor([[1]]), temperature=0.5, gold=True)
    w = math.sqrt(0.9)  # max(0.9^(1/2), 0.05)
    assert out.loss.item() == pytest.approx(-w * math.log(0.9), rel=1e-6)
    out.loss.backward()
    # d(−w log p1)/dz = w (p − onehot) / T with w held constant: w * [0.1, −0.1] / 0.5
    assert logits.grad[0, 0].tolist() == pytest.approx([0.2 * w, -0.2 * w], rel=1e-5)


def test_gold_weight_floor_is_beta() -> None:
    # p(0) = 1 / 1000: sqrt = 0.0316 < 0.05, so the weight is 0.05
    out = token_loss(logits_1x1(0.0, math.log(999.0)), torch.tensor([[0]]), temperature=1.0, gold=True)
    assert out.loss.item() == pytest.approx(0.05 * math.log(1000.0), rel=1e-5)
    weights = gold_weights(torch.log(torch.tensor([0.81, 0.0001])))
    assert weights.tolist() == pytest.approx([0.9, 0.05], rel=1e-6)


def test_padding_positions_carry_no_loss() -> None:
    logits = torch.tensor([[[0.0, LN3], [5.0, -5.0], [0.0, 0.0]]])  # (1, 3, 2)
    labels = torch.tensor([[1, IGNORE, 0]])
    out = token_loss(logits, labels, temperature=1.0)
    assert out.n_tokens == 2
    assert out.loss.item() == pytest.approx((-math.log(0.75) + math.log(2.0)) / 2, rel=1e-6)


def test_value_loss_and_accuracy() -> None:
    logits = torch.tensor([0.0, LN3, -1.0])
    labels = torch.tensor([1.0, 0.0, 0.0])
    # −log σ(0) = ln 2; −log(1 − σ(ln 3)) = −log(1/4) = ln 4; −log(1 − σ(−1)) = log(1 + e^−1)
    expected = (math.log(2) + math.log(4) + math.log(1 + math.exp(-1))) / 3
    assert value_loss(logits, labels).item() == pytest.approx(expected, rel=1e-6)
    # decisions: 0 → no (label yes: wrong), ln3 → yes (label no: wrong), −1 → no (right)
    assert value_accuracy(logits, labels).item() == pytest.approx(1 / 3)


def test_mlm_corruption_applies_80_10_10_by_hand() -> None:
    ids = torch.tensor([[10, 11, 12, 13]])
    chosen = torch.tensor([[True, True, True, False]])
    action = torch.tensor([[0.5, 0.85, 0.95, 0.1]])  # mask, random, keep, (not chosen)
    random_ids = torch.tensor([[20, 21, 22, 23]])
    out = corrupt_for_mlm(ids, chosen, action, random_ids, mask_id=4)
    assert out.input_ids.tolist() == [[4, 21, 12, 13]]
    assert out.labels.tolist() == [[10, 11, 12, IGNORE]]


def test_mlm_masking_rates_and_padding() -> None:
    ids = torch.randint(5, 100, (64, 2000), generator=torch.Generator().manual_seed(0))
    attention = torch.ones_like(ids)
    attention[:, 1500:] = 0  # padding is never chosen
    out = mask_for_mlm(ids, attention, torch.Generator().manual_seed(1), vocab_size=100, mask_id=4,
                       first_ordinary_id=5, probability=0.15)  # fmt: skip
    chosen = out.labels != IGNORE
    assert not chosen[:, 1500:].any()
    assert chosen[:, :1500].float().mean().item() == pytest.approx(0.15, abs=0.005)
    masked = (out.input_ids == 4) & chosen
    unchanged = (out.input_ids == ids) & chosen
    n = chosen.sum().item()
    assert masked.sum().item() / n == pytest.approx(0.8, abs=0.01)
    # unchanged: the 10% kept plus random draws that hit the original id (1 in 95)
    assert unchanged.sum().item() / n == pytest.approx(0.1 + 0.1 / 95, abs=0.01)
    assert ((out.input_ids != ids) == (chosen & ~unchanged)).all()  # nothing outside the chosen set changed
    assert (out.input_ids[chosen & ~masked & ~unchanged] >= 5).all()  # random tokens are never special


def test_mlm_loss_by_hand_and_empty() -> None:
    logits = torch.tensor([[0.0, LN3], [0.0, 0.0]])
    assert mlm_loss(logits, torch.tensor([1, 0])).item() == pytest.approx((-math.log(0.75) + math.log(2)) / 2)
    empty = mlm_loss(torch.zeros(0, 7, requires_grad=True), torch.zeros(0, dtype=torch.long))
    assert empty.item() == 0.0 and empty.requires_grad


def test_pivot_split_is_uniform_over_the_cuts_that_fit() -> None:
    tokens = list(range(10))
    rng = random.Random(0)
    seen: dict[int, int] = {}
    for _ in range(3000):
        before, after = pivot_split(tokens, rng, max_encoder=8, max_decoder=4)
        assert before + after == tokens and len(before) <= 8 and 1 <= len(after) <= 4
        seen[len(before)] = seen.get(len(before), 0) + 1
    assert sorted(seen) == [6, 7, 8]  # 10 − 4 ≤ pivot ≤ 8
    assert all(900 < count < 1100 for count in seen.values())
    # a short file may be cut anywhere that leaves both sides non-empty
    cuts = {len(pivot_split([1, 2, 3], rng, 8, 8)[0]) for _ in range(200)}
    assert cuts == {1, 2}


@pytest.mark.parametrize("n", [0, 1, 13])
def test_pivot_split_rejects_what_cannot_be_split(n: int) -> None:
    with pytest.raises(ValueError, match="pivot_split"):
        pivot_split(list(range(n)), random.Random(0), max_encoder=8, max_decoder=4)
