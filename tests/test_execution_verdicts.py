"""Data-driven end-to-end cases: every program in tests/programs/ runs in the real sandbox and must get the Status
its first line announces (`# expect: TLE`, `// expect: OK stdout=15 time=2 input=large`).

All cases go through one Executor in a few `run_many` calls, so they share both cores.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pytest

from solver.execution import CompileLimits, ExecutionResult, Executor, Limits, Program, Status
from solver.problem import Language

PROGRAMS = Path(__file__).parent / "programs"
SMALL_INPUT = "5\n1 2 3 4 5\n"


def large_input() -> tuple[str, str]:
    """About 2 MB of numbers, and their sum."""
    rng = random.Random(7)
    numbers = [rng.randrange(10**6) for _ in range(300_000)]
    return f"{len(numbers)}\n{' '.join(map(str, numbers))}\n", str(sum(numbers))


@dataclass(frozen=True)
class Case:
    name: str
    program: Program
    expect: Status
    stdout: str | None
    input_kind: str
    time_seconds: float


def load_case(path: Path) -> Case:
    first = path.read_text().splitlines()[0].lstrip("#/ ").split()
    if not first or first[0] != "expect:":
        raise ValueError(f"{path}: the first line must be '# expect: STATUS [key=value ...]'")
    options = dict(item.split("=", 1) for item in first[2:])
    return Case(
        name=path.name,
        program=Program(Language.from_extension(path.suffix), path.read_text()),
        expect=Status(first[1]),
        stdout=options.get("stdout"),
        input_kind=options.get("input", "small"),
        time_seconds=float(options.get("time", "0.5")),
    )


CASES = [load_case(p) for p in sorted(PROGRAMS.glob("*.py")) + sorted(PROGRAMS.glob("*.cpp"))]


@pytest.fixture(scope="module")
def executor(tmp_path_factory: pytest.TempPathFactory):
    cache = tmp_path_factory.getbasetemp() / "execution-cache"  # shared by this session's modules: one PCH build
    with Executor(workers=2, cache_dir=cache, compile_limits=CompileLimits(seconds=10)) as ex:
        yield ex


@pytest.fixture(scope="module")
def outcomes(executor: Executor) -> dict[str, tuple[ExecutionResult, str | None]]:
    big, big_sum = large_input()
    found: dict[str, tuple[ExecutionResult, str | None]] = {}
    for seconds in sorted({c.time_seconds for c in CASES}):
        cases = [c for c in CASES if c.time_seconds == seconds]
        jobs = [(c.program, [big if c.input_kind == "large" else SMALL_INPUT]) for c in cases]
        for case, result in zip(cases, executor.run_many(jobs, Limits(time_seconds=seconds))):
            found[case.name] = (result, big_sum if case.input_kind == "large" else case.stdout)
    return found


def test_every_status_is_covered_in_both_languages():
    for status in (Status.OK, Status.TLE, Status.MLE, Status.RE, Status.OLE, Status.CE):
        languages = {c.program.language for c in CASES if c.expect == status}
        assert languages == {Language.PYTHON3, Language.CPP}, status


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_program_gets_its_expected_status(case: Case, outcomes):
    result, expected_stdout = outcomes[case.name]
    if case.expect == Status.CE:
        assert not result.compile.ok and result.runs == ()
        assert result.compile.message.strip()
        return
    assert result.compile.ok, result.compile.message
    (run,) = result.runs
    detail = f"{run.status.value}: {run.message}; stderr={run.stderr[-300:]!r}"
    assert run.status == case.expect, detail
    if expected_stdout is not None:
        assert run.stdout.decode().split() == expected_stdout.split(), detail
    if case.expect == Status.TLE:
        assert run.cpu_seconds > case.time_seconds or run.wall_seconds > Limits(case.time_seconds).wall_seconds
    if case.expect == Status.OK:
        assert run.exit_code == 0 and run.signal is None and run.cpu_seconds <= case.time_seconds
        assert 0 < run.peak_memory_bytes <= Limits().memory_bytes
