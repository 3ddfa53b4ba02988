"""`solve batch --ray ADDRESS|local`: the same batch run spread over a Ray cluster.

Two kinds of work, placed where they fit:
- one task per problem runs the pipeline's orchestration and its sampling, asking for a GPU when the cluster
  has any (so the model samples on it) and one CPU otherwise;
- program execution — by far the largest cost — goes to a pool of execution actors, one per remaining CPU,
  each holding a long-lived single-worker sandbox (`Executor(workers=1)`) on its node. A problem task reaches the
  pool through `PoolExecutor`, which has the `Executor` interface the stages use and splits their jobs over it.
The driver alone writes the run directory, committing each problem as its task finishes, so the resume rules of
`solver.pipeline.batch` hold unchanged (records may come in another order than a local run's, never other records).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console

from solver.execution import ExecutionResult, Limits, Program
from solver.pipeline.config import SolveConfig
from solver.problem import Problem


class PoolExecutor:
    """The Executor interface over a pool of Ray execution actors: jobs are dealt out in chunks, results come back
    in job order. Used from inside a problem task."""

    def __init__(self, actors: Sequence, isolation_level: str, chunk: int = 8):
        self.actors, self.isolation_level, self.chunk = list(actors), isolation_level, chunk

    def run(self, program: Program, inputs, limits: Limits, *, keep_going=None) -> ExecutionResult:
        return self.run_many([(program, inputs)], limits, keep_going=keep_going)[0]

    def run_many(
        self,
        jobs: Sequence[tuple[Program, Sequence[str | bytes]]],
        limits: Limits,
        *,
        keep_going=None,
        progress: Callable[[int], None] | None = None,
    ) -> list[ExecutionResult]:
        import ray

        jobs = list(jobs)
        starts = list(range(0, len(jobs), self.chunk))
        actors = itertools.cycle(self.actors)
        pending = {next(actors).run_many.remote(jobs[s : s + self.chunk], limits, keep_going): s for s in starts}
        results: dict[int, list[ExecutionResult]] = {}
        done = 0
        while pending:
            ready, _ = ray.wait(list(pending), num_returns=1)
            start = pending.pop(ready[0])
            results[start] = ray.get(ready[0])
            done += len(results[start])
            if progress is not None:
                progress(done)
        return [r for s in starts for r in results[s]]


def _remote_definitions():
    """Ray's decorators need ray imported; the extra is optional, so they are built on first use."""
    import ray

    @ray.remote(num_cpus=1)
    class ExecutionActor:
        def __init__(self, allow_unsafe: bool):
            from solver.execution import Executor

            self.executor = Executor(workers=1, allow_unsafe=allow_unsafe, pin=False)  # actors share the CPUs

        def isolation_level(self) -> str:
            return self.executor.isolation_level

        def run_many(self, jobs, limits, keep_going):
            return self.executor.run_many(jobs, limits, keep_going=keep_going)

    @ray.remote
    def solve_task(problem: Problem, config: SolveConfig, samples_file: str | None, actors: list, isolation: str):
        from solver.pipeline.imported import check_scores, read_samples
        from solver.pipeline.sampling import input_writer_for, policy_for
        from solver.pipeline.solve import run_pipeline

        policy = imported = None
        if samples_file is not None:
            imported = read_samples(Path(samples_file))
            check_scores(imported, config.pick)
        else:
            # Built here from the config's fields, a server policy too. A task given num_gpus=1 sees only its GPU
            # (Ray sets CUDA_VISIBLE_DEVICES), so device "auto" or "cuda" resolves to it as cuda:0.
            policy = policy_for(config)
        return run_pipeline(problem, config, PoolExecutor(actors, isolation), policy=policy, imported=imported,
                            writer=input_writer_for(config, policy), quiet=True)  # fmt: skip

    return ExecutionActor, solve_task


def run_on_ray(address: str, todo: list[tuple[Problem, Path | None]], config: SolveConfig, run, console: Console) -> None:
    try:
        import ray
    except ImportError:
        from solver.errors import UsageError

        raise UsageError("--ray needs Ray: pip install -e '.[ray]'") from None
    from solver.pipeline.batch import _summary_line, failed_record, finish
    from solver.pipeline.output import safe_name

    if not todo:
        return
    ray.init(address=None if address == "local" else address, include_dashboard=False, log_to_driver=False,
             ignore_reinit_error=True)  # fmt: skip
    try:
        resources = ray.cluster_resources()
        cpus, gpus = int(resources.get("CPU", 1)), int(resources.get("GPU", 0))
        problem_tasks = max(1, min(len(todo), gpus if gpus else 1))  # concurrent problems
        n_actors = max(1, cpus - (0 if gpus else problem_tasks))
        ExecutionActor, solve_task = _remote_definitions()
        actors = [ExecutionActor.remote(config.allow_unsafe) for _ in range(n_actors)]
        isolation = ray.get(actors[0].isolation_level.remote())
        console.print(f"ray: {cpus} CPUs, {gpus} GPUs; {n_actors} execution actors ({isolation}), "
                      f"{problem_tasks} problem(s) at a time")  # fmt: skip
        options = {"num_gpus": 1, "num_cpus": 0} if gpus else {"num_cpus": 1 if cpus > n_actors else 0}
        queue = list(todo)
        pending = {}

        def submit() -> None:
            problem, samples_file = queue.pop(0)
            ref = solve_task.options(**options).remote(problem, config, str(samples_file) if samples_file else None,
                                                       actors, isolation)  # fmt: skip
            pending[ref] = problem

        for _ in range(min(problem_tasks, len(queue))):
            submit()
        while pending:
            ready, _ = ray.wait(list(pending), num_returns=1)
            problem = pending.pop(ready[0])
            try:
                result = ray.get(ready[0])
                records, record = finish(problem, result, run.root / "problems" / safe_name(problem.name))
            except Exception as error:  # noqa: BLE001 - as in a local run: recorded as failed, the run goes on
                records, record = [], failed_record(problem, error)
            run.commit(problem.name, records, record)
            console.print(_summary_line(record))
            if queue:
                submit()
    finally:
        ray.shutdown()
