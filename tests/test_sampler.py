"""The fast sampler: greedy equals generate(), scores equal a teacher-forced forward pass, EOS stops rows,
seeded determinism, several prompts per call, and the top-k / top-p / CDF sampling maths on hand-made vectors."""

from __future__ import annotations

import dataclasses
import math

import pytest
import torch

from solver.model import AlphaCodeConfig, AlphaCodeForConditionalGeneration, Sample, sample_programs
from solver.model.sampling import StaticKVCache, logits_to_probs, model_logprobs, sample
from tiny_models import VOCAB, random_ids, tiny_model

BOS, EOS = 1, 2


pytestmark = pytest.mark.usefixtures("one_torch_thread")


def generate_greedy(model, prompt: torch.Tensor, max_new_tokens: int) -> tuple[list[int], bool]:
    out = model.generate(prompt[None], max_new_tokens=max_new_tokens, do_sample=False)[0].tolist()
    assert out[0] == BOS
    program = out[1:]
    if EOS in program:
        return program[: program.index(EOS)], True
    return program, False


@pytest.mark.parametrize("n_kv_head", [1, 4])
def test_greedy_sampler_equals_generate(n_kv_head):
    seen_finished = seen_running = False
    compared = 0
    for model_seed in range(6):  # until some greedy programs end with </s> and others run out of tokens
        model = tiny_model(model_seed, n_kv_head=n_kv_head)
        for seed in range(6):
            prompt = random_ids(11 + seed, seed=seed)
            expected, finished = generate_greedy(model, prompt, max_new_tokens=24)
            samples = sample_programs(model, prompt, num_samples=3, max_new_tokens=24, temperature=0, batch_size=2)
            assert [s.token_ids for s in samples] == [tuple(expected)] * 3
            assert all(s.finished == finished for s in samples)
            seen_finished, seen_running = seen_finished or finished, seen_running or not finished
            compared += 1
        if seen_finished and seen_running:
            break
    assert seen_finished and seen_running, f"only one stopping path seen in {compared} comparisons"


def test_several_prompts_match_one_prompt_at_a_time_and_padded_generate():
    model = tiny_model(n_kv_head=2)
    prompts = [random_ids(n, seed=n) for n in (6, 13, 9)]
    # batch_size 4 over counts 3, 2, 2 mixes problems inside a batch (per-row cross K/V, padded prompts)
    mixed = sample_programs(model, prompts, num_samples=[3, 2, 2], max_new_tokens=16, temperature=0, batch_size=4)
    assert [s.prompt_index for s in mixed] == [0, 0, 0, 1, 1, 2, 2]
    for i, prompt in enumerate(prompts):
        alone = sample_programs(model, prompt, num_samples=1, max_new_tokens=16, temperature=0)[0]
        for s in (s for s in mixed if s.prompt_index == i):
            assert s.token_ids == alone.token_ids
            assert s.logprob_sum == pytest.approx(alone.logprob_sum, abs=1e-4)
            assert s.value == pytest.approx(alone.value, abs=1e-5)
    padded = torch.zeros(3, 13, dtype=torch.long)
    mask = torch.zeros(3, 13, dtype=torch.long)
    for i, p in enumerate(prompts):
        padded[i, : len(p)], mask[i, : len(p)] = p, 1
    out = model.generate(padded, attention_mask=mask, max_new_tokens=16, do_sample=False)
    for i, row in enumerate(out.tolist()):
        program = row[1:]
        program = program[: program.index(EOS)] if EOS in program else program
        assert next(s for s in mixed if s.prompt_index == i).token_ids == tuple(program)


def teacher_forced_scores(model, prompt: torch.Tensor, s: Sample) -> tuple[float, float]:
    """Sum of raw-model log-probs of the sample's tokens (+ </s> if finished) and its value, by a full forward."""
    targets = list(s.token_ids) + ([EOS] if s.finished else [])
    inputs = torch.tensor([[BOS, *targets[:-1]]])
    with torch.no_grad():
        # an explicit mask: a random tiny model may sample <pad> (id 0) as an ordinary token
        mask = torch.ones_like(inputs)
        out = model(input_ids=prompt[None], decoder_input_ids=inputs, decoder_attention_mask=mask, return_value=True)
    logprobs = torch.log_softmax(out.logits[0], -1)[torch.arange(len(targets)), torch.tensor(targets)]
    return float(logprobs.sum()), float(torch.sigmoid(out.value_logits[0]))


def test_eos_stops_rows_and_scores_equal_a_teacher_forced_forward_pass(monkeypatch):
    # 8 tokens and temperature 1: </s> is likely within a few steps, so rows finish at different times and the
    # batch is compacted along the way
    compactions = []
    original = StaticKVCache.select_rows

    def counting_select_rows(self, rows):
        compactions.append(len(rows))
        original(self, rows)

    monkeypatch.setattr(StaticKVCache, "select_rows", counting_select_rows)
    torch.manual_seed(0)
    model = AlphaCodeForConditionalGeneration(AlphaCodeConfig.from_preset("tiny", vocab_size=8)).eval()
    prompt = torch.randint(5, 8, (10,))
    samples = sample_programs(model, prompt, num_samples=24, max_new_tokens=12, temperature=1.0, batch_size=24)
    assert compactions  # finished rows left the batch
    lengths = {len(s.token_ids) for s in samples if s.finished}
    assert len(lengths) >= 3 and any(not s.finished for s in samples)
    for s in samples:
        assert EOS not in s.token_ids
        assert s.finished or len(s.token_ids) == 12
        logprob_sum, value = teacher_forced_scores(model, prompt, s)
        assert s.logprob_sum == pytest.approx(logprob_sum, abs=1e-4)
        assert s.logprob_mean == pytest.approx(logprob_sum / (len(s.token_ids) + s.finished), abs=1e-5)
        assert s.value == pytest.approx(value, abs=1e-5)


def test_scores_are_raw_model_log_probs_whatever_the_sampling_settings():
    model = tiny_model()
    prompt = random_ids(12)
    for settings in ({"temperature": 0.5}, {"temperature": 1.3, "top_k": 5}, {"temperature": 0.8, "top_p": 0.7}):
        for s in sample_programs(model, prompt, num_samples=3, max_new_tokens=10, seed=4, **settings):
            assert s.logprob_sum == pytest.approx(teacher_forced_scores(model, prompt, s)[0], abs=1e-4)


def test_same_seed_same_samples_other_seed_other_samples():
    model = tiny_model()
    prompt = random_ids(12)
    kwargs = {"num_samples": 8, "max_new_tokens": 16, "temperature": 1.0, "top_k": 20, "batch_size": 3}
    a = sample_programs(model, prompt, seed=7, **kwargs)
    assert a == sample_programs(model, prompt, seed=7, **kwargs)
    assert [s.token_ids for s in a] != [s.token_ids for s in sample_programs(model, prompt, seed=8, **kwargs)]
    assert len({s.token_ids for s in a}) > 1  # samples within one call differ


def test_eos_disabled_runs_every_sample_to_full_length():
    model = tiny_model()
    samples = sample_programs(model, random_ids(12), num_samples=4, max_new_tokens=20, temperature=1.0, eos_id=None)
    assert all(len(s.token_ids) == 20 and not s.finished for s in samples)


def test_kv_cache_is_preallocated_with_n_kv_head_heads():
    for n_kv_head in (1, 2, 4):
        model = tiny_model(n_kv_head=n_kv_head)
        cache = StaticKVCache(model, batch=3, max_len=10)
        assert cache.keys[0].shape == (3, n_kv_head, 10, 16)
        # K and V, 2 decoder layers, 10 positions, 16 dims, fp32: MQA is n_head = 4 times smaller than MHA
        assert cache.nbytes_per_row() == 2 * 2 * n_kv_head * 10 * 16 * 4


def test_sample_is_frozen_and_bad_arguments_are_named():
    s = Sample((5,), -1.0, -1.0, 0.5, True, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.finished = False  # type: ignore[misc]
    model = tiny_model()
    with pytest.raises(ValueError, match="max_new_tokens=9999 exceeds max_decoder_len=768"):
        sample_programs(model, random_ids(5), num_samples=1, max_new_tokens=9999)
    with pytest.raises(ValueError, match=r"prompts\[1\] must be a non-empty 1-D tensor"):
        sample_programs(model, [random_ids(5), torch.tensor([], dtype=torch.long)], num_samples=1, max_new_tokens=4)
    with pytest.raises(ValueError, match="prompts tensor must be non-empty 1-D"):
        sample_programs(model, random_ids(2, 5), num_samples=1, max_new_tokens=4)


# --------------------------------------------------------------------------------- sampling maths on known vectors

P = torch.tensor([[0.5, 0.2, 0.15, 0.1, 0.05]])
LOGITS = P.log()


def test_temperature_one_keeps_the_distribution_and_lower_temperature_sharpens_it():
    torch.testing.assert_close(logits_to_probs(LOGITS, 1.0), P)
    torch.testing.assert_close(logits_to_probs(LOGITS, 0.5), P**2 / (P**2).sum())


def test_top_k_keeps_exactly_the_k_most_likely_tokens():
    torch.testing.assert_close(logits_to_probs(LOGITS, 1.0, top_k=2), torch.tensor([[5 / 7, 2 / 7, 0, 0, 0]]))
    torch.testing.assert_close(logits_to_probs(LOGITS, 1.0, top_k=1), torch.tensor([[1.0, 0, 0, 0, 0]]))


@pytest.mark.parametrize(
    "top_p,kept",
    [(0.4, 1), (0.5, 1), (0.6, 2), (0.8, 3), (0.9, 4), (0.99, 5)],  # no float-rounding boundaries
)
def test_top_p_keeps_the_smallest_prefix_reaching_the_mass(top_p, kept):
    expected = torch.zeros_like(P)
    expected[0, :kept] = P[0, :kept] / P[0, :kept].sum()
    torch.testing.assert_close(logits_to_probs(LOGITS, 1.0, top_p=top_p), expected)


def test_top_p_works_on_unsorted_rows_after_top_k():
    logits = torch.tensor([[0.1, 0.5, 0.05, 0.2, 0.15]]).log()  # same masses, shuffled order
    probs = logits_to_probs(logits, 1.0, top_k=4, top_p=0.7)  # top-4 renormalised: .526 .21 .158 .105
    torch.testing.assert_close(probs, torch.tensor([[0, 0.5 / 0.7, 0, 0.2 / 0.7, 0]]))


def test_cdf_sampling_matches_the_distribution_and_never_picks_zero_probability():
    probs = torch.tensor([0.5, 0.0, 0.3, 0.15, 0.0, 0.05]).expand(20000, -1)
    tokens = sample(probs, torch.Generator().manual_seed(0))
    frequencies = torch.bincount(tokens, minlength=6).float() / len(tokens)
    torch.testing.assert_close(frequencies, probs[0], atol=0.01, rtol=0)
    assert frequencies[1] == 0 and frequencies[4] == 0


def test_model_logprobs_at_score_temperature():
    tokens = torch.tensor([2])
    assert float(model_logprobs(LOGITS, tokens)) == pytest.approx(math.log(0.15), abs=1e-6)
    tempered = float(model_logprobs(LOGITS, tokens, score_temperature=0.5))
    assert tempered == pytest.approx(math.log(0.15**2 / float((P**2).sum())), abs=1e-6)
