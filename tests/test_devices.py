"""`--device` and `--dtype`: how "auto" resolves, that a GPU asked for on a machine without one is one line and exit
2 (only where a model is loaded here), and that the models sample in another dtype (bfloat16 on this CPU) and, where
there is a GPU, on it; a batch run saved before the settings existed still resumes. Bad values of either setting
are cases of test_bad_inputs.py's table."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import torch
import yaml

from solver.cli import main
from solver.errors import UsageError
from solver.model import sample_programs
from solver.model.prompt import PromptSpec
from solver.pipeline.batch import RunDirectory
from solver.pipeline.config import SolveConfig, check_device, config_yaml, resolve_device
from solver.pipeline.policy import SamplingSettings
from solver.pipeline.sampling import load_policy
from solver.problem import Language, load_problem
from solver.training.testgen import sample_test_inputs
from test_causal_policy import SUM, _model, _tokenizer
from test_generator.generate import generate_inputs
from tiny_models import VOCAB, random_ids, tiny_model

EXAMPLE = Path(__file__).resolve().parent.parent / "problems" / "examples" / "day_and_night.json"
NO_GPU = "--device cuda: no CUDA device is available (torch.cuda.is_available() is False)"
PLAN = [PromptSpec(1200, ("math",), Language.PYTHON3), PromptSpec(1500, (), Language.CPP)] * 2
SETTINGS = SamplingSettings(temperature=0.8, max_new_tokens=12, batch_size=3, seed=1)
needs_gpu = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device")


@pytest.fixture
def no_gpu(monkeypatch):
    """This machine as one without a GPU, whatever it has."""
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)


@pytest.fixture(scope="module")
def causal_dir(tmp_path_factory) -> Path:
    """A tiny random causal model (Qwen2 architecture) with its tokenizer, built as test_causal_policy builds it."""
    path = tmp_path_factory.mktemp("causal")
    tokenizer = _tokenizer()
    tokenizer.save_pretrained(path)
    _model(tokenizer, 32, seed=0).save_pretrained(path)
    return path


def well_formed(samples, plan) -> None:
    assert [s.language for s in samples] == [spec.language for spec in plan]
    for s in samples:
        assert isinstance(s.code, str) and 0 <= s.n_tokens <= SETTINGS.max_new_tokens
        assert math.isfinite(s.logprob_sum) and s.logprob_sum <= 0


# ------------------------------------------------------------------------------------------- resolution


def test_auto_is_the_cpu_in_float32_without_a_gpu_and_the_gpu_in_bfloat16_with_one(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert resolve_device() == (torch.device("cpu"), torch.float32)
    assert resolve_device("cpu", "bfloat16") == (torch.device("cpu"), torch.bfloat16)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)  # resolving touches no device
    assert resolve_device() == (torch.device("cuda"), torch.bfloat16)
    assert resolve_device("cpu") == (torch.device("cpu"), torch.float32)
    assert resolve_device("auto", "float16") == (torch.device("cuda"), torch.float16)


def test_cuda_without_a_gpu_is_one_clear_usage_error(no_gpu):
    with pytest.raises(UsageError) as error:
        resolve_device("cuda", "auto")
    assert str(error.value) == NO_GPU


def test_the_gpu_is_checked_only_when_a_model_is_loaded_here(no_gpu, tmp_path):
    with pytest.raises(UsageError, match="no CUDA device"):
        check_device(SolveConfig(device="cuda"))  # the default model
    check_device(SolveConfig(device="cuda", policy_url="http://127.0.0.1:8000/v1"))  # the server's own devices
    check_device(SolveConfig(device="cuda", samples_from=tmp_path / "s.jsonl"))
    with pytest.raises(UsageError, match="no CUDA device"):  # the test-input model still runs here
        check_device(SolveConfig(device="cuda", samples_from=tmp_path / "s.jsonl", testgen_model=tmp_path))
    check_device(SolveConfig(device="cuda", samples_from=tmp_path / "s.jsonl", testgen_model=tmp_path, testgen=False))


@pytest.mark.parametrize("command", ["solve", "batch", "serve"])
def test_cli_device_cuda_without_a_gpu_exits_2_with_one_line(command, no_gpu, tmp_path, capsys):
    argv = {
        "solve": [str(EXAMPLE), "--device", "cuda", "--out", str(tmp_path / "run")],
        "batch": ["batch", str(EXAMPLE), "--out", str(tmp_path / "run"), "--overrides", "device=cuda"],
        "serve": ["serve", str(tmp_path), "--device", "cuda", "--port", "0"],
    }[command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"solve {command}: {NO_GPU}"]
    assert not (tmp_path / "run").exists()


def test_a_batch_run_saved_before_these_settings_existed_resumes_at_their_defaults(tmp_path):
    config = SolveConfig(samples=4)
    old = {k: v for k, v in yaml.safe_load(config_yaml(config)).items() if k not in ("device", "dtype")}
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(old, sort_keys=False))
    for settings, resumes in ((config, True), (config.model_copy(update={"device": "cpu"}), False)):
        run = RunDirectory(tmp_path)
        try:
            if resumes:
                assert run.open(settings) == {}
            else:
                with pytest.raises(UsageError, match="other settings"):
                    run.open(settings)
        finally:
            run.close()


# ------------------------------------------------------------------------------------------- bfloat16 on the CPU


def test_own_model_samples_in_bfloat16_on_the_cpu(tiny_model_dir, one_torch_thread, no_gpu):
    assert load_policy(tiny_model_dir).model.dtype == torch.float32  # auto, without a GPU
    policy = load_policy(tiny_model_dir, "cpu", "bfloat16")
    assert policy.model.dtype == torch.bfloat16 and policy.model.device.type == "cpu"
    problem = load_problem(EXAMPLE).public_view()
    samples = policy.sample(problem, PLAN, SETTINGS)
    well_formed(samples, PLAN)
    assert all(0 <= s.value <= 1 for s in samples)
    assert policy.sample(problem, PLAN, SETTINGS) == samples  # seeded as in float32


def test_test_input_model_samples_in_bfloat16_and_gets_the_settings(tiny_model_dir, one_torch_thread, monkeypatch):
    problem = load_problem(EXAMPLE).public_view()
    inputs = sample_test_inputs(tiny_model_dir, problem, 3, 0, max_new_tokens=8, dtype=torch.bfloat16)
    assert all(isinstance(text, str) and text.strip() for text in inputs)
    placed = {}

    def fake(model_dir, problem, n, seed, *, device, dtype):
        placed.update(device=device, dtype=dtype)
        return []

    monkeypatch.setattr("solver.training.testgen.sample_test_inputs", fake)
    generate_inputs(problem, 2, 0, testgen_model=tiny_model_dir, device="cpu", dtype="bfloat16")
    assert placed == {"device": torch.device("cpu"), "dtype": torch.bfloat16}


def test_causal_model_samples_in_bfloat16_on_the_cpu(causal_dir, one_torch_thread):
    policy = load_policy(causal_dir, "cpu", "bfloat16")
    assert policy.model.dtype == torch.bfloat16
    well_formed(policy.sample(SUM, PLAN, SETTINGS), PLAN)  # a short statement: the tiny model's window is 1024


# ------------------------------------------------------------------------------------------- on a GPU


@needs_gpu
def test_fast_sampler_on_the_gpu_in_bfloat16():
    model = tiny_model(n_kv_head=1).to("cuda", torch.bfloat16)
    prompts = [random_ids(n, seed=n) for n in (6, 13)]
    kwargs = dict(num_samples=[3, 2], max_new_tokens=16, temperature=0.8, batch_size=4, seed=3)
    samples = sample_programs(model, prompts, **kwargs)
    assert [s.prompt_index for s in samples] == [0, 0, 0, 1, 1]
    assert all(0 <= t < VOCAB for s in samples for t in s.token_ids)
    assert all(math.isfinite(s.logprob_sum) and 0 <= s.value <= 1 for s in samples)
    assert [s.token_ids for s in sample_programs(model, prompts, **kwargs)] == [s.token_ids for s in samples]


@needs_gpu
def test_own_and_causal_policies_and_the_test_input_model_on_the_gpu(tiny_model_dir, causal_dir):
    problem = load_problem(EXAMPLE).public_view()
    for path, statement in ((tiny_model_dir, problem), (causal_dir, SUM)):
        policy = load_policy(path, "cuda", "auto")
        assert all(p.device.type == "cuda" and p.dtype == torch.bfloat16 for p in policy.model.parameters())
        well_formed(policy.sample(statement, PLAN, SETTINGS), PLAN)
    inputs = sample_test_inputs(tiny_model_dir, problem, 3, 0, max_new_tokens=8, device="cuda", dtype=torch.bfloat16)
    assert all(isinstance(text, str) and text.strip() for text in inputs)
