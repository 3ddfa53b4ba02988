"""Training data, the training loop and crash-safe resumption, on a tiny model and data written here.

- bad corpus files and bad problems are counted by reason and skipped, never a crash;
- fine-tuning examples carry the true metadata and the CORRECT/INCORRECT label; test-input examples are distinct;
- a tiny fine-tuning run overfits (its loss falls) and its value head learns;
- a run killed with SIGKILL after a checkpoint resumes to the same final weights as an uninterrupted run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
import yaml
from safetensors.torch import load_file

from solver.model.tokenizer import BOS_ID, EOS_ID, decode_text, load_tokenizer, train_tokenizer
from solver.training.config import TrainingConfigError, load_config
from solver.training.data import Example, chunk_corpus, collate, finetune_examples, fixed_dataset, read_corpus
from solver.training.data import testgen_examples as build_testgen_examples  # not collected as a test

ROOT = Path(__file__).resolve().parents[1]
PYTHON_FILES = {
    f"mod{i}.py": f"def f{i}(x):\n    total = 0\n    for k in range(x):\n        total += k * {i}\n    return total\n"
    for i in range(12)
}
CPP_FILE = "#include <vector>\nint main() {\n  std::vector<int> v(10);\n  return v.size();\n}\n"


def write_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "pkg").mkdir(parents=True)
    for name, text in PYTHON_FILES.items():
        (corpus / "pkg" / name).write_text(text)
    (corpus / "main.cpp").write_text(CPP_FILE)
    (corpus / "vector").write_text(CPP_FILE.replace("main", "other"))  # a suffix-less C++ header
    (corpus / "dup.py").write_text(PYTHON_FILES["mod1.py"].replace("    ", "\t").replace("\n", "\n\n"))
    (corpus / "big.py").write_text("x = 1\n" * 200_000)  # 1.2 MB
    (corpus / "long.py").write_text("x = '" + "a" * 1001 + "'\n")
    (corpus / "bin.py").write_bytes(b"\x00\x01binary")
    (corpus / "latin1.py").write_bytes("s = 'caf\xe9'\n".encode("latin-1"))
    (corpus / "empty.py").write_text("  \n")
    return corpus


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("training")
    corpus = write_corpus(root)
    problems = root / "problems"
    problems.mkdir()
    write_problems(problems)
    train_tokenizer([corpus, problems], vocab_size=300, out_dir=root / "tok")
    return root


def problem_record(name: str, solutions: list[tuple[str, str]], incorrect: list[tuple[str, str]], **extra) -> dict:
    return {
        "name": name,
        "description": f"Problem {name}. Read n and print n plus one.\n\nInput\n\nOne integer n.",
        "public_tests": {"input": ["1\n"], "output": ["2\n"]},
        "private_tests": {"input": ["5\n", "1\n"], "output": ["6\n", "2\n"]},
        "generated_tests": {"input": ["7\n"], "output": ["8\n"]},
        "solutions": {"language": [lang for lang, _ in solutions], "solution": [src for _, src in solutions]},
        "incorrect_solutions": {"language": [lang for lang, _ in incorrect], "solution": [src for _, src in incorrect]},
        "cf_rating": 1200,
        "cf_tags": ["math", "implementation"],
        **extra,
    }


def write_problems(directory: Path) -> None:
    good = problem_record("good", [("PYTHON3", "print(int(input()) + 1)\n"), ("CPP", CPP_FILE)],
                          [("PYTHON3", "print(int(input()))\n")])  # fmt: skip
    second = problem_record("second", [("PYTHON3", "n = int(input())\nprint(n + 1)\n")],
                            [("PYTHON3", "print(0)\n"), ("UNKNOWN_LANGUAGE", "???")])  # fmt: skip
    empty = problem_record("no-solutions", [], [])
    long = problem_record("long", [("PYTHON3", "print(1)\n" * 400)], [])
    (directory / "good.json").write_text(json.dumps(good))
    (directory / "set.jsonl").write_text(json.dumps(second) + "\n" + json.dumps(empty) + "\n")
    (directory / "long.json").write_text(json.dumps(long))
    (directory / "broken.json").write_text('{"name": "broken", "description": 5}')
    (directory / "not-json.json").write_text("{")


def test_corpus_skips_bad_files_by_reason(workspace: Path) -> None:
    files, report = read_corpus([workspace / "corpus"])
    assert report.skipped == {"duplicate": 1, "over_1mb": 1, "line_over_1000_chars": 1, "binary": 1,
                              "not_utf8": 1, "empty": 1}  # fmt: skip
    assert report.kept == len(files) == 14
    assert report.counts["language:python"] == 12 and report.counts["language:cpp"] == 1
    assert report.counts["language:no-suffix"] == 1
    tokenizer = load_tokenizer(workspace / "tok")
    chunks, chunk_report = chunk_corpus(files, tokenizer, max_encoder=8, max_decoder=8)
    assert all(2 <= len(c.ids) <= 16 for c in chunks)
    # chunks of a file concatenate back to it, and only its last chunk ends the file
    per_file = tokenizer(files[0].text, add_special_tokens=False)["input_ids"]
    first = [c for c in chunks][: (len(per_file) + 15) // 16]
    assert [t for c in first for t in c.ids] == per_file and [c.ends_file for c in first][-1]


def test_finetune_examples_carry_true_metadata_and_labels(workspace: Path) -> None:
    tokenizer = load_tokenizer(workspace / "tok")
    examples, report = finetune_examples(workspace / "problems", tokenizer, max_encoder=512, max_decoder=256,
                                         value_view=False)  # fmt: skip
    assert report.skipped == {"invalid_problem_file": 2, "problem_without_solutions": 1,
                              "program_over_decoder_window": 1, "language_without_prompt_name": 1}  # fmt: skip
    assert len(report.errors) == 2 and any("broken.json" in e and "description" in e for e in report.errors)
    assert report.counts["correct"] == 3 and report.counts["incorrect"] == 2
    assert len(examples) == 5
    for example in examples:
        prompt = decode_text(tokenizer, example.encoder_ids)
        assert prompt.startswith("RATING: 1200\nTAGS: implementation,math\nLANGUAGE IS ")
        assert ("\nCORRECT SOLUTION\n" in prompt) == example.correct
        assert ("\nINCORRECT SOLUTION\n" in prompt) == (not example.correct)
        assert example.decoder_ids[0] == BOS_ID and example.decoder_ids[-1] == EOS_ID
    programs = {decode_text(tokenizer, e.decoder_ids): e.correct for e in examples}
    assert programs["print(int(input()))\n"] is False and programs["print(int(input()) + 1)\n"] is True
    cpp = [e for e in examples if "LANGUAGE IS cpp" in decode_text(tokenizer, e.encoder_ids)]
    assert len(cpp) == 1 and decode_text(tokenizer, cpp[0].decoder_ids) == CPP_FILE


def test_value_head_learns_only_under_the_header_sampling_uses(workspace: Path) -> None:
    """With the value view, a value label never comes with a header that gives it away: every labelled example
    says CORRECT SOLUTION, incorrect programs are seen twice (conditioning under INCORRECT with token loss, the
    value head under CORRECT without), and collate gives the value-only rows no token targets."""
    tokenizer = load_tokenizer(workspace / "tok")
    examples, report = finetune_examples(workspace / "problems", tokenizer, max_encoder=512, max_decoder=256)
    assert report.counts["correct"] == 3 and report.counts["incorrect"] == report.counts["value_only"] == 2
    assert len(examples) == 7
    labelled = [e for e in examples if e.correct is not None]
    assert sorted(e.correct for e in labelled) == [False, False, True, True, True]
    assert all("\nCORRECT SOLUTION\n" in decode_text(tokenizer, e.encoder_ids) for e in labelled)
    conditioned = [e for e in examples if e.token_loss]
    assert len(conditioned) == 5 and sum("\nINCORRECT SOLUTION\n" in decode_text(tokenizer, e.encoder_ids)
                                         for e in conditioned) == 2  # fmt: skip
    batch = collate(examples)
    no_targets = (batch["labels"] == -100).all(dim=1)
    assert no_targets.tolist() == [not e.token_loss for e in examples]
    assert batch["has_label"].tolist() == [e.correct is not None for e in examples]

    only_correct, report = finetune_examples(workspace / "problems", tokenizer, max_encoder=512, max_decoder=256,
                                             incorrect_solutions=False)  # value conditioning off  # fmt: skip
    assert len(only_correct) == 3 and all(e.correct and e.token_loss for e in only_correct)
    assert "incorrect" not in report.counts


def test_testgen_examples_are_distinct_inputs_of_every_split(workspace: Path) -> None:
    tokenizer = load_tokenizer(workspace / "tok")
    examples, report = build_testgen_examples(workspace / "problems", tokenizer, max_encoder=512, max_decoder=64)
    # 4 problems load; each has inputs 1, 5, 7 (the private "1" repeats the public one)
    assert report.kept == len(examples) == 12 and report.skipped == {"invalid_problem_file": 2}
    inputs = sorted(decode_text(tokenizer, e.decoder_ids) for e in examples)
    assert inputs == sorted(["1\n", "5\n", "7\n"] * 4)
    assert all(decode_text(tokenizer, e.encoder_ids).startswith("Problem ") for e in examples)


def config_text(root: Path, kind: str, run_dir: Path, **sections) -> Path:
    data = {
        "kind": kind,
        "run_dir": str(run_dir),
        "seed": 3,
        "tokenizer": {"path": str(root / "tok")},
        "data": {"sources": [str(root / "corpus")]} if kind == "pretrain" else {"problems": str(root / "problems")},
        "model": {"preset": "tiny", "max_encoder_len": 32, "max_decoder_len": 32},
        "optim": {"lr": 3e-3, "min_lr": 3e-4, "warmup_steps": 5},
        "train": {"steps": 60, "batch_size": 4, "log_every": 10, "checkpoint_every": 1000, "threads": 1},
    }
    for name, values in sections.items():
        data[name] = {**data.get(name, {}), **values}
    path = run_dir.parent / f"{run_dir.name}.yaml"
    run_dir.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data))
    return path


def run_in_subprocess(config: Path) -> subprocess.Popen:
    code = (f"import sys; from solver.training.commands import run_config; from solver.training.config import "
            f"load_config; run_config(load_config({str(config)!r}))")  # fmt: skip
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip


def test_finetuning_overfits_and_value_head_learns(workspace: Path) -> None:
    run_dir = workspace / "runs" / "overfit"
    config = config_text(workspace, "finetune", run_dir, model={"max_encoder_len": 128, "max_decoder_len": 128},
                         loss={"temperature": 0.2, "gold_start_step": 30}, train={"steps": 80})  # fmt: skip
    process = run_in_subprocess(config)
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output.decode()[-2000:]
    records = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in records] == list(range(10, 81, 10))
    assert records[-1]["token_loss"] < 0.5 * records[0]["token_loss"]
    assert records[-1]["value_loss"] < records[0]["value_loss"]
    assert all(r["value_acc"] is not None and r["tokens_per_s"] > 0 for r in records)
    saved = load_config(run_dir / "config.yaml")
    assert saved.loss.gold_start_step == 30 and saved.train.steps == 80
    assert (run_dir / "model" / "config.json").is_file() and (run_dir / "model" / "tokenizer.json").is_file()


def metrics(run_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines()]


def final_weights(run_dir: Path) -> dict[str, torch.Tensor]:
    return load_file(str(run_dir / "model" / "model.safetensors"))


def test_killed_run_resumes_to_the_same_weights(workspace: Path) -> None:
    """SIGKILL a pre-training run right after its first checkpoint appears, restart it, and compare with a run
    that was never interrupted (same config, other directory)."""
    train = {"steps": 150, "checkpoint_every": 20, "grad_accum": 2, "log_every": 5}
    loss = {"gold_start_step": 10, "temperature": 0.5}  # exercises the GOLD switch across the restart
    straight = config_text(workspace, "pretrain", workspace / "runs" / "straight", train=train, loss=loss)
    killed = config_text(workspace, "pretrain", workspace / "runs" / "killed", train=train, loss=loss)

    reference = run_in_subprocess(straight)
    victim = run_in_subprocess(killed)
    checkpoints = workspace / "runs" / "killed" / "checkpoints"
    deadline = time.monotonic() + 240
    while not (checkpoints.is_dir() and any(p.name.startswith("step-") for p in checkpoints.iterdir())):
        assert victim.poll() is None, victim.communicate()[0].decode()[-2000:]
        assert time.monotonic() < deadline, "no checkpoint appeared"
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    victim.communicate()
    assert not (workspace / "runs" / "killed" / "model").exists(), "the run finished before it could be killed"

    resumed = run_in_subprocess(killed)
    out, _ = resumed.communicate(timeout=240)
    assert resumed.returncode == 0 and b"resuming from" in out, out.decode()[-2000:]
    ref_out, _ = reference.communicate(timeout=240)
    assert reference.returncode == 0, ref_out.decode()[-2000:]

    a, b = final_weights(workspace / "runs" / "straight"), final_weights(workspace / "runs" / "killed")
    assert a.keys() == b.keys()
    for name in a:
        torch.testing.assert_close(a[name], b[name], rtol=1e-5, atol=1e-6, msg=name)
    # the metrics of the steps after the restart match too
    ref_log, killed_log = (metrics(workspace / "runs" / name) for name in ("straight", "killed"))
    assert [r["step"] for r in killed_log] == [r["step"] for r in ref_log]  # no step logged twice
    assert killed_log[-1]["loss"] == pytest.approx(ref_log[-1]["loss"], rel=1e-5)
    assert len(list(checkpoints.iterdir())) == 2  # keep_checkpoints, no temporary leftovers


def test_bad_configs_fail_with_one_line_naming_the_field(workspace: Path, tmp_path: Path) -> None:
    config = config_text(workspace, "pretrain", tmp_path / "run")
    with pytest.raises(TrainingConfigError, match=r"field 'train.stepz': unknown field"):
        load_config(config, ["train.stepz=5"])
    with pytest.raises(TrainingConfigError, match=r"field 'optim.lr'"):
        load_config(config, ["optim.lr=fast"])
    with pytest.raises(TrainingConfigError, match=r"field 'train.steps': value out of range"):
        load_config(config, ["train.steps=0"])
    assert load_config(config, ["train.steps=7", "loss.gold_start_step=2"]).train.steps == 7


def test_model_n_kv_head_makes_the_multi_head_ablation(workspace: Path, tmp_path: Path) -> None:
    """model.n_kv_head overrides the preset's single K/V head: n_head K/V heads is standard attention (MHA), with
    K/V projections n_head times wider; a value that does not divide n_head is one line naming the field."""
    from solver.training.trainer import build_model

    tokenizer = load_tokenizer(workspace / "tok")
    config = config_text(workspace, "pretrain", tmp_path / "run")
    mqa = build_model(load_config(config), tokenizer, None)
    mha = build_model(load_config(config, ["model.n_kv_head=4"]), tokenizer, None)
    assert (mqa.config.n_kv_head, mha.config.n_kv_head, mha.config.n_head) == (1, 4, 4)
    assert sum(p.numel() for p in mha.parameters()) > sum(p.numel() for p in mqa.parameters())
    with pytest.raises(TrainingConfigError, match=r"field 'model.n_kv_head': .*must divide n_head=4"):
        build_model(load_config(config, ["model.n_kv_head=3"]), tokenizer, None)


def test_testgen_model_samples_distinct_inputs(workspace: Path) -> None:
    from solver.problem import load_problem
    from solver.training.testgen import sample_test_inputs

    run_dir = workspace / "runs" / "testgen"
    config = config_text(workspace, "testgen", run_dir, model={"max_encoder_len": 64, "max_decoder_len": 16},
                         loss={"value_weight": 0.0}, train={"steps": 60, "batch_size": 6})  # fmt: skip
    process = run_in_subprocess(config)
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output.decode()[-2000:]
    problem = load_problem(workspace / "problems" / "good.json").public_view()
    inputs = sample_test_inputs(run_dir / "model", problem, n=3, seed=5)
    assert 1 <= len(inputs) <= 3 and len(set(inputs)) == len(inputs) and all(i.strip() for i in inputs)
    assert set(inputs) & {"1\n", "5\n", "7\n"}  # the overfit model reproduces training inputs
    assert sample_test_inputs(run_dir / "model", problem, n=3, seed=5) == inputs
    assert sample_test_inputs(run_dir / "model", problem, n=0, seed=5) == []


def test_length_buckets_cut_padding_and_keep_every_example_once() -> None:
    """Batches of similar length: every example once per epoch, full batches only before the last, less padding
    than a random order, and a different arrangement each epoch (same one for the same seed and epoch)."""
    rng = torch.Generator().manual_seed(0)
    lengths = torch.randint(5, 200, (1000, 2), generator=rng).tolist()
    examples = [Example(tuple(range(e)), tuple(range(d + 2)), i % 2 == 0) for i, (e, d) in enumerate(lengths)]

    def padded_tokens(dataset) -> int:
        batches = [[dataset[i] for i in range(start, min(start + 16, len(dataset)))]
                   for start in range(0, len(dataset), 16)]  # fmt: skip
        return sum(collate(b)["input_ids"].numel() + collate(b)["labels"].numel() for b in batches)

    plain, bucketed = fixed_dataset(examples, seed=3), fixed_dataset(examples, seed=3, batch_size=16)
    assert sorted(bucketed.order) == list(range(1000))
    assert padded_tokens(bucketed) < 0.85 * padded_tokens(plain)  # 0.80 measured (lengths drawn independently)
    first = list(bucketed.order)
    bucketed.set_epoch(1)
    assert bucketed.order != first and sorted(bucketed.order) == list(range(1000))
    bucketed.set_epoch(0)
    assert bucketed.order == first
