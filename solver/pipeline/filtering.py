"""Stage 2, filtering: run every distinct program on the problem's example tests and keep those that pass.

AlphaCode removes about 99% of samples this way (§4.5). Each program stops at its first failed example, which is
where most of the time would otherwise go. Verdict counts are by sample (a program sampled three times that fails
counts three), so they add up to the number of samples.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from solver.execution import Executor
from solver.judge import JudgeReport, Verdict, judge_many, limits_of
from solver.pipeline.sampling import SampleSet
from solver.problem import PublicProblem

NO_CODE = "NO_CODE"  # the sample held no program to run


@dataclass(frozen=True)
class FilterResult:
    reports: dict[str, JudgeReport]  # program id -> verdicts on the examples
    passed: tuple[str, ...]  # program ids that passed every example, in sampling order
    by_verdict: dict[str, int]  # samples per verdict, NO_CODE included

    def verdict_of(self, program_id: str | None) -> str:
        return NO_CODE if program_id is None else self.reports[program_id].verdict.value

    @property
    def compiled(self) -> tuple[str, ...]:
        return tuple(pid for pid, r in self.reports.items() if r.compile.ok)

    def ran_without_error(self) -> tuple[str, ...]:
        """Programs that ran every example to the end and only printed the wrong thing: the fallback pool
        when nothing passes."""
        return tuple(pid for pid, r in self.reports.items() if r.verdict == Verdict.WA)


def filter_programs(
    executor: Executor,
    problem: PublicProblem,
    samples: SampleSet,
    progress: Callable[[int], None] | None = None,
) -> FilterResult:
    ids = list(samples.programs)
    programs = [samples.programs[pid] for pid in ids]
    reports = judge_many(
        executor, programs, problem.public_tests, limits_of(problem), problem.checker,
        stop_on_failure=True, progress=progress,
    )  # fmt: skip
    by_id = dict(zip(ids, reports))
    by_verdict: Counter[str] = Counter()
    for sample in samples.samples:
        by_verdict[NO_CODE if sample.program_id is None else by_id[sample.program_id].verdict.value] += 1
    passed = tuple(pid for pid in ids if by_id[pid].accepted)
    return FilterResult(by_id, passed, dict(by_verdict.most_common()))


def skip_filtering(samples: SampleSet) -> tuple[str, ...]:
    """The ablation without filtering: every program goes on to clustering."""
    return tuple(samples.programs)
