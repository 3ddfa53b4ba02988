"""Judging: run programs on a problem's tests and give each test, and each program, a verdict.

The executor says how a run ended (OK, TLE, MLE, RE, OLE, CE, SANDBOX_ERROR); judging adds WA by comparing the output
with the expected one (`solver.checking`) or by running the problem's checker in the same sandbox. One function
serves filtering (public tests only, stop at the first failure), final evaluation (hidden tests) and `solve judge`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from solver.checking import checker_own_program, checker_program, checker_stdin, compare, first_compile_error
from solver.execution import CompileResult, ExecutionResult, Executor, Limits, Program, RunResult, Status
from solver.problem import Checker, Problem, PublicProblem, Tests

# Checkers are the problem author's code and may be slow on big outputs; they get their own generous limits.
CHECKER_LIMITS = Limits(time_seconds=10.0, memory_bytes=1024 * 1024 * 1024)


class Verdict(str, enum.Enum):
    OK = "OK"
    WA = "WA"
    TLE = "TLE"
    MLE = "MLE"
    RE = "RE"
    OLE = "OLE"
    CE = "CE"
    SANDBOX_ERROR = "SANDBOX_ERROR"  # the judge failed, not the program: never counted as wrong


@dataclass(frozen=True)
class TestVerdict:
    index: int
    verdict: Verdict
    cpu_seconds: float
    wall_seconds: float
    peak_memory_bytes: int
    reason: str = ""


@dataclass(frozen=True)
class JudgeReport:
    program_id: str
    compile: CompileResult
    tests: tuple[TestVerdict, ...]
    n_tests: int  # how many tests there were; fewer are in `tests` when judging stopped at a failure

    @property
    def verdict(self) -> Verdict:
        """The first failing test's verdict, as on Codeforces; SANDBOX_ERROR only if nothing else failed."""
        if not self.compile.ok:
            return Verdict.CE
        failures = [t.verdict for t in self.tests if t.verdict not in (Verdict.OK, Verdict.SANDBOX_ERROR)]
        if failures:
            return failures[0]
        if any(t.verdict == Verdict.SANDBOX_ERROR for t in self.tests) or len(self.tests) < self.n_tests:
            return Verdict.SANDBOX_ERROR
        return Verdict.OK

    @property
    def accepted(self) -> bool:
        return self.verdict == Verdict.OK

    @property
    def max_cpu_seconds(self) -> float:
        return max((t.cpu_seconds for t in self.tests), default=0.0)

    @property
    def max_memory_bytes(self) -> int:
        return max((t.peak_memory_bytes for t in self.tests), default=0)


_STATUS_VERDICT = {
    Status.TLE: Verdict.TLE, Status.MLE: Verdict.MLE, Status.RE: Verdict.RE, Status.OLE: Verdict.OLE,
    Status.CE: Verdict.CE, Status.SANDBOX_ERROR: Verdict.SANDBOX_ERROR,
}  # fmt: skip


def limits_of(problem: Problem | PublicProblem) -> Limits:
    if isinstance(problem, Problem):
        return Limits(time_seconds=problem.time_limit_seconds, memory_bytes=problem.memory_limit)
    return Limits(time_seconds=problem.time_limit_seconds, memory_bytes=problem.memory_limit_bytes)


def _run_reason(run: RunResult) -> str:
    if run.signal:
        return f"killed by signal {run.signal}"
    if run.exit_code:
        last = run.stderr.decode("utf-8", errors="replace").strip().splitlines()
        return f"exit code {run.exit_code}" + (f": {last[-1][:120]}" if last else "")
    return ""


def _first_verdicts(tests: Tests, run_index: int, run: RunResult, checker: Checker | None) -> TestVerdict:
    """The verdict a run gets before any checker: everything except the checker's accept/reject decision."""
    fields = dict(cpu_seconds=run.cpu_seconds, wall_seconds=run.wall_seconds, peak_memory_bytes=run.peak_memory_bytes)
    if run.status != Status.OK:
        return TestVerdict(run_index, _STATUS_VERDICT[run.status], reason=_run_reason(run), **fields)
    if run.stdout_truncated:
        return TestVerdict(run_index, Verdict.OLE, reason="output over the capture limit", **fields)
    if checker is not None:
        return TestVerdict(run_index, Verdict.OK, **fields)  # provisional: the checker decides below
    result = compare(tests.output[run_index], run.stdout)
    return TestVerdict(run_index, Verdict.OK if result.ok else Verdict.WA, reason=result.reason, **fields)


def judge_many(
    executor: Executor,
    programs: Sequence[Program],
    tests: Tests,
    limits: Limits,
    checker: Checker | None = None,
    *,
    stop_on_failure: bool = False,
    progress: Callable[[int], None] | None = None,
) -> list[JudgeReport]:
    """Judge every program on every test, in parallel over the executor's workers."""
    inputs = list(tests.input)
    keep_going = None
    if stop_on_failure and checker is None:
        # Compare as results arrive so that a program stops at its first failed test (filtering's hot path).
        def keep_going(index: int, run: RunResult) -> bool:
            return _first_verdicts(tests, index, run, None).verdict == Verdict.OK

    executions = executor.run_many([(p, inputs) for p in programs], limits, keep_going=keep_going, progress=progress)
    reports = [_report(ex, tests, checker) for ex in executions]
    if checker is not None:
        reports = _apply_checker(executor, reports, executions, tests, checker)
    return reports


def _report(execution: ExecutionResult, tests: Tests, checker: Checker | None) -> JudgeReport:
    verdicts = tuple(_first_verdicts(tests, i, run, checker) for i, run in enumerate(execution.runs))
    return JudgeReport(execution.program_id, execution.compile, verdicts, n_tests=len(tests))


def _apply_checker(
    executor: Executor,
    reports: list[JudgeReport],
    executions: list[ExecutionResult],
    tests: Tests,
    checker: Checker,
) -> list[JudgeReport]:
    language, source = checker_program(checker)
    program = Program(language, source)
    pending = [
        (r, t.index)
        for r in reports
        for t in r.tests
        if t.verdict == Verdict.OK
    ]  # fmt: skip
    by_id = {ex.program_id: ex for ex in executions}
    stdins = []
    for report, index in pending:
        expected = tests.output[index]
        expected = expected if isinstance(expected, str) else expected[0]
        stdins.append(checker_stdin(tests.input[index], expected, by_id[report.program_id].runs[index].stdout))
    if not stdins:
        return reports
    failure, runs = checker_compile_error(executor, checker), ()
    if not failure:
        checked = executor.run(program, stdins, CHECKER_LIMITS)
        runs = checked.runs if checked.compile.ok else ()
        failure = "" if checked.compile.ok else first_compile_error(language, checked.compile.message)
    decisions: dict[tuple[str, int], tuple[Verdict, str]] = {}
    for (report, index), run in zip(pending, runs):
        if run.status == Status.OK:
            decisions[report.program_id, index] = (Verdict.OK, "")
        elif run.status == Status.RE and run.exit_code == 1:
            reason = run.stdout.decode("utf-8", errors="replace").strip()[:160]
            decisions[report.program_id, index] = (Verdict.WA, f"checker: {reason}" if reason else "checker rejected")
        else:
            decisions[report.program_id, index] = (Verdict.SANDBOX_ERROR, f"checker failed: {run.status.value}")
    failure = f"checker does not compile: {failure}" if failure else ""
    out = []
    for report in reports:
        tests_out = []
        for t in report.tests:
            if t.verdict == Verdict.OK:
                verdict, reason = decisions.get((report.program_id, t.index), (Verdict.SANDBOX_ERROR, failure))
                t = TestVerdict(t.index, verdict, t.cpu_seconds, t.wall_seconds, t.peak_memory_bytes, reason)
            tests_out.append(t)
        out.append(JudgeReport(report.program_id, report.compile, tuple(tests_out), report.n_tests))
    return out


def checker_compile_error(executor: Executor, checker: Checker) -> str:
    """The checker's own first compiler error, "" if it compiles (cached by the executor, so checked once)."""
    compiled = executor.compile(checker_own_program(checker))
    return "" if compiled.ok else first_compile_error(checker.language, compiled.message)


def judge(
    executor: Executor, program: Program, problem: Problem | PublicProblem, tests: Tests | None = None,
    *, stop_on_failure: bool = False,
) -> JudgeReport:  # fmt: skip
    """Judge one program; `tests` defaults to all the tests the record holds (public, then hidden)."""
    if tests is None:
        if isinstance(problem, Problem):
            hidden = problem.hidden_tests
            tests = Tests(input=problem.public_tests.input + hidden.input, output=problem.public_tests.output + hidden.output)
        else:
            tests = problem.public_tests
    return judge_many(executor, [program], tests, limits_of(problem), problem.checker, stop_on_failure=stop_on_failure)[0]
