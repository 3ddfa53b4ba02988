"""Ending a run from outside: Ctrl-C and SIGTERM stop it cleanly, a second writer is turned away, and the executor
folders of killed processes are removed by the next run.

Real commands in real subprocesses with real sandboxes. Each command gets a TMPDIR of its own (`exec_tmpdir`), so
that the executor folder it makes can be seen; the processes it started are found through /proc.
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
from max_problem import max_problem
from test_batch import command, make_inputs

from solver.cli import main
from solver.execution.sandbox import OWNER_LOCK, create_runtime_dir, remove_runtime_dir, remove_stale_runtime_dirs

REPO = Path(__file__).resolve().parent.parent
LOOPS = [f"while True:  # {i}\n    pass\n" for i in range(8)]  # each a TLE of one second: the run is busy a while


def _start_time(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def descendants(root: int) -> dict[int, str]:
    """The processes below `root`, with their start times (to tell a pid from its reuse)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = {}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in found:
                found[pid] = _start_time(pid) or ""
                frontier.append(pid)
    return found


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True


def still_running(processes: dict[int, str]) -> list[int]:
    """The processes still alive (a zombie has ended: only its exit status waits for a parent, which under some
    init processes, such as a VM's, is collected late)."""
    return [pid for pid, start in processes.items() if _start_time(pid) == start and not _zombie(pid)]


def wait_for(condition, what: str, seconds: float = 120) -> None:
    """Poll until `condition()` holds (a guard against hanging, not a measure of speed)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def _executor_folders(tmpdir: Path) -> list[Path]:
    return sorted(tmpdir.glob("alphacode-exec-*"))


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_solve_interrupted_mid_run_exits_130_and_leaves_nothing(signum, tmp_path, exec_tmpdir):
    problem = tmp_path / "max.json"
    record = json.loads(max_problem().model_dump_json())
    problem.write_text(json.dumps({**record, "time_limit": {"seconds": 1}}))
    samples = tmp_path / "s.jsonl"
    samples.write_text("".join(json.dumps({"language": "PYTHON3", "code": code}) + "\n" for code in LOOPS))
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "solver.cli", str(problem), "--samples-from", str(samples), "--out", str(out)],
        cwd=REPO, env={**os.environ, "TMPDIR": str(exec_tmpdir)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    # Mid-run: the executor's folder is made and its sandboxes (bubblewrap and the servers in it) are running.
    wait_for(lambda: any((f / OWNER_LOCK).exists() for f in _executor_folders(exec_tmpdir)), "the executor")
    wait_for(lambda: len(descendants(process.pid)) >= 2, "the sandboxes")
    time.sleep(1.0)  # into the filtering stage, with runs under way
    started = descendants(process.pid)
    process.send_signal(signum)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert err.strip().splitlines()[-1] == "solve solve: interrupted" and "Traceback" not in err
    # Sandboxes end when their supervisor does (--die-with-parent); give the kernel a moment to tear them down.
    wait_for(lambda: still_running(started) == [], "the processes the run started to end", seconds=30)
    assert _executor_folders(exec_tmpdir) == [] and not out.exists()


def test_batch_terminated_keeps_its_records_whole_and_resumes(tmp_path, exec_tmpdir, capsys):
    problems, samples = make_inputs(tmp_path)
    out = tmp_path / "run"
    process = subprocess.Popen(command(problems, samples, out), cwd=REPO, env={**os.environ, "TMPDIR": str(exec_tmpdir)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    wait_for(lambda: (out / "problems.jsonl").exists(), "the first record")
    started = descendants(process.pid)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130 and err.strip().splitlines()[-1] == "solve batch: interrupted", err
    assert still_running(started) == [] and _executor_folders(exec_tmpdir) == []
    # The records end at the last finished problem: whole lines, and no samples past its commit point.
    finished = [json.loads(line) for line in (out / "problems.jsonl").read_text().splitlines()]
    assert (out / "samples.jsonl").stat().st_size == finished[-1]["samples_end"]
    assert main(command(problems, samples, out)[3:]) == 0
    assert f"{len(finished)} already finished" in capsys.readouterr().out.replace("\n", " ")
    names = [json.loads(line)["problem"] for line in (out / "problems.jsonl").read_text().splitlines()]
    assert sorted(names) == ["max 0", "max 1", "max 2", "max 3"]


def test_a_second_writer_is_turned_away(tmp_path, exec_tmpdir, capsys):
    problems, samples = make_inputs(tmp_path, 2)
    for i in range(2):  # three endless loops each: the first writer is busy for seconds after taking the lock
        with open(samples / f"max {i}.jsonl", "a") as f:
            f.writelines(json.dumps({"language": "PYTHON3", "code": code}) + "\n" for code in LOOPS[:3])
    out = tmp_path / "run"
    first = subprocess.Popen(command(problems, samples, out), cwd=REPO, env={**os.environ, "TMPDIR": str(exec_tmpdir)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    # Once taken, the lock file holds its holder's pid; the problem records come seconds later.
    wait_for(lambda: (out / ".lock").exists() and (out / ".lock").read_text().strip() == str(first.pid), "the lock")
    assert main(command(problems, samples, out)[3:]) == 2
    assert not (out / "problems.jsonl").exists(), "the first writer should still be at its first problem"
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(out) in err[0] and f"pid {first.pid}" in err[0], err
    _, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err
    names = [json.loads(line)["problem"] for line in (out / "problems.jsonl").read_text().splitlines()]
    assert names == ["max 0", "max 1"]  # one record each
    ids = [json.loads(line)["id"] for line in (out / "samples.jsonl").read_text().splitlines()]
    assert len(ids) == len(set(ids)) == (3 + 3) + (4 + 3)


def test_folders_of_dead_executors_are_removed_and_no_others(tmp_path, exec_tmpdir, monkeypatch):
    script = ("import sys, tempfile; tempfile.tempdir = sys.argv[1]\n"
              "from solver.execution.sandbox import create_runtime_dir\n"
              "print(create_runtime_dir(), flush=True); sys.stdin.read()")  # fmt: skip
    victim = subprocess.Popen([sys.executable, "-c", script, str(exec_tmpdir)], cwd=REPO, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    orphan = Path(victim.stdout.readline().strip())
    assert remove_stale_runtime_dirs(exec_tmpdir) == [] and orphan.is_dir()  # its owner is alive
    victim.kill()
    victim.wait()
    monkeypatch.setattr("tempfile.tempdir", str(exec_tmpdir))
    legacy = exec_tmpdir / "alphacode-exec-legacy"  # made without an owner lock: whose it is cannot be told
    legacy.mkdir()
    ours = create_runtime_dir()  # removes the orphan on its way
    try:
        assert not orphan.exists() and ours.is_dir() and legacy.is_dir()
        assert remove_stale_runtime_dirs(exec_tmpdir) == []  # ours is held
    finally:
        remove_runtime_dir(ours)
    assert _executor_folders(exec_tmpdir) == [legacy]
