"""`solve batch PROBLEMS --out RUN`: the solve pipeline over many problems, resumable after any interruption.

A run directory holds
    config.yaml       the resolved settings; resuming with different settings is refused
    samples.jsonl     one record per sample, every problem's in turn, ids "<problem>/<sample id>"
    problems.jsonl    one record per finished problem: its report and where its samples end in samples.jsonl
    problems/<name>/  each problem's submissions
    .lock             held (flock) by the one process writing the run; a second writer is refused
Both JSONL files are append-only. A problem's samples are appended and synced first, then its problem record,
which is the commit point; SIGINT and SIGTERM wait until a commit is whole. On start, a torn last line is cut off
and samples.jsonl is cut back to the end recorded by the last finished problem, so a run killed at any moment
(kill -9 included) and started again with the same command ends with exactly the records an uninterrupted run would
have. A problem whose pipeline raises is recorded as failed (`"failed": the error`, no samples) and the run goes
on; a resume does not retry it unless asked (`--retry-failed`: the new record is appended after the failed one,
and readers take each problem's last record).
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from solver.errors import UsageError
from solver.interrupts import deferred_interrupts
from solver.locations import check_output_dir
from solver.pipeline.config import (
    SolveConfig,
    check_device,
    check_paths,
    config_yaml,
    load_solve_config,
    with_bundled_models,
)
from solver.problem import Problem, load_problems

console = Console(highlight=False)


def _repair(path: Path) -> int:
    """Cut a torn last line (no final newline) off a JSONL file; the bytes kept."""
    if not path.exists():
        return 0
    data = path.read_bytes()
    keep = data.rfind(b"\n") + 1
    if keep != len(data):
        with open(path, "r+b") as f:
            f.truncate(keep)
    return keep


def _append(path: Path, lines: list[str]) -> int:
    """Append lines and sync them to disk; the file's size afterwards."""
    with open(path, "ab") as f:
        f.write("".join(line + "\n" for line in lines).encode("utf-8"))
        f.flush()
        os.fsync(f.fileno())
        return f.tell()


@dataclass
class RunDirectory:
    root: Path
    _lock: int | None = None  # the open lock file, held from `open` to `close`

    @property
    def samples(self) -> Path:
        return self.root / "samples.jsonl"

    @property
    def problems(self) -> Path:
        return self.root / "problems.jsonl"

    def open(self, config: SolveConfig) -> dict[str, dict[str, Any]]:
        """Create or resume the run, and hold its lock until `close`; the finished problems' records by name."""
        self.root.mkdir(parents=True, exist_ok=True)
        self._take_lock()
        saved = self.root / "config.yaml"
        text = config_yaml(config)
        if saved.exists() and not _same_settings(saved.read_text(encoding="utf-8"), config):
            raise UsageError(f"{saved}: this run was started with other settings; resume it with the same ones "
                             "or choose another --out")  # fmt: skip
        if not saved.exists():
            tmp = saved.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(saved)
        _repair(self.problems)
        finished = {}
        if self.problems.exists():
            for number, line in enumerate(self.problems.read_text(encoding="utf-8").splitlines(), start=1):
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    raise UsageError(f"{self.problems}:{number}: not a JSON record; the run directory is damaged") from None
                finished[record["problem"]] = record
        end = max((r["samples_end"] for r in finished.values()), default=0)
        size = _repair(self.samples)
        if size < end:
            raise UsageError(f"{self.samples}: shorter than {self.problems} says ({size} < {end} bytes)")
        if size > end:  # the samples of a problem that was interrupted before its record was written
            with open(self.samples, "r+b") as f:
                f.truncate(end)
        return finished

    def _take_lock(self) -> None:
        # flock, not a pid file: the kernel drops it when its holder dies, kill -9 included, so nothing goes stale.
        fd = os.open(self.root / ".lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise UsageError(f"{self.root}: another process (pid {holder}) is writing this run; "
                             "wait for it to end or choose another --out") from None  # fmt: skip
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._lock = fd

    def close(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # releases the flock
            self._lock = None

    def commit(self, name: str, sample_records: list[dict], problem_record: dict) -> None:
        # SIGINT/SIGTERM wait until both appends are done, so an interrupted run's records end at a commit.
        with deferred_interrupts():
            end = _append(self.samples, [json.dumps(r, ensure_ascii=False) for r in sample_records])
            _append(self.problems, [json.dumps({**problem_record, "samples_end": end}, ensure_ascii=False)])


# How the work is carried out, not what it computes: a run may resume with other values (a longer server timeout
# after requests timed out, more workers on a bigger machine). The run's config.yaml keeps the values it began with.
OPERATIONAL = ("workers", "server_concurrency", "server_timeout", "n_per_request", "api_key_env")


def _same_settings(saved: str, config: SolveConfig) -> bool:
    """The saved config.yaml holds `config`'s settings, operational ones aside. Compared as settings, not as text,
    so that a run saved before a setting existed (device and dtype came later) resumes when that setting is left
    at its default."""
    import yaml
    from pydantic import ValidationError

    try:
        before = SolveConfig(**(yaml.safe_load(saved) or {}))
    except (yaml.YAMLError, TypeError, ValidationError):
        return False
    return before.model_copy(update={name: getattr(config, name) for name in OPERATIONAL}) == config


def problem_record(problem: Problem, report: dict[str, Any]) -> dict[str, Any]:
    return {"problem": problem.name, "rating": problem.cf_rating, "tags": list(problem.cf_tags), "report": report}


def failed_record(problem: Problem, error: BaseException) -> dict[str, Any]:
    """The record of a problem whose pipeline raised: the error's last line, and no report."""
    lines = str(error).strip().splitlines() or [""]
    return {**problem_record(problem, None), "failed": f"{type(error).__name__}: {lines[-1]}"[:500]}


def solve_one(problem: Problem, config: SolveConfig, executor, policy, samples_file: Path | None, out_dir: Path,
              writer=None):  # fmt: skip
    """Run the pipeline on one problem; (sample records with run-wide ids, problem record)."""
    from solver.pipeline.imported import check_scores, read_samples
    from solver.pipeline.solve import run_pipeline

    imported = None
    if samples_file is not None:
        imported = read_samples(samples_file)
        check_scores(imported, config.pick)
    result = run_pipeline(problem, config, executor, policy=policy, imported=imported, writer=writer, quiet=True)
    return finish(problem, result, out_dir)


def finish(problem: Problem, result, out_dir: Path) -> tuple[list[dict], dict]:
    """Write a problem's submissions; its sample records with run-wide ids, and its problem record."""
    from solver.pipeline.output import report, sample_records, write_outputs

    write_outputs(result, out_dir)
    records = [{"problem": problem.name, **r, "id": f"{problem.name}/{r['id']}"} for r in sample_records(result)]
    return records, problem_record(problem, report(result))


def _summary_line(record: dict[str, Any]) -> str:
    if record.get("failed"):
        return f"{record['problem']}: [red]failed[/]: {record['failed']}"
    rep = record["report"]
    hidden = rep["hidden"]
    verdict = "-" if hidden is None else ("[green]solved[/]" if hidden["solved"] else "[red]unsolved[/]")
    return (f"{record['problem']}: {rep['samples']['total']} samples, {rep['filtering']['passed_programs']} passed "
            f"examples, {rep['clustering']['clusters']} clusters, {len(rep['selection']['chosen'])} chosen, "
            f"{verdict} ({rep['seconds']['total']:.1f} s)")  # fmt: skip


def _pending(problems: list[Problem], finished: dict, samples_from: Path | None) -> Iterator[tuple[Problem, Path | None]]:
    from solver.pipeline.imported import samples_file_for

    for problem in problems:
        if problem.name in finished:
            continue
        samples_file = None
        if samples_from is not None:
            samples_file = samples_file_for(samples_from, problem.name)
            if samples_file is None:
                console.print(f"[yellow]{problem.name}: no samples file in {samples_from}; skipped[/]")
                continue
        yield problem, samples_file


def batch_command(
    problems: Path,
    *,
    out: Path,
    config: Path | None = None,
    overrides: list[str] | None = None,
    model: Path | None = None,
    policy_url: str | None = None,
    served_model: str | None = None,
    samples_from: Path | None = None,
    device: Literal["auto", "cpu", "cuda"] | None = None,
    dtype: Literal["auto", "float32", "bfloat16", "float16"] | None = None,
    ray: str | None = None,
    retry_failed: bool = False,
) -> int:
    """Solve every problem in PROBLEMS (a directory or JSONL) into the run directory OUT; rerun to resume.

    Settings are those of `solve`, from --config (a YAML such as a run's config.yaml) and --overrides key=value
    (e.g. samples=64 budget=10 order=smallest). With --samples-from DIR, each problem's programs are read from
    DIR/<problem name>.jsonl instead of sampled; with --policy-url URL (and --served-model NAME) they are sampled
    through an OpenAI-compatible server, which many workers can share. With --ray ADDRESS (or `local`), problems run as Ray tasks.
    --device and --dtype place a model loaded here (as for `solve`; a --policy-url server ignores them).
    --retry-failed runs the problems recorded as failed again (e.g. after the server was down).
    Exits 1 when a problem of the run failed (recorded with its error; the others still ran), 0 otherwise.
    """
    if samples_from is not None and not Path(samples_from).is_dir():
        raise UsageError(f"{samples_from}: --samples-from for a batch must be a directory of <problem>.jsonl files")
    settings = with_bundled_models(load_solve_config(config, overrides or (), model=model, samples_from=samples_from,
                                                     policy_url=policy_url, served_model=served_model,
                                                     device=device, dtype=dtype))  # fmt: skip
    check_paths(settings, str(config) if config is not None else "batch")
    if ray is None:
        check_device(settings)
    loaded = load_problems(problems)
    check_output_dir(out, "--out")
    records = run_batch(loaded, settings, Path(out), ray, retry_failed)
    return 1 if any(r.get("failed") for r in records) else 0  # a failed problem is recorded, and not hidden


def run_batch(all_problems: list[Problem], settings: SolveConfig, out: Path, ray: str | None = None,
              retry_failed: bool = False) -> list[dict]:  # fmt: skip
    """Run (or resume) a batch into `out`; the last record of every finished problem."""
    run = RunDirectory(out)
    try:
        finished = run.open(settings)
        if retry_failed:
            finished = {name: record for name, record in finished.items() if not record.get("failed")}
        todo = list(_pending(all_problems, finished, settings.samples_from))
        console.print(f"{len(all_problems)} problems: {len(finished)} already finished, {len(todo)} to run")
        if ray is not None:
            from solver.pipeline.distributed import run_on_ray

            run_on_ray(ray, todo, settings, run, console)
        else:
            _run_locally(todo, settings, run)
    finally:
        run.close()
    records = _records(run.problems)
    solved = [r for r in records if r["report"] and r["report"]["hidden"] and r["report"]["hidden"]["solved"]]
    failed = sum(1 for r in records if r.get("failed"))
    console.print(f"{len(records)} problems finished, {len(solved)} solved"
                  + (f", {failed} failed" if failed else "") + f"; records in {run.root}")  # fmt: skip
    return records


def _records(path: Path) -> list[dict]:
    """Each problem's last record (a retried failure is superseded), in the order problems first finished."""
    if not path.exists():
        return []
    last = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        last[record["problem"]] = record
    return list(last.values())


def _run_locally(todo: list[tuple[Problem, Path | None]], settings: SolveConfig, run: RunDirectory) -> None:
    from solver.execution import Executor
    from solver.pipeline.output import safe_name

    policy = writer = None
    if todo:
        from solver.pipeline.sampling import input_writer_for, policy_for

        policy = policy_for(settings) if settings.samples_from is None else None
        writer = input_writer_for(settings, policy)
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Executor(workers=settings.workers, allow_unsafe=settings.allow_unsafe) as executor, \
            Progress(*columns, console=console, disable=not console.is_terminal) as progress:  # fmt: skip
        task = progress.add_task("problems", total=len(todo))
        for problem, samples_file in todo:
            out_dir = run.root / "problems" / safe_name(problem.name)
            try:
                records, record = solve_one(problem, settings, executor, policy, samples_file, out_dir, writer)
            except Exception as error:  # noqa: BLE001 - one problem's failure must not stop the others
                records, record = [], failed_record(problem, error)
            run.commit(problem.name, records, record)
            progress.console.print(_summary_line(record))
            progress.advance(task)
