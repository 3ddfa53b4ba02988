"""The solve pipeline end to end: sample → filter on the examples → generate inputs → cluster → select → judge.

Each stage is its own module and turns one record type into the next; this file only wires them, times them and
shows progress. `run_pipeline` is what batch runs and ablations call; `solve_command` is `solve PROBLEM.json`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import numpy as np

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from clustering.behaviour import Behaviour, cluster_programs, singleton_clusters
from clustering.budget import TimeBudget
from clustering.clusters import Cluster
from clustering.robust import diverse_order
from clustering.selection import Choice, select
from solver.errors import UsageError
from solver.execution import Executor
from solver.judge import JudgeReport, judge_many, limits_of
from solver.pipeline.config import SolveConfig
from solver.pipeline.filtering import FilterResult, filter_programs
from solver.pipeline.imported import ImportedSamples
from solver.pipeline.policy import InputWriter, Policy, SamplingSettings
from solver.pipeline.sampling import SampleSet, collect, plan_prompts
from solver.problem import Problem
from test_generator.generate import GeneratedInputs, generate_inputs, validate

SCORE_FIELD = {"mean-logprob": "logprob_mean", "value": "value"}


@dataclass
class SolveResult:
    problem: Problem
    config: SolveConfig
    source: str  # the policy's name, or the samples file
    samples: SampleSet
    filtered: FilterResult
    inputs: GeneratedInputs
    behaviour: Behaviour
    pool: tuple[str, ...]  # the programs selection chose from
    choices: list[Choice]
    fallback: str  # "" when selection chose among programs that passed the examples
    hidden: dict[str, JudgeReport] | None  # program id -> verdicts on the hidden tests (None: the file has none)
    seconds: dict[str, float] = field(default_factory=dict)
    malformed: tuple = ()
    isolation: str = ""

    def correct(self, program_id: str) -> bool | None:
        """Passed every test (examples and hidden), when known."""
        if self.hidden is None or program_id not in self.hidden:
            return None
        return self.filtered.reports[program_id].accepted and self.hidden[program_id].accepted

    @property
    def n_correct_chosen(self) -> int | None:
        if self.hidden is None:
            return None
        return sum(bool(self.correct(c.program_id)) for c in self.choices)


class Stages:
    """Times each stage and shows a progress bar for it."""

    def __init__(self, console: Console, quiet: bool = False):
        # Bars only on a terminal: in a log file they would leave blank lines behind.
        self.console, self.quiet, self.seconds = console, quiet or not console.is_terminal, {}

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        start = time.perf_counter()
        if self.quiet or total == 0:
            yield lambda n: None
        else:
            columns = [TextColumn(f"{name:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
            with Progress(*columns, console=self.console, transient=True) as progress:
                task = progress.add_task(name, total=total)
                yield lambda n: progress.advance(task, n)
        self.seconds[name] = round(time.perf_counter() - start, 3)


def _absolute(progress: Callable[[int], None]) -> Callable[[int], None]:
    """judge_many and run_many report how many are done so far; bars advance by increments."""
    last = [0]

    def report(done: int) -> None:
        progress(done - last[0])
        last[0] = done

    return report


def _scores(samples: SampleSet, pick: str) -> dict[str, float] | None:
    if pick not in SCORE_FIELD:
        return None
    name = SCORE_FIELD[pick]
    scores = {pid: getattr(s, name) for pid, s in samples.first_sample().items()}
    missing = [pid for pid, v in scores.items() if v is None]
    if missing:
        raise UsageError(f"--pick {pick} needs each program's {name}, and this policy gives none")
    return scores


def run_pipeline(
    problem: Problem,
    config: SolveConfig,
    executor: Executor,
    *,
    policy: Policy | None = None,
    imported: ImportedSamples | None = None,
    writer: InputWriter | None = None,
    console: Console | None = None,
    quiet: bool = False,
) -> SolveResult:
    """The pipeline on one problem. `writer` writes test inputs (default: the policy, when it can)."""
    console = console or Console(stderr=True)
    stages = Stages(console, quiet)
    public = problem.public_view()
    limits = limits_of(problem)

    with stages.stage("sampling", config.samples if imported is None else None) as progress:
        if imported is not None:
            samples, source = collect(imported.samples, imported.ids), str(imported.path)
        else:
            assert policy is not None, "run_pipeline needs a policy or imported samples"
            plan = plan_prompts(public, config.samples, config.languages, config.seed, config.random_metadata)
            settings = SamplingSettings(
                config.temperature, config.top_k, config.top_p, config.max_new_tokens, config.batch_size, config.seed
            )
            samples, source = collect(policy.sample(public, plan, settings, progress)), policy.name
    scores = _scores(samples, config.pick)

    with stages.stage("filtering", len(samples.programs)) as progress:
        filtered = filter_programs(executor, public, samples, _absolute(progress))

    pool, fallback = filtered.passed, ""
    if not config.filtering:
        pool = tuple(samples.programs)
    elif not pool:
        pool = filtered.ran_without_error()
        fallback = f"no program passed the examples; choosing among the {len(pool)} that ran without error"
        if not pool:
            pool = filtered.compiled
            fallback = f"no program passed the examples or ran without error; choosing among the {len(pool)} that compile"
        if not pool:
            fallback = "nothing to submit: no sample compiled"

    with stages.stage("inputs", None) as progress:
        if writer is None and hasattr(policy, "write_inputs"):
            writer = policy
        inputs = generate_inputs(public, config.inputs if pool else 0, config.seed, testgen_model=config.testgen_model if config.testgen else None,
                                 writer=writer, constrained=config.constrained_mutation, device=config.device,
                                 dtype=config.dtype, executor=executor, generators=config.input_generators,
                                 validators=config.input_validators)  # fmt: skip
        if config.validate_inputs and inputs.inputs:
            references = [p for p in _references(problem)]
            inputs = validate(executor, inputs, references, limits)

    # With judge_all, every compiled program gets a signature, so metrics can cluster without filtering later.
    to_cluster = {pid: samples.programs[pid] for pid in (filtered.compiled if config.judge_all else pool)}
    if not config.clustering:
        to_cluster = {pid: samples.programs[pid] for pid in pool} if config.judge_all else {}
    with stages.stage("clustering", len(to_cluster) if inputs.inputs else 0) as progress:
        budget = TimeBudget(total_seconds=config.clustering_budget, factor=config.run_limit_factor)
        behaviour = cluster_programs(
            executor, to_cluster, samples.counts, inputs.inputs, limits, max_clustered=config.max_clustered,
            fuzzy=config.fuzzy, fuzzy_method=config.fuzzy_method, seed=config.seed, progress=_absolute(progress),
            budget=budget, example_seconds=[filtered.reports[pid].max_cpu_seconds for pid in filtered.passed],
            population_filter=config.population_filter, population=set(pool), tolerance=config.tolerance,
        )  # fmt: skip
        in_pool = set(pool)
        if config.clustering:
            clusters = _restricted(behaviour.clusters, in_pool, samples.counts)
        else:
            clusters = list(singleton_clusters(pool))

    with stages.stage("selection", None):
        order = config.order if config.clustering else "random"
        sequence = diverse_order(clusters, np.array(behaviour.weights)) if order == "diverse" else None
        choices = select(clusters, config.budget, order=order, pick=config.pick, scores=scores, seed=config.seed,
                         sequence=sequence)  # fmt: skip
        behaviour = replace(behaviour, clusters=tuple(clusters))

    hidden = None
    hidden_tests = problem.hidden_tests
    if len(hidden_tests) and choices:
        chosen = [c.program_id for c in choices]
        judged = list(dict.fromkeys(chosen + (list(filtered.passed) if config.judge_all else [])))
        with stages.stage("hidden", len(judged)) as progress:
            reports = judge_many(
                executor, [samples.programs[pid] for pid in judged], hidden_tests, limits, problem.checker,
                stop_on_failure=True, progress=_absolute(progress),
            )  # fmt: skip
            hidden = dict(zip(judged, reports))
    stages.seconds["total"] = round(sum(stages.seconds.values()), 3)
    return SolveResult(
        problem, config, source, samples, filtered, inputs, behaviour, pool, choices, fallback, hidden,
        stages.seconds, imported.malformed if imported else (), executor.isolation_level,
    )  # fmt: skip


def _restricted(clusters: tuple[Cluster, ...], pool: set[str], counts: Mapping[str, int]) -> list[Cluster]:
    """Clusters limited to the selection pool (with judge_all, programs outside it were clustered too)."""
    out = []
    for c in clusters:
        members = tuple(m for m in c.members if m in pool)
        if len(members) == len(c.members):
            out.append(c)
        elif members:
            out.append(Cluster(members, c.signature, sum(counts[m] for m in members)))
    return sorted(out, key=lambda c: -c.size)


def _references(problem: Problem):
    from solver.execution import Program

    for language, source in zip(problem.solutions.language, problem.solutions.solution):
        if language.runnable:
            yield Program(language, source)
