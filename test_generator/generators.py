"""Test inputs from programs the policy writes: input generators, and validators that check inputs from any source.

Mutated example inputs are often invalid (a changed `n` no longer matches its list, a value leaves its range), and
correct programs disagree on invalid inputs, which fragments clustering. A code model writes a *program* that prints
random valid inputs far more reliably than it writes the inputs themselves: the program states the format once and
scales to any number of inputs and any size. So the policy is asked for `input_generators` Python programs that read
a seed, seed `random` with it and print one input; each runs in the sandbox on seeds 0..m-1. Optionally it is also
asked for `input_validators` programs that read one input and exit 0 iff it satisfies the statement's constraints;
a validator that rejects an example input (valid by definition), accepts an empty one, or does not run is
discarded, and an input from any source is kept only when a majority of the remaining validators accept it.

Policies that cannot write programs (the project's encoder-decoder, programs read from a file) give none: the
report says so and the other sources fill in.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from solver.execution import Executor, Limits, Program, RunResult, Status
from solver.execution.results import MIB
from solver.pipeline.policy import ProgramWriter
from solver.problem import Language, PublicProblem
from test_generator.constraints import parse_constraints

# Short limits: a helper program that needs more than 2 s to print or check one input is broken (or writes inputs
# too large for clustering, which runs hundreds of programs on each). 4 MiB holds 2·10^5 pairs of numbers up to
# 10^9 (a common maximum); a larger input is dropped as a failed run.
GENERATOR_LIMITS = Limits(time_seconds=2.0, memory_bytes=256 * MIB, output_bytes=4 * MIB)
VALIDATOR_LIMITS = Limits(time_seconds=2.0, memory_bytes=256 * MIB, output_bytes=64 * 1024)
# Seeds every generator runs first; one that fails most of them is dropped before it costs more.
PROBE_SEEDS = 4
MAX_SEEDS = 200  # per generator: a few generators that repeat themselves should not run forever
OVERDRAW = 2  # seeds asked per missing input: some outputs repeat, equal an example, or come from dropped generators

_HEADING = re.compile(r"^\s*(input|output|constraints?)(\s+(format|specification))?\s*:?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class GeneratorReport:
    asked: int = 0  # programs asked of the policy (0: not asked)
    usable: int = 0  # generators that ran normally on most seeds
    inputs: int = 0  # distinct new inputs of theirs that entered the pool (before validators)
    note: str = ""  # why none were asked or none is usable

    def as_dict(self) -> dict[str, Any]:
        return {"asked": self.asked, "usable": self.usable, "dropped": self.asked - self.usable,
                "inputs": self.inputs, "note": self.note or None}  # fmt: skip


@dataclass(frozen=True)
class ValidatorReport:
    asked: int = 0
    kept: int = 0  # validators that accept every example input, reject the empty one, and run
    rejected: int = 0  # inputs dropped because a majority of the kept validators rejected them
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"asked": self.asked, "kept": self.kept, "discarded": self.asked - self.kept,
                "rejected_inputs": self.rejected, "note": self.note or None}  # fmt: skip


def programs_summary(generators: GeneratorReport, validators: ValidatorReport) -> str:
    """The stage table's words for both, "" when neither was set."""
    parts = []
    if generators.asked or generators.note:
        parts.append(f"generators {generators.usable} of {generators.asked} usable, {generators.inputs} inputs"
                     + (f" ({generators.note})" if generators.note else ""))  # fmt: skip
    if validators.asked or validators.note:
        parts.append(f"validators {validators.kept} of {validators.asked} kept, {validators.rejected} inputs rejected"
                     + (f" ({validators.note})" if validators.note else ""))  # fmt: skip
    return "; ".join(parts)


# ------------------------------------------------------------------------------------------- prompts


def input_section(statement: str) -> str:
    """The statement's input section (from an "Input" heading to the "Output" one, plus a "Constraints" section
    when there is one), or the whole statement when it has no such headings."""
    lines = statement.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept, inside = [], False
    for line in lines:
        heading = _HEADING.match(line)
        if heading:
            inside = heading.group(1).lower() != "output"
            if kept and inside:  # a later section after a gap: keep them apart
                kept.append("")
        if inside:
            kept.append(line)
    return "\n".join(kept).strip() or statement.strip()


def _context(problem: PublicProblem) -> str:
    """What a helper program needs: the input section, the parsed ranges (restated, since statements bury them in
    prose), and the example inputs to copy the layout from."""
    text = f"{input_section(problem.description)}\n"
    ranges = parse_constraints(problem.description).ranges
    if ranges:
        text += "\nThe constraints stated, in short:\n"
        text += "".join(f"- {r.low} ≤ {r.names} ≤ {r.high}\n" for r in ranges)
    for number, example in enumerate(problem.public_tests.input, 1):
        text += f"\nExample input {number}:\n```\n{example.strip()}\n```\n"
    return text


def generator_request(problem: PublicProblem) -> str:
    """Sizes are mostly small on purpose: every generated input is run by every candidate program under a time
    limit in the clustering stage, and small inputs separate wrong programs about as well as large ones."""
    return (
        "Below is the input specification of a competitive programming problem. Write a Python 3 program that "
        "generates one random test input for it.\n\n"
        f"{_context(problem)}\n"
        "Requirements:\n"
        "- Read one integer, a seed, from standard input, call random.seed(seed), and take all randomness from "
        "the random module, so that the same seed always prints the same input.\n"
        "- Print exactly one test input to standard output, following the input format line by line and "
        "satisfying every constraint and guarantee of the statement.\n"
        "- Make most inputs small to moderate (sizes up to about 100) and only about one seed in five near the "
        "largest sizes allowed; vary sizes and values, edge cases included.\n"
        "- Print nothing else: no prompts, no labels, no explanation.\n"
        "- Reply with the whole program in a single ```python code block and nothing else."
    )


def validator_request(problem: PublicProblem) -> str:
    return (
        "Below is the input specification of a competitive programming problem. Write a Python 3 program that "
        "checks whether a test input is valid for it.\n\n"
        f"{_context(problem)}\n"
        "Requirements:\n"
        "- Read the whole input from standard input.\n"
        "- Exit with status 0 if the input follows the input format exactly and satisfies every constraint and "
        "guarantee of the statement; otherwise exit with a nonzero status (a failed assert will do). An empty or "
        "truncated input, or extra data after the input, is invalid.\n"
        "- Print nothing.\n"
        "- Reply with the whole program in a single ```python code block and nothing else."
    )


# ------------------------------------------------------------------------------------------- generators


def _shape(text: str) -> str:
    """An input as compared with the examples: trailing spaces and blank lines do not make it new."""
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def _printed(run: RunResult) -> str | None:
    """A generator run's input, or None when the run failed: ended abnormally, printed nothing, or not text."""
    if run.status != Status.OK:
        return None
    try:
        text = run.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if text.strip() else None


def _programs(writer: ProgramWriter | None, request: str, n: int, seed: int, what: str) -> tuple[list[str], str]:
    """Up to `n` distinct Python programs from the policy, and a note when it gave none."""
    if writer is None or not hasattr(writer, "write_programs"):
        return [], "the policy cannot write programs"
    codes = writer.write_programs(request, n, seed)
    if not codes:
        return [], "the policy writes no programs (the project's encoder-decoder only solves problems)"
    distinct = list(dict.fromkeys(code for code in codes if code.strip()))
    return distinct, "" if distinct else f"no code in the policy's {what} replies"


def generator_inputs(
    executor: Executor, writer: ProgramWriter | None, problem: PublicProblem, count: int, needed: int, seed: int
) -> tuple[list[str], GeneratorReport]:
    """Distinct inputs, none equal to an example, from `count` generator programs the policy writes (in seed
    order, alternating between generators, so a cut keeps every generator's share), and what happened."""
    if count <= 0:
        return [], GeneratorReport()
    if needed <= 0:
        return [], GeneratorReport(note="not needed: other sources gave every input")
    codes, note = _programs(writer, generator_request(problem), count, seed, "generator")
    if not codes:
        return [], GeneratorReport(asked=count, note=note)
    programs = [Program(Language.PYTHON3, code) for code in codes]
    probe = [f"{s}\n" for s in range(PROBE_SEEDS)]
    # A probe stops at its first timeout: a generator that loops (rejection sampling that cannot succeed) then
    # costs one time limit, not four; its missing runs count as failures.
    probes = executor.run_many([(p, probe) for p in programs], GENERATOR_LIMITS, keep_going=_until_timeout)
    runs: list[list[RunResult]] = [list(r.runs) if r.compile.ok else [] for r in probes]
    alive = [i for i, r in enumerate(runs) if _mostly_ok(r, PROBE_SEEDS)]
    # Seeds per generator, shared among the ones that passed the probe
    m = max(PROBE_SEEDS, min(MAX_SEEDS, math.ceil(OVERDRAW * needed / max(len(alive), 1))))
    later = [f"{s}\n" for s in range(PROBE_SEEDS, m)]
    if later and alive:
        for i, result in zip(alive, executor.run_many([(programs[i], later) for i in alive], GENERATOR_LIMITS)):
            runs[i] += result.runs
    usable = [i for i in alive if _mostly_ok(runs[i], m)]
    examples = {_shape(text) for text in problem.public_tests.input}
    found: dict[str, None] = {}
    for s in range(m):
        for i in usable:
            text = _printed(runs[i][s]) if s < len(runs[i]) else None
            if text is not None and _shape(text) not in examples:
                found.setdefault(text if text.endswith("\n") else text + "\n")
    note = "" if usable else "every generator failed on most seeds"
    return list(found), GeneratorReport(asked=count, usable=len(usable), note=note)


def _until_timeout(index: int, run: RunResult) -> bool:
    return run.status != Status.TLE  # a module-level function: Ray's execution actors get it pickled


def _mostly_ok(runs: Sequence[RunResult], total: int) -> bool:
    """More than half of `total` runs printed an input (a compile error leaves no runs at all)."""
    return 2 * sum(_printed(run) is not None for run in runs) > total


# ------------------------------------------------------------------------------------------- validators


def _vote(run: RunResult) -> bool | None:
    """A validator's verdict on one input: accepted (exit 0), rejected (nonzero exit or uncaught exception), or
    none, when it ran out of time or memory or the sandbox failed: a slow validator says nothing about validity."""
    if run.status == Status.OK:
        return True
    return False if run.status == Status.RE else None


def validator_mask(
    executor: Executor, writer: ProgramWriter | None, problem: PublicProblem, inputs: Sequence[str], count: int,
    seed: int,
) -> tuple[list[bool], ValidatorReport]:  # fmt: skip
    """Per input, whether to keep it: True unless a majority of the validators that gave a verdict rejected it.
    Every input is kept when no validator survives the checks on the examples."""
    keep = [True] * len(inputs)
    if count <= 0 or not inputs:
        return keep, ValidatorReport()
    codes, note = _programs(writer, validator_request(problem), count, seed, "validator")
    if not codes:
        return keep, ValidatorReport(asked=count, note=note)
    programs = [Program(Language.PYTHON3, code) for code in codes]
    # The examples are valid by definition; an empty input never is (every statement has one), so a validator
    # accepting it checks nothing (e.g. a bare `pass`).
    checks = [*problem.public_tests.input, ""]
    trials = executor.run_many([(p, checks) for p in programs], VALIDATOR_LIMITS)
    expected = [True] * (len(checks) - 1) + [False]
    kept = [p for p, t in zip(programs, trials)
            if t.compile.ok and [_vote(run) for run in t.runs] == expected]  # fmt: skip
    if not kept:
        return keep, ValidatorReport(asked=count, note="no validator accepted every example and ran")
    shared = list(inputs)  # one list for every job: the executor converts it once
    votes = [[_vote(run) for run in r.runs] for r in executor.run_many([(p, shared) for p in kept], VALIDATOR_LIMITS)]
    for i in range(len(inputs)):
        cast = [v[i] for v in votes if i < len(v) and v[i] is not None]
        keep[i] = not cast or 2 * sum(cast) > len(cast)
    return keep, ValidatorReport(asked=count, kept=len(kept), rejected=keep.count(False))
