"""Safe, fast execution of untrusted contest programs (Python 3 and C++): the judge's engine.

    with Executor() as ex:                                   # one sandboxed fork-server per core
        result = ex.run(Program(Language.CPP, source), inputs, Limits(time_seconds=2))
        result.compile.ok, [run.status for run in result.runs]

Modules, in the order data flows: `results` (the vocabulary), `compiler` (C++ cache + PCH), `sandbox` (isolation
levels, workers and their images; `framing` is how they talk), `seccomp_filter` (the syscall policy, as BPF),
`forkserver` (runs inside the sandbox; `forkmemory` prepares its interpreter for forking, `forkchild` is what a forked run does, `forkloop` drives
the C run loop), `launcher`, `confine` and `runloop` (native helpers: start compiled programs, confine a forked run
in one call, run a compiled Python program's inputs), `classify` (raw facts -> Status), `executor` (scheduling over
workers).
"""

from solver.execution.compiler import CompileLimits
from solver.execution.executor import Executor
from solver.execution.results import (
    CompileResult,
    ExecutionResult,
    IsolationError,
    Limits,
    Program,
    RunResult,
    Status,
)

__all__ = [
    "CompileLimits",
    "CompileResult",
    "ExecutionResult",
    "Executor",
    "IsolationError",
    "Limits",
    "Program",
    "RunResult",
    "Status",
]
