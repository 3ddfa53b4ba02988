"""`solve ablate` and `solve evaluate`: variants share samples where they can, metrics come from saved records."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import yaml
from test_batch import make_inputs

from solver.cli import main


def test_ablation_from_samples_files(tmp_path, capsys):
    problems, samples = make_inputs(tmp_path, 3, slow=False)
    experiment = tmp_path / "exp.yaml"
    experiment.write_text(yaml.safe_dump({
        "name": "smoke", "problems": str(problems), "base": {"samples_from": str(samples), "inputs": 6, "budget": 1},
        "variants": {"alphacode": {}, "random-choice": {"filtering": False, "clustering": False},
                     "smallest": {"order": "smallest"}},
        "ks": [1, 2, 3],
    }))  # fmt: skip
    out = tmp_path / "out"
    assert main(["ablate", str(experiment), "--out", str(out)]) == 0
    summary = pd.read_csv(out / "summary.csv")
    assert list(summary["variant"]) == ["alphacode", "random-choice", "smallest"]
    assert (summary["problems"] == 3).all()
    # Problem i has 3 + i % 3 programs, two of them correct: pass@1 is the mean of 2/3, 2/4 and 2/5 for every
    # variant (they share the samples).
    assert summary["pass@1"].round(4).tolist() == [round((2 / 3 + 2 / 4 + 2 / 5) / 3, 4)] * 3
    curves = pd.read_csv(out / "curves.csv")
    alphacode = curves[curves["variant"] == "alphacode"].set_index("k")["n@k"]
    plain = curves[curves["variant"] == "random-choice"].set_index("k")["n@k"]
    # One submission from three samples: filtering drops the programs that fail the examples, so it solves more.
    assert alphacode[1] == plain[1] and alphacode[3] > plain[3]
    for name in ("10_at_k.png", "pass_at_k.png", "summary.md", "configs/smallest.yaml"):
        assert (out / name).stat().st_size > 0
    assert yaml.safe_load((out / "configs" / "smallest.yaml").read_text())["order"] == "smallest"
    # evaluate recomputes the same numbers from one run's records
    assert main(["evaluate", str(out / "runs" / "alphacode"), "--ks", "1", "3"]) == 0
    overall = pd.read_csv(out / "runs" / "alphacode" / "metrics" / "overall.csv")
    assert overall["pass_at_k"].round(4).tolist()[0] == round((2 / 3 + 2 / 4 + 2 / 5) / 3, 4)
    assert set(pd.read_csv(out / "runs" / "alphacode" / "metrics" / "per_problem.csv")["problem"]) == {
        "max 0", "max 1", "max 2"}  # fmt: skip


def test_variants_share_model_samples(tiny_model_dir, tmp_path, one_torch_thread):
    example = Path(__file__).resolve().parent.parent / "problems" / "examples" / "day_and_night.json"
    experiment = tmp_path / "exp.yaml"
    experiment.write_text(yaml.safe_dump({
        "name": "model-smoke", "problems": str(example),
        "base": {"model": str(tiny_model_dir), "samples": 4, "max_new_tokens": 12, "inputs": 3},
        "variants": {"a": {}, "b": {"order": "random"}, "hot": {"temperature": 1.0}},
    }))  # fmt: skip
    out = tmp_path / "out"
    assert main(["ablate", str(experiment), "--out", str(out)]) == 0
    assert sorted(p.name for p in (out / "samples").iterdir() if p.is_dir()) == ["g0", "g1"]  # a and b share, hot samples anew
    a = [json.loads(x)["code"] for x in (out / "runs" / "a" / "samples.jsonl").read_text().splitlines()]
    b = [json.loads(x)["code"] for x in (out / "runs" / "b" / "samples.jsonl").read_text().splitlines()]
    assert a == b and len(a) == 4
    assert json.loads((out / "samples" / "groups.json").read_text()) == {"a": "g0", "b": "g0", "hot": "g1"}
    timing = json.loads((out / "samples" / "g0" / "sampling.json").read_text())
    [(name, record)] = timing.items()  # one problem: its sampling seconds and tokens, for per-CPU-minute rates
    assert name == "9002_A. Day and Night" and record["samples"] == 4 and record["seconds"] > 0
    assert 4 <= record["tokens"] <= 4 * 12
