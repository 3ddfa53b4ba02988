"""The Executor's contract: ids, limits, stdin/stdout semantics, early stopping, ordering, compile sharing and
caching, recovery from a dead worker, and the isolation levels. Real sandbox, real compiler."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
import uuid
from pathlib import Path

import pytest

from solver.execution import CompileLimits, Executor, IsolationError, Limits, Program, Status
from solver.execution.results import STDERR_KEPT_BYTES, STDOUT_KEPT_BYTES
from solver.execution.sandbox import create_runtime_dir, image_for
from solver.problem import Language

LIMITS = Limits(time_seconds=1.0)
ECHO = Program(Language.PYTHON3, "import sys\nx = int(sys.stdin.read())\nassert x >= 0, 'negative'\nprint(x * x)")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.getbasetemp() / "execution-cache"


@pytest.fixture(scope="module")
def executor(cache_dir: Path):
    with Executor(workers=2, cache_dir=cache_dir, compile_limits=CompileLimits(seconds=15)) as ex:
        yield ex


def unique_cpp(body: str = "int main(){ long long a; std::cin >> a; std::cout << a + 1 << '\\n'; }") -> Program:
    return Program(Language.CPP, f"#include <bits/stdc++.h>\n// {uuid.uuid4().hex}\n{body}\n")


def test_program_id_is_stable_and_language_specific():
    a, b = Program(Language.PYTHON3, "print(1)"), Program(Language.PYTHON3, "print(1)")
    assert a.id == b.id and len(a.id) == 64 and a == b
    assert Program(Language.CPP, "print(1)").id != a.id
    with pytest.raises(ValueError, match="JAVA"):
        Program(Language.JAVA, "class A {}")


@pytest.mark.parametrize("kwargs, field", [
    ({"time_seconds": 0}, "time_seconds"), ({"memory_bytes": 1}, "memory_bytes"), ({"output_bytes": 0}, "output_bytes"),
])  # fmt: skip
def test_limits_reject_nonsense(kwargs, field):
    with pytest.raises(ValueError, match=field):
        Limits(**kwargs)


def test_isolation_level_is_reported(executor):
    assert executor.isolation_level == "namespaces+seccomp+rlimits"


def test_inputs_may_be_str_or_bytes_and_results_keep_input_order(executor):
    result = executor.run(ECHO, ["3", b"4", "5\n", b"6"], LIMITS)
    assert [r.stdout for r in result.runs] == [b"9\n", b"16\n", b"25\n", b"36\n"]
    assert all(r.status == Status.OK and r.exit_code == 0 and r.cpu_seconds > 0 for r in result.runs)


def test_binary_input_and_output_pass_through_untouched(executor):
    program = Program(Language.PYTHON3, "import sys\nsys.stdout.buffer.write(sys.stdin.buffer.read()[::-1])")
    data = bytes(range(256)) * 3 + b"\xff\xfe\r\n"
    assert executor.run(program, [data], LIMITS).runs[0].stdout == data[::-1]


def test_keep_going_stops_at_the_first_rejected_run(executor):
    seen: list[int] = []

    def keep_going(index: int, run) -> bool:
        seen.append(index)
        return run.status == Status.OK

    result = executor.run(ECHO, ["1", "2", "-3", "4", "5"], LIMITS, keep_going=keep_going)
    assert [r.status for r in result.runs] == [Status.OK, Status.OK, Status.RE]
    assert seen == [0, 1, 2]
    assert b"AssertionError: negative" in result.runs[2].stderr


def test_an_exception_in_keep_going_reaches_the_caller(executor):
    def keep_going(index: int, run) -> bool:
        raise KeyError("from the callback")

    with pytest.raises(KeyError, match="from the callback"):
        executor.run(ECHO, ["1", "2"], LIMITS, keep_going=keep_going)
    assert executor.run(ECHO, ["2"], LIMITS).runs[0].stdout == b"4\n"  # still usable


def test_run_many_keeps_job_order_and_reports_progress(executor):
    programs = [Program(Language.PYTHON3, f"print({k} + int(input()))") for k in range(12)]
    progress: list[int] = []
    results = executor.run_many([(p, ["100", "200"]) for p in programs], LIMITS, progress=progress.append)
    assert [r.program_id for r in results] == [p.id for p in programs]
    assert [[r.stdout for r in res.runs] for res in results] == [[f"{100 + k}\n".encode(), f"{200 + k}\n".encode()]
                                                                 for k in range(12)]  # fmt: skip
    assert progress == list(range(1, 13))


def test_each_run_is_a_fresh_interpreter(executor):
    program = Program(Language.PYTHON3, "import random, sys\nsys.counter = getattr(sys, 'counter', 0) + 1\n"
                                        "print(sys.counter, random.random())")  # fmt: skip
    outputs = [r.stdout.split() for r in executor.run(program, [""] * 6, LIMITS).runs]
    assert {o[0] for o in outputs} == {b"1"}  # nothing carried over from an earlier run
    assert len({o[1] for o in outputs}) == 6  # `random` is reseeded in every run


def test_stdout_beyond_what_is_kept_is_truncated_not_lost(executor):
    program = Program(Language.PYTHON3, f"import sys\nsys.stdout.write('a' * {STDOUT_KEPT_BYTES + 1000})\n"
                                        f"sys.stderr.write('e' * {STDERR_KEPT_BYTES * 2})")  # fmt: skip
    run = executor.run(program, [""], Limits(time_seconds=2)).runs[0]
    assert run.status == Status.OK and run.stdout_truncated
    assert len(run.stdout) == STDOUT_KEPT_BYTES and len(run.stderr) == STDERR_KEPT_BYTES
    small = executor.run(ECHO, ["7"], LIMITS).runs[0]
    assert not small.stdout_truncated


def test_output_limit_is_configurable(executor):
    program = Program(Language.PYTHON3, "print('x' * 5000)")
    assert executor.run(program, [""], Limits(output_bytes=4000)).runs[0].status == Status.OLE
    assert executor.run(program, [""], Limits(output_bytes=6000)).runs[0].status == Status.OK


def test_memory_limit_is_configurable(executor):
    program = Program(Language.PYTHON3, "block = bytearray(120 * 2**20)\nblock[::4096] = b'x' * len(block[::4096])\n"
                                        "print(len(block))")  # fmt: skip
    assert executor.run(program, [""], Limits(time_seconds=2, memory_bytes=64 * 2**20)).runs[0].status == Status.MLE
    assert executor.run(program, [""], Limits(time_seconds=2, memory_bytes=256 * 2**20)).runs[0].status == Status.OK


def test_compile_errors_give_ce_with_the_compiler_message(executor):
    result = executor.run(unique_cpp("int main() { undefined_name(); }"), ["1"], LIMITS)
    assert not result.compile.ok and result.runs == ()
    assert "undefined_name" in result.compile.message
    python = executor.run(Program(Language.PYTHON3, "print('unclosed"), ["1"], LIMITS)
    assert not python.compile.ok and "SyntaxError" in python.compile.message


def test_a_python_program_is_compiled_by_its_first_run_and_then_reused(cache_dir):
    """The first run on a worker compiles (and quotes the source in tracebacks) just like the runs that reuse it."""
    program = Program(Language.PYTHON3, "import sys\nn = int(input())\nprint(10 // n)  # the line\n")
    with Executor(workers=1, cache_dir=cache_dir) as ex:
        first = ex.run(program, ["0", "5", "0"], LIMITS)
        again = ex.run(program, ["2"], LIMITS)
        broken = ex.run(Program(Language.PYTHON3, "print(1)\nprint(2))\n"), ["", ""], LIMITS)
    assert [r.status for r in first.runs] == [Status.RE, Status.OK, Status.RE]
    assert first.runs[1].stdout == b"2\n" and again.runs[0].stdout == b"5\n"
    for run in (first.runs[0], first.runs[2]):
        assert b"ZeroDivisionError" in run.stderr and b"print(10 // n)  # the line" in run.stderr
    assert first.compile.ok and not first.compile.cached and again.compile.cached
    assert not broken.compile.ok and broken.runs == () and "SyntaxError" in broken.compile.message


def test_a_python_program_compiled_by_one_worker_is_not_compiled_again_by_another(cache_dir):
    """The code object one worker's compiler made travels with the runs, so the other worker skips compiling."""
    program = Program(Language.PYTHON3, "import os, time\ntime.sleep(0.2)\nprint(sorted(os.sched_getaffinity(0)))")
    with Executor(workers=2, cache_dir=cache_dir) as ex:
        assert ex.compile(program).ok  # on one worker
        results = ex.run_many([(program, [str(k)]) for k in range(6)], LIMITS)  # both workers take some
    assert len({r.runs[0].stdout for r in results}) == min(2, len(os.sched_getaffinity(0)))
    assert all(r.compile.ok and r.compile.cached for r in results)


@pytest.mark.parametrize(("source", "image"), [
    ("import sys\nfrom collections import Counter, deque\nimport math, heapq as hq\nimport os,io", "lean"),
    ("import threading\nfrom collections.abc import Sequence\n    import bisect  # indented", "lean"),
    ("print(input())", "lean"),
    ("import sys; import re", "full"),
    ("from typing import List", "full"),
    ("import sys\nfrom fractions import Fraction as F", "full"),
    ("import dataclasses", "full"),  # preloaded by neither, but it imports re, copy and more
    ("m = __import__('heapq')", "full"),  # imports we cannot see: the image that holds the most
])  # fmt: skip
def test_a_python_program_goes_to_the_image_that_holds_what_it_imports(source, image):
    assert image_for(source) == image


def test_each_image_runs_its_programs_with_its_own_modules_preloaded(executor):
    lean = Program(Language.PYTHON3, "import sys, collections\nprint('typing' in sys.modules, collections.deque())")
    full = Program(Language.PYTHON3, "import sys\nfrom fractions import Fraction\nprint('typing' in sys.modules)")
    runs = executor.run_many([(lean, ["", ""]), (full, ["", ""])], LIMITS)
    assert [r.stdout for r in runs[0].runs] == [b"False deque([])\n"] * 2
    assert [r.stdout for r in runs[1].runs] == [b"True\n"] * 2


def test_a_source_is_compiled_once_even_when_requested_concurrently(executor, cache_dir):
    program = unique_cpp()
    results = executor.run_many([(program, [str(k)]) for k in range(6)], LIMITS)
    assert [r.runs[0].stdout for r in results] == [f"{k + 1}\n".encode() for k in range(6)]
    first = results[0].compile
    assert first.ok and not first.cached and all(r.compile is first for r in results)
    assert executor.compile(program) is first
    binaries = [p for p in (cache_dir / "cpp").rglob("*") if p.is_file() and not p.suffix]
    with Executor(workers=1, cache_dir=cache_dir) as other:  # a new process would find it on disk
        again = other.compile(program)
        assert again.ok and again.cached
        assert other.run(program, ["41"], LIMITS).runs[0].stdout == b"42\n"
    assert [p for p in (cache_dir / "cpp").rglob("*") if p.is_file() and not p.suffix] == binaries


def test_a_killed_worker_costs_one_run_and_is_replaced(executor):
    sleeper = Program(Language.PYTHON3, "import time\ntime.sleep(1.5)\nprint('woke')")
    servers = [p for p in _descendants() if "forkserver.py" in p[1] and "bwrap" not in p[1]]
    assert len(servers) >= 2
    victim = servers[0][0]
    timer = threading.Timer(0.5, os.kill, args=(victim, signal.SIGKILL))
    timer.start()
    result = executor.run(sleeper, ["", ""], Limits(time_seconds=1.0))
    timer.join()
    statuses = sorted(r.status.value for r in result.runs)
    assert statuses == ["OK", "SANDBOX_ERROR"]
    broken = next(r for r in result.runs if r.status == Status.SANDBOX_ERROR)
    assert broken.message
    again = executor.run(ECHO, [str(k) for k in range(6)], LIMITS)
    assert all(r.status == Status.OK for r in again.runs)


def test_wall_clock_and_cpu_are_measured_separately(executor):
    sleeper = Program(Language.PYTHON3, "import time\ntime.sleep(0.3)")
    run = executor.run(sleeper, [""], LIMITS).runs[0]
    assert run.status == Status.OK and run.wall_seconds >= 0.3 and run.cpu_seconds < run.wall_seconds


def test_unknown_isolation_and_interpreter_are_rejected():
    with pytest.raises(ValueError, match="isolation"):
        Executor(isolation="chroot")
    with pytest.raises(ValueError, match="python"):
        Executor(python="python3")


def test_weak_isolation_is_refused_unless_allowed():
    with pytest.raises(IsolationError, match="allow_unsafe"):
        Executor(isolation="rlimits")


def test_weak_isolation_still_applies_limits_and_seccomp(cache_dir):
    with Executor(workers=1, isolation="rlimits", allow_unsafe=True, cache_dir=cache_dir) as ex:
        assert ex.isolation_level.startswith("rlimits+seccomp")
        assert ex.run(ECHO, ["12"], LIMITS).runs[0].stdout == b"144\n"
        attack = Program(Language.PYTHON3, "import os\nfor pid in (-1, 0, os.getppid()):\n    try:\n"
                                           "        os.kill(pid, 9)\n    except OSError:\n        print('refused')\n"
                                           "os.fork()")  # fmt: skip
        run = ex.run(attack, [""], LIMITS).runs[0]
        assert run.status == Status.RE and run.stdout == b"refused\n" * 3 and b"PermissionError" in run.stderr
        busy = Program(Language.PYTHON3, "while True:\n    pass")
        assert ex.run(busy, [""], Limits(time_seconds=0.3)).runs[0].status == Status.TLE
        assert ex.run(unique_cpp(), ["1"], LIMITS).runs[0].stdout == b"2\n"


def _descendants() -> list[tuple[int, str]]:
    parents, commands = {}, {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            status = Path(f"/proc/{entry}/status").read_text()
            commands[int(entry)] = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        parents[int(entry)] = int(next(line for line in status.splitlines() if line.startswith("PPid:")).split()[1])
    mine = []
    for pid, command in commands.items():
        ancestor = parents.get(pid, 0)
        while ancestor > 1 and ancestor != os.getpid():
            ancestor = parents.get(ancestor, 0)
        if ancestor == os.getpid():
            mine.append((pid, command))
    return mine


def test_closing_leaves_no_process_behind(cache_dir):
    before = {pid for pid, _ in _descendants()}
    with Executor(workers=2, cache_dir=cache_dir) as ex:
        ex.run(ECHO, ["1", "2"], LIMITS)
        assert {pid for pid, _ in _descendants()} - before
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and {pid for pid, _ in _descendants()} - before:
        time.sleep(0.05)
    assert {pid for pid, _ in _descendants()} - before == set()


def test_compiled_programs_run_without_the_launcher_too(cache_dir, monkeypatch):
    """Without a C compiler for the launcher, the fork-server forks itself to start binaries: same guarantees."""
    monkeypatch.setattr("solver.execution.executor.build_launcher", lambda cache: None)
    with Executor(workers=1, cache_dir=cache_dir) as ex:
        assert ex.run(unique_cpp(), ["41"], LIMITS).runs[0].stdout == b"42\n"
        attack = unique_cpp("#include <unistd.h>\n#include <csignal>\n"
                            "int main(){ printf(\"%d %d\\n\", fork(), kill(-1, 9)); }")  # fmt: skip
        run = ex.run(attack, [""], LIMITS).runs[0]
        assert run.status == Status.OK and run.stdout == b"-1 -1\n"
        busy = unique_cpp("int main(){ volatile long x = 0; while (true) x++; }")
        assert ex.run(busy, [""], Limits(time_seconds=0.3)).runs[0].status == Status.TLE
        assert ex.run(unique_cpp("int main(){ return 3; }"), [""], LIMITS).runs[0].exit_code == 3


def test_the_fork_server_runs_from_bytecode_or_from_source(cache_dir, monkeypatch):
    """Bytecode compiled by the sandbox's interpreter (a lean server); from source when there is none."""
    program = Program(Language.PYTHON3, "import sys\nprint(int(input()) * 2, file=sys.stdout)\n1 / 0\n")
    for bytecode in (True, False):
        if not bytecode:
            monkeypatch.setattr("solver.execution.executor.create_runtime_dir", lambda python: create_runtime_dir())
        with Executor(workers=1, cache_dir=cache_dir) as ex:
            assert (ex._runtime / "forkserver.pyc").exists() == bytecode
            assert (ex._runtime / "forkmemory.pyc").exists() == (ex._runtime / "forkchild.pyc").exists() == bytecode
            run = ex.run(program, ["21"], LIMITS).runs[0]
            assert run.status == Status.RE and run.stdout == b"42\n" and b"1 / 0" in run.stderr


def test_each_worker_and_its_runs_stay_on_one_cpu_unless_told_otherwise(cache_dir):
    program = Program(Language.PYTHON3, "import os, time\ntime.sleep(0.2)\nprint(sorted(os.sched_getaffinity(0)))")
    ours = sorted(os.sched_getaffinity(0))
    with Executor(workers=2, cache_dir=cache_dir) as ex:  # two chunks of 0.8 s: one for each worker
        seen = {r.stdout for r in ex.run(program, [str(k) for k in range(8)], LIMITS).runs}
    assert seen <= {f"[{cpu}]\n".encode() for cpu in ours[:2]} and len(seen) == min(2, len(ours))
    with Executor(workers=1, cache_dir=cache_dir, pin=False) as ex:
        assert ex.run(program, [""], LIMITS).runs[0].stdout == f"{ours}\n".encode()


def test_forked_runs_are_confined_the_same_without_the_native_helper(cache_dir, monkeypatch):
    """Without confine.so a forked run sets itself up in Python: same limits, same syscall policy, same streams."""
    monkeypatch.setattr("solver.execution.executor.build_confine", lambda cache: None)
    with Executor(workers=1, cache_dir=cache_dir) as ex:
        assert ex._env.confine is None
        assert ex.run(ECHO, ["7", "-1"], LIMITS).runs[0].stdout == b"49\n"
        attack = Program(Language.PYTHON3, "import os\nfor call in (os.fork, lambda: os.kill(-1, 9)):\n"
                                           "    try:\n        call()\n    except OSError as e:\n        print(e.errno)")
        assert ex.run(attack, [""], LIMITS).runs[0].stdout == b"1\n1\n"  # EPERM from the seccomp filter
        busy = Program(Language.PYTHON3, "while True:\n    pass")
        assert ex.run(busy, [""], Limits(time_seconds=0.3)).runs[0].status == Status.TLE
        hog = Program(Language.PYTHON3, "x = bytearray(400 << 20)")
        assert ex.run(hog, [""], Limits(memory_bytes=64 << 20)).runs[0].status == Status.MLE
    monkeypatch.undo()
    with Executor(workers=1, cache_dir=cache_dir) as ex:  # and with it, the same answers
        assert ex._env.confine is not None
        assert ex.run(attack, [""], LIMITS).runs[0].stdout == b"1\n1\n"


def test_a_compiled_programs_runs_are_the_same_without_the_native_run_loop(cache_dir, monkeypatch):
    """runloop.so runs the inputs of a program the server has compiled; the Python loop must give the same facts:
    statuses, output and its caps, exit codes, time limits, and a batch stopped by `keep_going` halfway."""
    program = Program(Language.PYTHON3, (
        "import sys, time\ncommand = sys.stdin.read().split()\nif command[0] == 'spin':\n    while True:\n"
        "        pass\nif command[0] == 'sleep':\n    time.sleep(5)\n"
        "if command[0] == 'exit':\n    sys.exit(int(command[1]))\n"
        "if command[0] == 'flood':\n    sys.stdout.write('y' * (1 << 22))\n    sys.stderr.write('z' * (1 << 20))\n"
        "print(command[0], file=sys.stderr)\nprint(sum(map(int, command[1:])))"))  # fmt: skip
    inputs = ["+ 1 2", "exit 3", "spin", "flood", "+ 4", "sleep", "+ x", "+ 5 6"]
    limits = Limits(time_seconds=0.3, output_bytes=2 << 20)  # wall: 1.9 s

    def facts(ex: Executor) -> list[tuple]:
        ex.compile(program)  # compiled first: every run below goes through the server's loop for compiled code
        runs = ex.run(program, inputs, limits).runs
        runs += ex.run(program, inputs, limits, keep_going=lambda i, r: i < 3).runs
        return [(r.status, r.exit_code, r.signal, r.stdout[:40], len(r.stdout), r.stderr[-20:], len(r.stderr),
                 re.sub(r"[0-9.]+", "#", r.message)) for r in runs]  # fmt: skip (times vary)

    with Executor(workers=1, cache_dir=cache_dir) as ex:
        assert ex._env.runloop is not None
        native = facts(ex)
    monkeypatch.setattr("solver.execution.executor.build_runloop", lambda cache: None)
    with Executor(workers=1, cache_dir=cache_dir) as ex:
        assert ex._env.runloop is None
        assert facts(ex) == native
    statuses = [f[0] for f in native]
    assert statuses[:8] == [Status.OK, Status.RE, Status.TLE, Status.OLE, Status.OK, Status.TLE, Status.RE, Status.OK]
    assert len(native) == 12 and native[0][3] == b"3\n" and native[1][1] == 3


def test_inputs_are_split_into_requests_of_bounded_size(executor, monkeypatch):
    monkeypatch.setattr("solver.execution.executor.MAX_REQUEST_BYTES", 3)  # about one input per request
    inputs = ["10", "11", "12", "-1", "14", "15"]
    plain = executor.run(ECHO, inputs, LIMITS)
    assert [r.stdout for r in plain.runs[:3]] == [b"100\n", b"121\n", b"144\n"] and len(plain.runs) == 6
    assert [r.status for r in plain.runs] == [Status.OK] * 3 + [Status.RE] + [Status.OK] * 2
    stopped = executor.run(ECHO, inputs, LIMITS, keep_going=lambda i, run: run.status == Status.OK)
    assert [r.status for r in stopped.runs] == [Status.OK] * 3 + [Status.RE]


def test_a_hung_worker_costs_one_run_and_is_replaced(executor, monkeypatch):
    monkeypatch.setattr("solver.execution.executor.HUNG_AFTER_SECONDS", 1.0)
    servers = [p for p in _descendants() if "forkserver.py" in p[1] and "bwrap" not in p[1]]
    for pid, _ in servers:
        os.kill(pid, signal.SIGSTOP)  # every server stops answering
    result = executor.run(ECHO, ["3", "4"], Limits(time_seconds=0.5))
    assert [r.status for r in result.runs] == [Status.SANDBOX_ERROR] * 2
    assert all("did not answer" in r.message for r in result.runs)
    assert [r.stdout for r in executor.run(ECHO, ["5", "6"], LIMITS).runs] == [b"25\n", b"36\n"]


def test_bits_stdcpp_can_be_included_twice(executor):
    """A wrapper (e.g. around a checker) may include bits/stdc++.h before the wrapped source includes it again: the
    PCH serves only the first, the header itself must be found for the second (it has no include guard)."""
    program = unique_cpp("int solution_main();\nint main() { return solution_main(); }\n#include <bits/stdc++.h>\n"
                         "int solution_main() { std::vector<int> v{3, 1, 2}; std::sort(v.begin(), v.end());"
                         " std::cout << v[0] << '\\n'; return 0; }")  # fmt: skip
    result = executor.run(program, [""], LIMITS)
    assert result.compile.ok, result.compile.message
    assert result.runs[0].stdout == b"1\n"
