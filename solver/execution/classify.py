"""From the raw facts a fork-server reports about one run to a `RunResult` with a `Status`, and the limits it gets.

Memory is held by RLIMIT_AS (a hard wall set a little above the limit, so that interpreters and thread stacks fit)
and judged by peak resident memory, like Codeforces: a run is MLE when its peak RSS passed the limit, or when it
failed the way programs fail at the wall (Python's MemoryError, C++'s std::bad_alloc).
"""

from __future__ import annotations

import math
import resource
import signal

from solver.execution.results import MIB, STDERR_KEPT_BYTES, STDOUT_KEPT_BYTES, Limits, RunResult, Status

PYTHON_SLACK = 128 * MIB  # on top of the interpreter's own size: room for `threading.stack_size(2**27)`
BINARY_SLACK = 32 * MIB
MAX_THREADS = 64  # RLIMIT_NPROC in the sandbox (processes cannot be created at all: seccomp)
MEMORY_SIGNATURES = (b"MemoryError", b"std::bad_alloc", b"Cannot allocate memory", b"out of memory")


def child_limits(limits: Limits, kind: str, interpreter_bytes: int, private_uid: bool) -> dict[str, object]:
    """The rlimits and watchdog settings the fork-server applies to one child."""
    python = kind == "python"
    if private_uid:
        nproc = MAX_THREADS
    else:  # sharing our own uid: RLIMIT_NPROC would count all our processes
        soft, _ = resource.getrlimit(resource.RLIMIT_NPROC)
        nproc = soft if soft != resource.RLIM_INFINITY else 1 << 20
    return {
        "time": limits.time_seconds,
        "wall": limits.wall_seconds,
        "cpu": math.ceil(limits.time_seconds) + 1,  # the kernel's backstop; the server polls at finer grain
        "as": limits.memory_bytes + (interpreter_bytes + PYTHON_SLACK if python else BINARY_SLACK),
        # A binary gets an unlimited stack (bounded by AS, as a contest judge allows deep recursion) and, because of
        # that, glibc's small default thread stacks. Python's main thread is capped: threads inherit the server's.
        "stack": min(limits.memory_bytes, 1024 * MIB) if python else None,
        "fsize": limits.output_bytes + 1,  # one byte over the limit tells us the limit was passed
        "nproc": nproc,
        "keep_stdout": STDOUT_KEPT_BYTES,
        "keep_stderr": STDERR_KEPT_BYTES,
    }


def classify(facts: dict[str, object], stdout: bytes, stderr: bytes, limits: Limits) -> RunResult:
    exit_code = facts.get("exit_code")
    signum = facts.get("signal")
    cpu, wall, peak = float(facts["cpu"]), float(facts["wall"]), int(facts["maxrss"])
    stdout_size, stderr_size = int(facts["stdout_size"]), int(facts["stderr_size"])
    killed, setup_error = facts.get("killed"), facts.get("setup_error")

    def result(status: Status, message: str = "") -> RunResult:
        truncated = status == Status.OK and stdout_size > len(stdout)
        return RunResult(status, cpu, wall, peak, exit_code, signum, stdout, stderr, truncated, message)

    if setup_error:
        if "Cannot allocate memory" in str(setup_error) or "MemoryError" in str(setup_error):
            return result(Status.MLE, f"could not start within the memory limit: {setup_error}")
        return result(Status.SANDBOX_ERROR, f"sandbox setup failed: {setup_error}")
    if killed == "cpu" or cpu > limits.time_seconds or signum == signal.SIGXCPU:
        return result(Status.TLE, f"CPU time {cpu:.2f} s over the {limits.time_seconds:g} s limit")
    if killed == "wall":
        return result(Status.TLE, f"wall time over {limits.wall_seconds:g} s (sleeping or blocked)")
    if stdout_size > limits.output_bytes or stderr_size > limits.output_bytes or signum == signal.SIGXFSZ:
        return result(Status.OLE, f"output over {limits.output_bytes} bytes")
    failed = exit_code != 0
    tail = stderr[-2048:]
    if peak > limits.memory_bytes or (failed and any(sig in tail for sig in MEMORY_SIGNATURES)):
        return result(Status.MLE, f"peak memory {peak >> 20} MiB, limit {limits.memory_bytes >> 20} MiB")
    if failed:
        return result(Status.RE, f"killed by signal {signum}" if signum else f"exit code {exit_code}")
    return result(Status.OK)
