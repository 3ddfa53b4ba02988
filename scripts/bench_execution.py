"""Benchmark of the execution engine against a naive judge, measured side by side in the same run.

    .venv/bin/python scripts/bench_execution.py [--quick] [--workers N] [--out results/bench/execution.json]

Measures, with every safety layer on (the Executor's strongest isolation):
- runs/s of trivial and typical Python and C++ programs over many distinct programs and inputs, next to a naive
  baseline with the same parallelism: a fresh `python3 solution.py` / a plain subprocess per run, no sandbox;
  the Python cases also with workers not pinned to CPUs (Executor's `pin=False`), interleaved with the others;
- C++ compile seconds per unique program with and without the precompiled header (medians), and the PCH build;
- the cost of a compile-cache hit (on disk, and in memory for a program the Executor has seen).
Reports medians over repeats and their ratios; writes JSON and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rich.console import Console
from rich.table import Table

from solver.execution import CompileLimits, Executor, Limits, Program, Status
from solver.execution.compiler import CppCompiler
from solver.execution.sandbox import choose_isolation, create_runtime_dir
from solver.problem import Language

PYTHON = "/usr/bin/python3"
LIMITS = Limits(time_seconds=2.0)
TARGETS = {"python_ratio": 5.0, "cpp_runs_per_second": 800.0, "compile_pch_seconds": 1.5}

TRIVIAL_PY = "a, b = map(int, input().split())\nprint(a + b)\n"
TYPICAL_PY = """import sys
from collections import Counter, defaultdict
from heapq import heappush, heappop
from bisect import bisect_left
from itertools import accumulate
import math

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:n + 1]))
    counts = Counter(x % 97 for x in a)
    prefix = list(accumulate(sorted(a)))
    heap = []
    for x in a[:200]:
        heappush(heap, -x)
    best = -heappop(heap)
    groups = defaultdict(list)
    for i, x in enumerate(a):
        groups[x % 7].append(i)
    print(prefix[-1], best, counts.most_common(1)[0][1], bisect_left(prefix, prefix[-1] // 2),
          math.gcd(*a[:50]), len(groups))

main()
"""
TRIVIAL_CPP = (
    "#include <bits/stdc++.h>\nint main(){ long long a, b; std::cin >> a >> b; std::cout << a + b << '\\n'; }\n"
)
TYPICAL_CPP = """#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    map<long long, int> counts;
    for (auto x : a) counts[x % 97]++;
    sort(a.begin(), a.end());
    vector<long long> prefix(n);
    partial_sum(a.begin(), a.end(), prefix.begin());
    priority_queue<long long> heap(a.begin(), a.begin() + min(n, 200));
    long long g = 0;
    for (int i = 0; i < min(n, 50); i++) g = __gcd(g, a[i]);
    cout << prefix.back() << ' ' << heap.top() << ' ' << counts.size() << ' ' << g << '\\n';
}
"""


def variants(source: str, count: int, language: Language) -> list[Program]:
    """Distinct programs (as a sampler would produce): same behaviour, different text, hence different ids."""
    comment = "#" if language == Language.PYTHON3 else "//"
    return [Program(language, f"{source}{comment} variant {k}\n") for k in range(count)]


def typical_input(rng: random.Random) -> str:
    n = 1000
    return f"{n}\n{' '.join(str(rng.randrange(1, 10**9)) for _ in range(n))}\n"


def sandbox_rate(ex: Executor, programs: list[Program], inputs: list[str]) -> float:
    for program in programs:
        assert ex.compile(program).ok  # compiles are measured separately
    started = time.perf_counter()
    results = ex.run_many([(p, inputs) for p in programs], LIMITS)
    elapsed = time.perf_counter() - started
    statuses = {run.status for r in results for run in r.runs}
    assert statuses == {Status.OK}, statuses
    return len(programs) * len(inputs) / elapsed


def baseline_rate(commands: list[list[str]], inputs: list[str], workers: int) -> float:
    """A naive judge: one fresh process per run, no sandbox, `workers` runs at a time."""
    jobs = [(command, data) for command in commands for data in inputs]

    def run(job: tuple[list[str], str]) -> int:
        return subprocess.run(job[0], input=job[1].encode(), capture_output=True, timeout=10).returncode

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        codes = list(pool.map(run, jobs))
    assert set(codes) == {0}
    return len(jobs) / (time.perf_counter() - started)


def baseline_commands(programs: list[Program], folder: Path, compiler: CppCompiler) -> list[list[str]]:
    commands = []
    for k, program in enumerate(programs):
        if program.language == Language.PYTHON3:
            path = folder / f"solution{k}.py"
            path.write_text(program.source)
            commands.append([PYTHON, str(path)])
        else:
            outcome = compiler.compile(program.source, slot=0)
            assert outcome.binary is not None
            commands.append([str(outcome.binary)])
    return commands


def measure_throughput(ex: Executor, unpinned: Executor, compiler: CppCompiler, workers: int, quick: bool,
                       folder: Path) -> dict:  # fmt: skip
    rng = random.Random(1)
    typical = [typical_input(rng) for _ in range(5)]
    cases = {
        "python_trivial": (TRIVIAL_PY, Language.PYTHON3, ["3 4"] * 5),
        "python_typical": (TYPICAL_PY, Language.PYTHON3, typical),
        "cpp_trivial": (TRIVIAL_CPP, Language.CPP, ["3 4"] * 5),
        "cpp_typical": (TYPICAL_CPP, Language.CPP, typical),
    }
    repeats, n_programs, n_baseline = (2, 20, 8) if quick else (4, 60, 20)
    found = {}
    for name, (source, language, inputs) in cases.items():
        programs = variants(source, n_programs, language)
        commands = baseline_commands(programs[:n_baseline], folder, compiler)
        sandbox, naive, loose = [], [], []
        for _ in range(repeats):  # interleaved, so that all see the same machine load
            sandbox.append(sandbox_rate(ex, programs, inputs))
            naive.append(baseline_rate(commands, inputs, workers))
            if language == Language.PYTHON3:  # the same runs with workers free to move between CPUs
                loose.append(sandbox_rate(unpinned, programs, inputs))
        found[name] = {
            "sandbox_runs_per_s": statistics.median(sandbox),
            "baseline_runs_per_s": statistics.median(naive),
            "ratio": statistics.median(sandbox) / statistics.median(naive),
            "sandbox_samples": sandbox,
            "baseline_samples": naive,
            "runs_per_sample": {"sandbox": len(programs) * len(inputs), "baseline": len(commands) * len(inputs)},
        }
        if loose:
            found[name] |= {"unpinned_runs_per_s": statistics.median(loose), "unpinned_samples": loose,
                            "pinned_over_unpinned": statistics.median(sandbox) / statistics.median(loose)}  # fmt: skip
    return found


def measure_compiles(quick: bool, mode: str) -> dict:
    """Seconds per unique program, one compile at a time, with and without the PCH (fresh caches)."""
    count = 3 if quick else 8
    with tempfile.TemporaryDirectory() as cache:
        runtime = create_runtime_dir()
        try:
            compiler = CppCompiler(Path(cache), runtime, mode, CompileLimits(seconds=60))
            started = time.perf_counter()
            pch_ok = compiler.ensure_pch()
            pch_build = time.perf_counter() - started
            with_pch, without = [], []
            for program in variants(TYPICAL_CPP, count, Language.CPP):
                with_pch.append(compiler.compile(program.source + "// pch\n", slot=0, use_pch=True).seconds)
                without.append(compiler.compile(program.source + "// plain\n", slot=0, use_pch=False).seconds)
            hit_source = variants(TYPICAL_CPP, 1, Language.CPP)[0].source + "// pch\n"
            lookups = []
            for _ in range(200):
                started = time.perf_counter()
                assert compiler.lookup(hit_source) is not None
                lookups.append(time.perf_counter() - started)
        finally:
            shutil.rmtree(runtime, ignore_errors=True)
    return {
        "pch_available": pch_ok,
        "pch_build_seconds": pch_build,
        "with_pch_median_s": statistics.median(with_pch),
        "without_pch_median_s": statistics.median(without),
        "speedup": statistics.median(without) / statistics.median(with_pch),
        "with_pch_samples": with_pch,
        "without_pch_samples": without,
        "cache_hit_disk_ms": statistics.median(lookups) * 1000,
    }


def measure_memory_hit(ex: Executor) -> float:
    program = variants(TRIVIAL_CPP, 1, Language.CPP)[0]
    ex.compile(program)
    samples = []
    for _ in range(200):
        started = time.perf_counter()
        ex.compile(program)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer programs and repeats (about a minute)")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--out", type=Path, default=Path("results/bench/execution.json"))
    args = parser.parse_args()
    console = Console()
    mode, _ = choose_isolation("auto", allow_unsafe=False)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder, Executor(args.workers, cache_dir=Path(folder) / "cache") as ex, \
            Executor(args.workers, cache_dir=Path(folder) / "cache", pin=False) as unpinned:  # fmt: skip
        console.print(f"isolation: {ex.isolation_level}; workers: {args.workers}")
        compiles = measure_compiles(args.quick, mode)
        throughput = measure_throughput(ex, unpinned, ex._compiler, args.workers, args.quick, Path(folder))
        memory_hit_ms = measure_memory_hit(ex)
        level = ex.isolation_level
    report = {
        "isolation_level": level,
        "workers": args.workers,
        "quick": args.quick,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": sys.version.split()[0],
                    "load_average_before": load_before, "load_average_after": os.getloadavg()},  # fmt: skip
        "throughput": throughput,
        "compile": {**compiles, "cache_hit_memory_ms": memory_hit_ms},
        "targets": {
            "python_ratio_at_least": TARGETS["python_ratio"],
            "cpp_runs_per_second_at_least": TARGETS["cpp_runs_per_second"],
            "compile_with_pch_seconds_at_most": TARGETS["compile_pch_seconds"],
            "met": {
                "python_trivial": throughput["python_trivial"]["ratio"] >= TARGETS["python_ratio"],
                "python_typical": throughput["python_typical"]["ratio"] >= TARGETS["python_ratio"],
                "cpp_trivial": throughput["cpp_trivial"]["sandbox_runs_per_s"] >= TARGETS["cpp_runs_per_second"],
                "cpp_typical": throughput["cpp_typical"]["sandbox_runs_per_s"] >= TARGETS["cpp_runs_per_second"],
                "compile_with_pch": compiles["with_pch_median_s"] <= TARGETS["compile_pch_seconds"],
            },
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report["command"] = " ".join(["python scripts/bench_execution.py", *sys.argv[1:]])
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print_tables(console, report)
    console.print(f"wrote {args.out}")


def print_tables(console: Console, report: dict) -> None:
    table = Table(title=f"Runs per second ({report['workers']} workers, {report['isolation_level']}), medians")
    for column in ("program", "sandboxed", "naive baseline", "ratio", "unpinned"):
        table.add_column(column, justify="right" if column != "program" else "left")
    for name, row in report["throughput"].items():
        loose = f"{row['unpinned_runs_per_s']:.0f}" if "unpinned_runs_per_s" in row else "-"
        table.add_row(name, f"{row['sandbox_runs_per_s']:.0f}", f"{row['baseline_runs_per_s']:.0f}",
                      f"{row['ratio']:.1f}x", loose)  # fmt: skip
    console.print(table)
    compile_ = report["compile"]
    table = Table(title="C++ compilation, medians")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("compile with PCH (s/program)", f"{compile_['with_pch_median_s']:.2f}")
    table.add_row("compile without PCH (s/program)", f"{compile_['without_pch_median_s']:.2f}")
    table.add_row("PCH speed-up", f"{compile_['speedup']:.1f}x")
    table.add_row("PCH build, once (s)", f"{compile_['pch_build_seconds']:.1f}")
    table.add_row("cache hit on disk (ms)", f"{compile_['cache_hit_disk_ms']:.3f}")
    table.add_row("cache hit in memory (ms)", f"{compile_['cache_hit_memory_ms']:.4f}")
    console.print(table)
    met = report["targets"]["met"]
    console.print("targets: " + ", ".join(f"{k} {'met' if v else 'MISSED'}" for k, v in met.items()))


if __name__ == "__main__":
    main()
