"""Benchmark of selection over many programs for one problem: filtering, generated inputs, clustering, choosing.

    .venv/bin/python scripts/bench_selection.py [--quick] [--samples N] [--workers N] [--out results/bench/selection.json]

Builds a seeded JSONL of samples for the bundled problem "Rooftop View" (10,000 by default: half Python, half C++;
see selection_samples.py for the kinds of correct and wrong programs and how they are varied and repeated), with
few distinct C++ programs since each costs ~1 s of compiling. Then it runs the real pipeline on it
(`run_pipeline` with the file as imported samples, the real sandboxed Executor on a fresh compile cache, 50
generated inputs, budget 10, default order and pick) and writes the outputs as `solve --out` would.

Every call into the executor goes through a thin timing proxy, so each stage's wall seconds split into time inside
the executor (compiles, sandboxed runs, the output comparison done on its worker threads) and everything else.
The pure-Python pieces are then timed again on their own (median of repeats), with the executor's recorded
results handed back instantly: reading the JSONL, deduplication, the judging around the runs, input generation,
signatures, exact clustering, selection, the per-sample records and report, and writing the outputs.
The issue's target: everything else together under 10% of the execution time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from selection_samples import CPP, PY, build_samples  # beside this script (its folder is first on sys.path)

from clustering.behaviour import signatures_of
from clustering.clusters import exact_clusters
from clustering.selection import select
from solver.execution import Executor, Program
from solver.judge import limits_of
from solver.pipeline.config import make_config
from solver.pipeline.filtering import filter_programs
from solver.pipeline.imported import read_samples
from solver.pipeline.output import report, sample_records, write_outputs
from solver.pipeline.sampling import collect
from solver.pipeline.solve import SolveResult, run_pipeline
from solver.problem import load_problems
from test_generator.generate import generate_inputs

PROBLEM = Path("problems/examples/rooftop_view.json")
TARGET_RATIO = 0.10
REPEATS = 3  # of each pure-Python piece timed alone

# ---------------------------------------------------------------------------------------------------------------
# Timing the executor


@dataclass
class Call:
    start: float
    seconds: float
    jobs: list[tuple[Program, Sequence[str | bytes]]]
    results: list
    keep_going: bool
    stage: str = ""

    @property
    def runs(self) -> int:
        return sum(len(r.runs) for r in self.results)


@dataclass
class TimedExecutor:
    """Forwards to the real Executor and adds up the wall seconds spent inside it, call by call."""

    inner: Executor
    calls: list[Call] = field(default_factory=list)

    @property
    def isolation_level(self) -> str:
        return self.inner.isolation_level

    def run_many(self, jobs, limits, *, keep_going=None, progress=None):
        start = time.perf_counter()
        results = self.inner.run_many(jobs, limits, keep_going=keep_going, progress=progress)
        self.calls.append(Call(start, time.perf_counter() - start, list(jobs), results, keep_going is not None))
        return results

    def run(self, program, inputs, limits, *, keep_going=None):
        return self.run_many([(program, inputs)], limits, keep_going=keep_going)[0]


@dataclass
class Replay:
    """Hands back the results the real executor gave, at once, so the caller's own work can be timed alone.
    `keep_going` is called on every run as the workers would have; the seconds it takes are kept apart."""

    calls: list[Call]
    isolation_level: str = ""
    callback_seconds: float = 0.0

    def run_many(self, jobs, limits, *, keep_going=None, progress=None):
        call = self.calls.pop(0)
        assert [p.id for p, _ in jobs] == [p.id for p, _ in call.jobs], "replayed a different call"
        if keep_going is not None:
            start = time.perf_counter()
            for result in call.results:
                for index, run in enumerate(result.runs):
                    keep_going(index, run)
            self.callback_seconds += time.perf_counter() - start
        if progress is not None:
            progress(len(jobs))
        return call.results


def timed(work: Callable[[], Any], repeats: int = REPEATS) -> tuple[float, Any]:
    """Median seconds of `work` over repeats, and its last value."""
    seconds, value = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        value = work()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), value


def assign_stages(calls: list[Call], t0: float, seconds: dict[str, float]) -> None:
    """Each executor call belongs to the stage running at its midpoint (stages run one after another; their
    recorded seconds are rounded to milliseconds, so a call's start can seem to fall just before its stage)."""
    starts, clock = [], t0
    for name, spent in seconds.items():
        if name != "total":
            starts.append((clock, name))
            clock += spent
    for call in calls:
        call.stage = [name for begin, name in starts if begin <= call.start + call.seconds / 2][-1]


# ---------------------------------------------------------------------------------------------------------------
# The benchmark


def run_benchmark(args: argparse.Namespace, folder: Path, console: Console) -> dict:
    problem = load_problems(PROBLEM)[0]
    public, limits = problem.public_view(), limits_of(problem)
    distinct = {PY: args.distinct_python, CPP: args.distinct_cpp}
    records, mix = build_samples(args.samples, distinct, args.seed)
    samples_path = folder / "samples.jsonl"
    samples_path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    console.print(f"{len(records)} samples of {PROBLEM.stem} written to {samples_path}")
    config = make_config("bench", samples_from=samples_path, inputs=50, budget=10, seed=args.seed, workers=args.workers)

    with Executor(args.workers, cache_dir=folder / "cache") as executor:
        start = time.perf_counter()  # the precompiled header is built once per cache: not part of the measurement
        assert executor.compile(Program(CPP, "#include <bits/stdc++.h>\nint main() { return 0; }\n")).ok
        warm_up = time.perf_counter() - start
        proxy = TimedExecutor(executor)
        console.print(f"isolation: {executor.isolation_level}; workers: {executor.workers}; running the pipeline")
        start = time.perf_counter()
        imported = read_samples(samples_path)
        reading = time.perf_counter() - start
        t0 = time.perf_counter()
        result = run_pipeline(problem, config, proxy, imported=imported, console=console, quiet=True)  # type: ignore[arg-type]
        # What the pipeline does between its timed stages (choosing the pool, scores, ...) counts as well.
        between = time.perf_counter() - t0 - sum(v for k, v in result.seconds.items() if k != "total")
        start = time.perf_counter()
        write_outputs(result, folder / "solve-out")
        writing = time.perf_counter() - start
        workers, isolation = executor.workers, executor.isolation_level
    assert not imported.malformed, imported.malformed[:3]
    assign_stages(proxy.calls, t0, result.seconds)

    stages = stage_table(result, proxy.calls, reading, max(0.0, between), writing)
    selection_stages = [s for s in stages if s["stage"] != "hidden"]
    total = sum(s["seconds"] for s in selection_stages)
    executor_seconds = sum(s["executor_seconds"] for s in selection_stages)
    other = total - executor_seconds
    n_samples, n_programs = len(result.samples.samples), len(result.samples.programs)
    return {
        "problem": result.problem.name,
        "isolation_level": isolation,
        "workers": workers,
        "samples": {
            "total": n_samples, "distinct_programs": n_programs, "duplicates": result.samples.n_duplicates,
            "by_language": dict(Counter(r["language"] for r in records)),
            "distinct_by_language": dict(Counter(p.language.value for p in result.samples.programs.values())),
            "sha256_of_file": sha256(samples_path), "mix": observed_mix(mix, result),
        },
        "stages": stages,
        "selection": {
            "seconds": total, "executor_seconds": executor_seconds, "other_seconds": other,
            "other_over_executor": other / executor_seconds, "target_ratio_below": TARGET_RATIO,
            "met": other / executor_seconds < TARGET_RATIO,
            "samples_per_s": n_samples / total, "programs_per_s": n_programs / total,
        },
        "compile": compile_facts(proxy.calls, warm_up),
        "runs": run_facts(proxy.calls),
        "outcome": outcome(result),
        "python_pieces": time_pieces(result, imported, proxy.calls, samples_path, folder, public, limits),
    }


def stage_table(result: SolveResult, calls: list[Call], reading: float, between: float, writing: float) -> list[dict]:
    """One row per stage: reading the file, the pipeline's own stages ("sampling" is deduplication here), the
    pipeline's work between its stages, writing the outputs."""
    n_samples, n_programs = len(result.samples.samples), len(result.samples.programs)
    handled = {"reading": n_programs, "sampling": n_programs, "filtering": n_programs, "inputs": 0,
               "clustering": len(result.behaviour.signatures), "selection": len(result.pool),
               "hidden": len(result.hidden or {}), "between stages": 0, "writing": n_programs}  # fmt: skip
    seconds = {"reading": reading, **{k: v for k, v in result.seconds.items() if k != "total"},
               "between stages": between, "writing": writing}
    rows = []
    for name, spent in seconds.items():
        mine = [c for c in calls if c.stage == name]
        inside = sum(c.seconds for c in mine)
        rows.append({
            "stage": name, "seconds": spent, "executor_seconds": inside, "other_seconds": max(0.0, spent - inside),
            "executor_calls": len(mine), "runs": sum(c.runs for c in mine), "programs": handled[name],
            "programs_per_s": handled[name] / spent if spent and handled[name] else None,
            "samples_per_s": n_samples / spent if spent and name not in ("hidden", "between stages") else None,
        })  # fmt: skip
    return rows


def compile_facts(calls: list[Call], warm_up: float) -> dict:
    """C++ compiles happen in filtering's call (the first to see each program); later calls hit the memory cache."""
    compiled = [r.compile for c in calls if c.stage == "filtering" for (p, _), r in zip(c.jobs, c.results)
                if p.language == CPP and not r.compile.cached]  # fmt: skip
    seconds = [r.seconds for r in compiled]
    return {"programs": len(compiled), "ok": sum(r.ok for r in compiled), "errors": sum(not r.ok for r in compiled),
            "worker_seconds": sum(seconds), "median_seconds": statistics.median(seconds) if seconds else None,
            "pch_and_launcher_warm_up_seconds": warm_up}  # fmt: skip


def run_facts(calls: list[Call]) -> dict:
    facts = {}
    for stage in dict.fromkeys(c.stage for c in calls):
        statuses: Counter[str] = Counter(run.status.value for c in calls if c.stage == stage for r in c.results
                                         for run in r.runs)  # fmt: skip
        cpu = sum(run.cpu_seconds for c in calls if c.stage == stage for r in c.results for run in r.runs)
        facts[stage] = {"runs": sum(statuses.values()), "by_status": dict(statuses.most_common()), "cpu_seconds": cpu}
    return facts


def observed_mix(mix: list[dict], result: SolveResult) -> list[dict]:
    """The planned mix with the verdicts each kind actually got on the examples (by sample)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for s in result.samples.samples:
        seen[s.sample.extra["kind"]][result.filtered.verdict_of(s.program_id)] += 1
    return [{**row, "observed": dict(seen[row["kind"]])} for row in mix]


def outcome(result: SolveResult) -> dict:
    kind = {s.program_id: s.sample.extra["kind"] for s in result.samples.samples}
    return {
        "passed_examples_programs": len(result.filtered.passed),
        "generated_inputs": len(result.inputs.inputs),
        "clusters": len(result.behaviour.clusters),
        "largest_cluster_sizes": [c.size for c in result.behaviour.clusters[:10]],
        "chosen_kinds": [kind[c.program_id] for c in result.choices],
        "chosen_correct_on_hidden": result.n_correct_chosen,
    }


def time_pieces(result: SolveResult, imported, calls: list[Call], samples_path: Path, folder: Path, public,
                limits) -> dict:  # fmt: skip
    """The pure-Python work, each piece alone (median of repeats), with recorded executor results replayed."""
    filtering_call = [c for c in calls if c.stage == "filtering"]
    clustering_call = [c for c in calls if c.stage == "clustering"]
    pieces: dict[str, float] = {}
    pieces["read_and_parse_jsonl"], _ = timed(lambda: read_samples(samples_path))
    pieces["dedup_collect"], samples = timed(lambda: collect(imported.samples, imported.ids))
    callbacks = []

    def judging() -> None:
        replay = Replay(list(filtering_call))
        filter_programs(replay, public, samples)  # type: ignore[arg-type]
        callbacks.append(replay.callback_seconds)

    whole, _ = timed(judging)
    pieces["output_comparison_on_worker_threads"] = statistics.median(callbacks)
    pieces["judging_around_the_runs"] = whole - pieces["output_comparison_on_worker_threads"]
    pieces["generate_inputs"], _ = timed(lambda: generate_inputs(public, 50, result.config.seed))
    programs = [p for c in clustering_call for p, _ in c.jobs]
    inputs = result.inputs.inputs
    pieces["signatures"], signatures = timed(
        lambda: signatures_of(Replay(list(clustering_call)), programs, inputs, limits))  # type: ignore[arg-type]
    pieces["exact_clusters"], _ = timed(lambda: exact_clusters(signatures, result.samples.counts))
    pieces["select"], _ = timed(lambda: select(list(result.behaviour.clusters), result.config.budget, seed=0))
    pieces["sample_records"], _ = timed(lambda: sample_records(result))
    pieces["report"], _ = timed(lambda: report(result))
    pieces["write_outputs"], _ = timed(lambda: write_outputs(result, folder / "solve-out-again"))
    n = len(result.samples.samples)
    return {name: {"seconds": s, "microseconds_per_sample": 1e6 * s / n} for name, s in pieces.items()}


def sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def uptime() -> str:
    return subprocess.run(["uptime"], check=False, capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 samples (150 + 40 distinct): a smoke test, 1-2 min")
    parser.add_argument("--samples", type=int, help="samples in the file (default 10,000; 500 with --quick)")
    parser.add_argument("--distinct-python", type=int, help="distinct Python programs (default 3,000; 150 with --quick)")
    parser.add_argument("--distinct-cpp", type=int, help="distinct C++ programs, ~1 s of compiling each "
                                                         "(default 600; 40 with --quick)")  # fmt: skip
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("results/bench/selection.json"))
    args = parser.parse_args()
    defaults = (500, 150, 40) if args.quick else (10_000, 3_000, 600)
    args.samples = args.samples or defaults[0]
    args.distinct_python = args.distinct_python or defaults[1]
    args.distinct_cpp = args.distinct_cpp or defaults[2]
    console = Console()
    load_before, uptime_before, started = os.getloadavg(), uptime(), time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="bench-selection-"))
    try:
        found = run_benchmark(args, folder, console)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report_ = {
        "quick": args.quick,
        "settings": {"samples": args.samples, "distinct_python": args.distinct_python,
                     "distinct_cpp": args.distinct_cpp, "inputs": 50, "budget": 10, "order": "largest",
                     "pick": "random", "seed": args.seed},
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": sys.version.split()[0],
                    "load_average_before": load_before, "load_average_after": os.getloadavg(),
                    "uptime_before": uptime_before, "uptime_after": uptime()},
        **found,
        "benchmark_wall_seconds": time.perf_counter() - started,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report_["command"] = " ".join(["python scripts/bench_selection.py", *sys.argv[1:]])
    args.out.write_text(json.dumps(report_, indent=2) + "\n")
    print_tables(console, report_)
    console.print(f"wrote {args.out}")


def print_tables(console: Console, rep: dict) -> None:
    s = rep["samples"]
    table = Table(title=f"{rep['problem']}: {s['total']} samples, {s['distinct_programs']} distinct "
                        f"({rep['workers']} workers, {rep['isolation_level']})")  # fmt: skip
    for column in ("stage", "s", "executor s", "other s", "runs", "prog/s", "samples/s"):
        table.add_column(column, justify="left" if column == "stage" else "right")
    rate = lambda x: "-" if x is None else f"{x:,.0f}"
    for row in rep["stages"]:
        table.add_row(row["stage"], f"{row['seconds']:.2f}", f"{row['executor_seconds']:.2f}",
                      f"{row['other_seconds']:.3f}", str(row["runs"]), rate(row["programs_per_s"]),
                      rate(row["samples_per_s"]))  # fmt: skip
    sel = rep["selection"]
    table.add_row("[b]total*[/]", f"{sel['seconds']:.2f}", f"{sel['executor_seconds']:.2f}",
                  f"{sel['other_seconds']:.3f}", "", rate(sel["programs_per_s"]), rate(sel["samples_per_s"]))
    console.print(table)
    console.print("* reading to writing, without judging the chosen programs on the hidden tests")
    pieces = Table(title="Pure-Python pieces timed alone (median of 3)")
    for column in ("piece", "seconds", "µs/sample"):
        pieces.add_column(column, justify="left" if column == "piece" else "right")
    for name, piece in rep["python_pieces"].items():
        pieces.add_row(name, f"{piece['seconds']:.4f}", f"{piece['microseconds_per_sample']:.1f}")
    console.print(pieces)
    c, o = rep["compile"], rep["outcome"]
    console.print(f"compiles: {c['programs']} C++ programs ({c['errors']} CE), {c['worker_seconds']:.0f} worker-s, "
                  f"median {c['median_seconds'] or 0:.2f} s; clusters {o['clusters']}, chosen correct on hidden "
                  f"{o['chosen_correct_on_hidden']}/{len(o['chosen_kinds'])}")  # fmt: skip
    verdict = "[green]met[/]" if sel["met"] else "[red]MISSED[/]"
    console.print(f"everything else / execution = {sel['other_over_executor']:.3f} (target < {TARGET_RATIO}): "
                  f"{verdict}; benchmark took {rep['benchmark_wall_seconds']:.0f} s")  # fmt: skip
    for row in s["mix"]:
        wrong = {k: v for k, v in row["observed"].items() if k != row["expected_verdict"]}
        if wrong:
            console.print(f"[yellow]note:[/] {row['kind']}: expected {row['expected_verdict']}, also got {wrong}")


if __name__ == "__main__":
    main()
