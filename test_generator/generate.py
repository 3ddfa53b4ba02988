"""Stage 3, test inputs for clustering: gather inputs from every available source, deduplicate, optionally validate.

Sources, in the order they are asked:
1. the trained test-input model (AlphaCode §4.6), when a checkpoint is given;
2. input-generator programs the policy writes (`generators`, generators.py), before raw inputs since they scale;
3. the sampling policy itself, when it can write inputs (a causal chat model asked for inputs);
4. mutation of the example inputs (CodeContests' generated tests), which fills whatever the others left; with
   `constrained`, within the ranges and properties parsed from the statement (constraints.py).
The examples themselves are never used: every surviving program already agrees on them. With `validators`, the
policy's validator programs then drop inputs from every source that a majority of them reject (generators.py).

Generated inputs can be invalid (a mutated `n` that no longer matches its list). When the problem file carries
reference solutions, `validate` keeps only the inputs on which all of them finish and agree — the filter
CodeContests applied to its own generated tests. It is optional: a real contest has no reference solutions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from solver.checking import normalise
from solver.execution import Executor, Limits, Program, Status
from solver.pipeline.policy import InputWriter
from solver.problem import PublicProblem
from test_generator.constraints import parse_constraints
from test_generator.generators import GeneratorReport, ValidatorReport, generator_inputs, validator_mask
from test_generator.mutation import mutate_inputs

# A causal model writes inputs slowly (a few tokens per second on a CPU): ask it for a handful, let mutation fill.
MAX_WRITTEN_INPUTS = 10


@dataclass(frozen=True)
class GeneratedInputs:
    inputs: tuple[str, ...]
    sources: tuple[str, ...]  # per input: "testgen-model", "generator", "policy" or "mutation"
    duplicates: int  # proposals dropped as repeats of an earlier input or of an example
    invalid: int = 0  # dropped by validation
    validation: str = "off"  # "off", "no reference solutions", or "N references"
    generators: GeneratorReport = GeneratorReport()
    validators: ValidatorReport = ValidatorReport()  # its `rejected` inputs are not counted in `invalid`

    def by_source(self) -> dict[str, int]:
        return dict(Counter(self.sources))


def generate_inputs(
    problem: PublicProblem,
    n: int,
    seed: int,
    *,
    testgen_model: Path | None = None,
    writer: InputWriter | None = None,
    constrained: bool = False,
    device: str = "auto",
    dtype: str = "auto",
    executor: Executor | None = None,
    generators: int = 0,
    validators: int = 0,
) -> GeneratedInputs:
    """Up to `n` distinct inputs (fewer only when no source can produce more, or validators rejected some).
    `device` and `dtype` place the test-input model, as `SolveConfig`'s settings of those names do. `generators`
    and `validators` programs are asked of `writer` (when it can write programs) and run by `executor`."""
    if (generators or validators) and executor is None:
        raise ValueError("generate_inputs: generator and validator programs need an executor")
    examples = {text for text in problem.public_tests.input}
    kept: dict[str, str] = {}  # input -> source, in order found
    duplicates = 0

    def offer(texts: Sequence[str], source: str) -> None:
        nonlocal duplicates
        for text in texts:
            if len(kept) >= n:
                return
            if not text.strip():
                continue
            text = text if text.endswith("\n") else text + "\n"  # as a judge's input file would end
            if text in kept or text in examples:
                duplicates += 1
            else:
                kept[text] = source

    if n > 0 and testgen_model is not None:
        from solver.pipeline.config import resolve_device
        from solver.training.testgen import sample_test_inputs

        device, dtype = resolve_device(device, dtype)
        offer(sample_test_inputs(Path(testgen_model), problem, n, seed, device=device, dtype=dtype), "testgen-model")
    generated, report = [], GeneratorReport()
    if n > 0:
        generated, report = generator_inputs(executor, writer, problem, generators, n - len(kept), seed)
    before = len(kept)
    offer(generated, "generator")
    report = replace(report, inputs=len(kept) - before)
    if n > len(kept) and writer is not None:
        offer(writer.write_inputs(problem, min(n - len(kept), MAX_WRITTEN_INPUTS), seed), "policy")
    if n > len(kept):
        # Ask for more than missing: some mutants may repeat what a model already proposed.
        constraints = parse_constraints(problem.description) if constrained else None
        offer(mutate_inputs(problem.public_tests.input, 2 * (n - len(kept)), seed, constraints=constraints), "mutation")
    keep, checked = validator_mask(executor, writer, problem, list(kept), validators, seed)
    pairs = [pair for pair, k in zip(kept.items(), keep) if k]
    return GeneratedInputs(tuple(t for t, _ in pairs), tuple(s for _, s in pairs), duplicates, generators=report,
                           validators=checked)  # fmt: skip


def validate(
    executor: Executor, generated: GeneratedInputs, references: Sequence[Program], limits: Limits
) -> GeneratedInputs:
    """Keep the inputs on which every reference solution ends normally with the same (normalised) output."""
    if not references:
        return replace(generated, invalid=0, validation="no reference solutions")
    results = executor.run_many([(program, list(generated.inputs)) for program in references], limits)
    keep = []
    for i in range(len(generated.inputs)):
        runs = [r.runs[i] for r in results if r.compile.ok]
        outputs = {normalise(run.stdout) for run in runs if run.status == Status.OK}
        keep.append(bool(runs) and all(run.status == Status.OK for run in runs) and len(outputs) == 1)
    inputs = tuple(t for t, k in zip(generated.inputs, keep) if k)
    sources = tuple(s for s, k in zip(generated.sources, keep) if k)
    return replace(generated, inputs=inputs, sources=sources, invalid=keep.count(False),
                   validation=f"{len(references)} references")  # fmt: skip
