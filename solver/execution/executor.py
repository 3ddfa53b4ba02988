"""The Executor: compiles and runs many programs on many inputs, in parallel over one sandboxed worker per core.

One thread per worker pulls tasks from a shared priority queue (compiles first, since runs wait on them; then runs in
submission order). Blocking pipe I/O releases the GIL, so a handful of supervisor threads keep every core busy.
The caller's thread only submits, waits and reports progress; `keep_going` is called from worker threads.

C++ sources are compiled once (see compiler.py) before their runs are queued. Python needs no separate step: a
worker compiles a program the first time it sees it and opens each batch with the verdict, so a syntax error
is reported as CE by whichever batch runs first.

A task's inputs go to a worker in one request (split only when very large); the worker runs them back to back and
streams results. With `keep_going`, a program's inputs run in order on one worker and stop right after the first
run the caller rejects; without it, they are split into chunks spread over the workers. A worker that dies or hangs
costs its current run a SANDBOX_ERROR; it is restarted and the rest of the task goes on.
"""

from __future__ import annotations

import itertools
import math
import os
import queue
import shutil
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from solver.execution.classify import child_limits, classify
from solver.execution.compiler import CompileLimits, CompileOutcome, CppCompiler
from solver.execution.confine import build_confine
from solver.execution.launcher import build_launcher
from solver.execution.results import (
    CompileResult, ExecutionResult, IsolationError, Limits, Program, RunResult, Status, sandbox_error,
)  # fmt: skip
from solver.execution.runloop import build_runloop
from solver.execution.sandbox import (
    MAX_WORKERS, SandboxEnvironment, Slot, Worker, WorkerError, choose_isolation, create_runtime_dir, image_for,
    remove_runtime_dir,
)  # fmt: skip
from solver.problem import Language

KeepGoing = Callable[[int, RunResult], bool]
MAX_CHUNK = 16  # inputs per task when a program's runs may be spread over workers
MAX_REQUEST_BYTES = 64 * 1024 * 1024  # inputs per request to a worker (at least one input)
HUNG_AFTER_SECONDS = 30.0  # a worker silent this long past a run's wall limit is declared hung and replaced
DEFAULT_PYTHON = "/usr/bin/python3"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "alphacode-solver"


@dataclass(frozen=True)
class _Compiled:
    """What running needs to know about a program after compiling it."""

    result: CompileResult
    kind: str  # "python" | "binary"
    target: str = ""  # binary path inside the sandbox
    static_bytes: int = 0
    sandbox_failure: str = ""  # the compile could not be carried out: every run is a SANDBOX_ERROR
    code: bytes = b""  # Python: the code object marshalled by the sandbox's compiler (handed to other workers)


_NOT_COMPILED = CompileResult(True, 0.0, False, "not compiled: the batch was cancelled")
_CHECKED_IN_BATCH = CompileResult(True, 0.0, False, "")  # Python: the worker checks it at the start of each batch


class _Job:
    """One (program, inputs) pair of a batch; filled in by worker threads."""

    def __init__(self, batch: _Batch, index: int, program: Program, inputs: list[bytes]) -> None:
        self.batch, self.index, self.program, self.inputs = batch, index, program, inputs
        self.runs: list[RunResult | None] = [None] * len(inputs)
        self.compiled: _Compiled | None = None
        self.python_compile: CompileResult | None = None  # reported by the first batch that ran (Python)
        self.open_chunks = 0
        self.stopped = False
        self.lock = threading.Lock()

    def store(self, i: int, run: RunResult) -> bool:
        """Record run i; False if the job should stop (keep_going said so, or the batch was cancelled)."""
        self.runs[i] = run
        keep_going = self.batch.keep_going
        if keep_going is not None and not self.stopped:
            try:
                self.stopped = not keep_going(i, run)
            except BaseException as exc:  # noqa: BLE001 - surfaced in the caller's thread
                self.batch.fail(exc)
        return not (self.stopped or self.batch.cancelled)

    def chunk_done(self) -> None:
        with self.lock:
            self.open_chunks -= 1
            finished = self.open_chunks == 0
        if finished:
            self.batch.finished.put(self.index)

    def set_python_compile(self, result: CompileResult) -> None:
        with self.lock:
            if self.python_compile is None:
                self.python_compile = result

    def result(self) -> ExecutionResult:
        compiled = self.python_compile or (self.compiled.result if self.compiled else _NOT_COMPILED)
        runs = tuple(itertools.takewhile(lambda r: r is not None, self.runs)) if compiled.ok else ()
        return ExecutionResult(self.program.id, compiled, runs)  # type: ignore[arg-type]


class _Batch:
    def __init__(self, limits: Limits, keep_going: KeepGoing | None, jobs: int) -> None:
        self.limits, self.keep_going, self.jobs = limits, keep_going, jobs
        self.finished: queue.Queue[int] = queue.Queue()
        self.cancelled = False
        self.error: BaseException | None = None

    def fail(self, exc: BaseException) -> None:
        if self.error is None:
            self.error = exc
        self.cancelled = True


class Executor:
    """Runs untrusted Python 3 and C++ programs safely and fast. Use as a context manager, from one thread.

    workers: sandboxes, one per core by default. isolation: "namespaces", "rlimits" or "auto" (the strongest that
    works here); anything weaker than namespaces raises IsolationError unless allow_unsafe. cache_dir: compiled
    programs, the precompiled header and the launcher ($XDG_CACHE_HOME/alphacode-solver by default). python: the
    interpreter for contestants' Python (/usr/bin/python3). compile_limits: the C++ compiler's own limits. pin: keep
    worker k's sandbox (its server and every run) on the k-th CPU this process may use: a fork then write-protects
    pages cached by one CPU only, where a server that wandered makes every fork interrupt the other CPUs to flush
    theirs (3-17% more Python runs/s in bench_execution.py). Turn it off when several Executors share the CPUs
    (Ray's execution actors do).
    `isolation_level` says what is in use, e.g. "namespaces+seccomp+rlimits".
    """

    def __init__(
        self,
        workers: int | None = None,
        isolation: str = "auto",
        allow_unsafe: bool = False,
        cache_dir: Path | None = None,
        python: str | None = None,
        *,
        compile_limits: CompileLimits | None = None,
        pin: bool = True,
    ) -> None:
        self.workers = workers if workers is not None else os.cpu_count() or 1
        if not 1 <= self.workers <= MAX_WORKERS:  # each worker has its own host uids, from a range of 1000
            raise ValueError(f"workers must be between 1 and {MAX_WORKERS}, got {self.workers}")
        self.python = python or DEFAULT_PYTHON
        if not os.path.isabs(self.python) or not os.access(self.python, os.X_OK):
            raise ValueError(f"python must be an absolute path to an interpreter, got {self.python!r}")
        self._mode, self.isolation_level = choose_isolation(isolation, allow_unsafe)
        self._cpus = sorted(os.sched_getaffinity(0)) if pin else []
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self._runtime = create_runtime_dir(self.python)
        self._cleanup = weakref.finalize(self, remove_runtime_dir, self._runtime)  # even if close() is forgotten
        launcher, confiner = self._expose(build_launcher(self.cache_dir)), self._expose(build_confine(self.cache_dir))
        runloop = self._expose(build_runloop(self.cache_dir))
        self._env = SandboxEnvironment(self._mode, self._runtime, self.python, launcher, confiner, runloop)
        self._compiler = CppCompiler(self.cache_dir, self._runtime, self._mode, compile_limits or CompileLimits())
        self._tasks: queue.PriorityQueue[tuple[int, int, Callable[[Slot], None] | None]] = queue.PriorityQueue()
        self._sequence = itertools.count()
        self._compiles: dict[str, Future[_Compiled]] = {}
        self._compiles_lock = threading.Lock()
        self._private_uid = os.geteuid() == 0
        self._route: Callable[[str], str] = image_for  # which image runs a Python program (a benchmark may override)
        self._threads: list[threading.Thread] = []
        self._closed = False
        started: queue.Queue[BaseException | int] = queue.Queue()
        for index in range(self.workers):
            thread = threading.Thread(target=self._serve, args=(index, started), name=f"executor-{index}", daemon=True)
            thread.start()
            self._threads.append(thread)
        failures = [r for r in (started.get() for _ in range(self.workers)) if isinstance(r, BaseException)]
        if failures:
            self.close()
            raise IsolationError(f"the sandbox does not start: {failures[0]}")

    def _expose(self, built: Path | None) -> Path | None:
        """A natively built helper (see launcher.py, confine.py, runloop.py), linked into the runtime directory."""
        if built is None:
            return None
        exposed = self._runtime / built.name
        try:
            os.link(built, exposed)
        except OSError:
            shutil.copyfile(built, exposed)
            exposed.chmod(0o755)
        return exposed

    # -- lifecycle -------------------------------------------------------------------------------------------
    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        while True:  # drop queued work (e.g. left by an interrupted run_many): nobody will wait for it
            try:
                self._tasks.get_nowait()
            except queue.Empty:
                break
        for _ in self._threads:
            self._tasks.put((99, next(self._sequence), None))
        for thread in self._threads:
            thread.join(timeout=60)
        self._cleanup()

    def _serve(self, index: int, started: queue.Queue[BaseException | int]) -> None:
        """A worker thread: owns one slot's sandboxes (spawned from this thread: their death signal is tied to it)."""
        slot = Slot(index, self._env, self._cpus[index % len(self._cpus)] if self._cpus else None,
                     route=lambda source: self._route(source))  # fmt: skip
        try:
            slot.lean.start()
        except BaseException as exc:  # noqa: BLE001 - reported to the constructor
            slot.stop()
            started.put(exc)
            return
        started.put(index)
        try:
            while True:
                _, _, task = self._tasks.get()
                if task is None:
                    return
                task(slot)
        finally:
            slot.stop()

    def _submit(self, priority: int, task: Callable[[Slot], None]) -> None:
        if self._closed:
            raise RuntimeError("the Executor is closed")
        self._tasks.put((priority, next(self._sequence), task))

    # -- compiling -------------------------------------------------------------------------------------------
    def compile(self, program: Program) -> CompileResult:
        """Compile (C++) or syntax-check (Python) one program; cached, and shared with concurrent requests."""
        return self._compile_future(program).result().result

    def _compile_future(self, program: Program) -> Future[_Compiled]:
        with self._compiles_lock:
            future = self._compiles.get(program.id)
            if future is not None:
                if not future.done() or not future.result().sandbox_failure:
                    return future
            future = Future()
            self._compiles[program.id] = future
        if program.language == Language.CPP:
            outcome = self._compiler.lookup(program.source)
            if outcome is not None:
                future.set_result(self._compiled_binary(outcome))
                return future
        self._submit(0, lambda worker: self._compile_task(worker, program, future))
        return future

    def _remember(self, program: Program, compiled: _Compiled) -> None:
        with self._compiles_lock:
            if program.id not in self._compiles:
                self._compiles[program.id] = _done(compiled)

    def _python_code(self, program: Program) -> bytes:
        """The program's code as some worker's compiler marshalled it, if one has: other workers then skip compiling
        it (the first run of a program a worker has not seen otherwise compiles it, ~1 ms of CPU here)."""
        with self._compiles_lock:
            future = self._compiles.get(program.id)
        return future.result().code if future is not None and future.done() else b""

    def _compile_task(self, slot: Slot, program: Program, future: Future[_Compiled]) -> None:
        worker = slot.lean
        started = time.perf_counter()
        try:
            if program.language == Language.CPP:
                compiled = self._compiled_binary(self._compiler.compile(program.source, worker.index))
            else:
                ok, message, code = self._python_check(worker, program)
                result = CompileResult(ok, time.perf_counter() - started, False, message)
                compiled = _Compiled(result, "python", code=code)
        except Exception as exc:  # noqa: BLE001 - the judge failed, not the program
            failure = f"compilation could not run: {exc}"
            compiled = _Compiled(CompileResult(True, time.perf_counter() - started, False, failure), "", "", 0, failure)
        future.set_result(compiled)

    def _python_check(self, worker: Worker, program: Program) -> tuple[bool, str, bytes]:
        source = program.source.encode("utf-8", "surrogateescape")
        try:
            return worker.python_check(program.id, source)
        except WorkerError:
            worker.restart()
            return worker.python_check(program.id, source)

    def _compiled_binary(self, outcome: CompileOutcome) -> _Compiled:
        result = CompileResult(outcome.ok, outcome.seconds, outcome.cached, outcome.message)
        if not outcome.ok or outcome.binary is None:
            return _Compiled(result, "binary")
        exposed = self._runtime / "bin" / outcome.binary.name
        if not exposed.exists():
            try:
                os.link(outcome.binary, exposed)
            except FileExistsError:
                pass
            except OSError:  # another filesystem: copy
                partial = exposed.with_suffix(f".{threading.get_ident()}")
                shutil.copyfile(outcome.binary, partial)
                partial.chmod(0o755)
                os.replace(partial, exposed)
        return _Compiled(result, "binary", self._env.path_inside(exposed), outcome.static_bytes)

    # -- running ---------------------------------------------------------------------------------------------
    def run(
        self, program: Program, inputs: Sequence[str | bytes], limits: Limits, *, keep_going: KeepGoing | None = None
    ) -> ExecutionResult:
        """Run one program on every input (in parallel unless `keep_going` is given)."""
        return self.run_many([(program, inputs)], limits, keep_going=keep_going)[0]

    def run_many(
        self,
        jobs: Sequence[tuple[Program, Sequence[str | bytes]]],
        limits: Limits,
        *,
        keep_going: KeepGoing | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> list[ExecutionResult]:
        """Run every job over all workers; results in job order. `progress(n)` gets the number of finished jobs."""
        batch = _Batch(limits, keep_going, len(jobs))
        converted: dict[int, list[bytes]] = {}  # jobs usually share one list of inputs: convert it once
        entries = []
        for i, (program, inputs) in enumerate(jobs):
            if id(inputs) not in converted:
                converted[id(inputs)] = [_as_bytes(x) for x in inputs]
            entries.append(_Job(batch, i, program, converted[id(inputs)]))
        for job in entries:
            job.open_chunks = 1  # held until its runs are scheduled
            with self._compiles_lock:
                known = self._compiles.get(job.program.id)
            if job.program.language == Language.PYTHON3 and known is None and job.inputs:
                # No separate syntax check: each batch starts with the worker's compile verdict.
                self._schedule(job, _done(_Compiled(_CHECKED_IN_BATCH, "python")))
            else:
                self._compile_future(job.program).add_done_callback(lambda f, job=job: self._schedule(job, f))
        try:
            for done in range(1, len(entries) + 1):
                batch.finished.get()
                if batch.error is not None:
                    raise batch.error
                if progress is not None:
                    progress(done)
        except BaseException:
            batch.cancelled = True
            raise
        return [job.result() for job in entries]

    def _schedule(self, job: _Job, future: Future[_Compiled]) -> None:
        """Called when a job's program is compiled: queue its runs as one or more chunks."""
        try:
            self._schedule_chunks(job, future.result())
        except BaseException as exc:  # noqa: BLE001 - a callback's exception would be swallowed: fail the batch
            job.batch.fail(exc)
            job.chunk_done()

    def _schedule_chunks(self, job: _Job, compiled: _Compiled) -> None:
        job.compiled = compiled
        if not compiled.result.ok or not job.inputs:
            job.chunk_done()
            return
        n = len(job.inputs)
        if job.batch.keep_going is not None:
            size = n
        elif job.batch.jobs >= self.workers:  # the other jobs keep the workers busy: each worker that gets a chunk
            size = MAX_CHUNK  # of a Python program compiles it once more, so a short job stays on one worker
        else:
            size = max(1, min(MAX_CHUNK, math.ceil(n / self.workers)))
        chunks = [list(range(start, min(n, start + size))) for start in range(0, n, size)]
        with job.lock:
            job.open_chunks += len(chunks) - 1
        for chunk in chunks:
            self._submit(1, lambda worker, chunk=chunk: self._run_task(worker, job, chunk))

    def _run_task(self, slot: Slot, job: _Job, indices: list[int]) -> None:
        try:
            self._run_chunk(slot.for_program(job.program), job, indices)
        except BaseException as exc:  # noqa: BLE001 - never let a worker thread die
            for i in indices:
                if job.runs[i] is None:
                    job.runs[i] = sandbox_error(f"executor failure: {exc}")
        finally:
            job.chunk_done()

    def _run_chunk(self, worker: Worker, job: _Job, indices: list[int]) -> None:
        compiled, limits = job.compiled, job.batch.limits
        assert compiled is not None
        if compiled.sandbox_failure:
            for i in indices:
                if not job.store(i, sandbox_error(compiled.sandbox_failure)):
                    return
            return
        if compiled.kind == "binary" and compiled.static_bytes > limits.memory_bytes:
            over = RunResult(Status.MLE, 0.0, 0.0, compiled.static_bytes, None, None, b"", b"", False,
                             f"static data of {compiled.static_bytes >> 20} MiB exceeds the memory limit")  # fmt: skip
            for i in indices:
                if not job.store(i, over):
                    return
            return
        program_blob = job.program.source.encode("utf-8", "surrogateescape") if compiled.kind == "python" else b""
        code = (compiled.code or self._python_code(job.program)) if compiled.kind == "python" else b""
        pending = list(indices)
        while pending and not (job.stopped or job.batch.cancelled):
            current = _within_bytes(pending, job.inputs)
            try:
                if worker.process is None:
                    worker.restart()
                done, restart, compile_failed = self._run_batch(worker, job, current, program_blob, code)
            except (WorkerError, OSError) as exc:  # the run in flight (if any) is lost; the worker is replaced
                done, restart, compile_failed = self._runs_stored(job, current), True, False
                if done < len(current):
                    job.store(current[done], sandbox_error(str(exc)))
                    done += 1
            pending = [] if job.stopped or compile_failed else pending[done:]
            if restart:
                try:
                    worker.restart()
                except (WorkerError, OSError) as exc:
                    worker.stop()
                    for i in pending:
                        job.store(i, sandbox_error(f"worker {worker.index} cannot restart: {exc}"))
                    return

    def _run_batch(
        self, worker: Worker, job: _Job, current: list[int], program_blob: bytes, code: bytes
    ) -> tuple[int, bool, bool]:
        """One request: run `current` in order, storing results. Returns (runs stored, restart?, compile failed?)."""
        compiled, limits = job.compiled, job.batch.limits
        assert compiled is not None
        request = {
            "op": "run", "kind": compiled.kind, "program": job.program.id, "path": compiled.target,
            "limits": child_limits(limits, compiled.kind, worker.vsz, self._private_uid),
        }  # fmt: skip
        batch = worker.start_batch(request, program_blob, [job.inputs[i] for i in current], code)
        done, stopping, compile_failed = 0, False, False
        while True:
            facts, out, err = worker.next_event(limits.wall_seconds + HUNG_AFTER_SECONDS)
            if facts["op"] == "compiled":  # Python batches start with the compile verdict
                result = CompileResult(facts["ok"], float(facts["seconds"]), bool(facts["cached"]),
                                       str(facts["message"]))  # fmt: skip
                job.set_python_compile(result)
                self._remember(job.program, _Compiled(result, "python", code=out))  # `out`: the marshalled code
                stopping = compile_failed = not result.ok
            elif facts["op"] == "batch_end":
                if done < len(current) and not stopping:
                    raise WorkerError(f"worker {worker.index} ended a batch early")
                return done, False, compile_failed
            elif not stopping:  # after our stop, runs the server had already started are not wanted
                if facts.get("index") != done:
                    raise WorkerError(f"worker {worker.index} answered out of order")
                go_on = job.store(current[done], classify(facts, out, err, limits))
                done += 1
                if facts.get("dirty"):  # the scratch directory could not be emptied: start afresh
                    return done, True, False
                if not go_on and done < len(current):
                    worker.stop_batch(batch)
                    stopping = True

    @staticmethod
    def _runs_stored(job: _Job, current: list[int]) -> int:
        return sum(1 for _ in itertools.takewhile(lambda i: job.runs[i] is not None, current))


def _within_bytes(indices: list[int], inputs: list[bytes]) -> list[int]:
    """The longest prefix of `indices` whose inputs fit in one request (never empty)."""
    total = 0
    for count, i in enumerate(indices):
        total += len(inputs[i])
        if total > MAX_REQUEST_BYTES and count:
            return indices[:count]
    return indices


def _done(compiled: _Compiled) -> Future[_Compiled]:
    future: Future[_Compiled] = Future()
    future.set_result(compiled)
    return future


def _as_bytes(data: str | bytes) -> bytes:
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode("utf-8", "surrogateescape")
    raise TypeError(f"an input must be str or bytes, not {type(data).__name__}")


