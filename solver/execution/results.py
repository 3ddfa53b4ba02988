"""The execution engine's vocabulary: what to run (`Program`, `Limits`) and how it ended (`RunResult` and friends).

These frozen records are the whole interface between the sandbox and the rest of the solver: the judge maps a
`Status` to a verdict after comparing output, filtering and clustering only ever see these types.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field

from solver.errors import UsageError
from solver.problem import MAX_MEMORY_LIMIT_BYTES, MAX_TIME_LIMIT_SECONDS, MIN_MEMORY_LIMIT_BYTES, Language

MIB = 1024 * 1024


class IsolationError(UsageError, RuntimeError):
    """The requested isolation is unavailable, or only weak isolation is and unsafe execution was not allowed."""


class Status(str, enum.Enum):
    """How one run ended. WA does not exist here: the judge decides it after comparing output."""

    OK = "OK"  # exited 0 within every limit
    TLE = "TLE"  # over the CPU limit, or over the wall-clock limit (sleeping, waiting)
    MLE = "MLE"  # an allocation failed at the memory limit, or the peak resident size went over it
    RE = "RE"  # nonzero exit, uncaught exception, or killed by a signal
    OLE = "OLE"  # wrote more than `Limits.output_bytes` to stdout or stderr
    CE = "CE"  # did not compile (C++), or is not valid Python
    SANDBOX_ERROR = "SANDBOX_ERROR"  # the judge failed; never the program's fault


@dataclass(frozen=True)
class Program:
    """A source file in one language; `id` is stable across processes and machines."""

    language: Language
    source: str
    id: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.language, Language):
            raise TypeError(f"Program.language must be a solver.problem.Language, not {type(self.language).__name__}")
        if not self.language.runnable:
            raise ValueError(f"Program.language {self.language.value} cannot be run (only PYTHON3 and CPP can)")
        if not isinstance(self.source, str):
            raise TypeError(f"Program.source must be str, not {type(self.source).__name__}")
        digest = hashlib.sha256(f"{self.language.value}\0{self.source}".encode("utf-8", "surrogatepass")).hexdigest()
        object.__setattr__(self, "id", digest)


@dataclass(frozen=True)
class Limits:
    """Per-run limits; the defaults are Codeforces' usual ones."""

    time_seconds: float = 2.0  # CPU seconds
    memory_bytes: int = 256 * MIB  # peak memory
    output_bytes: int = 64 * MIB  # stdout (and stderr) beyond this => OLE

    def __post_init__(self) -> None:
        if not 0 < self.time_seconds <= MAX_TIME_LIMIT_SECONDS:
            raise ValueError(f"Limits.time_seconds must be in (0, 600], got {self.time_seconds}")
        if not MIN_MEMORY_LIMIT_BYTES <= self.memory_bytes <= MAX_MEMORY_LIMIT_BYTES:
            raise ValueError(f"Limits.memory_bytes must be in [4 MiB, 64 GiB], got {self.memory_bytes}")
        if not 1 <= self.output_bytes <= 1024 * MIB:
            raise ValueError(f"Limits.output_bytes must be in [1, 1 GiB], got {self.output_bytes}")

    @property
    def wall_seconds(self) -> float:
        """Generous wall-clock limit: catches sleeping programs without punishing a busy machine."""
        return 3 * self.time_seconds + 1.0


@dataclass(frozen=True)
class RunResult:
    status: Status
    cpu_seconds: float
    wall_seconds: float
    peak_memory_bytes: int
    exit_code: int | None  # None when killed by a signal (or never started)
    signal: int | None
    stdout: bytes  # the first STDOUT_KEPT_BYTES bytes
    stderr: bytes  # the first STDERR_KEPT_BYTES bytes
    stdout_truncated: bool  # stdout was longer than what is kept (but within the output limit)
    message: str = ""  # why the judge ended the run, or what went wrong in the sandbox


@dataclass(frozen=True)
class CompileResult:
    ok: bool
    seconds: float
    cached: bool
    message: str  # compiler diagnostics, capped


@dataclass(frozen=True)
class ExecutionResult:
    program_id: str
    compile: CompileResult
    runs: tuple[RunResult, ...]  # one per input, in input order; fewer if stopped early; empty if compile failed


STDOUT_KEPT_BYTES = 16 * MIB
STDERR_KEPT_BYTES = 64 * 1024
COMPILER_MESSAGE_BYTES = 64 * 1024


def sandbox_error(message: str) -> RunResult:
    """A run the judge could not carry out."""
    return RunResult(Status.SANDBOX_ERROR, 0.0, 0.0, 0, None, None, b"", b"", False, message)
