"""C++ compilation: once per distinct source, cached on disk, sped up by a precompiled `bits/stdc++.h`, sandboxed.

The cache key hashes the source, the flags and the compiler's identity, so a compiler upgrade never serves stale
binaries. Deterministic compile errors are cached too; limit overruns (time, memory) are not, since they depend on
the machine's load. The compiler itself runs in a one-shot sandbox under its own time, memory, process and
file-size limits, with `/dev/null` as the only device: `#include </dev/random>`, template and constexpr explosions
and multi-gigabyte initialised arrays end as CE instead of hurting the host.

The precompiled header is built once into the cache (GCC looks for `NAME.gch` in every include directory before
`NAME`, so a directory holding `bits/stdc++.h.gch`, put first with -I, is all it takes; its flags must match).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import struct
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from solver.execution.results import COMPILER_MESSAGE_BYTES, MIB
from solver.execution.sandbox import COMPILE_UID_BASE, JUDGE_DIR, PRLIMIT, bwrap_args, host_uid, spawn_user

CXX = "/usr/bin/g++"
FLAGS = ("-std=c++17", "-O2", "-DONLINE_JUDGE")  # the PCH is built with exactly these
LINK_FLAGS = ("-static",)  # static binaries start ~2x faster than dynamic ones
DIAGNOSTIC_FLAGS = ("-fmax-errors=20", "-fdiagnostics-color=never")
STDCXX_HEADER = "bits/stdc++.h"
# Part of every cache key: bump it when the compile environment changes (sandbox, PCH layout), so that results
# produced by an older environment, compile errors included, are never served again.
ENVIRONMENT_VERSION = "2"


@dataclass(frozen=True)
class CompileLimits:
    seconds: float = 20.0  # wall and CPU time of the whole compilation
    memory_bytes: int = 2048 * MIB  # address space of each compiler process
    output_bytes: int = 256 * MIB  # largest file the compiler may write (object file, binary)


@dataclass(frozen=True)
class CompileOutcome:
    ok: bool
    seconds: float
    cached: bool
    message: str
    binary: Path | None  # in the cache
    static_bytes: int  # memory the binary's loadable segments need before it runs a single instruction


def static_footprint(binary: Path) -> int:
    """Sum of the PT_LOAD segments' in-memory sizes of an ELF64 binary (code, data and zero-filled .bss)."""
    with open(binary, "rb") as handle:
        head = handle.read(64)
        if head[:4] != b"\x7fELF" or head[4] != 2:
            return 0
        phoff, = struct.unpack_from("<Q", head, 32)
        phentsize, phnum = struct.unpack_from("<HH", head, 54)
        handle.seek(phoff)
        table = handle.read(phentsize * phnum)
    total = 0
    for i in range(phnum):
        kind, = struct.unpack_from("<I", table, i * phentsize)
        if kind == 1:  # PT_LOAD
            total += struct.unpack_from("<Q", table, i * phentsize + 40)[0]
    return total


class CppCompiler:
    """Compiles C++ sources into a content-addressed cache; thread-safe; one call per distinct source suffices."""

    def __init__(self, cache_dir: Path, runtime_dir: Path, mode: str, limits: CompileLimits) -> None:
        self.cache_dir, self.runtime_dir, self.mode, self.limits = cache_dir, runtime_dir, mode, limits
        self.binaries = cache_dir / "cpp"
        self.binaries.mkdir(parents=True, exist_ok=True)
        self.identity = self._compiler_identity()
        self._pch_lock = threading.Lock()
        self._pch_ready: bool | None = None  # None: not tried yet
        self._counter = 0
        self._counter_lock = threading.Lock()

    @staticmethod
    def _compiler_identity() -> str:
        version = subprocess.run([CXX, "--version"], capture_output=True, text=True, check=True).stdout
        machine = subprocess.run([CXX, "-dumpmachine"], capture_output=True, text=True, check=True).stdout
        return version.splitlines()[0] + " " + machine.strip()

    def key(self, source: str) -> str:
        text = "\0".join([ENVIRONMENT_VERSION, self.identity, *FLAGS, *LINK_FLAGS, source])
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def _paths(self, key: str) -> tuple[Path, Path]:
        folder = self.binaries / key[:2]
        return folder / key, folder / f"{key}.ce"

    def lookup(self, source: str) -> CompileOutcome | None:
        """A cached outcome, or None; cheap enough to call on every request."""
        started = time.perf_counter()
        binary, failure = self._paths(self.key(source))
        if binary.exists():
            return CompileOutcome(True, time.perf_counter() - started, True, "", binary, static_footprint(binary))
        if failure.exists():
            message = failure.read_text(errors="replace")
            return CompileOutcome(False, time.perf_counter() - started, True, message, None, 0)
        return None

    # -- the precompiled header ------------------------------------------------------------------------------
    def pch_dir(self) -> Path:
        tag = hashlib.sha256("\0".join([self.identity, *FLAGS]).encode()).hexdigest()[:16]
        return self.cache_dir / "pch" / tag

    def ensure_pch(self) -> bool:
        """Build the PCH once (across threads and processes) and expose it in the runtime directory."""
        with self._pch_lock:
            if self._pch_ready is None:
                self._pch_ready = self._build_pch()
            return self._pch_ready

    def _build_pch(self) -> bool:
        folder = self.pch_dir()
        target = folder / "bits" / "stdc++.h.gch"
        # GCC can only use a PCH before the first token of a file; an `#include <bits/stdc++.h>` further down
        # (e.g. in a checker wrapped by other code) must find the real header in the same directory as the .gch.
        copy = folder / "bits" / "stdc++.h"
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(folder / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be building it right now
            if not (target.exists() and copy.exists()):
                header = self._find_header()
                if header is None:
                    return False
                partial = target.with_suffix(f".tmp{os.getpid()}")
                # A trusted system header, compiled once on the host (the sandbox's limits are for contestants).
                done = subprocess.run(
                    [CXX, *FLAGS, "-x", "c++-header", str(header), "-o", str(partial)], capture_output=True, timeout=300
                )
                if done.returncode != 0:
                    partial.unlink(missing_ok=True)
                    return False
                partial.chmod(0o644)
                os.replace(partial, target)
                shutil.copyfile(header, partial)
                partial.chmod(0o644)
                os.replace(partial, copy)
        exposed = self.runtime_dir / "pch" / "bits"
        exposed.mkdir(mode=0o755, exist_ok=True)
        exposed.chmod(0o755)
        _link_or_copy(target, exposed / "stdc++.h.gch")
        _link_or_copy(copy, exposed / "stdc++.h")
        return True

    @staticmethod
    def _find_header() -> Path | None:
        done = subprocess.run([CXX, *FLAGS, "-H", "-E", "-x", "c++", "-"], input=f"#include <{STDCXX_HEADER}>\n",
                              capture_output=True, text=True)  # fmt: skip
        for line in done.stderr.splitlines():  # "-H" lists included headers, top level first: ". /usr/include/..."
            if line.startswith(". ") and line.endswith(STDCXX_HEADER):
                return Path(line[2:].strip())
        return None

    # -- compiling -------------------------------------------------------------------------------------------
    def compile(self, source: str, slot: int, use_pch: bool = True) -> CompileOutcome:
        """Compile (or fetch from the cache); `slot` picks the worker's private compile uid."""
        cached = self.lookup(source)
        if cached is not None:
            return cached
        key = self.key(source)
        pch = use_pch and STDCXX_HEADER in source and self.ensure_pch()
        build = self._build_dir(slot)
        try:
            started = time.perf_counter()
            outcome, deterministic = self._run_compiler(source, build, slot, pch)
            seconds = time.perf_counter() - started
            binary, failure = self._paths(key)
            binary.parent.mkdir(exist_ok=True)
            if outcome is None:  # success
                partial = binary.with_suffix(f".tmp{os.getpid()}-{slot}")
                shutil.copyfile(build / "a.out", partial)
                partial.chmod(0o755)
                os.replace(partial, binary)
                return CompileOutcome(True, seconds, False, "", binary, static_footprint(binary))
            if deterministic:
                partial = failure.with_suffix(f".tmp{os.getpid()}-{slot}")
                partial.write_text(outcome)
                os.replace(partial, failure)
            return CompileOutcome(False, seconds, False, outcome, None, 0)
        finally:
            shutil.rmtree(build, ignore_errors=True)

    def _build_dir(self, slot: int) -> Path:
        with self._counter_lock:
            self._counter += 1
            build = self.runtime_dir / f"build-{slot}-{self._counter}"
        build.mkdir(mode=0o700)
        uid = host_uid(COMPILE_UID_BASE, slot)
        if uid is not None:
            os.chown(build, uid, uid)
        return build

    def _run_compiler(self, source: str, build: Path, slot: int, pch: bool) -> tuple[str | None, bool]:
        """(None, _) on success, else (message, whether the failure is deterministic)."""
        uid = host_uid(COMPILE_UID_BASE, slot)
        (build / "solution.cpp").write_text(source, errors="surrogateescape")
        if uid is not None:
            os.chown(build / "solution.cpp", uid, uid)
        inside = "/build" if self.mode == "namespaces" else str(build)
        pch_dir = f"{JUDGE_DIR}/pch" if self.mode == "namespaces" else str(self.runtime_dir / "pch")
        seconds = int(self.limits.seconds) + 1
        command = [
            PRLIMIT, f"--as={self.limits.memory_bytes}", f"--cpu={seconds}", f"--fsize={self.limits.output_bytes}",
            "--core=0", "--nproc=64" if uid is not None else f"--nproc={_nproc_now()}", "--",
            CXX, *FLAGS, *DIAGNOSTIC_FLAGS, *(["-I", pch_dir] if pch else []), *LINK_FLAGS,
            "-o", f"{inside}/a.out", f"{inside}/solution.cpp",
        ]  # fmt: skip
        environment = {"PATH": "/usr/bin:/bin", "LANG": "C", "TMPDIR": inside if self.mode != "namespaces" else "/tmp"}
        if self.mode == "namespaces":
            binds = [("--ro-bind", str(self.runtime_dir / "pch"), f"{JUDGE_DIR}/pch"), ("--bind", str(build), "/build")]
            command = [*bwrap_args(1024 * MIB, binds, dev="null"), *command]
            environment = {}
        with open(build / "diagnostics", "wb") as diagnostics:
            process = subprocess.Popen(command, env=environment, cwd=str(build), stdin=subprocess.DEVNULL,
                                       stdout=diagnostics, stderr=diagnostics, **spawn_user(uid))  # fmt: skip
            try:
                code = process.wait(timeout=self.limits.seconds)
            except subprocess.TimeoutExpired:
                process.kill()  # bubblewrap's death ends its whole pid namespace
                process.wait()
                return f"compilation took longer than {self.limits.seconds:g} s", False
        with open(build / "diagnostics", "rb") as handle:
            message = handle.read(COMPILER_MESSAGE_BYTES).decode(errors="replace")
        if code == 0 and (build / "a.out").exists():
            return None, True
        if code < 0 or code > 128:  # killed: CPU or file-size limit
            return f"compiler killed by signal {abs(code) % 128} (time/memory/output limit)\n{message}", False
        if "out of memory" in message or "memory exhausted" in message:
            return f"compiler ran out of memory ({self.limits.memory_bytes >> 20} MiB)\n{message}", False
        # Only ordinary diagnostics (status 1) are a property of the source; a crashed or limit-killed compiler
        # (internal compiler error, status 4) might succeed with other limits, so that is not cached.
        return message or f"compiler exited with status {code}", code == 1 and "internal compiler error" not in message


def _nproc_now() -> int:
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NPROC)
    return soft if soft != resource.RLIM_INFINITY else 1 << 20


def _link_or_copy(source: Path, target: Path) -> None:
    if target.exists():
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
        target.chmod(0o644)
