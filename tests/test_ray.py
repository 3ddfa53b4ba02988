"""`solve batch --ray local`: a real one-machine Ray cluster gives the same records as the local run."""

from __future__ import annotations

import json

import pytest

from solver.cli import main
from test_batch import make_inputs, records

pytest.importorskip("ray", reason="Ray is the optional extra .[ray] (installed by scripts/install.sh --dev)")


def test_ray_batch_matches_the_local_run(tmp_path, capsys):
    problems, samples = make_inputs(tmp_path, 3)
    args = ["batch", str(problems), "--samples-from", str(samples), "--overrides", "inputs=6"]
    assert main([*args, "--out", str(tmp_path / "local")]) == 0
    assert main([*args, "--out", str(tmp_path / "ray"), "--ray", "local"]) == 0
    assert "execution actors (namespaces" in capsys.readouterr().out.replace("\n", " ")
    local, distributed = records(tmp_path / "local"), records(tmp_path / "ray")
    by_id = lambda rows, key: sorted(rows, key=lambda r: r[key])  # noqa: E731  (completion order may differ)
    assert by_id(local[0], "id") == by_id(distributed[0], "id")
    assert by_id(local[1], "problem") == by_id(distributed[1], "problem")
    report = json.loads((tmp_path / "ray" / "problems" / "max_0" / "report.json").read_text())
    assert report["hidden"]["solved"]
