"""The AlphaCode model: MQA against MHA with repeated K/V heads, cached decoding against a full pass, save/load
through the Auto classes, config validation and the paper presets' parameter counts."""

from __future__ import annotations

import pytest
import torch
from huggingface_hub.errors import StrictDataclassClassValidationError
from torch.utils._python_dispatch import TorchDispatchMode
from transformers import AutoConfig, AutoModelForSeq2SeqLM
from transformers.cache_utils import DynamicCache, EncoderDecoderCache

from solver.model import PRESETS, AlphaCodeConfig, AlphaCodeForConditionalGeneration
from solver.model.modeling import attend
from solver.model.sampling import StaticKVCache, decode_one_token, prefill
from tiny_models import VOCAB, random_ids, tiny_model



pytestmark = pytest.mark.usefixtures("one_torch_thread")


def reference_attention(q, k, v, causal, key_mask=None):
    """Plain multi-head attention with K/V heads repeated by hand: what `attend` must equal."""
    B, H, T, hd = q.shape
    k = k.expand(B, -1, -1, -1).repeat_interleave(H // k.shape[1], dim=1)
    v = v.expand(B, -1, -1, -1).repeat_interleave(H // v.shape[1], dim=1)
    scores = q @ k.transpose(-1, -2) / hd**0.5  # (B, H, T, S)
    S = k.shape[2]
    if causal:
        scores = scores.masked_fill(~torch.ones(T, S, dtype=torch.bool).tril(S - T), float("-inf"))
    if key_mask is not None:
        scores = scores.masked_fill(~key_mask.expand(B, -1)[:, None, None, :], float("-inf"))
    return torch.softmax(scores, -1) @ v


@pytest.mark.parametrize("n_kv_head", [1, 2, 4])
@pytest.mark.parametrize(
    "T,S,causal,shared,masked",
    [(1, 9, True, False, False), (5, 5, True, False, False), (3, 8, True, False, False),
     (6, 9, False, False, True), (1, 9, False, True, False), (4, 9, False, True, True)],
)  # fmt: skip
def test_attend_equals_attention_with_repeated_kv_heads(n_kv_head, T, S, causal, shared, masked):
    g = torch.Generator().manual_seed(0)
    B, H, hd = 3, 4, 8
    Bk = 1 if shared else B
    q = torch.randn(B, H, T, hd, generator=g)
    k, v = torch.randn(2, Bk, n_kv_head, S, hd, generator=g)
    key_mask = None
    if masked:
        key_mask = torch.ones(Bk, S, dtype=torch.bool)
        key_mask[-1, S - 3 :] = False
    got = attend(q, k, v, causal=causal, key_mask=key_mask)
    torch.testing.assert_close(got, reference_attention(q, k, v, causal, key_mask), atol=1e-5, rtol=1e-5)


class RecordOutputSizes(TorchDispatchMode):
    """Records the element count of every tensor each dispatched op returns."""

    def __init__(self):
        super().__init__()
        self.numels: list[int] = []

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        self.numels += [t.numel() for t in (out if isinstance(out, tuple | list) else (out,)) if torch.is_tensor(t)]
        return out


@pytest.mark.parametrize("shared", [False, True])
def test_decoding_attention_never_materialises_repeated_kv(shared):
    g = torch.Generator().manual_seed(0)
    q = torch.randn(8, 4, 1, 16, generator=g)  # 8 rows, 4 query heads, one new token
    k, v = torch.randn(2, 1 if shared else 8, 1, 50, 16, generator=g)  # one K/V head, 50 positions
    with torch.inference_mode(), RecordOutputSizes() as record:
        attend(q, k, v, causal=not shared)
    # K/V repeated per query head (or per row, when shared) would create tensors 4x (32x) the size of k
    assert max(record.numels) < k.numel()


def as_multi_head(model: AlphaCodeForConditionalGeneration) -> AlphaCodeForConditionalGeneration:
    """The same network with n_kv_head = n_head, each K/V projection head repeated for its query group."""
    cfg = model.config
    mha = AlphaCodeForConditionalGeneration(AlphaCodeConfig(**{**cfg.to_dict(), "n_kv_head": cfg.n_head})).eval()
    group, hd = cfg.n_head // cfg.n_kv_head, cfg.head_dim
    state = {}
    for name, weight in model.state_dict().items():
        if name.endswith(("k_proj.weight", "v_proj.weight")):
            weight = weight.view(cfg.n_kv_head, hd, -1).repeat_interleave(group, dim=0).reshape(cfg.n_head * hd, -1)
        state[name] = weight
    mha.load_state_dict(state)
    return mha


@pytest.mark.parametrize("n_kv_head", [1, 2])
def test_mqa_model_equals_mha_model_with_repeated_kv_weights(n_kv_head):
    mqa = tiny_model(n_kv_head=n_kv_head)
    mha = as_multi_head(mqa)
    assert mha.decoder.blocks[0].self_attn.k_proj.weight.shape == (4 * 16, 64)  # 4 K heads of 16 dims
    prompts = random_ids(2, 12)
    mask = torch.ones(2, 12, dtype=torch.long)
    mask[1, 8:] = 0  # right padding on the second problem
    decoder_ids = random_ids(2, 7, seed=2)
    with torch.no_grad():
        a = mqa(input_ids=prompts, attention_mask=mask, decoder_input_ids=decoder_ids, return_value=True)
        b = mha(input_ids=prompts, attention_mask=mask, decoder_input_ids=decoder_ids, return_value=True)
    torch.testing.assert_close(a.logits, b.logits, atol=1e-4, rtol=1e-4)
    torch.testing.assert_close(a.value_logits, b.value_logits, atol=1e-5, rtol=1e-5)
    # the decode-time paths (one query, batch-shared cross K/V) agree too
    with torch.inference_mode():
        logits = [decode_one_token(m, random_ids(5, seed=3), *_prefilled(m, prompts[0])) for m in (mqa, mha)]
    torch.testing.assert_close(logits[0][0], logits[1][0], atol=1e-4, rtol=1e-4)


def _prefilled(model, prompt):
    encoded = prefill(model, [prompt], bos_id=1)
    cache = StaticKVCache(model, batch=5, max_len=4)
    cache.fill_prefix(encoded.first_cache, None)
    return encoded.cross_kv, encoded.key_mask, cache


def test_cached_decoding_equals_full_forward():
    model = tiny_model(n_kv_head=2)
    prompts, decoder_ids = random_ids(2, 10), random_ids(2, 9, seed=2)
    decoder_ids[:, 0] = model.config.decoder_start_token_id
    with torch.no_grad():
        full = model(input_ids=prompts, decoder_input_ids=decoder_ids, use_cache=False).logits  # (2, 9, V)
        # Hugging Face cache: a 3-token chunk (causal mask with an offset), then one token at a time
        cache = EncoderDecoderCache(DynamicCache(), DynamicCache())
        encoder_outputs = model.get_encoder()(prompts)
        steps = [model(encoder_outputs=encoder_outputs, decoder_input_ids=decoder_ids[:, :3],
                       past_key_values=cache, use_cache=True).logits]  # fmt: skip
        for t in range(3, 9):
            out = model(encoder_outputs=encoder_outputs, decoder_input_ids=decoder_ids[:, t : t + 1],
                        past_key_values=cache, use_cache=True)  # fmt: skip
            steps.append(out.logits)
        torch.testing.assert_close(torch.cat(steps, dim=1), full, atol=1e-4, rtol=1e-4)
        # the sampler's preallocated cache, with the cross-attention K/V of one problem shared by 2 rows
        encoded = prefill(model, [prompts[0]], bos_id=model.config.decoder_start_token_id)
        static = StaticKVCache(model, batch=2, max_len=9)
        static.fill_prefix(encoded.first_cache, None)
        torch.testing.assert_close(encoded.first_logits[0], full[0, 0], atol=1e-4, rtol=1e-4)
        rows = decoder_ids[[0, 0]]
        for t in range(1, 9):
            logits, _ = decode_one_token(model, rows[:, t], encoded.cross_kv, None, static)
            torch.testing.assert_close(logits, full[[0, 0], t], atol=1e-4, rtol=1e-4)


def test_labels_give_the_mean_token_cross_entropy():
    model = tiny_model()
    prompts, labels = random_ids(2, 10), random_ids(2, 6, seed=2)
    labels[1, 4:] = -100
    with torch.no_grad():
        out = model(input_ids=prompts, labels=labels)
        logits = model(input_ids=prompts, decoder_input_ids=model.shift_right(labels)).logits
    expected = torch.nn.functional.cross_entropy(logits[labels != -100], labels[labels != -100])
    torch.testing.assert_close(out.loss, expected)
    model.train()
    model(input_ids=prompts, labels=labels, return_value=True).loss.backward()  # every attention path is trainable
    for block in (model.encoder.blocks[0], model.decoder.blocks[0]):
        assert all(p.grad is not None and p.grad.abs().sum() > 0 for p in block.parameters())
    assert model.shift_right(labels)[1].tolist() == [1, *labels[1, :4].tolist(), 0]


def test_save_pretrained_round_trip_through_auto_classes(tmp_path):
    model = tiny_model(n_kv_head=2)
    model.save_pretrained(tmp_path)
    assert (tmp_path / "model.safetensors").exists()
    config = AutoConfig.from_pretrained(tmp_path)
    assert isinstance(config, AlphaCodeConfig)
    assert (config.n_head, config.n_kv_head, config.vocab_size) == (4, 2, VOCAB)
    loaded = AutoModelForSeq2SeqLM.from_pretrained(tmp_path)
    assert isinstance(loaded, AlphaCodeForConditionalGeneration)
    prompts, decoder_ids = random_ids(1, 10), random_ids(1, 5, seed=2)
    with torch.no_grad():
        a = model(input_ids=prompts, decoder_input_ids=decoder_ids, return_value=True)
        b = loaded.eval()(input_ids=prompts, decoder_input_ids=decoder_ids, return_value=True)
    torch.testing.assert_close(a.logits, b.logits, atol=0, rtol=0)
    torch.testing.assert_close(a.value_logits, b.value_logits, atol=0, rtol=0)


def test_config_rejects_bad_fields_and_unknown_presets():
    with pytest.raises(StrictDataclassClassValidationError, match="n_kv_head=4 must divide n_head=6"):
        AlphaCodeConfig(n_head=6, n_kv_head=4)
    with pytest.raises(ValueError, match="preset 'huge' is unknown"):
        AlphaCodeConfig.from_preset("huge")


# AlphaCode Table 3 n_params; our blocks (RMSNorm, GELU FFN x6, no biases, tied 8k embedding) should land near them.
PAPER_N_PARAMS = {"300M": 284e6, "1B": 1.1e9, "3B": 2.8e9, "9B": 8.7e9, "41B": 41.1e9}


@pytest.mark.parametrize("name", list(PAPER_N_PARAMS))
def test_paper_presets_match_paper_parameter_counts(name):
    config = AlphaCodeConfig.from_preset(name)
    assert config.head_dim == 128 and config.ffn_ratio == 6 and config.vocab_size == 8000
    with torch.device("meta"):  # shapes only, no memory
        model = AlphaCodeForConditionalGeneration(config)
    n_params = sum(p.numel() for p in model.parameters())
    assert abs(n_params / PAPER_N_PARAMS[name] - 1) < 0.05, f"{name}: {n_params / 1e6:.0f}M"


def test_small_preset_is_about_twenty_million_parameters():
    assert PRESETS["small-20m"]["decoder_layers"] == 12
    with torch.device("meta"):
        model = AlphaCodeForConditionalGeneration(AlphaCodeConfig.from_preset("small-20m"))
    assert 15e6 < sum(p.numel() for p in model.parameters()) < 22e6
