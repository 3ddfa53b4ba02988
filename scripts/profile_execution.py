"""Where a sandboxed Python run's CPU time goes, by process, and what bounds it (a measurement, not a test).

    .venv/bin/python scripts/profile_execution.py [--quick] [--out results/bench/execution-profile.json]

1. By process: one pinned worker runs distinct, precompiled programs (bench_execution.py's trivial and typical
   ones) with K inputs each. CPU per run of the fork-server itself, of its children (the runs, which it reaps, so
   they add up in its cutime/cstime) and of the supervisor (this process). Three Executors used in turns (the
   machine's speed drifts): as shipped (these programs run on a worker's lean image, through the server's native run
   loop, runloop.so), without the native loop, and with every program sent to the full image.
2. The floor: a plain interpreter, no sandbox, that forks one child per run of the same programs (child: set the
   streams, exec, flush, _exit), holding the modules of a worker's full image or of its lean one (which these
   programs run on). What fork, copy-on-write faults and exit cost before any sandboxing, and how much the forked
   image's size decides.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_execution import LIMITS, PYTHON, TRIVIAL_PY, TYPICAL_PY, typical_input, variants

import solver.execution.executor as executor_module
from solver.execution import Executor
from solver.execution.forkmemory import IMAGES
from solver.problem import Language

TICKS = os.sysconf("SC_CLK_TCK")
# What the fork-server imports for itself besides an image's modules (framing, confinement, settling its memory).
MACHINERY = "ctypes select struct _signal marshal resource atexit mmap numbers".split()

FLOOR_HARNESS = r"""
import gc, importlib, io, os, sys, time
for name in sys.argv[1].split(","):
    importlib.import_module(name)
source, data, runs = open(sys.argv[2]).read(), open(sys.argv[3], "rb").read(), int(sys.argv[4])
code = compile(source, "solution.py", "exec")
stdin_fd, stdout_fd = os.memfd_create("in"), os.memfd_create("out")
os.write(stdin_fd, data)
stdin, stdout = io.open(stdin_fd, "r", closefd=False), io.open(stdout_fd, "w", closefd=False)
gc.collect()
gc.freeze()
os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
anonymous = [int(l.split()[1]) for l in open("/proc/self/smaps_rollup") if l.startswith("Anonymous")][0]
before = os.times()
for _ in range(runs):
    pid = os.fork()
    if pid == 0:
        os.lseek(stdin_fd, 0, 0)
        sys.stdin, sys.stdout = stdin, stdout
        exec(code, {"__name__": "__main__", "__builtins__": __builtins__})
        sys.stdout.flush()
        os._exit(0)
    os.waitpid(pid, 0)
    os.ftruncate(stdout_fd, 0)
    os.lseek(stdout_fd, 0, 0)
after = os.times()
parent = (after.user + after.system - before.user - before.system) / runs
children = (after.children_user + after.children_system - before.children_user - before.children_system) / runs
print(anonymous, parent * 1000, children * 1000, len(sys.modules))
"""


def process_cpu(pids: list[int]) -> tuple[float, float]:
    """(own CPU seconds, reaped children's CPU seconds) of some processes, summed."""
    own = reaped = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        utime, stime, cutime, cstime = (int(x) / TICKS for x in fields[11:15])
        own, reaped = own + utime + stime, reaped + cutime + cstime
    return own, reaped


def by_process(quick: bool) -> dict:
    rng = random.Random(1)
    cases = {
        "trivial": (TRIVIAL_PY, lambda k: ["3 4"] * k),
        "typical": (TYPICAL_PY, lambda k: [typical_input(rng) for _ in range(k)]),
    }
    sizes, repeats = ((1, 5, 16), 4) if quick else ((1, 5, 16), 8)
    found: dict = {}
    with tempfile.TemporaryDirectory() as cache:
        executors = {}
        for label in ("as shipped", "python loop", "full image"):
            built = executor_module.build_runloop
            if label == "python loop":
                executor_module.build_runloop = lambda cache_dir: None  # type: ignore[assignment]
            ex = Executor(workers=1, cache_dir=Path(cache))
            executor_module.build_runloop = built
            if label == "full image":
                ex._route = lambda source: "full"
            executors[label] = (ex, server_pids_of(ex, exclude=[p for _, pids in executors.values() for p in pids]))
        try:
            for name, (source, make_inputs) in cases.items():
                for k in sizes:
                    inputs = make_inputs(k)
                    samples: dict[str, list[tuple[float, float, float]]] = {label: [] for label in executors}
                    for repeat in range(repeats):
                        order = list(executors) if repeat % 2 == 0 else list(reversed(executors))
                        for label in order:
                            ex, pids = executors[label]
                            programs = variants(source + f"# {label} {repeat}\n", max(8, 240 // k), Language.PYTHON3)
                            for program in programs:
                                assert ex.compile(program).ok
                            server0, children0 = process_cpu(pids)
                            own0 = time.process_time()
                            ex.run_many([(p, inputs) for p in programs], LIMITS)
                            server1, children1 = process_cpu(pids)
                            runs = len(programs) * k
                            samples[label].append(((server1 - server0) / runs, (children1 - children0) / runs,
                                                   (time.process_time() - own0) / runs))  # fmt: skip
                    found.setdefault(name, {})[str(k)] = {
                        label: {part: statistics.median(s[i] for s in rows) * 1000
                                for i, part in enumerate(("server_ms", "children_ms", "supervisor_ms"))}
                        for label, rows in samples.items()
                    }  # fmt: skip
        finally:
            for ex, _ in executors.values():
                ex.close()
    return found


def server_pids_of(ex: Executor, exclude: list[int]) -> list[int]:
    """The host pids of an Executor's fork-servers (both images if it uses both), found among our descendants."""
    ex.run(variants(TRIVIAL_PY, 1, Language.PYTHON3)[0], ["1 2"], LIMITS)  # started (the image it routes to, too)
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) not in exclude:
            try:
                command = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if command[0] == PYTHON.encode() and any(b"forkserver" in part for part in command):
                found.append(int(entry))
    if not found:
        raise RuntimeError("no fork-server found")
    return found


def floor(quick: bool) -> dict:
    rng = random.Random(1)
    runs = 1000 if quick else 3000
    images = {name: sorted(set(modules + MACHINERY)) for name, modules in (("full", IMAGES["full"]),
                                                                          ("lean", IMAGES["lean"]))}  # fmt: skip
    found: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        harness = Path(folder) / "harness.py"
        harness.write_text(FLOOR_HARNESS)
        programs = {"trivial": (TRIVIAL_PY, "3 4\n"), "typical": (TYPICAL_PY, typical_input(rng))}
        for name, (source, data) in programs.items():
            (Path(folder) / "solution.py").write_text(source)
            (Path(folder) / "input.txt").write_text(data)
            for image, modules in images.items():
                samples = []
                for _ in range(2 if quick else 3):
                    command = [PYTHON, "-I", "-S", str(harness), ",".join(modules), f"{folder}/solution.py",
                               f"{folder}/input.txt", str(runs)]  # fmt: skip
                    done = subprocess.run(command, capture_output=True, text=True, check=True)
                    samples.append([float(x) for x in done.stdout.split()])
                anonymous, parent, children, loaded = (statistics.median(s[i] for s in samples) for i in range(4))
                found.setdefault(name, {})[image] = {"anonymous_kb": anonymous, "modules": loaded,
                                                     "parent_ms": parent, "children_ms": children,
                                                     "total_ms": parent + children}  # fmt: skip
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (about a minute)")
    parser.add_argument("--out", type=Path, default=Path("results/bench/execution-profile.json"))
    args = parser.parse_args()
    console = Console()
    report = {"by_process": by_process(args.quick), "floor": floor(args.quick), "quick": args.quick,
              "cpus": os.cpu_count(), "load_average_after": os.getloadavg()}  # fmt: skip
    report["command"] = " ".join(["python scripts/profile_execution.py", *sys.argv[1:]])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    table = Table(title="CPU ms per run by process (1 pinned worker, K inputs per program, medians)")
    for column in ("program", "inputs", "variant", "server", "children", "supervisor", "sum"):
        table.add_column(column, justify="right" if column not in ("program", "variant") else "left")
    for name, per_size in report["by_process"].items():
        for k, per_loop in per_size.items():
            for loop, row in per_loop.items():
                total = row["server_ms"] + row["children_ms"] + row["supervisor_ms"]
                table.add_row(name, k, loop, f"{row['server_ms']:.3f}", f"{row['children_ms']:.3f}",
                              f"{row['supervisor_ms']:.3f}", f"{total:.3f}")  # fmt: skip
    console.print(table)
    table = Table(title="The floor: fork + run + exit in a plain interpreter, CPU ms per run (medians)")
    for column in ("program", "image", "modules", "anon kB", "parent", "child", "sum"):
        table.add_column(column, justify="right" if column not in ("program", "image") else "left")
    for name, per_image in report["floor"].items():
        for image, row in per_image.items():
            table.add_row(name, image, f"{row['modules']:.0f}", f"{row['anonymous_kb']:.0f}",
                          f"{row['parent_ms']:.3f}", f"{row['children_ms']:.3f}", f"{row['total_ms']:.3f}")  # fmt: skip
    console.print(table)
    console.print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
