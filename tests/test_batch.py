"""`solve batch`: a run killed with SIGKILL and started again ends with exactly an uninterrupted run's records; a
problem whose pipeline fails is recorded as failed and the others run."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from max_problem import CORRECT_CPP, CORRECT_PY, LAST_PY, MIN_PY, SYNTAX_PY, max_problem

from solver.cli import main

LOOP_PY = "while True:\n    pass\n"  # fails the examples by TLE: a second per problem, so the kill lands mid-run
TIMING_FIELDS = ("seconds",)


def make_inputs(root: Path, n_problems: int = 4, slow: bool = True) -> tuple[Path, Path]:
    """Problems "max 0".. and a samples file for each: 3 + i % 3 programs, two of them correct. `slow` puts the
    endless loop (a TLE) last in the lists of five."""
    problems, samples = root / "problems.jsonl", root / "samples"
    samples.mkdir()
    lines = []
    for i in range(n_problems):
        record = json.loads(max_problem().model_dump_json())
        record.update(name=f"max {i}", time_limit={"seconds": 1, "nanos": 0})
        lines.append(json.dumps(record))
        programs = [CORRECT_PY, CORRECT_CPP, LAST_PY, MIN_PY, LOOP_PY if slow else SYNTAX_PY][: 3 + i % 3]
        text = "".join(json.dumps({"language": "CPP" if "#include" in p else "PYTHON3", "code": p}) + "\n"
                       for p in programs)  # fmt: skip
        (samples / f"max {i}.jsonl").write_text(text)
    problems.write_text("\n".join(lines) + "\n")
    return problems, samples


def command(problems: Path, samples: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "solver.cli", "batch", str(problems), "--out", str(out), "--samples-from",
            str(samples), "--overrides", "inputs=8"]  # fmt: skip


def records(run: Path) -> tuple[list[dict], list[dict]]:
    samples = [json.loads(x) for x in (run / "samples.jsonl").read_text().splitlines()]
    problems = [json.loads(x) for x in (run / "problems.jsonl").read_text().splitlines()]
    for p in problems:
        for field in TIMING_FIELDS if p["report"] else ():
            p["report"].pop(field)
        if p["report"] and "budget" in p["report"]["clustering"]:  # measured CPU time: differs from run to run
            p["report"]["clustering"]["budget"].pop("cpu_seconds")
        p.pop("samples_end")
    return samples, problems


def test_kill_and_resume_gives_the_same_records(tmp_path, exec_tmpdir):
    problems, samples = make_inputs(tmp_path)
    whole = tmp_path / "whole"
    env = {**os.environ, "TMPDIR": str(exec_tmpdir)}
    subprocess.run(command(problems, samples, whole), check=True, capture_output=True, cwd=Path(__file__).parent.parent,
                   env=env)  # fmt: skip
    killed = tmp_path / "killed"
    process = subprocess.Popen(command(problems, samples, killed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               cwd=Path(__file__).parent.parent, env=env, start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill once the first problem is committed and the second is under way
        done = (killed / "problems.jsonl").read_text().count("\n") if (killed / "problems.jsonl").exists() else 0
        if done >= 1:
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the whole process group, sandboxes included
    process.wait()
    n_done = (killed / "problems.jsonl").read_text().count("\n")
    assert 1 <= n_done < 4, "the kill should land mid-run"
    assert list(exec_tmpdir.glob("alphacode-exec-*")), "a kill -9 cannot remove the executor's folder"
    # A write torn by the kill: half a record at the end of both files.
    with open(killed / "samples.jsonl", "a") as f:
        f.write('{"problem": "max 3", "id": "max 3/li')
    with open(killed / "problems.jsonl", "a") as f:
        f.write('{"problem": "max')
    result = subprocess.run(command(problems, samples, killed), check=False, capture_output=True, text=True,
                            cwd=Path(__file__).parent.parent, env=env)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert not list(exec_tmpdir.glob("alphacode-exec-*")), "the next run removes the folder its dead owner left"
    assert f"{n_done} already finished" in result.stdout.replace("\n", " ")
    assert records(killed) == records(whole)
    ids = [r["id"] for r in records(killed)[0]]
    assert len(ids) == len(set(ids)) == 3 + 4 + 5 + 3


def test_rerun_is_a_no_op_and_other_settings_are_refused(tmp_path, capsys):
    problems, samples = make_inputs(tmp_path, 2)
    out = tmp_path / "run"
    args = ["batch", str(problems), "--out", str(out), "--samples-from", str(samples), "--overrides", "inputs=4"]
    assert main(args) == 0
    before = (out / "samples.jsonl").read_bytes()
    assert main(args) == 0
    assert (out / "samples.jsonl").read_bytes() == before
    assert "2 already finished, 0 to run" in capsys.readouterr().out.replace("\n", " ")
    assert main([*args[:-1], "inputs=5"]) == 2
    assert "other settings" in capsys.readouterr().err


def test_missing_samples_file_skips_that_problem(tmp_path, capsys):
    problems, samples = make_inputs(tmp_path, 3)
    (samples / "max 1.jsonl").unlink()
    out = tmp_path / "run"
    assert main(["batch", str(problems), "--out", str(out), "--samples-from", str(samples), "--overrides",
                 "inputs=4"]) == 0  # fmt: skip
    assert "max 1: no samples file" in capsys.readouterr().out.replace("\n", " ")
    assert [p["problem"] for p in records(out)[1]] == ["max 0", "max 2"]
    assert main(["batch", str(problems), "--out", str(out), "--samples-from", str(samples), "--overrides",
                 "nonsense=1"]) == 2  # fmt: skip
    assert "nonsense" in capsys.readouterr().err


def test_a_failing_problem_is_recorded_and_the_run_goes_on(tmp_path, capsys):
    problems, samples = make_inputs(tmp_path, 3, slow=False)
    (samples / "max 1.jsonl").write_text("not a program\n")  # its pipeline raises: no usable program
    out = tmp_path / "run"
    args = ["batch", str(problems), "--out", str(out), "--samples-from", str(samples), "--overrides", "inputs=4",
            "judge_all=true"]  # fmt: skip
    assert main(args) == 1  # the others ran; the failure is not hidden
    assert "max 1: failed: UsageError" in capsys.readouterr().out.replace("\n", " ")
    _, finished = records(out)
    assert [p["problem"] for p in finished] == ["max 0", "max 1", "max 2"]
    assert "no usable program" in finished[1]["failed"] and finished[1]["report"] is None
    assert finished[0]["report"]["hidden"]["solved"] and finished[2]["report"]["hidden"]["solved"]
    assert {r["problem"] for r in records(out)[0]} == {"max 0", "max 2"}  # no samples for the failed one
    assert main(args) == 1 and "3 already finished, 0 to run" in capsys.readouterr().out.replace("\n", " ")
    assert main(["evaluate", str(out), "--ks", "1"]) == 0  # metrics over the problems that ran
    assert set(pd.read_csv(out / "metrics" / "per_problem.csv")["problem"]) == {"max 0", "max 2"}


def test_evaluate_reads_gzipped_records(tmp_path, capsys):
    """Large runs are committed with samples.jsonl gzipped: the metrics from the .gz copy equal the plain file's;
    `--order` scores another cluster order into its own tables; a damaged .gz is one clear line naming the file."""
    problems, samples = make_inputs(tmp_path, 2, slow=False)
    out = tmp_path / "run"
    assert main(["batch", str(problems), "--out", str(out), "--samples-from", str(samples), "--overrides",
                 "inputs=4", "judge_all=true"]) == 0  # fmt: skip
    assert main(["evaluate", str(out), "--ks", "1", "2"]) == 0
    plain = (out / "metrics" / "per_problem.csv").read_text()
    packed = out / "samples.jsonl.gz"
    packed.write_bytes(gzip.compress((out / "samples.jsonl").read_bytes()))
    (out / "samples.jsonl").unlink()
    assert main(["evaluate", str(out), "--ks", "1", "2"]) == 0
    assert (out / "metrics" / "per_problem.csv").read_text() == plain
    assert main(["evaluate", str(out), "--ks", "2", "--order", "largest"]) == 0  # another rule, own tables
    assert (out / "metrics-largest" / "per_problem.csv").is_file()
    assert (out / "metrics" / "per_problem.csv").read_text() == plain
    packed.write_bytes(packed.read_bytes()[:20])  # cut short
    capsys.readouterr()
    assert main(["evaluate", str(out), "--ks", "1"]) != 0
    assert "samples.jsonl.gz: not a readable gzip file" in capsys.readouterr().err.replace("\n", "")
