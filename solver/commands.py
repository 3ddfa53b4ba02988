"""The judge-side subcommands of `solve`: `check` validates problem files, `judge` runs solutions on tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from rich.console import Console
from rich.table import Table

from solver.errors import UsageError
from solver.execution import Executor, Program
from solver.execution.sandbox import MAX_WORKERS
from solver.judge import JudgeReport, Verdict, checker_compile_error, judge_many, limits_of
from solver.problem import Language, Problem, ProblemFormatError, Tests, load_problems

console = Console(highlight=False)


def _tests(problem: Problem, which: str) -> Tests:
    hidden = problem.hidden_tests
    if which == "public":
        return problem.public_tests
    if which == "hidden":
        return hidden
    return Tests(input=problem.public_tests.input + hidden.input, output=problem.public_tests.output + hidden.output)


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f}"


def _compile_checkers(path: Path, problems: Sequence[Problem]) -> None:
    """A checker that does not compile would make every test of its problem a SANDBOX_ERROR: refuse it now, with
    the checker's own first error. Needs the sandbox, so it only starts when some problem has a checker."""
    with_checkers = [p for p in problems if p.checker is not None]
    if not with_checkers:
        return
    with Executor(workers=1) as executor:
        for problem in with_checkers:
            error = checker_compile_error(executor, problem.checker)
            if error:
                raise ProblemFormatError(f"{path}: problem '{problem.name}': field 'checker.source': does not "
                                         f"compile: {error}")  # fmt: skip


def check_command(path: Path) -> int:
    """Validate problem files (a .json, a .jsonl or a directory), compile their checkers, and summarise them."""
    problems = load_problems(path)
    _compile_checkers(path, problems)
    table = Table(title=f"{len(problems)} problems in {path}")
    for column in ("name", "rating", "tags", "public", "private", "generated", "solutions py/cpp", "wrong py/cpp",
                   "limits", "checker"):  # fmt: skip
        table.add_column(column)
    for p in problems:
        table.add_row(
            p.name, str(p.cf_rating or "-"), ",".join(p.cf_tags) or "-",
            str(len(p.public_tests)), str(len(p.private_tests)), str(len(p.generated_tests)),
            f"{len(p.solutions.of(Language.PYTHON3))}/{len(p.solutions.of(Language.CPP))}",
            f"{len(p.incorrect_solutions.of(Language.PYTHON3))}/{len(p.incorrect_solutions.of(Language.CPP))}",
            f"{p.time_limit_seconds:g} s, {p.memory_limit // 2**20} MiB", p.checker.language.value if p.checker else "-",
        )  # fmt: skip
    console.print(table)
    console.print(f"all {len(problems)} problems are valid")
    return 0


def _per_test_table(problem: Problem, report: JudgeReport, title: str) -> Table:
    table = Table(title=title)
    for column in ("test", "verdict", "cpu s", "wall s", "MiB", "detail"):
        table.add_column(column)
    for t in report.tests:
        style = "green" if t.verdict == Verdict.OK else "red"
        table.add_row(str(t.index + 1), f"[{style}]{t.verdict.value}[/]", f"{t.cpu_seconds:.3f}",
                      f"{t.wall_seconds:.3f}", _mib(t.peak_memory_bytes), t.reason)  # fmt: skip
    return table


def _read_solution(solution: Path) -> Program:
    try:
        language = Language.from_extension(solution.suffix)
        return Program(language, solution.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise UsageError(f"{solution}: not UTF-8 (byte {error.start})") from None
    except (ValueError, OSError) as error:
        raise UsageError(f"{solution}: {getattr(error, 'strerror', None) or error}") from None


def _judge_one_file(executor: Executor, problem: Problem, solution: Path, program: Program, tests: Tests) -> int:
    report = judge_many(executor, [program], tests, limits_of(problem), problem.checker)[0]
    if not report.compile.ok:
        console.print(f"[red]CE[/]: compilation failed\n{report.compile.message}")
        return 1
    console.print(_per_test_table(problem, report, f"{solution.name} on {problem.name}"))
    verdict = report.verdict
    console.print(f"verdict: [{'green' if report.accepted else 'red'}]{verdict.value}[/] "
                  f"(max {report.max_cpu_seconds:.3f} s, {_mib(report.max_memory_bytes)} MiB)")  # fmt: skip
    return 0 if report.accepted else 1


def _judge_references(executor: Executor, problems: Sequence[Problem], which: str) -> int:
    """Judge every runnable solution the files hold: correct ones must be accepted, incorrect ones rejected."""
    table = Table(title="reference solutions")
    for column in ("problem", "solution", "expected", "verdict", "max cpu s", "max MiB", "ok"):
        table.add_column(column)
    mismatches = undecided = 0
    for problem in problems:
        entries = [
            (f"{kind}#{i + 1} {lang.value}", kind == "correct", Program(lang, src))
            for kind, sols in (("correct", problem.solutions), ("incorrect", problem.incorrect_solutions))
            for i, (lang, src) in enumerate(zip(sols.language, sols.solution))
            if lang.runnable
        ]  # fmt: skip
        if not entries:
            continue
        reports = judge_many(executor, [e[2] for e in entries], _tests(problem, which), limits_of(problem), problem.checker)
        for (label, should_pass, _), report in zip(entries, reports):
            verdict = report.verdict
            if verdict == Verdict.SANDBOX_ERROR:
                undecided += 1
                status = "[yellow]?[/]"
            elif report.accepted == should_pass:
                status = "[green]yes[/]"
            else:
                mismatches += 1
                status = "[red]NO[/]"
            table.add_row(problem.name, label, "accept" if should_pass else "reject", verdict.value,
                          f"{report.max_cpu_seconds:.3f}", _mib(report.max_memory_bytes), status)  # fmt: skip
    console.print(table)
    console.print(f"isolation: {executor.isolation_level}; {mismatches} mismatches, {undecided} undecided (sandbox errors)")
    return 1 if mismatches or undecided else 0


def judge_command(
    problem: Path,
    solution: Path | None = None,
    *,
    tests: Literal["all", "public", "hidden"] = "all",
    workers: int | None = None,
    allow_unsafe: bool = False,
) -> int:
    """Judge SOLUTION (.py or .cpp) on PROBLEM's tests; without SOLUTION, judge every solution the problem file(s) hold.

    Prints a per-test table (verdict, time, memory) and exits non-zero unless accepted — or, for the file's own
    solutions, unless every correct one is accepted and every incorrect one rejected.
    """
    if workers is not None and not 1 <= workers <= MAX_WORKERS:
        raise UsageError(f"--workers: must be between 1 and {MAX_WORKERS}, got {workers}")
    problems = load_problems(problem)
    if solution is not None and len(problems) != 1:
        raise UsageError(f"{problem}: holds {len(problems)} problems; judging one solution needs exactly one")
    if solution is not None and not solution.is_file():
        raise UsageError(f"{solution}: no such file")
    program = _read_solution(solution) if solution is not None else None  # before any sandbox starts
    with Executor(workers=workers, allow_unsafe=allow_unsafe) as executor:
        if solution is not None and program is not None:
            return _judge_one_file(executor, problems[0], solution, program, _tests(problems[0], tests))
        return _judge_references(executor, problems, tests)
