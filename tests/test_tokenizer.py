"""The byte-level BPE tokenizer: exact round trips, fixed special ids, corpus filtering, saving and loading.

Every test trains a real tokenizer on a few KB written here, so the module runs in seconds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from transformers import AutoTokenizer

from solver.model.tokenizer import (
    BOS_ID,
    EOS_ID,
    MASK_ID,
    MAX_FILE_BYTES,
    MIN_VOCAB_SIZE,
    PAD_ID,
    SPECIAL_TOKENS,
    SUMMARY_FILE,
    UNK_ID,
    TokenizerError,
    corpus_files,
    decode_text,
    encode_text,
    load_tokenizer,
    train_tokenizer,
    train_tokenizer_command,
)

PY = '''import sys


def solve(n: int, values: list[int]) -> int:
    """Return the best total."""
    best = 0
    for i in range(n):
\tif values[i] > best:  # a tab-indented line
\t    best = values[i]
    return best


if __name__ == "__main__":
    data = sys.stdin.read().split()
    print(solve(int(data[0]), [int(x) for x in data[1:]]))
    print("<s>", "</s>", "<pad>", "<mask>", "<unk>")
'''
CPP = """#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    int n; cin >> n;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    long long best = 0;
    for (int i = 0; i < n; ++i) best = max(best, a[i]);
    cout << best << "\\n";  // "</s>" is just text here
    return 0;
}
"""
TEXT = "Polycarp has n integers a_1, …, a_n. Find the maximum — or print −1. Ünïcödé, 日本語, emoji 🙂.\r\n"
VOCAB = 400


def _write_corpus(root: Path) -> dict[str, str]:
    """A small corpus plus files training must skip. Returns {relative path: kind}."""
    kinds = {}
    for i in range(6):
        (root / f"prog{i}.py").write_text(PY.replace("best", f"best{i}") * 3, encoding="utf-8")
        (root / f"prog{i}.cpp").write_text(CPP.replace("best", f"top{i}") * 3, encoding="utf-8")
        kinds[f"prog{i}.py"] = kinds[f"prog{i}.cpp"] = "good"
    (root / "include").mkdir()
    (root / "include" / "vector_like").write_text(CPP, encoding="utf-8")  # no suffix, like <vector>
    (root / "notes.md").write_text(TEXT * 20, encoding="utf-8")
    kinds.update({"include/vector_like": "good", "notes.md": "good"})
    (root / "blob.py").write_bytes(b"x = 1\n\0\0\0binary")
    (root / "latin1.txt").write_bytes("caf\xe9 cr\xe8me\n".encode("latin-1"))
    (root / "huge.txt").write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    kinds.update({"blob.py": "skip", "latin1.txt": "skip", "huge.txt": "skip"})
    # Never listed: hidden directories, caches, suffixes not asked for.
    (root / ".git").mkdir()
    (root / ".git" / "hidden.py").write_text(PY, encoding="utf-8")
    (root / "__pycache__").mkdir()
    (root / "__pycache__" / "cached.py").write_text(PY, encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n")
    return kinds


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("corpus")
    return root, _write_corpus(root)


@pytest.fixture(scope="module")
def trained(corpus, tmp_path_factory: pytest.TempPathFactory):
    root, _ = corpus
    return train_tokenizer([root], vocab_size=VOCAB, out_dir=tmp_path_factory.mktemp("tok"))


def test_special_tokens_have_fixed_ids(trained) -> None:
    tok = trained.tokenizer
    assert [tok.convert_tokens_to_ids(t) for t in SPECIAL_TOKENS] == [0, 1, 2, 3, 4]
    assert (tok.pad_token_id, tok.bos_token_id, tok.eos_token_id, tok.unk_token_id, tok.mask_token_id) == (
        PAD_ID, BOS_ID, EOS_ID, UNK_ID, MASK_ID,
    )  # fmt: skip
    assert MIN_VOCAB_SIZE < len(tok) <= VOCAB


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_round_trip_arbitrary_text(trained, text: str) -> None:
    ids = encode_text(trained.tokenizer, text)
    assert decode_text(trained.tokenizer, ids) == text


_CODE_PIECES = st.sampled_from(
    ["\t", "    ", "  ", "\n", "\r\n", "\r", " ", "def", "return", "{", "}", "<s>", "</s>", "<pad>", "<mask>",
     "<unk>", "é", "日本", "🙂", "\u00a0", "\u200b", "\x00", "\x7f", "''", '"', "\\n", "0123"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.one_of(_CODE_PIECES, st.text(max_size=5)), max_size=40))
def test_round_trip_code_like_text(trained, pieces: list[str]) -> None:
    text = "".join(pieces)
    ids = encode_text(trained.tokenizer, text)
    assert decode_text(trained.tokenizer, ids) == text
    # Literal special-token text in a program is ordinary text, never a special id.
    assert not set(ids) & {PAD_ID, BOS_ID, EOS_ID, UNK_ID, MASK_ID}


def test_training_files_round_trip_and_compress(trained) -> None:
    tok = trained.tokenizer
    for text in (PY, CPP, TEXT):
        ids = encode_text(tok, text)
        assert decode_text(tok, ids) == text
        assert len(ids) < len(text.encode("utf-8")) / 1.5, "BPE learned no useful merges"


def test_corpus_listing_skips_hidden_caches_and_other_suffixes(corpus) -> None:
    root, kinds = corpus
    listed = {p.relative_to(root).as_posix() for p in corpus_files([root])}
    assert listed == set(kinds)
    only_py = {p.name for p in corpus_files([root], extensions=(".py",))}
    assert only_py == {f"prog{i}.py" for i in range(6)} | {"blob.py"}


def test_corpus_order_is_stable_and_independent_of_location(corpus, tmp_path: Path) -> None:
    root, _ = corpus
    _write_corpus(tmp_path)
    here = [p.relative_to(root).as_posix() for p in corpus_files([root])]
    there = [p.relative_to(tmp_path).as_posix() for p in corpus_files([tmp_path])]
    assert here == there


def test_stats_count_every_file_once(corpus, trained) -> None:
    root, kinds = corpus
    files = corpus_files([root])
    stats = trained.stats
    assert stats.files_read + stats.files_skipped + stats.files_left + stats.held_out_files == len(files)
    assert stats.files_skipped == 3  # binary, latin-1, over 1 MB
    held_out = files[0].relative_to(root).as_posix()  # fewer than 20 files: only the first is held out
    good = [name for name, kind in kinds.items() if kind == "good"]
    assert stats.held_out_files == (1 if kinds[held_out] == "good" else 0)
    assert stats.files_read == len(good) - stats.held_out_files
    expected_bytes = sum(len((root / name).read_bytes()) for name in good if name != held_out)
    assert stats.bytes_read == expected_bytes
    if stats.held_out_files:
        assert stats.chars_per_token is not None and stats.chars_per_token > 1.0


def test_max_bytes_stops_reading(corpus) -> None:
    root, _ = corpus
    small = train_tokenizer([root], vocab_size=300, max_bytes=1)
    assert small.stats.files_read == 1
    assert small.stats.files_left > 0


def test_training_is_deterministic(corpus, trained) -> None:
    root, _ = corpus
    again = train_tokenizer([root], vocab_size=VOCAB)
    assert again.tokenizer.get_vocab() == trained.tokenizer.get_vocab()
    assert encode_text(again.tokenizer, PY + CPP) == encode_text(trained.tokenizer, PY + CPP)


def test_saved_tokenizer_loads_locally_with_both_loaders(trained) -> None:
    out = trained.out_dir
    assert (out / "tokenizer.json").is_file() and (out / "tokenizer_config.json").is_file()
    summary = json.loads((out / SUMMARY_FILE).read_text())
    assert summary["vocab_size"] == len(trained.tokenizer) and summary["files_read"] == trained.stats.files_read
    sample = PY + CPP + TEXT + "<s></s>"
    expected = encode_text(trained.tokenizer, sample)
    for loaded in (load_tokenizer(out), AutoTokenizer.from_pretrained(str(out), local_files_only=True)):
        assert encode_text(loaded, sample) == expected
        assert decode_text(loaded, expected) == sample
        assert (loaded.bos_token_id, loaded.eos_token_id, loaded.pad_token_id) == (BOS_ID, EOS_ID, PAD_ID)


def test_load_tokenizer_refuses_a_directory_without_one(tmp_path: Path) -> None:
    with pytest.raises(TokenizerError, match=str(tmp_path)):
        load_tokenizer(tmp_path)
    # A name that looks like a hub id must not be fetched from anywhere.
    with pytest.raises(TokenizerError, match="no tokenizer.json"):
        load_tokenizer("gpt2")


def test_bad_training_requests_fail_clearly(corpus, tmp_path: Path) -> None:
    root, _ = corpus
    with pytest.raises(TokenizerError, match="vocab_size"):
        train_tokenizer([root], vocab_size=MIN_VOCAB_SIZE - 1)
    with pytest.raises(TokenizerError, match="no such file"):
        train_tokenizer([tmp_path / "missing"])
    (tmp_path / "only.bin").write_bytes(b"\0")
    with pytest.raises(TokenizerError, match="no files"):
        train_tokenizer([tmp_path])
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    (tmp_path / "bad2.txt").write_bytes(b"\0")
    with pytest.raises(TokenizerError, match="no readable UTF-8"):
        train_tokenizer([tmp_path])


def test_command_prints_a_summary_and_saves(corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = corpus
    train_tokenizer_command([root], tmp_path / "tok", vocab_size=320)
    printed = capsys.readouterr().out
    assert "files" in printed and "vocabulary: " in printed and "chars/token" in printed
    assert len(load_tokenizer(tmp_path / "tok")) <= 320
