"""Shared fixtures."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest


@pytest.fixture
def one_torch_thread():
    """Tiny models gain nothing from threads, and OpenMP threads stall badly when other jobs share the cores."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    """A saved tiny random encoder-decoder with its own small tokenizer: the real model code, untrained."""
    import torch

    from solver.model import AlphaCodeConfig, AlphaCodeForConditionalGeneration
    from solver.model.tokenizer import train_tokenizer

    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "a.py").write_text("n = int(input())\nprint(sum(map(int, input().split())))\n" * 20)
    (corpus / "b.cpp").write_text("#include <bits/stdc++.h>\nint main() { int n; std::cin >> n; }\n" * 20)
    out = tmp_path_factory.mktemp("model")
    tokenizer = train_tokenizer([corpus], vocab_size=300, out_dir=out).tokenizer
    torch.manual_seed(0)
    config = AlphaCodeConfig.from_preset("tiny", vocab_size=len(tokenizer), max_encoder_len=1536, max_decoder_len=768)
    AlphaCodeForConditionalGeneration(config).save_pretrained(out)
    return out


@pytest.fixture
def exec_tmpdir():
    """A TMPDIR of its own for the commands a test starts, so that the executor folders (`alphacode-exec-*`) they
    make or leave behind can be seen. Traversable by all: the sandboxes run as other users."""
    path = Path(tempfile.mkdtemp(prefix="alphacode-test-"))
    path.chmod(0o711)
    yield path
    shutil.rmtree(path, ignore_errors=True)
