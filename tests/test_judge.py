"""Judging end to end with the real sandbox and compiler: verdicts, checkers, the CLI and the bundled problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from solver.cli import main as solve
from solver.execution import Executor, Limits, Program
from solver.judge import Verdict, judge, judge_many
from solver.problem import Checker, Language, Problem, load_problems
from solver.problem import Tests as Cases  # not "Test...": pytest would try to collect it

ROOT = Path(__file__).resolve().parent.parent
PY, CPP = Language.PYTHON3, Language.CPP


@pytest.fixture(scope="module")
def executor():
    with Executor() as ex:
        yield ex


def sum_problem(**extra) -> Problem:
    data = {
        "name": "T_A. Sum",
        "description": "Print a+b.",
        "public_tests": {"input": ["1 2\n"], "output": ["3\n"]},
        "private_tests": {"input": ["5 6\n", "1000000000000 1\n"], "output": ["11\n", "1000000000001\n"]},
        "time_limit": {"seconds": 1},
    }
    data.update(extra)
    return Problem.model_validate(data)


@pytest.mark.parametrize(
    "language, source, verdict",
    [
        (PY, "a, b = map(int, input().split())\nprint(a + b)", Verdict.OK),
        (CPP, "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<'\\n';}", Verdict.OK),
        (CPP, "#include <bits/stdc++.h>\nint main(){int a,b;std::cin>>a>>b;std::cout<<a+b<<'\\n';}", Verdict.WA),
        (PY, "print(3)", Verdict.WA),
        (PY, "while True: pass", Verdict.TLE),
        (PY, "x = [0] * 10**9", Verdict.MLE),
        (PY, "raise ValueError('boom')", Verdict.RE),
        (PY, "while True: print('y' * 1000)", Verdict.OLE),
        (CPP, "int main( { return 0; }", Verdict.CE),
    ],
)
def test_verdicts(executor, language, source, verdict):
    report = judge(executor, Program(language, source), sum_problem())
    assert report.verdict == verdict, report.tests
    if verdict == Verdict.WA:
        assert any("expected" in t.reason for t in report.tests)


def test_stop_on_failure_judges_only_until_the_first_failure(executor):
    problem = sum_problem()
    wrong = Program(PY, "print(3)")
    report = judge(executor, wrong, problem, stop_on_failure=True)
    assert [t.verdict for t in report.tests] == [Verdict.OK, Verdict.WA]
    assert report.verdict == Verdict.WA


def test_several_accepted_outputs(executor):
    tests = Cases(input=("\n",), output=(("1 2", "2 1"),))
    reports = judge_many(executor, [Program(PY, "print(2, 1)"), Program(PY, "print(1, 1)")], tests, Limits())
    assert [r.verdict for r in reports] == [Verdict.OK, Verdict.WA]


PY_CHECKER = """
import sys
n = int(open(sys.argv[1]).read())
got = open(sys.argv[3]).read().split()
ok = len(got) == 2 and all(t.lstrip('-').isdigit() for t in got) and int(got[0]) + int(got[1]) == n
if not ok:
    print("not two integers summing to", n)
sys.exit(0 if ok else 1)
"""

CPP_CHECKER = """
#include <bits/stdc++.h>
int main(int argc, char** argv) {
    std::ifstream in(argv[1]), out(argv[3]);
    long long n, a, b; in >> n;
    if (!(out >> a >> b) || a + b != n) { std::printf("wrong split\\n"); return 1; }
    std::string extra; if (out >> extra) return 1;
    return 0;
}
"""


@pytest.mark.parametrize("checker_language, checker_source", [(PY, PY_CHECKER), (CPP, CPP_CHECKER)])
def test_checker_decides(executor, checker_language, checker_source):
    problem = sum_problem(
        description="Split n into two integers.",
        public_tests={"input": ["5\n"], "output": ["2 3\n"]},
        private_tests={"input": ["10\n", "7\n"], "output": ["5 5\n", "3 4\n"]},
        checker={"language": checker_language.value, "source": checker_source},
    )
    any_split = Program(PY, "n = int(input())\nprint(n - 1, 1)")  # never equal to the expected output, yet right
    wrong = Program(PY, "n = int(input())\nprint(n, 1)")
    slow = Program(PY, "while True: pass")
    reports = judge_many(executor, [any_split, wrong, slow], problem.public_tests, Limits(time_seconds=0.5), problem.checker)
    assert [r.verdict for r in reports] == [Verdict.OK, Verdict.WA, Verdict.TLE]
    assert "checker" in reports[1].tests[0].reason


def test_a_broken_checker_is_the_judges_failure_not_the_programs(executor):
    checker = Checker(language=PY, source="raise RuntimeError('checker bug')")
    reports = judge_many(executor, [Program(PY, "print(1)")], Cases(input=("1\n",), output=("1\n",)), Limits(), checker)
    assert reports[0].verdict == Verdict.SANDBOX_ERROR


@pytest.mark.parametrize("language, source, first_error", [
    (PY, "import sys\ndef f(:\n    pass\n", "checker.py, line 2: SyntaxError"),
    (CPP, "int main(int argc, char** argv) {\n  int x = ;\n}\n", "checker.cpp:2:11: error:"),
])  # fmt: skip
def test_a_checker_that_does_not_compile_reports_its_own_first_error(executor, language, source, first_error):
    """Not the wrapper's first line ("In function 'int checker_main...'") nor a crash of the wrapper."""
    checker = Checker(language=language, source=source)
    reports = judge_many(executor, [Program(PY, "print(1)")], Cases(input=("1\n",), output=("1\n",)), Limits(), checker)
    assert reports[0].verdict == Verdict.SANDBOX_ERROR
    assert reports[0].tests[0].reason.startswith(f"checker does not compile: {first_error}"), reports[0].tests[0].reason


def test_bundled_problems_reference_solutions(executor):
    """Every correct reference solution is accepted and every incorrect one rejected, on every bundled problem."""
    problems = load_problems(ROOT / "problems" / "examples")
    kinds = set()
    for problem in problems:
        tests = Cases(
            input=problem.public_tests.input + problem.hidden_tests.input,
            output=problem.public_tests.output + problem.hidden_tests.output,
        )
        for should_pass, sols in ((True, problem.solutions), (False, problem.incorrect_solutions)):
            programs = [Program(lang, src) for lang, src in zip(sols.language, sols.solution) if lang.runnable]
            limits = Limits(time_seconds=problem.time_limit_seconds, memory_bytes=problem.memory_limit)
            for report in judge_many(executor, programs, tests, limits, problem.checker):
                assert report.accepted == should_pass, (problem.name, should_pass, report.verdict, report.tests)
                if not should_pass:
                    kinds.add(report.verdict)
    assert Verdict.TLE in kinds and Verdict.WA in kinds


def test_cli_judge_and_check(tmp_path, capsys):
    problem_file = tmp_path / "sum.json"
    problem_file.write_text(json.dumps(sum_problem().model_dump(mode="json")))
    good, bad = tmp_path / "good.py", tmp_path / "bad.cpp"
    good.write_text("a, b = map(int, input().split())\nprint(a + b)\n")
    bad.write_text("#include <cstdio>\nint main(){int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a+b);}\n")
    assert solve(["judge", str(problem_file), str(good)]) == 0
    assert solve(["judge", str(problem_file), str(bad)]) == 1
    out = capsys.readouterr().out
    assert "verdict: OK" in out and "verdict: WA" in out
    assert solve(["check", str(problem_file)]) == 0


def test_cli_bad_input_is_one_line(tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"name": "x", "description": "d", "public_tests": {"input": ["1"], "output": []}}))
    assert solve(["check", str(broken)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "broken.json" in err and "public_tests" in err
    assert solve(["judge", str(broken), str(tmp_path / "none.py")]) == 2
    assert solve(["judge", str(tmp_path / "sum.json"), str(tmp_path / "x.rb")]) == 2
