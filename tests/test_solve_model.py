"""`solve PROBLEM --model DIR` end to end with a real (tiny, randomly initialised) encoder-decoder built here.

A random model writes nonsense, so this checks the plumbing with real forward passes: the plan's language split,
random metadata, scores, records, the fallback when nothing passes, and the output directory.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from solver.cli import main
from solver.model.prompt import RATINGS, load_common_tags

EXAMPLE = Path(__file__).resolve().parent.parent / "problems" / "examples" / "day_and_night.json"


def test_solve_with_own_model(tiny_model_dir, tmp_path, one_torch_thread):
    out = tmp_path / "run"
    code = main([str(EXAMPLE), "--model", str(tiny_model_dir), "--samples", "12", "--max-new-tokens", "24",
                 "--inputs", "5", "--pick", "value", "--out", str(out)])  # fmt: skip
    records = [json.loads(line) for line in (out / "samples.jsonl").read_text().splitlines()]
    assert len(records) == 12
    assert [r["language"] for r in records] == ["PYTHON3"] * 6 + ["CPP"] * 6
    tag_sets = {tuple(t) for t in load_common_tags()}
    assert all(r["prompt"]["rating"] in RATINGS and tuple(r["prompt"]["tags"]) in tag_sets for r in records)
    assert len({r["prompt"]["rating"] for r in records}) > 1  # drawn at random per sample
    assert all(0 <= r["value"] <= 1 and r["logprob_mean"] <= 0 and 1 <= r["n_tokens"] <= 24 for r in records)
    report = json.loads((out / "report.json").read_text())
    assert report["source"].startswith("alphacode:") and report["samples"]["total"] == 12
    assert sum(report["filtering"]["samples_by_verdict"].values()) == 12
    # Random token soup passes no example, so selection falls back (or has nothing to choose) and says so.
    assert report["filtering"]["passed_programs"] == 0
    chosen = report["selection"]["chosen"]
    assert code == (0 if chosen else 1)
    assert len(list((out / "submissions").iterdir())) == len(chosen)
    assert report["hidden"] is None or report["hidden"]["solved"] is False
    assert yaml.safe_load((out / "config.yaml").read_text())["model"] == str(tiny_model_dir)


def test_same_seed_same_samples(tiny_model_dir, tmp_path, one_torch_thread):
    runs = []
    for name in ("a", "b"):
        out = tmp_path / name
        main([str(EXAMPLE), "--model", str(tiny_model_dir), "--samples", "4", "--max-new-tokens", "16", "--inputs", "0",
              "--languages", "PYTHON3", "--out", str(out)])  # fmt: skip
        runs.append([json.loads(x)["code"] for x in (out / "samples.jsonl").read_text().splitlines()])
    assert runs[0] == runs[1]


def test_default_model_missing_or_bad_tiny_model_dir(tmp_path, capsys):
    not_a_model = tmp_path / "empty"
    not_a_model.mkdir()
    assert main([str(EXAMPLE), "--model", str(not_a_model)]) == 2
    err = capsys.readouterr().err
    assert "empty" in err and len(err.strip().splitlines()) == 1
