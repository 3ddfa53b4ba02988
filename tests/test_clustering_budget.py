"""The clustering stage's time budget, with real programs in the real sandbox."""

from __future__ import annotations

import pytest

from clustering.behaviour import cluster_programs
from clustering.budget import TimeBudget, run_limit, run_within_budget
from solver.execution import Executor, Limits, Program
from solver.problem import Language

# Loops forever on an input starting with 9 (an input "at the top of the range"), echoes the number otherwise.
LOOPS_ON_9 = "n = int(input())\nwhile n == 9:\n    pass\nprint(n * 2)\n"
DOUBLES = "print(int(input()) * 2)\n"
OFF_BY_ONE = "n = int(input())\nprint(n * 2 + (n == 3))\n"
CPP_DOUBLES = "#include <cstdio>\nint main() { long long n; std::scanf(\"%lld\", &n); std::printf(\"%lld\\n\", 2 * n); }\n"


@pytest.fixture(scope="module")
def executor():
    with Executor(workers=2) as ex:
        yield ex


def programs() -> dict[str, Program]:
    sources = {"loop": (Language.PYTHON3, LOOPS_ON_9), "loop2": (Language.PYTHON3, LOOPS_ON_9 + "# 2\n"),
               "dbl": (Language.PYTHON3, DOUBLES), "obo": (Language.PYTHON3, OFF_BY_ONE),
               "cpp": (Language.CPP, CPP_DOUBLES)}  # fmt: skip
    return {name: Program(language, code) for name, (language, code) in sources.items()}


def test_run_limit_from_the_examples():
    limits = Limits(time_seconds=2.0)
    assert run_limit([0.01, 0.02, 0.05], limits, TimeBudget()) == 0.5  # the floor
    assert run_limit([0.2] * 9 + [1.9], limits, TimeBudget()) == 0.6  # one slow outlier does not set it
    assert run_limit([0.5, 0.9], limits, TimeBudget()) == 2.0  # never above the problem's limit
    assert run_limit([0.01], limits, TimeBudget(factor=0)) == 2.0  # factor 0: the problem's limit
    assert run_limit([], limits, TimeBudget()) == 2.0


def test_an_input_most_of_the_probe_times_out_on_is_dropped(executor):
    inputs = ["1\n", "9\n", "3\n", "4\n"]
    probe_all = TimeBudget(probe_programs=5, slow_share=0.4)  # 2 of the 5 loop on "9"
    ran = run_within_budget(executor, programs(), inputs, Limits(time_seconds=2.0), [0.01], probe_all)
    assert ran.report.run_limit_seconds == 0.5
    assert ran.report.dropped_slow == 1 and ran.kept == (0, 2, 3)
    assert ran.report.inputs_run == 3 and ran.report.skipped_budget == 0
    assert [r.stdout for r in ran.runs["dbl"]] == [b"2\n", b"6\n", b"8\n"]
    assert [r.stdout for r in ran.runs["obo"]] == [b"2\n", b"7\n", b"8\n"]


def test_the_budget_skips_inputs_the_rest_would_not_fit(executor):
    budget = TimeBudget(total_seconds=1e-6, probe_programs=1)
    ran = run_within_budget(executor, programs(), ["1\n", "2\n", "3\n"], Limits(), [0.01], budget)
    # The probe ran, and then not one group fitted: nothing is kept, every input is reported skipped.
    assert ran.kept == () and ran.report.skipped_budget == 3 and ran.report.probe_programs == 1
    assert all(runs == () for runs in ran.runs.values())


def test_cluster_programs_with_a_budget_and_the_population_filter(executor):
    progs = programs()
    counts = {pid: 1 for pid in progs}
    behaviour = cluster_programs(
        executor, progs, counts, ["1\n", "9\n", "3\n", "5\n"], Limits(), budget=TimeBudget(probe_programs=5,
        slow_share=0.4), example_seconds=[0.01], population_filter=True, tolerance=0.1,
    )  # fmt: skip
    assert behaviour.budget is not None and behaviour.budget.dropped_slow == 1
    assert behaviour.evidence is not None and behaviour.evidence.kept == (0, 1, 2)
    biggest = behaviour.clusters[0]
    assert sorted(biggest.members) == ["cpp", "dbl", "loop", "loop2"]  # off-by-one differs on input "3"
    assert [c.members for c in behaviour.clusters[1:]] == [("obo",)]


def test_the_report_says_what_the_budget_and_the_population_dropped(tmp_path):
    import json

    from max_problem import CORRECT_CPP, CORRECT_PY, ENDS_CPP, LAST_PY, max_problem

    from solver.cli import main

    problem = tmp_path / "max.json"
    problem.write_text(max_problem().model_dump_json())
    lines = [{"language": "PYTHON3", "code": CORRECT_PY}, {"language": "CPP", "code": CORRECT_CPP},
             {"language": "CPP", "code": ENDS_CPP}, {"language": "PYTHON3", "code": LAST_PY}]  # fmt: skip
    samples = tmp_path / "s.jsonl"
    samples.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = tmp_path / "out"
    main([str(problem), "--samples-from", str(samples), "--inputs", "6", "--clustering-budget", "1e-6",
          "--workers", "2", "--out", str(out)])  # fmt: skip
    clustering = json.loads((out / "report.json").read_text())["clustering"]
    budget = clustering["budget"]
    assert budget["inputs_offered"] == 6 and budget["probe_programs"] == 4  # every program is in the probe
    assert budget["skipped_budget"] == 0 and budget["inputs_run"] == 6  # nothing was left for the budget to cut
    assert clustering["inputs"] == {"kept": 6, "dropped_crash": 0, "dropped_timeout": 0, "dropped_disagreement": 0}
    assert "clustering_budget: 1.0e-06" in (out / "config.yaml").read_text()
