"""The AlphaCode encoder-decoder transformer, in one file read top to bottom.

config → norm → rotary positions → attention → MLP → blocks → encoder → decoder → value head → Hugging Face wrapper.

A shallow encoder reads the problem (up to 1536 tokens), a deep decoder writes the program (up to 768 tokens), and
the decoder cross-attends to the encoder outputs (AlphaCode §4.1, Table 3). One token embedding is shared by the
encoder input, the decoder input and the output logits (one SentencePiece vocabulary for problems and programs).

Multi-query attention is a setting, not a second class: `n_kv_head=1` is MQA, `n_kv_head=n_head` is standard
multi-head attention, anything in between is grouped-query attention. K/V heads are never copied to match the query
heads: `attend` folds each group of query heads into the query-row axis so one K/V head is read once by one matmul.

Positions are rotary (RoPE) in both self-attentions and absent from cross-attention. Why rotary rather than learned:
no position table to size or outgrow (1536 vs 768 positions), relative offsets are what code structure needs, and the
rotation is applied to a key once before it is cached, so the cache never depends on later positions. There are no
buffers, so loading on the `meta` device or with `from_pretrained` needs no special care.

The fast sampler (sampling.py) drives these same modules with its own preallocated cache; `generate()` drives them
through `AlphaCodeForConditionalGeneration.forward` with Hugging Face caches. Both caches offer
`update(keys, values, layer_idx)` and `get_seq_length()`, so the decoder code is shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol

import torch
import torch.nn.functional as F
from huggingface_hub.dataclasses import strict
from torch import Tensor, nn
from transformers import PreTrainedConfig, PreTrainedModel
from transformers.cache_utils import DynamicCache, EncoderDecoderCache
from transformers.generation import GenerationMixin
from transformers.modeling_outputs import BaseModelOutput, Seq2SeqLMOutput

# transformers 5.24 renamed the outputs' (and generate()'s) `past_key_values` to `cache`; both versions work.
CACHE_FIELD = "cache" if "cache" in Seq2SeqLMOutput.__dataclass_fields__ else "past_key_values"

# ----------------------------------------------------------------------------------------------------------- config

# Named sizes. The paper rows are AlphaCode Table 3 (head size 128 = d_model / n_head, FFN ratio 6, 8k vocabulary);
# 9B and 41B have 1 K/V head per model-parallel shard, i.e. 4 and 16 in total. "tiny" and "small-20m" are for CPU work;
# "default" is the model bundled in solver/data/default-model (10.5M parameters: ~21 MB in float16, so it can live in git).
PRESETS: dict[str, dict[str, int]] = {
    "tiny": {"d_model": 64, "n_head": 4, "n_kv_head": 1, "encoder_layers": 1, "decoder_layers": 2},
    "default": {"d_model": 256, "n_head": 8, "n_kv_head": 1, "encoder_layers": 2, "decoder_layers": 6},
    "small-20m": {"d_model": 256, "n_head": 8, "n_kv_head": 1, "encoder_layers": 2, "decoder_layers": 12},
    "300M": {"d_model": 768, "n_head": 6, "n_kv_head": 1, "encoder_layers": 4, "decoder_layers": 24},
    "1B": {"d_model": 1408, "n_head": 11, "n_kv_head": 1, "encoder_layers": 5, "decoder_layers": 30},
    "3B": {"d_model": 2048, "n_head": 16, "n_kv_head": 1, "encoder_layers": 6, "decoder_layers": 36},
    "9B": {"d_model": 3072, "n_head": 24, "n_kv_head": 4, "encoder_layers": 8, "decoder_layers": 48},
    "41B": {"d_model": 6144, "n_head": 48, "n_kv_head": 16, "encoder_layers": 8, "decoder_layers": 56},
}


@strict
class AlphaCodeConfig(PreTrainedConfig):
    """Hyper-parameters of the encoder-decoder (field names follow the paper: d_model, n_head, n_kv_head).

    vocab_size: shared SentencePiece vocabulary (8000 in the paper).
    d_model: residual stream width.
    n_head: query heads per attention layer.
    n_kv_head: key/value heads; 1 = multi-query, n_head = multi-head; must divide n_head.
    head_dim: per-head width; defaults to d_model // n_head (128 for every paper size).
    ffn_ratio: FFN hidden width = ffn_ratio * d_model (6 in the paper).
    encoder_layers / decoder_layers: block counts (shallow encoder, deep decoder).
    max_encoder_len / max_decoder_len: problem and program lengths the model is built for (1536 / 768).
    rotary_base: RoPE frequency base.
    norm_eps: RMSNorm epsilon.
    value_hidden: hidden width of the value head MLP; defaults to d_model.
    dropout: residual dropout (training only).
    initializer_range: std of the normal initialisation of linear and embedding weights.
    pad/bos/eos/decoder_start token ids: <pad>=0, <s>=1, </s>=2 of the project tokenizer; decoding starts at <s>.
    """

    model_type = "alphacode"
    keys_to_ignore_at_inference: ClassVar[list[str]] = ["past_key_values", "cache"]
    # Standard names that generic Hugging Face code (caches, generate) reads. num_hidden_layers is the decoder
    # depth because the generation caches hold one layer per decoder block.
    attribute_map: ClassVar[dict[str, str]] = {
        "hidden_size": "d_model",
        "num_attention_heads": "n_head",
        "num_key_value_heads": "n_kv_head",
        "num_hidden_layers": "decoder_layers",
    }

    vocab_size: int = 8000
    d_model: int = 768
    n_head: int = 6
    n_kv_head: int = 1
    head_dim: int | None = None
    ffn_ratio: int = 6
    encoder_layers: int = 4
    decoder_layers: int = 24
    max_encoder_len: int = 1536
    max_decoder_len: int = 768
    rotary_base: float = 10000.0
    norm_eps: float = 1e-6
    value_hidden: int | None = None
    dropout: float = 0.0
    initializer_range: float = 0.02
    pad_token_id: int = 0
    bos_token_id: int = 1
    eos_token_id: int = 2
    decoder_start_token_id: int = 1
    is_encoder_decoder: bool = True
    use_cache: bool = True

    def __post_init__(self, **kwargs):
        if self.head_dim is None:
            self.head_dim = self.d_model // self.n_head
        if self.value_hidden is None:
            self.value_hidden = self.d_model
        super().__post_init__(**kwargs)

    def validate_architecture(self) -> None:
        """Called by the strict-dataclass machinery after init; one line per broken field."""
        for name in ("vocab_size", "d_model", "n_head", "n_kv_head", "encoder_layers", "decoder_layers", "ffn_ratio"):
            if getattr(self, name) < 1:
                raise ValueError(f"AlphaCodeConfig.{name}={getattr(self, name)} must be >= 1")
        if self.n_head % self.n_kv_head != 0:
            raise ValueError(f"AlphaCodeConfig.n_kv_head={self.n_kv_head} must divide n_head={self.n_head}")
        if self.head_dim is not None and self.head_dim % 2 != 0:
            raise ValueError(f"AlphaCodeConfig.head_dim={self.head_dim} must be even (rotary pairs)")

    @classmethod
    def from_preset(cls, name: str, **overrides) -> AlphaCodeConfig:
        """A named size from PRESETS, with any field overridden (e.g. n_kv_head=n_head for the MHA ablation)."""
        if name not in PRESETS:
            raise ValueError(f"AlphaCodeConfig preset {name!r} is unknown; known presets: {', '.join(PRESETS)}")
        return cls(**{**PRESETS[name], **overrides})


# ------------------------------------------------------------------------------------------- norm and positions

# nn.RMSNorm is the norm (pre-norm blocks): cheaper than LayerNorm, no bias, as in most recent deep decoders.


def rotary_angles(start: int, length: int, head_dim: int, base: float, device: torch.device) -> Tensor:
    """e^(i * position * frequency) for positions start .. start+length-1: complex64 (T, head_dim/2)."""
    inv_freq = base ** (-torch.arange(0, head_dim, 2, device=device, dtype=torch.float32) / head_dim)  # (hd/2,)
    angles = torch.arange(start, start + length, device=device, dtype=torch.float32)[:, None] * inv_freq  # (T, hd/2)
    return torch.polar(torch.ones_like(angles), angles)


def apply_rotary(x: Tensor, rotation: Tensor) -> Tensor:
    """Rotate each adjacent pair (x[2j], x[2j+1]) of every head by its position's angle, as one complex multiply
    (one kernel instead of eight real ones, which matters when decoding runs one token at a time).
    x: (B, H, T, hd), rotation: (T, hd/2) complex → (B, H, T, hd)."""
    pairs = torch.view_as_complex(x.float().reshape(*x.shape[:-1], -1, 2))  # (B, H, T, hd/2) complex
    return torch.view_as_real(pairs * rotation).flatten(-2).to(x.dtype)


# ------------------------------------------------------------------------------------------------------ attention


def attend(q: Tensor, k: Tensor, v: Tensor, *, causal: bool, key_mask: Tensor | None = None) -> Tensor:
    """Scaled dot-product attention for n_head query heads over n_kv_head K/V heads, without copying K/V.

    q: (B, H, T, hd). k, v: (Bk, Hkv, S, hd) where Bk == B, or Bk == 1 for K/V shared by every row (one problem
    encoding serving a whole batch of samples). key_mask: (Bk, S) bool, True for real keys. causal: the T queries
    are the last T of the S positions and each sees keys up to its own position. Returns (B, H, T, hd).

    Query head h uses K/V head h // (H // Hkv). Instead of repeating K/V heads, the group of query heads sharing a
    K/V head — and, when K/V are shared, the whole batch — becomes extra query rows, so each K/V head is read once
    by one matmul. (torch 2.13's CPU SDPA with enable_gqa=True also avoids copies — the profiler shows no repeat,
    only the output allocated — but it was 4x slower than the folded form for one decoding step, so it is only
    used for causal blocks of several queries, where folding would need a tiled mask.)
    """
    B, H, T, hd = q.shape
    Bk, Hkv, S, _ = k.shape
    group = H // Hkv
    if not causal or T == 1:  # a single newest query sees every cached key, so no causal mask is needed
        mask = None if key_mask is None else key_mask[:, None, None, :]  # (Bk, 1, 1, S)
        if Bk == B:
            y = F.scaled_dot_product_attention(q.reshape(B, Hkv, group * T, hd), k, v, attn_mask=mask)
            return y.reshape(B, H, T, hd)
        if Bk != 1:
            raise ValueError(f"attend: K/V batch {Bk} must equal the query batch {B} or be 1 (shared)")
        rows = q.reshape(B, Hkv, group * T, hd).transpose(0, 1).reshape(1, Hkv, B * group * T, hd)
        y = F.scaled_dot_product_attention(rows, k, v, attn_mask=mask)  # (1, Hkv, B*group*T, hd)
        return y.reshape(Hkv, B, group * T, hd).transpose(0, 1).reshape(B, H, T, hd)
    if key_mask is not None:
        raise ValueError("attend: causal self-attention takes no key mask (decoder inputs are right-padded)")
    if S == T:  # training or a prompt prefill from an empty cache
        return F.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=group > 1)
    # T new queries after S - T cached positions: query i sees keys 0 .. S - T + i
    allowed = torch.ones(T, S, dtype=torch.bool, device=q.device).tril(diagonal=S - T)  # (T, S)
    return F.scaled_dot_product_attention(q, k, v, attn_mask=allowed, enable_gqa=group > 1)


class Attention(nn.Module):
    """Projections of one attention layer; `attend` does the mixing. Self- and cross-attention both use it."""

    def __init__(self, config: AlphaCodeConfig):
        super().__init__()
        self.n_head, self.n_kv_head, self.head_dim = config.n_head, config.n_kv_head, config.head_dim
        self.q_proj = nn.Linear(config.d_model, config.n_head * config.head_dim, bias=False)
        self.k_proj = nn.Linear(config.d_model, config.n_kv_head * config.head_dim, bias=False)
        self.v_proj = nn.Linear(config.d_model, config.n_kv_head * config.head_dim, bias=False)
        self.o_proj = nn.Linear(config.n_head * config.head_dim, config.d_model, bias=False)

    def queries(self, x: Tensor) -> Tensor:
        B, T, _ = x.shape  # (B, T, C)
        return self.q_proj(x).view(B, T, self.n_head, self.head_dim).transpose(1, 2)  # (B, H, T, hd)

    def keys_values(self, x: Tensor) -> tuple[Tensor, Tensor]:
        B, S, _ = x.shape  # (B, S, C)
        k = self.k_proj(x).view(B, S, self.n_kv_head, self.head_dim).transpose(1, 2)  # (B, Hkv, S, hd)
        v = self.v_proj(x).view(B, S, self.n_kv_head, self.head_dim).transpose(1, 2)  # (B, Hkv, S, hd)
        return k, v

    def output(self, y: Tensor) -> Tensor:
        B, H, T, hd = y.shape  # (B, H, T, hd)
        return self.o_proj(y.transpose(1, 2).reshape(B, T, H * hd))  # (B, T, C)


class KVStore(Protocol):
    """A self-attention cache: Hugging Face's DynamicCache and the sampler's preallocated cache both fit."""

    def update(self, key_states: Tensor, value_states: Tensor, layer_idx: int) -> tuple[Tensor, Tensor]: ...

    def get_seq_length(self, layer_idx: int = 0) -> int: ...


# ------------------------------------------------------------------------------------------------------------ MLP


class MLP(nn.Module):
    """GELU feed-forward with hidden width ffn_ratio * d_model. Two matrices, as the paper's parameter counts imply
    (a gated SwiGLU at ratio 6 would add a third and overshoot Table 3's n_params by about 40%)."""

    def __init__(self, config: AlphaCodeConfig):
        super().__init__()
        self.up = nn.Linear(config.d_model, config.ffn_ratio * config.d_model, bias=False)
        self.down = nn.Linear(config.ffn_ratio * config.d_model, config.d_model, bias=False)

    def forward(self, x: Tensor) -> Tensor:
        return self.down(F.gelu(self.up(x)))  # (B, T, C) → (B, T, 6C) → (B, T, C)


# --------------------------------------------------------------------------------------------------------- blocks


class EncoderBlock(nn.Module):
    """Pre-norm block: bidirectional self-attention over the problem, then the MLP."""

    def __init__(self, config: AlphaCodeConfig):
        super().__init__()
        self.attn_norm = nn.RMSNorm(config.d_model, eps=config.norm_eps)
        self.attn = Attention(config)
        self.mlp_norm = nn.RMSNorm(config.d_model, eps=config.norm_eps)
        self.mlp = MLP(config)
        self.drop = nn.Dropout(config.dropout)

    def forward(self, x: Tensor, rotation: Tensor, key_mask: Tensor | None) -> Tensor:
        h = self.attn_norm(x)  # (B, S, C)
        k, v = self.attn.keys_values(h)
        q, k = apply_rotary(self.attn.queries(h), rotation), apply_rotary(k, rotation)
        x = x + self.drop(self.attn.output(attend(q, k, v, causal=False, key_mask=key_mask)))
        return x + self.drop(self.mlp(self.mlp_norm(x)))


class DecoderBlock(nn.Module):
    """Pre-norm block: causal self-attention (cached), cross-attention to the problem, then the MLP."""

    def __init__(self, config: AlphaCodeConfig, layer_idx: int):
        super().__init__()
        self.layer_idx = layer_idx  # this block's slot in a KVStore
        self.self_norm = nn.RMSNorm(config.d_model, eps=config.norm_eps)
        self.self_attn = Attention(config)
        self.cross_norm = nn.RMSNorm(config.d_model, eps=config.norm_eps)
        self.cross_attn = Attention(config)
        self.mlp_norm = nn.RMSNorm(config.d_model, eps=config.norm_eps)
        self.mlp = MLP(config)
        self.drop = nn.Dropout(config.dropout)

    def forward(
        self,
        x: Tensor,
        rotation: Tensor,
        cross_kv: tuple[Tensor, Tensor],
        cross_mask: Tensor | None,
        cache: KVStore | None,
    ) -> Tensor:
        h = self.self_norm(x)  # (B, T, C)
        k, v = self.self_attn.keys_values(h)
        q, k = apply_rotary(self.self_attn.queries(h), rotation), apply_rotary(k, rotation)
        if cache is not None:  # keys are stored already rotated, so cached entries never change
            k, v = cache.update(k, v, self.layer_idx)  # (B, Hkv, S, hd) with S = past + T
        x = x + self.drop(self.self_attn.output(attend(q, k, v, causal=True)))
        q = self.cross_attn.queries(self.cross_norm(x))
        x = x + self.drop(self.cross_attn.output(attend(q, *cross_kv, causal=False, key_mask=cross_mask)))
        return x + self.drop(self.mlp(self.mlp_norm(x)))


# -------------------------------------------------------------------------------------------- encoder and decoder


class Encoder(nn.Module):
    """Problem tokens → final encoder states. It owns the shared token embedding because generate() calls the
    encoder with token ids; the decoder input and the output logits reuse the same matrix (tied by construction)."""

    main_input_name = "input_ids"  # read by generate()

    def __init__(self, config: AlphaCodeConfig):
        super().__init__()
        self.config = config
        self.embed_tokens = nn.Embedding(config.vocab_size, config.d_model)
        self.blocks = nn.ModuleList(EncoderBlock(config) for _ in range(config.encoder_layers))
        self.norm = nn.RMSNorm(config.d_model, eps=config.norm_eps)

    def forward(self, input_ids: Tensor, attention_mask: Tensor | None = None, **_unused) -> BaseModelOutput:
        """input_ids (B, S); attention_mask (B, S), 1 for tokens and 0 for right padding. Extra generate()
        arguments (output_attentions, return_dict, ...) are accepted and ignored."""
        x = self.embed_tokens(input_ids)  # (B, S, C)
        rotation = rotary_angles(0, x.shape[1], self.config.head_dim, self.config.rotary_base, x.device)
        key_mask = None if attention_mask is None or bool(attention_mask.all()) else attention_mask.bool()
        for block in self.blocks:
            x = block(x, rotation, key_mask)
        return BaseModelOutput(last_hidden_state=self.norm(x))  # (B, S, C)


class Decoder(nn.Module):
    """Embedded program tokens + cross-attention K/V → final decoder states (before the logits)."""

    def __init__(self, config: AlphaCodeConfig):
        super().__init__()
        self.config = config
        self.blocks = nn.ModuleList(DecoderBlock(config, i) for i in range(config.decoder_layers))
        self.norm = nn.RMSNorm(config.d_model, eps=config.norm_eps)

    def cross_keys_values(self, encoder_states: Tensor) -> list[tuple[Tensor, Tensor]]:
        """Per decoder block, the cross-attention K/V of the encoder states: (B, Hkv, S, hd) each. Computed once
        per problem; with n_kv_head=1 they are n_head times smaller than multi-head K/V."""
        return [block.cross_attn.keys_values(encoder_states) for block in self.blocks]

    def forward(
        self,
        x: Tensor,
        cross_kv: list[tuple[Tensor, Tensor]],
        cross_mask: Tensor | None = None,
        cache: KVStore | None = None,
    ) -> Tensor:
        """x: (B, T, C) embedded tokens at positions past .. past+T-1, where past = cache.get_seq_length()."""
        start = cache.get_seq_length() if cache is not None else 0
        rotation = rotary_angles(start, x.shape[1], self.config.head_dim, self.config.rotary_base, x.device)
        for block, kv in zip(self.blocks, cross_kv, strict=True):
            x = block(x, rotation, kv, cross_mask, cache)
        return self.norm(x)  # (B, T, C)


# ----------------------------------------------------------------------------------------------------- value head


class ValueHead(nn.Module):
    """P(program is correct) as one logit per sequence, from the mean of the decoder's final states (before the
    logits) over the program's input positions. A mean can be accumulated one token at a time, so the sampler
    scores every sample for the cost of one vector add per step."""

    def __init__(self, config: AlphaCodeConfig):
        super().__init__()
        self.fc = nn.Linear(config.d_model, config.value_hidden)
        self.out = nn.Linear(config.value_hidden, 1)

    def forward(self, pooled: Tensor) -> Tensor:
        return self.out(F.gelu(self.fc(pooled))).squeeze(-1)  # (B, C) → (B,)


def masked_mean(states: Tensor, mask: Tensor) -> Tensor:
    """Mean over positions where mask is true. states (B, T, C), mask (B, T) → (B, C)."""
    weights = mask.to(states.dtype)[..., None]  # (B, T, 1)
    return (states * weights).sum(1) / weights.sum(1).clamp(min=1.0)


# ------------------------------------------------------------------------------------------ Hugging Face wrapper


@dataclass
class AlphaCodeSeq2SeqLMOutput(Seq2SeqLMOutput):
    """Seq2SeqLMOutput plus the value head's logit per sequence (B,), when asked for."""

    value_logits: torch.FloatTensor | None = None


class AlphaCodePreTrainedModel(PreTrainedModel):
    config_class = AlphaCodeConfig  # explicit: this module's annotations are strings (postponed evaluation)
    base_model_prefix = "alphacode"
    supports_gradient_checkpointing = False
    _no_split_modules: ClassVar[list[str]] = ["EncoderBlock", "DecoderBlock"]


class AlphaCodeForConditionalGeneration(AlphaCodePreTrainedModel, GenerationMixin):
    """Encoder-decoder with LM logits, an optional LM loss (`labels`) and the value head; works with generate()."""

    def __init__(self, config: AlphaCodeConfig):
        super().__init__(config)
        self.encoder = Encoder(config)
        self.decoder = Decoder(config)
        self.value_head = ValueHead(config)
        self.post_init()

    def get_input_embeddings(self) -> nn.Embedding:
        return self.encoder.embed_tokens

    def set_input_embeddings(self, value: nn.Embedding) -> None:
        self.encoder.embed_tokens = value

    def get_encoder(self, modality: str | None = None) -> Encoder:
        return self.encoder

    def embed(self, ids: Tensor) -> Tensor:
        return self.encoder.embed_tokens(ids)  # (B, T) → (B, T, C)

    def lm_logits(self, states: Tensor) -> Tensor:
        return F.linear(states, self.encoder.embed_tokens.weight)  # (B, T, C) → (B, T, V), tied embedding

    def shift_right(self, labels: Tensor) -> Tensor:
        """Decoder inputs for teacher forcing: <s> then the labels, with ignored (-100) labels read as <pad>."""
        start = labels.new_full((labels.shape[0], 1), self.config.decoder_start_token_id)
        shifted = torch.cat([start, labels[:, :-1]], dim=1)
        return shifted.masked_fill(shifted == -100, self.config.pad_token_id)

    def prepare_decoder_input_ids_from_labels(self, labels: Tensor) -> Tensor:
        return self.shift_right(labels)

    def forward(
        self,
        input_ids: Tensor | None = None,
        attention_mask: Tensor | None = None,
        decoder_input_ids: Tensor | None = None,
        decoder_attention_mask: Tensor | None = None,
        encoder_outputs: BaseModelOutput | tuple | None = None,
        cache: EncoderDecoderCache | None = None,
        labels: Tensor | None = None,
        use_cache: bool | None = None,
        return_value: bool = False,
        past_key_values: EncoderDecoderCache | None = None,
        **_unused,
    ) -> AlphaCodeSeq2SeqLMOutput:
        """input_ids/attention_mask: problem (B, S). decoder_input_ids: program inputs (B, T), or derived from
        labels (B, T) by shift_right. cache: generate()'s EncoderDecoderCache (`past_key_values` before transformers
        5.24, which renamed it; both are accepted). return_value: also compute the value logit (mean over decoder
        positions where decoder_attention_mask, default decoder ids != <pad>)."""
        past_key_values = cache if cache is not None else past_key_values
        if encoder_outputs is None:
            encoder_outputs = self.encoder(input_ids, attention_mask)
        elif not isinstance(encoder_outputs, BaseModelOutput):
            encoder_outputs = BaseModelOutput(last_hidden_state=encoder_outputs[0])
        if decoder_input_ids is None:
            if labels is None:
                raise ValueError("AlphaCodeForConditionalGeneration.forward needs decoder_input_ids or labels")
            decoder_input_ids = self.shift_right(labels)
        if use_cache is None:
            use_cache = self.config.use_cache and labels is None and not self.training
        if use_cache and past_key_values is None:
            past_key_values = EncoderDecoderCache(DynamicCache(), DynamicCache())
        cross_kv = self._cross_kv(encoder_outputs.last_hidden_state, past_key_values if use_cache else None)
        cross_mask = None if attention_mask is None or bool(attention_mask.all()) else attention_mask.bool()
        self_cache = past_key_values.self_attention_cache if use_cache else None
        states = self.decoder(self.embed(decoder_input_ids), cross_kv, cross_mask, self_cache)  # (B, T, C)
        logits = self.lm_logits(states)  # (B, T, V)

        loss = None
        if labels is not None:
            loss = F.cross_entropy(logits.flatten(0, 1).float(), labels.flatten(), ignore_index=-100)
        value_logits = None
        if return_value:
            if decoder_attention_mask is None:
                decoder_attention_mask = decoder_input_ids != self.config.pad_token_id
            value_logits = self.value_head(masked_mean(states, decoder_attention_mask))
        return AlphaCodeSeq2SeqLMOutput(
            loss=loss,
            logits=logits,
            **{CACHE_FIELD: past_key_values if use_cache else None},
            encoder_last_hidden_state=encoder_outputs.last_hidden_state,
            value_logits=value_logits,
        )

    def _cross_kv(self, encoder_states: Tensor, cache: EncoderDecoderCache | None) -> list[tuple[Tensor, Tensor]]:
        """Cross-attention K/V: read from the cache after the first generate() step, else computed (and stored)."""
        if cache is not None and cache.is_updated.get(0, False):
            return [(layer.keys, layer.values) for layer in cache.cross_attention_cache.layers]
        cross_kv = self.decoder.cross_keys_values(encoder_states)
        if cache is not None:
            for i, (k, v) in enumerate(cross_kv):
                cache.cross_attention_cache.update(k, v, i)
                cache.is_updated[i] = True
        return cross_kv
