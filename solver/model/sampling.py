"""Fast mass sampling of programs from the AlphaCode model: thousands of samples per problem on a CPU.

The chain, as in gpt-fast: logits_to_probs → sample → prefill → decode_one_token → generate_batch, with
sample_programs as the entry point.

Why it is fast:
- Each problem is encoded once. Its cross-attention K/V (batch 1, per decoder layer) serve every sample: `attend`
  folds the batch into the query rows, so a whole batch reads one shared K/V block with one matmul and nothing is
  expanded or copied. Even the first decoder step (on <s>, identical for every sample) runs once per problem.
- The self-attention cache is preallocated per decoder layer as (B, n_kv_head, max_new_tokens, head_dim): with
  multi-query attention (n_kv_head=1) it is n_head times smaller than a multi-head cache, which is what lets large
  batches fit and keeps each decoding step's memory traffic low.
- Sampling draws one uniform number per row and inverts the CDF (cumsum + searchsorted): torch.multinomial and the
  exponential trick draw one random number per vocabulary entry, which was 50x slower at batch 128 on this CPU.
- Finished rows emit <pad> and are dropped from the batch once a quarter of it has finished; the loop ends when
  every row has finished.
- glibc is told to keep freed blocks for reuse (keep_freed_memory_for_reuse), so a step's activations do not
  page-fault back in at every step.

Scores returned with each sample (the same numbers whatever sampling settings were used):
- logprob_sum / logprob_mean: log-probabilities of the sampled tokens (including </s> when the sample finished)
  under the model's own distribution softmax(logits / score_temperature), never under the temperature / top-k /
  top-p sampling distribution. score_temperature=1 is the raw model, as AlphaCode and Codex rank by mean model
  log-prob; a model fine-tuned with tempering (logits divided by 0.2 in training) is scored under its training
  distribution by passing score_temperature=0.2.
- value: sigmoid of the value head's logit over the mean decoder state of the inputs that produced the sample.

Determinism: one torch.Generator seeded with `seed` drives every draw, so the same arguments (including
batch_size) give the same samples.

Devices: everything runs where the model is (`model.device`, in `model.dtype`): the caches, the accumulators and the
generator are made there, and only prompts and bookkeeping live on the host. A GPU's samples differ from a CPU's
(other kernels, another random stream), seeded the same way.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch import Tensor

from solver.model.modeling import AlphaCodeForConditionalGeneration

# Compact the batch when at most this fraction of its rows is still running: dropping rows copies the caches,
# so doing it for every finished row would cost more than it saves.
COMPACT_WHEN_ALIVE_FRACTION = 0.75


@dataclass(frozen=True)
class Sample:
    """One sampled program, as token ids without <s> and </s>, with its scores (see the module docstring)."""

    token_ids: tuple[int, ...]
    logprob_sum: float
    logprob_mean: float
    value: float
    finished: bool  # True when the sample ended with </s>; False when it hit max_new_tokens
    prompt_index: int  # which prompt (position in the prompts argument) the sample was drawn for


class StaticKVCache:
    """Preallocated self-attention K/V for the decoder: per layer, keys and values of shape
    (B, n_kv_head, max_len, head_dim). It has the KVStore interface (`update`, `get_seq_length`)."""

    def __init__(self, model: AlphaCodeForConditionalGeneration, batch: int, max_len: int):
        cfg = model.config
        shape = (batch, cfg.n_kv_head, max_len, cfg.head_dim)
        dtype, device = model.dtype, model.device
        self.keys = [torch.empty(shape, dtype=dtype, device=device) for _ in range(cfg.decoder_layers)]
        self.values = [torch.empty(shape, dtype=dtype, device=device) for _ in range(cfg.decoder_layers)]
        self.lengths = [0] * cfg.decoder_layers

    def update(self, key_states: Tensor, value_states: Tensor, layer_idx: int) -> tuple[Tensor, Tensor]:
        start = self.lengths[layer_idx]
        end = start + key_states.shape[2]
        self.keys[layer_idx][:, :, start:end] = key_states  # (B, Hkv, T, hd) written in place
        self.values[layer_idx][:, :, start:end] = value_states
        self.lengths[layer_idx] = end
        return self.keys[layer_idx][:, :, :end], self.values[layer_idx][:, :, :end]  # views, no copies

    def get_seq_length(self, layer_idx: int = 0) -> int:
        return self.lengths[layer_idx]

    def fill_prefix(self, source: StaticKVCache, rows: Tensor | None) -> None:
        """Copy source's filled positions into every row; rows (B,) picks a source row per row (None: source
        has one row, broadcast)."""
        for dst, src in zip(self.keys + self.values, source.keys + source.values, strict=True):
            n = source.lengths[0]
            dst[:, :, :n] = src[:, :, :n] if rows is None else src[rows, :, :n]
        self.lengths = list(source.lengths)

    def select_rows(self, rows: Tensor) -> None:
        """Keep only the given rows (B',): finished samples leave the batch."""
        self.keys = [k.index_select(0, rows) for k in self.keys]
        self.values = [v.index_select(0, rows) for v in self.values]

    def nbytes_per_row(self) -> int:
        return sum(t[0].nbytes for t in self.keys + self.values)


@dataclass(frozen=True)
class EncodedPrompts:
    """Everything a batch needs from its problems, computed once per distinct prompt (P of them)."""

    cross_kv: list[tuple[Tensor, Tensor]]  # per decoder layer: (P, Hkv, S, hd) keys and values
    key_mask: Tensor | None  # (P, S) True for real tokens; None when no prompt is padded
    first_logits: Tensor  # (P, V) logits after <s>
    first_states: Tensor  # (P, C) final decoder state at <s> (the value head pools these states)
    first_cache: StaticKVCache  # self-attention K/V of <s>: (P, Hkv, 1, hd) per layer


@functools.cache
def keep_freed_memory_for_reuse() -> None:
    """Ask glibc malloc to keep freed blocks of up to 32 MiB in the heap rather than returning them to the OS.

    Every decoding step allocates and frees the same activation sizes (the logits alone are B x 8000 floats). By
    default glibc unmaps or trims such blocks, so the next step page-faults them back in; that cost 20-30% of a
    step at batch 128 on this 2-core CPU. Process-wide and done once; a no-op where glibc is not the allocator.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    m_trim_threshold, m_top_pad, m_mmap_threshold = -1, -2, -3  # <malloc.h> mallopt parameters
    libc.mallopt(m_mmap_threshold, 32 * 2**20)  # the largest value glibc accepts on 64-bit
    libc.mallopt(m_trim_threshold, 2**30)
    libc.mallopt(m_top_pad, 64 * 2**20)


# ----------------------------------------------------------------------------------------------- token choice


def logits_to_probs(logits: Tensor, temperature: float, top_k: int | None = None, top_p: float = 1.0) -> Tensor:
    """Sampling distribution (B, V): softmax(logits / temperature), restricted to the top_k tokens and then to the
    smallest set of most likely tokens whose mass reaches top_p (nucleus), renormalised."""
    logits = logits.float() / temperature
    if top_k is not None and top_k < logits.shape[-1]:
        top = torch.topk(logits, top_k, dim=-1)
        logits = torch.full_like(logits, float("-inf")).scatter_(-1, top.indices, top.values)  # exactly k kept
    probs = torch.softmax(logits, dim=-1)
    if top_p < 1.0:
        # A full sort per row is the exact nucleus; it costs ~0.3 ms per row at 8k tokens (AlphaCode found
        # top-p no better than plain temperature sampling, so the default skips it).
        sorted_probs, order = probs.sort(dim=-1, descending=True)
        mass_before = sorted_probs.cumsum(dim=-1) - sorted_probs  # (B, V) mass of strictly more likely tokens
        sorted_probs = sorted_probs.masked_fill(mass_before >= top_p, 0.0)
        probs = torch.zeros_like(probs).scatter_(-1, order, sorted_probs)
        probs = probs / probs.sum(dim=-1, keepdim=True)
    return probs


def sample(probs: Tensor, generator: torch.Generator) -> Tensor:
    """One token per row (B,) drawn from probs (B, V) by inverting the CDF at one uniform draw per row."""
    cdf = probs.cumsum(dim=-1)  # (B, V), non-decreasing
    u = torch.rand(probs.shape[0], 1, generator=generator, dtype=cdf.dtype, device=cdf.device) * cdf[:, -1:]
    tokens = torch.searchsorted(cdf, u, right=True).squeeze(1).clamp_(max=probs.shape[-1] - 1)  # first cdf > u
    # Float rounding can put u at the very top of the CDF and select a zero-probability tail token: use argmax.
    zero = probs.gather(1, tokens[:, None]).squeeze(1) <= 0
    if bool(zero.any()):
        tokens = torch.where(zero, probs.argmax(dim=-1), tokens)
    return tokens


def choose_tokens(
    logits: Tensor, temperature: float, top_k: int | None, top_p: float, generator: torch.Generator
) -> Tensor:
    """Next token per row (B,): greedy when temperature is 0, else sampled."""
    if temperature == 0:
        return logits.argmax(dim=-1)
    return sample(logits_to_probs(logits, temperature, top_k, top_p), generator)


def model_logprobs(logits: Tensor, tokens: Tensor, score_temperature: float = 1.0) -> Tensor:
    """log softmax(logits / score_temperature)[token] per row (B,), the model's own score for the chosen token."""
    scaled = logits.float() / score_temperature
    return scaled.gather(1, tokens[:, None]).squeeze(1) - torch.logsumexp(scaled, dim=-1)


# ---------------------------------------------------------------------------------------------- model stepping


def prefill(model: AlphaCodeForConditionalGeneration, prompts: Sequence[Tensor], bos_id: int) -> EncodedPrompts:
    """Encode P prompts (right-padded into one batch), compute each decoder layer's cross-attention K/V, and run
    the first decoder step on <s>; all of it once per prompt, however many samples will share it."""
    # The padded ids and mask are built on the host and moved once: filling a GPU tensor row by row (the prompts
    # arrive as CPU tensors) would be one transfer per prompt.
    lengths = torch.tensor([len(p) for p in prompts])
    ids = torch.full((len(prompts), int(lengths.max())), model.config.pad_token_id, dtype=torch.long)
    for i, prompt in enumerate(prompts):
        ids[i, : len(prompt)] = prompt
    key_mask = torch.arange(ids.shape[1])[None, :] < lengths[:, None]  # (P, S)
    key_mask = None if bool(key_mask.all()) else key_mask.to(model.device)
    encoder_states = model.encoder(ids.to(model.device), key_mask).last_hidden_state  # (P, S, C)
    cross_kv = model.decoder.cross_keys_values(encoder_states)
    first_cache = StaticKVCache(model, len(prompts), max_len=1)
    bos = torch.full((len(prompts), 1), bos_id, dtype=torch.long, device=model.device)
    states = model.decoder(model.embed(bos), cross_kv, key_mask, first_cache)[:, 0]  # (P, C)
    return EncodedPrompts(cross_kv, key_mask, model.lm_logits(states), states, first_cache)


def decode_one_token(
    model: AlphaCodeForConditionalGeneration,
    tokens: Tensor,
    cross_kv: list[tuple[Tensor, Tensor]],
    cross_mask: Tensor | None,
    cache: StaticKVCache,
) -> tuple[Tensor, Tensor]:
    """Feed one token per row (B,) at the cache's next position → (logits (B, V), final states (B, C))."""
    states = model.decoder(model.embed(tokens[:, None]), cross_kv, cross_mask, cache)[:, 0]  # (B, C)
    return model.lm_logits(states), states


@dataclass(frozen=True)
class BatchResult:
    tokens: Tensor  # (B, N) sampled ids, <pad> after </s> and after the loop stopped
    logprob_sum: Tensor  # (B,)
    n_scored: Tensor  # (B,) tokens scored, </s> included
    value_logits: Tensor  # (B,)
    finished: Tensor  # (B,) bool


def generate_batch(
    model: AlphaCodeForConditionalGeneration,
    encoded: EncodedPrompts,
    row_prompt: Tensor,
    max_new_tokens: int,
    temperature: float,
    top_k: int | None,
    top_p: float,
    score_temperature: float,
    eos_id: int | None,
    pad_id: int,
    generator: torch.Generator,
) -> BatchResult:
    """Sample one program per row; row_prompt (B,) says which of the encoded prompts each row continues."""
    B, N, P = len(row_prompt), max_new_tokens, encoded.first_logits.shape[0]
    device = encoded.first_logits.device
    row_prompt = row_prompt.to(device)
    per_row = P > 1
    if per_row:  # several problems in one batch: each row gets its problem's K/V (copied; n_head x smaller with MQA)
        cross_kv = [(k[row_prompt], v[row_prompt]) for k, v in encoded.cross_kv]
        cross_mask = None if encoded.key_mask is None else encoded.key_mask[row_prompt]
    else:  # the fast path: every row shares one batch-1 K/V block per layer
        cross_kv, cross_mask = encoded.cross_kv, encoded.key_mask
    cache = StaticKVCache(model, B, N)
    cache.fill_prefix(encoded.first_cache, row_prompt if per_row else None)
    logits = encoded.first_logits[row_prompt]  # (B, V)
    states = encoded.first_states[row_prompt]  # (B, C)

    # Accumulators indexed by the original row; `rows` maps the current (possibly compacted) batch onto them.
    tokens_out = torch.full((B, N), pad_id, dtype=torch.long, device=device)
    logprob_sum = torch.zeros(B, device=device)
    n_scored = torch.zeros(B, device=device)
    state_sum = torch.zeros(B, states.shape[-1], device=device)
    finished = torch.zeros(B, dtype=torch.bool, device=device)
    rows = torch.arange(B, device=device)
    alive = torch.ones(B, dtype=torch.bool, device=device)

    for t in range(N):
        live = alive.float()
        state_sum.index_add_(0, rows, states.float() * live[:, None])
        tokens = choose_tokens(logits, temperature, top_k, top_p, generator)
        logprob_sum.index_add_(0, rows, model_logprobs(logits, tokens, score_temperature) * live)
        n_scored.index_add_(0, rows, live)
        tokens = tokens.masked_fill(~alive, pad_id)
        tokens_out[rows, t] = tokens
        if eos_id is not None:
            ended = tokens == eos_id
            finished[rows[ended]] = True
            alive = alive & ~ended
        n_alive = int(alive.sum())
        if t == N - 1 or n_alive == 0:
            break
        if n_alive <= COMPACT_WHEN_ALIVE_FRACTION * len(rows):
            keep = alive.nonzero().squeeze(1)
            cache.select_rows(keep)
            if per_row:
                cross_kv = [(k[keep], v[keep]) for k, v in cross_kv]
                cross_mask = None if cross_mask is None else cross_mask[keep]
            rows, tokens, alive = rows[keep], tokens[keep], alive[keep]
        logits, states = decode_one_token(model, tokens, cross_kv, cross_mask, cache)

    value_logits = model.value_head((state_sum / n_scored.clamp(min=1.0)[:, None]).to(model.dtype))
    return BatchResult(tokens_out, logprob_sum, n_scored, value_logits.float(), finished)


# ------------------------------------------------------------------------------------------------ entry point


def _as_prompt_list(prompts: Tensor | Sequence[Tensor]) -> list[Tensor]:
    if isinstance(prompts, Tensor):
        if prompts.dim() != 1 or len(prompts) == 0:
            raise ValueError(
                f"sample_programs: prompts tensor must be non-empty 1-D token ids, got {tuple(prompts.shape)}"
            )
        return [prompts]
    out = [torch.as_tensor(p, dtype=torch.long) for p in prompts]
    for i, p in enumerate(out):
        if p.dim() != 1 or len(p) == 0:
            raise ValueError(f"sample_programs: prompts[{i}] must be a non-empty 1-D tensor of token ids")
    if not out:
        raise ValueError("sample_programs: prompts is empty")
    return out


@torch.inference_mode()
def sample_programs(
    model: AlphaCodeForConditionalGeneration,
    prompts: Tensor | Sequence[Tensor],
    num_samples: int | Sequence[int],
    max_new_tokens: int,
    temperature: float = 0.25,
    top_k: int | None = None,
    top_p: float = 1.0,
    batch_size: int = 128,
    seed: int = 0,
    bos_id: int | None = None,
    eos_id: int | None = -1,
    pad_id: int | None = None,
    score_temperature: float = 1.0,
) -> list[Sample]:
    """Sample programs for one problem prompt (a 1-D tensor of encoder token ids) or for several prompts.

    num_samples: samples per prompt (an int for every prompt, or one count per prompt). Samples come back grouped
    by prompt, in prompt order. Batches take consecutive samples, so a batch holds one prompt (the fast path) unless
    a prompt's samples run out mid-batch. temperature 0 means greedy. The token ids default to the model config's
    (bos = decoder_start_token_id); eos_id=None disables stopping (every sample runs max_new_tokens tokens).
    """
    cfg = model.config
    bos_id = cfg.decoder_start_token_id if bos_id is None else bos_id
    eos_id = cfg.eos_token_id if eos_id == -1 else eos_id
    pad_id = cfg.pad_token_id if pad_id is None else pad_id
    prompt_list = _as_prompt_list(prompts)
    counts = [num_samples] * len(prompt_list) if isinstance(num_samples, int) else list(num_samples)
    if len(counts) != len(prompt_list) or any(c < 0 for c in counts):
        raise ValueError(f"sample_programs: num_samples must be >= 0 per prompt ({len(prompt_list)} prompts)")
    if max_new_tokens < 1 or batch_size < 1 or temperature < 0 or not 0 < top_p <= 1:
        raise ValueError(
            f"sample_programs: need max_new_tokens >= 1, batch_size >= 1, temperature >= 0, 0 < top_p <= 1; got "
            f"{max_new_tokens}, {batch_size}, {temperature}, {top_p}"
        )
    if max_new_tokens > cfg.max_decoder_len:
        raise ValueError(
            f"sample_programs: max_new_tokens={max_new_tokens} exceeds max_decoder_len={cfg.max_decoder_len}"
        )
    for i, p in enumerate(prompt_list):
        if len(p) > cfg.max_encoder_len:
            raise ValueError(
                f"sample_programs: prompts[{i}] has {len(p)} tokens > max_encoder_len={cfg.max_encoder_len}"
            )

    keep_freed_memory_for_reuse()
    sample_prompt = torch.repeat_interleave(torch.arange(len(prompt_list)), torch.tensor(counts, dtype=torch.long))
    generator = torch.Generator(device=model.device).manual_seed(seed)
    was_training = model.training
    model.eval()
    samples: list[Sample] = []
    encoded_for: tuple[int, ...] = ()
    encoded: EncodedPrompts | None = None
    try:
        for start in range(0, len(sample_prompt), batch_size):
            batch_prompt = sample_prompt[start : start + batch_size]
            distinct = tuple(int(i) for i in torch.unique_consecutive(batch_prompt))
            if distinct != encoded_for:  # a prompt is encoded again only if its samples straddle batches
                encoded = prefill(model, [prompt_list[i] for i in distinct], bos_id)
                encoded_for = distinct
            row_prompt = torch.searchsorted(torch.tensor(distinct), batch_prompt)  # index into `distinct`
            result = generate_batch(
                model, encoded, row_prompt, max_new_tokens, temperature, top_k, top_p,
                score_temperature, eos_id, pad_id, generator,
            )  # fmt: skip
            samples.extend(_to_samples(result, batch_prompt))
    finally:
        model.train(was_training)
    return samples


def _to_samples(result: BatchResult, batch_prompt: Tensor) -> list[Sample]:
    # Each tensor is copied to Python lists whole: indexing a GPU tensor per row would wait on the device each time.
    values = torch.sigmoid(result.value_logits).tolist()
    finished, scored, totals = result.finished.tolist(), result.n_scored.tolist(), result.logprob_sum.tolist()
    out = []
    for i, row in enumerate(result.tokens.tolist()):
        n_program = int(scored[i]) - int(finished[i])  # drop </s>; <pad> only follows it
        n_scored = max(int(scored[i]), 1)
        mean = totals[i] / n_scored
        out.append(Sample(tuple(row[:n_program]), totals[i], mean, values[i], finished[i], int(batch_prompt[i])))
    return out
