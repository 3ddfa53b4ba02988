"""The engine benchmark's own arithmetic and bookkeeping (scripts/bench_engines.py), without any engine or model:
roof fractions, sizes read from safetensors headers, and a crashing case recorded as an error."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "bench_engines.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_engines", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FACTS = {"parameters": 600, "matmul_parameters": 500, "layers": 2, "width": 10, "file_bytes": 300}
ROOF = {"matmul_gflops": {"float32": 100.0, "bfloat16": 400.0}, "read_gbps": 20.0}


def test_roof_fractions(bench):
    result = {"engine": "hf-fp32", "tokens_per_second": 1e6, "prompt_tokens": 90, "new_tokens": 20, "sequences": 4}
    fractions = bench.roof_fractions(result, FACTS, ROOF)
    flops = 2 * 500 + 4 * 2 * 10 * (90 + 20 / 2)  # matmuls + attention at the mean context of 100
    assert fractions["compute_fraction"] == pytest.approx(1e6 * flops / 100e9)
    assert fractions["memory_fraction"] == pytest.approx(1e6 / 4 * 500 * 4 / 20e9)  # steps/s x fp32 bytes read
    bf16 = bench.roof_fractions({**result, "engine": "hf-bf16"}, FACTS, ROOF)
    assert bf16["compute_fraction"] == pytest.approx(fractions["compute_fraction"] / 4)  # the bf16 roof is 4x
    assert bf16["memory_fraction"] == pytest.approx(fractions["memory_fraction"] / 2)
    llama = bench.roof_fractions({**result, "engine": "llama-server"}, FACTS, ROOF)
    assert llama["memory_fraction"] == pytest.approx(1e6 / 4 * 500 * 0.5 / 20e9)  # the GGUF's 300 B / 600 params
    assert bench.roof_fractions({"engine": "hf-fp32", "error": "x"}, FACTS, ROOF) == {}


def test_finish_rates_and_short_rows(bench):
    result = bench.finish({"sequences": 2, "new_tokens": 8, "generated_tokens": 15, "min_row_tokens": 7,
                           "wall_seconds": 3.0})  # fmt: skip
    assert result["tokens_per_second"] == pytest.approx(5.0)
    assert result["samples_per_minute"] == pytest.approx(40.0)
    assert "7 tokens" in result["note"]


def test_hf_directory_facts(bench, tmp_path):
    save_file({"model.embed_tokens.weight": torch.zeros(50, 4), "model.layers.0.mlp.up_proj.weight": torch.zeros(8, 4),
               "lm_head.weight": torch.zeros(50, 4)}, str(tmp_path / "model.safetensors"))  # fmt: skip
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "qwen2", "num_hidden_layers": 1, "hidden_size": 4,
                                                      "tie_word_embeddings": False}))  # fmt: skip
    facts = bench.model_facts(tmp_path)
    assert (facts["parameters"], facts["matmul_parameters"], facts["layers"], facts["width"]) == (432, 232, 1, 4)


def test_a_crashing_case_is_an_error(bench):
    result = bench.run_case({"engine": "no-such-engine"}, timeout=120)
    assert "KeyError" in result["error"] or "no-such-engine" in result["error"]
