"""Build the bundled example problems, problems/examples/<slug>.json, from their readable sources.

Each problem lives in problems/examples/src/<slug>/:

    meta.yaml       name, contest id and index, rating, tags, limits, the example inputs, which files are
                    correct solutions and what each incorrect solution is expected to get (WA or TLE)
    statement.md    legend, Input and Output sections (the Examples section is generated from meta.yaml)
    note.md         optional Note section
    gen.py          `private_inputs() -> list[str]` (deterministic, fixed seed) and `validate(text)` (raises
                    on an input that breaks the statement's constraints)
    sol.py, sol.cpp, wrong_*.py, wrong_*.cpp, optional checker.py

Expected outputs come from running the reference solution. The build then cross-checks everything and stops
with one line naming the problem, the program and the test when a check fails:

* every input satisfies the validator, ends with a newline, has no carriage returns and stays under 1.5 MB;
* every correct solution gets OK on every test within the time limit (CPU seconds);
* every incorrect solution fails at least one private test with its promised verdict; a TLE one (a correct but
  slow program) must never give a wrong answer;
* with a checker: it accepts every expected output and every correct solution's output, and rejects garbage,
  an empty output, a truncated output and a doubled output.

    .venv/bin/python scripts/build_examples.py [--only SLUG ...] [--check-only] [--python /usr/bin/python3]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from solver.checking import compare  # noqa: E402
from solver.problem import load_problems  # noqa: E402

EXAMPLES = ROOT / "problems" / "examples"
SOURCES = EXAMPLES / "src"
CODEFORCES = 2  # CodeContests' Source enum value for Codeforces
MAX_INPUT_BYTES = 1_500_000


class BuildError(RuntimeError):
    """A check failed; the message names the problem, the program and the test."""


@dataclass(frozen=True)
class Meta:
    slug: str
    name: str
    contest_id: int
    index: str
    rating: int
    tags: tuple[str, ...]
    time_limit: float
    memory_mb: int
    examples: tuple[str, ...]
    solutions: tuple[str, ...]
    incorrect: dict[str, str]  # file name -> promised verdict (WA or TLE)


@dataclass(frozen=True)
class Run:
    verdict: str
    cpu_seconds: float
    stdout: str
    reason: str = ""


def read_meta(folder: Path) -> Meta:
    path = folder / "meta.yaml"
    data = yaml.safe_load(path.read_text())
    try:
        meta = Meta(
            slug=folder.name,
            name=str(data["name"]),
            contest_id=int(data["cf_contest_id"]),
            index=str(data["cf_index"]),
            rating=int(data["cf_rating"]),
            tags=tuple(str(t) for t in data["cf_tags"]),
            time_limit=float(data["time_limit_seconds"]),
            memory_mb=int(data["memory_limit_mb"]),
            examples=tuple(str(e) for e in data["examples"]),
            solutions=tuple(str(s) for s in data["solutions"]),
            incorrect={str(k): str(v) for k, v in data["incorrect"].items()},
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BuildError(f"{path}: bad or missing field: {error}") from None
    if not meta.solutions or meta.solutions[0] != "sol.py":
        raise BuildError(f"{path}: field 'solutions' must start with the reference solution sol.py")
    for file in (*meta.solutions, *meta.incorrect):
        if not (folder / file).is_file():
            raise BuildError(f"{path}: lists {file}, which does not exist")
    for file, verdict in meta.incorrect.items():
        if verdict not in ("WA", "TLE"):
            raise BuildError(f"{path}: field 'incorrect.{file}': expected WA or TLE, got {verdict!r}")
    return meta


def load_generator(folder: Path):
    spec = importlib.util.spec_from_file_location(f"gen_{folder.name}", folder / "gen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ----------------------------------------------------------------------------------------------- running programs


class Runner:
    """Compiles each C++ source once and runs programs one at a time, so that the CPU time of the finished
    child (RUSAGE_CHILDREN before and after) is the program's own."""

    def __init__(self, python: str, workdir: Path) -> None:
        self.python = python
        self.workdir = workdir

    def command(self, source: Path) -> list[str]:
        if source.suffix == ".py":
            return [self.python, str(source)]
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
        binary = self.workdir / f"{source.stem}-{digest}"
        if not binary.exists():
            done = subprocess.run(
                ["g++", "-O2", "-std=c++17", "-o", str(binary), str(source)], capture_output=True, text=True
            )
            if done.returncode != 0:
                raise BuildError(f"{source}: does not compile: {done.stderr.strip()[:300]}")
        return [str(binary)]

    def run(self, source: Path, stdin: str, time_limit: float, memory_mb: int) -> Run:
        command = self.command(source)

        def limit_memory() -> None:
            size = memory_mb * 2**20
            resource.setrlimit(resource.RLIMIT_AS, (size, size))

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limit_memory
        )
        try:
            out, err = proc.communicate(stdin.encode(), timeout=2.5 * time_limit + 0.5)
            timed_out = False
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            timed_out = True
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if timed_out or cpu > time_limit:
            return Run("TLE", cpu, "")
        if proc.returncode != 0:
            return Run("RE", cpu, "", err.decode(errors="replace").strip()[-200:])
        return Run("OK", cpu, out.decode(errors="replace"))


def run_checker(runner: Runner, checker: Path, test_input: str, expected: str, output: str) -> tuple[bool, str]:
    with tempfile.TemporaryDirectory() as scratch:
        paths = [Path(scratch, name) for name in ("input.txt", "expected.txt", "output.txt")]
        for path, text in zip(paths, (test_input, expected, output)):
            path.write_text(text)
        done = subprocess.run(
            [runner.python, str(checker), *map(str, paths)], capture_output=True, text=True, timeout=60
        )
    if done.returncode not in (0, 1):
        raise BuildError(f"{checker}: crashed (exit {done.returncode}): {done.stderr.strip()[-300:]}")
    return done.returncode == 0, done.stdout.strip()[:160]


# ------------------------------------------------------------------------------------------------------ building


def judge(runner: Runner, meta: Meta, folder: Path, program: str, tests: list[tuple[str, str]]) -> list[Run]:
    checker = folder / "checker.py"
    runs = []
    for test_input, expected in tests:
        run = runner.run(folder / program, test_input, meta.time_limit, meta.memory_mb)
        if run.verdict == "OK":
            if checker.exists():
                ok, reason = run_checker(runner, checker, test_input, expected, run.stdout)
            else:
                result = compare(expected, run.stdout)
                ok, reason = result.ok, result.reason
            if not ok:
                run = Run("WA", run.cpu_seconds, run.stdout, reason)
        runs.append(run)
    return runs


def full_statement(folder: Path, examples: list[tuple[str, str]]) -> str:
    parts = [(folder / "statement.md").read_text().strip(), "", "Example" if len(examples) == 1 else "Examples", ""]
    for test_input, test_output in examples:
        parts += ["Input", "", test_input, "", "Output", "", test_output, ""]
    note = folder / "note.md"
    if note.exists():
        parts += ["Note", "", note.read_text().strip()]
    return "\n".join(parts).strip() + "\n"


def check_input(meta: Meta, generator, where: str, text: str) -> None:
    if not text.endswith("\n") or "\r" in text:
        raise BuildError(f"{meta.slug}: {where}: input must use \\n line endings and end with a newline")
    if len(text.encode()) > MAX_INPUT_BYTES:
        raise BuildError(f"{meta.slug}: {where}: input is {len(text.encode())} bytes (limit {MAX_INPUT_BYTES})")
    try:
        generator.validate(text)
    except Exception as error:  # the validator's own message says which constraint broke
        raise BuildError(f"{meta.slug}: {where}: invalid input: {error!r}") from None


def self_test_checker(runner: Runner, meta: Meta, folder: Path, tests: list[tuple[str, str]]) -> None:
    checker = folder / "checker.py"
    for number, (test_input, expected) in enumerate(tests, start=1):
        ok, reason = run_checker(runner, checker, test_input, expected, expected)
        if not ok:
            raise BuildError(f"{meta.slug}: test {number}: the checker rejects the expected output: {reason}")
        tokens = expected.split()
        wrong_outputs = {
            "empty output": "",
            "garbage": "hello world\n",
            "truncated output": " ".join(tokens[:-1]) + "\n",
            "doubled output": (" ".join(tokens) + "\n") * 2,
            "huge number": "1" * 5000 + "\n",
        }
        for label, output in wrong_outputs.items():
            ok, _ = run_checker(runner, checker, test_input, expected, output)
            if ok:
                raise BuildError(f"{meta.slug}: test {number}: the checker accepts a {label}")


def build(runner: Runner, folder: Path, write: bool) -> dict:
    meta = read_meta(folder)
    generator = load_generator(folder)
    public_inputs = list(meta.examples)
    private_inputs = list(generator.private_inputs())
    if not 1 <= len(public_inputs) <= 3 or not 8 <= len(private_inputs) <= 15:
        raise BuildError(f"{meta.slug}: needs 1-3 examples and 8-15 private tests, has {len(public_inputs)} and "
                         f"{len(private_inputs)}")
    for kind, inputs in (("example", public_inputs), ("private test", private_inputs)):
        for number, text in enumerate(inputs, start=1):
            check_input(meta, generator, f"{kind} {number}", text)
    if len(set(public_inputs + private_inputs)) != len(public_inputs) + len(private_inputs):
        raise BuildError(f"{meta.slug}: two tests have the same input")

    reference = folder / meta.solutions[0]
    outputs = []
    for number, text in enumerate(public_inputs + private_inputs, start=1):
        run = runner.run(reference, text, meta.time_limit, meta.memory_mb)
        if run.verdict != "OK":
            raise BuildError(f"{meta.slug}: reference {reference.name}: {run.verdict} on test {number} {run.reason}")
        outputs.append(run.stdout)
    public = list(zip(public_inputs, outputs[: len(public_inputs)]))
    private = list(zip(private_inputs, outputs[len(public_inputs):]))
    if (folder / "checker.py").exists():
        self_test_checker(runner, meta, folder, public + private)

    summary = {"problem": meta.name, "programs": {}}
    for program in meta.solutions:
        runs = judge(runner, meta, folder, program, public + private)
        for number, run in enumerate(runs, start=1):
            if run.verdict != "OK":
                raise BuildError(f"{meta.slug}: correct solution {program}: {run.verdict} on test {number} "
                                 f"({run.cpu_seconds:.2f} s) {run.reason}")
        summary["programs"][program] = {"verdicts": "all OK", "max_cpu_seconds": round(max(r.cpu_seconds for r in runs), 3)}
    for program, promised in meta.incorrect.items():
        public_runs = judge(runner, meta, folder, program, public)
        private_runs = judge(runner, meta, folder, program, private)
        verdicts = [r.verdict for r in private_runs]
        if promised not in verdicts:
            raise BuildError(f"{meta.slug}: incorrect solution {program} never gets {promised} on a private test "
                             f"(private verdicts: {' '.join(verdicts)})")
        if promised == "TLE":
            for number, run in enumerate(public_runs + private_runs, start=1):
                if run.verdict in ("WA", "RE"):
                    raise BuildError(f"{meta.slug}: slow solution {program} is also wrong: {run.verdict} on test "
                                     f"{number} {run.reason}")
        summary["programs"][program] = {
            "public": " ".join(r.verdict for r in public_runs),
            "private": " ".join(verdicts),
            "cpu_seconds": [round(r.cpu_seconds, 2) for r in private_runs],
        }

    record = problem_record(meta, folder, public, private)
    if write:
        target = EXAMPLES / f"{meta.slug}.json"
        target.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n")
        summary["bytes"] = target.stat().st_size
    return summary


def problem_record(meta: Meta, folder: Path, public: list[tuple[str, str]], private: list[tuple[str, str]]) -> dict:
    def solutions(files: list[str]) -> dict:
        return {
            "language": ["PYTHON3" if f.endswith(".py") else "CPP" for f in files],
            "solution": [(folder / f).read_text() for f in files],
        }

    seconds = int(meta.time_limit)
    record = {
        "name": meta.name,
        "description": full_statement(folder, public),
        "public_tests": {"input": [i for i, _ in public], "output": [o for _, o in public]},
        "private_tests": {"input": [i for i, _ in private], "output": [o for _, o in private]},
        "generated_tests": {"input": [], "output": []},
        "solutions": solutions(list(meta.solutions)),
        "incorrect_solutions": solutions(list(meta.incorrect)),
        "cf_rating": meta.rating,
        "cf_tags": list(meta.tags),
        "difficulty": 7 + ord(meta.index) - ord("A"),  # CodeContests: A = 7, B = 8, ...
        "time_limit": {"seconds": seconds, "nanos": round((meta.time_limit - seconds) * 1e9)},
        "memory_limit_bytes": meta.memory_mb * 2**20,
        "source": CODEFORCES,
        "cf_contest_id": meta.contest_id,
        "cf_index": meta.index,
    }
    if (folder / "checker.py").exists():
        record["checker"] = {"language": "PYTHON3", "source": (folder / "checker.py").read_text()}
    return record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="build only these problem folders (slugs)")
    parser.add_argument("--check-only", action="store_true", help="run every check but write no JSON")
    default_python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
    parser.add_argument("--python", default=default_python, help="interpreter that runs Python solutions")
    args = parser.parse_args()

    folders = sorted(p for p in SOURCES.iterdir() if (p / "meta.yaml").exists())
    if args.only:
        unknown = set(args.only) - {p.name for p in folders}
        if unknown:
            parser.error(f"no such problem folder: {', '.join(sorted(unknown))}")
        folders = [p for p in folders if p.name in args.only]
    with tempfile.TemporaryDirectory(prefix="build-examples-") as workdir:
        runner = Runner(args.python, Path(workdir))
        for folder in folders:
            started = time.monotonic()
            try:
                summary = build(runner, folder, write=not args.check_only)
            except BuildError as error:
                print(f"BUILD FAILED: {error}", file=sys.stderr)
                return 1
            print(f"== {folder.name}: {summary['problem']} ({time.monotonic() - started:.0f} s"
                  + (f", {summary['bytes'] / 1e6:.2f} MB)" if "bytes" in summary else ")"))
            for program, info in summary["programs"].items():
                print(f"   {program:24} {json.dumps(info)}")
    if not args.check_only and not args.only:
        problems = load_problems(EXAMPLES)  # the files must load exactly as the solver will load them
        print(f"{len(problems)} problems load from {EXAMPLES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
