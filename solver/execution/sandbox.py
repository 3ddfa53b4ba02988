"""Sandboxes: which isolation this machine offers, and the long-lived workers (one fork-server each) that use it.

"namespaces": each worker is one bubblewrap sandbox (new user, pid, net, ipc, uts, mount and cgroup namespaces;
uid 65534; read-only /usr; no /proc; a read-only /dev; a size-limited tmpfs scratch at /tmp; an empty environment;
no way to make further user namespaces) holding one fork-server. Run as root, each worker's bubblewrap is started as
its own unprivileged host uid so that RLIMIT_NPROC applies and workers never share a count.
"rlimits": the same fork-server without bubblewrap (rlimits + seccomp + a separate uid when root) — weak, so it is
refused unless the caller allows unsafe execution.

The supervisor side of the protocol lives here too (frames: a header plus raw blobs, see framing.py):
`run` sends a batch of inputs, the server streams back `compiled` (Python only), one `result` per input and
`batch_end`; a `stop` for that batch may be sent at any time. Every read has a deadline, sizes are bounded and
nothing is unpickled, so a broken or hostile server can only produce SANDBOX_ERROR.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from solver.execution import confine, forkchild, forkloop, forkmemory, forkserver, framing
from solver.execution.results import STDERR_KEPT_BYTES, STDOUT_KEPT_BYTES, IsolationError, Program
from solver.execution.seccomp_filter import build_bpf
from solver.problem import Language

BWRAP = "/usr/bin/bwrap"
PRLIMIT = "/usr/bin/prlimit"
SANDBOX_UID = 65534  # "nobody" inside the sandbox
RUN_UID_BASE, COMPILE_UID_BASE = 61000, 62000  # host uids used when we are root
MAX_WORKERS = 500  # run uids: RUN_UID_BASE + index for lean images, + FULL_UID_OFFSET for full ones
FULL_UID_OFFSET = 500
SANDBOX_PATH = "/usr/bin:/bin"
JUDGE_DIR = "/judge"  # the read-only runtime directory inside a sandbox
SCRATCH = "/tmp"
MODES = ("auto", "namespaces", "rlimits")


class WorkerError(RuntimeError):
    """The worker died, hung or broke the protocol; its run is a SANDBOX_ERROR and the worker is replaced."""


def host_uid(base: int, index: int) -> int | None:
    """A private unprivileged uid per worker when we are root; otherwise we can only run as ourselves."""
    return base + index if os.geteuid() == 0 else None


def _root_symlinks() -> list[str]:
    """Mirror the host's merged-/usr symlinks (/bin -> usr/bin, ...) so that binaries and the loader resolve."""
    args: list[str] = []
    for name in ("bin", "lib", "lib64", "sbin", "lib32", "libx32"):
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    return args


def bwrap_args(scratch_bytes: int, binds: Sequence[tuple[str, str, str]] = (), dev: str = "ro") -> list[str]:
    """The bubblewrap command line shared by run and compile sandboxes; `binds` are (option, host path, target)."""
    args = [
        BWRAP, "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
        "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID), "--ro-bind", "/usr", "/usr", *_root_symlinks(),
    ]  # fmt: skip
    if dev == "ro":
        args += ["--dev", "/dev", "--remount-ro", "/dev"]
    else:  # the compiler gets /dev/null only: `#include </dev/random>` must fail at once, not read forever
        args += ["--dir", "/dev", "--dev-bind", "/dev/null", "/dev/null"]
    args += ["--size", str(scratch_bytes), "--tmpfs", SCRATCH]
    for option, source, target in binds:
        args += [option, source, target]
    args += ["--remount-ro", "/", "--chdir", SCRATCH, "--clearenv"]
    for key, value in (("PATH", SANDBOX_PATH), ("LANG", "C.UTF-8"), ("HOME", SCRATCH), ("TMPDIR", SCRATCH)):
        args += ["--setenv", key, value]
    return args


def spawn_user(uid: int | None) -> dict[str, object]:
    return {} if uid is None else {"user": uid, "group": uid, "extra_groups": []}


_probe_cache: dict[int | None, str] = {}


def probe_namespaces(uid: int | None) -> str:
    """'' if a bubblewrap sandbox starts here as `uid`, else the reason it does not."""
    if uid not in _probe_cache:
        if not os.access(BWRAP, os.X_OK):
            _probe_cache[uid] = f"{BWRAP} is not installed"
        else:
            try:
                done = subprocess.run(
                    [*bwrap_args(1 << 20), "/usr/bin/true"], env={}, capture_output=True, timeout=20, **spawn_user(uid)
                )
                reason = done.stderr.decode(errors="replace").strip().splitlines()
                failure = reason[-1] if reason else f"exit {done.returncode}"
                _probe_cache[uid] = "" if done.returncode == 0 else failure
            except (OSError, subprocess.SubprocessError) as exc:
                _probe_cache[uid] = str(exc)
    return _probe_cache[uid]


def choose_isolation(requested: str, allow_unsafe: bool) -> tuple[str, str]:
    """(mode, description) for the strongest isolation allowed, or IsolationError."""
    if requested not in MODES:
        raise ValueError(f"isolation must be one of {', '.join(MODES)}, not {requested!r}")
    if requested in ("auto", "namespaces"):
        reason = probe_namespaces(host_uid(RUN_UID_BASE, 0))
        if not reason:
            return "namespaces", "namespaces+seccomp+rlimits"
        if requested == "namespaces":
            raise IsolationError(f"namespace isolation (bubblewrap) is unavailable here: {reason}")
    if not allow_unsafe:
        raise IsolationError(
            "only weak isolation (rlimits+seccomp, no namespaces) is available; "
            "pass allow_unsafe=True (--allow-unsafe) to run untrusted code anyway"
        )
    return "rlimits", "rlimits+seccomp" + ("+uid" if os.geteuid() == 0 else "")


@dataclass(frozen=True)
class SandboxEnvironment:
    mode: str  # "namespaces" | "rlimits"
    runtime_dir: Path  # world-traversable: the fork-server's three modules, bin/ (compiled programs), pch/
    python: str  # interpreter for contestants' Python (and the fork-server)
    launcher: Path | None = None  # in the runtime directory; None: compiled programs are started by forking
    confine: Path | None = None  # in the runtime directory; None: forked children set themselves up in Python
    runloop: Path | None = None  # in the runtime directory; None: the fork-server runs every input in Python
    scratch_bytes: int = 64 << 20

    @property
    def server_file(self) -> str:
        """The fork-server's bytecode if `create_runtime_dir` compiled it, else its source."""
        return "forkserver.pyc" if (self.runtime_dir / "forkserver.pyc").exists() else "forkserver.py"

    def path_inside(self, host_path: Path) -> str:
        """Where a file of the runtime directory appears to sandboxed code."""
        relative = host_path.relative_to(self.runtime_dir)
        root = JUDGE_DIR if self.mode == "namespaces" else str(self.runtime_dir)
        return f"{root}/{relative}"


# What a Python program may import and still run on a worker's lean image: what it preloads, and modules neither
# image preloads that import nothing heavier (anything else may pull in `re` and the like, which the full one holds).
LEAN_IMPORTS = frozenset(forkmemory.COMMON) | {
    "__future__", "_thread", "threading", "queue", "gc", "cmath", "abc", "numbers", "atexit", "struct", "select",
}  # fmt: skip
_IMPORTS = re.compile(r"(?:^|;)[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([^;#\n]+))", re.MULTILINE)


def image_for(source: str) -> str:
    """"lean" when every module a Python program imports is in LEAN_IMPORTS, else "full".

    Only speed depends on the answer (a lean server imports anything else the program asks for, at 1.5-5 ms a
    module per run), so doubt means "full": imports by other means than an import statement, for one.
    """
    if "__import__" in source or "importlib" in source or "exec(" in source or "eval(" in source:
        return "full"
    for match in _IMPORTS.finditer(source):
        parts = (match.group(2) or "").split(",")  # import a.b as c, d
        names = [match.group(1)] if match.group(1) else [part.split()[0] for part in parts if part.split()]
        if any(name.split(".")[0] not in LEAN_IMPORTS for name in names):
            return "full"
    return "lean"


class Worker:
    """One fork-server process (inside its own sandbox in namespaces mode), driven by exactly one thread.

    `image`: which modules the server preloads (forkmemory.IMAGES): "lean" or "full" (see `image_for`).
    """

    def __init__(self, index: int, env: SandboxEnvironment, cpu: int | None = None, image: str = "full") -> None:
        self.index, self.env, self.cpu, self.image = index, env, cpu, image  # cpu: where it and its runs stay
        self.uid = host_uid(RUN_UID_BASE, index + (FULL_UID_OFFSET if image == "full" else 0))
        self.process: subprocess.Popen[bytes] | None = None
        self.vsz = 0
        self.restarts = 0
        self._batches = 0
        self._log_path = env.runtime_dir / "logs" / f"worker-{index}-{image}.log"
        self._scratch: Path | None = None

    # -- lifecycle -------------------------------------------------------------------------------------------
    def start(self) -> None:
        request_read, self._request = os.pipe()
        self._reply, reply_write = os.pipe()
        server = str(self.env.runtime_dir / self.env.server_file)
        if self.env.mode == "namespaces":
            binds = [("--ro-bind", str(self.env.runtime_dir), JUDGE_DIR)]
            command = [*bwrap_args(self.env.scratch_bytes, binds), self.env.python, "-I", "-S"]
            command += [f"{JUDGE_DIR}/{self.env.server_file}", str(request_read), str(reply_write)]
            scratch, cwd = SCRATCH, None
        else:
            self._scratch = Path(self.env.runtime_dir / f"scratch-{self.index}-{self.image}-{self.restarts}")
            self._scratch.mkdir(mode=0o700)
            if self.uid is not None:
                os.chown(self._scratch, self.uid, self.uid)
            command = [self.env.python, "-I", "-S", server, str(request_read), str(reply_write)]
            scratch, cwd = str(self._scratch), str(self._scratch)
        # glibc sizes default thread stacks from the soft RLIMIT_STACK it starts with: pin it to the usual 8 MiB,
        # whatever ours is, so that threads fit under the address-space limit (children raise it for their main stack).
        command = [PRLIMIT, f"--stack={8 << 20}:", "--", *command]
        environment = {"PATH": SANDBOX_PATH, "LANG": "C.UTF-8", "HOME": scratch}
        if self.env.mode == "namespaces":
            environment = {}  # bubblewrap sets the sandbox's; its own pid 1 must not carry ours (/proc/1/environ)
        with open(self._log_path, "ab") as log:
            self.process = subprocess.Popen(
                command, env=environment, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                pass_fds=(request_read, reply_write), **spawn_user(self.uid),
            )  # fmt: skip
        os.close(request_read)
        os.close(reply_write)
        self._poll = select.poll()
        self._poll.register(self._reply, select.POLLIN)
        self._buffer = bytearray()
        # The pids the child must not signal, as it sees them: in a pid namespace the init (1) and the server (2).
        protected = [1, 2] if self.env.mode == "namespaces" else [1, self.process.pid, os.getpid()]
        init = {"op": "init", "kill_namespace": self.env.mode == "namespaces", "scratch": scratch,
                "launcher": self.env.path_inside(self.env.launcher) if self.env.launcher else None,
                "confine": self.env.path_inside(self.env.confine) if self.env.confine else None,
                "confine_steps": list(confine.STEPS), "cpu": self.cpu, "preload": forkmemory.IMAGES[self.image],
                "runloop": self.env.path_inside(self.env.runloop) if self.env.runloop else None}  # fmt: skip
        self._send(init, [build_bpf(protected)])
        ready, _ = self._receive(deadline=time.monotonic() + 30)
        if ready.get("op") != "ready" or (self.env.mode == "namespaces" and ready.get("pid") != 2):
            raise WorkerError(f"worker {self.index} did not start properly: {ready!r}")
        self.vsz = int(ready["vsz"])

    def stop(self) -> None:
        if self.process is None:
            return
        for fd in (self._request, self._reply):
            try:
                os.close(fd)
            except OSError:
                pass
        self.process.kill()  # bubblewrap's death takes the whole pid namespace with it
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        self.process = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def restart(self) -> None:
        self.stop()
        self.restarts += 1
        self.start()

    def log_tail(self) -> str:
        try:
            lines = self._log_path.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return lines[-1][:300] if lines else ""

    # -- requests --------------------------------------------------------------------------------------------
    def python_check(self, program_id: str, source: bytes, timeout: float = 60.0) -> tuple[bool, str, bytes]:
        """(compiles?, the compiler's message, the marshalled code object)."""
        self._send({"op": "pycompile", "program": program_id}, [source])
        header, blobs = self._receive(deadline=time.monotonic() + timeout)
        if header.get("op") != "compiled":
            raise WorkerError(f"unexpected reply {header.get('op')!r}")
        return bool(header["ok"]), str(header["message"]), blobs[0] if blobs else b""

    def start_batch(
        self, request: dict[str, object], program_blob: bytes, inputs: Sequence[bytes], code: bytes = b""
    ) -> int:
        """Send one batch of runs; read its results with `next_event` until `batch_end`. Returns the batch id.

        `code`: a Python program's code as another worker's compiler marshalled it, so this one need not compile it.
        """
        self._batches += 1
        blobs = [program_blob, code, *inputs] if code else [program_blob, *inputs]
        self._send({**request, "batch": self._batches, "code": bool(code)}, blobs)
        return self._batches

    def next_event(self, timeout: float) -> tuple[dict[str, object], bytes, bytes]:
        """The next `compiled` (Python: with the marshalled code if freshly compiled), `result` (with stdout,
        stderr) or `batch_end` of the current batch."""
        header, blobs = self._receive(deadline=time.monotonic() + timeout)
        if header.get("op") == "batch_end" and header.get("batch") == self._batches:
            return header, b"", b""
        if header.get("op") == "compiled" and isinstance(header.get("ok"), bool):
            return header, blobs[0] if blobs else b"", b""
        if header.get("op") != "result" or len(blobs) != 2:
            raise WorkerError(f"unexpected reply {header.get('op')!r} from worker {self.index}")
        return header, blobs[0], blobs[1]

    def stop_batch(self, batch: int) -> None:
        """Ask the server to skip the rest of the batch (it still ends it with `batch_end`)."""
        self._send({"op": "stop", "batch": batch}, [])

    # -- framing with deadlines ------------------------------------------------------------------------------
    def _send(self, header: dict[str, object], blobs: Sequence[bytes]) -> None:
        try:
            framing.write_all(self._request, framing.encode_request(header, blobs))
        except OSError as exc:
            raise WorkerError(f"worker {self.index} is gone ({exc}); {self.log_tail()}") from None

    def _receive(self, deadline: float) -> tuple[dict[str, object], list[bytes]]:
        (size,) = framing.PREFIX.unpack(self._read(framing.PREFIX.size, deadline))
        if size > framing.MAX_HEADER_BYTES:
            raise WorkerError(f"worker {self.index} sent a {size}-byte header")
        try:
            header = json.loads(self._read(size, deadline))
            sizes = [int(n) for n in header["blobs"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise WorkerError(f"worker {self.index} sent a malformed header: {exc}") from None
        if not isinstance(header, dict) or any(n < 0 or n > STDOUT_KEPT_BYTES + STDERR_KEPT_BYTES for n in sizes):
            raise WorkerError(f"worker {self.index} sent a malformed frame")
        return header, [self._read(n, deadline) for n in sizes]

    def _read(self, size: int, deadline: float) -> bytes:
        """Exactly `size` bytes; reads ahead so that a whole small frame usually costs one system call."""
        while len(self._buffer) < size:
            wait = deadline - time.monotonic()
            if wait <= 0 or not self._poll.poll(wait * 1000):
                raise WorkerError(f"worker {self.index} did not answer in time")
            chunk = os.read(self._reply, max(size - len(self._buffer), 1 << 16))
            if not chunk:
                raise WorkerError(f"worker {self.index} died; {self.log_tail()}")
            self._buffer += chunk
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data


class Slot:
    """One worker thread's sandboxes, on one CPU: a lean image, and a full one for the Python programs that import
    what only it preloads (see `image_for`); the full one starts when first needed. One runs at a time."""

    def __init__(self, index: int, environment: SandboxEnvironment, cpu: int | None,
                 route: Callable[[str], str]) -> None:  # fmt: skip
        self.lean = Worker(index, environment, cpu, image="lean")
        self.full = Worker(index, environment, cpu, image="full")  # started by the first batch that needs it
        self.route = route

    def for_program(self, program: Program) -> Worker:
        lean = program.language != Language.PYTHON3 or self.route(program.source) == "lean"
        return self.lean if lean else self.full

    def stop(self) -> None:
        self.lean.stop()
        self.full.stop()


# A runtime directory is owned by the process holding an flock on its OWNER_LOCK. The kernel drops the lock when that
# process dies, however it dies (kill -9, OOM), so the next Executor anywhere on the machine can tell a directory
# left behind (14-115 MB each) from one in use, and remove it. Directories without the file (made by older versions,
# or being made this instant) are left alone.
RUNTIME_PREFIX = "alphacode-exec-"
OWNER_LOCK = "owner.lock"
_held: dict[Path, int] = {}  # this process's runtime directories -> their open, locked OWNER_LOCK


def _hold(root: Path) -> None:
    """Lock `root` as ours. The lock file is locked under another name first and then renamed into place, so that
    no other process ever sees OWNER_LOCK unlocked while we live."""
    partial = root / f".{OWNER_LOCK}.{os.getpid()}"
    fd = os.open(partial, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.rename(partial, root / OWNER_LOCK)
    _held[root] = fd


def remove_runtime_dir(root: Path) -> None:
    """Remove one of this process's runtime directories, then let go of its lock."""
    shutil.rmtree(root, ignore_errors=True)
    fd = _held.pop(root, None)
    if fd is not None:
        os.close(fd)


def remove_stale_runtime_dirs(parent: Path | None = None) -> list[Path]:
    """Remove the runtime directories (in `parent`, the temporary directory by default) whose owner is gone."""
    removed = []
    for entry in Path(parent or tempfile.gettempdir()).glob(f"{RUNTIME_PREFIX}*"):
        try:
            fd = os.open(entry / OWNER_LOCK, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
        except OSError:  # no lock file (older, or being created), or not ours to open
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held while removing: two sweepers never race
        except OSError:
            os.close(fd)  # locked: its owner is alive
            continue
        shutil.rmtree(entry, ignore_errors=True)
        os.close(fd)
        removed.append(entry)
    return removed


def create_runtime_dir(python: str | None = None) -> Path:
    """A fresh directory every sandbox can read (0711: no listing) holding the fork-server, binaries and the PCH,
    locked as this process's (see OWNER_LOCK) after removing those whose owner is gone.

    With `python`, the fork-server's modules are also compiled to bytecode by that interpreter (the one the sandbox
    runs): a server that compiled its own source would keep ~1.3 MB of the compiler's leftovers in its heap, and
    every fork copies the page table entries of every resident page (~7% of a trivial run's CPU time).
    """
    remove_stale_runtime_dirs()
    root = Path(tempfile.mkdtemp(prefix=RUNTIME_PREFIX))
    _hold(root)
    root.chmod(0o711)
    for sub, mode in (("bin", 0o711), ("pch", 0o755), ("logs", 0o700)):
        (root / sub).mkdir(mode=mode)
        (root / sub).chmod(mode)
    for module in (forkserver, forkmemory, forkchild, forkloop, framing):
        server = root / Path(module.__file__).name
        shutil.copyfile(Path(module.__file__), server)
        server.chmod(0o644)
    if python is not None:
        compile_step = "import py_compile, sys\nfor p in sys.argv[1:]: py_compile.compile(p, p + 'c', doraise=True)"
        sources = [str(root / Path(m.__file__).name) for m in (forkserver, forkmemory, forkchild, forkloop, framing)]
        subprocess.run([python, "-I", "-S", "-c", compile_step, *sources], check=True, capture_output=True, timeout=60)
        for path in sources:
            Path(path + "c").chmod(0o644)
    return root
