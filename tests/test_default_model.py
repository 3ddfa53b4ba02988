"""The bundled default model (solver/data/default-model): loads from the package, keeps the fixed special ids, has
the real windows and multi-query attention, fits its size budget in git, and samples programs for a bundled problem."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest
import torch
from safetensors import safe_open

from solver.model import AlphaCodeForConditionalGeneration
from solver.model.prompt import build_prompt, encode_prompt, program_text, sample_spec
from solver.model.sampling import sample_programs
from solver.model.tokenizer import BOS_ID, EOS_ID, MASK_ID, PAD_ID, SPECIAL_TOKENS, check_special_ids, load_tokenizer
from solver.pipeline.config import DEFAULT_TESTGEN_DIR
from solver.pipeline.sampling import DEFAULT_MODEL_DIR
from solver.problem import Language, load_problems

ROOT = Path(__file__).resolve().parents[1]
SIZE_BUDGET_BYTES = 50 * 1024 * 1024  # the bundled models together are committed to git
PROBLEM = ROOT / "problems" / "examples" / "lcm_pairs.json"

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def model():
    return AlphaCodeForConditionalGeneration.from_pretrained(DEFAULT_MODEL_DIR, dtype=torch.float32).eval()


@pytest.fixture(scope="module")
def tokenizer():
    return load_tokenizer(DEFAULT_MODEL_DIR)


def test_it_is_the_packaged_directory_and_small_enough_for_git():
    assert DEFAULT_MODEL_DIR == ROOT / "solver" / "data" / "default-model"
    files = {f.name: f.stat().st_size for f in DEFAULT_MODEL_DIR.iterdir() if f.is_file()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "MODEL_CARD.md"} <= set(files)
    bundled = [d for d in (DEFAULT_MODEL_DIR, DEFAULT_TESTGEN_DIR) if d.is_dir()]
    assert sum(f.stat().st_size for d in bundled for f in d.iterdir()) <= SIZE_BUDGET_BYTES, files


def test_weights_are_stored_compactly_and_loaded_as_float32(model):
    with safe_open(DEFAULT_MODEL_DIR / "model.safetensors", "pt") as stored:
        slices = [stored.get_slice(name) for name in stored.keys()]  # noqa: SIM118 - safe_open is not a dict
        assert {s.get_dtype() for s in slices} == {"F16"}
        n_stored = sum(math.prod(s.get_shape()) for s in slices)
        embedding = stored.get_tensor("encoder.embed_tokens.weight")
    assert all(p.dtype == torch.float32 for p in model.parameters())
    assert sum(p.numel() for p in model.parameters()) == n_stored
    # float16 → float32 is exact, so the loaded weights are the stored ones
    assert torch.equal(model.encoder.embed_tokens.weight, embedding.float())


def test_config_has_the_real_windows_and_multi_query_attention(model, tokenizer):
    cfg = model.config
    assert (cfg.max_encoder_len, cfg.max_decoder_len) == (1536, 768)
    assert cfg.n_kv_head == 1 and cfg.n_head > 1
    assert cfg.vocab_size == len(tokenizer) == model.encoder.embed_tokens.num_embeddings
    assert (cfg.pad_token_id, cfg.bos_token_id, cfg.eos_token_id, cfg.decoder_start_token_id) == (
        PAD_ID, BOS_ID, EOS_ID, BOS_ID,
    )  # fmt: skip
    saved = json.loads((DEFAULT_MODEL_DIR / "config.json").read_text())
    assert saved["model_type"] == "alphacode"


def test_tokenizer_special_ids(tokenizer):
    check_special_ids(tokenizer, str(DEFAULT_MODEL_DIR))
    assert [tokenizer.convert_tokens_to_ids(t) for t in SPECIAL_TOKENS] == [PAD_ID, BOS_ID, EOS_ID, 3, MASK_ID]
    program = "n = int(input())\nprint('</s>' * n)\n"
    ids = tokenizer.encode(program, add_special_tokens=False)
    assert EOS_ID not in ids and tokenizer.decode(ids) == program


def test_samples_short_programs_for_a_bundled_problem(model, tokenizer):
    problem = load_problems(PROBLEM)[0].public_view()
    rng = random.Random(0)
    specs = [
        sample_spec(rng, language) for language in (Language.PYTHON3, Language.PYTHON3, Language.CPP, Language.CPP)
    ]
    prompts = [torch.tensor(encode_prompt(tokenizer, build_prompt(problem, s), model.config.max_encoder_len).ids)
               for s in specs]  # fmt: skip

    def draw():
        return sample_programs(model, prompts, 1, max_new_tokens=32, temperature=0.25, seed=1, score_temperature=0.2)

    samples = draw()
    assert len(samples) == 4
    assert [s.prompt_index for s in samples] == [0, 1, 2, 3]
    for s in samples:
        assert len(s.token_ids) == 32 or s.finished  # it stops only at </s> or at the token limit
        assert len(s.token_ids) <= 32 and all(0 <= t < model.config.vocab_size for t in s.token_ids)
        assert math.isfinite(s.logprob_mean) and s.logprob_mean <= 0 and 0.0 <= s.value <= 1.0
        assert isinstance(program_text(tokenizer, s.token_ids), str)
    assert [s.token_ids for s in draw()] == [s.token_ids for s in samples]  # seeded

